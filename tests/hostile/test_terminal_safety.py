"""Escape sequences, control characters and markup never act: not in the reader, not in what the
command line prints, not in citations or the clipboard.

In the reader, "never written raw" is checked on what the app would write to the terminal to
paint the whole screen (every widget, every toast, the modal on top), and "shown visibly" on what a
terminal (pyte) shows after receiving it. Textual/Rich markup must show as the characters it is.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata

import pytest
import yaml
from hostile_tools import (
    CLIPBOARD_OSC, COLOUR_CSI, MARKUP, RAW, TITLE_OSC, assert_no_raw, hostile_article,
    hostile_line, notifications, reader_app, run_cli, screen_lines, terminal_output,
)

from reader.cite import available_styles, format_citation
from reader.config import Config
from reader.engine import analyze
from reader.loaders import load
from reader.loaders.text import parse_text
from reader.model import Analysis, Entity, Quote, Span

NAME = f"Eve [bold]Mallory[/bold] {TITLE_OSC}\u202e"
ROLE = f"[link=http://evil.example]spy[/link] {CLIPBOARD_OSC}"


def hand_analysis(article):
    """The hostile article with a speaker whose name and role are hostile too (an engine may
    well produce such a name from such an article)."""
    text = article.text
    start = text.index("“")
    end = text.index("”", start) + 1
    cue = text.index("said", end)
    quote = Quote("q1", "direct", Span(start, end), "s1", Span(cue + 5, cue + 8),
                  Span(cue, cue + 4), f"rule {MARKUP[0]}", 0.9)
    indirect = Quote("i1", "indirect", Span(text.index("Body"), text.index("Body") + 20), "s1")
    speaker = Entity("s1", NAME, ROLE, (f"Mal{COLOUR_CSI}",), (Span(cue + 5, cue + 8),))
    bystander = Entity("p1", f"Bob {MARKUP[3]} {COLOUR_CSI}", f"role {MARKUP[2]}", (), ())
    return Analysis(article, (quote, indirect), (speaker,), (bystander,))


def hostile():
    return parse_text(hostile_article(), source=f"story{TITLE_OSC}[b].txt")


def everything_on_screen(app) -> str:
    return "\n".join(screen_lines(app))


def check_screen(app, *shown: str) -> str:
    """Nothing raw in the output; every string of ``shown`` visible on the screen."""
    assert_no_raw(terminal_output(app), "terminal")
    # Textual draws with its own escape sequences; none of them sets the title or the clipboard
    output = terminal_output(app)
    assert "\x1b]0;" not in output and "\x1b]2;" not in output and "\x1b]52;" not in output
    screen = everything_on_screen(app)
    for text in shown:
        assert text in screen, (text, screen)
    return screen


def option_texts(option_list) -> list[str]:
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def test_body_header_lists_and_status_show_everything_literally():
    async with reader_app([hostile()], analyzer=hand_analysis, size=(240, 50)) as (app, pilot):
        await pilot.press("n")
        await pilot.pause()
        screen = check_screen(
            app,
            "Headline ␛]0;PWNED-TITLE␇ [bold]BOLD[/bold] ␛[2J␛[H",  # the header and the body
            "Eve [bold]Mallory[/bold]",  # speakers
            "Bob [red on blue]x",  # a person mentioned
            "quote 1 of 1 · Eve [bold]Mallory[/bold] ␛]0;PWNED-TITLE␇⟨U+202E⟩ · said",  # status
            "rule [bold]BOLD[/bold], 0.90",
            "␛]52;c;UFdORUQtQ0xJUEJPQVJE␇",  # body
            "⟨U+009B⟩31m", "zero⟨U+200B⟩width⟨U+2060⟩joined", "nul␀byte",
            "1 “ ␛]0;PWNED-TITLE␇⟨U+202E⟩",  # the quote list (the speaker's family name)
        )
        header = screen.splitlines()[0]
        assert header.startswith(" Headline ␛]0;PWNED-TITLE␇ [bold]BOLD[/bold]")
        speakers = "\n".join(option_texts(app.main.query_one("#speakers")))
        assert "Eve [bold]Mallory[/bold] ␛]0;PWNED-TITLE␇⟨U+202E⟩" in speakers
        assert "[link=http://evil.example]spy[/link] ␛]52;c;UFdORUQtQ0xJUEJPQVJE␇" in speakers
        assert "Bob [red on blue]x ␛[31mRED-TEXT␛[0m, role [/]" in speakers
        quotes = "\n".join(option_texts(app.main.query_one("#quotes")))
        assert "␛]0;PWNED-TITLE␇⟨U+202E⟩" in quotes and "␛[31mRED-TEXT" in quotes
        for text in (speakers, quotes):
            assert not any(fragment in text for fragment in RAW)


async def test_indirect_speech_and_filters_show_literally():
    async with reader_app([hostile()], analyzer=hand_analysis, size=(240, 50)) as (app, pilot):
        await pilot.press("i")
        await pilot.pause()
        app.main.speaker_filter = "s1"
        await pilot.press("slash")
        await pilot.press("left_square_bracket", "b", "o", "l", "d", "right_square_bracket")
        await pilot.pause()
        assert "Indirect speech shown." in " ".join(notifications(app))
        app.clear_notifications()
        await pilot.pause()
        check_screen(app, "speaker: Eve [bold]Mallory[/bold] ␛]0;PWNED-TITLE␇⟨U+202E⟩",
                     "search: [bold]")


async def test_notifications_show_file_names_and_errors_literally(tmp_path):
    bad = tmp_path / f"missing{CLIPBOARD_OSC}[bold]x[/bold].txt"
    async with reader_app([hostile()], analyzer=hand_analysis,
                          notices=[f"notice {hostile_line()}"]) as (app, pilot):
        app.main._load_article(str(bad))  # what the open key does (its box drops controls)
        await app.workers.wait_for_complete()
        await pilot.pause()
        message = notifications(app)[-1]
        assert message.endswith("[bold]x[/bold].txt': no such file")
        assert "␛]52;c;UFdORUQtQ0xJUEJPQVJE␇" in message
        for text in notifications(app):
            assert not any(fragment in text for fragment in RAW)
        check_screen(app, "no such file", "notice ␛]0;PWNED-TITLE␇")


async def test_copy_notifications_name_the_speaker_literally():
    async with reader_app([hostile()], analyzer=hand_analysis) as (app, pilot):
        await pilot.press("n")
        app.main.action_copy_speaker_quotes("s1")
        await pilot.pause()
        assert "Copied 1 quote of Eve [bold]Mallory[/bold] ␛]0;PWNED-TITLE␇⟨U+202E⟩" in \
            notifications(app)[-1]
        check_screen(app)


async def test_palette_shows_speakers_quotes_and_articles_literally(tmp_path):
    other = parse_text("Other\n\nx\n", source=f"other{COLOUR_CSI}[i].txt")
    async with reader_app([hostile(), other], analyzer=hand_analysis) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        for query in ("Go to speaker", "Go to quote", "Switch"):
            palette_input = app.screen.query_one("CommandInput")
            palette_input.value = query
            await pilot.pause(0.3)
            await pilot.pause()
            check_screen(app)
        screen = everything_on_screen(app)
        assert "Switch to article 2: Other" in screen
        palette_input.value = "Mallory"
        await pilot.pause(0.3)
        screen = check_screen(app, "Go to speaker: Eve [bold]Mallory[/bold] ␛]0;PWNED-TITLE␇")
        assert screen


async def test_help_and_style_screens_show_user_names_literally(config_file):
    config = Config(keys={"next_quote": "n,[b]"},
                    citation_styles={"[red]mine[/red]": "{quote} — {speaker}"})
    async with reader_app([hostile()], analyzer=hand_analysis, config=config) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        check_screen(app, "n [b]")
        await pilot.press("escape")
        await pilot.press("C")
        await pilot.pause()
        check_screen(app, "[red]mine[/red]")
        await pilot.press("escape")
        # the user style cites the hostile quote without any control character
        await pilot.press("n")
        app.set_citation_style("[red]mine[/red]")
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.startswith("We never said")
        assert_no_raw(app.clipboard, "clipboard")
        assert any("Copied citation of quote 1 ([red]mine[/red])" in n for n in notifications(app))


async def test_copied_text_carries_no_control_characters():
    async with reader_app([hostile()], analyzer=hand_analysis) as (app, pilot):
        await pilot.press("n")
        for key, style in (("y", None), ("c", "plain"), ("c", "apa"), ("c", "bibtex")):
            if style:
                app.set_citation_style(style)
            await pilot.press(key)
            await pilot.pause()
            copied = app.clipboard
            assert_no_raw(copied, "clipboard")
            assert not [c for c in copied if unicodedata.category(c) in ("Cc", "Cf") and c != "\n"]
            assert "[link=http://evil.example]LINK[/link]" in copied  # markup is just text


async def test_markup_in_a_real_analysis_is_literal_everywhere():
    """The real engine on an article whose speaker and headline are markup."""
    article = parse_text(
        "[bold]Breaking[/bold] [link=http://x]news[/link]\n\n"
        "“We are [red]not[/red] done [/],” said Jane [italic]Doe[/italic], a [b]spokeswoman[/b].\n"
    )
    async with reader_app([article]) as (app, pilot):
        await pilot.press("n")
        await pilot.pause()
        check_screen(app, "[bold]Breaking[/bold] [link=http://x]news[/link]",
                     "“We are [red]not[/red] done [/],”")
        assert app.main.analysis.quotes


# ---------------------------------------------------------------------------- the command line

def test_file_names_with_escapes_are_escaped_in_error_messages(capsys, tmp_path):
    name = tmp_path / f"{CLIPBOARD_OSC}{TITLE_OSC}\u202e[bold]x\nline.txt"
    for argv in (["quotes", str(name)], [str(name)], ["cite", str(name), "-q", "1"]):
        run = run_cli(capsys, *argv)
        assert run.status == 2 and run.err.count("\n") == 1
        assert_no_raw(run.err, "standard error")
        assert "\\x1b]52;c;UFdORUQtQ0xJUEJPQVJE\\x07\\x1b]0;PWNED-TITLE\\x07\\u202e[bold]x\\nline.txt" \
            in run.err


def test_undecodable_file_name_bytes_are_shown_as_bytes(capsys, tmp_path):
    name = str(tmp_path).encode() + b"/caf\xe9\x1b.txt"
    import os

    run = run_cli(capsys, "quotes", os.fsdecode(name))
    assert run.err.endswith("/caf\\xe9\\x1b.txt': no such file\n")


def test_arguments_echoed_in_usage_errors_are_escaped(capsys):
    for argv in (["quotes", "--format", TITLE_OSC], ["cite", "--quote", "1", "--style", COLOUR_CSI],
                 ["cite", "--quote", CLIPBOARD_OSC], ["--bogus", TITLE_OSC],
                 ["quotes", "--jobs", CLIPBOARD_OSC]):
        run = run_cli(capsys, *argv)
        assert run.status == 2 and run.err.count("\n") == 1, run
        assert_no_raw(run.err, "standard error")


def test_warnings_on_standard_error_are_escaped(capsys, tmp_path):
    path = tmp_path / f"legacy{TITLE_OSC}.txt"
    path.write_bytes(b"Head\n\n\x93Hi,\x94 she said.\n")
    run = run_cli(capsys, "quotes", str(path))
    assert run.status == 0 and "\\x1b]0;PWNED-TITLE\\x07.txt: not valid UTF-8" in run.err
    assert_no_raw(run.err, "standard error")


@pytest.fixture
def hostile_file(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(hostile_article(), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv"])
def test_readable_outputs_show_escapes_visibly(capsys, hostile_file, fmt):
    run = run_cli(capsys, "quotes", "--format", fmt, str(hostile_file))
    assert run.status == 0
    assert_no_raw(run.out, f"{fmt} output")
    assert not [c for c in run.out if unicodedata.category(c) == "Cc" and c not in "\n\r"]
    assert "␛[31mRED-TEXT␛[0m" in run.out or fmt == "csv" and "␛[31mRED-TEXT" in run.out
    assert "[link=http://evil.example]LINK[/link]" in run.out


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml"])
def test_data_outputs_escape_and_keep_the_exact_text(capsys, hostile_file, fmt):
    run = run_cli(capsys, "quotes", "--format", fmt, str(hostile_file))
    assert run.status == 0
    assert_no_raw(run.out, f"{fmt} output")
    assert not [c for c in run.out if unicodedata.category(c) in ("Cc", "Cf") and c != "\n"]
    if fmt == "json":
        [record] = json.loads(run.out)
    elif fmt == "jsonl":
        record = json.loads(run.out)
    else:
        record = yaml.safe_load(run.out)
    assert record["text"] == hostile_article()  # escaped, not lost
    for quote in record["quotes"]:
        assert record["text"][quote["start"]:quote["end"]] == quote["text"]


def test_csv_cells_are_not_formulas(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("=1+1.txt", "+cmd.txt", "-x.txt", "@SUM(A1).txt"):
        (tmp_path / name).write_text("Head\n\n“We will act,” said Jane Doe, a spokeswoman.\n",
                                     encoding="utf-8")
    run = run_cli(capsys, "quotes", "--format", "csv", "=1+1.txt", "+cmd.txt", "--", "-x.txt",
                  "@SUM(A1).txt")
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert [row["source"] for row in rows] == ["'=1+1.txt", "'+cmd.txt", "'-x.txt", "'@SUM(A1).txt"]
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), row


def test_yaml_and_json_escape_bidi_and_c1_controls(capsys, tmp_path):
    path = tmp_path / "bidi.txt"
    path.write_text("Head\n\n“a\u202eb\u2066c\x85d\u2028e” said Jo.\n", encoding="utf-8")
    for fmt in ("json", "yaml"):
        run = run_cli(capsys, "quotes", "--format", fmt, str(path))
        assert not any(c in run.out for c in "\u202e\u2066\x85\u2028"), fmt
        data = json.loads(run.out) if fmt == "json" else [yaml.safe_load(run.out)]
        assert data[0]["text"] == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("style", available_styles())
def test_citations_in_every_style_carry_no_control_characters(capsys, hostile_file, style):
    analysis = hand_analysis(load(hostile_file))
    for quote in analysis.quotes:
        citation = format_citation(analysis, quote, style)
        assert_no_raw(citation, f"{style} citation")
        assert not [c for c in citation if unicodedata.category(c) in ("Cc", "Cf") and c != "\n"]
    run = run_cli(capsys, "cite", str(hostile_file), "--quote", "1", "--style", style)
    if run.status == 0:
        assert_no_raw(run.out, "reader cite")
        assert not [c for c in run.out if unicodedata.category(c) in ("Cc", "Cf") and c != "\n"]
    else:
        assert "no quote" in run.err


def test_the_engine_on_hostile_text_gives_clean_citations(hostile_file):
    analysis = analyze(load(hostile_file))
    assert analysis.quotes
    for quote in analysis.quotes:
        for style in available_styles():
            citation = format_citation(analysis, quote, style)
            assert not [c for c in citation if unicodedata.category(c) in ("Cc", "Cf") and c != "\n"]


async def test_pasted_escapes_never_reach_the_search_or_open_boxes():
    from textual import events

    async with reader_app([hostile()], analyzer=hand_analysis) as (app, pilot):
        await pilot.press("slash")
        search = app.main.query_one("#search")
        search.post_message(events.Paste(f"We{TITLE_OSC}\u202e\u200b never"))
        await pilot.pause()
        assert search.value == "We]0;PWNED-TITLE never"
        check_screen(app)
        await pilot.press("escape", "o")
        await pilot.pause()
        path = app.screen.query_one("#open-path")
        path.post_message(events.Paste(f"/tmp/{CLIPBOARD_OSC}\tx"))
        await pilot.pause()
        assert path.value == "/tmp/]52;c;UFdORUQtQ0xJUEJPQVJE x"
        check_screen(app)


def test_markup_and_escapes_in_metadata_reach_nothing_raw(capsys, tmp_path):
    page = tmp_path / "story.md"
    page.write_text(
        "---\ntitle: \"[bold]T[/bold] \\e]0;PWNED-TITLE\\a\"\noutlet: \"Out\\e[31mRED-TEXT\"\n"
        "byline: \"\\u202eEVIL\"\n---\n“We act,” said Jane Doe.\n", encoding="utf-8")
    html = tmp_path / "page.html"
    html.write_text(
        "<html><head><title>&#x1b;]0;PWNED-TITLE&#7; [b]x</title></head><body><article>"
        "<p>“We will act at once on everything we promised,” said Jane Doe &#x1b;[31mRED-TEXT, "
        "a spokeswoman, on Tuesday in the capital.</p></article></body></html>", encoding="utf-8")
    for path in (page, html):
        for fmt in ("text", "markdown", "csv", "json", "yaml"):
            run = run_cli(capsys, "quotes", "--format", fmt, str(path))
            assert run.status == 0, run
            assert_no_raw(run.out, f"{fmt} of {path.name}")
        run = run_cli(capsys, "cite", str(path), "--quote", "1", "--style", "apa")
        assert run.status == 0 and "\x1b" not in run.out
    # a character reference to ESC is shown as the reader shows an ESC
    run = run_cli(capsys, "quotes", "--format", "jsonl", str(html))
    record = json.loads(run.out)
    assert record["article"]["headline"] == "␛]0;PWNED-TITLE␇ [b]x"
    assert "Jane Doe ␛[31mRED-TEXT" in record["text"]


async def test_markup_and_escapes_in_metadata_show_literally_in_the_reader(tmp_path):
    page = tmp_path / "story.md"
    page.write_text(
        "---\ntitle: \"[bold]T[/bold] \\e]0;PWNED-TITLE\\a\"\noutlet: \"Out\\e[31mRED-TEXT\"\n"
        "---\n“We act,” said Jane Doe.\n", encoding="utf-8")
    async with reader_app([load(page)]) as (app, pilot):
        check_screen(app, "[bold]T[/bold] ␛]0;PWNED-TITLE␇ · Out␛[31mRED-TEXT")

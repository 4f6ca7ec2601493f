"""Every key of the reader, driven with Pilot; assertions on state and on the clipboard."""

from __future__ import annotations


import pytest
from fixtures import seed_analysis
from helpers import running, settle
from textual.widgets import Input

from reader.cite import format_citation
from reader.config import Config
from reader.tui.body import ArticleBody
from reader.tui.panes import QuoteList, SpeakerList
from reader.tui.screens import HelpScreen, OpenScreen, StyleScreen


def ids(screen):
    return [q.id for q in screen.shown]


async def test_starts_with_article_lists_and_status():
    async with running() as (app, screen, pilot):
        body = screen.query_one(ArticleBody)
        assert body.line_text(0).startswith("UN envoy to Syria")
        assert ids(screen) == ["q1", "q2", "q3", "q4"]
        speakers = screen.query_one(SpeakerList)
        prompts = [speakers.row_text(i) for i in range(speakers.item_count())]
        assert any("Sergei Lavrov" in p for p in prompts)
        assert any("Staffan de Mistura" in p for p in prompts)
        assert any("Sergei Shoigu" in p for p in prompts)  # mentioned, not quoted
        assert screen.selected is None


@pytest.mark.parametrize("key", ["n", "right_square_bracket"])
async def test_next_quote_keys(key):
    async with running() as (app, screen, pilot):
        await pilot.press(key)
        assert screen.selected == "q1"
        await pilot.press(key)
        assert screen.selected == "q2"
        assert screen.query_one(QuoteList).highlighted == 1


@pytest.mark.parametrize("key", ["p", "left_square_bracket"])
async def test_previous_quote_keys(key):
    async with running() as (app, screen, pilot):
        await pilot.press(key)
        assert screen.selected == "q4"  # from nothing, previous wraps to the last
        await pilot.press(key, key)
        assert screen.selected == "q2"


async def test_next_quote_from_every_pane():
    async with running() as (app, screen, pilot):
        for pane, expected in (("#speakers", "q1"), ("#body", "q2"), ("#quotes", "q3")):
            screen.query_one(pane).focus()
            await pilot.press("n")
            assert screen.selected == expected, pane


async def test_selection_highlights_context_and_status():
    async with running() as (app, screen, pilot):
        await pilot.press("n", "n")
        body = screen.query_one(ArticleBody)
        styles = {m.style for m in body._layers["selection"]}
        assert styles == {"context", "selected", "mention", "cue"}
        quote = seed_analysis().quote("q2")
        selected = next(m for m in body._layers["selection"] if m.style == "selected")
        assert selected.span == quote.span
        status = str(screen.query_one("#status").render())
        assert "quote 2 of 4" in status and "Sergei Lavrov" in status and "said" in status
        assert "quote-cue-name, 0.95" in status
        lines = body.layout.lines_of(quote.span)
        top = int(body.scroll_y)
        assert top <= lines.start and lines.stop <= top + body.size.height


async def test_selected_quote_is_styled_strongly_not_by_colour_alone():
    async with running() as (app, screen, pilot):
        await pilot.press("n")
        body = screen.query_one(ArticleBody)
        style = body._style_table()["selected"]
        assert style.bold or style.underline or style.reverse


async def test_list_keys_j_k_g_G_and_arrows():
    async with running() as (app, screen, pilot):
        quotes = screen.query_one(QuoteList)
        quotes.focus()
        await pilot.press("j")
        assert screen.selected == "q1"
        await pilot.press("j", "down")
        assert screen.selected == "q3"
        await pilot.press("k")
        assert screen.selected == "q2"
        await pilot.press("up")
        assert screen.selected == "q1"
        await pilot.press("G")
        assert screen.selected == "q4"
        await pilot.press("g")
        assert screen.selected == "q1"


async def test_body_keys_scroll():
    async with running(size=(80, 24)) as (app, screen, pilot):
        body = screen.query_one(ArticleBody)
        body.focus()
        await pilot.press("j")
        await pilot.pause()
        assert body.scroll_y == 1
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 5
        await pilot.press("pageup")
        await pilot.pause()
        assert body.scroll_y == 0


async def test_tab_cycles_panes():
    async with running() as (app, screen, pilot):
        assert screen.focused.id == "quotes"
        await pilot.press("tab")
        assert screen.focused.id == "speakers"
        await pilot.press("tab")
        assert screen.focused.id == "body"
        await pilot.press("shift+tab")
        assert screen.focused.id == "speakers"


async def test_enter_on_speaker_filters_and_escape_clears():
    async with running() as (app, screen, pilot):
        speakers = screen.query_one(SpeakerList)
        speakers.focus()
        await pilot.press("down")  # the second speaker
        await pilot.press("enter")
        assert screen.speaker_filter == "s2"
        assert ids(screen) == ["q3", "q4"]
        marks = screen.query_one(ArticleBody)._layers["speaker"]
        assert {m.style for m in marks} == {"speaker-quote", "speaker-mention"}
        await pilot.press("n")
        assert screen.selected == "q3"
        await pilot.press("escape")
        assert screen.speaker_filter is None
        assert ids(screen) == ["q1", "q2", "q3", "q4"]
        assert screen.selected == "q3"
        await pilot.press("escape")
        assert screen.selected is None


async def test_search_is_incremental_and_marks_the_body():
    async with running() as (app, screen, pilot):
        await pilot.press("slash")
        search = screen.query_one("#search", Input)
        assert search.display and search.has_focus
        await pilot.press(*"interc")
        assert screen.search == "interc"
        assert ids(screen) == ["q3", "q4"]
        marks = screen.query_one(ArticleBody).search_marks()
        assert marks and all(m.style == "match" for m in marks)
        text = screen.analysis.article.text
        assert all(m.span.of(text).casefold() == "interc" for m in marks)
        await pilot.press("q")  # typing, not quitting
        assert app.is_running and ids(screen) == []
        await pilot.press("backspace", "enter")
        assert screen.query_one(QuoteList).has_focus
        assert screen.selected == "q3"
        await pilot.press("escape")
        assert screen.search == "" and not search.display
        assert ids(screen) == ["q1", "q2", "q3", "q4"]


async def test_search_keeps_selection_list_and_status_consistent():
    async with running() as (app, screen, pilot):
        await pilot.press("n")  # q1, which the search below does not match
        assert screen.selected == "q1"
        await pilot.press("slash", *"share")
        assert ids(screen) == ["q4"]
        assert screen.selected == "q4"  # the first match, as you type
        assert screen.query_one(QuoteList).highlighted == 0
        status = str(screen.query_one("#status").render())
        assert "quote 4 of 4" in status and "de Mistura" in status
        await pilot.press("z")  # no match: nothing selected, and the status says so
        assert ids(screen) == [] and screen.selected is None
        status = str(screen.query_one("#status").render())
        assert "quote 4 of 4" not in status and "0 shown" in status


async def test_c_copies_citation_in_current_style():
    async with running() as (app, screen, pilot):
        await pilot.press("n", "c")
        analysis = seed_analysis()
        assert app.clipboard == format_citation(analysis, analysis.quote("q1"), "plain", Config())
        assert any("citation of quote 1" in n.message for n in app._notifications)


async def test_c_without_selection_says_so():
    async with running() as (app, screen, pilot):
        await pilot.press("c")
        assert app.clipboard == ""


async def test_y_copies_bare_quote_text():
    async with running() as (app, screen, pilot):
        await pilot.press("n", "n", "y")
        text = seed_analysis().quote("q2").span.of(seed_analysis().article.text)
        assert app.clipboard == " ".join(text.split())


async def test_C_chooses_style_and_remembers_it(tmp_path):
    config = Config(citation_styles={"newsroom": "{quote} — {speaker}"})
    async with running(config=config) as (app, screen, pilot):
        await pilot.press("C")
        assert isinstance(app.screen, StyleScreen)
        await pilot.press("end", "enter")  # user styles come after the built-in ones
        await settle(pilot)
        assert app.citation_style == "newsroom"
        saved = (tmp_path / "config.yaml").read_text()
        assert "citation_style: newsroom" in saved


async def test_C_failure_to_save_is_a_notification(tmp_path, monkeypatch):
    bad = tmp_path / "config.yaml"
    bad.write_text("citation_style: [unclosed\n")
    config = Config(citation_styles={"newsroom": "{quote}"})
    async with running(config=config) as (app, screen, pilot):
        await pilot.press("C", "end", "enter")
        await settle(pilot)
        assert app.citation_style == "newsroom"
        assert any("could not save" in n.message for n in app._notifications)
        assert bad.read_text() == "citation_style: [unclosed\n"


async def test_copy_all_quotes_of_speaker_one_per_paragraph():
    async with running() as (app, screen, pilot):
        await pilot.press("n")
        screen.action_copy_speaker_quotes()
        await pilot.pause()
        paragraphs = app.clipboard.split("\n\n")
        assert len(paragraphs) == 2
        assert all("Sergei Lavrov" in p for p in paragraphs)


async def test_copy_all_quotes_of_speaker_gives_one_reference_entry():
    async with running() as (app, screen, pilot):
        app.citation_style = "bibtex"
        await pilot.press("n")
        screen.action_copy_speaker_quotes()
        await pilot.pause()
        # One BibTeX entry for the article, not one per quote (duplicate keys break a .bib file).
        assert app.clipboard.count("@misc{") + app.clipboard.count("@article{") == 1


async def test_i_toggles_indirect_speech():
    async with running() as (app, screen, pilot):
        await pilot.press("i")
        assert screen.show_indirect
        assert ids(screen) == ["i1", "q1", "q2", "i2", "q3", "q4"]
        body = screen.query_one(ArticleBody)
        assert any(m.style == "indirect" for m in body._layers["quotes"])
        await pilot.press("n")
        assert screen.selected == "i1"
        await pilot.press("i")
        assert ids(screen) == ["q1", "q2", "q3", "q4"]
        assert screen.selected is None
        assert not any(m.style == "indirect" for m in body._layers["quotes"])


async def test_indirect_default_from_config():
    async with running(config=Config(show_indirect=True)) as (app, screen, pilot):
        assert "i1" in ids(screen)


async def test_o_opens_another_article(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Second story\n\nSome text here.\n")
    async with running() as (app, screen, pilot):
        await pilot.press("o")
        assert isinstance(app.screen, OpenScreen)
        await pilot.press(*str(other))
        await pilot.press("enter")
        await settle(pilot)
        assert len(screen.articles) == 2 and screen.article_index == 1
        assert screen.query_one(ArticleBody).line_text(0) == "Second story"
        await pilot.press("less_than_sign")
        assert screen.article_index == 0
        await settle(pilot)
        assert ids(screen) == ["q1", "q2", "q3", "q4"]


async def test_o_bad_path_is_a_notification(tmp_path):
    async with running() as (app, screen, pilot):
        await pilot.press("o", *str(tmp_path / "missing.txt"), "enter")
        await settle(pilot)
        assert len(screen.articles) == 1
        assert any("no such file" in n.message for n in app._notifications)


async def test_help_lists_every_binding():
    from reader.tui.commands import COMMANDS

    async with running() as (app, screen, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.plain
        for command in COMMANDS:
            assert command.id in text
        for binding_id in ("list.down", "body.page_down"):
            assert binding_id in text
        assert "set-clipboard on" in text
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quit_keys(key):
    async with running() as (app, screen, pilot):
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running or app._exit_renderables is not None or app.return_code == 0
    assert app.return_code == 0


async def test_keymap_from_config_remaps():
    config = Config(keys={"next_quote": "x", "nonsense": "z"})
    async with running(config=config) as (app, screen, pilot):
        await pilot.press("x")
        assert screen.selected == "q1"
        await pilot.press("n")
        assert screen.selected == "q1"  # n no longer bound
        assert any("nonsense" in n.message for n in app._notifications)


async def test_notices_are_shown():
    async with running(notices=["/tmp/x.yaml: line 3: not valid YAML; using the defaults"]) as (
            app, screen, pilot):
        assert any("not valid YAML" in n.message for n in app._notifications)


async def test_multiple_articles_switch(tmp_path):
    from reader.loaders import load
    from fixtures import seed_article

    other = tmp_path / "b.txt"
    other.write_text("Headline B\n\n“Hello,” she said.\n")
    async with running(articles=[seed_article(), load(other)]) as (app, screen, pilot):
        assert "[1/2]" in str(screen.query_one("#header").render())
        await pilot.press("greater_than_sign")
        await settle(pilot)
        assert screen.article_index == 1
        assert screen.query_one(ArticleBody).line_text(0) == "Headline B"
        await pilot.press("greater_than_sign")
        assert screen.article_index == 0


async def test_palette_go_to_quote_and_speaker():
    async with running() as (app, screen, pilot):
        entries = {title: cb for title, _, cb in screen.palette_entries()}
        go = next(cb for t, cb in entries.items() if t.startswith("Go to quote 3"))
        go()
        await pilot.pause()
        assert screen.selected == "q3"
        speaker = next(cb for t, cb in entries.items() if t == "Go to speaker: Sergei Lavrov")
        speaker()
        await pilot.pause()
        assert screen.speaker_filter == "s1" and screen.selected == "q1"
        assert any(t.startswith("Copy all quotes of") for t in entries)


async def test_palette_opens_and_runs_a_command():
    async with running() as (app, screen, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"go to quote 4")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.selected == "q4"


async def test_body_shows_before_the_analysis_finishes():
    import threading

    from fixtures import seed_analysis as build

    release = threading.Event()

    def slow(article):
        release.wait(10)
        return build(article)

    from helpers import make_app

    app = make_app(analyzer=slow)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.main
        assert screen.query_one(ArticleBody).line_text(0).startswith("UN envoy to Syria")
        assert screen.analysis is None
        quotes = screen.query_one(QuoteList)
        assert "analysing" in quotes.row_text(0)
        await pilot.pause(0.7)  # the status line counts the seconds while the engine works
        status = str(screen.query_one("#status").render())
        assert "analysing" in status and "characters" in status and " s " in status
        release.set()
        await settle(pilot)
        assert ids(screen) == ["q1", "q2", "q3", "q4"]
        status = str(screen.query_one("#status").render())
        assert "analysing" not in status and "4 quotes" in status


async def test_status_shows_the_share_of_the_analysis_done():
    """An analyzer that reports progress (the engine does) has its share shown in the status."""
    import threading

    from fixtures import seed_analysis as build

    release = threading.Event()
    reported = threading.Event()

    def halfway(article, progress=None):
        progress(0.4)
        reported.set()
        release.wait(10)
        progress(1.0)
        return build(article)

    from helpers import make_app

    app = make_app(analyzer=halfway)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert reported.wait(5)
        await pilot.pause(0.7)
        status = str(app.main.query_one("#status").render())
        assert "analysing" in status and "40%" in status
        release.set()
        await settle(pilot)
        status = str(app.main.query_one("#status").render())
        assert "analysing" not in status and "4 quotes" in status


async def test_theme_from_config_and_remembered_when_changed(tmp_path):
    async with running(config=Config(theme="nord")) as (app, screen, pilot):
        assert app.theme == "nord"
        app.theme = "gruvbox"
        await settle(pilot)
        assert "theme: gruvbox" in (tmp_path / "config.yaml").read_text()


async def test_theme_from_config_is_not_written_back(tmp_path):
    async with running(config=Config(theme="nord")) as (app, screen, pilot):
        await settle(pilot)
        assert app.theme == "nord"
    assert not (tmp_path / "config.yaml").exists()


async def test_unknown_theme_is_a_notice():
    async with running(config=Config(theme="no-such-theme")) as (app, screen, pilot):
        assert any("unknown theme" in n.message for n in app._notifications)


@pytest.mark.parametrize("style", ["apa", "markdown", "bibtex"])
async def test_c_uses_the_configured_style(style):
    async with running(config=Config(citation_style=style)) as (app, screen, pilot):
        await pilot.press("n", "n", "c")
        analysis = seed_analysis()
        expected = format_citation(analysis, analysis.quote("q2"), style, Config(citation_style=style))
        assert app.clipboard == expected
        assert any(f"({style})" in n.message for n in app._notifications)


async def test_engine_failure_is_a_notice_and_the_text_stays():
    def broken(article):
        raise ValueError("boom")

    async with running(analyzer=broken) as (app, screen, pilot):
        assert any("analysis failed" in n.message and "boom" in n.message
                   for n in app._notifications)
        assert screen.query_one(ArticleBody).line_text(0).startswith("UN envoy to Syria")
        await pilot.press("n")
        assert screen.selected is None


async def test_tab_twice_in_one_burst_moves_two_panes():
    async with running() as (app, screen, pilot):
        assert screen.query_one(QuoteList).has_focus
        screen.action_focus_next_pane()
        screen.action_focus_next_pane()  # before any message is processed
        await pilot.pause()
        assert screen.query_one(ArticleBody).has_focus


async def test_key_bar_shows_keys_in_force_and_runs_them_on_click():
    from reader.tui.panes import KeyBar

    async with running(config=Config(keys={"next_quote": "x"})) as (app, screen, pilot):
        bar = screen.query_one(KeyBar)
        text = str(bar.render())
        assert "x Next" in text and "^p palette" in text
        cite = next(e for e in bar._entries if e[1] == "Cite")
        assert cite[3] is False  # nothing selected: citing does not apply yet
        start, end, _ = next(s for s in bar._spans if s[2] == "next_quote")
        await pilot.click(bar, offset=(start + 1, 0))
        await pilot.pause()
        assert screen.selected == "q1"
        assert next(e for e in bar._entries if e[1] == "Cite")[3] is True


async def test_keys_faster_than_the_screen_never_bounce_the_selection():
    async with running() as (app, screen, pilot):
        # Three key presses handled before any message: the list's cursor moves are not echoed
        # back to the screen, so the selection settles on the third quote and stays there.
        screen.action_next_quote()
        screen.action_next_quote()
        screen.action_next_quote()
        for _ in range(5):
            await pilot.pause()
        assert screen.selected == "q3"
        assert screen.query_one(QuoteList).highlighted == 2


async def test_speaker_with_only_hidden_quotes_sinks_dimmed_and_returns_with_i():
    from dataclasses import replace

    from fixtures import seed_analysis as build

    from reader.model import Entity, Quote, Span

    def analyzer(article):
        analysis = build(article)
        text = article.text
        at = text.index("the worst humanitarian crisis")
        un = Entity("s3", "United Nations", None, (), (), kind="organisation")
        reported = Quote("i3", "indirect", Span(at, at + 29), "s3", rule="test", confidence=0.5)
        return replace(analysis, speakers=(un,) + analysis.speakers,
                       quotes=analysis.quotes + (reported,))

    async with running(analyzer=analyzer) as (app, screen, pilot):
        speakers = screen.query_one(SpeakerList)
        rows = [speakers.row_text(i) for i in range(speakers.item_count())]
        quoted = [r for i, r in enumerate(rows) if speakers.item_enabled(i)]
        assert quoted[-1].startswith("United Nations") and "only indirect (i)" in quoted[-1]
        await pilot.press("i")
        rows = [speakers.row_text(i) for i in range(speakers.item_count())]
        un = next(r for r in rows if r.startswith("United Nations"))
        assert "only indirect" not in un and "United Nations  1" in un


async def test_copy_keys_with_nothing_selected_say_why():
    async with running() as (app, screen, pilot):
        await pilot.press("c")
        await pilot.press("y")
        messages = [n.message for n in app._notifications]
        assert sum("Select a quote first" in m for m in messages) == 2
        assert app.clipboard == ""
        titles = [title for title, _, _ in screen.palette_entries()]
        assert not any(t.startswith("Cite") for t in titles)  # the palette offers what applies

"""The bad-input table, row by row: the command line and the reader.

Each row is tested on ``reader quotes`` (and ``reader cite`` where it applies), on ``reader PATH``
(which loads before the UI starts, so bad input is a one-line error, not a broken screen), and in
the running reader (the open key, notifications, the body). Time is not asserted anywhere: the
pathological inputs are timed by ``bench/linearity.py``.
"""

from __future__ import annotations

import io
import json
import os
import shlex
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hostile_tools import notifications, open_in_app, reader_app, run_cli

sys.path.insert(0, str(Path(__file__).parents[1] / "e2e"))
from terminal import reader_command  # noqa: E402

from reader.config import Config
from reader.loaders import load
from reader.model import Analysis

ARTICLE = "Headline\n\n“We will act,” said Jane Doe, a spokeswoman.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00\x01\x00\x00\x00" + bytes(range(64))


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.fixture
def opened(monkeypatch):
    """``reader PATH`` up to the point where the UI would start: what it would be given."""
    captured: dict = {}

    def fake_run_app(articles, config, notices):
        captured.update(articles=articles, config=config, notices=notices)
        return 0

    monkeypatch.setattr("reader.tui.run_app", fake_run_app)
    return captured


def one_line_error(run, *needles: str) -> None:
    """Status 2 and exactly one line on standard error, holding every needle."""
    assert run.status == 2, run
    assert run.err.endswith("\n") and run.err.count("\n") == 1, run.err
    assert run.err.startswith("reader: ")
    for needle in needles:
        assert needle in run.err, (needle, run.err)


# ---------------------------------------------------------------------------- missing, unreadable,
# an empty directory: exit 2, one line naming the file and the reason

def test_missing_file(capsys, tmp_path, opened):
    missing = str(tmp_path / "gone.txt")
    for argv in (["quotes", missing], [missing], ["cite", missing, "--quote", "1"]):
        one_line_error(run_cli(capsys, *argv), f"'{missing}'", "no such file")
    assert not opened


@pytest.fixture
def unreadable(tmp_path, monkeypatch) -> Path:
    """A file that cannot be read. chmod 000 means nothing to root, so opening it is refused."""
    path = write(tmp_path, "secret.txt", ARTICLE)
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if Path(self).resolve() == path.resolve():
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    return path


def test_unreadable_file(capsys, unreadable, opened):
    for argv in (["quotes", str(unreadable)], [str(unreadable)],
                 ["cite", str(unreadable), "--quote", "1"]):
        one_line_error(run_cli(capsys, *argv), f"'{unreadable}'", "permission denied")
    assert not opened


def test_directory_with_no_articles(capsys, tmp_path, opened):
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    write(empty, "notes.pdf", b"%PDF")
    write(empty, "story.meta.yaml", "title: Only metadata\n")
    for argv in (["quotes", str(empty)], [str(empty)]):
        one_line_error(run_cli(capsys, *argv), f"'{empty}'", "holds no articles")
    one_line_error(run_cli(capsys, "cite", str(empty), "--quote", "1"), f"'{empty}'", "directory")
    assert not opened


async def test_missing_unreadable_and_directory_in_the_reader(tmp_path, unreadable):
    directory = tmp_path / "a-directory"
    directory.mkdir()
    cases = [(tmp_path / "gone.txt", "no such file"), (unreadable, "permission denied"),
             (directory, "is a directory")]
    async with reader_app([load(write(tmp_path, "first.txt", ARTICLE))]) as (app, pilot):
        for path, reason in cases:
            await open_in_app(pilot, path)
            assert notifications(app)[-1] == f"cannot open '{path}': {reason}"
        assert len(app.main.articles) == 1 and app.main.article_index == 0
        assert app.main.selected is None  # still the first article, still usable
        await pilot.press("n")
        assert app.main.selected == "q1"


# ---------------------------------------------------------------------------- binary files

@pytest.mark.parametrize("data", [PNG, ELF], ids=["png", "elf"])
@pytest.mark.parametrize("name", ["picture.txt", "picture.png", "program", "story.md",
                                  "page.html", "data.yaml"])
def test_binary_file_is_not_a_text_article(capsys, tmp_path, opened, data, name):
    path = write(tmp_path, name, data)
    for argv in (["quotes", str(path)], [str(path)], ["cite", str(path), "--quote", "1"]):
        one_line_error(run_cli(capsys, *argv), f"'{path}'", "not a text article")
    assert not opened


async def test_binary_file_in_the_reader(tmp_path):
    async with reader_app([load(write(tmp_path, "first.txt", ARTICLE))]) as (app, pilot):
        for name, data in (("image.png", PNG), ("a.out", ELF)):
            path = write(tmp_path, name, data)
            await open_in_app(pilot, path)
            assert notifications(app)[-1] == f"cannot open '{path}': not a text article (binary data)"
        assert len(app.main.articles) == 1


# ---------------------------------------------------------------------------- empty, whitespace

EMPTY = [b"", b"   ", b"\n\n\n", b" \t \r\n\r\n", "\u00a0\n\u2003\n".encode(), b"\xef\xbb\xbf"]
EMPTY_IDS = ["empty", "spaces", "newlines", "crlf-tabs", "unicode-spaces", "bom-only"]


@pytest.mark.parametrize("data", EMPTY, ids=EMPTY_IDS)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".yaml"])
def test_empty_file_has_no_quotes(capsys, tmp_path, data, suffix):
    path = write(tmp_path, f"empty{suffix}", data)
    run = run_cli(capsys, "quotes", "--format", "json", str(path))
    assert run.status == 0 and run.err == ""
    [record] = json.loads(run.out)
    assert record["quotes"] == [] and record["speakers"] == []
    run = run_cli(capsys, "quotes", str(path))
    assert run.status == 0 and run.err == ""
    run = run_cli(capsys, "cite", str(path), "--quote", "1")
    assert run.status == 2 and "no quotes were found" in run.err and run.err.count("\n") == 1


@pytest.mark.parametrize("data", EMPTY, ids=EMPTY_IDS)
async def test_empty_file_opens_and_says_there_is_no_text(capsys, tmp_path, opened, data):
    path = write(tmp_path, "empty.txt", data)
    assert run_cli(capsys, str(path)).status == 0
    async with reader_app(opened["articles"], notices=opened["notices"]) as (app, pilot):
        body = app.main.query_one("#body")
        assert body.line_text(0) == "This article has no text."
        assert "0 quotes" in str(app.main.query_one("#status").render())
        await pilot.press("n", "p", "c", "y", "i", "slash", "x", "escape", "G", "g", "C", "escape")
        assert app.main.selected is None and app.is_running


# ---------------------------------------------------------------------------- encodings

LATIN_1 = "Headline\n\n“Ça va,” said Zoë Müller, the café’s owner.\n"


def encodings(tmp_path: Path) -> list[tuple[Path, str | None]]:
    """(file, expected warning or None): each decodes to text with the quote intact."""
    broken_utf8 = LATIN_1.encode("utf-8").replace(b"Zo\xc3\xab", b"Zo\xeb")  # one Latin-1 byte
    return [
        (write(tmp_path, "latin1.txt", LATIN_1.replace("“", '"').replace("”", '"')
               .replace("’", "'").encode("latin-1")), "decoded as Windows-1252"),
        (write(tmp_path, "cp1252.txt", LATIN_1.encode("cp1252")), "decoded as Windows-1252"),
        (write(tmp_path, "broken-utf8.txt", broken_utf8), "shown as \ufffd"),
        (write(tmp_path, "utf16.txt", LATIN_1.encode("utf-16")), None),
        (write(tmp_path, "utf16be.txt", "\ufeff".encode("utf-16-be") + LATIN_1.encode("utf-16-be")),
         None),
        (write(tmp_path, "utf8-bom.txt", b"\xef\xbb\xbf" + LATIN_1.encode("utf-8")), None),
    ]


def test_encodings_on_the_command_line(capsys, tmp_path, opened):
    for path, warning in encodings(tmp_path):
        run = run_cli(capsys, "quotes", "--format", "jsonl", str(path))
        assert run.status == 0, run
        record = json.loads(run.out)
        assert "Ça va," in record["text"] or "\ufffd" in record["text"]
        assert [q["text"].strip("“”\"") for q in record["quotes"]][:1] == ["Ça va,"]
        if warning:
            assert run.err.count("\n") == 1 and run.err.startswith("reader: warning: ")
            assert str(path) in run.err and warning in run.err
        else:
            assert run.err == ""
        run = run_cli(capsys, str(path))
        assert run.status == 0
        expected = [f"{path}: not valid UTF-8"] if warning else []
        assert [n.split(" (byte")[0] for n in opened["notices"]] == expected


async def test_encoding_warnings_are_notifications_in_the_reader(tmp_path, capsys, opened):
    files = encodings(tmp_path)
    run_cli(capsys, *[str(p) for p, _ in files])
    async with reader_app(opened["articles"], notices=opened["notices"]) as (app, pilot):
        shown = notifications(app)
        for path, warning in files:
            assert any(str(path) in n and warning in n for n in shown) == bool(warning), path
        # and the same through the open key
        extra = write(tmp_path, "more.txt", "Head\n\n\x93Yes,\x94 she said.\n".encode("latin-1"))
        await open_in_app(pilot, extra)
        assert notifications(app)[-1] == f"{extra}: not valid UTF-8 (byte 6); decoded as Windows-1252"
        assert app.main.article.text == "Head\n\n“Yes,” she said.\n"


# ---------------------------------------------------------------------------- too large

@pytest.fixture
def small_limit(config_file) -> int:
    config_file.write_text("max_article_mb: 1\n", encoding="utf-8")
    return 1024 * 1024


def big_file(tmp_path: Path) -> Path:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    return path


def test_a_file_over_the_limit_is_refused(capsys, tmp_path, small_limit, opened):
    path = big_file(tmp_path)
    reason = "too large (209,715,200 bytes; the limit is 1,048,576)"
    for argv in (["quotes", str(path)], [str(path)], ["cite", str(path), "--quote", "1"]):
        one_line_error(run_cli(capsys, *argv), f"'{path}'", reason)
    assert not opened


def test_the_default_limit_is_64_mb(capsys, tmp_path):
    one_line_error(run_cli(capsys, "quotes", str(big_file(tmp_path))), "the limit is 67,108,864")


class Endless(io.RawIOBase):
    """Standard input that never ends."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b"a" * len(buffer)
        return len(buffer)


def test_stdin_that_never_ends_is_cut_at_the_limit(capsys, small_limit, monkeypatch, opened):
    for argv in (["quotes", "-"], ["-"]):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
        one_line_error(run_cli(capsys, *argv), "'-'", "too large (over 1,048,576 bytes)")
    assert not opened


async def test_a_file_over_the_limit_in_the_reader(tmp_path):
    path = big_file(tmp_path)
    first = load(write(tmp_path, "first.txt", ARTICLE))
    async with reader_app([first], config=Config(max_article_mb=1)) as (app, pilot):
        await open_in_app(pilot, path)
        assert notifications(app)[-1] == (
            f"cannot open '{path}': too large (209,715,200 bytes; the limit is 1,048,576)")


# ---------------------------------------------------------------------------- pipes, devices, loops

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def finishes(function, *args):
    """Run ``function`` in a thread; its result. A hang guard, not a speed check: if a bug makes
    the call block forever, the test fails after a minute instead of hanging the suite."""
    result: dict = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", function(*args)),
                              daemon=True)
    thread.start()
    thread.join(60)
    assert not thread.is_alive(), "blocked"
    return result["value"]


@needs_fifo
def test_named_pipe_with_nothing_writing_is_refused_not_waited_on(capsys, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    run = finishes(run_cli, capsys, "quotes", str(fifo))
    one_line_error(run, f"'{fifo}'", "named pipe with nothing writing to it")


needs_bash = pytest.mark.skipif(shutil.which("bash") is None or not Path("/dev/fd").exists(),
                                reason="needs bash process substitution")


def bash(script: str) -> subprocess.CompletedProcess:
    command = " ".join(shlex.quote(part) for part in reader_command())
    return subprocess.run(["bash", "-c", script.replace("READER", command)], capture_output=True,
                          text=True, timeout=600, check=False)


@needs_bash
def test_a_pipe_from_process_substitution_is_read():
    """``reader <(curl …)`` hands reader a pipe whose writer is already there: it must work."""
    result = bash(f"READER quotes --format jsonl <(sleep 0.2; printf %s {shlex.quote(ARTICLE)})")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["quotes"][0]["speaker"] == "Jane Doe"


@needs_bash
def test_a_pipe_that_never_ends_is_cut_at_the_limit(small_limit):
    result = bash("READER quotes <(yes)")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "too large (over 1,048,576 bytes)" in result.stderr


@needs_bash
def test_stdin_that_never_ends_is_cut_at_the_limit_for_real(small_limit):
    result = bash("yes | READER quotes -")
    assert result.returncode == 2
    assert result.stderr == "reader: cannot open '-': too large (over 1,048,576 bytes)\n"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused(capsys, device, opened):
    for argv in (["quotes", device], [device]):
        one_line_error(finishes(run_cli, capsys, *argv), f"'{device}'",
                       "is a device, not an article file")
    assert not opened


def test_symlink_loop(capsys, tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    one_line_error(run_cli(capsys, "quotes", str(tmp_path / "a.txt")), "a.txt'",
                   "Too many levels of symbolic links")


def test_directory_with_a_symlink_loop_inside(capsys, tmp_path):
    folder = tmp_path / "articles"
    write(folder, "story.txt", ARTICLE)
    (folder / "loop").symlink_to(folder)  # a directory that contains itself
    (folder / "x.txt").symlink_to(folder / "y.txt")
    (folder / "y.txt").symlink_to(folder / "x.txt")
    run = finishes(run_cli, capsys, "quotes", "--format", "jsonl", str(folder))
    assert [json.loads(line)["source"] for line in run.out.splitlines()] == [str(folder / "story.txt")]


def test_sidecar_that_is_a_directory_is_ignored(capsys, tmp_path):
    path = write(tmp_path, "story.txt", ARTICLE)
    (tmp_path / "story.meta.yaml").mkdir()
    run = run_cli(capsys, "quotes", "--format", "jsonl", str(path))
    assert run.status == 0 and json.loads(run.out)["article"]["headline"] == "Headline"


@needs_fifo
def test_sidecar_that_is_a_pipe_is_ignored_not_waited_on(capsys, tmp_path):
    path = write(tmp_path, "story.txt", ARTICLE)
    os.mkfifo(tmp_path / "story.meta.yaml")
    run = finishes(run_cli, capsys, "quotes", str(path))
    assert run.status == 0


# ---------------------------------------------------------------------------- pathological text:
# the run finishes with sound results (the time it takes is measured by bench/linearity.py)

PATHOLOGICAL = {
    "5 MB single line": lambda: "Title\n\n" + (
        "The minister said “we will act” and left. " * 120_000)[:5_000_000],
    "100,000 unbalanced opening marks": lambda: "Title\n\n" + "“a " * 100_000,
    "100,000 unbalanced straight marks": lambda: "Title\n\n" + 'x "y ' * 100_000,
    "100,000 stray closing marks": lambda: "Title\n\n" + "word ” " * 100_000,
    "deeply nested marks": lambda: "Title\n\n" + "“‘«„" * 25_000 + "x" + "“’»”" * 25_000,
    "nested then unbalanced": lambda: "Title\n\n" + "“‘" * 50_000 + "x said Al. " * 1000,
}


def check_record(record: dict) -> None:
    text = record["text"]
    for quote in record["quotes"]:
        assert 0 <= quote["start"] < quote["end"] <= len(text)
        assert text[quote["start"]:quote["end"]] == quote["text"]
        for key in ("mention", "cue"):
            if quote[key] is not None:
                start, end = quote[key]
                assert 0 <= start <= end <= len(text)


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_text_finishes_on_the_command_line(capsys, tmp_path, name):
    path = write(tmp_path, "p.txt", PATHOLOGICAL[name]())
    run = run_cli(capsys, "quotes", "--format", "jsonl", str(path))
    assert run.status == 0 and run.err == ""
    record = json.loads(run.out)
    check_record(record)
    if name.startswith("100,000"):
        # an unclosed mark never swallows the rest of the article
        assert all(q["end"] - q["start"] < 10_000 for q in record["quotes"])


@pytest.mark.parametrize("name", [n for n in PATHOLOGICAL if n != "5 MB single line"]
                         + ["1 MB single line"])
async def test_pathological_text_opens_in_the_reader(name):
    from reader.loaders import parse

    if name == "1 MB single line":
        text = PATHOLOGICAL["5 MB single line"]()[:1_000_000]
    else:
        text = PATHOLOGICAL[name]()
    async with reader_app([parse(text, "text", "p.txt")]) as (app, pilot):
        assert app.main.analysis is not None
        await pilot.press("n", "G", "p", "end", "home")
        body = app.main.query_one("#body")
        assert body.layout is not None and body.layout.height > 0
        assert all(len(body.line_text(y)) <= body.layout.width for y in range(min(200, body.layout.height)))
        if app.main.analysis.marked_quotes:
            assert app.main.selected is not None


# ---------------------------------------------------------------------------- malformed YAML:
# front matter, sidecar, YAML article → one line with file and line; bad config → defaults

def test_malformed_front_matter_names_file_and_line(capsys, tmp_path, opened):
    path = write(tmp_path, "story.md", "---\ntitle: ok\ndate: [2017\n---\nBody “q,” she said.\n")
    for argv in (["quotes", str(path)], [str(path)], ["cite", str(path), "--quote", "1"]):
        one_line_error(run_cli(capsys, *argv), f"'{path}'", "front matter", "line 3")
    assert not opened


def test_malformed_yaml_article_names_file_and_line(capsys, tmp_path):
    path = write(tmp_path, "story.yaml", "title: ok\nbyline: Jo\nbody: |\n  text\n bad: [\n")
    one_line_error(run_cli(capsys, "quotes", str(path)), f"'{path}'", "not valid YAML", "line 5")


def test_malformed_sidecar_names_file_and_line(capsys, tmp_path, opened):
    path = write(tmp_path, "story.txt", ARTICLE)
    write(tmp_path, "story.meta.yaml", "title: ok\noutlet: [Reuters\ndate: 2017-06-08\n")
    for argv in (["quotes", str(path)], [str(path)]):
        one_line_error(run_cli(capsys, *argv), f"'{path}'", "'story.meta.yaml'", "line 3",
                       "started on line 2")
    assert not opened


async def test_malformed_front_matter_and_sidecar_in_the_reader(tmp_path):
    bad_md = write(tmp_path, "bad.md", "---\ntitle: 'unclosed\n---\nBody.\n")
    story = write(tmp_path, "story.txt", ARTICLE)
    write(tmp_path, "story.meta.yaml", "title: a\n  b: c\n")
    async with reader_app([load(write(tmp_path, "first.txt", ARTICLE))]) as (app, pilot):
        await open_in_app(pilot, bad_md)
        assert notifications(app)[-1].startswith(f"cannot open '{bad_md}': front matter is not valid"
                                                 " YAML (line 2: ")
        await open_in_app(pilot, story)
        assert notifications(app)[-1] == (
            f"cannot open '{story}': metadata file 'story.meta.yaml' is not valid YAML "
            "(line 2: mapping values are not allowed in this context)")


BAD_CONFIGS = [
    ("theme: nord\nkeys: [next_quote\n", "line 2"),
    ("theme: nord\n  citation_style: apa\n", "line 2"),
    ("\tshow_indirect: true\n", "line 1"),
    ("show_indirect: perhaps\n", "'show_indirect' should be true or false"),
    ("- just\n- a list\n", "expected a mapping"),
    ("max_article_mb: -1\n", "'max_article_mb' should be a whole number"),
    ("theme: \"\\e]0;x\\a\"\n", "'theme' should be a non-empty line of text"),
    ("keys: {next_quote: \"\\e[2J\"}\n", "control character"),
    (b"theme: \xff\xfe\x00\x00", "cannot read"),
]


@pytest.mark.parametrize(("body", "words"), BAD_CONFIGS)
def test_bad_config_warns_names_file_and_line_and_uses_defaults(capsys, tmp_path, config_file,
                                                                 opened, body, words):
    config_file.write_bytes(body if isinstance(body, bytes) else body.encode())
    article = write(tmp_path, "a.txt", ARTICLE)
    run = run_cli(capsys, "quotes", str(article))
    assert run.status == 0 and "Jane Doe" in run.out
    assert run.err.count("\n") == 1 and run.err.startswith(f"reader: warning: {config_file}")
    assert words in run.err and run.err.rstrip().endswith("using the defaults")
    assert "\x1b" not in run.err
    run = run_cli(capsys, "cite", str(article), "--quote", "1")
    assert run.status == 0 and "Jane Doe" in run.out and words in run.err
    assert run_cli(capsys, str(article)).status == 0
    assert opened["config"] == Config()
    [notice] = opened["notices"]
    assert str(config_file) in notice and words in notice


def test_config_that_is_a_directory_or_a_pipe_is_not_read(capsys, tmp_path, config_file):
    article = write(tmp_path, "a.txt", ARTICLE)
    config_file.mkdir()
    run = run_cli(capsys, "quotes", str(article))
    assert run.status == 0 and "not a regular file" in run.err
    if hasattr(os, "mkfifo"):
        config_file.rmdir()
        os.mkfifo(config_file)
        run = finishes(run_cli, capsys, "quotes", str(article))
        assert run.status == 0 and "not a regular file" in run.err


async def test_bad_config_the_reader_starts_with_defaults_and_says_so(capsys, tmp_path,
                                                                       config_file, opened):
    config_file.write_text("theme: nord\nkeys: [next_quote\n", encoding="utf-8")
    run_cli(capsys, str(write(tmp_path, "a.txt", ARTICLE)))
    async with reader_app(opened["articles"], config=opened["config"],
                          notices=opened["notices"]) as (app, pilot):
        assert app.theme == "textual-dark"
        assert any(str(config_file) in n and "line 2" in n and "using the defaults" in n
                   for n in notifications(app))
        await pilot.press("n")
        assert app.main.selected == "q1"  # default keys work


# ---------------------------------------------------------------------------- HTML with no article

NO_ARTICLE_PAGES = {
    "empty body": "<!doctype html><html><head><title>Hi</title></head><body></body></html>",
    "menus only": "<html><body><nav><a href='/'>Home</a><a href='/x'>World</a></nav>"
                  "<footer>© 2026 Example News</footer></body></html>",
    "script only": "<html><body><script>document.write('hello')</script></body></html>",
    "comment only": "<!-- nothing -->" * 10,
}


@pytest.mark.parametrize("name", list(NO_ARTICLE_PAGES))
def test_html_without_an_article_is_a_clear_message(capsys, tmp_path, opened, name):
    path = write(tmp_path, "page.html", NO_ARTICLE_PAGES[name])
    for argv in (["quotes", str(path)], [str(path)]):
        one_line_error(run_cli(capsys, *argv), f"'{path}'", "no article text found in the HTML")
    assert not opened


async def test_html_without_an_article_in_the_reader(tmp_path):
    path = write(tmp_path, "page.html", NO_ARTICLE_PAGES["menus only"])
    async with reader_app([load(write(tmp_path, "first.txt", ARTICLE))]) as (app, pilot):
        await open_in_app(pilot, path)
        assert notifications(app)[-1] == f"cannot open '{path}': no article text found in the HTML"


# ---------------------------------------------------------------------------- many files, one bad

def test_many_files_one_bad_is_reported_and_skipped(capsys, tmp_path):
    good = [write(tmp_path, f"good{n}.txt", ARTICLE.replace("Jane", f"Jane{n}")) for n in range(3)]
    bad = [tmp_path / "missing.txt", write(tmp_path, "image.txt", PNG),
           write(tmp_path, "bad.md", "---\ntitle: [\n---\nx\n")]
    paths = [str(good[0]), str(bad[0]), str(good[1]), str(bad[1]), str(bad[2]), str(good[2])]
    for fmt in ("jsonl", "text", "csv"):
        run = run_cli(capsys, "quotes", "--format", fmt, "--jobs", "1", *paths)
        assert run.status == 2
        lines = run.err.splitlines()
        assert len(lines) == 4 and lines[-1] == "reader: 3 of 6 files failed"
        for path, line in zip(bad, lines, strict=False):
            assert f"'{path}'" in line
        for n in range(3):
            assert f"Jane{n} Doe" in run.out


def test_analysis_failure_of_one_file_is_reported_and_skipped(capsys, tmp_path, monkeypatch):
    """Not bad input but a bug in the engine: the batch goes on and says which file."""
    import reader.engine

    real = reader.engine.analyze

    def fragile(article):
        if "explode" in article.text:
            raise RuntimeError("engine bug")
        return real(article)

    monkeypatch.setattr(reader.engine, "analyze", fragile)
    a = write(tmp_path, "a.txt", ARTICLE)
    b = write(tmp_path, "b.txt", "explode\n\nx\n")
    run = run_cli(capsys, "quotes", "--format", "jsonl", "--jobs", "1", str(b), str(a))
    assert run.status == 2
    assert "b.txt" in run.err and "engine bug" in run.err
    assert [json.loads(line)["source"] for line in run.out.splitlines()] == [str(a)]


async def test_engine_failure_leaves_the_article_readable(tmp_path):
    def broken(article) -> Analysis:
        raise RuntimeError("engine bug \x1b]0;PWNED\x07")

    async with reader_app([load(write(tmp_path, "a.txt", ARTICLE))], analyzer=broken) as (app, pilot):
        assert any("engine bug" in n for n in notifications(app))
        assert all("\x1b" not in n for n in notifications(app))
        assert app.main.query_one("#body").line_text(0) == "Headline"


# ---------------------------------------------------------------------------- a stray NUL

def test_a_stray_nul_is_text_shown_visibly_not_a_binary_file(capsys, tmp_path):
    path = write(tmp_path, "glitch.txt", "Headline\n\n“We will\x00 act,” said Jane Doe.\n")
    run = run_cli(capsys, "quotes", str(path))
    assert run.status == 0 and "We will␀ act" in run.out and "\x00" not in run.out
    packed = write(tmp_path, "packed.txt", b"text\x00" * 100)
    one_line_error(run_cli(capsys, "quotes", str(packed)), "not a text article")


async def test_pipes_devices_and_loops_in_the_reader(tmp_path):
    cases = []
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        cases.append((tmp_path / "pipe.txt", "is a named pipe with nothing writing to it"))
    if Path("/dev/zero").exists():
        cases.append((Path("/dev/zero"), "is a device, not an article file"))
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    cases.append((tmp_path / "a.txt", "Too many levels of symbolic links"))
    async with reader_app([load(write(tmp_path, "first.txt", ARTICLE))]) as (app, pilot):
        for path, reason in cases:
            await open_in_app(pilot, path)
            assert notifications(app)[-1] == f"cannot open '{path}': {reason}"
        assert len(app.main.articles) == 1

"""Shared pieces of the hostile-input tests: payloads, the CLI in-process, what the app writes."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyte

from reader.cli import main
from reader.config import Config

# Things an article (or a file name) can hold that a terminal would act on, and the bytes that
# must never reach the terminal raw. Each payload is distinctive, so finding it in the output
# means it leaked, whatever the app's own escape sequences are.
TITLE_OSC = "\x1b]0;PWNED-TITLE\x07"
CLIPBOARD_OSC = "\x1b]52;c;UFdORUQtQ0xJUEJPQVJE\x07"  # base64 of PWNED-CLIPBOARD
HYPERLINK_OSC = "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\"
COLOUR_CSI = "\x1b[31mRED-TEXT\x1b[0m"
CLEAR_CSI = "\x1b[2J\x1b[H"
C1_CSI = "\x9b31m"
BIDI = "\u202eEVIL\u202c"
ZERO_WIDTH = "zero\u200bwidth\u2060joined"
NUL = "nul\x00byte"
ESCAPES = (TITLE_OSC, CLIPBOARD_OSC, HYPERLINK_OSC, COLOUR_CSI, CLEAR_CSI, C1_CSI, BIDI, ZERO_WIDTH,
           NUL)
# Raw fragments that must never appear in anything written to a terminal.
RAW = ("\x1b]0;PWNED", "\x1b]52;c;UFdORUQ", "\x1b]8;;http://evil", "\x1b[31mRED", "\x1b[2J",
       "\x9b31m", "\u202e", "\u200b", "\u2060", "\x00")
MARKUP = ("[bold]BOLD[/bold]", "[link=http://evil.example]LINK[/link]", "[/]", "[red on blue]x")


def hostile_line(tag: str = "") -> str:
    """One line holding every escape and every piece of markup, tagged to tell lines apart."""
    return f"{tag}" + " ".join(ESCAPES + MARKUP)


def hostile_article() -> str:
    """A plain-text article: hostile headline, a hostile quote with a hostile speaker name."""
    return (
        f"Headline {TITLE_OSC} {MARKUP[0]} {CLEAR_CSI}\n\n"
        f"“We never said {COLOUR_CSI} or {CLIPBOARD_OSC} or {MARKUP[1]},” said Eve "
        f"[bold]Mallory[/bold]{BIDI}, a spokeswoman.\n\n"
        f"Body {HYPERLINK_OSC} {C1_CSI} {ZERO_WIDTH} {NUL} {MARKUP[2]} {MARKUP[3]}.\n"
    )


def assert_no_raw(text: str | bytes, where: str = "output") -> None:
    """None of the payloads appears raw in ``text``, and neither does any ESC but the app's own."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    for fragment in RAW:
        assert fragment not in text, f"{fragment!r} written raw to the {where}"


@dataclass
class Run:
    status: int
    out: str
    err: str


def run_cli(capsys, *argv: str) -> Run:
    """``reader ARGV`` in this process; its exit status, standard output and standard error."""
    capsys.readouterr()
    try:
        status = main(list(argv))
    except SystemExit as exc:  # --help, --version
        status = int(exc.code or 0)
    captured = capsys.readouterr()
    return Run(status, captured.out, captured.err)


# ---------------------------------------------------------------------------- the app

def terminal_output(app) -> str:
    """Everything the app would write to the terminal to paint its current screen, in full."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return update.render_segments(app.console) if update is not None else ""


def screen_lines(app) -> list[str]:
    """What a terminal shows after receiving :func:`terminal_output` (pyte plays the terminal)."""
    width, height = app.size
    screen = pyte.Screen(width, height)
    pyte.Stream(screen).feed(terminal_output(app))
    return list(screen.display)


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


def engine(article):
    from reader.tui.app import _engine_analyze

    return _engine_analyze(article)


@contextlib.asynccontextmanager
async def reader_app(articles: Sequence, *, notices: Sequence[str] = (), config: Config | None = None,
                     analyzer=engine, size=(120, 40)) -> AsyncIterator:
    """The reader app on ``articles`` (real engine by default), analysis done, ready for keys."""
    from helpers import settle

    from reader.tui.app import ReaderApp

    app = ReaderApp(list(articles), config or Config(), list(notices), analyzer)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        yield app, pilot


async def open_in_app(pilot, path: str | Path) -> None:
    """Open ``path`` with the open key, as a user would, and wait for it to load."""
    await pilot.press("o")
    await pilot.pause()
    pilot.app.screen.query_one("#open-path").value = str(path)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()

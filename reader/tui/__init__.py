"""The terminal reader (Textual). Imported only when the UI starts; the core never imports it."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.config import Config
    from reader.model import Article


def _keyboard_from_terminal() -> str | None:
    """When the article came through a pipe (``reader -``), read keys from the terminal instead.

    Returns a message when there is no terminal to read keys from.
    """
    stdin = sys.__stdin__
    if stdin is not None and stdin.isatty():
        return None
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return "no terminal to read keys from (standard input is not a terminal)"
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = sys.__stdin__ = os.fdopen(0, "r", closefd=False)
    return None


def run_app(articles: list[Article], config: Config, notices: list[str]) -> int:
    """Run the reader on ``articles`` until the user quits; the process exit status."""
    problem = _keyboard_from_terminal()
    if problem:
        print(f"reader: {problem}", file=sys.stderr)
        return 2
    from reader.tui.app import ReaderApp

    app = ReaderApp(articles, config, notices)
    app.run()
    return app.return_code or 0

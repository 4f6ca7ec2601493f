"""The reference for the startup benchmark: a bare Textual app showing the seed in three panes.

No analysis, no line API, no config: three scrollable panes of plain text, the article in each.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static


class Bare(App[None]):
    CSS = """
    VerticalScroll { border: round $panel; }
    #left { width: 30; }
    #right { width: 42; }
    """
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Horizontal():
            for pane in ("left", "middle", "right"):
                with VerticalScroll(id=pane):
                    yield Static(Content(self.text))


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        text = handle.read()
    # Same first screen as the reader: the headline on top (the seed's caption line moved down).
    lines = text.splitlines()
    Bare("\n".join(lines[2:] + lines[:2])).run()

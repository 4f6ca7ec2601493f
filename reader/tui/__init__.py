"""The terminal reader (Textual). Imported only when the UI starts; the core never imports it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.config import Config
    from reader.model import Article


def run_app(articles: list[Article], config: Config, notices: list[str]) -> int:
    """Run the reader on ``articles`` until the user quits; the process exit status."""
    from reader.tui.app import ReaderApp

    app = ReaderApp(articles, config, notices)
    app.run()
    return app.return_code or 0

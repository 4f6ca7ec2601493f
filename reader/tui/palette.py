"""The command palette's reader entries: commands, speakers, quotes and articles.

Titles are built as Content from plain strings (quote text never goes through markup); the
default fuzzy highlighter would parse them as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content


class ReaderCommands(Provider):
    """Palette entries for the reader's commands, speakers, quotes and articles.

    Titles are built as Content from plain strings (quote text never goes through markup).
    """

    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        screen = self.app.screen
        if not hasattr(screen, "palette_entries"):
            screen = next((s for s in self.app.screen_stack if hasattr(s, "palette_entries")), None)
            if screen is None:
                return []
        return list(screen.palette_entries())

    @staticmethod
    def _title(text: str, offsets: Iterable[int] = ()) -> Content:
        content = Content(text)
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize("reverse", offset, offset + 1)
        return content

    async def discover(self) -> Hits:
        for title, help_text, callback in self._entries():
            if not title.startswith(("Go to quote", "Switch to article")):
                yield DiscoveryHit(self._title(title), callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            score = matcher.match(title)
            if score > 0:
                _, offsets = matcher.fuzzy_search.match(query, title)
                yield Hit(score, self._title(title, offsets), callback, help=help_text)

"""The panes around the body: header, speakers, quotes, status line.

Panes render what the screen gives them and post messages; they never reach into each other.
Every piece of article text is shown through ``safe_text`` and ``Content`` built from plain
strings, never through markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Analysis, Article, Entity, Quote
from reader.tui.display import safe_text

KIND_GLYPHS = {"direct": "“", "partial": "‘", "block": "¶", "indirect": "≈"}
KIND_NAMES = {"direct": "direct quote", "partial": "partial quote", "block": "block quote",
              "indirect": "indirect speech"}


def _one_line(text: str) -> str:
    return safe_text(" ".join(text.split()))


def short_name(name: str) -> str:
    """'Sergei Lavrov' → 'Lavrov'; 'Staffan de Mistura' → 'de Mistura'."""
    parts = name.split()
    return " ".join(parts[1:]) if len(parts) > 1 else name


def opening_words(text: str, words: int = 12) -> str:
    parts = text.split()
    out = " ".join(parts[:words])
    return out + ("…" if len(parts) > words else "")


def quote_words(analysis: Analysis, quote: Quote) -> int:
    return len(quote.span.of(analysis.article.text).split())


class PaneList(OptionList):
    """An OptionList with vi-style keys, each binding remappable by id."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down",
                tooltip="Move down in the list"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up", tooltip="Move up in the list"),
        Binding("g", "first", "First", show=False, id="list.first",
                tooltip="Go to the first item of the list"),
        Binding("G", "last", "Last", show=False, id="list.last",
                tooltip="Go to the last item of the list"),
    ]


class SpeakerList(PaneList):
    """Quoted speakers (name, role, count, share of quoted words) then people only mentioned."""

    BORDER_TITLE = "Speakers"

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count and not self.get_option_at_index(0).disabled:
            self.highlighted = 0

    def show(self, analysis: Analysis | None, active: str | None = None,
             show_indirect: bool = False) -> None:
        keep = None
        if self.highlighted is not None and self.highlighted < self.option_count:
            keep = self.get_option_at_index(self.highlighted).id
        self.clear_options()
        if analysis is None:
            self.add_option(Option(Content("analysing…"), disabled=True))
            return
        marked = analysis.marked_quotes
        counts: dict[str | None, int] = {}
        words: dict[str | None, int] = {}
        for quote in analysis.quotes:
            if quote.is_marked or show_indirect:
                counts[quote.speaker_id] = counts.get(quote.speaker_id, 0) + 1
        for quote in marked:
            words[quote.speaker_id] = words.get(quote.speaker_id, 0) + quote_words(analysis, quote)
        total_words = sum(words.values()) or 1
        options: list[Option | None] = []
        for speaker in analysis.speakers:
            options.append(Option(self._speaker_prompt(speaker, counts.get(speaker.id, 0),
                                                       words.get(speaker.id, 0) / total_words,
                                                       speaker.id == active),
                                  id=speaker.id))
        if not analysis.speakers:
            options.append(Option(Content("no quoted speakers"), disabled=True))
        if analysis.people:
            options.append(None)
            options.append(Option(Content.styled("Mentioned", "italic"), disabled=True))
            for person in analysis.people:
                prompt = Content(_one_line(person.name))
                if person.role:
                    prompt = prompt + Content(", ") + Content(_one_line(person.role))
                options.append(Option(prompt, id=f"person:{person.id}", disabled=True))
        self.add_options(options)
        if keep is not None:
            with self.prevent(OptionList.OptionHighlighted):
                for index, option in enumerate(o for o in options if o is not None):
                    if option.id == keep:
                        self.highlighted = index

    @staticmethod
    def _speaker_prompt(speaker: Entity, count: int, share: float, active: bool) -> Content:
        marker = "▶ " if active else ""
        # A speaker whose quotes are all hidden (indirect speech, hidden) is shown dimmed.
        name = Content.styled(marker + _one_line(speaker.name), "bold" if count else "$text-muted")
        count_text = Content.styled(f"  {count}", "$text-muted")
        lines = [name + count_text]
        if speaker.role:
            lines.append(Content.styled(_one_line(speaker.role), "italic $text-muted"))
        filled = round(share * 10)
        bar = Content.styled("█" * filled, "$accent") + Content.styled("░" * (10 - filled), "$text-disabled")
        lines.append(bar + Content.styled(f" {share:.0%} of words", "$text-muted"))
        return Content("\n").join(lines)


class QuoteList(PaneList):
    """Every visible quote: number, kind glyph, speaker, opening words."""

    BORDER_TITLE = "Quotes"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.quote_ids: list[str] = []
        self._row: dict[str, int] = {}
        # Prompts are built once per analysis and reused by every filter: a Content keeps its
        # measured height, so re-filtering 5,000 quotes does not re-measure 5,000 lines.
        self._prompts: dict[str, Content] = {}
        self._prompts_for: Analysis | None = None

    def show(self, analysis: Analysis | None, quotes: Sequence[Quote]) -> None:
        self.clear_options()
        self.quote_ids = [q.id for q in quotes]
        self._row = {qid: i for i, qid in enumerate(self.quote_ids)}
        if analysis is None:
            self.add_option(Option(Content("analysing…"), disabled=True))
            return
        if not quotes:
            message = "no quotes" if not analysis.quotes else "no quotes match"
            self.add_option(Option(Content.styled(message, "italic"), disabled=True))
            return
        if self._prompts_for is not analysis:
            self._prompts = {}
            self._prompts_for = analysis
        # Labels are right-aligned to the widest label of the whole analysis, so a prompt does
        # not depend on the filter.
        width = max(len(q.label) for q in analysis.quotes)
        names: dict[str | None, str] = {
            s.id: _one_line(short_name(s.name)) for s in analysis.speakers
        }
        text = analysis.article.text
        prompts = self._prompts
        options = []
        for quote in quotes:
            prompt = prompts.get(quote.id)
            if prompt is None:
                label = Content.styled(quote.label.rjust(width), "bold")
                glyph = Content.styled(KIND_GLYPHS.get(quote.kind, "?"), "$accent")
                speaker = names.get(quote.speaker_id) or "unattributed"
                words = _one_line(opening_words(quote.span.of(text)))
                body_style = "italic $text-muted" if quote.kind == "indirect" else ""
                prompt = prompts[quote.id] = Content.assemble(
                    label, " ", glyph, " ",
                    Content.styled(speaker, "bold" if quote.speaker_id else "italic"),
                    " ", Content.styled(words, body_style),
                )
            options.append(Option(prompt, id=quote.id))
        self.add_options(options)

    def row_of(self, quote_id: str | None) -> int | None:
        return None if quote_id is None else self._row.get(quote_id)


class OneLine(Widget):
    """A one-line bar whose updates repaint it without a relayout of the screen."""

    DEFAULT_CSS = "OneLine { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content("")

    def update(self, content: Content) -> None:
        if content != self._content:
            self._content = content
            self.refresh()

    def render(self) -> Content:
        return self._content


class HeaderBar(OneLine):
    """Headline · outlet · date (whatever the article knows), and which article of how many."""

    def show(self, article: Article | None, index: int = 0, count: int = 1) -> None:
        if article is None:
            self.update(Content("reader"))
            return
        parts: list[Content] = []
        headline = article.headline or article.source
        parts.append(Content.styled(_one_line(headline), "bold"))
        for extra in (article.outlet, article.date.strftime("%-d %B %Y") if article.date else None):
            if extra:
                parts.append(Content(_one_line(extra)))
        content = Content(" · ").join(parts)
        if count > 1:
            content = Content.styled(f"[{index + 1}/{count}] ", "$text-muted") + content
        self.update(content)


_POSITIONS: dict[int, tuple[Analysis, dict[str, tuple[int, int]]]] = {}


def _position(analysis: Analysis, quote: Quote) -> tuple[int, int]:
    """(position, total) of the quote among its own numbering (marked or indirect)."""
    cached = _POSITIONS.get(id(analysis))
    if cached is None or cached[0] is not analysis:
        table: dict[str, tuple[int, int]] = {}
        for group in (analysis.marked_quotes, analysis.indirect_quotes):
            for i, q in enumerate(group, 1):
                table[q.id] = (i, len(group))
        _POSITIONS.clear()
        _POSITIONS[id(analysis)] = cached = (analysis, table)
    return cached[1].get(quote.id, (0, 0))


class StatusLine(OneLine):
    """One line about the selected quote and the filters in force."""

    def show(self, analysis: Analysis | None, quote: Quote | None, *, shown: int,
             speaker: Entity | None, search: str, show_indirect: bool, style: str) -> None:
        parts: list[Content] = []
        if analysis is None:
            parts.append(Content.styled("analysing…", "italic"))
        elif quote is None:
            total = len(analysis.marked_quotes)
            parts.append(Content(f"{total} quote{'s' if total != 1 else ''}"
                                 + (f", {len(analysis.indirect_quotes)} indirect"
                                    if show_indirect else "")
                                 + " · n/p to step through them"))
        else:
            text = analysis.article.text
            noun = "indirect" if quote.kind == "indirect" else "quote"
            position, total = _position(analysis, quote)
            who = analysis.speaker(quote.speaker_id)
            parts.append(Content.styled(f"{noun} {position} of {total}", "bold"))
            parts.append(Content(_one_line(who.name) if who else "unattributed"))
            if quote.cue is not None:
                parts.append(Content.styled(_one_line(quote.cue.of(text)), "italic"))
            parts.append(Content(KIND_NAMES.get(quote.kind, quote.kind)))
            if quote.rule:
                parts.append(Content.styled(f"{_one_line(quote.rule)}, {quote.confidence:.2f}",
                                            "$text-muted"))
        filters: list[str] = []
        if speaker is not None:
            filters.append(f"speaker: {_one_line(speaker.name)}")
        if search:
            filters.append(f"search: {_one_line(search)}")
        if filters:
            filters.append(f"{shown} shown")
            parts.append(Content.styled(" · ".join(filters) + " (esc clears)", "$text-warning"))
        parts.append(Content.styled(f"style: {style}", "$text-muted"))
        self.update(Content(" · ").join(parts))

"""The panes around the body: header, speakers, quotes, status line.

Panes render what the screen gives them and post messages; they never reach into each other.
Every piece of article text is shown through ``safe_text`` and ``Content`` built from plain
strings, never through markup.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets.option_list import Option

from reader.model import Analysis, Article, Entity, Quote
from reader.tui.display import safe_text, wrap
from reader.tui.inputs import SafeInput

KIND_GLYPHS = {"direct": "“", "partial": "‘", "block": "¶", "indirect": "≈"}
KIND_NAMES = {"direct": "direct quote", "partial": "partial quote", "block": "block quote",
              "indirect": "indirect speech"}


def _one_line(text: str) -> str:
    return safe_text(" ".join(text.split()))


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def short_name(name: str) -> str:
    """The family name, as a list of quotes wants it.

    'Sergei Lavrov' → 'Lavrov'; 'Staffan de Mistura' → 'de Mistura' (lower-case particles stay);
    'Benjamin J. Rhodes' → 'Rhodes' (initials and middle names go); 'Martin Luther King Jr.' →
    'King Jr.'; a one-word name or an organisation's one word stays as it is.
    """
    parts = name.split()
    if len(parts) < 2:
        return name
    end = len(parts)
    if parts[-1].lower() in _SUFFIXES and end > 2:
        end -= 1
    start = end - 1
    while start > 1 and parts[start - 1][:1].islower():
        start -= 1
    return " ".join(parts[start:])


def list_name(entity: Entity) -> str:
    """How the quote list names a speaker: a person by family name, anything else in full."""
    return short_name(entity.name) if entity.kind == "person" else entity.name


def opening_words(text: str, words: int = 12) -> str:
    parts = text.split()
    out = " ".join(parts[:words])
    return out + ("…" if len(parts) > words else "")


class _ItemMessage(Message):
    def __init__(self, pane: PaneList, index: int, item_id: str | None) -> None:
        super().__init__()
        self.pane = pane
        self.index = index
        self.item_id = item_id

    @property
    def control(self) -> PaneList:
        return self.pane


class PaneList(ScrollView, can_focus=True):
    """A list drawn through the Line API: only the rows on screen are built and rendered.

    An ``OptionList`` builds and measures every option up front (seconds for 20,000 quotes);
    here a subclass says how many items there are, how tall each is at a width, and builds an
    item's lines only when they scroll into view. Items are addressed by index; ``highlighted``
    is the cursor. Moving it posts ``Highlighted``; ``enter`` or a click posts ``Selected``.
    """

    DEFAULT_CSS = """
    PaneList {
        background: transparent;
        color: $foreground;
        overflow-x: hidden;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .pane-list--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .pane-list--highlighted {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .pane-list--hover {
            background: $block-hover-background;
        }
        & > .pane-list--disabled {
            color: $text-disabled;
        }
        & > .pane-list--separator {
            color: $foreground 15%;
        }
    }
    """

    # A click chooses a row; there is no text to select (and Textual's selection machinery
    # repaints the whole screen on every press and release).
    ALLOW_SELECT = False

    COMPONENT_CLASSES = {
        "pane-list--option", "pane-list--highlighted", "pane-list--hover",
        "pane-list--disabled", "pane-list--separator",
    }

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down",
                tooltip="Move down in the list"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up", tooltip="Move up in the list"),
        Binding("g,home", "first", "First", show=False, id="list.first",
                tooltip="Go to the first item of the list"),
        Binding("G,end", "last", "Last", show=False, id="list.last",
                tooltip="Go to the last item of the list"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up",
                tooltip="Move up one page in the list"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down",
                tooltip="Move down one page in the list"),
        Binding("enter", "select", "Choose", show=False, id="list.select",
                tooltip="Choose the item under the cursor"),
    ]

    highlighted: reactive[int | None] = reactive(None, init=False)

    class Highlighted(_ItemMessage):
        """The cursor moved to item ``index``."""

    class Selected(_ItemMessage):
        """Item ``index`` was chosen (enter, or a click)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._tops: list[int] | None = None  # first line of each item; None: one line each
        self._height = 0
        self._laid_out_for = -1  # content width of the current layout
        self._rendered_width = -1  # content width of the rendered rows in the cache
        self._cache: LRUCache[tuple[object, str], list[Strip]] = LRUCache(512)
        self._hover: int | None = None

    # ---------------------------------------------------------------- what subclasses give
    def item_count(self) -> int:
        return 0

    def item_id(self, index: int) -> str | None:
        return None

    def item_enabled(self, index: int) -> bool:
        return True

    def item_is_separator(self, index: int) -> bool:
        return False

    def item_heights(self, width: int) -> list[int] | None:
        """Lines of every item at ``width`` cells; None when every item is one line."""
        return None

    def item_lines(self, index: int, width: int) -> list[Content]:
        """The item's lines at ``width`` cells (longer lines are cut with an ellipsis)."""
        return [Content("")]

    # ---------------------------------------------------------------- layout
    @property
    def _content_width(self) -> int:
        return max(1, self.scrollable_content_region.width - 2)  # one cell of padding each side

    def item_key(self, index: int) -> object:
        """What identifies the item's rendering: rows rendered under the same key are reused."""
        return index

    def items_changed(self, keep_rendered: bool = False) -> None:
        """The items changed: lay out again and repaint (the cursor is the caller's business).

        ``keep_rendered``: rendered rows stay valid (``item_key`` names their content)."""
        self._laid_out_for = -1
        self._hover = None
        if not keep_rendered:
            self._cache.clear()
        self._lay_out(keep_rendered)
        self.refresh()

    def _lay_out(self, keep_rendered: bool = False) -> None:
        width = self._content_width
        if width == self._laid_out_for:
            return
        if not keep_rendered or width != self._rendered_width:
            self._cache.clear()
        self._laid_out_for = self._rendered_width = width
        heights = self.item_heights(width)
        if heights is None:
            self._tops = None
            self._height = self.item_count()
        else:
            tops, y = [], 0
            for h in heights:
                tops.append(y)
                y += h
            self._tops, self._height = tops, y
        self._set_virtual_size(Size(self.scrollable_content_region.width, self._height))

    def _set_virtual_size(self, size: Size) -> None:
        """Set the virtual size; when the scrollbar stays as it is (shown or not), without the
        relayout of the whole screen that setting ``virtual_size`` asks for (each key typed in
        a search changes the number of rows)."""
        old = self.virtual_size
        window = self.scrollable_content_region.height
        if (not self.is_mounted or old.width != size.width or window <= 0
                or (old.height > window) != (size.height > window)):
            self.virtual_size = size
            return
        self.set_reactive(ScrollView.virtual_size, size)
        scrollbar = self.vertical_scrollbar if self.show_vertical_scrollbar else None
        if scrollbar is not None:
            scrollbar.window_virtual_size = size.height
            scrollbar.refresh()
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out()
        self.scroll_to_highlight()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def item_span(self, index: int) -> tuple[int, int]:
        """(first line, number of lines) of item ``index``."""
        if self._tops is None:
            return index, 1
        top = self._tops[index]
        bottom = self._tops[index + 1] if index + 1 < len(self._tops) else self._height
        return top, bottom - top

    def item_at_line(self, y: int) -> int | None:
        """The item shown on line ``y`` of the whole list."""
        if not 0 <= y < self._height:
            return None
        if self._tops is None:
            return y
        return bisect_right(self._tops, y) - 1

    # Read access as on an OptionList, for code and tests written against one.
    @property
    def option_count(self) -> int:
        return self.item_count()

    def get_option_at_index(self, index: int) -> Option:
        prompt = Content("\n").join(self.item_lines(index, 1000))
        return Option(prompt, id=self.item_id(index), disabled=not self.item_enabled(index))

    def row_text(self, index: int) -> str:
        """The plain text of an item (for tests and screen readers of the code)."""
        return "\n".join(line.plain for line in self.item_lines(index, 1000))

    # ---------------------------------------------------------------- cursor
    def validate_highlighted(self, index: int | None) -> int | None:
        count = self.item_count()
        if index is None or count == 0:
            return None
        return max(0, min(count - 1, index))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None and index < self.item_count():
                self._refresh_item(index)
        if new is not None and self.item_enabled(new):
            self.scroll_to_highlight()
            self._post_up(self.Highlighted(self, new, self.item_id(new)))

    def scroll_to_highlight(self) -> None:
        index = self.highlighted
        if index is None or not self.is_mounted or index >= self.item_count():
            return
        self._lay_out()
        top, height = self.item_span(index)
        self.scroll_to_region(Region(0, top, 1, height), animate=False, force=True,
                              immediate=True, x_axis=False)

    def _refresh_item(self, index: int) -> None:
        top, height = self.item_span(index)
        first = top - int(self.scroll_y)
        if first + height > 0 and first < self.size.height:
            self.refresh(Region(0, max(0, first), self.size.width, height))

    def _enabled_from(self, start: int, step: int) -> int | None:
        index, count = start, self.item_count()
        while 0 <= index < count:
            if self.item_enabled(index):
                return index
            index += step
        return None

    def action_cursor_down(self) -> None:
        start = 0 if self.highlighted is None else self.highlighted + 1
        found = self._enabled_from(start, 1)
        if found is not None:
            self.highlighted = found

    def action_cursor_up(self) -> None:
        start = self.item_count() - 1 if self.highlighted is None else self.highlighted - 1
        found = self._enabled_from(start, -1)
        if found is not None:
            self.highlighted = found

    def action_first(self) -> None:
        found = self._enabled_from(0, 1)
        if found is not None:
            self.highlighted = found

    def action_last(self) -> None:
        found = self._enabled_from(self.item_count() - 1, -1)
        if found is not None:
            self.highlighted = found

    def _page(self, direction: int) -> None:
        if self.highlighted is None:
            self.action_first() if direction > 0 else self.action_last()
            return
        top, _ = self.item_span(self.highlighted)
        target = max(0, min(self._height - 1, top + direction * max(1, self.size.height - 1)))
        index = self.item_at_line(target)
        if index is None:
            return
        found = self._enabled_from(index, direction) or self._enabled_from(index, -direction)
        if found is not None:
            self.highlighted = found

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        index = self.highlighted
        if index is not None and self.item_enabled(index):
            self._post_up(self.Selected(self, index, self.item_id(index)))

    def _post_up(self, message: Message) -> None:
        """Post straight to the screen that owns the state: bubbling through each container
        between would take a turn of the event loop each, and the frame drawn in between
        would show the list's cursor moved but not yet the article."""
        try:
            screen = self.screen
        except Exception:  # noqa: BLE001 - not on a screen (yet): nobody to tell
            return
        screen.post_message(message)

    # ---------------------------------------------------------------- mouse
    def _item_under(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return self.item_at_line(int(self.scroll_y) + offset.y)

    def on_click(self, event: events.Click) -> None:
        index = self._item_under(event)
        if index is not None and self.item_enabled(index):
            self.highlighted = index
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._item_under(event)
        if index is not None and not self.item_enabled(index):
            index = None
        if index != self._hover:
            old, self._hover = self._hover, index
            for item in (old, index):
                if item is not None and item < self.item_count():
                    self._refresh_item(item)

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            old, self._hover = self._hover, None
            if old < self.item_count():
                self._refresh_item(old)

    # ---------------------------------------------------------------- rendering
    def render_line(self, y: int) -> Strip:
        self._lay_out()
        width = self.scrollable_content_region.width
        index = self.item_at_line(int(self.scroll_y) + y)
        if index is None:
            return Strip.blank(width, self.rich_style)
        if self.item_is_separator(index):
            state = "separator"
        elif not self.item_enabled(index):
            state = "disabled"
        elif index == self.highlighted:
            state = "highlighted-focus" if self.has_focus else "highlighted"
        elif index == self._hover:
            state = "hover"
        else:
            state = "option"
        key = (self.item_key(index), state)
        strips = self._cache.get(key)
        if strips is None:
            strips = self._cache[key] = self._render_item(index, state, width)
        top, _ = self.item_span(index)
        line = int(self.scroll_y) + y - top
        return strips[line] if 0 <= line < len(strips) else Strip.blank(width, self.rich_style)

    def _render_item(self, index: int, state: str, width: int) -> list[Strip]:
        component = {"highlighted-focus": "highlighted"}.get(state, state)
        if component == "option":
            style = self.get_visual_style("pane-list--option")
        else:
            style = self.get_visual_style("pane-list--option", f"pane-list--{component}")
        rich_style = style.rich_style
        if state == "separator":
            return [Strip([Segment("─" * width, rich_style)], width)]
        inner = max(1, width - 2)
        pad = Segment(" ", rich_style)
        strips = []
        for line in self.item_lines(index, inner):
            rendered = Visual.to_strips(self, line, inner, 1, style, pad=True)
            strip = rendered[0] if rendered else Strip.blank(inner, rich_style)
            strips.append(Strip.join([Strip([pad], 1), strip.crop_extend(0, inner, rich_style),
                                      Strip([pad], 1)]).crop(0, width))
        return strips

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()


class SpeakerList(PaneList):
    """Quoted speakers (name, role, count, share of quoted words) then people only mentioned.

    Speakers come most-quoted first; a speaker none of whose quotes is shown (only indirect
    speech, with indirect speech hidden) sinks to the bottom, dimmed, saying so.
    """

    BORDER_TITLE = "Speakers"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        # (kind, id, payload): kind is "speaker", "person", "heading", "separator" or "note".
        self._rows: list[tuple[str, str | None, object]] = [("note", None, "analysing…")]
        self._index: dict[str, int] = {}
        self._stats_for: Analysis | None = None
        self._stats: tuple[dict, dict, dict, dict] = ({}, {}, {}, {})

    def on_focus(self) -> None:
        super().on_focus()
        if self.highlighted is None:
            first = self._enabled_from(0, 1)
            if first is not None:
                self.highlighted = first

    def item_count(self) -> int:
        return len(self._rows)

    def item_id(self, index: int) -> str | None:
        return self._rows[index][1]

    def item_enabled(self, index: int) -> bool:
        return self._rows[index][0] == "speaker"

    def item_is_separator(self, index: int) -> bool:
        return self._rows[index][0] == "separator"

    def index_of(self, item_id: str | None) -> int | None:
        return None if item_id is None else self._index.get(item_id)

    def show(self, analysis: Analysis | None, active: str | None = None,
             show_indirect: bool = False) -> None:
        keep = self.item_id(self.highlighted) if self.highlighted is not None \
            and self.highlighted < len(self._rows) else None
        rows: list[tuple[str, str | None, object]] = []
        if analysis is None:
            rows.append(("note", None, "analysing…"))
        else:
            marked, indirect, words, shown_text = self._analysis_stats(analysis)
            total_words = sum(words.values()) or 1
            counts, hidden = marked, indirect
            if show_indirect:
                counts = {k: marked.get(k, 0) + indirect.get(k, 0) for k in marked | indirect}
                hidden = {}
            order = sorted(range(len(analysis.speakers)),
                           key=lambda i: -counts.get(analysis.speakers[i].id, 0))
            for i in order:
                speaker = analysis.speakers[i]
                name, role = shown_text[speaker.id]
                rows.append(("speaker", speaker.id, (
                    name, role, counts.get(speaker.id, 0), hidden.get(speaker.id, 0),
                    words.get(speaker.id, 0) / total_words, speaker.id == active)))
            if not analysis.speakers:
                rows.append(("note", None, "no quoted speakers"))
            if analysis.people:
                rows.append(("separator", None, None))
                rows.append(("heading", None, "Mentioned"))
                rows.extend(("person", f"person:{p.id}", p) for p in analysis.people)
        self._rows = rows
        self._index = {row[1]: i for i, row in enumerate(rows) if row[1] is not None}
        self.items_changed()
        index = self.index_of(keep)
        with self.prevent(PaneList.Highlighted):
            self.highlighted = index
        if index is not None:
            self.scroll_to_highlight()

    def _analysis_stats(self, analysis: Analysis) -> tuple[dict, dict, dict, dict]:
        """Per speaker: marked quotes, indirect quotes, quoted words; display name and role."""
        if self._stats_for is not analysis:
            marked: dict[str | None, int] = {}
            indirect: dict[str | None, int] = {}
            words: dict[str | None, int] = {}
            text = analysis.article.text
            for quote in analysis.quotes:
                who = quote.speaker_id
                if quote.is_marked:
                    marked[who] = marked.get(who, 0) + 1
                    words[who] = words.get(who, 0) + len(text[quote.span.start:quote.span.end].split())
                else:
                    indirect[who] = indirect.get(who, 0) + 1
            shown_text = {s.id: (_one_line(s.name), _one_line(s.role) if s.role else "")
                          for s in analysis.speakers}
            self._stats_for = analysis
            self._stats = (marked, indirect, words, shown_text)
        return self._stats

    # ------------------------------------------------------------ rows
    def _speaker_parts(self, index: int, width: int) -> tuple[list[str], str, list[str]]:
        """(name lines, count text, role lines) of a speaker row at ``width``."""
        name, role, count, hidden, _share, active = self._rows[index][2]  # type: ignore[misc]
        if active:
            name = "▶ " + name
        count_text = f"  {count}" if count or not hidden else "  only indirect (i)"
        if name.isascii() and len(name) <= width:
            name_lines = [name]
        else:
            name_lines = [name[a:b].rstrip() for a, b in wrap(name, width)]
        if not role:
            role_lines = []
        elif role.isascii() and len(role) <= width:
            role_lines = [role]
        else:
            role_lines = [role[a:b].rstrip() for a, b in wrap(role, width)]
        return name_lines, count_text, role_lines

    def _fits(self, text: str, width: int) -> bool:
        return (len(text) if text.isascii() else cell_len(text)) <= width

    def item_heights(self, width: int) -> list[int] | None:
        heights = []
        for index, (kind, _, payload) in enumerate(self._rows):
            if kind == "speaker":
                names, count, roles = self._speaker_parts(index, width)
                extra = 0 if self._fits(names[-1] + count, width) else 1
                heights.append(len(names) + extra + len(roles) + 1)
            elif kind == "person":
                heights.append(len(wrap(self._person_text(payload), width)))  # type: ignore[arg-type]
            else:
                heights.append(1)
        return heights

    @staticmethod
    def _person_text(person: Entity) -> str:
        text = _one_line(person.name)
        return text + (", " + _one_line(person.role) if person.role else "")

    def item_lines(self, index: int, width: int) -> list[Content]:
        kind, _, payload = self._rows[index]
        if kind == "note":
            return [Content.styled(str(payload), "italic")]
        if kind == "heading":
            return [Content.styled(str(payload), "italic")]
        if kind == "separator":
            return [Content("")]
        if kind == "person":
            text = self._person_text(payload)  # type: ignore[arg-type]
            return [Content(text[a:b].rstrip()) for a, b in wrap(text, width)]
        _name, _role, count, _hidden, share, _active = payload  # type: ignore[misc]
        names, count_text, roles = self._speaker_parts(index, width)
        dim = not count
        name_style = "$text-muted" if dim else "bold"
        lines = [Content.styled(line, name_style) for line in names]
        count_content = Content.styled(count_text, "$text-muted")
        if self._fits(names[-1] + count_text, width):
            lines[-1] = lines[-1] + count_content
        else:
            lines.append(Content.styled(count_text.strip(), "$text-muted"))
        lines.extend(Content.styled(role, "italic $text-muted") for role in roles)
        filled = round(share * 10)
        bar_style = "$text-disabled" if dim else "$accent"
        lines.append(Content.styled("█" * filled, bar_style)
                     + Content.styled("░" * (10 - filled), "$text-disabled")
                     + Content.styled(f" {share:.0%} of words", "$text-muted"))
        return lines


class QuoteList(PaneList):
    """Every visible quote, one line each: number, kind glyph, speaker, opening words."""

    BORDER_TITLE = "Quotes"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.quotes: Sequence[Quote] = ()
        self._row: dict[str, int] = {}
        self._message: str | None = "analysing…"
        self._analysis: Analysis | None = None
        # Prompts are built when a row is first shown and kept for the analysis, so filtering
        # 20,000 quotes builds nothing.
        self._prompts: dict[str, Content] = {}
        self._names: dict[str | None, str] = {}
        self._label_width = 1

    @property
    def quote_ids(self) -> list[str]:
        return [q.id for q in self.quotes]

    def show(self, analysis: Analysis | None, quotes: Sequence[Quote],
             empty: str = "no quotes match", rows: dict[str, int] | None = None) -> None:
        """Show ``quotes`` (``rows``: each quote's row, when the caller has it already)."""
        same_analysis = analysis is self._analysis
        if not same_analysis:
            self._analysis = analysis
            self._prompts = {}
            self._names = {} if analysis is None else {
                s.id: _one_line(list_name(s)) for s in analysis.speakers}
            # Labels are right-aligned to the widest label of the whole analysis, so a prompt
            # does not depend on the filter. A label is the id less its "q" (or all of "i7").
            self._label_width = max(
                (len(q.id) - (q.id[0] == "q") for q in analysis.quotes), default=1) \
                if analysis else 1
        self.quotes = quotes
        self._row = rows if rows is not None else {q.id: i for i, q in enumerate(quotes)}
        if analysis is None:
            self._message = "analysing…"
        elif not quotes:
            self._message = "no quotes" if not analysis.quotes else empty
        else:
            self._message = None
        with self.prevent(PaneList.Highlighted):
            self.highlighted = None
        self.items_changed(keep_rendered=same_analysis)

    def item_key(self, index: int) -> object:
        return self._message if self._message is not None else self.quotes[index].id

    def row_of(self, quote_id: str | None) -> int | None:
        return None if quote_id is None else self._row.get(quote_id)

    def item_count(self) -> int:
        return 1 if self._message is not None else len(self.quotes)

    def item_id(self, index: int) -> str | None:
        return None if self._message is not None else self.quotes[index].id

    def item_enabled(self, index: int) -> bool:
        return self._message is None

    def item_lines(self, index: int, width: int) -> list[Content]:
        if self._message is not None:
            return [Content.styled(self._message, "italic")]
        quote = self.quotes[index]
        prompt = self._prompts.get(quote.id)
        if prompt is None:
            assert self._analysis is not None
            label = Content.styled(quote.label.rjust(self._label_width), "bold")
            glyph = Content.styled(KIND_GLYPHS.get(quote.kind, "?"), "$accent")
            speaker = self._names.get(quote.speaker_id) or "unattributed"
            # Only the opening words are shown: never split a long quote whole.
            words = _one_line(opening_words(quote.span.of(self._analysis.article.text)[:400]))
            body_style = "italic $text-muted" if quote.kind == "indirect" else ""
            prompt = self._prompts[quote.id] = Content.assemble(
                label, " ", glyph, " ",
                Content.styled(speaker, "bold" if quote.speaker_id else "italic"),
                " ", Content.styled(words, body_style),
            )
        return [prompt]


class SearchInput(SafeInput):
    """The search box. Typing does not relayout the screen: Textual's ``Input`` sets its
    ``virtual_size`` (a layout reactive) on every change of its value."""

    def _watch_value(self, value: str) -> None:
        self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        self.refresh()
        super()._watch_value(value)


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


FOOTER_KEY_NAMES = {
    "slash": "/", "question_mark": "?", "right_square_bracket": "]", "left_square_bracket": "[",
    "greater_than_sign": ">", "less_than_sign": "<", "escape": "esc",
}


def footer_key(keys: str) -> str:
    """How the footer shows a binding: its first key ('ctrl+p' as '^p')."""
    first = keys.split(",")[0].strip()
    first = FOOTER_KEY_NAMES.get(first, first)
    return "^" + first[5:] if first.startswith("ctrl+") else first


class KeyBar(OneLine):
    """The keys that apply now, each clickable; the command palette's key on the right.

    One line of text built from the command table (Textual's ``Footer`` mounts a widget per
    key and rebuilds them on every change of focus, a visible cost on each tab and search).
    """

    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    class Pressed(Message):
        """A key of the bar was clicked: run ``action`` as if the key had been pressed."""

        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []  # (start cell, end cell, action)
        self._entries: tuple[tuple[str, str, str, bool], ...] = ()
        self._palette = "^p"

    def show(self, entries: Sequence[tuple[str, str, str, bool]], palette: str = "^p") -> None:
        """``entries``: (key, label, action, enabled) in order."""
        entries = tuple(entries)
        if entries == self._entries and palette == self._palette:
            return
        self._entries, self._palette = entries, palette
        self._spans = []
        self.refresh()

    def render(self) -> Content:
        width = self.size.width
        parts: list[Content] = []
        spans: list[tuple[int, int, str]] = []
        x = 0
        for key, label, action, enabled in self._entries:
            key_style = "bold $footer-key-foreground" if enabled else "$text-disabled"
            text = Content.assemble(Content.styled(f" {key} ", key_style),
                                    Content.styled(label + " ", "" if enabled else "$text-disabled"))
            spans.append((x, x + text.cell_length, action))
            x += text.cell_length
            parts.append(text)
        hint = Content.assemble(Content.styled(f"{self._palette} ", "bold $footer-key-foreground"),
                                "palette ")
        gap = max(1, width - x - hint.cell_length)
        self._spans = spans
        return Content("").join(parts) + Content(" " * gap) + hint

    def on_click(self, event: events.Click) -> None:
        for start, end, action in self._spans:
            if start <= event.x < end:
                self.post_message(self.Pressed(action))
                return
        if event.x >= self.size.width - 10:
            self.post_message(self.Pressed("app.command_palette"))


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


_NUMBERING: list[tuple[Analysis, dict[str, tuple[int, int]], int, int]] = []


def _numbering(analysis: Analysis) -> tuple[dict[str, tuple[int, int]], int, int]:
    """Each quote's (position, total) among its own numbering (marked or indirect), and the
    numbers of marked and of indirect quotes. Kept for the last analysis asked about."""
    if not _NUMBERING or _NUMBERING[0][0] is not analysis:
        table: dict[str, tuple[int, int]] = {}
        marked, indirect = analysis.marked_quotes, analysis.indirect_quotes
        for group in (marked, indirect):
            for i, q in enumerate(group, 1):
                table[q.id] = (i, len(group))
        _NUMBERING[:] = [(analysis, table, len(marked), len(indirect))]
    _, table, marked_total, indirect_total = _NUMBERING[0]
    return table, marked_total, indirect_total


def _position(analysis: Analysis, quote: Quote) -> tuple[int, int]:
    """(position, total) of the quote among its own numbering (marked or indirect)."""
    return _numbering(analysis)[0].get(quote.id, (0, 0))


class StatusLine(OneLine):
    """One line about the selected quote and the filters in force."""

    def show(self, analysis: Analysis | None, quote: Quote | None, *, shown: int,
             speaker: Entity | None, search: str, show_indirect: bool, style: str,
             progress: str = "") -> None:
        parts: list[Content] = []
        if analysis is None:
            parts.append(Content.styled(progress or "analysing…", "italic"))
        elif quote is None:
            _, total, indirect = _numbering(analysis)
            parts.append(Content(f"{total} quote{'s' if total != 1 else ''}"
                                 + (f", {indirect} indirect" if show_indirect else "")
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

"""The article body: a ScrollView drawn line by line (the Line API), with highlights by offset.

The text is laid out once per width (``display.Layout``); each screen line is rendered on demand
into a ``Strip`` and kept in an LRU cache. Highlights are article spans in named layers; changing
one layer discards and repaints only the lines that layer touched before and touches now.

A big article (a book, a court transcript) is laid out in a thread: its first pages are laid out
at once so the first screen paints without waiting, and the whole layout replaces them when it
is ready. A later re-wrap (a resize) lays out the pages around the top line at once, and the
whole article again in the thread.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import Article, Span
from reader.tui.display import Block, Layout, article_blocks

# Articles longer than this are laid out in a thread (the whole layout of 10 MB takes seconds).
BIG_ARTICLE_CHARS = 250_000
# How much of a big article is laid out at once, before the first paint.
FIRST_PAGES_CHARS = 40_000


def first_pages(article: Article) -> Article:
    """The article cut after its first paragraphs (about ``FIRST_PAGES_CHARS`` characters).

    Its blocks are exactly the first blocks of the whole article, so a layout of the first
    pages is line for line the start of the whole layout.
    """
    count = 0
    for count, span in enumerate(article.paragraphs, 1):
        if span.end - article.paragraphs[0].start >= FIRST_PAGES_CHARS:
            break
    return replace(article, paragraphs=article.paragraphs[:max(1, count)])

# Layers from bottom to top; later layers win where they overlap.
LAYERS = ("quotes", "speaker", "search", "selection")
BLOCK_STYLES = ("headline", "caption", "credit", "notice")
MARK_STYLES = (
    "quote", "indirect", "speaker-quote", "speaker-mention", "match",
    "context", "selected", "mention", "cue",
)


class Mark(NamedTuple):
    """A highlight: an article span and a style (a named tuple: 30,000 of them are made at once)."""

    span: Span
    style: str  # one of MARK_STYLES


class _LayerIndex:
    """Marks of one layer, bucketed by the block they fall in (width-independent)."""

    def __init__(self, marks: Sequence[Mark], layout: Layout) -> None:
        self.marks = marks if isinstance(marks, list) else list(marks)
        self.by_block: dict[int, list[Mark]] = {}
        for mark in self.marks:
            for block in layout.blocks_in(mark.span):
                self.by_block.setdefault(block, []).append(mark)

    def lines(self, layout: Layout) -> set[int]:
        out: set[int] = set()
        for mark in self.marks:
            out.update(layout.lines_of(mark.span))
        return out


class ArticleBody(ScrollView, can_focus=True):
    """The article text, wrapped to the pane, with quotes marked and the selection highlighted."""

    COMPONENT_CLASSES = {f"article-body--{name}" for name in BLOCK_STYLES + MARK_STYLES}

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="body.down",
                tooltip="Scroll the article down one line"),
        Binding("k,up", "scroll_up", "Up", show=False, id="body.up",
                tooltip="Scroll the article up one line"),
        Binding("g,home", "scroll_home", "Top", show=False, id="body.top",
                tooltip="Go to the top of the article"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="body.bottom",
                tooltip="Go to the end of the article"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="body.page_up",
                tooltip="Scroll the article up one page"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="body.page_down",
                tooltip="Scroll the article down one page"),
    ]

    class Clicked(Message):
        """The user clicked the article text at ``offset``."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._article: Article | None = None
        self._blocks: list[Block] = []
        self._layout: Layout | None = None
        self._layers: dict[str, Sequence[Mark]] = {name: () for name in LAYERS}
        self._indexes: dict[str, _LayerIndex] = {}
        # Indexes of big layers by (layer, id of the marks list), for the current layout.
        self._index_cache: dict[tuple[str, int], _LayerIndex] = {}
        self._cache: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] | None = None
        self._pending_scroll: Span | None = None
        # Big articles: the part of the article the current layout covers (None: all of it),
        # and the blocks of the whole article once they are known.
        self._covered: Span | None = None
        self._all_blocks: list[Block] | None = None
        self._building: int | None = None  # width being laid out in the thread
        self._paragraph_starts: list[int] | None = None
        # The search layer is found lazily, block by block, as lines are drawn: a one-letter
        # search over 20,000 quotes would otherwise build tens of thousands of marks per key.
        self._search: tuple[str, list[Span], list[int], int] | None = None
        self._search_blocks: dict[int, list[Mark]] = {}

    @property
    def complete(self) -> bool:
        """Whether the whole article is laid out (big articles are laid out in a thread)."""
        return self._layout is not None and self._covered is None

    # ----------------------------------------------------------------- keys
    # Scrolling jumps instead of animating: an animated page is a dozen repaints of the pane,
    # and a reader paging through a book wants the next page now, as in less or vim.
    def action_scroll_down(self) -> None:
        self.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_relative(y=-1, animate=False)

    def action_page_down(self) -> None:
        self.scroll_relative(y=max(1, self.scrollable_content_region.height - 1), animate=False)

    def action_page_up(self) -> None:
        self.scroll_relative(y=-max(1, self.scrollable_content_region.height - 1), animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)
        if self._covered is not None and self._article is not None and self._article.text:
            end = len(self._article.text)
            self._pending_scroll = Span(end - 1, end)  # the real end, once it is laid out

    # ----------------------------------------------------------------- content and layout
    @property
    def layout(self) -> Layout | None:
        return self._layout

    @property
    def article(self) -> Article | None:
        return self._article

    def set_article(self, article: Article) -> None:
        self._article = article
        self._search = None
        self._search_blocks = {}
        self._big = len(article.text) > BIG_ARTICLE_CHARS
        if self._big:
            pages = first_pages(article)
            self._blocks = article_blocks(pages)
            self._covered = Span(0, pages.paragraphs[-1].end) if pages.paragraphs else None
            self._all_blocks = None
        else:
            self._blocks = self._all_blocks = article_blocks(article)
            self._covered = None
        self._building = None
        self._paragraph_starts = None
        self._pending_scroll = None
        self._layers = {name: () for name in LAYERS}
        self._layout = None
        self._relayout()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def _wrap_width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def _relayout(self) -> None:
        if not self._blocks or self.scrollable_content_region.width <= 0:
            return  # not sized yet: lay out on the first resize
        width = self._wrap_width()
        if self._layout is not None and self._layout.width == width:
            return
        if not self._big:
            self._install(self._blocks, Layout.build(self._blocks, width))
            return
        if self._layout is None or self._all_blocks is None:
            # The first pages now, so the first screen paints at once; the rest in the thread.
            self._install(self._blocks, Layout.build(self._blocks, width))
        else:
            # A re-wrap: the pages around the top line now, the whole in the thread.
            window, covered = self._window_at_top()
            self._install(window, Layout.build(window, width))
            self._covered = covered
        if self._building != width:
            self._building = width
            assert self._article is not None
            self._lay_out_in_thread(self._article, self._all_blocks, width)

    def _window_at_top(self) -> tuple[list[Block], Span | None]:
        """The blocks around the line at the top of the pane (about ``FIRST_PAGES_CHARS``),
        and the part of the article they cover."""
        blocks = self._all_blocks
        layout = self._layout
        assert blocks is not None and layout is not None
        top = min(int(self.scroll_y), layout.height - 1)
        line = layout.lines[top] or layout.lines[min(top + 1, layout.height - 1)]
        offset = layout.blocks[line.block].source_offset(line.start) if line is not None else 0
        # Headline, caption and credit come first; the paragraphs after them are in order.
        lead = next((i for i, b in enumerate(blocks) if b.kind == "paragraph"), len(blocks))
        if self._paragraph_starts is None:
            self._paragraph_starts = [b.src for b in blocks[lead:]]
        at = lead + max(0, bisect_right(self._paragraph_starts, offset) - 1)
        first = lead if at - lead < 3 or offset < FIRST_PAGES_CHARS else at - 2
        if first == lead:
            first = 0
        last, chars = first, 0
        while last < len(blocks) and chars < FIRST_PAGES_CHARS:
            chars += len(blocks[last].text)
            last += 1
        window = blocks[first:last]
        if last >= len(blocks) and first == 0:
            return window, None
        sources = [b for b in window if b.src >= 0]
        start = 0 if first == 0 else sources[0].src
        end = sources[-1].src_end if sources else 0
        return window, Span(start, end)

    @work(thread=True, exclusive=True, group="body-layout")
    def _lay_out_in_thread(self, article: Article, blocks: list[Block] | None, width: int) -> None:
        from textual.worker import get_current_worker

        if blocks is None:
            blocks = article_blocks(article)
        layout = Layout.build(blocks, width)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._laid_out, article, blocks, layout)

    def _laid_out(self, article: Article, blocks: list[Block], layout: Layout) -> None:
        if article is not self._article or layout.width != self._building:
            return  # another article, or resized again since: that layout is on its way
        self._building = None
        self._covered = None
        self._all_blocks = blocks
        self._paragraph_starts = None
        self._install(blocks, layout)
        # Hundreds of thousands of lines that live as long as the article: keep the cyclic
        # collector from scanning them again and again (each scan is a stall of a key press).
        # They are still freed by reference counting when the article goes.
        import gc

        gc.freeze()
        if layout.width != self._wrap_width():
            self._relayout()
        if self._pending_scroll is not None and self.size.height:
            span, self._pending_scroll = self._pending_scroll, None
            self.scroll_to_span(span)

    def _install(self, blocks: list[Block], layout: Layout) -> None:
        """Show ``layout``, keeping the line at the top of the pane at the top."""
        self._search_blocks = {}
        anchor = None
        if self._layout is not None and self._layout.height:
            top = min(int(self.scroll_y), self._layout.height - 1)
            line = self._layout.lines[top] or self._layout.lines[min(top + 1, self._layout.height - 1)]
            if line is not None:
                anchor = self._layout.blocks[line.block].source_offset(line.start)
        self._blocks = blocks
        self._layout = layout
        self._indexes = {name: _LayerIndex(marks, layout) for name, marks in self._layers.items()}
        self._index_cache = {(name, id(index.marks)): index for name, index in self._indexes.items()
                             if len(index.marks) > 2000}
        self._cache.clear()
        self.virtual_size = Size(layout.width, layout.height)
        if anchor is not None and anchor >= 0:
            y = layout.line_of(anchor)
            if y is not None:
                self.scroll_to(y=y, animate=False, immediate=True)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        if self._pending_scroll is not None:
            span, self._pending_scroll = self._pending_scroll, None
            self.scroll_to_span(span)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._cache.clear()

    # ----------------------------------------------------------------- highlights
    def set_layer(self, name: str, marks: Iterable[Mark]) -> None:
        """Replace the marks of one layer, repainting only the lines it touched or touches.

        A list given again (the same object, e.g. the quotes with indirect speech shown, then
        hidden, then shown) reuses the index built for it."""
        marks = marks if isinstance(marks, list) else list(marks)
        old = self._indexes.get(name)
        self._layers[name] = marks
        if self._layout is None:
            return
        key = (name, id(marks))
        kept = self._index_cache.get(key)
        if kept is not None and kept.marks is marks:
            new = kept
        else:
            new = _LayerIndex(marks, self._layout)
            if len(marks) > 2000:
                self._index_cache[key] = new
        self._indexes[name] = new
        if name == "quotes" or len(marks) > 2000 or (old is not None and len(old.marks) > 2000):
            self._cache.clear()
            self.refresh()
            return
        dirty = new.lines(self._layout)
        if old is not None:
            dirty |= old.lines(self._layout)
        for y in sorted(dirty):
            self._cache.discard(y)
        self._refresh_lines(dirty)

    def set_search(self, needle: str, spans: Sequence[Span]) -> None:
        """Mark every case-insensitive occurrence of ``needle`` inside ``spans`` (sorted by
        start): the search layer. The matches are found when their lines are drawn."""
        needle = needle.casefold()
        if needle and spans:
            longest = max(len(span) for span in spans)
            self._search = (needle, list(spans), [span.start for span in spans], longest)
        elif self._search is None:
            return
        else:
            self._search = None
        self._search_blocks = {}
        self._cache.clear()
        self.refresh()

    def _search_marks(self, block_index: int) -> list[Mark]:
        """The search matches in one block."""
        if self._search is None or self._article is None or self._layout is None:
            return []
        cached = self._search_blocks.get(block_index)
        if cached is not None:
            return cached
        needle, spans, starts, longest = self._search
        block = self._layout.blocks[block_index]
        marks: list[Mark] = []
        if block.src >= 0:
            text = self._article.text
            found: list[Span] = []
            i = bisect_right(starts, block.src_end) - 1
            while i >= 0 and starts[i] + longest > block.src:
                span = spans[i]
                lo, hi = max(span.start, block.src), min(span.end, block.src_end)
                if lo < hi:
                    chunk = text[lo:hi].casefold()
                    at = chunk.find(needle)
                    while at >= 0:
                        found.append(Span(lo + at, lo + at + len(needle)))
                        at = chunk.find(needle, at + len(needle))
                i -= 1
            marks = [Mark(span, "match") for span in sorted(set(found))]
        self._search_blocks[block_index] = marks
        return marks

    def search_marks(self) -> list[Mark]:
        """Every search match in the article (for tests: drawing finds them block by block)."""
        if self._layout is None:
            return []
        return [m for i in range(len(self._layout.blocks)) for m in self._search_marks(i)]

    def _refresh_lines(self, ys: set[int]) -> None:
        top = int(self.scroll_y)
        bottom = top + self.size.height
        visible = [y for y in ys if top <= y < bottom]
        if not visible:
            return
        first, last = min(visible), max(visible)
        self.refresh_lines(first, last - first + 1)

    def refresh_lines(self, y_start: int, line_count: int = 1) -> None:
        for y in range(y_start, y_start + line_count):
            self._cache.discard(y)
        super().refresh_lines(y_start, line_count)

    def scroll_to_span(self, span: Span, *, animate: bool = False) -> None:
        """Scroll so the span is in view, with a little context above it when it moves."""
        covered = self._covered
        if self._layout is None or self.size.height == 0 or (
                covered is not None and not covered.start <= span.start <= span.end <= covered.end):
            self._pending_scroll = span  # shown when the layout reaches it
            return
        self._pending_scroll = None
        lines = self._layout.lines_of(span)
        if not lines:
            return
        top = int(self.scroll_y)
        height = self.size.height
        if lines.start >= top and lines.stop <= top + height:
            return  # already fully in view
        if len(lines) >= height:
            target = lines.start
        else:
            target = max(0, lines.start - max(1, (height - len(lines)) // 3))
        self.scroll_to(y=target, animate=animate, immediate=not animate)

    def offset_at(self, x: int, y: int) -> int | None:
        """Article offset shown at widget coordinates ``(x, y)``."""
        if self._layout is None:
            return None
        return self._layout.offset_at(int(self.scroll_y) + y, int(self.scroll_x) + x)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        found = self.offset_at(offset.x, offset.y)
        if found is not None:
            self.post_message(self.Clicked(found))

    # ----------------------------------------------------------------- rendering
    def _style_table(self) -> dict[str, Style]:
        """Partial Rich styles for each component class, alpha colours blended onto the body."""
        if self._styles is None:
            base_bg = self.background_colors[1]
            table: dict[str, Style] = {}
            for name in BLOCK_STYLES + MARK_STYLES:
                styles = self.get_component_styles(f"article-body--{name}")
                fg = bg = None
                if styles.has_rule("background"):
                    bg = (base_bg + styles.background).rich_color
                if styles.has_rule("color"):
                    fg = (base_bg + styles.color).rich_color
                style = Style(color=fg, bgcolor=bg)
                if styles.has_rule("text_style"):
                    style += styles.text_style
                table[name] = style
            self._styles = table
        return self._styles

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        base = self.rich_style
        strip = self._line_strip(scroll_y + y, base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _line_strip(self, y: int, base: Style) -> Strip:
        cached = self._cache.get(y)
        if cached is not None:
            return cached
        layout = self._layout
        if layout is None or not 0 <= y < layout.height or layout.lines[y] is None:
            strip = Strip.blank(0, base)
        else:
            strip = self._render_text_line(y, base)
        self._cache[y] = strip
        return strip

    def _render_text_line(self, y: int, base: Style) -> Strip:
        layout = self._layout
        assert layout is not None
        line = layout.lines[y]
        assert line is not None
        block = layout.blocks[line.block]
        styles = self._style_table()
        line_style = base + styles[block.kind] if block.kind in styles else base
        text = block.text[line.start : line.end].rstrip()
        end = line.start + len(text)
        if not text:
            return Strip.blank(0, line_style)
        # Collect the marks on this line as display ranges relative to the line.
        ranges: list[tuple[int, int, int, Style]] = []
        if block.src >= 0:
            for order, name in enumerate(LAYERS):
                if name == "search":
                    marks = self._search_marks(line.block)
                else:
                    index = self._indexes.get(name)
                    marks = index.by_block.get(line.block, ()) if index is not None else ()
                for mark in marks:
                    start = block.display_index(mark.span.start)
                    stop = block.display_index(mark.span.end)
                    start, stop = max(start, line.start), min(stop, end)
                    if start < stop:
                        rank = order * 16 + MARK_STYLES.index(mark.style)
                        ranges.append((start - line.start, stop - line.start, rank, styles[mark.style]))
        if not ranges:
            return Strip([Segment(text, line_style)])
        cuts = sorted({0, len(text), *(r[0] for r in ranges), *(r[1] for r in ranges)})
        ranges.sort(key=lambda r: r[2])
        segments = []
        for a, b in zip(cuts, cuts[1:]):
            style = line_style
            for start, stop, _, mark_style in ranges:
                if start <= a and b <= stop:
                    style = style + mark_style
            segments.append(Segment(text[a:b], style))
        return Strip(Segment.simplify(segments))

    def line_text(self, y: int) -> str:
        """The display text of screen line ``y`` (for tests)."""
        if self._layout is None or not 0 <= y < self._layout.height:
            return ""
        line = self._layout.lines[y]
        if line is None:
            return ""
        return self._layout.blocks[line.block].text[line.start : line.end].rstrip()

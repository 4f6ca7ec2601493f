"""What the article looks like on screen: safe display text, word wrapping, offset mapping.

No Textual here, only ``rich.cells`` for cell widths, so it can be tested and benchmarked alone.

Article text is never written to the terminal as is. Each code point maps to a display string:
itself for ordinary characters; a visible stand-in for control characters (ESC → ``␛``, other
C0 → the U+24xx control pictures, DEL → ``␡``), and ``⟨U+XXXX⟩`` for C1 controls, bidi controls,
zero-width and other invisible format characters. Whitespace inside a paragraph (newlines, tabs)
becomes one space, so the paragraph re-flows to the pane width.

Every display character remembers the article offset it came from, so a highlight given as an
article span lands on exactly the right cells, whatever the widths (CJK, emoji, combining marks).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from rich.cells import cell_len

from reader.model import Article, Span
from reader.safetext import (
    NEEDS_MAPPING, SPACE_LIKE, VARIATION_SELECTORS, display_char, safe_text,
)

# The character mapping is shared with the core (reader.safetext); re-exported here.
_NEEDS_MAPPING = NEEDS_MAPPING
_SPACE_LIKE = SPACE_LIKE
_VARIATION_SELECTORS = VARIATION_SELECTORS

__all__ = ["Block", "Layout", "Line", "article_blocks", "display_char", "make_block", "safe_text",
           "wrap"]


def _needs_map(text: str) -> bool:
    if _NEEDS_MAPPING.search(text):
        return True
    # Unassigned or private-use code points are rare: check each distinct non-ASCII character once.
    if not text.isascii():
        return any(
            ord(ch) > 0x7F and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn")
            and ch not in _VARIATION_SELECTORS and ch not in _SPACE_LIKE
            for ch in set(text)
        )
    return False


_SPACE_TRANSLATION = {ord(ch): " " for ch in _SPACE_LIKE}


@dataclass(slots=True)
class Block:
    """One block of the body (headline, caption, credit, paragraph, notice) in display form.

    ``src`` is where the block starts in the article text, or -1 when the text is not in the
    article (a headline from metadata, a notice). ``starts`` maps display index → article
    offset; None means the identity ``src + i`` (the common, fast case).
    """

    kind: str
    text: str
    src: int
    src_end: int
    starts: list[int] | None = None
    # display index of each article offset, for mapped blocks (len = src_end - src + 1)
    to_display: list[int] | None = None

    def display_index(self, offset: int) -> int:
        """Display index of article ``offset`` (clamped to the block)."""
        if self.src < 0:
            return 0
        offset = min(max(offset, self.src), self.src_end)
        if self.to_display is None:
            return offset - self.src
        return self.to_display[offset - self.src]

    def source_offset(self, index: int) -> int:
        """Article offset of display index ``index``."""
        if self.src < 0:
            return -1
        index = min(max(index, 0), len(self.text))
        if self.starts is None:
            return self.src + index
        if index >= len(self.starts):
            return self.src_end
        return self.starts[index]


def make_block(kind: str, text: str, span: Span | None) -> Block:
    if span is None:
        return Block(kind, safe_text(text), -1, -1)
    raw = span.of(text)
    if not _needs_map(raw):
        return Block(kind, raw.translate(_SPACE_TRANSLATION), span.start, span.end)
    parts: list[str] = []
    starts: list[int] = []
    to_display: list[int] = []
    pos = 0
    for i, ch in enumerate(raw):
        shown = display_char(ch)
        to_display.append(pos)
        parts.append(shown)
        starts.extend([span.start + i] * len(shown))
        pos += len(shown)
    to_display.append(pos)
    return Block(kind, "".join(parts), span.start, span.end, starts, to_display)


@dataclass(slots=True)
class Line:
    """One screen line: a slice ``[start, end)`` of a block's display text."""

    block: int
    start: int
    end: int


_WORD = re.compile(r"\S+\s*|\s+")


def _break_long(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into pieces of at most ``width`` cells (zero-width chars stay
    with the character before them)."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    cells = 0
    for i in range(start, end):
        w = cell_len(text[i])
        if cells + w > width and i > piece_start and w > 0:
            pieces.append((piece_start, i))
            piece_start, cells = i, 0
        cells += w
    pieces.append((piece_start, end))
    return pieces


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` to ``width`` cells: a list of ``(start, end)`` slices.

    Trailing spaces stay on the line they follow (and may overhang; they are cropped), so every
    character belongs to exactly one line and offsets map both ways.
    """
    width = max(1, width)
    if not text:
        return [(0, 0)]
    if text.isascii() and len(text) <= width:
        return [(0, len(text))]
    lines: list[tuple[int, int]] = []
    line_start = 0
    cells = 0
    ascii_text = text.isascii()
    for match in _WORD.finditer(text):
        w_start, w_end = match.span()
        word = match.group()
        stripped = word.rstrip()
        w_cells = len(stripped) if ascii_text else cell_len(stripped)
        full_cells = len(word) if ascii_text else cell_len(word)
        if cells + w_cells <= width:
            cells += full_cells
            continue
        if w_start > line_start:
            lines.append((line_start, w_start))
            line_start, cells = w_start, 0
        if w_cells > width:
            pieces = _break_long(text, w_start, w_start + len(stripped), width)
            for piece in pieces[:-1]:
                lines.append(piece)
            line_start = pieces[-1][0]
            cells = cell_len(text[line_start:w_end])
        else:
            cells = full_cells
    lines.append((line_start, len(text)))
    return lines


@dataclass
class Layout:
    """The body laid out at one width: blocks, their lines, and blank separator lines."""

    blocks: list[Block]
    width: int
    lines: list[Line | None] = field(default_factory=list)  # None = blank separator
    block_first_line: list[int] = field(default_factory=list)
    # blocks with article text, sorted by ``src``, for offset → line look-ups
    _src_starts: list[int] = field(default_factory=list)
    _src_blocks: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, blocks: list[Block], width: int) -> Layout:
        layout = cls(blocks, max(1, width))
        lines = layout.lines
        for index, block in enumerate(blocks):
            if index:
                lines.append(None)
            layout.block_first_line.append(len(lines))
            for start, end in wrap(block.text, layout.width):
                lines.append(Line(index, start, end))
        order = sorted((b.src, i) for i, b in enumerate(blocks) if b.src >= 0)
        layout._src_starts = [s for s, _ in order]
        layout._src_blocks = [i for _, i in order]
        return layout

    @property
    def height(self) -> int:
        return len(self.lines)

    def block_at(self, offset: int) -> int | None:
        """Index of the block holding article ``offset`` (or the one just before it)."""
        pos = bisect_right(self._src_starts, offset) - 1
        if pos < 0:
            return None
        return self._src_blocks[pos]

    def blocks_in(self, span: Span) -> list[int]:
        """Blocks that overlap the article span."""
        out = []
        pos = max(0, bisect_right(self._src_starts, span.start) - 1)
        while pos < len(self._src_starts) and self._src_starts[pos] < max(span.end, span.start + 1):
            index = self._src_blocks[pos]
            block = self.blocks[index]
            if block.src_end > span.start or (len(span) == 0 and block.src_end >= span.start):
                out.append(index)
            pos += 1
        return out

    def line_of(self, offset: int) -> int | None:
        """Screen line showing article ``offset``."""
        index = self.block_at(offset)
        if index is None:
            return None
        block = self.blocks[index]
        d = block.display_index(offset)
        first = self.block_first_line[index]
        last = self.block_first_line[index + 1] - 2 if index + 1 < len(self.blocks) else len(self.lines) - 1
        lo, hi = first, last
        while lo < hi:
            mid = (lo + hi + 1) // 2
            line = self.lines[mid]
            assert line is not None
            if line.start <= d:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def lines_of(self, span: Span) -> range:
        """Screen lines the article span is shown on (empty when it is nowhere)."""
        first = self.line_of(span.start)
        last = self.line_of(max(span.start, span.end - 1))
        if first is None or last is None:
            return range(0)
        return range(first, last + 1)

    def offset_at(self, y: int, x: int) -> int | None:
        """The article offset shown at line ``y``, cell ``x`` (None off the text)."""
        if not 0 <= y < len(self.lines):
            return None
        line = self.lines[y]
        if line is None:
            return None
        block = self.blocks[line.block]
        if block.src < 0:
            return None
        cells = 0
        for i in range(line.start, line.end):
            cells += cell_len(block.text[i])
            if cells > x:
                return block.source_offset(i)
        return None


def article_blocks(article: Article) -> list[Block]:
    """The body's blocks: headline, caption, credit, then the paragraphs."""
    text = article.text
    blocks: list[Block] = []
    if article.headline:
        blocks.append(make_block("headline", text if article.headline_span else article.headline,
                                 article.headline_span))
    if article.caption:
        blocks.append(make_block("caption", text if article.caption_span else article.caption,
                                 article.caption_span))
    if article.credit:
        blocks.append(make_block("credit", text if article.credit_span else article.credit,
                                 article.credit_span))
    for span in article.paragraphs:
        blocks.append(make_block("paragraph", text, span))
    if not article.paragraphs and not article.text.strip():
        blocks.append(make_block("notice", "This article has no text.", None))
    elif not blocks:
        blocks.append(make_block("paragraph", text, Span(0, len(text))))
    return blocks

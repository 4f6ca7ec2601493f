"""Markdown articles (``.md``, ``.markdown``), with optional YAML front matter.

Front matter is a block at the very top between ``---`` lines (the closing line may also be
``...``); its keys are the metadata keys of :mod:`reader.loaders.meta` (title, outlet, date,
byline or author, url, …).

The article text is the Markdown body after the front matter, verbatim: markup such as
``*emphasis*`` or ``[links](…)`` stays in it, so every offset indexes the body as written.
Paragraphs are the blocks between blank lines; besides that, every heading, list item and block
quote is a paragraph of its own, and its span starts after the marker (``## ``, ``- ``, ``1. ``,
``> ``) of its first line. A fenced code block (```` ``` ```` or ``~~~``) is one paragraph,
blank lines inside it included, without its fence lines. Thematic breaks (``---``) are not
paragraphs.

The headline is the front matter's ``title``; else a level-1 heading (``# Title`` or a
``===``-underlined line) that opens the body. That heading is then the headline span, not a
paragraph (it stays a paragraph when the front matter gives a different title).
"""

from __future__ import annotations

import re
from typing import Any

from reader.errors import LoadError
from reader.loaders import meta, spans
from reader.model import Article, Span

_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})")
_ATX = re.compile(r"(#{1,6})(?:[ \t]|$)")
_THEMATIC = re.compile(r"(?:([-*_])[ \t]*)(?:\1[ \t]*){2,}$")
_SETEXT_H1 = re.compile(r"=+[ \t]*$")
_SETEXT_H2 = re.compile(r"-+[ \t]*$")
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_QUOTE = re.compile(r">[ \t]?")
# The characters a block marker can start with; a line starting otherwise is plain prose.
_MARKER_START = frozenset("`~#=-*_+>0123456789")
_DELIMITER = re.compile(r"---[ \t]*$")
_CLOSING = re.compile(r"(?:---|\.\.\.)[ \t]*$")


def split_front_matter(text: str, source: str = "<memory>") -> tuple[str | None, int, int]:
    """``(front matter YAML or None, its first file line, where the body starts)``."""
    first = next(spans.lines(text), None)
    if first is None or not _DELIMITER.match(text, first.start, first.end):
        return None, 0, 0
    yaml_start = _after_break(text, first.end)
    if yaml_start > first.end:
        for line in spans.lines(text, yaml_start):
            if _CLOSING.match(text, line.start, line.end):
                return text[yaml_start : line.start], 2, _after_break(text, line.end)
    raise LoadError(source, "front matter opened on line 1 is never closed (no closing '---' line)")


def _after_break(text: str, pos: int) -> int:
    if text.startswith("\r\n", pos):
        return pos + 2
    if text.startswith(("\n", "\r"), pos):
        return pos + 1
    return pos


class _Blocks:
    """Collects paragraph spans (and which of them are level-1 headings) in document order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[Span] = []
        self.h1: set[int] = set()
        self.start: int | None = None  # content start of the open block
        self.end = 0  # end of the last line of the open block
        self.kind = ""

    def open(self, content_start: int, line_end: int, kind: str) -> None:
        self.close()
        self.start, self.end, self.kind = content_start, line_end, kind

    def extend(self, line_end: int) -> None:
        self.end = line_end

    def close(self, end: int | None = None, h1: bool = False) -> None:
        if self.start is not None:
            self.emit(self.start, self.end if end is None else end, h1)
        self.start, self.kind = None, ""

    def emit(self, start: int, end: int, h1: bool = False) -> None:
        span = spans.strip(self.text, start, end)
        if span is not None:
            if h1:
                self.h1.add(len(self.spans))
            self.spans.append(span)


def body_paragraphs(text: str, start: int = 0) -> tuple[list[Span], set[int]]:
    """Paragraph spans of the Markdown in ``text[start:]`` and the indices of level-1 headings."""
    with spans.bulk():
        return _body_paragraphs(text, start)


def _body_paragraphs(text: str, start: int) -> tuple[list[Span], set[int]]:
    blocks = _Blocks(text)
    fence: str | None = None
    fence_start = 0
    previous_end = start
    # Only non-blank lines are visited (trimmed); a blank line shows as a gap holding two or
    # more line breaks. This keeps long runs of blank lines cheap.
    for at, end in spans.trimmed_lines(text, start):
        blank_before = _breaks(text, previous_end, at) >= 2
        previous_end = end
        if fence is not None:
            if text[at] == fence[0] and _is_fence_close(text, Span(at, end), fence):
                blocks.emit(fence_start, at)
                fence = None
            continue
        if blank_before:
            blocks.close()
        first = text[at]
        if first not in _MARKER_START:
            # The common case: an ordinary line of prose.
            if blocks.start is None:
                blocks.open(at, end, "text")
            else:
                blocks.extend(end)
            continue
        opened = _FENCE_OPEN.match(text, at, end) if first in "`~" else None
        if opened is not None and not (first == "`" and "`" in text[opened.end() : end]):
            blocks.close()
            fence = opened.group(1)
            fence_start = end
            continue
        heading = _ATX.match(text, at, end) if first == "#" else None
        if heading is not None:
            blocks.close()
            blocks.emit(heading.end(), _heading_end(text, heading.end(), end),
                        h1=len(heading.group(1)) == 1)
            continue
        if blocks.kind == "text" and first == "=" and _SETEXT_H1.match(text, at, end):
            blocks.close(h1=True)
            continue
        if blocks.kind == "text" and first == "-" and _SETEXT_H2.match(text, at, end):
            blocks.close()
            continue
        if first in "-*_" and _THEMATIC.match(text, at, end):
            blocks.close()
            continue
        item = _LIST_ITEM.match(text, at, end)
        if item is not None:
            blocks.open(item.end(), end, "item")
            continue
        if first == ">":
            quote_end = _QUOTE.match(text, at, end).end()  # type: ignore[union-attr]
            if quote_end == end:
                blocks.close()  # a bare ">" separates paragraphs inside a quote
            elif blocks.kind == "quote" and not blank_before:
                blocks.extend(end)
            else:
                blocks.open(quote_end, end, "quote")
            continue
        if blocks.start is None:
            blocks.open(at, end, "text")
        else:
            blocks.extend(end)
    if fence is not None:
        blocks.emit(fence_start, len(text))
    blocks.close()
    return blocks.spans, blocks.h1


def _breaks(text: str, start: int, end: int) -> int:
    """How many line breaks (CRLF counting once) the whitespace ``text[start:end]`` holds."""
    gap = text[start:end]
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n")


def _heading_end(text: str, start: int, end: int) -> int:
    """Where an ATX heading's content ends: before an optional closing run of ``#``."""
    content = text[start:end]
    core = content.rstrip("#")
    if not core:
        return start  # "# ##": an empty heading
    if len(core) < len(content) and core[-1] in " \t":
        return start + len(core)
    return end


def _is_fence_close(text: str, content: Span, fence: str) -> bool:
    piece = content.of(text)
    return len(piece) >= len(fence) and piece == fence[0] * len(piece)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def parse_markdown(text: str, source: str = "<memory>", warnings: tuple[str, ...] = ()) -> Article:
    """The article in Markdown ``text`` (front matter included); spans index the body."""
    front, first_line, body_start = split_front_matter(text, source)
    fields: dict[str, Any] = {}
    extra: dict[str, str] = {}
    notes: list[str] = []
    if front is not None:
        try:
            data, _node = meta.load_yaml(front, first_line)
        except meta.YamlProblem as exc:
            raise LoadError(source, f"front matter is not valid YAML ({exc})") from None
        if data is not None and not isinstance(data, dict):
            raise LoadError(
                source, f"front matter is not a list of 'key: value' lines (line {first_line})"
            )
        if data:
            fields, extra, notes = meta.fields_from(data)
    body = text[body_start:]
    paragraphs, h1 = body_paragraphs(body)
    headline = fields.pop("headline", None)
    headline_span = None
    if paragraphs and 0 in h1:
        heading = paragraphs[0].of(body)
        if headline is None or _same(headline, heading):
            headline, headline_span = heading, paragraphs[0]
            paragraphs = paragraphs[1:]
    article = Article(
        text=body,
        paragraphs=tuple(paragraphs),
        source=source,
        format="markdown",
        headline=headline,
        headline_span=headline_span,
        warnings=warnings,
    )
    return meta.apply(article, fields, extra, notes) if fields or extra or notes else article

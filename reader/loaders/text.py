"""Plain-text articles (``.txt``): the text is the decoded file verbatim.

Layout understood (the seed's): an optional first line ``image <caption>`` whose tail is a photo
credit such as ``REUTERS/Name - ID``, then the headline, then paragraphs separated by blank lines
(lines of whitespace only, no-break spaces included). Articles without blank lines use one
paragraph per line.
"""

from __future__ import annotations

import re

from reader.loaders.dates import find_date
from reader.model import Article, Span

_CAPTION_PREFIX = re.compile(r"image[ \t\u00a0]+", re.IGNORECASE)
# "REUTERS/Sergei Karpukhin - RTX39M8M", "AP Photo/Jane Doe", "Getty Images/John Roe"
_CREDIT = re.compile(
    r"(?P<credit>(?:[A-Z][\w.&'-]*[ \t]?){1,3}(?:Photo)?/[ \t]?[^\s/][^/\n]*?)"
    r"(?:[ \t]+[-\u2013\u2014][ \t]+[A-Z0-9][A-Z0-9_-]{3,})?[ \t\u00a0]*$"
)
# A headline is one line, reasonably short, followed by more text.
_MAX_HEADLINE = 300


def _lines(text: str) -> list[Span]:
    """Every line of ``text`` as a span without its line terminator (\\n, \\r\\n or \\r)."""
    spans = []
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if match.start() == match.end():
            break
        line = match.group()
        end = match.end() - (len(line) - len(line.rstrip("\r\n")))
        spans.append(Span(match.start(), end))
    return spans


def _strip(text: str, span: Span) -> Span | None:
    """Trim whitespace (no-break spaces included) from both ends; None when nothing is left."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def _blocks(text: str, lines: list[Span]) -> list[Span]:
    """Paragraph spans: runs of non-blank lines, or single lines when no line is blank."""
    trimmed = [_strip(text, line) for line in lines]
    if all(t is not None for t in trimmed):
        return [t for t in trimmed if t is not None]
    blocks: list[Span] = []
    current: Span | None = None
    for span in trimmed:
        if span is None:
            if current is not None:
                blocks.append(current)
            current = None
        elif current is None:
            current = span
        else:
            current = Span(current.start, span.end)
    if current is not None:
        blocks.append(current)
    return blocks


def parse_text(text: str, source: str = "<memory>", warnings: tuple[str, ...] = ()) -> Article:
    lines = _lines(text)
    caption = caption_span = credit = credit_span = None
    first = next((_strip(text, line) for line in lines if _strip(text, line)), None)
    rest_from = 0
    if first is not None:
        prefix = _CAPTION_PREFIX.match(text, first.start, first.end)
        if prefix is not None and prefix.end() < first.end:
            caption_span = _strip(text, Span(prefix.end(), first.end))
            rest_from = first.end
    if caption_span is not None:
        credit_match = _CREDIT.search(caption_span.of(text))
        if credit_match is not None:
            start = caption_span.start + credit_match.start("credit")
            credit_span = _strip(text, Span(start, caption_span.start + credit_match.end("credit")))
            body = _strip(text, Span(caption_span.start, start))
            if body is not None and credit_span is not None:
                credit = credit_span.of(text)
                caption_span = body
        caption = caption_span.of(text)

    blocks = _blocks(text, [line for line in lines if line.start >= rest_from])
    headline = headline_span = None
    if len(blocks) > 1:
        first_block = blocks[0]
        one_line = not any(c in "\r\n" for c in first_block.of(text))
        if one_line and len(first_block) <= _MAX_HEADLINE:
            headline_span = first_block
            headline = first_block.of(text)
            blocks = blocks[1:]

    date = None
    for field_text in (caption, headline):
        if field_text and date is None:
            date = find_date(field_text)
    return Article(
        text=text,
        paragraphs=tuple(blocks),
        source=source,
        format="text",
        headline=headline,
        headline_span=headline_span,
        caption=caption,
        caption_span=caption_span,
        credit=credit,
        credit_span=credit_span,
        date=date,
        warnings=warnings,
    )

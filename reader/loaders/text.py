"""Plain-text articles (``.txt``): the text is the decoded file verbatim.

Layout understood (the seed's):

- an optional first line ``image <caption>``, whose tail may be a photo credit such as
  ``REUTERS/Name - ID`` or ``AP Photo/Name``;
- the headline: the first paragraph, when it is one short line and more text follows;
- paragraphs separated by blank lines (lines of whitespace only, no-break spaces included).

Articles without any blank line between paragraphs use one paragraph per line. In an article
that does use blank lines, a block whose lines are too long to be hard-wrapped prose (over
100 characters) is read as one paragraph per line as well; a block of short lines is one
wrapped paragraph.

The publication date is taken from the caption or headline when one is written there.
"""

from __future__ import annotations

import re

from reader.loaders import spans
from reader.loaders.dates import find_date
from reader.model import Article, Span

_NON_SPACE = re.compile(r"\S")
_CAPTION_PREFIX = re.compile(r"image[ \t\u00a0]+", re.IGNORECASE)
# "REUTERS/Sergei Karpukhin - RTX39M8M", "AP Photo/Jane Doe", "Getty Images/John Roe": an
# agency, a slash, a name running to the end of the caption, an optional picture ID after a dash.
_CREDIT_REST = (
    r"/[ \t]?[^\s/][^/\n]*?)"
    r"(?:[ \t]+[-\u2013\u2014][ \t]+[A-Z0-9][A-Z0-9_-]{3,})?[ \t\u00a0]*$"
)
# Best: the credit starts a sentence and the agency is up to three capitalised words
# ("… in Paris. AP Photo/…" must not take "Paris." as part of the agency).
_CREDIT_AFTER_SENTENCE = re.compile(
    r"(?<=[.!?)\]\"'\u201d\u2019])[ \t\u00a0]+(?P<credit>(?:[A-Z][\w.&'-]*[ \t]?){1,3}"
    + _CREDIT_REST
)
# Else: one capitalised word, or one of the usual two-word agencies ("Getty Images").
_CREDIT = re.compile(
    r"(?<![\w.&'-])(?P<credit>[A-Z][\w.&'-]*(?:[ \t](?:Photo|Images|Pictures|Press))?"
    + _CREDIT_REST
)
# A caption line longer than this is not a caption; the credit is looked for only in the tail.
_MAX_CAPTION = 2000
_CREDIT_TAIL = 160
# A headline is one line, reasonably short, followed by more text.
_MAX_HEADLINE = 300
# Hard-wrapped prose has no line longer than this.
_MAX_WRAPPED_LINE = 100


def body_paragraphs(text: str, start: int = 0) -> list[Span]:
    """Body paragraph spans of ``text[start:]`` (see the module docstring for the rules)."""
    blocks = spans.chunks(text, start)
    if len(blocks) <= 1:
        return spans.nonblank_lines(text, start)
    out: list[Span] = []
    for block in blocks:
        if spans.is_one_line(text, block):
            out.append(block)
            continue
        block_lines = spans.nonblank_lines(text, block.start, block.end)
        if any(len(line) > _MAX_WRAPPED_LINE for line in block_lines):
            out.extend(block_lines)
        else:
            out.append(block)
    return out


def _caption(text: str) -> tuple[Span | None, Span | None, int]:
    """The caption and credit spans of an ``image …`` first line, and where the rest begins."""
    match = _NON_SPACE.search(text)
    if match is None:
        return None, None, 0
    first_start = match.start()
    line_end = next(spans.lines(text, first_start)).end
    prefix = _CAPTION_PREFIX.match(text, first_start, line_end)
    if prefix is None or line_end - first_start > _MAX_CAPTION:
        return None, None, 0
    caption = spans.strip(text, prefix.end(), line_end)
    if caption is None:
        return None, None, 0
    tail_start = max(caption.start, caption.end - _CREDIT_TAIL)
    tail = text[tail_start : caption.end]
    credit_match = _CREDIT_AFTER_SENTENCE.search(tail) or _CREDIT.search(tail)
    if credit_match is not None:
        credit = spans.strip(
            text, tail_start + credit_match.start("credit"), tail_start + credit_match.end("credit")
        )
        rest = spans.strip(text, caption.start, tail_start + credit_match.start("credit"))
        if credit is not None and rest is not None:
            return rest, credit, line_end
    return caption, None, line_end


def parse_text(text: str, source: str = "<memory>", warnings: tuple[str, ...] = ()) -> Article:
    """The article in plain ``text``; every span indexes ``text`` itself."""
    caption_span, credit_span, body_start = _caption(text)
    blocks = body_paragraphs(text, body_start)
    headline_span = None
    if len(blocks) > 1 and spans.is_one_line(text, blocks[0]) and len(blocks[0]) <= _MAX_HEADLINE:
        headline_span = blocks[0]
        blocks = blocks[1:]

    caption = caption_span.of(text) if caption_span else None
    headline = headline_span.of(text) if headline_span else None
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
        credit=credit_span.of(text) if credit_span else None,
        credit_span=credit_span,
        date=date,
        warnings=warnings,
    )

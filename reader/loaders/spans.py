"""Span helpers every loader shares: lines, trimming, blank-line blocks.

"Whitespace" here is exactly what ``str.isspace`` (and ``\\s`` in ``re``) accepts, no-break
spaces included, so a line holding only spaces, tabs or no-break spaces is blank. Lines end at
``\\n``, ``\\r\\n`` or a lone ``\\r``; no other character splits a line. All helpers run in time
linear in the text (no quadratic scans, no regex backtracking).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from reader.model import Span

# A line break, at least one blank line (whitespace only) and its break, then any whitespace:
# what separates two paragraphs. ``[^\S\r\n]`` is "whitespace except line breaks"; a lone
# ``\r`` is a break only when no ``\n`` follows, so CRLF never counts as two. No nested
# repetition, so matching stays linear.
_BREAK = r"(?:\r\n|\r(?!\n)|\n)"
_BLANK_LINES = re.compile(_BREAK + r"[^\S\r\n]*" + _BREAK + r"\s*")
# The trimmed content of one non-blank line (\S never matches a line break).
_TRIMMED_LINE = re.compile(r"\S(?:[^\r\n]*\S)?")
_LINE_WITH_BREAK = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n)?")
_new_span = tuple.__new__  # Span(start, end) without the Python-level __new__: much faster


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of spans (they hold no
    cycles, but the collector would rescan them over and over)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def strip(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` trimmed of whitespace at both ends; None when nothing is left."""
    piece = text[start:end]
    body = piece.lstrip()
    if not body:
        return None
    left = start + len(piece) - len(body)
    return Span(left, left + len(body.rstrip()))


def lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """The lines of ``text[start:end]`` without their terminators (blank lines included)."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        match = _LINE_WITH_BREAK.match(text, pos, end)
        assert match is not None  # the pattern matches at every position
        yield Span(pos, match.end(1))
        pos = match.end()


def nonblank_lines(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The non-blank lines of ``text[start:end]``, each trimmed."""
    end = len(text) if end is None else end
    with bulk():
        return [_new_span(Span, m.span()) for m in _TRIMMED_LINE.finditer(text, start, end)]


def trimmed_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank line of ``text[start:end]``, trimmed, lazily."""
    end = len(text) if end is None else end
    for match in _TRIMMED_LINE.finditer(text, start, end):
        yield match.span()


def chunks(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Runs of lines separated by blank lines, each trimmed; blank runs are dropped."""
    end = len(text) if end is None else end
    out = []
    pos = start
    with bulk():
        for match in _BLANK_LINES.finditer(text, start, end):
            span = strip(text, pos, match.start())
            if span is not None:
                out.append(span)
            pos = match.end()
        span = strip(text, pos, end)
        if span is not None:
            out.append(span)
    return out


def is_one_line(text: str, span: Span) -> bool:
    return text.find("\n", span.start, span.end) < 0 and text.find("\r", span.start, span.end) < 0


def join_paragraphs(pieces: Iterable[str]) -> tuple[str, list[Span]]:
    """One text from paragraph strings, a blank line between each, and the span of each."""
    parts: list[str] = []
    paragraphs: list[Span] = []
    pos = 0
    for piece in pieces:
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(piece)
        paragraphs.append(Span(pos, pos + len(piece)))
        pos += len(piece)
    return "".join(parts), paragraphs

"""Small helpers for engine tests: analyse a string, look quotes up by their text."""

from __future__ import annotations

from reader.engine import analyze
from reader.loaders.text import parse_text
from reader.model import Analysis, Quote


def run(text: str, **kwargs) -> Analysis:
    return analyze(parse_text(text), **kwargs)


def marked(analysis: Analysis) -> list[Quote]:
    return [q for q in analysis.quotes if q.is_marked]


def texts(analysis: Analysis) -> list[str]:
    return [q.span.of(analysis.article.text) for q in marked(analysis)]


def quote(analysis: Analysis, needle: str) -> Quote:
    text = analysis.article.text
    found = [q for q in analysis.quotes if needle in q.span.of(text)]
    assert found, f"no quote containing {needle!r} in {texts(analysis)}"
    return found[0]


def speaker_name(analysis: Analysis, q: Quote) -> str | None:
    s = analysis.speaker(q.speaker_id)
    return s.name if s else None


def mention_text(analysis: Analysis, q: Quote) -> str | None:
    return q.mention.of(analysis.article.text) if q.mention else None

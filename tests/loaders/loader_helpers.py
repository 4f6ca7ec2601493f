"""Helpers the loader tests share (imported by name; pytest puts this folder on sys.path)."""

from __future__ import annotations

from pathlib import Path

from reader.model import Article

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_4803ba0c4917af00.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def check_spans(article: Article) -> None:
    """Every invariant the loaders promise about spans."""
    text = article.text
    previous_end = 0
    for span in article.paragraphs:
        assert 0 <= span.start < span.end <= len(text), span
        assert span.start >= previous_end, "paragraphs out of order or overlapping"
        assert not text[span.start].isspace() and not text[span.end - 1].isspace(), span
        previous_end = span.end
    for name in ("headline", "caption", "credit"):
        span = getattr(article, f"{name}_span")
        if span is not None:
            assert 0 <= span.start < span.end <= len(text)
            assert span.of(text) == getattr(article, name)
            assert not any(span.overlaps(p) for p in article.paragraphs), name


def paragraph_texts(article: Article) -> list[str]:
    return [span.of(article.text) for span in article.paragraphs]

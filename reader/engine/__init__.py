"""The quote engine: ``analyze(article) -> Analysis``. Pure Python; never imports Textual or Rich."""

from __future__ import annotations

from reader.model import Analysis, Article


def analyze(article: Article) -> Analysis:
    # Placeholder until the sieve pipeline lands: an honest empty analysis.
    return Analysis(article=article)

"""Builders for hand-made articles and analyses (the citation tests do not depend on the engine)."""

from __future__ import annotations

from reader.model import Article, Quote, Span

CAREY_URL = "https://www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html"
MANJOO_URL = ("https://www.nytimes.com/2017/03/08/technology/"
              "snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html")

SEED_QUOTE_1 = "a permanent source of threat threats."


def make_article(paragraphs: list[str], **meta) -> Article:
    """An article whose text is the paragraphs separated by blank lines."""
    spans, offset = [], 0
    for para in paragraphs:
        spans.append(Span(offset, offset + len(para)))
        offset += len(para) + 2
    return Article(text="\n\n".join(paragraphs), paragraphs=tuple(spans), **meta)


def quote_at(article: Article, snippet: str, quote_id: str = "q1", speaker_id: str | None = "s1",
             kind: str = "direct", group: str | None = None, cue: str | None = None,
             occurrence: int = 0) -> Quote:
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(snippet, start + 1)
    cue_span = None
    if cue:
        at = article.text.index(cue, start)
        cue_span = Span(at, at + len(cue))
    return Quote(quote_id, kind, Span(start, start + len(snippet)), speaker_id=speaker_id,
                 group=group, cue=cue_span)


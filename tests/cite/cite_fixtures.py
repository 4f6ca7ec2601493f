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


# What every built-in style prints for the seed's quote 1 (the seed names no author, outlet or URL).
SEED_HEADLINE = "UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis"
SEED_TITLE_CASE = "UN Envoy to Syria and Russian FM Lavrov Discuss the Syria Crisis"
LAVROV = "Sergei Lavrov, Russian Foreign Minister"

SEED_Q1 = {
    "plain": f"“a permanent source of threat threats.” — {LAVROV} — {SEED_HEADLINE}, 8 June 2017",
    "markdown": (
        "> a permanent source of threat threats.\n"
        ">\n"
        f"> — {LAVROV}, in “{SEED_HEADLINE}”, 8 June 2017"
    ),
    "apa": (
        f"{LAVROV}: “a permanent source of threat threats” (“UN Envoy to Syria,” 2017, para. 1).\n"
        "\n"
        f"{SEED_HEADLINE}. (2017, June 8)."
    ),
    "mla": (
        f"{LAVROV}: “a permanent source of threat threats” (qtd. in “UN Envoy”).\n"
        "\n"
        f"“{SEED_TITLE_CASE}.” 8 June 2017."
    ),
    "chicago": (
        f"{LAVROV}: “a permanent source of threat threats.”¹\n"
        "\n"
        f"1. “{SEED_TITLE_CASE},” June 8, 2017.\n"
        "\n"
        f"“{SEED_TITLE_CASE}.” June 8, 2017."
    ),
    "bibtex": (
        "@misc{noauthor_un_2017,\n"
        "  title = {{UN} envoy to {Syria} and {Russian} {FM} {Lavrov} discuss the {Syria} crisis},\n"
        "  year = {2017},\n"
        "  month = jun,\n"
        f"  annote = {{“a permanent source of threat threats.” — {LAVROV}}},\n"
        "}"
    ),
    "csl-json": (
        "[\n"
        "  {\n"
        '    "id": "noauthor_un_2017",\n'
        '    "type": "article-newspaper",\n'
        f'    "title": "{SEED_HEADLINE}",\n'
        '    "issued": {"date-parts": [[2017, 6, 8]]},\n'
        f'    "note": "“a permanent source of threat threats.” — {LAVROV}"\n'
        "  }\n"
        "]"
    ),
}

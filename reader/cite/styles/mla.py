"""``mla``: MLA 9 — the quote with its parenthetical citation, then the works-cited entry.

Works cited (MLA 9 template of core elements; the MLA's newspaper example)::

    Carey, Benedict. “Can We Get Better at Forgetting?” The New York Times, 22 Mar. 2019,
    www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html.

Without an author the entry starts with the title::

    “UN Envoy to Syria and Russian FM Lavrov Discuss the Syria Crisis.” 8 June 2017.

Titles in title case and quotation marks; months longer than four letters abbreviated; URLs
without ``http://`` or ``https://``. In-text: the author's surname, or the title shortened to its
first noun phrase; no locator (MLA gives paragraph numbers only when the source numbers its
paragraphs). The words of someone quoted in the article are cited as an indirect source:
``(qtd. in Carey)``. The quote's final period moves after the parenthesis.

Limits: italics (the newspaper's name) are lost in plain text; quotations longer than four lines
are not set as a block (line length depends on the page).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.cite.context import Cited, Source
from reader.cite.names import Name, in_text_authors
from reader.cite.text import MLA_MONTHS, nest, sentence, short_title, title_case


def authors(names: Sequence[Name]) -> str:
    """``Carey, Benedict``; ``Doe, Jane, and Ann Roe``; three or more: ``Doe, Jane, et al``."""
    first = names[0].inverted()
    if len(names) == 1:
        return first
    if len(names) == 2:
        return f"{first}, and {names[1].natural()}"
    return f"{first}, et al"


def date_text(source: Source) -> str:
    d = source.date
    return f"{d.day} {MLA_MONTHS[d.month - 1]} {d.year}" if d else ""


def bare_url(url: str) -> str:
    return re.sub(r"^https?://", "", url)


def works_cited(source: Source) -> str:
    if not source.identifiable:
        return ""
    parts = []
    if source.authors:
        parts.append(sentence(authors(source.authors)))
    if source.headline:
        title = nest(title_case(source.headline))
        parts.append(f"“{title}”" if title.endswith(("?", "!", ".")) else f"“{title}.”")
    container = ", ".join(p for p in (source.outlet, date_text(source), bare_url(source.url)) if p)
    if container:
        parts.append(sentence(container))
    return " ".join(parts)


def cite_author(source: Source) -> str:
    authors = in_text_authors(source.authors, "and")
    if authors:
        return authors
    if source.headline:
        return f"“{nest(title_case(short_title(source.headline, first_phrase=True)))}”"
    return source.outlet


def parenthetical(source: Source, quote: Cited) -> str:
    author = cite_author(source)
    if quote.speaker and quote.verbatim and author:
        author = f"qtd. in {author}"
    return f"({author})" if author else ""


def in_text(source: Source, quote: Cited) -> str:
    text = nest(quote.text)
    if not text.endswith(("?", "!", "...")):
        text = text.rstrip(".")
    cite = parenthetical(source, quote)
    if quote.verbatim:
        final = "" if cite or text.endswith(("?", "!", "…")) else "."
        quoted = f"“{text}{final}”"
    else:
        quoted = text if cite else text + "."
    if cite:
        quoted = f"{quoted} {cite}."
    return f"{quote.who}: {quoted}" if quote.who else quoted


def render(source: Source, quotes: Sequence[Cited]) -> str:
    entry = works_cited(source)
    return "\n\n".join([*(in_text(source, q) for q in quotes), *([entry] if entry else [])])

"""``plain``, the default: the quote in curly quotes, who said it, then the article.

    “a permanent source of threat threats.” — Sergei Lavrov, Russian Foreign Minister — UN envoy
    to Syria and Russian FM Lavrov discuss the Syria crisis, 8 June 2017

The article part is the headline, outlet, date (``8 June 2017``) and URL, whichever are known,
separated by commas (no comma after a headline ending in ``?`` or ``!``).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.cite.context import Cited, Source
from reader.cite.text import day_month_year


def article_line(source: Source) -> str:
    out = ""
    date = day_month_year(source.date) if source.date else ""
    for piece in (source.headline, source.outlet, date, source.url):
        if not piece:
            continue
        if not out:
            out = piece
        elif out.endswith(("?", "!")):
            out += " " + piece
        else:
            out += ", " + piece
    return out


def one(source: Source, quote: Cited) -> str:
    parts = [quote.quoted, quote.who, article_line(source)]
    return " — ".join(p for p in parts if p)


def render(source: Source, quotes: Sequence[Cited]) -> str:
    return "\n\n".join(one(source, quote) for quote in quotes)

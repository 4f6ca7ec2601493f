"""``markdown``: a blockquote, an attribution line, and a link to the article.

    > a permanent source of threat threats.
    >
    > — Sergei Lavrov, Russian Foreign Minister, in “UN envoy to Syria and Russian FM Lavrov
    > discuss the Syria crisis”, 8 June 2017

The headline is the link text when the URL is known (else it is in quotation marks), the outlet is
in italics. Markdown's special characters in the article's text are escaped, so a quote with
``*`` or ``[`` renders as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.cite.context import Cited, Source
from reader.cite.text import day_month_year, nest

_SPECIAL = re.compile(r"([\\`*_\[\]<>~|])")
_BLOCK_START = re.compile(r"^([#+=-]|\d+[.)])")


def escape(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def link_target(url: str) -> str:
    for char, code in (("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), (" ", "%20")):
        url = url.replace(char, code)
    return url


def attribution(source: Source, quote: Cited) -> str:
    title = outlet = ""
    if source.outlet:
        outlet = f"*{escape(source.outlet)}*"
    if source.headline and source.url:
        title = f"[{escape(source.headline)}]({link_target(source.url)})"
    elif source.headline:
        title = f"“{escape(nest(source.headline))}”"
    elif source.url and outlet:
        outlet = f"[{outlet}]({link_target(source.url)})"
    elif source.url:
        title = f"<{link_target(source.url)}>"
    where = ", ".join(p for p in (title, outlet) if p)
    date = day_month_year(source.date) if source.date else ""
    who = escape(quote.who)
    if who and where:
        where = "in " + where
    return ", ".join(p for p in (who, where, date) if p)


def one(source: Source, quote: Cited) -> str:
    credit = attribution(source, quote)
    if not quote.verbatim:  # reported speech is not a quotation: no blockquote
        return "\n\n".join(p for p in (escape(quote.text), credit and f"— {credit}") if p)
    lines = [f"> {escape(quote.text)}"]
    if credit:
        lines += [">", f"> — {credit}"]
    return "\n".join(lines)


def render(source: Source, quotes: Sequence[Cited]) -> str:
    return "\n\n".join(one(source, quote) for quote in quotes)

"""``apa``: APA 7 — the quote with its parenthetical citation, then the reference entry.

Reference (APA 7, 10.1 newspaper article; the guide's example)::

    Carey, B. (2019, March 22). Can we get better at forgetting? The New York Times.
    https://www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html

Without an author the title moves to the author position (9.12)::

    UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis. (2017, June 8).

In-text (8.13, 8.28): a news page has no page numbers, so a quotation is located by paragraph
number: ``(Carey, 2019, para. 4)``; without an author, the first words of the title in title case
and quotation marks: ``(“UN Envoy to Syria,” 2017, para. 1)``. The quote's own final period moves
after the parenthesis; ``?`` and ``!`` stay inside. Quotations of 40 words or more are set as a
block (8.27): no quotation marks, the citation after the final punctuation.

Who spoke is named before the quotation: the person is quoted in the article, and APA cites the
article, naming the speaker in the sentence.

Limits: the title is given as published; APA wants sentence case, which cannot be made reliably
from a title-case headline (proper nouns). Italics (the newspaper's name) are lost in plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.cite.context import Cited, Source
from reader.cite.names import Name, in_text_authors
from reader.cite.text import APA_MINOR, MONTHS, nest, sentence, short_title, title_case

BLOCK_WORDS = 40
UNTITLED = "[Untitled news article]"


def authors(names: Sequence[Name]) -> str:
    """``Carey, B.``; ``Doe, J., & Roe, A.``; up to 20 names, then the first 19, … and the last."""
    written = [n.initials() for n in names]
    if len(written) > 20:
        return ", ".join(written[:19]) + ", . . . " + written[-1]
    if len(written) == 1:
        return written[0]
    return ", ".join(written[:-1]) + ", & " + written[-1]


def date_part(source: Source) -> str:
    if not source.date:
        return "(n.d.)."
    d = source.date
    return f"({d.year}, {MONTHS[d.month - 1]} {d.day})."


def reference(source: Source) -> str:
    if not source.identifiable:
        return ""
    title = sentence(source.headline) if source.headline else ""
    outlet = sentence(source.outlet) if source.outlet else ""
    if source.authors:
        parts = [sentence(authors(source.authors)), date_part(source), title, outlet]
    elif title:
        parts = [title, date_part(source), outlet]
    elif outlet:  # neither author nor title: the publisher stands as the author
        parts = [outlet, date_part(source)]
    else:  # 9.29: an untitled work is described in square brackets
        parts = [f"{UNTITLED}.", date_part(source)]
    parts.append(source.url)
    return " ".join(p for p in parts if p)


def cite_author(source: Source) -> str:
    authors = in_text_authors(source.authors, "&")
    if authors:
        return authors
    if source.headline:
        return f"“{nest(title_case(short_title(source.headline, minor=APA_MINOR), APA_MINOR))}”"
    if source.outlet or not source.identifiable:
        return source.outlet
    return UNTITLED


def parenthetical(source: Source, quote: Cited) -> str:
    author = cite_author(source)
    rest = [str(source.date.year) if source.date else "n.d."]
    if quote.paragraphs:
        first, last = quote.paragraphs
        rest.append(f"para. {first}" if first == last else f"paras. {first}–{last}")
    tail = ", ".join(rest)
    if not author:
        return f"({tail})"
    if author.endswith("”"):  # the comma goes inside the quotation marks
        inner = author[:-1]
        return f"({inner}{'' if inner.endswith(('?', '!')) else ','}” {tail})"
    return f"({author}, {tail})"


def in_text(source: Source, quote: Cited) -> str:
    text = nest(quote.text)
    lead = f"{quote.who}:" if quote.who else ""
    if not quote.verbatim:  # a paraphrase: no quotation marks, the locator still helps
        body = f"{text.rstrip('.')} {parenthetical(source, quote)}."
        return f"{lead} {body}" if lead else body
    if len(quote.text.split()) >= BLOCK_WORDS:
        body = sentence(text) if not text.endswith("…") else text
        return "\n\n".join(p for p in (lead, f"{body} {parenthetical(source, quote)}") if p)
    if not text.endswith(("?", "!", "...")):
        text = text.rstrip(".")
    quoted = f"“{text}” {parenthetical(source, quote)}."
    return f"{lead} {quoted}" if lead else quoted


def render(source: Source, quotes: Sequence[Cited]) -> str:
    entry = reference(source)
    return "\n\n".join([*(in_text(source, q) for q in quotes), *([entry] if entry else [])])

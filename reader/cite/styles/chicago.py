"""``chicago``: Chicago 17, notes and bibliography — the quote with a note number, the note, and
the bibliography entry.

The manual's news-article examples (14.191; Quick Guide)::

    1. Farhad Manjoo, “Snap Makes a Bet on the Cultural Supremacy of the Camera,” New York Times,
    March 8, 2017, https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html.

    Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” New York Times,
    March 8, 2017. https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html.

Unsigned articles (14.207) are cited by title in the note and under the newspaper's name in the
bibliography::

    1. “In Texas, Ad Heats Up Race for Governor,” New York Times, July 30, 2002.
    New York Times. “In Texas, Ad Heats Up Race for Governor.” July 30, 2002.

An initial "The" is dropped from the newspaper's name; headline-style capitalisation; commas and
periods inside quotation marks, none after a title ending in ``?`` or ``!``. With several quotes,
notes after the first use the short form (``2. Manjoo, “Snap Makes a Bet.”``). Quotations of a
hundred words or more are set as a block (13.10), without quotation marks.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.cite.context import Cited, Source
from reader.cite.names import Name, family_or_literal
from reader.cite.text import month_day_year, nest, sentence, short_title, superscript, title_case

BLOCK_WORDS = 100


def newspaper(source: Source) -> str:
    outlet = source.outlet
    return outlet[4:] if outlet.startswith("The ") and len(outlet) > 4 else outlet


def _title(source: Source) -> str:
    return nest(title_case(source.headline)) if source.headline else ""


def _list(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def note_authors(names: Sequence[Name]) -> str:
    if len(names) > 3:
        return f"{names[0].natural()} et al."
    return _list([n.natural() for n in names])


def bibliography_authors(names: Sequence[Name]) -> str:
    written = [names[0].inverted()] + [n.natural() for n in names[1:]]
    if len(written) > 10:
        return ", ".join(written[:7]) + ", et al"
    if len(written) == 2:
        return f"{written[0]}, and {written[1]}"
    return _list(written)


def _commas(elements: Sequence[tuple[str, bool]], end: str = ".") -> str:
    """Elements joined by commas, ended with ``end``; a quoted element (flag True) takes the
    punctuation inside its closing mark, or none after a final ``?`` or ``!``."""
    out = ""
    for i, (text, quoted) in enumerate(elements):
        punct = end if i == len(elements) - 1 else ","
        if quoted:
            out += f"“{text}{'' if text.endswith(('?', '!')) else punct}”"
        else:
            out += text + ("" if text.endswith((".", "?", "!")) and punct == "." else punct)
        out += " "
    return out.rstrip()


def note(source: Source) -> str:
    elements: list[tuple[str, bool]] = []
    if source.authors:
        elements.append((note_authors(source.authors), False))
    if source.headline:
        elements.append((_title(source), True))
    for plain in (newspaper(source), month_day_year(source.date) if source.date else "",
                  source.url):
        if plain:
            elements.append((plain, False))
    return _commas(elements)


def short_note(source: Source) -> str:
    elements: list[tuple[str, bool]] = []
    if source.authors:
        names = source.authors
        who = family_or_literal(names[0])
        if len(names) == 2:
            who = f"{who} and {family_or_literal(names[1])}"
        elif len(names) == 3:
            who = f"{who}, {family_or_literal(names[1])}, and {family_or_literal(names[2])}"
        elif len(names) > 3:
            who = f"{who} et al."
        elements.append((who, False))
    if source.headline:
        elements.append((nest(title_case(short_title(source.headline))), True))
    elif not elements and newspaper(source):
        elements.append((newspaper(source), False))
    return _commas(elements)


def bibliography(source: Source) -> str:
    blocks = []
    paper = newspaper(source)
    if source.authors:
        blocks.append(sentence(bibliography_authors(source.authors)))
    elif paper and source.headline:
        blocks.append(sentence(paper))
        paper = ""
    if source.headline:
        title = _title(source)
        blocks.append(f"“{title}”" if title.endswith(("?", "!")) else f"“{title}.”")
    rest = ", ".join(p for p in (paper, month_day_year(source.date) if source.date else "") if p)
    if rest:
        blocks.append(sentence(rest))
    if source.url:
        blocks.append(sentence(source.url))
    return " ".join(blocks)


def quotation(quote: Cited, number: int) -> str:
    text = nest(quote.text)
    mark = superscript(number) if number else ""
    lead = f"{quote.who}:" if quote.who else ""
    if len(quote.text.split()) >= BLOCK_WORDS or not quote.verbatim:
        body = f"{text}{mark}"
        if not quote.verbatim:
            return f"{lead} {body}" if lead else body
        return "\n\n".join(p for p in (lead, body) if p)
    quoted = f"“{text}”{mark}"
    return f"{lead} {quoted}" if lead else quoted


def render(source: Source, quotes: Sequence[Cited]) -> str:
    if not source.identifiable:  # nothing to put in a note
        return "\n\n".join(quotation(q, 0) for q in quotes)
    paragraphs = [quotation(q, i) for i, q in enumerate(quotes, start=1)]
    full, short = note(source), short_note(source)
    for i in range(1, len(quotes) + 1):
        paragraphs.append(f"{i}. {full if i == 1 else short}")
    entry = bibliography(source)
    if entry:
        paragraphs.append(entry)
    return "\n\n".join(paragraphs)

"""What a citation is made of, gathered once from an analysis and cleaned: the source (the
article) and each cited quote. Styles only ever read these two objects.

Only what the article says about itself is used: ``headline``, ``outlet``, ``date``, ``byline`` and
``url``. Nothing is guessed from the photo caption or the photo credit: the seed's credit
"REUTERS/Sergei Karpukhin" names the agency that supplied the picture and its photographer, not
the publisher or the author of the text, so citing Reuters or Karpukhin would be wrong. A source
that does not say who wrote or published it is cited as author-less, the way each style guide
says to cite one.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from reader.cite.names import Name, parse_byline
from reader.cite.text import (ELLIPSIS, clean, drop_continuation, join_paragraphs, nest, shorten,
                              strip_marks)
from reader.model import Analysis, Quote


@dataclass(frozen=True, slots=True)
class Source:
    """The cited article. Strings are clean single lines; "" means unknown."""

    headline: str = ""
    outlet: str = ""
    date: _dt.date | None = None
    byline: str = ""
    authors: tuple[Name, ...] = ()
    url: str = ""

    @property
    def identifiable(self) -> bool:
        """Whether a reference entry can say anything: a date alone identifies nothing."""
        return bool(self.authors or self.headline or self.outlet or self.url)


@dataclass(frozen=True, slots=True)
class Cited:
    """One cited quote: the quotation as it will be printed and who said it.

    ``text`` has no enclosing quotation marks, is one line, and has the two parts of an
    interrupted quote joined with `` … ``; it is shortened when the config asks for it.
    ``paragraphs`` is the first and last 1-based body paragraph the quote occupies.
    ``verbatim`` is False for reported (indirect) speech: those words are the article's, not the
    speaker's, so no style puts them in quotation marks, and the attribution says so.
    """

    text: str
    label: str = ""
    speaker: str = ""
    role: str = ""
    cue: str = ""
    paragraphs: tuple[int, int] | None = None
    verbatim: bool = True

    @property
    def who(self) -> str:
        """``Sergei Lavrov, Russian Foreign Minister`` (or as much of it as is known), with
        ``(reported speech)`` after it when the words are not the speaker's own."""
        who = ", ".join(p for p in (self.speaker, self.role) if p)
        if self.verbatim:
            return who
        return f"{who} (reported speech)" if who else "Reported speech"

    @property
    def quoted(self) -> str:
        """The text in curly quotation marks (inner double marks made single), or as it is when
        it is reported speech."""
        return f"“{nest(self.text)}”" if self.verbatim else self.text

    @property
    def paragraph(self) -> int | None:
        return self.paragraphs[0] if self.paragraphs else None


def source_of(analysis: Analysis) -> Source:
    article = analysis.article
    url = clean(article.url).replace(" ", "%20")
    return Source(
        headline=clean(article.headline),
        outlet=clean(article.outlet),
        date=article.date,
        byline=clean(article.byline),
        authors=parse_byline(article.byline),
        url=url,
    )


def group_of(analysis: Analysis, quote: Quote) -> list[Quote]:
    """The parts of an interrupted quote, in document order (just ``quote`` when it has none)."""
    if not quote.group:
        return [quote]
    parts = [q for q in analysis.quotes if q.group == quote.group]
    if quote not in parts:
        parts.append(quote)
    return sorted(parts, key=lambda q: q.span.start)


def _part_text(analysis: Analysis, quote: Quote) -> str:
    raw = quote.span.of(analysis.article.text)
    return strip_marks(clean(join_paragraphs(strip_marks(raw.strip()))))


def cited_of(analysis: Analysis, quote: Quote, max_words: int = 0) -> Cited:
    article = analysis.article
    parts = group_of(analysis, quote)
    texts = [drop_continuation(_part_text(analysis, part)) for part in parts]
    text = f" {ELLIPSIS} ".join(t for t in texts if t)
    text = shorten(text, max_words)

    speaker_id = quote.speaker_id or next((p.speaker_id for p in parts if p.speaker_id), None)
    speaker = analysis.speaker(speaker_id)
    cue_span = quote.cue or next((p.cue for p in parts if p.cue), None)

    first = article.paragraph_index(parts[0].span.start)
    last = article.paragraph_index(max(parts[-1].span.end - 1, parts[-1].span.start))
    paragraphs = None
    if first is not None:
        paragraphs = (first + 1, (last if last is not None else first) + 1)

    return Cited(
        text=text,
        label=quote.label,
        speaker=clean(speaker.name) if speaker else "",
        role=clean(speaker.role) if speaker else "",
        cue=clean(cue_span.of(article.text)) if cue_span else "",
        paragraphs=paragraphs,
        verbatim=quote.is_marked,
    )

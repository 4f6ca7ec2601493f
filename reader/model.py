"""The data the whole project passes around: an article and what the engine found in it.

Everything here is immutable and pure Python. Offsets are ``str`` indices (code points) into
``Article.text``, end exclusive; every span anywhere in the project indexes that one string.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, fields
from typing import Callable, Literal, NamedTuple, TypeVar

QuoteKind = Literal["direct", "partial", "block", "indirect"]
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "partial", "block", "indirect")
MARKED_KINDS: frozenset[str] = frozenset({"direct", "partial", "block"})


class Span(NamedTuple):
    """A half-open range ``[start, end)`` of ``Article.text``."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:  # type: ignore[override]
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Article:
    """An article exactly as loaded.

    ``text`` is what every offset indexes. For plain text it is the decoded file verbatim; for
    other formats it is the body the loader extracted. The optional ``*_span`` fields locate the
    headline, caption and credit inside ``text`` when they are part of it.
    """

    text: str
    paragraphs: tuple[Span, ...]
    source: str = "<memory>"
    format: str = "text"
    headline: str | None = None
    headline_span: Span | None = None
    caption: str | None = None
    caption_span: Span | None = None
    credit: str | None = None
    credit_span: Span | None = None
    outlet: str | None = None
    date: _dt.date | None = None
    byline: str | None = None
    url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def paragraph_index(self, offset: int) -> int | None:
        """Index of the body paragraph holding ``offset`` (binary search), or None."""
        paras = self.paragraphs
        lo, hi = 0, len(paras)
        while lo < hi:
            mid = (lo + hi) // 2
            if paras[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(paras) and paras[lo].start <= offset < paras[lo].end:
            return lo
        return None

    def metadata(self) -> dict[str, str]:
        """The known metadata as plain strings (unknown fields left out)."""
        out: dict[str, str] = {}
        for key in ("headline", "caption", "credit", "outlet", "byline", "url"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.date:
            out["date"] = self.date.isoformat()
        out.update({k: v for k, v in self.extra.items() if k not in out})
        return out


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation (or one piece of reported speech) and who said it.

    ``id`` is ``q1, q2, …`` for marked quotes in document order and ``i1, i2, …`` for indirect
    speech; ``label`` is what the UI and citations show (``1``, ``i1``).
    """

    id: str
    kind: QuoteKind
    span: Span
    speaker_id: str | None = None
    mention: Span | None = None
    cue: Span | None = None
    rule: str = ""
    confidence: float = 0.0
    group: str | None = None

    @property
    def label(self) -> str:
        return self.id[1:] if self.id.startswith("q") else self.id

    @property
    def is_marked(self) -> bool:
        return self.kind in MARKED_KINDS


@dataclass(frozen=True, slots=True)
class Entity:
    """A person or organisation: a quoted speaker or someone only mentioned."""

    id: str
    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    kind: Literal["person", "organisation", "unnamed"] = "person"
    gender: Literal["m", "f"] | None = None


T = TypeVar("T")


def positional_maker(cls: type[T]) -> Callable[..., T]:
    """A function that makes a ``cls`` (a frozen dataclass with slots) from every one of its
    fields, given in order, with no defaults: the object ``cls(*values)`` makes, at about half
    the cost. A frozen ``__init__`` sets each field through ``object.__setattr__``; this one sets
    the slots through their descriptors. The engine makes thousands of quotes and entities an
    article. The function is written from the class's own fields (as ``dataclass`` writes
    ``__init__``), so a field added to the class is a parameter of it too."""
    names = [f.name for f in fields(cls)]
    scope: dict[str, object] = {"new": object.__new__, "cls": cls}
    scope.update({f"set_{name}": getattr(cls, name).__set__ for name in names})
    body = "".join(f"    set_{name}(obj, {name})\n" for name in names)
    exec(f"def make({', '.join(names)}):\n    obj = new(cls)\n{body}    return obj\n", scope)
    make = scope["make"]
    make.__qualname__ = make.__name__ = f"make_{cls.__name__.lower()}"  # type: ignore[attr-defined]
    return make  # type: ignore[return-value]


# A speaker is an entity that is quoted; the name keeps call sites readable.
Speaker = Entity


@dataclass(frozen=True, slots=True)
class Term:
    """Words in quotation marks that are not a quotation: scare quotes, titles, nicknames."""

    span: Span
    reason: str = "term"


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the engine found in one article. The same object feeds the UI and the exporters."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Entity, ...] = ()
    people: tuple[Entity, ...] = ()
    terms: tuple[Term, ...] = ()

    def speaker(self, speaker_id: str | None) -> Entity | None:
        if speaker_id is None:
            return None
        for entity in self.speakers:
            if entity.id == speaker_id:
                return entity
        return None

    def quote(self, quote_id: str) -> Quote | None:
        for quote in self.quotes:
            if quote.id == quote_id:
                return quote
        return None

    @property
    def marked_quotes(self) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if q.is_marked)

    @property
    def indirect_quotes(self) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if not q.is_marked)

    def quote_by_label(self, label: str) -> Quote | None:
        """The quote numbered ``label`` as the quote list shows it (``3`` or ``i2``)."""
        label = label.strip().lower()
        wanted = label if label.startswith("i") else f"q{label}"
        return self.quote(wanted)

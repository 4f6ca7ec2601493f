"""Author names from a byline, and the ways the styles write them.

A byline is split into people at ``and``, ``&``, ``;`` and commas ("By Jane Roe, John Doe and
Ann Lee"); a name already inverted ("Roe, Jane") is kept as one person. The family name is the
last word, with its particles ("Staffan de Mistura" -> "de Mistura") and without a suffix ("Jr.").
A one-word byline ("Reuters") is an organisation: written as it is, never inverted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.cite.text import clean

_PARTICLES = frozenset(
    "da de del della der des di du la le van von den ter ten al el bin ibn st.".split()
)
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv phd ph.d.".split())
_BY = re.compile(r"^\s*(?:by|written by|words by)\s+", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:;|,?\s+and\s+|\s*&\s*|,)\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Name:
    family: str = ""
    given: str = ""
    suffix: str = ""
    literal: str = ""  # an organisation, written as it is

    @property
    def is_person(self) -> bool:
        return not self.literal

    def natural(self) -> str:
        """``Jane Roe`` (``Martin Luther King Jr.``)."""
        if self.literal:
            return self.literal
        return " ".join(p for p in (self.given, self.family, self.suffix) if p)

    def inverted(self) -> str:
        """``Roe, Jane`` (``King, Martin Luther, Jr.``) — MLA, Chicago, BibTeX."""
        if self.literal:
            return self.literal
        out = f"{self.family}, {self.given}" if self.given else self.family
        return f"{out}, {self.suffix}" if self.suffix else out

    def initials(self) -> str:
        """``Roe, J. A.`` (APA): given names reduced to initials, hyphens kept (J.-P.)."""
        if self.literal:
            return self.literal
        parts = []
        for given in self.given.split():
            pieces = [p for p in given.split("-") if p]
            parts.append("-".join(f"{p[0]}." for p in pieces))
        out = f"{self.family}, {' '.join(parts)}" if parts else self.family
        return f"{out}, {self.suffix}" if self.suffix else out


def _person(text: str) -> Name:
    words = text.split()
    if len(words) == 1:
        return Name(literal=words[0])
    suffix = ""
    if words[-1].lower().rstrip(",") in _SUFFIXES:
        suffix = words.pop()
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return Name(family=" ".join(words[start:]), given=" ".join(words[:start]), suffix=suffix)


def parse_byline(byline: str | None) -> tuple[Name, ...]:
    """The authors named in a byline, in order ("" or None: no authors)."""
    text = clean(byline)
    text = _BY.sub("", text).strip(" ,;")
    if not text:
        return ()
    pieces = [p for p in _SPLIT.split(text) if p]
    # "Roe, Jane" (one inverted name) and "King, Martin Luther, Jr." (a suffix after a comma).
    joined = " and " in text.lower() or "&" in text
    if len(pieces) == 2 and " " not in pieces[0] and not joined:
        return (Name(family=pieces[0], given=pieces[1]),)
    names: list[Name] = []
    for piece in pieces:
        if piece.lower() in _SUFFIXES and names and names[-1].is_person:
            last = names[-1]
            names[-1] = Name(family=last.family, given=last.given, suffix=piece)
        else:
            names.append(_person(piece))
    return tuple(names)


def family_or_literal(name: Name) -> str:
    return name.family if name.is_person else name.literal


def in_text_authors(names: tuple[Name, ...], conjunction: str) -> str | None:
    """The authors as an in-text citation names them: "Roe", "Roe & Lee" (APA) or "Roe and
    Lee" (MLA), "Roe et al." for three or more; None when the article is unsigned."""
    if not names:
        return None
    first = family_or_literal(names[0])
    if len(names) == 1:
        return first
    if len(names) == 2:
        return f"{first} {conjunction} {family_or_literal(names[1])}"
    return f"{first} et al."


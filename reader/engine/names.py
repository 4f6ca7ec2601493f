"""Names in the text, and the entities they refer to.

A *name* is a run of capitalised words (with particles such as "de", "van", "al-" inside),
split into a title or role part and the name proper: "Russian Foreign Minister Sergei Lavrov"
is the name "Sergei Lavrov" with the role "Russian Foreign Minister". Names that share a surname
("Lavrov", "Sergei Lavrov", "Mr. Lavrov"; "de Mistura", "De Mistura") are one entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.engine.lexicon import Lexicon

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_CAP = rf"(?:(?:al|el|bin|ibn|ben|ul)-)?[{_UPPER}][\w\u2019'\-]*\.?"
_SEP = r"[ \t\u00a0]+"


def name_regex(lexicon: Lexicon) -> re.Pattern[str]:
    particles = sorted((p for p in lexicon.particles if p.replace(".", "").isalpha()), key=len, reverse=True)
    part = "|".join(re.escape(p) for p in particles + ["of"])
    lead = "|".join(re.escape(p) for p in particles if p in LEADING_PARTICLES)
    return re.compile(rf"(?:(?<![\w\-])(?:{lead}){_SEP}(?=[{_UPPER}]))?{_CAP}(?:{_SEP}(?:(?:{part}){_SEP})*{_CAP})*")


# Particles that may begin a name written without its first name ("said de Mistura").
LEADING_PARTICLES = frozenset("de van von der du da di del della bin ibn".split())
_POSSESSIVE = re.compile(r"(?:['\u2019]s?|\.)$")


@dataclass(slots=True)
class Name:
    """One occurrence of a name in the text."""

    start: int  # the whole run, titles included
    end: int
    name_start: int  # the name proper
    name: str
    role: str | None = None
    role_span: tuple[int, int] | None = None
    honorific: str | None = None
    gender: str | None = None
    kind: str = "person"  # person, organisation, unknown
    key: str = ""
    sentence_initial: bool = False


@dataclass(slots=True)
class EntityInfo:
    key: str
    name: str
    kind: str
    role: str | None = None
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    first: int = 0


def _is_title(lex: Lexicon, word: str) -> bool:
    w = word.lower()
    return w in lex.titles or w.rstrip(".") in lex.titles or w in lex.honorifics


def surname_key(name: str, lex: Lexicon) -> str:
    """"Staffan de Mistura" -> "de mistura"; "Sergei Lavrov" -> "lavrov"."""
    words = name.split()
    if not words:
        return ""
    i = len(words) - 1
    if words[i].lower().rstrip(".") in ("jr", "sr", "ii", "iii", "iv") and i > 0:
        i -= 1
    j = i
    while j > 0 and words[j - 1].lower() in lex.particles:
        j -= 1
    return " ".join(words[j:i + 1]).lower().replace("\u2019", "'")


def find_names(text: str, regex: re.Pattern[str], lex: Lexicon, lo: int = 0, hi: int | None = None,
               sentence_starts: set[int] | None = None) -> list[Name]:
    """Every name in ``text[lo:hi]``, titles and honorifics split off."""
    hi = len(text) if hi is None else hi
    out: list[Name] = []
    nonnames = lex.nonnames
    orgs = lex.organisations
    for m in regex.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        raw = m.group()
        words = raw.split()
        # word offsets
        offs = []
        p = s
        for w in words:
            p = text.index(w, p)
            offs.append(p)
            p += len(w)
        # trailing possessive or full stop
        last = words[-1]
        low_last = last.lower()
        if last.endswith(".") and not (len(last) == 2 or low_last in lex.honorifics
                                        or low_last.rstrip(".") in ("jr", "sr", "st")
                                        or last.count(".") > 1):
            last = last[:-1]
        if last.endswith(("'s", "\u2019s")):
            last = last[:-2]
        elif last.endswith(("'", "\u2019")):
            last = last[:-1]
        words[-1] = last
        if not last:
            words.pop()
            offs.pop()
        # leading function words ("But", "The", "In")
        k = 0
        while k < len(words) and (words[k].lower() in nonnames or words[k].lower().rstrip(".") in nonnames):
            k += 1
        while words and words[-1].lower() == "of":
            words.pop()
            offs.pop()
        if k >= len(words):
            continue
        initial = sentence_starts is not None and offs[k] in sentence_starts
        words, offs = words[k:], offs[k:]
        # title / honorific prefix: up to the last title word that leaves a name after it
        t = -1
        honorific = None
        gender = None
        i = 0
        while i < len(words) - 1:
            w = words[i].lower()
            matched = 0
            for n in (3, 2):
                if i + n <= len(words) - 1 and " ".join(words[i:i + n]).lower() in lex.titles:
                    matched = n
                    break
            if matched:
                t = i + matched - 1
                i += matched
                continue
            if w in lex.honorifics:
                honorific = words[i]
                gender = lex.honorifics[w]
                t = i
            elif w in lex.titles or w.rstrip(".") in lex.titles:
                t = i
            i += 1
        if t >= 0:
            role_words = [x for x in words[:t + 1] if x.lower() not in lex.honorifics]
            role = " ".join(role_words) if role_words else None
            role_span = (offs[0], offs[t] + len(words[t])) if role else None
            words, offs = words[t + 1:], offs[t + 1:]
        else:
            role = role_span = None
        if not words:
            continue
        # a single-word "name" that is a title or a non-name
        name = " ".join(words)
        name_start = offs[0]
        name_end = offs[-1] + len(words[-1])
        lows = [w.lower().rstrip(".") for w in words]
        if any(w in orgs for w in lows) or raw.isupper() and len(raw) > 4:
            kind = "organisation"
        elif honorific or role:
            kind = "person"
        elif len(words) >= 2:
            kind = "person"
        else:
            kind = "unknown"
        if kind == "person" and role is None and honorific is None and words[0].lower() in lex.titles:
            kind = "unknown"
        if gender is None and role:
            rl = role.lower()
            if "woman" in rl or "mrs" in rl or "ms." in rl:
                gender = "f"
            elif rl.endswith("man") or "congressman" in rl:
                gender = "m"
        out.append(Name(offs[0] if role is None else role_span[0], name_end, name_start, name, role,
                        role_span, honorific, gender, kind, surname_key(name, lex), initial))
    return out


def split_places(names: list[Name], lex: Lexicon) -> None:
    """"for Syria Staffan de Mistura": a first word that stands alone elsewhere as a one-word
    name (a place) is not part of the person's name."""
    singles = {n.name for n in names if " " not in n.name and not n.sentence_initial}
    for n in names:
        words = n.name.split()
        if len(words) >= 3 and words[0] in singles or (
                len(words) == 2 and words[0] in singles and words[1] in singles):
            cut = len(words[0]) + 1
            while n.name[cut] == " ":
                cut += 1
            n.name = n.name[cut:]
            n.name_start += cut
            n.key = surname_key(n.name, lex)


def build_entities(names: list[Name], lex: Lexicon) -> tuple[dict[str, EntityInfo], dict[int, str]]:
    """Group names into entities. Returns entities by key and, for each name (by start of the
    name proper), the entity key it belongs to."""
    entities: dict[str, EntityInfo] = {}
    by_first: dict[str, set[str]] = {}
    # full names first, so one-word mentions can join them
    for n in names:
        if n.kind == "organisation" or " " not in n.name:
            continue
        ent = entities.get(n.key)
        if ent is None:
            ent = entities[n.key] = EntityInfo(n.key, n.name, n.kind, first=n.start)
        elif len(n.name) > len(ent.name) and n.name.lower().endswith(ent.name.lower().split()[-1]):
            ent.aliases.add(ent.name)
            ent.name = n.name
        by_first.setdefault(n.name.split()[0].lower(), set()).add(n.key)
    owner: dict[int, str] = {}
    for n in names:
        key = n.key
        if key not in entities:
            if " " not in n.name:
                low = n.name.lower()
                if low in by_first and len(by_first[low]) == 1:
                    key = next(iter(by_first[low]))
                else:
                    # "De Mistura" vs "de Mistura", or a surname with a particle written alone
                    for k in entities:
                        if k.endswith(" " + low) or k.replace(" ", "") == low.replace(" ", ""):
                            key = k
                            break
            if key not in entities:
                entities[key] = EntityInfo(key, n.name, n.kind, first=n.start)
        ent = entities[key]
        owner[n.name_start] = key
        ent.mentions.append((n.name_start, n.end))
        if n.name != ent.name:
            ent.aliases.add(n.name)
        if n.role and (not ent.role or len(n.role) > len(ent.role)):
            ent.role = n.role
        if n.gender and not ent.gender:
            ent.gender = n.gender
        if n.kind == "person" and ent.kind != "person":
            ent.kind = "person"
        if n.kind == "organisation":
            ent.kind = "organisation"
    return entities, owner

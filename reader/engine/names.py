"""Names in the text, and the entities they refer to.

A *name* is a run of capitalised words (with particles such as "de", "van", "al-" inside),
split into a title or role part and the name proper: "Russian Foreign Minister Sergei Lavrov"
is the name "Sergei Lavrov" with the role "Russian Foreign Minister". Names that share a surname
("Lavrov", "Sergei Lavrov", "Mr. Lavrov"; "de Mistura", "De Mistura") are one entity.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from reader.engine.lexicon import Lexicon, trie_pattern

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
# A word of a name: capitalised; a full stop only after an initial ("J.", "U.S.") or a known
# abbreviation ("Mr.", "Sen."), so "… Clinton. Back in 1999 …" is not one name.
ABBREVIATIONS = ("Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Sgt Capt Adm Prof Rev St Jr Sr Mt Ft Hon Pres Supt Cmdr Maj "
                 "Messrs Gens Sens Reps Govs").split()
# (A word of a name, as first written: (?:Mr|Mrs|…)\.|[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w’'\-]*.)
# Written here with its capital first (a plain character class, which the regular-expression
# engine scans for fast), then the rest of each of those forms, in the same order. The rests of
# the abbreviations form a trie, each ending in a look back at the capital ("r." after M, D, J
# or S): a branch that starts with a letter is skipped at once when the letter differs, where
# the thirty abbreviations would each be tried in turn.
# The letters of a word after a capital: "a-z" is tested first, as a table, before the Unicode
# word class (a lookup per character), and they are never given back ("*+": no white space or
# full stop is a word character).
_ABBREV_CAPITALS: dict[str, str] = {}
for _abbrev in ABBREVIATIONS:
    _ABBREV_CAPITALS[_abbrev[1:]] = _ABBREV_CAPITALS.get(_abbrev[1:], "") + _abbrev[0]
_AFTER_CAPITAL = "(?:" + \
    trie_pattern(sorted(_ABBREV_CAPITALS), lambda rest: rf"\.(?<=[{_ABBREV_CAPITALS[rest]}]{rest}\.)") + \
    rf"|\.(?:[{_UPPER}]\.)*|[a-z\w\u2019'\-]*+)"
_WORD = rf"[{_UPPER}]{_AFTER_CAPITAL}"
# A later word of a run may have an Arabic prefix ("al-Assad"); the first word's is picked up
# by find_names. (An alternation with an empty branch: an optional group is a repeat, which the
# engine keeps account of.)
_ARABIC_PREFIXES = "al el bin ibn ben ul".split()
_CAP = rf"(?:(?:{'|'.join(_ARABIC_PREFIXES)})-|){_WORD}"
_SEP = r"[ \t\u00a0]+"


def name_regex(lexicon: Lexicon) -> re.Pattern[str]:
    """Runs of capitalised words joined by particles. The pattern starts with a plain character
    class so the regular-expression engine can skip ahead fast (see _WORD); a leading particle
    ("de Mistura") or "al-" prefix is looked back for (see _MAY_LEAD) and picked up afterwards
    by :func:`find_names`."""
    # the particles as a trie: of the words that start at a position it tries the longest first,
    # as an alternation of them longest first would
    particles = {p for p in lexicon.particles if p.replace(".", "").isalpha()} | {"of"}
    part = trie_pattern(sorted(particles))
    # The repeats are possessive (no giving back), which spares the engine its bookkeeping for
    # backtracking, and matches what the greedy repeats match: nothing follows the run of words
    # to make it give back a word, and the particles before a word are given back only for a
    # capital to match where a particle starts, which takes a particle in capitals (the
    # lexicon's are lower case; with others, the greedy repeat)
    particles_repeat = "*+" if all(p[:1].islower() for p in particles) else "*"
    return re.compile(
        rf"[{_UPPER}]{_MAY_LEAD}{_AFTER_CAPITAL}(?:{_SEP}(?:{part}{_SEP}){particles_repeat}{_CAP})*+")


_LEAD = re.compile(r"(?:^|(?<=[^\w\-]))(de|van|von|der|du|da|di|del|della|bin|ibn)[ \t\u00a0]+$|(?:^|(?<=[^\w]))(al|el|bin|ibn|ben|ul)-$")


# Particles that may begin a name written without its first name ("said de Mistura").
LEADING_PARTICLES_LIST = "de van von der du da di del della bin ibn".split()
LEADING_PARTICLES = frozenset(LEADING_PARTICLES_LIST)
_LEAD_ENDS = tuple(f"{p} " for p in LEADING_PARTICLES_LIST) + ("-",)
# The last two letters of those particles: most words before a name end otherwise, and two
# characters are quicker to test than all the particles.
_LEAD_TAILS = frozenset(p[-2:] for p in LEADING_PARTICLES_LIST)


def _look_backs(particles: list[str], sep: str) -> list[str]:
    """Look backs from a capital for one of ``particles`` and ``sep`` before it (one for the
    particles of each length: a look back has a fixed width)."""
    return [rf"(?<=(?:{'|'.join(p for p in particles if len(p) == size)}){sep}.)"
            for size in sorted({len(p) for p in particles})]


# Cheaper still: the name pattern looks back from the first capital of a run for a particle
# and a space or an Arabic prefix and a hyphen (the last letter first, in one class), and then
# matches an empty group; a run matched without the group (``lastindex`` None) has no particle
# before it, and the rest are tested as above (about one run in a hundred). (An alternation
# with an empty branch rather than an optional group, a repeat the engine keeps account of.)
_MAY_LEAD = "(?:(?<=[{}][ \\-].)(?:{})()|)".format(
    "".join(sorted({p[-1] for p in LEADING_PARTICLES_LIST + _ARABIC_PREFIXES})),
    "|".join(_look_backs(LEADING_PARTICLES_LIST, " ") + _look_backs(_ARABIC_PREFIXES, "-")))


@dataclass(slots=True)
class Name:
    """One occurrence of a name in the text. (:func:`find_names` makes them field by field: a
    new field has to be set there too.)"""

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
    """An entity as :func:`build_entities` groups names into it. (It makes most of them bare and
    sets their fields, in two places: a new field has to be set there too.)"""

    key: str
    name: str
    kind: str
    role: str | None = None
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    first: int = 0


def surname_key(name: str, lex: Lexicon) -> str:
    """"Staffan de Mistura" -> "de mistura"; "Sergei Lavrov" -> "lavrov"."""
    words = name.split()
    if not words:
        return ""
    i = len(words) - 1
    if words[i].lower().rstrip(".") in {"jr", "sr", "ii", "iii", "iv"} and i > 0:
        i -= 1
    j = i
    while j > 0 and words[j - 1].lower() in lex.particles:
        j -= 1
    return " ".join(words[j:i + 1]).lower().replace("\u2019", "'")


_DERIVED: dict[int, tuple[Lexicon, frozenset[str], frozenset[str], dict, dict, dict]] = {}
# Names remembered per lexicon: in runs of capitalised words of one word and of several
# (find_names), and as a reader sees them (canonicalise). Each memo is cleared when it holds more
# than this many.
RUN_MEMO = 10_000


def _derived(lex: Lexicon) -> tuple[frozenset[str], frozenset[str], dict, dict, dict]:
    """Words of a name that make it a title ("sen", "sen.", honorifics) or an organisation, with
    and without a full stop (a name's words end with at most one); and the memos of names for
    this lexicon."""
    got = _DERIVED.get(id(lex))
    if got is None or got[0] is not lex:
        if len(_DERIVED) > 16:
            _DERIVED.clear()
        title_like = frozenset(lex.titles) | frozenset(lex.honorifics) | frozenset(t + "." for t in lex.titles)
        org_like = frozenset(lex.organisations) | frozenset(o + "." for o in lex.organisations)
        got = _DERIVED[id(lex)] = (lex, title_like, org_like, {}, {}, {})
    return got[1], got[2], got[3], got[4], got[5]


def _one_word_name(raw: str, lex: Lexicon) -> tuple[str, int, str, str] | None:
    """A run of one capitalised word ("Lavrov", "Lavrov's", "The") as (name, its length, kind,
    key), or None when it is no name (a function word, a weekday, an honorific alone)."""
    low = raw.lower()
    nonnames = lex.nonnames
    if low in nonnames:
        return None  # "The", "But", "Monday": the commonest capitalised words
    w = raw
    if w.endswith(("'s", "\u2019s")):
        w = w[:-2]
    elif w.endswith((".", "'", "\u2019")) and not (len(w) == 2 or w.count(".") > 1):
        w = w[:-1]
    if not w:
        return None
    low = w.lower()
    if low in nonnames or low in lex.honorifics:
        return None
    kind = "organisation" if low in lex.organisations or (len(w) > 4 and w.isupper()) else "unknown"
    return w, len(w), kind, low.replace("\u2019", "'") if "\u2019" in low else low


def _lead_start(text: str, s: int, lo: int) -> int:
    """Where a run of capitalised words at ``s`` starts with the particle before it ("said de
    Mistura", "al-Assad"), not before ``lo``."""
    if s > lo and (text[s - 1] == "-" or s - 3 >= lo and text[s - 3:s - 1] in _LEAD_TAILS) \
            and text.endswith(_LEAD_ENDS, s - 6 if s - 6 > lo else lo, s):
        lead = _LEAD.search(text, s - 7 if s - 7 > lo else lo, s)
        if lead is not None:
            return lead.start()
    return s


def _runs(text: str, regex: re.Pattern[str], lo: int, hi: int, starts: list[int] | None):
    """The runs of capitalised words in ``text[lo:hi]`` as (start, text), with a particle
    before them (see _lead_start), cut where a sentence starts: a name never crosses a sentence
    end ("… in the U.S. The president …")."""
    # runs and sentence starts both come in order: the next start after the run is followed
    # along (``after``, past the end of the text once there is none)
    starts = [*starts, hi + 1] if starts else [hi + 1]
    i = 0
    after = starts[0]
    for m in regex.finditer(text, lo, hi):
        s, e = m.span()
        while after <= s:
            i += 1
            after = starts[i]
        if after < e:
            while after < e:
                piece = text[s:after].rstrip()
                if piece:
                    end = s + len(piece)
                    s = _lead_start(text, s, lo)
                    yield s, text[s:end]
                s = after
                i += 1
                after = starts[i]
            s = _lead_start(text, s, lo)
            yield s, text[s:e]
        elif m.lastindex is None:  # (no particle before it: see _MAY_LEAD)
            yield s, m[0]  # (quicker than ``m.group()``, a call with arguments to parse)
        else:
            s = _lead_start(text, s, lo)
            yield s, text[s:e]


def find_names(text: str, regex: re.Pattern[str], lex: Lexicon, lo: int = 0, hi: int | None = None,
               sentence_starts: set[int] | None = None,
               ordered_starts: list[int] | None = None) -> tuple[list[Name], list[Name], set[str]]:
    """Every name in ``text[lo:hi]``, titles and honorifics split off. A name never crosses the
    start of a sentence in ``sentence_starts``. Returns the names; those of them found in a run
    of several words: the others are a word alone, with no role, honorific or gender (the later
    stages that only look at names of several words or with a role walk just these); and the
    distinct names of one word that do not open a sentence (for :func:`split_places`).
    ``ordered_starts``: the sentence starts in order, when the caller has them (not sorted again)."""
    hi = len(text) if hi is None else hi
    order = ordered_starts if ordered_starts is not None else sorted(sentence_starts) if sentence_starts else None
    starts = sentence_starts if sentence_starts is not None else ()
    # Each Name is made bare and its fields set here: the dataclass's __init__, called by the class
    # from C with a tuple of its eleven arguments and a frame of its own, costs about 2,900
    # instructions a name against 1,800 (12,700 names in the first 200 train articles).
    new_name = object.__new__
    out: list[Name] = []
    several: list[Name] = []
    alone: set[str] = set()
    _, _, one_words, many_words, _ = _derived(lex)
    if len(one_words) > RUN_MEMO:
        one_words.clear()
    if len(many_words) > RUN_MEMO:
        many_words.clear()
    # What a run says depends on its text alone: each run is worked out once per lexicon and
    # placed at its offset (False: not a name).
    for s, raw in _runs(text, regex, lo, hi, order):
        # the commonest case, one capitalised word ("Lavrov", "Lavrov's", "The")
        one = one_words.get(raw)
        if one is None and " " not in raw and "\t" not in raw and "\u00a0" not in raw:
            one = one_words[raw] = _one_word_name(raw, lex) or False
        if one is not None:
            if one:
                w, size, kind, key = one
                n = new_name(Name)
                n.start = n.name_start = s
                n.end = s + size
                n.name = w
                n.role = n.role_span = n.honorific = n.gender = None
                n.kind = kind
                n.key = key
                n.sentence_initial = initial = s in starts
                out.append(n)
                if not initial:
                    alone.add(w)
            continue
        parts = many_words.get(raw)
        if parts is None:
            parts = many_words[raw] = _run_name(raw, lex) or False
        if parts:
            start, end, name_start, name, role, role_span, honorific, gender, kind, key, first = parts
            n = new_name(Name)
            n.start = s + start
            n.end = s + end
            n.name_start = s + name_start
            n.name = name
            n.role = role
            n.role_span = (s + role_span[0], s + role_span[1]) if role_span else None
            n.honorific = honorific
            n.gender = gender
            n.kind = kind
            n.key = key
            n.sentence_initial = initial = s + first in starts
            out.append(n)
            several.append(n)
            if not initial and " " not in name:
                alone.add(name)
    return out, several, alone


def _run_name(raw: str, lex: Lexicon) -> tuple | None:
    """The name in a run of capitalised words with spaces in it, titles and honorifics split
    off, as the fields of a :class:`Name` with offsets from the run's start, and last the offset
    of its first word (which may start a sentence); None when the run holds no name."""
    nonnames = lex.nonnames
    honorifics = lex.honorifics
    titles = lex.titles
    title_like, org_like, _, _, _ = _derived(lex)
    words = raw.split(" ")
    if "" in words or "\t" in raw or "\u00a0" in raw:
        words = raw.split()
        offs = []
        p = 0
        for w in words:
            p = raw.index(w, p)
            offs.append(p)
            p += len(w)
    else:
        offs = []
        p = 0
        for w in words:
            offs.append(p)
            p += len(w) + 1
    if len(words) == 1:
        w = words[0]
        low = w.lower()
        if low in nonnames or low in honorifics:
            return None
        return (0, len(w), 0, w, None, None, None, None,
                "organisation" if low in lex.organisations else "unknown", low.replace("\u2019", "'"), 0)
    # trailing possessive or full stop
    last = words[-1]
    if last.endswith(".") and not (len(last) == 2 or last.count(".") > 1 or last.lower() in honorifics
                                    or last[:-1].lower() in {"jr", "sr", "st"}):
        last = last[:-1]
    if last.endswith(("'s", "\u2019s")):
        last = last[:-2]
    elif last.endswith(("'", "\u2019")):
        last = last[:-1]
    words[-1] = last
    if not last:
        words.pop()
        offs.pop()
    lw = [w.lower() for w in words]
    # leading function words ("But", "The", "In")
    k = 0
    while k < len(words) and (lw[k] in nonnames or lw[k].rstrip(".") in nonnames):
        k += 1
    while words and lw[-1] == "of":
        words.pop()
        offs.pop()
        lw.pop()
    if k >= len(words):
        return None
    first = offs[k]
    if k:
        words, offs, lw = words[k:], offs[k:], lw[k:]
    # title / honorific prefix: up to the last title word that leaves a name after it
    t = -1
    honorific = None
    gender = None
    n_words = len(words)
    if not title_like.isdisjoint(lw[:-1]):
        i = 0
        while i < n_words - 1:
            w = lw[i]
            if i + 3 <= n_words - 1 and " ".join(lw[i:i + 3]) in titles:
                t = i + 2
                i += 3
                continue
            if i + 2 <= n_words - 1 and " ".join(lw[i:i + 2]) in titles:
                t = i + 1
                i += 2
                continue
            if w in honorifics:
                honorific = words[i]
                gender = honorifics[w]
                t = i
            elif w in titles or w.rstrip(".") in titles:
                t = i
            i += 1
    if t + 1 < n_words and lw[t + 1] == "of":
        # "of New York", "of State" is no name: the title before it with a name between
        # ("Representative Peter T. King of New York"), else a given name further on ("Director of
        # National Intelligence James Clapper"), else no name at all ("Secretary of State")
        before = [i for i in range(t) if lw[i] in titles or lw[i] in honorifics or lw[i].rstrip(".") in titles]
        given = [i for i in range(t + 2, n_words - 1) if lw[i] in lex.given_names]
        if t >= 0 and before and any(lw[i] not in titles and lw[i] not in honorifics for i in range(before[-1] + 1, t)):
            t = before[-1]
            if lw[t] not in honorifics:
                honorific = gender = None
        elif given:
            t = given[-1] - 1
        else:
            return None
    if t >= 0:
        role_words = [x for x, lx in zip(words[:t + 1], lw[:t + 1]) if lx not in honorifics]
        role = " ".join(role_words) if role_words else None
        role_span = (offs[0], offs[t] + len(words[t])) if role else None
        words, offs, lw = words[t + 1:], offs[t + 1:], lw[t + 1:]
    else:
        role = role_span = None
    if not words:
        return None
    # a single-word "name" that is a title or a non-name
    name = " ".join(words)
    name_start = offs[0]
    name_end = offs[-1] + len(words[-1])
    if not org_like.isdisjoint(lw) or raw.isupper() and len(raw) > 4:
        kind = "organisation"
    elif honorific or role:
        kind = "person"
    elif len(words) >= 2:
        kind = "person"
    else:
        kind = "unknown"
    if kind == "person" and role is None and honorific is None and lw[0] in titles:
        kind = "unknown"
    if gender is None and role:
        rl = role.lower()
        if "woman" in rl or "mrs" in rl or "ms." in rl:
            gender = "f"
        elif rl.endswith("man") or "congressman" in rl:
            gender = "m"
    if gender is None and kind == "person" and len(words) >= 2:
        gender = lex.given_names.get(lw[0])  # "Melania Trump" is a she
    return (offs[0] if role is None else role_span[0], name_end, name_start, name, role,
            role_span, honorific, gender, kind, surname_key(name, lex), first)


def _possessor(word: str) -> str | None:
    """"NBC’s" -> "NBC", "Jones'" -> "Jones"; None for a word that is not a possessive."""
    if word.endswith(("'s", "\u2019s")):
        return word[:-2]
    if len(word) > 2 and word.endswith(("s'", "s\u2019")):
        return word[:-1]
    return None


def canonical_words(words: list[str], lw: list[str], lex: Lexicon, has_role: bool):
    """The words of a person's name as a reader should see it, and the words that belong to the
    role before and after it: "NBC’s Dante Chinni" -> Dante Chinni (NBC); "Earl Ray Tomblin of
    West Virginia" -> Earl Ray Tomblin (of West Virginia); "Democrat Hillary Clinton", "Crooked
    Hillary Clinton" -> Hillary Clinton (a leading demonym, party label or epithet); "Trump's New
    Hampshire" -> Trump (what follows the possessive is a place)."""
    before: list[str] = []
    after = None
    for p in range(len(words) - 2, -1, -1):
        head = _possessor(words[p])
        if head is None:
            continue
        rest = words[p + 1:]
        rest_low = " ".join(lw[p + 1:])
        if rest_low in lex.places or rest_low.rstrip(".") in lex.nonnames or (
                len(rest) == 1 and (rest[0].isupper() or not rest[0][:1].isupper())):
            # "Trump's New Hampshire (win)", "Trump's RT": the possessor is the name
            return words[:p] + [head], lw[:p] + [head.lower()], before, after
        before = words[:p] + [head]
        words, lw = rest, lw[p + 1:]
        break
    if "of" in lw[1:]:
        k = lw.index("of", 1)
        tail_low = " ".join(lw[k + 1:])
        if k + 1 < len(words) and (k >= 2 or has_role or tail_low in lex.places):
            after = " ".join(words[k + 1:])
            words, lw = words[:k], lw[:k]
    full = " ".join(lw)
    while len(words) > 1 and full not in lex.places and words[1][:1].isupper() \
            and lw[1].rstrip(".") not in lex.nonnames \
            and (lw[0] in lex.epithets or lw[0] in lex.demonyms or lw[0].rstrip("-") in lex.epithets):
        before.append(words[0])
        words, lw = words[1:], lw[1:]
        full = " ".join(lw)
    return words, lw, before, after


# Labels before a name that say something about the person's office and stay in the role
# ("Former", "Then-"); the other epithets are the writer's or a rival's words ("Crooked").
TIME_LABELS = frozenset("former ex ex- then then- late incoming outgoing acting".split())
# "Sens. Jon Tester and Jeff Merkley": each is a Sen.
_PLURAL_TITLES = {"sens.": "Sen.", "reps.": "Rep.", "govs.": "Gov.", "gens.": "Gen."}


def _kept_label(word: str, lex: Lexicon) -> bool:
    low = word.lower()
    return low in TIME_LABELS or low not in lex.epithets and low.rstrip("-") not in lex.epithets


@lru_cache(maxsize=4096)  # (a person's role is written again and again)
def singular_title(role: str | None) -> str | None:
    """"Sens." -> "Sen.": a role shared in the text ("Sens. Jon Tester and Jeff Merkley") is each
    person's own."""
    if not role:
        return role
    return " ".join(_PLURAL_TITLES.get(w.lower(), w) for w in role.split())


def canonicalise(names: list[Name], lex: Lexicon) -> None:
    """The name of a person as a reader sees it (see :func:`canonical_words`); the spans, kinds
    and titles the sieves read are left as they are."""
    done = _derived(lex)[4]
    if len(done) > RUN_MEMO:
        done.clear()
    for n in names:
        if n.role:
            n.role = singular_title(n.role)
        if n.kind == "organisation" or " " not in n.name:
            continue
        # a name seen before with the same role comes out the same; most have neither role nor
        # honorific and are remembered by the name alone (a string keeps its hash, a tuple is
        # made and hashed again at each lookup)
        if n.role is None and n.honorific is None:
            seen = n.name
            if seen not in done:
                done[seen] = _canonical_name(seen, None, False, lex)
        else:
            seen = (n.name, n.role, n.honorific is not None)
            if seen not in done:
                done[seen] = _canonical_name(*seen, lex)
        got = done[seen]
        if got is not None:
            n.name, n.key, n.role = got


def _canonical_name(name: str, role: str | None, has_honorific: bool,
                    lex: Lexicon) -> tuple[str, str, str | None] | None:
    """The (name, key, role) a reader should see for a name of several words, or None when they
    are the name's own."""
    demonyms, epithets = lex.demonyms, lex.epithets
    changed = None
    words = name.split()
    lw = [w.lower() for w in words]
    if not plausible_name(name, lex):
        # a title-case line: "The National Review Crowd Does Not Like Donald Trump" -> the
        # words after the last function word
        k = max((i for i, w in enumerate(lw) if w != "of" and (
            w.rstrip(".") in lex.nonnames or words[i][:1].islower() and w not in lex.particles)), default=-1)
        if 0 <= k < len(words) - 1 and len(words) - k - 1 <= 5:
            words, lw = words[k + 1:], lw[k + 1:]
            name = " ".join(words)
            changed = (name, surname_key(name, lex), role)
        if " " not in name:
            return changed
    if "of" not in lw and not any("'" in w or "\u2019" in w for w in words[:-1]) \
            and lw[0] not in demonyms and lw[0] not in epithets and lw[0].rstrip("-") not in epithets:
        return changed  # the common case: nothing to move
    new, _, before, after = canonical_words(words, lw, lex, role is not None or has_honorific)
    if new == words:
        return changed
    role = " ".join(x for x in [role] + [w for w in before if _kept_label(w, lex)] if x) or None
    if after:
        role = f"{role} of {after}" if role else after
    name = " ".join(new)
    return name, surname_key(name, lex), role


def split_places(names: list[Name], lex: Lexicon, several: list[Name] | None = None,
                 alone: set[str] | None = None) -> None:
    """"for Syria Staffan de Mistura": a first word that stands alone elsewhere as a one-word
    name (a place) is not part of the person's name; a known first name ("Hillary" alone and in
    "Hillary Rodham Clinton") is. ``several``: the names that may hold more than one word (see
    :func:`find_names`), by default all; ``alone``: the distinct names of one word that do not
    open a sentence, by default worked out from ``names``."""
    if alone is None:
        alone = {n.name for n in names if " " not in n.name and not n.sentence_initial}
    given_names = lex.given_names
    for n in names if several is None else several:
        # (the words of a name are joined by single spaces; a word alone is looked up among the
        # first names only when a full name starts with it, not every one-word name)
        first, space, rest = n.name.partition(" ")
        if space and first in alone and first.lower() not in given_names and (
                " " in rest or rest in alone and rest.lower() not in given_names):
            n.name = rest
            n.name_start += len(first) + 1
            n.key = surname_key(rest, lex)


def plausible_name(name: str, lex: Lexicon) -> bool:
    """Could this be a person's full name as a reader should see it? At most five words, none of
    them a function word or lower case (particles and "of" aside): not a title-case line such as
    "The National Review Crowd Does Not Like Donald Trump"."""
    words = name.split()
    return len(words) <= 5 and not any(
        w.lower().rstrip(".") in lex.nonnames and w != "of"
        or w[:1].islower() and w.lower() not in lex.particles and w != "of" for w in words)


def _given(name: str) -> str:
    return name.split()[0].lower().rstrip(".")


# How far around a word the text is searched for the word in lower case (a common word, not a
# name): far enough for any article, bounded for a book.
NEARBY = 30000

# How far back a full name decides which of a family a surname alone stands for ("Donald Trump
# spoke in Ohio. “…,” Trump said"): about two sentences.
FAMILY_REACH = 300


def opens_sentence(text: str, at: int, reach: int = 4) -> bool:
    """Does the word at ``at`` open a sentence, going by the few characters before it?"""
    # (a comparison rather than max(), a call ten times dearer)
    before = text[at - reach if at > reach else 0:at].rstrip(" \u00a0\"'\u201c\u2018(")
    return not before or before[-1] in "\n.!?:;"


def written_as_word(text: str, word: str, lo: int, hi: int) -> bool:
    """Is ``word`` written, exactly so and as a word of its own, in ``text[lo:hi]``: not after
    a word character, an apostrophe or a hyphen, nor before a word character or a hyphen
    (the end of the span counts as a boundary)? A plain substring search, checked around
    each hit: no pattern to compile for each word."""
    # (comparisons rather than min() and max(), calls ten times dearer)
    if hi > len(text):
        hi = len(text)
    size = len(word)
    p = text.find(word, lo if lo > 0 else 0, hi)
    while p >= 0:
        before = text[p - 1] if p else " "
        after = text[p + size] if p + size < hi else " "
        if not (before.isalnum() or before in "_'\u2019-") and not (after.isalnum() or after in "_-"):
            return True
        p = text.find(word, p + 1, hi)
    return False


def _could_be_first_name(word: str, lex: Lexicon) -> bool:
    """A known first name, or a word that is no function word or "-ing" form ("Injecting")."""
    return word in lex.given_names or not (word.endswith("ing") or word in lex.nonnames)


def _led_by_a_word(name: str, lex: Lexicon) -> bool:
    """A word before a known first name: "Hold Melania Trump" (as a headline starts), not
    "Mary Ann Lee". Only telling for a name that always opens a sentence."""
    lw = name.lower().split()
    return len(lw) >= 3 and lw[1] in lex.given_names and lw[0] not in lex.given_names \
        and lw[0] not in lex.particles


def _real_first_name(members: list[Name], text: str, lex: Lexicon) -> bool:
    """Not a word that only looks like a first name because it opens a sentence ("Injecting
    Clinton’s troubles", "Hold Melania Trump to …", "Everything Trump says"): some mention is
    inside a sentence, or the word is no function word or "-ing" form and is never written in
    lower case near it (a window, so that a book of names costs what its parts cost)."""
    if not text or any(not opens_sentence(text, n.name_start) for n in members):
        return True
    word = members[0].name.split()[0].lower()
    if not _could_be_first_name(word, lex) or _led_by_a_word(members[0].name, lex):
        return False
    at = members[0].name_start
    return not written_as_word(text, word, at - NEARBY, at + NEARBY)


def family_keys(people: list[tuple[Name, str]], lex: Lexicon,
                text: str = "") -> tuple[dict[int, str], dict[str, list[tuple[int, str]]]]:
    """``people``: the full names of people, each with its first word in lower case (see
    :func:`build_entities`). People who share a surname are different people when their first names differ: "Donald
    Trump" and "Melania Trump", "Bill Clinton" and "Hillary Clinton". Returns, for each full name
    (by start of the name proper) whose surname is shared, the key of its person, and for each
    shared surname where each of them is named in full (in text order). The principal (see
    below) keeps the surname as key; the others get the surname and first name. An initial
    joins the one first name it can stand for ("H. Clinton"); the end of a longer name is that
    name ("Suu Kyi" in "Aung San Suu Kyi")."""
    particles = lex.particles
    # (as _given; "De Mistura" is a surname with its particle, not a first name and a surname)
    # the surnames written with two first names or more: in most articles none, and then no
    # groups are made
    first_of: dict[str, str] = {}
    shared = set()
    for n, first in people:
        if (first := first.rstrip(".")) not in particles and first_of.setdefault(n.key, first) != first:
            shared.add(n.key)
    keys: dict[int, str] = {}
    places: dict[str, list[tuple[int, str]]] = {}
    if not shared:
        return keys, places
    given: dict[str, dict[str, list[Name]]] = {}
    for n, first in people:
        if n.key in shared and (first := first.rstrip(".")) not in particles:
            given.setdefault(n.key, {}).setdefault(first, []).append(n)
    for surname, groups in given.items():
        if len(groups) < 2:
            continue
        for g in [g for g in groups if not _real_first_name(groups[g], text, lex)]:
            del groups[g]  # its mentions stay with the surname
        for g in list(groups):
            if g not in groups:
                continue
            # "Suu Kyi" in "Aung San Suu Kyi", "Guajardo Villarreal" in "Ildefonso Guajardo
            # Villarreal": the end of a longer name is that name
            ending = " " + groups[g][0].name.lower()
            longer = [h for h in groups if h != g and any(m.name.lower().endswith(ending) for m in groups[h])]
            if len(longer) == 1:
                groups[longer[0]].extend(groups.pop(g))
        for initial in [g for g in groups if len(g) == 1]:
            fuller = [g for g in groups if len(g) > 1 and g[0] == initial]
            if len(fuller) == 1:
                groups[fuller[0]].extend(groups.pop(initial))
        if len(groups) < 2:
            continue
        # The principal, whom a surname alone stands for far from any full name: the one named in
        # full most often whose first word is a known first name ("Billionaire Donald Trump" in
        # a title-case line is not a relative), the first named on a tie
        principal = max(groups, key=lambda g: (g in lex.given_names, len(groups[g]),
                                               -min(n.start for n in groups[g])))
        for g, members in groups.items():
            for n in members:
                keys[n.name_start] = surname if g == principal else f"{surname}|{g}"
        places[surname] = sorted((n.name_start, keys[n.name_start]) for ms in groups.values() for n in ms)
    return keys, places


def _family_member(surname: str, at: int, places: dict[str, list[tuple[int, str]]]) -> str:
    """Which of a family a surname alone at ``at`` stands for: the one last named in full close
    before it, else the principal."""
    found = places.get(surname)
    if found:
        i = bisect_right(found, (at, "\uffff")) - 1
        if i >= 0 and at - found[i][0] <= FAMILY_REACH:
            return found[i][1]
    return surname


def _better_name(new: str, old: str, written: Counter[str], shunned: frozenset[str], lex: Lexicon) -> bool:
    """Should a person's shown name be ``new`` rather than ``old``? A clean name over a title-case
    line; never a surname with its particle ("De Mistura" is not "Staffan de Mistura"); the form
    the article writes most ("Hillary Clinton" over a one-off "Injecting Clinton"); then the
    longer ("Hillary Rodham Clinton" over "Hillary Clinton" when each is written once)."""
    if not plausible_name(old, lex):
        return True
    if not plausible_name(new, lex) or _given(new) in lex.particles \
            or not _could_be_first_name(_given(new), lex) or new in shunned:
        return False
    if old in shunned:
        return True
    # a fuller form of a name that does not start with a first name: "Aung San Suu Kyi" over "Suu
    # Kyi", "Bill de Blasio" over "De Blasio" (but "Donald Trump" is whole: "Billionaire Donald
    # Trump" has to be written more often to win)
    if new.lower().endswith(" " + old.lower()) and _given(old) not in lex.given_names:
        return True
    if old.lower().endswith(" " + new.lower()) and _given(new) not in lex.given_names:
        return False
    if written[new] != written[old]:
        return written[new] > written[old]
    return len(new) > len(old)


def _written_forms(full: list[Name], lex: Lexicon, text: str) -> tuple[Counter[str], frozenset[str]]:
    """How often each full name is written, and the names led by a word ("Hold Melania Trump")
    that only ever open a sentence (see :func:`_better_name`)."""
    # (a list is quicker than a generator)
    written = Counter([n.name for n in full if " " in n.name])
    # (few names are led by a word: only their mentions are looked at; a name of two words
    # never is)
    led = {name for name in written if name.count(" ") >= 2 and _led_by_a_word(name, lex)}
    inside = {n.name for n in full if n.name in led and not (text and opens_sentence(text, n.name_start))} \
        if led else set()
    return written, frozenset(led - inside)


def build_entities(names: list[Name], lex: Lexicon, text: str = "",
                   several: list[Name] | None = None) -> tuple[dict[str, EntityInfo], dict[int, str]]:
    """Group names into entities. Returns entities by key and, for each name (by start of the
    name proper), the entity key it belongs to. ``several``: the names that may hold more than
    one word (see :func:`find_names`), by default all; only those are read for full names."""
    full = names if several is None else several
    entities: dict[str, EntityInfo] = {}
    # each first word of a full name, with the key of the one entity it starts, or None when it
    # starts several (no set of keys for each)
    by_first: dict[str, str | None] = {}
    # the full names of people, each with its first word in lower case (the words of a name are
    # joined by single spaces)
    people = []
    for n in full:
        if n.kind != "organisation":
            first, space, _ = n.name.partition(" ")
            if space:
                people.append((n, first.lower()))
    family, family_places = family_keys(people, lex, text)
    # how often each full name is written and the names to shun (see _written_forms), worked
    # out when two full names of an entity first differ: in most articles they never do
    forms = None
    # full names first, so one-word mentions can join them
    new_entity = object.__new__
    for n, first in people:
        key = family.get(n.name_start, n.key) if family else n.key
        ent = entities.get(key)
        if ent is None:
            # (made bare and its fields set, as below: thousands of entities)
            ent = entities[key] = new_entity(EntityInfo)
            ent.key = key
            ent.name = n.name
            ent.kind = n.kind
            ent.role = ent.gender = None
            ent.mentions = []
            ent.aliases = set()
            ent.first = n.start
        elif n.name != ent.name and n.name.lower().endswith(ent.name.lower().split()[-1]):
            if forms is None:
                forms = _written_forms(full, lex, text)
            if _better_name(n.name, ent.name, *forms, lex):
                ent.aliases.add(ent.name)
                ent.name = n.name
        if n.gender and not ent.gender:
            ent.gender = n.gender
        by_first[first] = key if by_first.get(first, key) == key else None
    # "De Mistura" vs "de Mistura", or a surname with a particle written alone ("Mistura")
    by_tail: dict[str, str] = {}
    for k in list(entities):
        if " " in k:
            by_tail.setdefault(k.rsplit(" ", 1)[1], k)
            by_tail.setdefault(k.replace(" ", ""), k)
    owner: dict[int, str] = {}
    for n in names:
        key = n.key
        # (most articles have no family of several people; a name is placed in a family only
        # when its surname has one: see family_keys)
        if family_places and key in family_places:
            key = family.get(n.name_start) or _family_member(key, n.name_start, family_places)
            if n.gender and key in family_places and key in entities and entities[key].gender not in (None, n.gender):
                # "Mrs. Clinton" when the Clinton a surname alone stands for is a man
                key = next((k for k in dict.fromkeys(k for _, k in family_places[key])
                            if k in entities and entities[k].gender == n.gender), key)
        ent = entities.get(key)
        if ent is None:
            # a one-word name joins the one person of that first name, or the surname with a
            # particle it ends (both are keys of entities); looked up only where there are any
            if " " not in n.name and (by_first or by_tail):
                low = n.name.lower()
                person = by_first.get(low)
                if person is not None:
                    key = person
                    ent = entities[key]
                elif by_tail and low in by_tail:
                    key = by_tail[low]
                    ent = entities[key]
            if ent is None:
                # an entity of this name alone (thousands: made bare and its fields set, as a
                # Name is in find_names)
                ent = entities[key] = new_entity(EntityInfo)
                ent.key = key
                ent.name = n.name
                ent.kind = n.kind
                ent.role = n.role or None
                ent.gender = n.gender or None
                ent.mentions = [(n.name_start, n.end)]
                ent.aliases = set()
                ent.first = n.start
                owner[n.name_start] = key
                continue
        start = n.name_start
        owner[start] = key
        ent.mentions.append((start, n.end))
        if n.name != ent.name:
            ent.aliases.add(n.name)
        if n.role and (not ent.role or len(n.role) > len(ent.role)):
            ent.role = n.role
        if n.gender and not ent.gender:
            ent.gender = n.gender
        if n.kind != "unknown" and ent.kind != "person":
            # a person, or an organisation unless a person (not "DONALD TRUMP" in a headline
            # after Donald Trump)
            ent.kind = n.kind
    return entities, owner

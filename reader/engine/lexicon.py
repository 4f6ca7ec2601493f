"""Word lists the engine reads: speech verbs, titles, honorifics, name particles, pronouns,
places, demonyms, epithets and first names.

The lists live in plain-text files in ``reader/engine/data/`` (one entry a line, ``#`` starts a
comment). A user extends them without touching code by putting files of the same names in a
directory of their own and either

* passing it: ``Lexicon.load(extra_dirs=["~/my-lexicon"])`` then ``analyze(article, lexicon)``, or
* naming it in the environment: ``READER_LEXICON_DIR=~/my-lexicon`` (several directories
  separated by ``os.pathsep``); ``Lexicon.default()`` reads it.

Lines in an extra file are added to the bundled list; a line ``!word`` removes ``word``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")
ENV_VAR = "READER_LEXICON_DIR"
FILES = ("speech_verbs", "titles", "honorifics", "particles", "pronouns", "nonnames",
         "organisations", "role_nouns", "role_words", "places", "demonyms", "epithets",
         "given_names")


def _read_lines(path: Path) -> list[str]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
            if line:
                out.append(line)
    return out


def _inflect(verb: str) -> list[str]:
    """Regular forms of an English verb: add -> add, adds, added, adding."""
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if len(verb) > 2 and verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


def verb_forms(line: str) -> list[str]:
    """Every form named by one line of ``speech_verbs.txt``."""
    words = line.lower().split()
    if len(words) == 1:
        return _inflect(words[0])
    # "point out" (two words, the second not a form of the first): inflect the first word
    if len(words) == 2 and not words[1].startswith(words[0][:2]):
        return [f"{form} {words[1]}" for form in _inflect(words[0])]
    # "fire back fires back fired back firing back": multi-word forms listed in full
    if len(words) >= 4 and len(words) % 2 == 0 and all(words[i + 1] == words[1] for i in range(0, len(words), 2)):
        return [f"{words[i]} {words[i + 1]}" for i in range(0, len(words), 2)]
    if len(words) >= 6 and len(words) % 3 == 0 and all(words[i + 2] == words[2] for i in range(0, len(words), 3)):
        return [" ".join(words[i:i + 3]) for i in range(0, len(words), 3)]
    return words


def trie_pattern(words: list[str], ending=None) -> str:
    """A regular expression matching any of ``words``, factored as a trie (fast, no backtracking
    blow-up: every branch starts with a distinct character). With ``ending(word)``, each word is
    followed by the pattern it names (a lookahead such as ``\\b``); the longest word whose ending
    holds wins."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = word

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if ending is not None and "" in node:
            branches.append(ending(node[""]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ending is None and "" in node:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    titles: frozenset[str]
    honorifics: dict[str, str | None]
    particles: frozenset[str]
    pronouns: dict[str, str | None]
    nonnames: frozenset[str]
    organisations: frozenset[str]
    role_nouns: frozenset[str]
    role_words: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    demonyms: frozenset[str] = frozenset()
    epithets: frozenset[str] = frozenset()
    given_names: dict[str, str | None] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    @classmethod
    def load(cls, extra_dirs: list[str | os.PathLike[str]] | None = None,
             use_env: bool = False) -> Lexicon:
        dirs = [DATA_DIR]
        if use_env and os.environ.get(ENV_VAR):
            dirs += [Path(p).expanduser() for p in os.environ[ENV_VAR].split(os.pathsep) if p]
        dirs += [Path(p).expanduser() for p in (extra_dirs or [])]
        raw: dict[str, list[str]] = {name: [] for name in FILES}
        for directory in dirs:
            for name in FILES:
                path = directory / f"{name}.txt"
                if path.is_file():
                    for line in _read_lines(path):
                        if line.startswith("!"):
                            gone = line[1:].strip().lower()
                            raw[name] = [x for x in raw[name] if x.lower().split()[0] != gone
                                         and x.lower() != gone]
                        else:
                            raw[name].append(line)
        verbs = set()
        for line in raw["speech_verbs"]:
            verbs.update(verb_forms(line))

        def gendered(lines: list[str]) -> dict[str, str | None]:
            out: dict[str, str | None] = {}
            for line in lines:
                word, _, tag = line.lower().partition(" ")
                tag = tag.strip()
                out[word] = tag if tag in ("m", "f", "p") else None
            return out

        low = lambda lines: frozenset(x.lower() for x in lines)  # noqa: E731
        return cls(
            speech_verbs=frozenset(verbs),
            titles=low(raw["titles"]),
            honorifics=gendered(raw["honorifics"]),
            particles=low(raw["particles"]),
            pronouns=gendered(raw["pronouns"]),
            nonnames=low(raw["nonnames"]),
            organisations=low(raw["organisations"]),
            role_nouns=low(raw["role_nouns"]),
            role_words=low(raw["role_words"]),
            places=low(raw["places"]),
            demonyms=low(raw["demonyms"]),
            epithets=low(raw["epithets"]),
            given_names=gendered(raw["given_names"]),
            sources=tuple(str(d) for d in dirs),
        )

    @classmethod
    def default(cls) -> Lexicon:
        """The bundled lists plus the directories named in ``READER_LEXICON_DIR``."""
        return _default(os.environ.get(ENV_VAR, ""))


@lru_cache(maxsize=8)
def _default(env_value: str) -> Lexicon:
    return Lexicon.load(use_env=True)

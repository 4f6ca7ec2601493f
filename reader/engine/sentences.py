"""Sentences and words, computed with a few regular-expression passes (C speed).

A sentence never ends inside a quotation: “It is over. We lost,” she said. is one sentence, so
the words around a quote (its *frame*) stay together.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# End punctuation, optional closing marks, whitespace, then something that can start a sentence.
# (One mark, then any more: a pattern that starts with a plain character class is scanned for
# fast; one that starts with a repeat is tried at every position.)
_END_MARKS = ".!?\u2026"
_AFTER_END_MARK = (
    r"[.!?\u2026]*(?:''|[\"\u201d\u2019')\]])*(?:[ \t\u00a0]+|(?<=\u201d))"
    r"(?=(?:''|[\"\u201c\u2018'(\[])*[A-Z0-9\u00c0-\u00de])"
)
_BOUNDARY = re.compile(r"[.!?\u2026]" + _AFTER_END_MARK)
# The same, one pattern per end mark: a pattern that starts with one literal character is scanned
# for about ten times faster than one that starts with a class (see _boundaries).
_BOUNDARY_AFTER = {mark: re.compile(re.escape(mark) + _AFTER_END_MARK) for mark in _END_MARKS}
# (a closing curly mark glued to the next sentence still ends one: "“… voters!”After his rally …")
ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen rep gov gen st jr sr lt col sgt capt adm prof rev mt ft no vs inc corp co
    ltd jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e a.m p.m d.c
    messrs mme mlle pres supt cmdr maj gens reps sens govs dept est approx""".split()
)
_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))
# Abbreviations that often end a sentence ("... entering the U.S. While Clinton ..."): they end
# one when the next word is a function word that starts sentences, not a name.
FINAL_ABBREVIATIONS = frozenset("u.s u.n u.k d.c a.m p.m inc corp co ltd jr sr".split())
SENTENCE_OPENERS = frozenset(
    """the a an but and he she it they we i in this that these those while when after as at on if
    his her their its our some many there so yet still however for from with by since although
    though because meanwhile now then one two no not what who why how where""".split()
)
# Initials written together ("H.W.", "J.R.R."): not the end of a sentence.
_INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])+")
_NEXT_WORD = re.compile(r"(?:''|[\"\u201c\u2018'(\[])*([A-Za-z]+)")


def word_regex(abbreviations) -> re.Pattern[str]:
    """Words and punctuation marks. A full stop belongs to the word before it only when that
    word is an abbreviation ("Mr.", "Sen.", "Jan.") or a single letter or digit (an initial:
    "J."; "U.S." is "U." and "S."); after any other word it is a token of its own, so the last
    word of a sentence is looked up as itself ("another", not "another.")."""
    by_length: dict[int, list[str]] = {}
    for a in sorted({a.lower().rstrip(".") for a in abbreviations if a.rstrip(".").isalpha()}):
        by_length.setdefault(len(a), []).append(a)
    # the full stop is matched first (rarely there), then a fixed-width look back at the word
    whole = r"(?<![\w\u2019'\-])"
    checks = [rf"(?<={whole}(?i:{'|'.join(group)})\.)" for _, group in sorted(by_length.items())]
    checks.append(rf"(?<={whole}[^\W_]\.)")
    # any non-space character, then the rest of a word after a word character: a word, or a
    # punctuation mark alone (a plain character class first is scanned for fast)
    return re.compile(rf"\S(?:(?<=\w)[\w\u2019'\-]*(?:\.(?:{'|'.join(checks)}))?|(?<!\w))")


WORD = word_regex(ABBREVIATIONS)


class Sentences:
    """Sentence spans of a text, searchable by offset."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def index(self, offset: int) -> int:
        i = bisect_right(self.starts, offset) - 1
        return i if i > 0 else 0

    def span_at(self, offset: int) -> tuple[int, int]:
        if not self.spans:
            return (0, 0)
        i = bisect_right(self.starts, offset) - 1  # (index, inline: this is called very often)
        return self.spans[i if i > 0 else 0]


def _boundaries(text: str, start: int) -> list[tuple[int, int]]:
    """The spans of ``_BOUNDARY.finditer(text, start)``, found by the patterns of one end mark
    each. A run of end marks ("?!", "...") is all read by the match that starts it, and each start
    in the run leads to the same end, so the whole pattern matches at the first mark of a run
    where it matches at all (and a match never ends right before an end mark): the matches of the
    one-mark patterns that start a run are the ones wanted."""
    found = [m.span() for m in _BOUNDARY_AFTER["."].finditer(text, start)]
    others = [mark for mark in "!?\u2026" if mark in text]
    if not others:
        return found  # (a full stop inside a run of full stops is read by the run's match)
    for mark in others:
        found += [m.span() for m in _BOUNDARY_AFTER[mark].finditer(text, start)]
    found.sort()
    return [span for span in found if span[0] == start or text[span[0] - 1] not in _END_MARKS]


def split(text: str, paragraphs: list[tuple[int, int]], opens: list[int], closes: list[int]) -> Sentences:
    """Sentences of every paragraph. No sentence ends inside a quotation: a position is inside
    one when the last quotation opened at or before it (``opens``, in order) closes after it (its
    end in ``closes``), as Doc.inside_quote tells."""
    spans: list[tuple[int, int]] = []
    # the boundaries come in document order: the quotations opened before each are counted
    # along, not searched for
    n_quotes, opened = len(opens), 0
    # one scan of the whole text (a boundary never spans a line), walked paragraph by paragraph
    found = _boundaries(text, paragraphs[0][0]) if paragraphs else []
    found.append((len(text) + 1, 0))  # (a sentinel past every paragraph)
    bi = 0
    for ps, pe in paragraphs:
        start = ps
        while found[bi][0] < ps:
            bi += 1
        while found[bi][0] < pe:
            dot, end = found[bi]
            bi += 1
            # the whitespace after the marks: is it inside a quotation? (tested first: cheaper
            # than the test for an abbreviation)
            ws = end - 1
            if text[ws] not in " \t\u00a0":
                ws = end  # no white space: the sentence ends after the closing mark
            while ws > dot and text[ws - 1] in " \t\u00a0":
                ws -= 1
            while opened < n_quotes and opens[opened] <= ws:
                opened += 1
            if opened and ws < closes[opened - 1]:
                continue  # inside a quotation
            # abbreviation or initial before the period?
            if text[dot] == ".":
                # the word before it: letters, digits and inner full stops ("U.S"), usually all
                # of what follows the last space; else walked back to its start
                j = text.rfind(" ", ps, dot) + 1 or ps
                # (a word of letters and digits longer than every abbreviation, as most words
                # before a full stop are, is neither an abbreviation nor an initial)
                if dot - j <= _LONGEST_ABBREVIATION or not text[j:dot].isalnum():
                    if not text[j:dot].replace(".", "").isalnum():
                        j = dot
                        while j > ps and (text[j - 1].isalnum() or text[j - 1] == "."):
                            j -= 1
                    word = text[j:dot].lower()
                    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) \
                            or "." in word and _INITIALS.fullmatch(word):  # (initials have a full stop)
                        nxt = _NEXT_WORD.match(text, end) if word in FINAL_ABBREVIATIONS else None
                        if nxt is None or nxt.group(1).lower() not in SENTENCE_OPENERS:
                            continue
            spans.append((start, ws))
            start = end
        spans.append((start, pe))
    return Sentences(spans)

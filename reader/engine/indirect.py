"""Reported speech without quotation marks: "Lavrov said (that) the talks went well",
"The talks went well, Lavrov said", "according to the United Nations, ...".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from reader.engine.doc import NP_PHRASES, Doc, Mention
from reader.engine.lexicon import trie_pattern

# Verbs that introduce reported speech (a clause), by base form; other cues ("called",
# "praised") take a noun phrase and report nothing.
REPORTING = frozenset(
    """say tell add argue claim insist note explain warn believe think suggest predict acknowledge
    admit concede contend maintain assert stress emphasize emphasise allege announce declare state
    report write testify confirm deny promise vow hope fear worry know feel agree complain recall
    reveal estimate reply respond counter caution conclude speculate assure remind reiterate
    repeat tweet post boast observe remark comment disclose expect realize recognize doubt
    suspect assume figure imagine indicate signal hint imply reckon insist acknowledge
    forecast calculate contend recount find show determine project""".split()
)
# How far (characters) reported speech may reach from its cue.
WINDOW = 800
OBJECT_VERBS = frozenset("tell assure remind warn inform".split())
_IRREGULAR = {"said": "say", "says": "say", "saying": "say", "told": "tell", "tells": "tell",
              "telling": "tell", "wrote": "write", "written": "write", "writes": "write",
              "writing": "write", "thought": "think", "thinks": "think", "felt": "feel",
              "knew": "know", "known": "know", "denied": "deny", "denies": "deny",
              "replied": "reply", "replies": "reply", "testified": "testify", "testifies": "testify",
              "worried": "worry", "worries": "worry", "admitted": "admit", "admits": "admit",
              "found": "find", "finds": "find", "finding": "find", "shown": "show"}


@lru_cache(maxsize=4096)
def base_form(word: str) -> str:
    w = word.lower().split()[0]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("d", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)] + repl
            if stem in REPORTING:
                return stem
            if stem + "e" in REPORTING:
                return stem + "e"
    return w


@lru_cache(maxsize=4096)
def _reporting_base(word: str) -> str | None:
    """What a cue (its text) is to reported speech, read once a spelling: the base form of a
    reporting verb, "" for "according (to)", None for a cue that reports nothing."""
    base = base_form(word)
    if base in REPORTING:
        return base
    return "" if word.lower().startswith("according") else None


def _sentence_subject(doc: Doc, lo: int, hi: int) -> Mention | None:
    from reader.engine.sieves import _clause_subject

    return _clause_subject(doc, lo, hi)


_CLAUSE_END = re.compile(r"(?:,\s+(?:and|but|while|although|though|whereas)|;)\s+(?=\S+(?:\s+\S+){0,6}\s*$)")
# Cues whose reported content is a noun phrase or a verb phrase ("called for …", "vowed to …")
# are found with the speech cues, in one scan (see reader.engine.doc.NP_CUE_PHRASES).
NP_CUES = re.compile(r"\b(?:" + trie_pattern(NP_PHRASES) + r")\b")


def _np_reports(doc: Doc, marked, have) -> list[Reported]:
    """"Sanders called for a political revolution": the noun phrase after the cue, to the end of
    its clause."""
    out = []
    text = doc.text
    for cue in doc.np_cues:
        if cue in have or doc.inside_quote(cue[0]):
            continue
        ss, se = doc.sentences.span_at(cue[0])
        end = se
        # (each stop looked for before the last one found: the first of them that ends in time.
        # In a copy of the rest of the sentence, where a find without bounds costs a fraction of
        # one with them: when the first match of a stop does not end in time, no other does)
        rest = text[cue[1]:se]
        for stop in (",", ";", ":", " \u2014", " - ", " --"):
            k = rest.find(stop)
            if k >= 0 and cue[1] + k + len(stop) <= end:
                end = cue[1] + k
        lo, hi = _trim(doc, cue[1], end if end < cue[1] + WINDOW else cue[1] + WINDOW)
        if hi - lo < 8 or marked(lo, hi):
            continue  # (no content: the subject is not looked for)
        subject = doc.subject_before(cue[0], ss if ss > cue[0] - WINDOW else cue[0] - WINDOW)
        if subject is None or subject.kind == "np" and subject.end - subject.start > 60:
            continue
        out.append(Reported((lo, hi), subject, cue, "speaker_cue_phrase", 0.5))
    return out


_NOT_CONTENT_START = frozenset(
    "in on at during to of for about with as by from after before so yes no".split())
_NOUN_FORMS = frozenset(
    """state report claim post comment question promise note charge term email text message quote
    voice project figure estimate forecast doubt credit brief object signal echo""".split())
_NEW_SUBJECTS = frozenset("he she it they we i".split())
_CONNECTIVES = frozenset("but and still yet so however now then also".split())


def toks_after_comma(text: str, pos: int, hi: int) -> bool:
    """Does a comma follow the cue, maybe after a day or a short time phrase ("said Monday,")?"""
    comma = text.find(",", pos, hi if hi < pos + 40 else pos + 40)
    if comma < 0:
        return False
    words = text[pos:comma].split()
    return len(words) <= 2 and all(w[:1].isupper() or w.lower() in ("on", "in", "last", "this") for w in words)


def _skip_connective(text: str, lo: int, hi: int) -> int:
    """Past a leading connective ("But, he said, …", "Still, …"): where the content starts."""
    m = re.match(r"\s*([A-Za-z]+)\s*,?\s*", text[lo:hi])
    if m and m.group(1).lower() in _CONNECTIVES:
        return lo + m.end()
    return lo


# ``len(text[lo:hi].split()) >= n`` as a match at ``lo`` with ``hi`` as its end, without copying
# the span (a sentence, maybe long) or splitting it: n words (\s is str.isspace, as for split)
_AT_LEAST = {n: re.compile(r"\s*(?:\S+\s+){%d}\S" % (n - 1)) for n in (3, 4)}
# ... and ``len(text[lo:hi].strip().rstrip(".").split()) > 6``: seven words, the seventh not
# the full stops that end the span (stripped, they would not count)
_MORE_THAN_SIX = re.compile(r"\s*(?:\S+\s+){6}(?!\.+\s*$)\S")


def _has_words(text: str, lo: int, hi: int, n: int) -> bool:
    """Are there ``n`` words (3 or 4) or more in ``text[lo:hi]``?"""
    return _AT_LEAST[n].match(text, lo, hi) is not None


# White space: every character for which str.isspace is true (none is above U+3000), tested as
# one set lookup a character rather than a method call.
_SPACES = frozenset(filter(str.isspace, map(chr, range(0x3001))))


def _ends_with_comma(text: str, lo: int, hi: int) -> bool:
    """``text[lo:hi].rstrip().endswith(",")`` without copying the span (a sentence, maybe long)."""
    while hi > lo and text[hi - 1] in _SPACES:
        hi -= 1
    return hi > lo and text[hi - 1] == ","


def _participle_form(word: str) -> bool:
    return word.endswith("ing")


@dataclass(slots=True)
class Reported:
    span: tuple[int, int]
    mention: Mention
    cue: tuple[int, int]
    rule: str
    confidence: float


_TRIM_START = _SPACES | frozenset(",;:")  # (the characters trimmed off a span of reported speech)
_TRIM_END = _SPACES | frozenset(".,;:")


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    text = doc.text
    while lo < hi and text[lo] in _TRIM_START:
        lo += 1
    while hi > lo and text[hi - 1] in _TRIM_END:
        hi -= 1
    return lo, hi


def _content_after(doc: Doc, cue: tuple[int, int], base: str, se: int, first_mark) -> tuple[int, int] | None:
    """"Lavrov said (that) CONTENT": the content after the verb (ending at ``se``), if any. It does
    not depend on the subject, so it is read before the (costlier) subject is looked for."""
    text = doc.text
    # the first words after the verb decide where it starts
    start = _content_start(doc, cue[1], se if se < cue[1] + 100 else cue[1] + 100, base in OBJECT_VERBS)
    if start is None:
        return None
    lo, hi = _trim(doc, start, se)
    mark = first_mark(lo, hi)
    words = 3
    if mark is not None:
        # mixed: reported speech running into a partial quote ends before its mark
        lo, hi = _trim(doc, lo, mark)
        words = 4  # (and four words are three)
    if hi - lo < 12 or not _has_words(text, lo, hi, words):
        return None
    return lo, hi


_THAT_STOPS = frozenset((",", ";", ":", ".", "''", '"', "\u201c", "\u201d"))


def _content_start(doc: Doc, lo: int, hi: int, object_verb: bool) -> int | None:
    """Where the content starts in ``text[lo:hi]``, the text after a verb: past "that" when it is
    one of the first nine words, else at the first word, or past the object of an object verb;
    None when what follows is not content ("said in a statement"). The words are those of
    ``doc.words(lo, hi)``, matched one at a time as far as needed (most verbs read only one)."""
    text = doc.text
    word_re = doc.word_re
    first = word_re.search(text, lo, hi)
    if first is None:
        return None
    # with no "that" after the verb the content starts at its first word, whatever the others
    # are (an object verb reads more of them). (A match's text as m[0]: cheaper than group().)
    if not object_verb:
        # ("that" in the window lower-cased; only a window with a capital T, H or A is: no other
        # character lower-cases to a t, an h or an a ("İ" to two characters, neither of them),
        # so without those the window holds "that" as written or not at all. Lower-casing a
        # window with curly quotes takes the full Unicode path, and most windows need none.)
        window = text[lo:hi]
        walk = "that" in (window.lower() if "T" in window or "H" in window or "A" in window else window)
    if object_verb or walk:
        seen = [first]
        words = word_re.finditer(text, first.end(), hi)  # (the words after the first)
        m = first
        while True:
            w = m[0]
            low = w.lower()
            if low == "that":
                after = next(words, None)
                return None if after is None else after.start()
            if w in _THAT_STOPS or low in _NEW_SUBJECTS or len(seen) == 9:
                break  # ("reported it obtained emails that …": the clause starts at "it")
            m = next(words, None)
            if m is None:
                break
            seen.append(m)
    if not object_verb:
        w0 = first[0]
        if not w0[0].isalnum() or w0.lower() in _NOT_CONTENT_START:
            return None
        return first.start()
    # "told reporters CONTENT" / "told CNN CONTENT" (``seen`` and ``words``: read above)
    toks = seen + list(words)
    w0 = first[0]
    if len(toks) < 2 or not (w0[0].isupper() or w0.lower() in
                             ("reporters", "him", "her", "them", "me", "us", "voters")):
        return None
    k = 1
    while k < len(toks) and toks[k][0][0].isupper():
        k += 1
    if k == len(toks):
        return None
    if toks[k][0].lower() in _NOT_CONTENT_START:
        return None  # "reminds us of …": not reported speech
    return toks[k].start()


def find(doc: Doc, frames) -> list[Reported]:
    used = {f.cue: f.seg.open_at for f in frames if f.cue is not None}
    opens = [f.seg.open_at for f in frames]
    closes = [f.seg.close_end for f in frames]
    out: list[Reported] = []
    unused = []  # the reporting verbs that no quote rests on, with their sentence windows
    text = doc.text

    def first_mark(lo: int, hi: int) -> int | None:
        """The opening mark of the first quotation overlapping text[lo:hi]."""
        i = bisect_right(opens, lo) - 1
        if i >= 0 and closes[i] > lo:
            return opens[i]
        i += 1
        if i < len(opens) and opens[i] < hi:
            return opens[i]
        return None

    def marked(lo: int, hi: int) -> bool:
        return first_mark(lo, hi) is not None

    for cue in doc.cues:
        word = text[cue[0]:cue[1]]
        base = _reporting_base(word)
        if base is None:
            continue  # (about half the cues: neither the quotes nor the sentence are looked up)
        quote_at = used.get(cue)  # (the opening mark of a quote that rests on the cue)
        if quote_at is not None and (not base or quote_at < cue[0]):
            continue  # a cue used by a quote before it ("“…,” Rubio said Monday") reports nothing more
        ss, se = doc.sentences.span_at(cue[0])
        # (bounds by comparisons: a call of min or max costs ten times as much)
        if ss < cue[0] - WINDOW:
            ss = cue[0] - WINDOW
        if se > cue[1] + WINDOW:
            se = cue[1] + WINDOW
        if not base:  # "according to"
            from reader.engine.sieves import _according_to

            m = _according_to(doc, cue)
            if m is None or m.end > se:
                continue
            comma = text.find(",", m.end, se)
            if cue[0] - ss < 3:  # "According to X, CONTENT."
                if comma < 0:
                    continue
                lo, hi = _trim(doc, comma + 1, se)
            elif se - m.end < 4 or comma < 0:  # "CONTENT, according to X (on Monday)."
                lo, hi = _trim(doc, ss, cue[0])
            else:  # "CONTENT, according to X, CONTENT."
                if comma < 0:
                    continue
                lo, hi = _trim(doc, comma + 1, se)
            if hi - lo > 10 and not marked(lo, hi):
                out.append(Reported((lo, hi), m, cue, "according_to", 0.7))
            continue
        comma = text.rfind(",", ss, cue[0])  # (the last comma before the verb)
        comma_before = False  # (only for a cue no quote rests on)
        if quote_at is None:
            unused.append((cue, ss, se, comma))  # (for _inverted, unless reported here)
            # the verb right after the comma: only white space between them
            comma_before = comma >= 0 and (comma + 1 == cue[0] or text[comma + 1:cue[0]].isspace())
        # (a parenthetical attribution also needs a comma before its subject, so before the verb)
        parenthetical = comma >= 0 and toks_after_comma(text, cue[1], se)
        content = None
        if not comma_before and not parenthetical:
            # only "SUBJECT said CONTENT" can report anything (the other forms need those
            # commas): its content, when there is none, spares the subject (half of those cues)
            content = _content_after(doc, cue, base, se, first_mark)
            if content is None:
                continue
        inverted = speaker_after = None
        participle = word.endswith("ing")  # (_participle_form, once a cue)
        if comma_before and not participle:
            # "CONTENT, said Wilcox, a Republican": the speaker follows, nothing is reported after
            inverted = speaker_after = doc.subject_after(cue[1], se)
            if inverted is not None and (inverted.kind == "np" or text[inverted.end:inverted.end + 3].lstrip()[:1]
                                         not in (",", ".", ";", ":", "")):
                inverted = None
        if inverted is not None:
            subject = None
        elif participle and text[ss if ss > cue[0] - 2 else cue[0] - 2:cue[0]].strip() in (",", ""):
            # "…, saying (that) CONTENT": the speaker is the subject of the sentence
            subject = _sentence_subject(doc, ss, cue[0])
        else:
            subject = doc.subject_before(cue[0], ss)
        if subject is not None and parenthetical and \
                text[ss if ss > subject.start - 2 else subject.start - 2:subject.start].strip() == ",":
            # "CONTENT, he said, CONTENT": both sides of a parenthetical attribution
            head_end = text.rfind(",", ss, subject.start)
            lo, hi = _trim(doc, _skip_connective(text, ss, head_end), head_end)
            if hi - lo > 6 and not marked(lo, hi):
                out.append(Reported((lo, hi), subject, cue, "content_speaker_verb_content", 0.6))
            lo, hi = _trim(doc, text.find(",", cue[1], se) + 1, se)
            mark = first_mark(lo, hi)
            if mark is not None:
                lo, hi = _trim(doc, lo, mark)
            if hi - lo > 12 and _has_words(text, lo, hi, 3):
                out.append(Reported((lo, hi), subject, cue, "content_speaker_verb_content", 0.6))
            continue
        if subject is None and text[cue[0] - 1:cue[0]] == " " and not participle \
                and word.lower() not in _NOUN_FORMS:
            # "74 percent of voters said …"; not a word that is mostly a noun ("state senator")
            subject = doc.phrase_before(cue[0], ss, strict=False)
        if subject is not None:
            if content is None:
                content = _content_after(doc, cue, base, se, first_mark)
            if content is not None:
                # a trailing attribution of another quote ("..., he said.") ends the content
                out.append(Reported(content, subject, cue, "speaker_verb_content", 0.6))
            continue
        # "CONTENT, Lavrov said." / "CONTENT, said Lavrov." (comma_before: no quote rests on the cue)
        if comma_before and _has_words(text, ss, cue[0], 4):
            m = speaker_after if not participle else doc.subject_after(cue[1], se)  # (read above if not)
            if m is None:
                continue
            lo, hi = _trim(doc, ss, cue[0])
            if not marked(lo, hi) and hi - lo > 12:
                out.append(Reported((lo, hi), m, cue, "content_verb_speaker", 0.6))
            continue
        # subject between the comma and the verb: "CONTENT, Lavrov said"
    # inverted with the subject before the verb: handled by the subject finder when the clause
    # ends in a comma
    result = list(out)
    _inverted(doc, result, unused, marked)
    result.extend(_np_reports(doc, marked, {r.cue for r in result}))
    # reported speech inside other reported speech ("said Russia played a role, stressing
    # that ...") is part of the outer report
    result.sort(key=lambda r: (r.span[0], -r.span[1]))
    kept: list[Reported] = []
    for r in result:
        if kept and r.span[0] < kept[-1].span[1]:
            outer = kept[-1]
            # "X said A, and Y said B": B's speaker starts a new clause; A ends before it
            m = _CLAUSE_END.search(doc.text, outer.span[0], r.mention.start) if r.mention else None
            if m is not None and outer.span[0] <= r.mention.start < outer.span[1] and r.cue[0] >= m.end() \
                    and m.start() - outer.span[0] > 12:
                lo, hi = _trim(doc, outer.span[0], m.start())
                kept[-1] = Reported((lo, hi), outer.mention, outer.cue, outer.rule, outer.confidence)
            else:
                continue
        kept.append(r)
    return kept


def _inverted(doc: Doc, out: list[Reported], unused, marked) -> None:
    """"The talks went well, Lavrov said." — the clause before the comma is the content.
    ``unused``: (cue, sentence start, sentence end, last comma before the cue or -1) of the
    reporting verbs no quote rests on."""
    text = doc.text
    have = {r.cue for r in out}
    for cue, ss, se, comma in unused:
        # the comma that ends the content comes before the subject: with no comma before the
        # verb (``comma``: the last before it), or fewer than four words before its last comma,
        # there is none to look for
        if comma < 0 or cue in have:
            continue
        if _MORE_THAN_SIX.match(text, cue[1], se):
            continue  # (before the subject, which is not looked for then)
        if not _has_words(text, ss, comma, 4):
            continue
        subject = doc.subject_before(cue[0], ss)
        if subject is None:
            continue
        if not _ends_with_comma(text, ss, subject.start) or not _has_words(text, ss, subject.start, 4):
            continue
        lo, hi = _trim(doc, ss, subject.start)  # (it strips the white space before the comma too)
        if not marked(lo, hi) and hi - lo > 12:
            out.append(Reported((lo, hi), subject, cue, "content_speaker_verb", 0.6))

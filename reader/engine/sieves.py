"""Attribution sieves: small named rules, tried in order, each deciding who said a quote or
passing. The first sieve that decides wins; its name is recorded on the quote (``rule``).

Local sieves look only at the quote's own sentence; context sieves (run once every quote has
had its local chance) borrow a decision from neighbouring quotes and sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.engine.doc import CLAUSE_WORDS, DETERMINERS, INVERSION_VERBS, PREPOSITIONS, QUOTE_CHARS, SKIP_BEFORE_VERB, SUBJECT_REACH, Doc, Mention
from reader.engine.lexicon import trie_pattern
from reader.engine.marks import Segment

# In the tests run for every quotation or cue, bounds are taken by comparisons rather than min()
# and max(): a call of either costs over ten times as much (it parses its keyword arguments
# every time).

class ByParagraph(list):
    """Items (frames or attributions) with a fast lookup of those in one paragraph."""

    def __init__(self, items, para_of):
        """``para_of(item)`` gives a paragraph index, or a range of them (a block quote belongs
        to every paragraph it spans)."""
        super().__init__(items)
        self._by: dict[int, list] = {}
        by = self._by
        for item in items:
            paras = para_of(item)
            if isinstance(paras, range):
                for p in paras:
                    by.setdefault(p, []).append(item)
            else:
                by.setdefault(paras, []).append(item)

    def in_para(self, para: int) -> list:
        return self._by.get(para, [])

    def positions(self, para: int) -> list[int]:
        """Start positions of the items in ``para`` (attributions: their cue)."""
        cache = self.__dict__.setdefault("_pos", {})
        if para not in cache:
            cache[para] = [item[0] for item in self.in_para(para)]
        return cache[para]


NEIGHBOURS = 8
DASHES = ("\u2014", "\u2013", "\u2015", "\u2012", "--", "-")


@dataclass(slots=True)
class Frame:
    """A quotation in its sentence: the words before it and after it, outside any quotation."""

    seg: Segment
    index: int
    para: int
    sent: tuple[int, int]
    before: tuple[int, int]  # from the sentence start (or the previous quote) to the opening mark
    after: tuple[int, int]  # from the closing mark to the sentence end (or the next quote)
    mention: Mention | None = None
    cue: tuple[int, int] | None = None
    rule: str = ""
    confidence: float = 0.0
    local: bool = False  # decided by a sieve that looked at the quote's own sentence
    group: int | None = None
    extra: dict = field(default_factory=dict)


def _decide(doc: Doc, f: Frame, mention: Mention | None, cue, rule: str, confidence: float, local: bool) -> bool:
    if mention is None:
        return False
    if local:
        # "“…,” Sanders said, according to Reuters" / "…, CNN reported.": the outer source wins
        # (the words after a quote that ends its sentence, "“…?” Roe asked, according to X", are
        # in its frame, not its sentence)
        lo, hi = f.seg.close_end, f.sent[1] if f.sent[1] > f.after[1] else f.after[1]
        # (only an "according to" or a "reported" among the cues after the quote changes the
        # speaker; when the last of them is the quote's own cue, none follows it, as they are
        # in order; then a test in C, most sentences have neither word)
        later = doc.cues_between(lo, hi)
        if later and later[-1] == cue:
            later = ()
        if later:
            span = doc.text[lo:hi].lower()
            if "ccording" not in span and "report" not in span:
                later = ()
        for c in later:
            if c == cue or cue is not None and c[0] < cue[0] or doc.inside_quote(c[0]):
                continue
            if _is_according(doc, c):
                outer = _according_to(doc, c)
                if outer is not None:
                    mention, cue = outer, c
                break
            if doc.text[c[0]:c[1]].lower() in ("reported", "reports") and mention is not None \
                    and c[0] > mention.end and doc.text[mention.end:c[0]].count(",") >= 1 \
                    and len(doc.words(c[1], f.sent[1])) <= 6:
                outer = doc.subject_after(c[1], f.sent[1]) or doc.subject_before(c[0], mention.end)
                if outer is not None and outer.kind == "name":
                    mention, cue = outer, c
                break
    f.mention, f.cue, f.rule, f.confidence, f.local = mention, cue, rule, confidence, local
    if cue is not None:
        doc.cue_owner.setdefault(cue, f)
    return True


# White space (\s is exactly str.isspace), commas, semicolons and quotation marks.
_LEFT_JUNK = re.compile("[\\s,;" + "".join(sorted(QUOTE_CHARS)) + "]*")


def _strip_left(doc: Doc, lo: int, hi: int) -> int:
    """Past the white space, commas, semicolons and quotation marks at ``lo`` (not past ``hi``)."""
    if lo >= hi:
        return lo
    # (most often a word follows, or one space and a word: no pattern needed)
    text = doc.text
    if text[lo].isalnum():
        return lo
    if text[lo] == " " and (lo + 1 == hi or text[lo + 1].isalnum()):
        return lo + 1
    return _LEFT_JUNK.match(text, lo, hi).end()


def _tokens_until_cue(doc: Doc, lo: int, hi: int, limit: int = 14):
    """The first speech cue in text[lo:hi] and the number of words before it."""
    cues = doc.cues_between(lo, hi)
    if not cues:
        return None, 0
    cue = cues[0]
    n = len(doc.text[lo:cue[0]].split())
    if n > limit:
        return None, n
    return cue, n


def _according_to(doc: Doc, cue) -> Mention | None:
    """The source after "according to": a name, a pronoun, or the noun phrase up to the end of
    its clause ("according to a court document filed by the state attorney")."""
    m = doc.subject_after(cue[1], cue[1] + 200)
    if m is not None:
        return m
    toks = doc.words(cue[1], cue[1] + 160)[:14]
    k = 0
    while k < len(toks) and (toks[k][2][0].isalnum() or toks[k][2] in {"'", "\u2019", "-"}):
        k += 1
    if k == 0 or doc.inside_quote(toks[0][0]):
        return None
    return Mention(toks[0][0], toks[k - 1][1], "np")


def _is_according(doc: Doc, cue) -> bool:
    # (only "a" and "A" lower-case to an "a": the first letter rules out most cues uncopied)
    return doc.text[cue[0]] in "aA" and doc.text[cue[0]:cue[1]].lower().startswith("according")


# ---------------------------------------------------------------------------- local sieves


def quote_then_cue(doc: Doc, f: Frame) -> bool:
    """“We will win,” said Lavrov.  /  “We will win,” Lavrov said.  /  “…,” he told reporters.

    The cue follows the quote in the same sentence; the speaker is the verb's subject, before or
    after it."""
    lo = _strip_left(doc, f.after[0], f.after[1])
    hi = f.after[1]
    if lo < hi and not doc.cues_between(lo, hi):
        return False  # no cue after the quote in its sentence (as below, where each way needs one)
    if lo >= hi:
        # the sentence ended inside the quote (“Are you sure?” Lavrov asked.): the cue is looked
        # for below in the next sentence of the paragraph, else nowhere
        ss, se = doc.sentences.span_at(f.seg.close_end + 1)
        if ss < f.seg.close_end or doc.paragraph_index(ss) != f.para:
            return False
    inside = doc.text[f.seg.start:f.seg.end].rstrip()
    comma = inside.endswith((",", "?", "!", "\u2014", "-", "\u2026")) or \
        doc.text[f.seg.close_end:f.seg.close_end + 1] == ","
    end = f.before[1]
    if doc.text[end - 3 if end - 3 > f.sent[0] else f.sent[0]:end].rstrip()[-1:].isalnum() and _title_like(inside):
        return False  # "on CNN's “New Day,” Roe said": a title inside a phrase
    if not comma and _title_like(inside):
        nxt = doc.text[f.seg.close_end:f.seg.close_end + 20].split(None, 1)
        if nxt and nxt[0].isalpha() and nxt[0].islower() and nxt[0] not in doc.lex.speech_verbs \
                and nxt[0] not in {"he", "she", "they", "we", "i", "it"}:
            return False  # "“Daily Show” host Trevor Noah said": a title modifying a noun
    cues_before = doc.cues_between(f.sent[0], f.before[1])
    if not comma and cues_before:
        return False  # “…” is the object of a cue before it: Lavrov said it was “…”, but he …
    if comma and _reported_in_opening_clause(doc, f.sent[0], f.seg.open_at):
        return False  # "After Roe said they would do “better,” Lavrov said …": Roe's words
    lead_colon = bool(cues_before) and doc.text[f.before[0]:f.before[1]].rstrip().endswith(":")
    if lo >= hi:
        # the next sentence, of the same paragraph (see above): “Are you sure?” Lavrov asked.
        lo = _strip_left(doc, ss, se)
        hi = se
        nxt = doc.segments[f.index + 1].open_at if f.index + 1 < len(doc.segments) else se
        hi = min(hi, nxt)
        cue, n = _tokens_until_cue(doc, lo, hi, limit=4)
        if cue is None:
            # “…?” Will Estrada, the chairman of the party, said: a name and its apposition
            n0 = doc.name_starting_at(lo)
            if n0 is not None and n0.start == lo and doc.text[n0.end:n0.end + 1] == ",":
                cue, n = _tokens_until_cue(doc, lo, hi, limit=16)
                if cue is not None:
                    m0 = doc.subject_before(cue[0], lo)
                    if m0 is None or m0.start > n0.end:
                        cue = None
        if cue is None or cues_before:
            return False
        if hi < se or doc.text[cue[1]:hi].strip().endswith(":"):
            # “…” He added, “…” / “…” Perhaps, he said, this “…” / “…” Roe said both are
            # “…” / “…” She went on to say: ⏎ “…”: the cue's sentence runs on into the next
            # quote, which it introduces
            return False
        rest = [w for _, _, w in doc.words(cue[1], hi)]
        if (len(rest) > 8 and rest[0].lower() not in _ADJUNCT_OPENERS) or "that" in rest:
            return False
        f.after = (f.after[0], hi)
    cue, n = _tokens_until_cue(doc, lo, hi)
    if comma and (cue is None or n > 2 and doc.subject_before(cue[0], lo) is None):
        m = _apposed_name(doc, lo, hi)
        if m is not None:
            return _decide(doc, f, m[0], m[1], "quote_then_cue", 0.9, True)
    if cue is None:
        return False
    if lead_colon:
        # Lavrov fired back: “…,” he wrote, “…”: the lead speaker; but a name after the quote
        # is its speaker ("he said he doubted it: “…,” Roe predicted.")
        m = doc.subject_after(cue[1], hi) if n == 0 else doc.subject_before(cue[0], lo)
        if m is None or m.start < lo or m.kind != "name" and not (
                m.kind in ("pronoun", "np") and not doc.text[cue[1]:hi].rstrip().endswith((",", ":"))):
            return False
    if _is_according(doc, cue):
        return _decide(doc, f, _according_to(doc, cue), cue, "quote_then_cue", 0.9, True)
    if n == 0:
        if doc.text[cue[1] - 3:cue[1]] == "ing":
            return False  # “…,” saying …: the participle shares the subject of an earlier verb
        m = doc.subject_after(cue[1], hi)
        if m is None:
            return False
        if m.kind == "np" and doc.text[cue[0]:cue[1]].lower() not in INVERSION_VERBS:
            return False  # “terrible,” denounced her record …: an object, the verb is not inverted
        return _decide(doc, f, m, cue, "quote_then_cue", 0.95, True)
    m = doc.subject_before(cue[0], lo)
    if m is None and comma and n == 1:
        w = doc.words(lo, cue[0])
        if len(w) == 1 and w[0][2].isalpha() and w[0][2][0].isupper() and w[0][2][1:].islower():
            m = Mention(w[0][0], w[0][1], "name")  # "“…,” From said": a name that is a word
    if m is None or m.start < lo:
        return False
    # the speaker must open the words after the quote: “…,” the senator from Texas said
    lead = doc.text[lo:m.start].split()
    if len(lead) > 2:
        return False
    if lead and not comma and not lead[-1].endswith(","):
        # “…” because some members did not agree / the “…” phrase Roe cited: the words after a
        # quote that does not end its clause run on past it; only "…” job, he said" closes it
        return False
    if lead and lead[0].lower() in _NEW_CLAUSE and cues_before:
        return False  # Durbin said he “…,” and he said …: a new clause, the quote is Durbin's
    return _decide(doc, f, m, cue, "quote_then_cue", 0.95, True)


# Words opening an adjunct after a speech verb ("said of the encounter …", "said when asked"),
# not the content of a report.
_ADJUNCT_OPENERS = PREPOSITIONS | frozenset("when while as after before during".split())


def _apposed_name(doc: Doc, lo: int, hi: int):
    """“…,” Roe, a pastor who …, said …: a person's name opening the words after a quote, set
    off by a comma, and the first speech verb after it preceded by a comma: (name, cue)."""
    n0 = doc.name_starting_at(lo)
    if n0 is None or n0.start != lo or n0.kind not in ("person", "unknown") or doc.text[n0.end:n0.end + 1] != ",":
        return None
    cues = doc.cues_between(n0.end, hi)
    if not cues:
        return None
    cue = cues[0]
    if not doc.text[n0.end:cue[0]].rstrip().endswith(",") or len(doc.text[n0.end:cue[0]].split()) > 40:
        return None
    if doc.text[cue[1] - 3:cue[1]] == "ing":
        return None
    return Mention(n0.name_start, n0.end, "name", n0), cue


_NEW_CLAUSE = frozenset("and but while whereas though although because which who so yet".split())


def _inverted_subject(doc: Doc, cue, hi: int) -> Mention | None:
    """"Said Lavrov: ...", "The paradox, says Carl Anthony, historian, is ...": the speaker
    follows the verb when nothing but punctuation or a clause boundary precedes it; "was asked
    by host Bill Maher": the agent of a passive."""
    text = doc.text
    after = text[cue[1]:cue[1] + 4]
    if after == " by " and hi > cue[1] + 4:
        m = doc.subject_after(cue[1] + 4, hi)
        if m is not None and m.kind != "pronoun":
            return m
    j = cue[0]
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    prev = text[j - 1] if j > 0 else "\n"
    if prev not in ",:;\n" and prev not in QUOTE_CHARS and j not in doc.sent_starts and prev != "(" \
            and cue[0] not in doc.sent_starts:
        return None
    m = doc.subject_after(cue[1], hi)
    if m is None or m.end > hi:
        return None
    if prev == "," or prev in QUOTE_CHARS:
        if doc.text[cue[0]:cue[1]].lower() not in INVERSION_VERBS:
            return None  # "Emanuel, his chief of staff, urged a strong stand"
        nxt = text[m.end:m.end + 2].lstrip()
        if nxt and nxt[0] not in ",.;:)\u2014":
            return None
        if prev == ",":
            # "Dick Dever, who was on the slate, told POLITICO, “…”": a person before the verb
            before = doc.subject_before(cue[0], doc.sentences.span_at(cue[0])[0])
            if before is not None and before.kind in ("name", "pronoun") and doc._personish(before) \
                    and doc.text[before.end:cue[0]].count(",") >= 1 and before.start < cue[0] - 2:
                return None
    return m


_NOT_SUBJECT_AFTER = frozenset(
    """in at from of with to for by on about against into onto over under after before during
    near outside inside behind beyond across through toward towards like than""".split()
)


def _clause_subject(doc: Doc, lo: int, hi: int) -> Mention | None:
    """The subject of the clause in text[lo:hi]: the first pronoun, or the first person named
    outside a prepositional phrase ("At a rally in Columbia, Sanders said, …" -> Sanders)."""
    prev = ""
    lo = _main_clause_start(doc, _skip_dateline(doc, lo, hi), hi)
    toks = doc.words(lo, lo + 300 if lo + 300 < hi else hi)[:24]
    place = False  # the last capitalised word was a place after a preposition ("in Salem")
    # an introductory phrase ("In response to Trump's plan to bar X, Y rallied …", "In 2016, Mrs.
    # Schlafly endorsed …"): its words are not the subject; it ends at a comma
    intro = False
    first = 0
    while first < len(toks) and toks[first][2].lower() in _CLAUSE_OPENERS:
        first += 1
    if first < len(toks) and toks[first][2].lower() in _NOT_SUBJECT_AFTER:
        intro = any(w == "," and not doc.inside_quote(s) for s, _, w in toks[first + 1:])
    for i, (s, e, w) in enumerate(toks):
        if doc.inside_quote(s):
            continue
        low = w.lower()
        if intro:
            if w == ",":
                # another prepositional phrase may follow ("on Thursday, in the release …,")
                nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
                intro = nxt in _NOT_SUBJECT_AFTER and any(x[2] == "," for x in toks[i + 2:])
                if not intro:
                    prev = ""
                continue
            if w[0].isupper():
                place = prev in _NOT_SUBJECT_AFTER or (place and toks[i - 1][2] != ",")
            else:
                place = False
            if w.isalpha():
                prev = low
            continue
        if low in {"he", "she", "they", "i", "we"}:
            return Mention(s, e, "pronoun")
        if w[0].isupper() and place and i > 0 and toks[i - 1][2] == ",":
            # "in Salem, New Hampshire, Trump said": the place's state or country, set off by commas
            place = False
            n = doc.name_starting_at(s)
            if n is not None and n.start == s and doc.text[n.end:n.end + 1] == "," and n.role is None \
                    and n.honorific is None:
                continue
        if w[0].isupper():
            place = prev in _NOT_SUBJECT_AFTER or (place and toks[i - 1][2] != ",")
        elif w != ",":
            place = False
        if w[0].isupper() and prev not in _NOT_SUBJECT_AFTER:
            n = doc.name_starting_at(s)
            if n is not None and prev in ("a", "an") and doc.text[n.end:n.end + 2][1:].islower() \
                    and doc.text[n.end:n.end + 1] == " ":
                n = None  # "at a Johnson-Weld rally": a name modifying a noun
            if n is not None and n.kind != "organisation" and n.start == s:
                ent = doc.entities.get(doc.owner.get(n.name_start, ""))
                if n.kind == "person" or (ent is not None and (ent.kind == "person" or len(ent.mentions) > 1)):
                    if doc.text[n.end:n.end + 2] in ("'s", "\u2019s"):
                        # "Clinton's right-hand woman rallied supporters": the possessor's phrase
                        np = _subject_at(doc, [t for t in toks[i:] if not doc.inside_quote(t[0])], 0)
                        if np is not None:
                            return np
                    return Mention(n.name_start, n.end, "name", n)
        if w.isalpha():
            prev = low
    return None


# Words that may open a clause before its subject ("But he …", "Still, the ad …").
_CLAUSE_OPENERS = frozenset(
    """but and so yet still meanwhile now then also instead later earlier today indeed however
    moreover separately similarly thus""".split())
# Verbs and auxiliaries that end a subject noun phrase.
_AUX = frozenset(
    """is was are were has have had will would can could may might should must did does do
    says said told made gave took went got called""".split())


def _verbish(toks, j: int, lex=None, strict: bool = True) -> bool:
    """Does token ``j`` look like a finite verb? An auxiliary, an -ed form, or an -s form followed
    by more words (not "The new plans “…”", not "a few weeks later")."""
    w = toks[j][2]
    low = w.lower()
    if not (w.isalpha() and w.islower()):
        return False
    if low in _AUX or low.endswith("ed"):
        return True
    if lex is not None and low in lex.speech_verbs:
        return True
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        if j + 1 >= len(toks):
            return not strict  # "He also seeks “…”"
        nxt = toks[j + 1][2]
        return nxt[0].isalnum() and nxt.lower() not in {"later", "ago", "earlier", "before", "after"}
    return False


_CONTRACTED = frozenset(f"{p}{a}{v}" for p in ("he", "she", "they", "we", "i") for a in "'\u2019"
                        for v in ("s", "re", "ve", "ll", "d", "m"))


def _subject_at(doc: Doc, toks, i: int) -> Mention | None:
    """A subject starting at token ``i`` and followed by a verb: a pronoun, a name, or a short
    noun phrase with a determiner."""
    if i >= len(toks) - 1:
        return None
    s, e, w = toks[i]
    low = w.lower()
    if low in _CONTRACTED:
        # "He’s claiming that …", "They’ve said": the pronoun, when a verb follows
        base = re.split("['\u2019]", low)[0]
        nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
        if nxt.endswith(("ing", "ed")) or _verbish(toks, i + 1, doc.lex, strict=False) if nxt else False:
            return Mention(s, s + len(base), "pronoun")
        return None
    if low in {"he", "she", "they", "i", "we"}:
        m, j = Mention(s, e, "pronoun"), i + 1
    elif w[0].isupper() and low not in doc.lex.nonnames and not w[0].isdigit():
        n = doc.name_starting_at(s)
        if n is None and low in doc.lex.honorifics and i + 1 < len(toks):
            n = doc.name_starting_at(toks[i + 1][0])  # "Mr. Buchanan" read as "Buchanan"
            n = n if n is not None and n.start == toks[i + 1][0] else None
            if n is not None:
                s = n.start
        if n is None or n.start != s:
            return None
        m = Mention(n.name_start, n.end, "name", n)
        j = i + 1
        while j < len(toks) and toks[j][0] < n.end:
            j += 1
        if doc.text[n.end:n.end + 2] in ("'s", "\u2019s") or doc.text[n.end - 1:n.end + 1] in ("s'", "s\u2019"):
            # "Hillary Clinton's campaign slogan is …": the possessor's phrase
            k = j
            while k < len(toks) and k - j < 5 and toks[k][2][0].isalnum() and not _verbish(toks, k, doc.lex) \
                    and toks[k][2].lower() not in PREPOSITIONS:
                k += 1
            if k == j:
                return None
            m, j = Mention(n.name_start, toks[k - 1][1], "np"), k
    elif low in DETERMINERS and low not in {"that", "this", "all", "no", "such", "other", "any"}:
        j = i + 2 if toks[i + 1][2][0].isalnum() else i + 1  # a determiner's next word is a noun
        while j < len(toks) and j - i <= 7 and not _verbish(toks, j, doc.lex) and toks[j][2][0].isalnum() \
                and (toks[j][2].lower() not in PREPOSITIONS or toks[j][2] in {"of", "for", "at", "inside"} and j + 1 < len(toks)
                     and toks[j + 1][2][0].isupper()
                     or toks[j][2] in {"of", "for", "to", "in", "from", "at", "on", "with"}
                     and j + 1 < len(toks) and toks[j + 1][2][0].isalnum()) \
                and toks[j][2].lower() not in {"who", "that", "which"}:
            j += 1  # ("the Illinois Board of Elections was", "A letter to party members calls")
        if j == i + 1:
            return None
        m = Mention(s, toks[j - 1][1], "np")
    else:
        return None
    if m.kind == "name" and j < len(toks) and toks[j][2] == ",":
        # "Ted Nordhaus, co-founder of the institute, welcomed “…”": past the apposition
        k = j + 1
        while k < len(toks) and k - j < 16 and toks[k][2] != "," and not doc.inside_quote(toks[k][0]):
            k += 1
        if k < len(toks) and toks[k][2] == "," and k > j + 1:
            j = k + 1
    while j < len(toks) and toks[j][2].lower() in SKIP_BEFORE_VERB and not _verbish(toks, j, doc.lex):
        j += 1
    if j >= len(toks) or not _verbish(toks, j, doc.lex, strict=False):
        return None
    return m


def _predicate_subject(doc: Doc, lo: int, hi: int) -> Mention | None:
    """The subject of the main clause in text[lo:hi] when a verb follows it: "The ad targets",
    "Gorka also made the point that …", "He anticipated"."""
    start = _main_clause_start(doc, _skip_dateline(doc, lo, hi), hi)
    toks = [t for t in doc.words(start, start + 300 if start + 300 < hi else hi)[:24] if not doc.inside_quote(t[0])]
    i = 0
    while i < len(toks) and (toks[i][2].lower() in _CLAUSE_OPENERS or toks[i][2] == ","):
        i += 1
    m = _subject_at(doc, toks, i)
    if m is None:
        # "In the hours after …, a familiar voice celebrated …", "Ever since X announced …, he's
        # said …": the subject after an introductory phrase set off by a comma
        commas = [k for k in range(i + 1, len(toks) - 1) if toks[k][2] == ","][:3]
        for k in commas:
            m = _subject_at(doc, toks, k + 1)
            if m is not None:
                break
    return m

# ", and", " but", "; ": written to start with a plain character class (scanned for fast)
_CLAUSE_BREAK = re.compile(r"[,;\s](?:(?<=,)\s+(?:and|but|while|although|though|whereas)\s+|(?<=;)\s+"
                           r"|(?<=\s)\s*(?:and|but|while|although|though|whereas)\s+)")


# A clause inside the sentence that reports speech of its own: "…, hours after Sanders said he
# was “encouraged”", "… when he told Chris Wallace, “…”".
_TIME_CLAUSE = re.compile(r"\s(?:after|when)\s+")


def _time_clause_reports(doc: Doc, clause: int, hi: int) -> bool:
    """Does the "after" / "when" clause starting at ``clause`` open with a subject and its verb
    ("after the man had posted", not "went after Bush, calling him") and run up to ``hi`` (not
    "-- when he wasn't worried -- “…”")?"""
    if any(d in doc.text[clause:hi] for d in ("--", "\u2014", " \u2013 ")):
        return False
    toks = [t for t in doc.words(clause, min(hi, clause + 200))[:16] if not doc.inside_quote(t[0])]
    return _subject_at(doc, toks, 0) is not None


def _names_joined(text: str, m) -> bool:
    """"Fox and Friends", "Trump and Clinton": a bare "and" between capitalised words joins
    names, not clauses."""
    if text[m.start()] != " " or not text.startswith("and", m.end() - 4) or not text[m.end():m.end() + 1].isupper():
        return False
    j = m.start()
    while j > 0 and text[j - 1].isspace():
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in ".'\u2019-"):
        k -= 1
    return k < j and text[k].isupper()


def _may_break_clause(text: str, lo: int, hi: int) -> bool:
    """Does text[lo:hi] hold ";" or a word of _CLAUSE_BREAK ("although" holds "though")? A test
    in C before the pattern, which tries every white space: two thirds of the spans have none."""
    span = text[lo:hi]
    return ";" in span or "and" in span or "but" in span or "while" in span or "though" in span \
        or "whereas" in span


def _clause_starts(doc: Doc, lo: int, hi: int) -> set[int]:
    """Starts of every coordinated clause in text[lo:hi]."""
    text = doc.text
    if not _may_break_clause(text, lo, hi):
        return set()
    return {m.end() for m in _CLAUSE_BREAK.finditer(text, lo, hi)
            if not doc.inside_quote(m.start()) and not _names_joined(text, m)}


def _clause_start(doc: Doc, lo: int, hi: int) -> int:
    """Start of the last coordinated clause in text[lo:hi] (after "and", ", but", ";")."""
    start = lo
    text = doc.text
    if not _may_break_clause(text, lo, hi):
        return start
    for m in _CLAUSE_BREAK.finditer(text, lo, hi):
        if not doc.inside_quote(m.start()) and not _names_joined(text, m):
            start = m.end()
    return start


SUBORDINATORS = frozenset(
    """while although though if when as after before because since unless whereas once asked
    speaking pressed challenged responding reacting writing addressing interviewed talking
    told questioned confronted appearing campaigning""".split()
)


def _starts_person(doc: Doc, pos: int) -> bool:
    n = doc.name_starting_at(pos)
    return n is not None and n.start == pos and n.kind == "person"


# "WASHINGTON (AP) — ", "RENO, Nev. (AP) — ", "WASHINGTON, Dec. 8 (UPI) — "
# (or only its end, when an abbreviation ended a sentence inside it: "(AP) — ")
_DATELINE = re.compile(r"(?:[A-Z][A-Z.'\- ]+[A-Z.](?:, [A-Z][\w.]*(?: [A-Z][\w.]*)*)?(?:, [A-Z][a-z]{2}\.? \d{1,2})? ?)?"
                       r"(?:\([A-Za-z. ]+\) ?)?(?:\u2014|--|\u2013|-) ")


def _skip_dateline(doc: Doc, lo: int, hi: int) -> int:
    """Past a dateline at ``lo`` ("WASHINGTON (AP) — "): no word of it is the clause's subject."""
    dateline = _DATELINE.match(doc.text, lo, hi)
    return lo if dateline is None else dateline.end()


def _main_clause_start(doc: Doc, lo: int, hi: int) -> int:
    """After an introductory clause ("While X …, ", "Asked about it, "), where the main clause
    begins; ``lo`` when there is none."""
    tok = doc.first_word(lo, lo + 200 if lo + 200 < hi else hi)
    if tok is None:
        return lo
    first = tok[2].lower()
    if first in {"ever", "even", "shortly", "soon", "long", "just", "right", "only"} and first not in SUBORDINATORS:
        # "Ever since she endorsed X, Ms. Warren has …": an adverb before the subordinator
        nxt = doc.first_word(tok[1], min(hi, tok[1] + 40))
        if nxt is not None and nxt[2].lower() in SUBORDINATORS:
            first = nxt[2].lower()
    if first not in SUBORDINATORS and not (tok[2][0].isupper() and len(first) > 4
                                           and first.endswith(("ing", "ed")) and first not in doc.lex.nonnames
                                           and not _starts_person(doc, tok[0])):
        return lo  # (not "Ted Nordhaus, …" or "Fred Smith, …")
    toks = doc.words(lo, lo + 200 if lo + 200 < hi else hi)
    for i in range(1, len(toks)):
        s, e, w = toks[i]
        if w == "," and not doc.inside_quote(s):
            # "Speaking in Salem, New Hampshire, Trump …": a place's state is not the clause
            if toks[i - 1][2][:1].isupper() and i + 1 < len(toks) and toks[i + 1][2][:1].isupper():
                n = doc.name_starting_at(toks[i + 1][0])
                if n is not None and n.start == toks[i + 1][0] and doc.text[n.end:n.end + 1] == "," \
                        and n.role is None and n.honorific is None and n.name.lower() in doc.lex.places:
                    continue
            return e
    return lo


def _participle(doc: Doc, cue) -> bool:
    """"saying", "calling": a participle, unless a form of "be" makes it a verb ("was saying")."""
    before = doc.text[cue[0] - 12 if cue[0] > 12 else 0:cue[0]].split()
    return not (before and before[-1].lower() in {"was", "were", "is", "are", "been", "be", "am", "keeps", "kept"})


def _participle_subject(doc: Doc, ss: int, cue) -> Mention | None:
    """The subject a participle carries itself: a person named right before it ("…, Ryan saying
    he was “…”") or the noun phrase after "with" ("with Sen. McCain calling it “…”", "with many
    marchers chanting “…”")."""
    toks = doc.words(max(ss, cue[0] - 80), cue[0])
    if not toks or doc.text[toks[-1][1]:cue[0]].strip() or not toks[-1][2][0].isalnum():
        return None  # (not "with supporters, declaring")
    s, e, w = toks[-1]
    if w[0].isupper():
        n = doc.name_ending_at(e)
        if n is not None and n.end == e and n.kind == "person" and n.name_start >= ss:
            return Mention(n.name_start, n.end, "name", n)
    for k in range(len(toks) - 2, max(-1, len(toks) - 8), -1):
        low = toks[k][2].lower()
        if low == "with":
            if toks[k + 1][2].lower() not in {"him", "her", "them", "it", "that", "this"}:
                return Mention(toks[k + 1][0], e, "np")
            return None
        if not toks[k][2][0].isalnum() or low in PREPOSITIONS or low in _AUX:
            return None
    return None


# Verbs whose object is the subject of an infinitive after it: "a win that led her to declare …",
# "prompting aides like X to counter that …".
_CONTROL_VERBS = frozenset(
    """lead leads led leading prompt prompts prompted prompting force forces forced forcing cause
    causes caused causing push pushes pushed pushing compel compels compelled compelling spur spurs
    spurred spurring drive drives drove driving inspire inspires inspired inspiring move moves
    moved moving""".split())
_OBJECT_PRONOUN_FORMS = frozenset("him her them us me".split())


def _controlled_subject(doc: Doc, ss: int, cue) -> Mention | None:
    """The object of a verb such as "led" or "prompted" before "to" and a speech verb with no
    subject of its own: "a strong win that led her to declare the race was “in sight”" -> her."""
    toks = doc.words(max(ss, cue[0] - 120), cue[0])
    if len(toks) < 3 or toks[-1][2].lower() != "to":
        return None
    for k in range(len(toks) - 3, max(-1, len(toks) - 10), -1):
        w = toks[k][2]
        if not w[:1].isalnum():
            return None
        if w.lower() in _CONTROL_VERBS:
            s, e = toks[k + 1][0], toks[-2][1]
            if s >= e:
                return None
            obj = doc.text[s:e]
            if any(t[2].lower() in _AUX or t[2].lower() in SKIP_BEFORE_VERB for t in toks[k + 1:-1]):
                return None  # (no object: "the most he ever got was to label …")
            if obj.lower() in _OBJECT_PRONOUN_FORMS:
                return Mention(s, e, "pronoun")
            n = doc.name_starting_at(s)
            if n is not None and n.end == e:
                return Mention(n.name_start, n.end, "name", n)
            return Mention(s, e, "np")
    return None


def quote_then_any_verb(doc: Doc, f: Frame) -> bool:
    """“It was a circus,” she quipped.  /  “We lost,” mused Lavrov.

    Right after a quotation that ends in a comma (or ? !), a speaker and a verb not in the
    lexicon: the shape alone tells it is an attribution."""
    inside = doc.text[f.seg.start:f.seg.end].rstrip()
    if not inside.endswith((",", "?", "!", "\u2014", "-")) or f.before[1] - f.before[0] > 2 and \
            not doc.text[f.before[0]:f.before[1]].rstrip().endswith((":", ",")):
        return False
    lo = _strip_left(doc, f.after[0], f.after[1])
    toks = doc.words(lo, min(f.after[1], lo + 120))[:6]
    if len(toks) < 2:
        return False
    w0 = toks[0][2].rstrip(".")
    if w0.islower() and w0.isalpha() and (w0.endswith("ed") or w0.endswith("s")):
        m = doc.subject_after(toks[0][1], f.after[1])
        if m is not None:
            return _decide(doc, f, m, (toks[0][0], toks[0][1]), "quote_then_any_verb", 0.7, True)
        return False
    for k in range(1, min(len(toks), 5)):
        w = toks[k][2].rstrip(".")
        if w.islower() and w.isalpha() and (w.endswith("ed") or w in {"says", "writes", "adds"}):
            m = doc.subject_before(toks[k][0], lo)
            if m is not None and m.start <= toks[min(2, k - 1)][0]:
                return _decide(doc, f, m, (toks[k][0], toks[k][1]), "quote_then_any_verb", 0.7, True)
            return False
    return False


def _earlier_quote_in(doc: Doc, f: Frame) -> bool:
    """Does a quotation of the same sentence close right where this frame's words begin?"""
    return f.index > 0 and doc.segments[f.index - 1].close_end == f.before[0]


def _answered(doc: Doc, f: Frame, cue) -> bool:
    """A cue that an earlier quote of the sentence rests on and that follows that quote
    ("“…,” said Roe, who added …"): it reports that quote, not this one."""
    owner = doc.cue_owner.get(cue)
    return owner is not None and owner.index < f.index and owner.seg.close_end <= cue[0]


ADVERBIAL_OPENERS = frozenset(
    "when after while because if although though since before until once whereas unless despite".split())


# Marks that end a clause or phrase read back from a cue (each a token of its own).
_CLAUSE_MARKS = frozenset(",;:") | QUOTE_CHARS


def _last_stop(doc: Doc, lo: int, hi: int, stop_words=frozenset()) -> tuple[list, int]:
    """The words of text[lo:hi] and the index of the last one that is a clause mark or one of
    ``stop_words`` (lower-cased), or -1. The walk back mostly stops within a few words: the
    last words within SUBJECT_REACH characters (the list ``subject_before`` splits too) are read
    first, all of them only when the stop, or the word before it, may lie before those."""
    toks, whole = doc.tail_words(lo, hi, SUBJECT_REACH)
    while True:
        k = len(toks) - 1
        while k >= 0:
            w = toks[k][2]
            if w in _CLAUSE_MARKS or stop_words and w.lower() in stop_words:
                break
            k -= 1
        if k > 0 or whole:
            return toks, k
        toks, whole = doc.words(lo, hi), True


def _closed_before_quote(doc: Doc, ss: int, cue, hi: int) -> bool:
    """Is the cue inside an adverbial clause or an opening phrase that closes with a comma before
    ``hi`` (the two tests below, which need the same comma)?"""
    comma = doc.text.find(",", cue[1], hi)
    if comma < 0 or doc.inside_quote(comma):
        return False
    return _in_closed_adverbial(doc, ss, cue, hi, comma) or _in_opening_phrase(doc, ss, cue, hi, comma)


def _in_closed_adverbial(doc: Doc, ss: int, cue, hi: int, comma: int) -> bool:
    """Is the cue inside an adverbial clause that closes with the ``comma`` after it, before
    ``hi``? "When I called him, Lavrov replied …": "called" does not report what follows the
    comma."""
    text = doc.text
    # "…, though she said, “…”": a comma right after the cue that leads into the quote closes
    # no clause opened in mid-sentence
    lead_in = not text[cue[1]:comma].strip() and not text[comma + 1:hi].strip()
    toks, k = _last_stop(doc, cue[0] - 200 if cue[0] - 200 > ss else ss, cue[0], ADVERBIAL_OPENERS)
    if k < 0:
        return False
    w = toks[k][2]
    if w in _CLAUSE_MARKS:
        return False
    prev = toks[k - 1][2] if k > 0 else ""
    if lead_in and prev == ",":
        return False
    # at the sentence start, maybe after an adverb ("Ever since", "Shortly after")
    # or right after "that" ("Roe said that when Bell railed against it, “…”")
    return toks[k][0] <= ss + 1 or prev in {",", ";", ":"} or k == 0 and toks[k][0] - ss < 3 \
        or k == 1 and toks[0][0] <= ss + 1 and prev[:1].isupper() \
        or prev == "that" and w.lower() != "as"


def _in_opening_phrase(doc: Doc, ss: int, cue, hi: int, comma: int) -> bool:
    """Is the cue inside an opening phrase that closes with the ``comma`` after it, before a
    speech verb of its own? "Watching Trump talk about it, Reed said: “…”", "…, in a release
    announcing his role, Roe described …": a prepositional or participial phrase does not
    report the quote."""
    if not doc.cues_between(comma + 1, hi):
        return False
    toks, k = _last_stop(doc, cue[0] - 200 if cue[0] - 200 > ss else ss, cue[0])
    if not toks:
        return False
    if k >= 0:
        if toks[k][2] != ",":
            return False
        j = k + 1
    else:
        if toks[0][0] > ss + 1:
            return False
        j = 1 if toks[0][2] in {"But", "And", "So"} and len(toks) > 1 else 0
    if j >= len(toks):
        return False
    first = toks[j][2]
    low = first.lower()
    if low in CLAUSE_WORDS:
        return False  # "as Roe observed, …": a clause, not a phrase
    return low in PREPOSITIONS or (j <= 1 and toks[j][0] <= ss + 5 and first[0].isupper()
                                   and low.endswith("ing") and len(low) > 4)


def _reported_in_opening_clause(doc: Doc, ss: int, open_at: int) -> bool:
    """Is a quote opening at ``open_at`` reported inside an introductory adverbial clause that
    runs up to it ("When Maddow pointed out that Roe calls it “Medicare for all,” Clinton seized
    on it")? Its speaker is that clause's, not the main clause's after it."""
    first = doc.first_word(ss, open_at)
    if first is None or first[2].lower() not in ADVERBIAL_OPENERS:
        return False
    comma = doc.text.find(",", ss, open_at)
    while comma >= 0:
        if not doc.inside_quote(comma):
            return False  # the clause closed before the quote ("Although …, they are asked …")
        comma = doc.text.find(",", comma + 1, open_at)
    for cue in doc.cues_between(ss, open_at):
        if not doc.inside_quote(cue[0]) and doc.subject_before(cue[0], ss) is not None:
            return True
    return False


_POLL_INTRO = re.compile(r"(?:In|in) ((?:a|an|the|this|that|its|their) [^,.;:\"\u201c]{0,80}?\b(?:poll|survey|study)\b[^,.;:\"\u201c]{0,60}),")
_SHARE = re.compile(r"\d ?%|\b(?:percent|in (?:10|ten|\d+)|majority|most|half|third|quarter)\b", re.I)


def _poll_source(doc: Doc, ss: int, m: Mention) -> Mention | None:
    """"In a Washington Post-ABC News poll, 75 percent of Republicans said …": the share of a
    poll's respondents speaks through the poll, which is the source."""
    lo = m.start - 200 if m.start - 200 > ss else ss
    # (the window copied once: three bounded finds cost more, each parses its arguments)
    window = doc.text[lo:m.start]
    if "poll" not in window and "survey" not in window and "study" not in window:
        return None
    p = _POLL_INTRO.search(doc.text, lo, m.start)
    if p is None:
        # "The poll also finds that, while 37 percent of Americans say …": the poll reports them
        if not _SHARE.search(doc.text, max(ss, m.start - 30), m.end):
            return None
        for c in doc.cues_between(ss, m.start):
            if doc.inside_quote(c[0]) or _is_according(doc, c):
                continue
            outer = doc.subject_before(c[0], ss)
            if outer is not None and outer.end <= m.start and \
                    re.search(r"\b(?:poll|survey|study)\b", doc.text[outer.start:outer.end], re.I):
                return outer
            break
        return None
    if p.end() > m.start or not _SHARE.search(doc.text, p.end(), m.end + 20):
        return None
    if doc.text[p.end():m.start].count(",") or p.start() > ss + 40:
        return None
    return Mention(p.start(1), p.end(1), "np")


def _outer_speaker(doc: Doc, ss: int, m: Mention) -> Mention:
    """A "he" or "she" opening a reported clause stands for the named subject of the first speech
    verb of the sentence, who is the source ("Adelson declared in an interview that he found
    Trump “very charming”", "Trump said he thought drugs were a “big factor”" -> the name)."""
    if m.kind != "pronoun":
        poll = _poll_source(doc, ss, m)
        if poll is not None:
            return poll
    if m.kind != "pronoun" or doc.text[m.start:m.end].lower() not in ("he", "she"):
        return m
    before = doc.text[m.start - 12 if m.start - 12 > ss else ss:m.start].split()
    if not before or before[-1].lower() != "that" and before[-1].lower() not in doc.lex.speech_verbs:
        return m
    for c in doc.cues_between(ss, m.start):
        if doc.inside_quote(c[0]) or _is_according(doc, c):
            continue
        outer = doc.subject_before(c[0], ss)
        if outer is not None and outer.kind == "name" and outer.end <= m.start:
            return outer
        break  # (only the first speech verb: "Roe said Kim told her that she …" stays "she")
    return m


def _object_relative(doc: Doc, m: Mention) -> bool:
    """Is the subject inside an object relative clause ("the job, which friends described as
    dull")? Its verb describes the noun before "which", not the quote."""
    text, lo, j = doc.text, m.start - 20 if m.start > 20 else 0, m.start
    # (the last letter of the word before first: only "h", "m", "H" and "M" lower-case to the
    # end of "which" or "whom")
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == lo or text[j - 1] not in "hmHM":
        return False
    before = text[lo:m.start].lower().split()
    # (not "to which O'Malley interjected:": a preposition's relative clause reports speech)
    return bool(before) and before[-1] in ("which", "whom") and not (len(before) > 1 and before[-2] in PREPOSITIONS)


# A fragment this short ("“a total disaster”") inside a relative clause is that clause's words.
SHORT_FRAGMENT = 3
_RELATIVE_WORD = re.compile(r"(?i)\b(?:which|when|where)\b")


def _relative_cue_first(doc: Doc, f: Frame, cues: list) -> list:
    """For a short fragment, the last cue first when its subject opens a relative or temporal
    clause ("…, which he declared “a total disaster”", "when he claimed Obama was “the founder”"):
    the fragment is the words of that clause's speaker, not of the sentence's reporter."""
    if f.seg.end - f.seg.start > 80 \
            or len(doc.text[f.seg.start:f.seg.end].split(None, SHORT_FRAGMENT)) > SHORT_FRAGMENT:
        return cues
    last = cues[-1]
    if doc.text[last[1] - 3:last[1]] == "ing" or _is_according(doc, last) \
            or _RELATIVE_WORD.search(doc.text, last[0] - 60 if last[0] - 60 > f.sent[0] else f.sent[0],
                                     last[0]) is None:
        return cues
    m = doc.subject_before(last[0], f.sent[0])
    if m is None:
        return cues
    # ("whom he called “…”" is left to the outer speaker: annotators go both ways)
    before = doc.text[max(0, m.start - 20):m.start].lower().split()
    if before and before[-1] in {"which", "when", "where"}:
        return [last] + cues[:-1]
    return cues


_AGENT_AFTER = re.compile(r"[^\w\s]{0,3}\s+by\s+")


def _agent_after_quote(doc: Doc, f: Frame, cue) -> Mention | None:
    """A passive speech verb right before the quote and its agent right after it: "labeled as a
    “witch hunt” by Democrats", "called “strategic ambiguity” by Joshua Hendrick"."""
    # (the agent first: rarely there; the words between may be many)
    m = _AGENT_AFTER.match(doc.text, f.seg.close_end, f.sent[1])
    if m is None or not doc.text[cue[0]:cue[1]].lower().endswith("ed"):
        return None
    between = doc.text[cue[1]:f.seg.open_at].split()
    if any(w.lower() not in {"as", "a", "an", "the"} for w in between):
        return None
    agent = doc.subject_after(m.end(), f.sent[1])
    return agent if agent is not None and agent.kind != "pronoun" else None


def _closing_attribution(doc: Doc, f: Frame) -> tuple | None:
    """", said Roe." / ", Roe said on Monday." / ", said Roe, a historian.": a speech verb and its
    speaker closing the sentence, after the quote and a comma; (mention, cue) or None."""
    lo, se = f.seg.close_end, f.sent[1]
    if f.index + 1 < len(doc.segments) and doc.segments[f.index + 1].open_at < se:
        return None  # another quote follows in the sentence
    cues = doc.cues_between(lo, se)
    if not cues:
        return None
    cue = cues[-1]
    text = doc.text
    comma = text.rfind(",", lo, cue[0])
    if comma < 0:
        return None
    if not text[comma + 1:cue[0]].strip():
        m = _inverted_subject(doc, cue, se)
        if m is None or m.kind == "np" and not text[m.start:m.start + 1].isupper() and \
                text[m.start:m.end].split()[0].lower() not in {"the", "a", "an"}:
            return None
        rest = doc.words(m.end, se)
        if rest and rest[0][2] != "," and len(rest) > 4:
            return None
    else:
        m = doc.subject_before(cue[0], comma + 1)
        if m is None or m.start < comma or text[comma + 1:m.start].strip() \
                or text[m.start:m.end].split()[0].lower() in CLAUSE_WORDS | _NEW_CLAUSE:
            return None  # (not "…, but reports reveal …": a clause of its own)
        if len(doc.words(cue[1], se)) > 4:
            return None
    return m, cue


def _colon_clause_subject(doc: Doc, f: Frame, ss: int, hi: int, cues: list) -> Mention | None:
    """"Reid said both are “non-entities,” but he gave the Texan a compliment: “…”": a later
    coordinated clause with a subject of its own and no speech verb, leading into the quote with
    a colon, is its speaker's."""
    if not doc.text[f.before[0]:hi].rstrip().endswith(":"):
        return None
    start = _clause_start(doc, ss, hi)
    if start <= ss or any(c[0] >= start for c in cues):
        return None
    toks = [t for t in doc.words(start, hi)[:24] if not doc.inside_quote(t[0])]
    m = _subject_at(doc, toks, 0) if toks else None
    return m if m is not None and m.kind in ("pronoun", "name") else None


def _parenthetical(doc: Doc, f: Frame, ss: int, cues: list) -> tuple | None:
    """", he said," set off by commas after another speech verb, before the quote ("He sincerely
    believes, he said, that “…”", "Cost estimates, he added, were “…”"): the parenthetical
    attribution reports the quote."""
    if len(cues) < 2:
        return None
    text = doc.text
    for c in reversed(cues[1:]):
        if text[c[0]:c[1]].lower() not in INVERSION_VERBS:
            continue
        after = text[c[1]:c[1] + 3].lstrip(" \t")
        if not after.startswith(","):
            continue
        m = doc.subject_before(c[0], ss)
        if m is None or m.kind not in ("pronoun", "name"):
            continue
        before = text[max(ss, m.start - 3):m.start].rstrip()
        if not before.endswith(",") or text[m.end:c[0]].strip():
            continue
        return m, c
    return None


def _attribution_before(doc: Doc, ss: int, cue) -> Mention | None:
    """The speaker of a speech verb right before a participle (“…,” the source recalled, adding
    that …): the participle continues that attribution."""
    j = cue[0]
    text = doc.text
    while j > ss and text[j - 1] in " \t\u00a0":
        j -= 1
    if j <= ss or text[j - 1] != ",":
        return None
    before = [c for c in doc.cues_between(max(ss, j - 60), j - 1) if not doc.inside_quote(c[0])]
    if not before or text[before[-1][1]:j - 1].strip():
        return None
    c = before[-1]
    m = _inverted_subject(doc, c, j - 1) or doc.subject_before(c[0], ss)
    if m is None or m.kind not in {"name", "pronoun", "np"} or m.end > j:
        return None
    return m


def _coordinated_subject(doc: Doc, ss: int, cue) -> Mention | None:
    """The pronoun or name opening the last coordinated clause before a participle ("…, and he
    has battled with the mayor, at one point calling him a “liar”" -> he)."""
    start = _clause_start(doc, ss, cue[0])
    if start <= ss:
        return None
    toks = doc.words(start, cue[0])
    if len(toks) < 3:
        return None
    m = _subject_at(doc, toks, 0)
    return m if m is not None and m.kind in ("pronoun", "name") else None


def _coordinated_verb(doc: Doc, ss: int, cue) -> bool:
    """Does "and" or "but" (maybe with an adverb: "but now said") come right before the cue?"""
    window = doc.text[cue[0] - 30 if cue[0] - 30 > ss else ss:cue[0]]
    low = window.lower()
    if "and" not in low and "but" not in low:
        return False  # (a test in C first: most windows hold neither word)
    words = window.rsplit(None, 2)[-2:]
    if len(words) == 2 and (words[1].lower() in SKIP_BEFORE_VERB or words[1] == "now"):
        words = words[:1]
    return bool(words) and words[-1].lower() in ("and", "but")


def _object_of_infinitive(doc: Doc, ss: int, cue) -> Mention | None:
    """"urged him to say …": an object pronoun before "to" is the speaker of the infinitive;
    after a verb such as "led" or "prompted", any object ("a win that led the mayor to declare …")."""
    # both need "to" as the last word before the cue: a look at its last two letters first
    text, j = doc.text, cue[0]
    lo = j - 120 if j - 120 > ss else ss
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j - 2 < lo or text[j - 2:j].lower() != "to":
        return None
    before = text[max(ss, cue[0] - 9):cue[0]]
    for w in ("him", "her", "them"):
        if before.endswith(" " + w + " to "):
            start = cue[0] - len(w) - 4
            return Mention(start, start + len(w), "pronoun")
    return _controlled_subject(doc, ss, cue)


# Nouns of speech whose possessor is the speaker of what they introduce ("Trump's claim that …").
SPEECH_NOUNS = frozenset(
    """statement statements claim claims comment comments remark remarks assertion assertions
    admission argument aside conclusion suggestion insistence declaration description promise
    pledge vow warning accusation complaint contention boast demand response reply quip
    retort testimony explanation prediction observation characterization denial acknowledgment
    announcement plea joke threat insinuation allegation""".split())

# (a possessor and up to three words before the noun: a quick test before the word lists)
_SPEECH_NOUN = re.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir)|['\u2019]s)\s+(?:[\w-]+\s+){0,3}(?:"
                          + "|".join(sorted(SPEECH_NOUNS, key=len, reverse=True)) + r")\b")
# (quicker still, and first: a speech noun after white space, as a trie; few windows have one)
_SPEECH_NOUN_WORD = re.compile(r"\s" + trie_pattern(sorted(SPEECH_NOUNS), lambda w: r"\b"))


def _possessor_of_speech_noun(doc: Doc, f: Frame, ss: int) -> Mention | None:
    """"over her assertion during the debate that “…”", "Donald Trump’s claim that Obama
    “founded ISIS”", "Clinton's assertion of a “claim of right”": a noun of speech right before
    the quote (after "that" and five words at most, "of", a colon or a dash, maybe past a short
    phrase) speaks for its possessor."""
    hi = f.before[1]
    # (first the possessors _SPEECH_NOUN needs, by substring tests in C, "their" holding "heir":
    # seven windows in ten have none)
    lo = hi - 110 if hi - 110 > ss else ss
    window = doc.text[lo:hi]
    if not ("'s" in window or "\u2019s" in window or "his" in window or "her" in window or "heir" in window
            or "His" in window or "Her" in window) \
            or _SPEECH_NOUN_WORD.search(doc.text, lo, hi) is None \
            or _SPEECH_NOUN.search(doc.text, lo, hi) is None:
        return None
    toks = [t for t in doc.words(lo, hi) if not doc.inside_quote(t[0])]
    if not toks:
        return None
    for k in range(len(toks) - 1, max(-1, len(toks) - 16), -1):
        w = toks[k][2].lower()
        if w not in SPEECH_NOUNS:
            continue
        j = k - 1
        while j >= 0 and toks[j][2].isalpha() and toks[j][2].islower() and toks[j][2].lower() not in {
                "his", "her", "their", "its"} and k - j <= 3 and toks[j][2].lower() not in PREPOSITIONS \
                and toks[j][2].lower() not in CLAUSE_WORDS and toks[j][2].lower() not in _AUX:
            j -= 1  # adjectives ("her most surprising suggestion")
        if j < 0:
            return None
        ps, pe, pw = toks[j]
        before = toks[j - 1][2].lower() if j > 0 else ""
        if before == "in" and j > 1 and toks[j - 2][2].lower() in doc.lex.speech_verbs \
                or before in doc.lex.speech_verbs and pw.lower() in {"his", "her", "their"}:
            return None  # "said in his statement: “…”", "repeated his claim that …": the verb's
        if pw.lower() in {"his", "her", "their"}:
            poss = Mention(ps, pe, "pronoun")
        elif pw.endswith(("'s", "\u2019s")) and pw[0].isupper():
            n = doc.name_ending_at(pe - 2)
            if n is None or n.kind == "organisation":
                return None
            poss = Mention(n.name_start, n.end, "name", n)
        else:
            return None
        # what follows the noun introduces the quote: "that …", "of", a colon or a dash, maybe
        # after a short phrase ("during the debate that …")
        rest = [t[2].lower() for t in toks[k + 1:]]
        if doc.cues_between(toks[k][1], hi):
            return None
        i = 0
        if rest and rest[0] in PREPOSITIONS and rest[0] != "of":
            while i < len(rest) and i < 7 and rest[i] not in {"that", ",", ":"}:
                i += 1
        tail = rest[i:]
        if tail and tail[0] in {":", "\u2014", "of"} and len(tail) <= 4:
            return poss  # (not "X's comments “shows bias”", "called his remarks “racist”")
        if tail and tail[0] == "that" and len(tail) <= 6 and "," not in tail:
            return poss
        return None
    return None


def _dash_name_colon(doc: Doc, f: Frame, ss: int) -> Mention | None:
    """"Pollsters agree - Carl Bialik: “…”": a name set off by a dash and followed by a colon
    right before the quote is its speaker, not a cue of the words before the dash."""
    text = doc.text
    j = f.before[1]
    while j > ss and text[j - 1] in " \t\u00a0":
        j -= 1
    if j <= ss or text[j - 1] != ":":
        return None
    n = doc.name_ending_at(j - 1)
    if n is None or n.end != j - 1 or n.kind == "organisation":
        return None
    k = n.name_start
    while k > ss and text[k - 1] in " \t\u00a0":
        k -= 1
    if k <= ss or text[k - 1] not in "-\u2014\u2013":
        return None
    return Mention(n.name_start, n.end, "name", n)


def _coordinated_opening(doc: Doc, ss: int, cue) -> Mention | None:
    """The subject opening the sentence, for a speech verb coordinated by "and" / "but" without a
    subject of its own; not when a subordinate clause with its own subject comes between ("…
    when he brought it up and later said": that clause's)."""
    if not _coordinated_verb(doc, ss, cue):
        return None
    opening = _np_opening(doc, ss, cue[0], any_kind=True)
    if opening is None:
        return None
    between = [w.lower() for _, _, w in doc.words(opening.end, cue[0])]
    last_sub = max((k for k, w in enumerate(between) if w in ADVERBIAL_OPENERS), default=-1)
    return opening if last_sub < 0 or "," in between[last_sub:] else None


def _np_opening(doc: Doc, ss: int, hi: int, any_kind: bool = False) -> Mention | None:
    """A noun phrase with a determiner that opens the sentence as the subject of its verb ("The
    spokesman refused …, adding: “…”", "One operative tried to downplay Ryan’s comments, saying
    …"): the subject of a participle, before any person named later. With ``any_kind``, a
    name or a pronoun opening the sentence as well."""
    lo = _main_clause_start(doc, _skip_dateline(doc, ss, hi), hi)
    toks = [t for t in doc.words(lo, lo + 200 if lo + 200 < hi else hi)[:24] if not doc.inside_quote(t[0])]
    i = 0
    while i < len(toks) and toks[i][2].lower() in _CLAUSE_OPENERS:
        i += 1
    if i < len(toks) and toks[i][2].lower() in _NOT_SUBJECT_AFTER:
        # past an introductory phrase ("With the help of X, the actor held …")
        comma = next((k for k in range(i + 1, len(toks)) if toks[k][2] == ","), None)
        if comma is None:
            return None
        i = comma + 1
    if i >= len(toks) or not any_kind and (toks[i][2].lower() not in DETERMINERS
                                           or not toks[i][2][0].isupper() and i == 0):
        return None
    m = _subject_at(doc, toks, i)
    if m is None or m.kind != "np" and not any_kind:
        return None
    between = {w.lower() for _, _, w in doc.words(m.end, hi)}
    return None if between & {"who", "which", "whom"} else m


_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:[a-z]+ly\s+)?$")


def _bare_passive(doc: Doc, cue) -> bool:
    """"was declared", "is known", "were asked": a passive speech verb with no "by" after it."""
    word = doc.text[cue[0]:cue[1]]
    if " " in word or not (word.endswith("ed") or word in ("known", "shown")):
        return False
    if not _BE_BEFORE.search(doc.text, cue[0] - 30 if cue[0] > 30 else 0, cue[0]):
        return False
    return not re.match(r"\s+by\b", doc.text[cue[1]:cue[1] + 8])


_SPEAK_FORMS = frozenset("speak speaks spoke spoken speaking".split())
_SPEAK_CONTENT = re.compile(r"\s+(?:[a-z]+ly\s+|also\s+|instead\s+|again\s+)?(?:about|of|out|up|against|for|on)\b")


_BEGIN_FORMS = frozenset("begin begins began begun beginning start starts started starting".split())
_BEGIN_SPEECH = re.compile(r"\s*(?:by\b|[:,\u201c\"']|that\b)")


def _case_forms(letters: str) -> frozenset[str]:
    """``letters`` in every case, as a pattern with (?i) matches them ("ſ" matches "s" too; no
    other character folds to an ASCII letter but its capital): a set lookup of a slice of the
    text instead of lowering and folding it."""
    forms = [""]
    for ch in letters:
        forms = [f + c for f in forms for c in {ch, ch.upper()} | ({"\u017f"} if ch == "s" else set())]
    return frozenset(forms)


# The first two letters of the verbs of _PHRASAL, in every case; and of those of the three
# tests of _says_nothing.
_PHRASAL_STARTS = frozenset().union(*map(_case_forms, ("ca", "fe", "sh")))
_SAYS_NOTHING_STARTS = _PHRASAL_STARTS.union(*map(_case_forms, ("sp", "be", "st")))


def _says_nothing(doc: Doc, cue) -> bool:
    """A speech verb that says nothing here (the cue's word read once for the three tests):
    "speak" without "about" / "of" / "out" … says that someone spoke, not what ("Roe spoke hours
    after …", "As Roe spoke, …", "who spoke anonymously"); "begin" reports speech only as "began
    by saying", "began: “…”", "began, “…”" (not "The ad began with a clip …", "I began to see
    …"); and a verb with a particle (see _phrasal_non_speech)."""
    text = doc.text
    start = text[cue[0]:cue[0] + 2]
    if start not in _SAYS_NOTHING_STARTS:
        return False  # (most cues: "said", "told", "added")
    word = text[cue[0]:cue[1]].lower()
    if word in _SPEAK_FORMS:
        return not _SPEAK_CONTENT.match(text, cue[1], cue[1] + 40)
    if word in _BEGIN_FORMS:
        return not _BEGIN_SPEECH.match(text, cue[1], cue[1] + 8)
    return start in _PHRASAL_STARTS and _phrasal_non_speech(doc, cue)


_INSCRIPTION_NOUNS = frozenset(
    """sign signs banner banners placard placards poster posters hat hats cap caps shirt shirts
    t-shirt t-shirts headline headlines billboard billboards sticker stickers button buttons
    message messages note notes card cards mug mugs bottle bottles flyer flyers screen screens""".split())
_INSCRIPTION_ENDS = tuple(sorted(_INSCRIPTION_NOUNS))
_INSCRIPTION_VERBS = frozenset("saying reading read reads said says proclaiming declaring".split())


def _inscription(doc: Doc, ss: int, cue) -> Mention | None:
    """"held up a sign saying “…”", "wore a campaign hat reading “…”", "under a headline that
    said “…”": the sign, hat or headline carries the words, not the person holding it."""
    text = doc.text
    if text[cue[0]:cue[1]].lower() not in _INSCRIPTION_VERBS:
        return None
    # (the noun ends the text before the verb, but for "that", "which" or a comma: read from
    # the end of the text before the words are split)
    lo = cue[0] - 80 if cue[0] - 80 > ss else ss
    before = text[lo:cue[0]].rstrip().lower()
    if before.endswith(("that", "which")):
        before = before[:-4 if before.endswith("that") else -5].rstrip()
    if before.endswith(","):
        before = before[:-1].rstrip()
    if not before.endswith(_INSCRIPTION_ENDS):
        return None
    toks = doc.words(lo, cue[0])
    k = len(toks) - 1
    if k >= 0 and toks[k][2].lower() in ("that", "which"):
        k -= 1
    if k >= 0 and toks[k][2] == ",":
        k -= 1
    if k < 1 or toks[k][2].lower() not in _INSCRIPTION_NOUNS:
        return None
    end = toks[k][1]
    for j in range(k - 1, max(-1, k - 6), -1):
        low = toks[j][2].lower()
        if low in {"a", "an", "the", "his", "her", "their", "its", "one", "another"}:
            return Mention(toks[j][0], end, "np")
        if not toks[j][2][:1].isalnum() or low.endswith(("ing", "ed")) or low in SKIP_BEFORE_VERB:
            break
    return None


_PHRASAL = re.compile(r"(?i)(?:call|calls|called|calling) off|(?:feel|feels|felt|feeling) free"
                      r"|(?:show|shows|showed|showing|shown) up")


def _phrasal_non_speech(doc: Doc, cue) -> bool:
    """"called off the talks", "feel free to", "showed up in …": a verb and particle that say
    nothing."""
    m = _PHRASAL.match(doc.text, cue[0], cue[1] + 6)
    return m is not None and m.end() > cue[1]


# the words right before a chant: "chanting", "to chants of", "the caustic chant", "cheer for"
_CHANT_LEAD = re.compile(r"(?i)\b(?:chant(?:s|ed|ing)?(?: of)?|cheer(?:s|ed|ing)? for|(?:cries|shouts|chorus) of)"
                         r"[,:]?\s*$")
# The last two letters of every lead ("chant", "chants", "chanted", "chanting", "… of", "… for"),
# in every case.
_CHANT_LEAD_ENDS = frozenset().union(*map(_case_forms, "nt ts ed ng of or".split()))
_CROWD_NOUNS = frozenset(
    """crowd crowds audience audiences protesters protestors demonstrators supporters fans attendees
    marchers spectators hecklers rallygoers""".split())
_CROWD_LEAD = frozenset("about nearly roughly some more than hundreds thousands dozens of".split())


def _crowd_chant(doc: Doc, ss: int, hi: int, j: int) -> Mention | None:
    """The crowd in "Roe roused the crowd to chants of “…”", "about 50 protesters had gathered
    …, chanting “…”": a chant is the words of the crowd named before it in the sentence (the
    nearest one), not of the speaker who stirred it or of the clause's other subject. The text
    before the quote ends at ``j`` but for white space."""
    text = doc.text
    # a lead ends the text but for a comma or colon and white space: its last two letters first
    if j > ss and text[j - 1] in ",:":
        j -= 1
    if j - 2 < ss or text[j - 2:j] not in _CHANT_LEAD_ENDS:
        return None
    lead = _CHANT_LEAD.search(text, hi - 30 if hi - 30 > ss else ss, hi)
    if lead is None:
        return None
    toks = doc.words(max(ss, lead.start() - 200), lead.start())
    for k in range(len(toks) - 1, -1, -1):
        if toks[k][2].lower() not in _CROWD_NOUNS:
            continue
        start = k
        det = False
        for j in range(k - 1, max(-1, k - 5), -1):
            low = toks[j][2].lower()
            if low in _CROWD_LEAD or low.isdigit():
                start = j
            elif low in DETERMINERS and not det:
                start, det = j, True  # ("at one point the crowd": no further back)
            elif det or not (low.isalpha() and low == toks[j][2] and low not in PREPOSITIONS
                      and not low.endswith(("ed", "ing"))):
                break
        return Mention(toks[start][0], toks[k][1], "np")
    return None


def _chant_before(doc: Doc, ss: int, cue, hi: int) -> Mention | None:
    """The crowd in "He said, “…” - at which point the crowd chanted “…”": a chant is the words
    of those who chant it, never someone's report of them, so "chanted" right before the quote,
    with a subject of its own, takes the quote from the earlier cues of the sentence."""
    word = doc.text[cue[0]:cue[1]].lower()
    if word != "chanted" or doc.text[cue[1]:hi].strip(" ,:\u2014-"):
        return None
    m = doc.subject_before(cue[0], ss)
    if m is None and doc.text[cue[0] - 1:cue[0]] == " ":
        m = doc.phrase_before(cue[0], ss)
        if m is not None:
            # "at which point the crowd chanted": the noun phrase opens at its last determiner
            toks = doc.words(m.start, m.end)
            k = max((i for i, t in enumerate(toks) if i > 0 and t[2] in {"the", "a", "an"}), default=0)
            if k:
                m = Mention(toks[k][0], m.end, "np")
    return m if m is not None and m.end <= cue[0] else None


def cue_then_quote(doc: Doc, f: Frame) -> bool:
    """Lavrov said: “We will win.”  /  Lavrov said the talks were “closely interconnected”.

    A cue before the quote in its sentence; the speaker is that verb's subject ("said Lavrov"
    order too: "Added Lavrov: “…”"). With several cues the outermost speaker wins (Lavrov in
    "Lavrov said Kerry called it “a mistake”"), as nested speech belongs to its reporter."""
    ss = f.sent[0]
    hi = f.before[1]
    cues = [c for c in doc.cues_between(ss, hi) if not _closed_before_quote(doc, ss, c, hi)
            and not _says_nothing(doc, c)]
    # after an earlier quote of the sentence attributed by a cue after it, the words between the
    # two quotes introduce this one; the cues before the earlier quote were its own ("Biden
    # weighed in, “…,” he said, adding, “…”" -> he)
    # (so do the words after a quote reported in an opening clause: "After Roe said it was
    # “better,” Lavrov said: “…”")
    if f.before[0] > ss and _earlier_quote_in(doc, f) and (any(
            c[0] >= f.before[0] and _answered(doc, f, c) for c in cues)
            or _reported_in_opening_clause(doc, ss, doc.segments[f.index - 1].open_at)):
        cues = [c for c in cues if c[0] >= f.before[0]] or cues
    # a cue that reports an earlier quote ("“…,” said Roe, who added …") yields to a later verb
    # with a subject of its own
    answered = [c for c in cues if _answered(doc, f, c)]
    if answered and len(answered) < len(cues):
        for c in cues:
            if c in answered or doc.text[c[1] - 3:c[1]] == "ing":
                continue
            m = doc.subject_before(c[0], ss)
            if m is not None and m.kind in ("name", "pronoun") and m.start > answered[0][1]:
                cues = [x for x in cues if x not in answered]
                break
    if len(cues) > 1:
        chant = _chant_before(doc, ss, cues[-1], hi)
        if chant is not None:
            return _decide(doc, f, chant, cues[-1], "cue_then_quote", 0.85, True)
        # a passive participle without its agent ("after the winner was declared", "Roe was
        # asked about it") names no speaker: a later cue of the sentence reports the quote
        active = [c for c in cues if not _bare_passive(doc, c)]
        if active and active[-1] is cues[-1] and len(active) < len(cues):
            cues = active
    text = doc.text
    j = hi
    while j > ss and text[j - 1].isspace():
        j -= 1
    colon_lead = j > ss and text[j - 1] == ":"
    if colon_lead:
        lead = _dash_name_colon(doc, f, ss)
        if lead is not None:
            return _decide(doc, f, lead, None, "cue_then_quote", 0.85, True)
    crowd = _crowd_chant(doc, ss, hi, j)
    if crowd is not None:
        return _decide(doc, f, crowd, None, "cue_then_quote", 0.85, True)
    poss = _possessor_of_speech_noun(doc, f, ss)
    if poss is not None:
        return _decide(doc, f, poss, None, "cue_then_quote", 0.85, True)
    if not cues:
        return False
    if colon_lead:
        colon = _colon_clause_subject(doc, f, ss, hi, cues)
        if colon is not None:
            return _decide(doc, f, colon, None, "cue_then_quote", 0.85, True)
    if len(cues) > 1:
        paren = _parenthetical(doc, f, ss, cues)
        if paren is not None:
            return _decide(doc, f, paren[0], paren[1], "cue_then_quote", 0.9, True)
    sign = _inscription(doc, ss, cues[-1])
    if sign is not None and sign.end <= hi and not any(_is_according(doc, c) for c in cues):
        return _decide(doc, f, sign, cues[-1], "cue_then_quote", 0.85, True)
    closing = _closing_attribution(doc, f)
    if closing is not None:
        return _decide(doc, f, closing[0], closing[1], "cue_later_in_sentence", 0.85, True)
    m = _agent_after_quote(doc, f, cues[-1])
    if m is not None:
        return _decide(doc, f, m, cues[-1], "cue_then_quote", 0.85, True)
    # a later clause with a speaker of its own wins: "Puerto Rico has been warning ..., and
    # Ms. Acosta said the measures were “unsustainable”"; so does the main clause after an
    # introductory one ("Asked by Kerry about it, Lavrov said …", "While …, Roe said …")
    # ("…, and he laughed and said, “…”": an earlier coordinated clause whose subject opens it),
    # and a time clause with a subject and verb of its own ("…, hours after Sanders said he was
    # “encouraged”")
    starts = _clause_starts(doc, ss, hi)
    last = max(starts) if starts else ss  # (as _clause_start: the breaks are found in order)
    main = _main_clause_start(doc, ss, hi)
    # (a time clause needs "after" or "when": a test in C before the pattern)
    span = text[ss:hi]
    subs = {t.end() for t in _TIME_CLAUSE.finditer(text, ss, hi) if not doc.inside_quote(t.start())} \
        if "after" in span or "when" in span else set()
    for clause in sorted(starts | {last, main} | subs, reverse=True):
        if clause <= ss:
            continue
        if clause in subs and not _time_clause_reports(doc, clause, hi):
            continue
        for cue in cues:
            if cue[0] < clause or _is_according(doc, cue):
                continue
            m = doc.subject_before(cue[0], clause)
            if m is None and clause > ss and doc.text[cue[0] - 1:cue[0]] == " ":
                # "…, and 14 percent said “…”": a short phrase opening the clause
                m = doc.phrase_before(cue[0], clause)
                if m is not None and (doc.text[clause:m.start].strip() or not doc.text[m.start].isdigit()):
                    m = None
            if m is not None and clause not in (last, main) and m.start > clause + 1 \
                    and doc.text[clause:m.start].strip().lower() not in doc.lex.honorifics:
                continue  # (the subject must open the clause, maybe after "Mr.")
            if m is not None and m.start >= clause and m.end <= hi:
                if _object_relative(doc, m) and cue is not cues[-1]:
                    continue
                if doc.text[m.start - 5 if m.start - 5 > clause else clause:m.start].strip().lower() == "what":
                    continue  # "… but hungry for what she calls “…”": the outer speaker's
                # "…, because, according to Roe, the media would call him a “…”": the source
                # of "according to" before the report is the outer one
                acc = next((c for c in cues if c[0] < m.start and _is_according(doc, c)), None)
                outer = _according_to(doc, acc) if acc is not None else None
                if outer is not None and outer.end <= m.start:
                    return _decide(doc, f, outer, acc, "cue_then_quote", 0.85, True)
                return _decide(doc, f, _outer_speaker(doc, ss, m), cue, "cue_then_quote", 0.9, True)
    fallback = None
    relative = None
    for cue in _relative_cue_first(doc, f, cues):
        if _is_according(doc, cue):
            m = _according_to(doc, cue)
            if m is not None:
                return _decide(doc, f, m, cue, "cue_then_quote", 0.85, True)
            continue
        if doc.text[cue[1] - 3:cue[1]] == "ing" and _participle(doc, cue):
            # "…, saying “…”": the subject of the clause, unless the participle has its own
            m = _participle_subject(doc, ss, cue) or _attribution_before(doc, ss, cue) \
                or _coordinated_subject(doc, ss, cue) or _np_opening(doc, ss, cue[0]) \
                or _clause_subject(doc, ss, cue[0])
        else:
            m = _inverted_subject(doc, cue, hi) or doc.subject_before(cue[0], ss)
            if m is None and doc.text[cue[0] - 1:cue[0]] == " ":
                m = doc.phrase_before(cue[0], ss)  # "About four in 10 said they were “angry”"
            # "The spokesman refused to say whom Cameron backed but said …": the verb shares the
            # subject opening the sentence
            m = _coordinated_opening(doc, ss, cue) or _object_of_infinitive(doc, ss, cue) or m
        if m is not None and m.end <= hi:
            if _object_relative(doc, m) and cue is not cues[-1]:
                continue  # "the job, which friends described as dull, …, Roe said: “…”"
            if doc.text[m.start:m.end].lower() in ("who", "which") and relative is None:
                # "Petrilli, who thinks ..., called the law “much better”": try the main verb
                relative = (m, cue)
                continue
            return _decide(doc, f, _outer_speaker(doc, ss, m), cue, "cue_then_quote", 0.9, True)
        if fallback is None:
            fallback = cue
    if relative is not None:
        return _decide(doc, f, relative[0], relative[1], "cue_then_quote", 0.85, True)
    if fallback is None:
        return False
    if cue_later_in_sentence(doc, f):
        return True  # "X would do well to begin “…” to Y, said Z": the closing attribution
    f.extra["cue"] = fallback  # a speech verb is there, even if its speaker is not
    # "…, saying “…”", "a sign that read “…”": the subject of the sentence
    semi = doc.text.rfind(";", ss, fallback[0])
    if semi > ss and not doc.inside_quote(semi):
        ss = semi + 1  # "…; all they have to do is repeat “…”": the clause after the semicolon
    # ("A spokesman for X declined to comment but said …": the noun phrase opening the sentence)
    m = _coordinated_opening(doc, ss, fallback) or _object_of_infinitive(doc, ss, fallback)
    if m is None:
        # a noun phrase opening the clause ("The magazine has opposed X, arguing he is “…”") first:
        # the clause subject below looks only for pronouns and names
        m = _predicate_subject(doc, ss, fallback[0])
        if m is None or m.kind != "np":
            m = _clause_subject(doc, ss, fallback[0])
    if m is None:
        # the person named nearest before the verb
        for s0, e0, w in reversed(doc.words(max(ss, fallback[0] - 200), fallback[0])):
            if w.lower() in {"he", "she", "they", "who"}:
                m = Mention(s0, e0, "pronoun")
                break
            if w[0].isupper():
                n = doc.name_ending_at(e0)
                if n is not None and n.kind == "person":
                    m = Mention(n.name_start, n.end, "name", n)
                    break
        return _decide(doc, f, m, fallback, "nearest_to_cue", 0.5, True)
    return _decide(doc, f, m, fallback, "sentence_subject", 0.7, True)


# "From the report:", "More from the letter:" opening a sentence (the words after "from").
_FROM_LEAD = re.compile(r"(?:More |more )?[Ff]rom ((?:the|a|an|his|her|their|its) [\w\u2019' -]{1,50})\s*")


def colon_in_sentence(doc: Doc, f: Frame) -> bool:
    """Lavrov on the talks: “We will win.”

    No cue, but the sentence introduces the quote with a colon: the subject before it."""
    lo, hi = f.before
    text = doc.text[lo:hi].rstrip()
    if not text.endswith(":"):
        return False
    colon = lo + len(text) - 1
    # "… – Philip Bump: “…”": the name right before the colon
    n = doc.name_ending_at(len(doc.text[:colon].rstrip()))
    if n is not None and n.start >= lo and not doc.text[n.end:colon].strip(" \u2019's") \
            and doc.text[max(lo, n.start - 6):n.start].split()[-1:] not in (["to"], ["on"], ["at"], ["for"]):
        # (not "… delivered a blunt message to Trump: “…”": the addressee)
        return _decide(doc, f, Mention(n.name_start, n.end, "name", n), None, "colon_in_sentence", 0.7, True)
    # "The board was conclusive in its findings: “…”": the subject of the sentence
    m = _predicate_subject(doc, lo, colon)
    if m is not None:
        return _decide(doc, f, m, None, "colon_in_sentence", 0.7, True)
    # "From the report: “…”", "More from the memo: “…”": a newsletter's lead names the source
    m = _FROM_LEAD.search(doc.text, max(lo, colon - 80), colon)
    if m is not None and m.end() == colon and not doc.text[lo:m.start()].strip(" -\u2013\u2014"):
        return _decide(doc, f, Mention(m.start(1), m.end(1), "np"), None, "colon_in_sentence", 0.6, True)
    found = [n for n in doc.names_between(lo, hi) if n.kind != "organisation"]
    if not found:
        return False
    n = found[0]
    return _decide(doc, f, Mention(n.name_start, n.end, "name", n), None, "colon_in_sentence", 0.7, True)


def trailing_dash(doc: Doc, f: Frame) -> bool:
    """“We will win.” — Sergei Lavrov

    A dash after the quote, then the speaker's name."""
    lo = f.after[0]
    rest = doc.text[lo:f.after[1]].lstrip()
    if not rest.startswith(DASHES):
        return _dash_paragraph_after(doc, f) or _attribution_line_inside(doc, f)
    start = lo + (len(doc.text[lo:f.after[1]]) - len(rest))
    dash = 2 if rest.startswith("--") else 1
    m = doc.subject_after(start + dash, f.after[1])
    if m is None or m.kind == "pronoun" or m.kind == "np" and not _names_a_source(doc, m):
        return False  # “burning the Constitution” - a charge that …
    return _decide(doc, f, m, (start, start + dash), "trailing_dash", 0.8, True)


def _names_a_source(doc: Doc, m) -> bool:
    """A noun phrase after a dash that can be a speaker: its last word a role or title ("— a
    police spokesman"), not a comment on the quote ("— a charge that …")."""
    words = doc.text[m.start:m.end].split()
    last = words[-1].lower().strip(",.;:") if words else ""
    lex = doc.lex
    return last in lex.role_nouns or last in lex.titles or last.rstrip("s") in lex.role_nouns


def _dash_paragraph_after(doc: Doc, f: Frame) -> bool:
    """A paragraph that is only a quotation, then a short paragraph opening with a dash and a
    name: “We will win.” ⏎ — Sergei Lavrov, in Geneva"""
    if f.para + 1 >= len(doc.paragraphs) or not _quote_paragraph(doc, f) \
            or doc.text[f.seg.close_end:doc.paragraphs[f.para][1]].strip():
        return False
    ps, pe = doc.paragraphs[f.para + 1]
    line = doc.text[ps:pe]
    body = line.lstrip()
    if not body.startswith(DASHES) or len(body.split()) > 16:
        return False
    start = ps + len(line) - len(body)
    dash = 2 if body.startswith("--") else 1
    m = doc.subject_after(start + dash, pe)
    if m is None or m.kind != "name":
        return False
    return _decide(doc, f, m, (start, start + dash), "trailing_dash", 0.7, True)


def _attribution_line_inside(doc: Doc, f: Frame) -> bool:
    """A quotation paragraph whose last line, inside the marks, is the speaker's name and role
    (a pull quote): "“We will win in the fall. ⏎ Ann Roe, Center for Policy.”"."""
    text = doc.text
    cut = text.rfind("\n", f.seg.start, f.seg.end)
    if cut < 0 or not _quote_paragraph(doc, f):
        return False
    line = text[cut + 1:f.seg.end].strip()
    if not line[:1].isupper() or len(line.split()) > 14 or line.endswith(("?", "!", ",")) \
            or not text[f.seg.start:cut].rstrip().endswith((".", "?", "!", "\u201d", '"')):
        return False
    start = cut + 1 + (len(text[cut + 1:f.seg.end]) - len(text[cut + 1:f.seg.end].lstrip()))
    m = doc.subject_after(start, f.seg.end)
    if m is None or m.kind == "pronoun" or m.kind == "np" and not _names_a_source(doc, m):
        return False
    comma = text.find(",", start, f.seg.end)
    later = [n for n in doc.names_between(m.end, comma if comma > 0 else f.seg.end) if n.start > m.end]
    if m.kind == "name" and later:
        m = Mention(later[-1].name_start, later[-1].end, "name", later[-1])  # "Former NAACP president X"
    lead = text[start:m.start].split()
    lex = doc.lex
    if len(lead) > 6 or any(not w[:1].isupper() for w in lead) and not (
            lead[-1].lower() in lex.titles or lead[-1].lower() in lex.role_nouns):
        return False  # only a role before the name ("S.C. Rep. Jim Clyburn", "Former council president X")
    return _decide(doc, f, m, None, "trailing_dash", 0.7, True)


def cue_later_in_sentence(doc: Doc, f: Frame) -> bool:
    """“We will win” is what Lavrov told reporters.

    A cue further on in the same sentence."""
    lo = _strip_left(doc, f.after[0], f.after[1])
    cue, n = _tokens_until_cue(doc, lo, f.after[1], limit=40)
    if cue is None:
        return False  # (most quotes: looked at before the quotation's words)
    if _title_like(doc.text[f.seg.start:f.seg.end]):
        return False  # a title ("Fox & Friends,")
    m = None
    if doc.text[:cue[0]].rstrip()[-1:] == ",":
        m = _inverted_subject(doc, cue, f.after[1])  # "…, said David Axelrod, a strategist."
    m = m or doc.subject_before(cue[0], lo) or doc.subject_after(cue[1], f.after[1])
    before = doc.text[f.sent[0]:f.before[1]].rstrip()
    if before and not before.endswith((",", ":", ";", "\u2014", "-", "(")) and not before.endswith(" that"):
        # a quote inside a phrase: only a closing attribution of the whole sentence reports it
        # ("Democrats had “put the biggest crack” in the ceiling, she said.")
        if m is None or "," not in doc.text[f.seg.close_end:min(m.start, cue[0])]:
            return False
        # the sentence ends soon after the verb, or after the speaker and an apposition
        # ("…, said David Axelrod, a former strategist for the campaign.")
        if len(doc.words(cue[1], f.sent[1])) > 10 and not (
                m.start > cue[0] and doc.text[m.end:m.end + 1] == "," and len(doc.words(cue[1], m.start)) <= 2):
            return False
    return _decide(doc, f, m, cue, "cue_later_in_sentence", 0.6, True)


_SMALL_TITLE_WORDS = frozenset("of the and a an in for on to at by with from or".split())


def _title_like(inside: str) -> bool:
    """A short run of capitalised words: "Fox & Friends,", "The Making of Donald Trump"."""
    first = inside[:1]
    if first.isalpha() and not first.isupper():
        return False  # (the first word is not capitalised: "closely interconnected")
    # a quotation is often long: its first nine words decide unless fewer of them have letters
    parts = inside.split(None, 9)
    words = []
    for w in parts[:9]:
        if w[0].isalpha():
            if not (w[0].isupper() or w.lower() in _SMALL_TITLE_WORDS):
                return False  # (most quotations: a lower-case word among the first few)
            words.append(w)
    if len(parts) == 10:
        if len(words) > 8:
            return False
        words = [w for w in inside.split() if w[:1].isalpha()]
        if not all(w[0].isupper() or w.lower() in _SMALL_TITLE_WORDS for w in words):
            return False
    return 0 < len(words) <= 8 and words[0][0].isupper()


def colon_lead(doc: Doc, f: Frame) -> bool:
    """Lavrov told reporters:  ⏎ “We will win.”

    The quote opens a paragraph and the previous paragraph ends with a colon."""
    if f.before[1] - f.before[0] > 2 or f.para == 0:
        return False
    ps, pe = doc.paragraphs[f.para - 1]
    tail = doc.text[ps:pe].rstrip()
    if not tail.endswith(":"):
        return False
    ss, se = doc.sentences.span_at(ps + len(tail) - 1)
    ss = max(ss, ps)
    cues = doc.cues_between(ss, se)
    if cues:
        cue = cues[-1]
        m = doc.subject_before(cue[0], ss) or doc.subject_after(cue[1], se)
        if m is not None:
            return _decide(doc, f, m, cue, "colon_lead", 0.85, True)
    # "President Clinton released the following statement:": the subject of the sentence
    m = _predicate_subject(doc, ss, se)
    if m is not None:
        return _decide(doc, f, m, None, "colon_lead", 0.7, True)
    found = [n for n in doc.names_between(ss, se) if n.kind != "organisation"]
    if found:
        n = found[0]
        return _decide(doc, f, Mention(n.name_start, n.end, "name", n), None, "colon_lead", 0.7, True)
    return False


LOCAL_SIEVES: list[Callable[[Doc, Frame], bool]] = [
    quote_then_cue,
    cue_then_quote,
    trailing_dash,
    quote_then_any_verb,
    colon_in_sentence,
    cue_later_in_sentence,
    colon_lead,
]


# ---------------------------------------------------------------------------- context sieves


def same_paragraph(doc: Doc, f: Frame, frames, attributions) -> bool:
    """“It was a long night.” “We will win,” Lavrov said.  /  Lavrov said so. “We will win.”

    Another quote or a reported-speech cue in the same paragraph decided the speaker: the
    nearest one, earlier ones first."""
    best = None
    pos0 = f.seg.open_at
    siblings = frames.in_para(f.para)
    i = f.index - siblings[0].index  # quotes of a paragraph are consecutive
    # nearest decided neighbours, a bounded number each side
    for g in siblings[i - NEIGHBOURS if i > NEIGHBOURS else 0:i + NEIGHBOURS + 1]:
        if g is f or not g.local:
            continue
        d = pos0 - g.seg.open_at
        key = (0 if d > 0 else 1, abs(d))
        if best is None or key < best[0]:
            best = (key, g.mention, g.cue)
    reports = attributions.in_para(f.para)
    j = bisect_left(attributions.positions(f.para), pos0)
    for pos, mention, cue in reports[j - NEIGHBOURS if j > NEIGHBOURS else 0:j + NEIGHBOURS]:
        if doc.inside_quote(pos):
            continue
        d = pos0 - pos
        key = (0 if d > 0 else 1, abs(d))
        if best is None or key < best[0]:
            best = (key, mention, cue)
    if best is None:
        return False
    return _decide(doc, f, best[1], best[2], "same_paragraph", 0.75, False)


def conversation_turn(doc: Doc, f: Frame, frames: list[Frame], attributions) -> bool:
    """“Are you running?” the reporter asked Lavrov.  ⏎ “No.”

    A bare quote answering a question: the speaker is the one who was asked — the speaker
    before the questioner."""
    prev = [g for g in frames.in_para(f.para - 1) if g.mention is not None]
    if not prev or not _quote_paragraph(doc, f):
        return False
    q = prev[-1]
    inside = doc.text[q.seg.start:q.seg.end].rstrip()
    if not inside.endswith("?"):
        return False
    earlier = [g for p in (q.para - 2, q.para - 1) for g in frames.in_para(p) if g.mention is not None]
    if not earlier:
        return False
    a = earlier[-1]
    if doc.text[a.mention.start:a.mention.end] == doc.text[q.mention.start:q.mention.end]:
        return False
    return _decide(doc, f, a.mention, a.cue, "conversation_turn", 0.5, False)


def _quote_paragraph(doc: Doc, f: Frame) -> bool:
    ps, pe = doc.paragraphs[f.para]
    if f.seg.open_at - ps > 200 or pe - f.seg.close_end > 200:
        return False
    # (the words before first: most paragraphs that are not a quotation have some)
    before = len(doc.text[ps:f.seg.open_at].strip())
    return before <= 3 and before + len(doc.text[f.seg.close_end:pe].strip()) <= 3


def previous_paragraph(doc: Doc, f: Frame, frames: list[Frame], attributions) -> bool:
    """Lavrov spoke for an hour. “We will win,” he said.  ⏎ “And we will win again.”

    A paragraph that is only a quotation continues the speaker of the paragraph before."""
    if f.para == 0 or not _quote_paragraph(doc, f):
        return False
    prev = [g for g in frames.in_para(f.para - 1) if g.mention is not None]
    if prev:
        g = prev[-1]
        return _decide(doc, f, g.mention, g.cue, "previous_paragraph", 0.7, False)
    best = None
    # the paragraph's first report: later ones are often embedded in it ("The party issued a
    # statement …, which included staff members suggesting …")
    for pos, mention, cue in attributions.in_para(f.para - 1)[:1]:
        best = (mention, cue)
    if best is not None:
        return _decide(doc, f, best[0], best[1], "previous_paragraph", 0.6, False)
    return False


def sentence_about_person(doc: Doc, f: Frame, frames, attributions) -> bool:
    """Lavrov arrived in Geneva on Monday.  ⏎ “We will win.”

    A paragraph that is only a quotation, right after a paragraph whose last sentence is
    about one person (that person opens it): that person."""
    if f.para == 0 or not _quote_paragraph(doc, f):
        return False
    ps, pe = doc.paragraphs[f.para - 1]
    ss, se = doc.sentences.span_at(pe - 1)
    ss = max(ss, ps)
    toks = doc.words(ss, min(se, ss + 200))
    if not toks or doc.inside_quote(toks[0][0]):
        return False
    s0, e0, w = toks[0]
    if w.lower() in ("he", "she"):
        return _decide(doc, f, Mention(s0, e0, "pronoun"), None, "sentence_about_person", 0.45, False)
    if w[0].isupper():
        n = doc.name_starting_at(s0)
        if n is not None and n.kind == "person" and n.start == s0:
            people = [x for x in doc.names_between(ss, se) if x.kind == "person" and x.key != n.key]
            if not people:
                return _decide(doc, f, Mention(n.name_start, n.end, "name", n), None,
                               "sentence_about_person", 0.45, False)
    return False


def sentence_subject_predicate(doc: Doc, f: Frame, frames, attributions) -> bool:
    """The ad targets a “corrupt political system”.  /  Gorka also made the point that it
    would be “a third Obama term”.

    No cue in the sentence, but the quote sits in the predicate of a clause whose subject is
    named: that subject."""
    if f.before[1] - f.sent[0] < 6 or doc.cues_between(f.seg.close_end, f.sent[1]):
        return False
    m = _predicate_subject(doc, f.sent[0], f.before[1])
    if m is None or m.end > f.before[1]:
        return False
    return _decide(doc, f, m, None, "sentence_subject_predicate", 0.5, False)


def same_sentence(doc: Doc, f: Frame, frames, attributions) -> bool:
    """Clinton supports “appropriate pay raises,” opposes “…” and said: “…”

    A fragment with no attribution of its own in a sentence whose other quotation has one: the
    same speaker."""
    sibling = f.extra.get("sibling")
    if sibling is None or sibling.mention is None:
        return False
    return _decide(doc, f, sibling.mention, None, "same_sentence", 0.6, False)


CONTEXT_SIEVES = [
    same_sentence,
    sentence_subject_predicate,
    same_paragraph,
    conversation_turn,
    previous_paragraph,
    sentence_about_person,
]

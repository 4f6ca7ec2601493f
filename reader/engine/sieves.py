"""Attribution sieves: small named rules, tried in order, each deciding who said a quote or
passing. The first sieve that decides wins; its name is recorded on the quote (``rule``).

Local sieves look only at the quote's own sentence; context sieves (run once every quote has
had its local chance) borrow a decision from neighbouring quotes and sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reader.engine.doc import QUOTE_CHARS, Doc, Mention
from reader.engine.marks import Segment

DASHES = ("\u2014", "\u2013", "--", "-")


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


def _decide(f: Frame, mention: Mention | None, cue, rule: str, confidence: float, local: bool) -> bool:
    if mention is None:
        return False
    f.mention, f.cue, f.rule, f.confidence, f.local = mention, cue, rule, confidence, local
    return True


def _strip_left(doc: Doc, lo: int, hi: int) -> int:
    text = doc.text
    while lo < hi and (text[lo].isspace() or text[lo] in ",;" or text[lo] in QUOTE_CHARS):
        lo += 1
    return lo


def _tokens_until_cue(doc: Doc, lo: int, hi: int, limit: int = 14):
    """The first speech cue in text[lo:hi] and the number of words before it."""
    cues = doc.cues_between(lo, hi)
    if not cues:
        return None, 0
    cue = cues[0]
    n = len(doc.words(lo, cue[0]))
    if n > limit:
        return None, n
    return cue, n


def _according_to(doc: Doc, cue) -> Mention | None:
    return doc.subject_after(cue[1], cue[1] + 200)


def _is_according(doc: Doc, cue) -> bool:
    return doc.text[cue[0]:cue[1]].lower().startswith("according")


# ---------------------------------------------------------------------------- local sieves


def quote_then_cue(doc: Doc, f: Frame) -> bool:
    """“We will win,” said Lavrov.  /  “We will win,” Lavrov said.  /  “…,” he told reporters.

    The cue follows the quote in the same sentence; the speaker is the verb's subject, before or
    after it."""
    lo = _strip_left(doc, f.after[0], f.after[1])
    hi = f.after[1]
    if lo >= hi and f.index + 1 < len(doc.segments) or lo >= hi:
        # the sentence ended inside the quote: “Are you sure?” Lavrov asked.
        ss, se = doc.sentences.span_at(f.seg.close_end + 1)
        if ss >= f.seg.close_end and doc.paragraph_index(ss) == f.para:
            lo = _strip_left(doc, ss, se)
            hi = se
            nxt = doc.segments[f.index + 1].open_at if f.index + 1 < len(doc.segments) else se
            hi = min(hi, nxt)
            cue, n = _tokens_until_cue(doc, lo, hi, limit=4)
            if cue is None or len(doc.words(cue[1], hi)) > 8:
                return False
            f.after = (f.after[0], hi)
    cue, n = _tokens_until_cue(doc, lo, hi)
    if cue is None:
        return False
    if _is_according(doc, cue):
        return _decide(f, _according_to(doc, cue), cue, "quote_then_cue", 0.9, True)
    if n == 0:
        m = doc.subject_after(cue[1], hi)
        if m is None:
            return False
        return _decide(f, m, cue, "quote_then_cue", 0.95, True)
    m = doc.subject_before(cue[0], lo)
    if m is None or m.start < lo:
        return False
    # the speaker must open the words after the quote: “…,” the senator from Texas said
    if len(doc.words(lo, m.start)) > 2:
        return False
    return _decide(f, m, cue, "quote_then_cue", 0.95, True)


def _inverted_subject(doc: Doc, cue, hi: int) -> Mention | None:
    """"Said Lavrov: ...", "The paradox, says Carl Anthony, historian, is ...": the speaker
    follows the verb when nothing but punctuation or a clause boundary precedes it."""
    text = doc.text
    j = cue[0]
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    prev = text[j - 1] if j > 0 else "\n"
    if prev not in ",:;\n" and prev not in QUOTE_CHARS and j not in doc.sent_starts and prev != "(":
        return None
    m = doc.subject_after(cue[1], hi)
    if m is None or m.end > hi:
        return None
    if prev == ",":
        nxt = text[m.end:m.end + 2].lstrip()
        if nxt and nxt[0] not in ",.;:)\u2014":
            return None
    return m


def _clause_subject(doc: Doc, lo: int, hi: int) -> Mention | None:
    """The first person named (or pronoun) in text[lo:hi], the likely subject of its clause."""
    for s, e, w in doc.words(lo, min(hi, lo + 300))[:12]:
        low = w.lower()
        if low in ("he", "she", "they", "i", "we"):
            return Mention(s, e, "pronoun")
        if w[0].isupper():
            n = doc.name_starting_at(s)
            if n is not None and n.kind != "organisation":
                return Mention(n.name_start, n.end, "name", n)
    return None


def _participle(doc: Doc, cue) -> bool:
    """"saying", "calling": a participle, unless a form of "be" makes it a verb ("was saying")."""
    before = doc.text[max(0, cue[0] - 12):cue[0]].split()
    return not (before and before[-1].lower() in ("was", "were", "is", "are", "been", "be", "am", "keeps", "kept"))


def cue_then_quote(doc: Doc, f: Frame) -> bool:
    """Lavrov said: “We will win.”  /  Lavrov said the talks were “closely interconnected”.

    A cue before the quote in its sentence; the speaker is that verb's subject ("said Lavrov"
    order too: "Added Lavrov: “…”"). With several cues the outermost speaker wins (Lavrov in
    "Lavrov said Kerry called it “a mistake”"), as nested speech belongs to its reporter."""
    ss = f.sent[0]
    hi = f.before[1]
    cues = doc.cues_between(ss, hi)
    if not cues:
        return False
    fallback = None
    for cue in cues:
        if _is_according(doc, cue):
            m = _according_to(doc, cue)
            if m is not None:
                return _decide(f, m, cue, "cue_then_quote", 0.85, True)
            continue
        if doc.text[cue[1] - 3:cue[1]] == "ing" and _participle(doc, cue):
            # "…, saying “…”": the subject of the clause
            m = _clause_subject(doc, ss, cue[0])
        else:
            m = _inverted_subject(doc, cue, hi) or doc.subject_before(cue[0], ss)
        if m is not None and m.end <= hi:
            return _decide(f, m, cue, "cue_then_quote", 0.9, True)
        if fallback is None:
            fallback = cue
    if fallback is None:
        return False
    # "…, saying “…”", "a sign that read “…”": the subject of the sentence
    m = _clause_subject(doc, ss, fallback[0])
    return _decide(f, m, fallback, "sentence_subject", 0.7, True)


def colon_in_sentence(doc: Doc, f: Frame) -> bool:
    """Lavrov on the talks: “We will win.”

    No cue, but the sentence introduces the quote with a colon: the subject before it."""
    lo, hi = f.before
    text = doc.text[lo:hi].rstrip()
    if not text.endswith(":"):
        return False
    found = [n for n in doc.names_between(lo, hi) if n.kind != "organisation"]
    if not found:
        return False
    n = found[0]
    return _decide(f, Mention(n.name_start, n.end, "name", n), None, "colon_in_sentence", 0.7, True)


def trailing_dash(doc: Doc, f: Frame) -> bool:
    """“We will win.” — Sergei Lavrov

    A dash after the quote, then the speaker's name."""
    lo = f.after[0]
    rest = doc.text[lo:f.after[1]].lstrip()
    if not rest.startswith(DASHES):
        return False
    start = lo + (len(doc.text[lo:f.after[1]]) - len(rest))
    dash = 2 if rest.startswith("--") else 1
    m = doc.subject_after(start + dash, f.after[1])
    if m is None or m.kind == "pronoun":
        return False
    return _decide(f, m, (start, start + dash), "trailing_dash", 0.8, True)


def cue_later_in_sentence(doc: Doc, f: Frame) -> bool:
    """“We will win” is what Lavrov told reporters.

    A cue further on in the same sentence."""
    lo = _strip_left(doc, f.after[0], f.after[1])
    cue, n = _tokens_until_cue(doc, lo, f.after[1], limit=40)
    if cue is None:
        return False
    m = doc.subject_before(cue[0], lo) or doc.subject_after(cue[1], f.after[1])
    return _decide(f, m, cue, "cue_later_in_sentence", 0.6, True)


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
            return _decide(f, m, cue, "colon_lead", 0.85, True)
    found = [n for n in doc.names_between(ss, se) if n.kind != "organisation"]
    if found:
        n = found[0]
        return _decide(f, Mention(n.name_start, n.end, "name", n), None, "colon_lead", 0.7, True)
    return False


LOCAL_SIEVES: list[Callable[[Doc, Frame], bool]] = [
    quote_then_cue,
    cue_then_quote,
    trailing_dash,
    colon_in_sentence,
    cue_later_in_sentence,
    colon_lead,
]


# ---------------------------------------------------------------------------- context sieves


def same_paragraph(doc: Doc, f: Frame, frames: list[Frame], attributions) -> bool:
    """“It was a long night.” “We will win,” Lavrov said.  /  Lavrov said so. “We will win.”

    Another quote or a reported-speech cue in the same paragraph decided the speaker: the
    nearest one, earlier ones first."""
    best = None
    for g in frames:
        if g is f or g.para != f.para or not g.local:
            continue
        d = f.seg.open_at - g.seg.open_at
        key = (0 if d > 0 else 1, abs(d))
        if best is None or key < best[0]:
            best = (key, g.mention, g.cue)
    for pos, mention, cue in attributions:
        if doc.paragraph_index(pos) != f.para or doc.inside_quote(pos):
            continue
        d = f.seg.open_at - pos
        key = (0 if d > 0 else 1, abs(d))
        if best is None or key < best[0]:
            best = (key, mention, cue)
    if best is None:
        return False
    return _decide(f, best[1], best[2], "same_paragraph", 0.75, False)


def conversation_turn(doc: Doc, f: Frame, frames: list[Frame], attributions) -> bool:
    """“Are you running?” the reporter asked Lavrov.  ⏎ “No.”

    A bare quote answering a question: the speaker is the one who was asked — the speaker
    before the questioner."""
    prev = [g for g in frames if g.para == f.para - 1 and g.mention is not None]
    if not prev or not _quote_paragraph(doc, f):
        return False
    q = prev[-1]
    inside = doc.text[q.seg.start:q.seg.end].rstrip()
    if not inside.endswith("?"):
        return False
    earlier = [g for g in frames if g.para < q.para and g.mention is not None and g.para >= q.para - 2]
    if not earlier:
        return False
    a = earlier[-1]
    if doc.text[a.mention.start:a.mention.end] == doc.text[q.mention.start:q.mention.end]:
        return False
    return _decide(f, a.mention, a.cue, "conversation_turn", 0.5, False)


def _quote_paragraph(doc: Doc, f: Frame) -> bool:
    ps, pe = doc.paragraphs[f.para]
    outside = len(doc.text[ps:f.seg.open_at].strip()) + len(doc.text[f.seg.close_end:pe].strip())
    return outside <= 3


def previous_paragraph(doc: Doc, f: Frame, frames: list[Frame], attributions) -> bool:
    """Lavrov spoke for an hour. “We will win,” he said.  ⏎ “And we will win again.”

    A paragraph that is only a quotation continues the speaker of the paragraph before."""
    if f.para == 0 or not _quote_paragraph(doc, f):
        return False
    prev = [g for g in frames if g.para == f.para - 1 and g.mention is not None]
    if prev:
        g = prev[-1]
        return _decide(f, g.mention, g.cue, "previous_paragraph", 0.7, False)
    ps, pe = doc.paragraphs[f.para - 1]
    best = None
    for pos, mention, cue in attributions:
        if ps <= pos < pe:
            best = (mention, cue)
    if best is not None:
        return _decide(f, best[0], best[1], "previous_paragraph", 0.6, False)
    return False


def sentence_about_person(doc: Doc, f: Frame, frames: list[Frame], attributions) -> bool:
    """Lavrov arrived in Geneva on Monday. “We will win.”

    A quotation standing alone after a sentence about one person: that sentence's subject."""
    si = doc.sentences.index(f.sent[0])
    for back in (1, 2):
        if si - back < 0:
            break
        ss, se = doc.sentences.spans[si - back]
        if doc.paragraph_index(ss) < f.para - 1:
            break
        toks = doc.words(ss, min(se, ss + 200))
        for k, (s, e, w) in enumerate(toks[:6]):
            if doc.inside_quote(s):
                break
            low = w.lower()
            if low in ("he", "she"):
                return _decide(f, Mention(s, e, "pronoun"), None, "sentence_about_person", 0.45, False)
            if w[0].isupper():
                n = doc.name_starting_at(s)
                if n is not None and n.kind == "person":
                    return _decide(f, Mention(n.name_start, n.end, "name", n), None,
                                   "sentence_about_person", 0.45, False)
    return False


CONTEXT_SIEVES = [
    same_paragraph,
    conversation_turn,
    previous_paragraph,
    sentence_about_person,
]

"""Reported speech without quotation marks: "Lavrov said (that) the talks went well",
"The talks went well, Lavrov said", "according to the United Nations, ...".
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.engine.doc import Doc, Mention

# Verbs that introduce reported speech (a clause), by base form; other cues ("called",
# "praised") take a noun phrase and report nothing.
REPORTING = frozenset(
    """say tell add argue claim insist note explain warn believe think suggest predict acknowledge
    admit concede contend maintain assert stress emphasize emphasise allege announce declare state
    report write testify confirm deny promise vow hope fear worry know feel agree complain recall
    reveal estimate reply respond counter caution conclude speculate assure remind reiterate
    repeat tweet post boast observe remark comment disclose""".split()
)
OBJECT_VERBS = frozenset("tell assure remind warn inform".split())
_IRREGULAR = {"said": "say", "says": "say", "saying": "say", "told": "tell", "tells": "tell",
              "telling": "tell", "wrote": "write", "written": "write", "writes": "write",
              "writing": "write", "thought": "think", "thinks": "think", "felt": "feel",
              "knew": "know", "known": "know", "denied": "deny", "denies": "deny",
              "replied": "reply", "replies": "reply", "testified": "testify", "testifies": "testify",
              "worried": "worry", "worries": "worry", "admitted": "admit", "admits": "admit"}


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


@dataclass(slots=True)
class Reported:
    span: tuple[int, int]
    mention: Mention
    cue: tuple[int, int]
    rule: str
    confidence: float


def _has_mark(doc: Doc, lo: int, hi: int) -> bool:
    for i, seg in enumerate(doc.segments):
        if seg.open_at < hi and seg.close_end > lo:
            return True
    return False


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    text = doc.text
    while lo < hi and (text[lo].isspace() or text[lo] in ",;:"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ".,;:"):
        hi -= 1
    return lo, hi


def find(doc: Doc, frames) -> list[Reported]:
    used = {f.cue for f in frames if f.cue is not None}
    marks = [(f.seg.open_at, f.seg.close_end) for f in frames]
    out: list[Reported] = []
    text = doc.text

    def marked(lo: int, hi: int) -> bool:
        return any(a < hi and b > lo for a, b in marks)

    for cue in doc.cues:
        if cue in used:
            continue
        ss, se = doc.sentences.span_at(cue[0])
        word = text[cue[0]:cue[1]]
        if word.lower().startswith("according"):
            m = doc.subject_after(cue[1], se)
            if m is None:
                continue
            comma = text.find(",", m.end, se)
            if cue[0] - ss < 3:  # "According to X, CONTENT."
                if comma < 0:
                    continue
                lo, hi = _trim(doc, comma + 1, se)
            elif se - m.end < 4:  # "CONTENT, according to X."
                lo, hi = _trim(doc, ss, cue[0])
            else:  # "CONTENT, according to X, CONTENT."
                if comma < 0:
                    continue
                lo, hi = _trim(doc, comma + 1, se)
            if hi - lo > 10 and not marked(lo, hi):
                out.append(Reported((lo, hi), m, cue, "according_to", 0.7))
            continue
        if base_form(word) not in REPORTING:
            continue
        subject = doc.subject_before(cue[0], ss)
        toks = doc.words(cue[1], se)
        if subject is not None:
            # "Lavrov said (that) CONTENT"
            if not toks:
                continue
            k = 0
            that = None
            for j, (s, e, w) in enumerate(toks[:9]):
                if w.lower() == "that":
                    that = j
                    break
                if w in (",", ";", ":", ".") or w in ("''", '"', "\u201c", "\u201d"):
                    break
            if that is not None:
                k = that + 1
            elif base_form(word) in OBJECT_VERBS:
                # "told reporters CONTENT" / "told CNN CONTENT"
                if len(toks) > 1 and (toks[0][2][0].isupper() or toks[0][2].lower() in
                                      ("reporters", "him", "her", "them", "me", "us", "voters")):
                    k = 1
                    while k < len(toks) and toks[k][2][0].isupper():
                        k += 1
                else:
                    continue
            else:
                w0 = toks[0][2]
                if not w0[0].isalnum() or w0.lower() in ("in", "on", "at", "during", "to", "of", "for",
                                                          "about", "with", "as", "by", "from", "after",
                                                          "before", "so", "yes", "no", "it", "this"):
                    continue
            if k >= len(toks):
                continue
            lo, hi = _trim(doc, toks[k][0], se)
            if marked(lo, hi) or hi - lo < 12 or len(text[lo:hi].split()) < 3:
                continue
            # a trailing attribution of another quote ("..., he said.") ends the content
            out.append(Reported((lo, hi), subject, cue, "speaker_verb_content", 0.6))
            continue
        # "CONTENT, Lavrov said." / "CONTENT, said Lavrov."
        before = text[ss:cue[0]].rstrip()
        if before.endswith(",") and len(before.split()) >= 4:
            m = doc.subject_after(cue[1], se)
            if m is None:
                continue
            lo, hi = _trim(doc, ss, ss + len(before))
            if not marked(lo, hi) and hi - lo > 12:
                out.append(Reported((lo, hi), m, cue, "content_verb_speaker", 0.6))
            continue
        # subject between the comma and the verb: "CONTENT, Lavrov said"
    # inverted with the subject before the verb: handled by the subject finder when the clause
    # ends in a comma
    result = []
    for r in out:
        ss, _ = doc.sentences.span_at(r.cue[0])
        result.append(r)
    _inverted(doc, result, used, marked)
    result.sort(key=lambda r: r.span[0])
    return result


def _inverted(doc: Doc, out: list[Reported], used, marked) -> None:
    """"The talks went well, Lavrov said." — the clause before the comma is the content."""
    text = doc.text
    have = {r.cue for r in out}
    for cue in doc.cues:
        if cue in used or cue in have:
            continue
        word = text[cue[0]:cue[1]]
        if base_form(word) not in REPORTING:
            continue
        ss, se = doc.sentences.span_at(cue[0])
        subject = doc.subject_before(cue[0], ss)
        if subject is None:
            continue
        head = text[ss:subject.start].rstrip()
        if not head.endswith(",") or len(head.split()) < 4:
            continue
        tail = text[cue[1]:se].strip().rstrip(".")
        if len(tail.split()) > 6:
            continue
        lo, hi = _trim(doc, ss, ss + len(head))
        if not marked(lo, hi) and hi - lo > 12:
            out.append(Reported((lo, hi), subject, cue, "content_speaker_verb", 0.6))

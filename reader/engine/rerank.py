"""Candidate speakers of a quotation, for arbitration between what the sieves propose.

Every sieve picks one mention; other mentions of the quote's sentence and its neighbourhood
could have been picked by another rule (the nearest subject of a speech verb, the outer reporter,
the speaker of the previous quote, ...). This module lists them, each with the sources that
propose it, so a scorer can choose among them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from reader.engine import sieves as sv
from reader.engine.doc import QUOTE_CHARS, Doc, Mention

PRONOUNS = frozenset("he she they i we who".split())
# The quotations the scorer looks at: those no sieve decided, and those of `same_paragraph`,
# where cross-validation showed it choosing better than the sieve. Elsewhere it broke even, or
# (cue_then_quote) gained too little for what it cost in speed.
SCORED_RULES = frozenset(("", "same_paragraph"))
# The weights are fitted on those and on the contested decisions of cue_then_quote too (more
# examples of the same choices).
TRAINED_RULES = SCORED_RULES | {"cue_then_quote"}
RULE = "speaker_scorer"
_PRONOUN = re.compile(r"(?<![\w\u2019'\-])(?i:he|she|they|i|we|who)(?![\w\u2019'\-])")


@dataclass(slots=True)
class Cand:
    mention: Mention
    cue: tuple[int, int] | None
    tags: set = field(default_factory=set)
    cue_of: list = field(default_factory=list)  # (cue, how): the cues this mention is a subject of


def contested(doc: Doc, f) -> bool:
    """Could another candidate be the speaker? A quotation no sieve decided; one attributed by a
    cue with another cue between it and the quote ("Roe said Lee called it “…”"); one that
    borrowed its speaker from a neighbour although its own sentence has words of its own."""
    if f.mention is None:
        return True
    if f.rule == "cue_then_quote":
        cue = f.cue
        if cue is None:
            return False
        if cue[1] <= f.seg.open_at:
            lo, hi = cue[1], f.seg.open_at
        else:
            lo, hi = f.seg.close_end, cue[0]
        return any(not doc.inside_quote(c[0]) for c in doc.cues_between(lo, hi))
    if f.rule == "same_paragraph":
        text = doc.text
        return any(ch.isalpha() for ch in text[f.before[0]:f.before[1]]) or \
            any(ch.isalpha() for ch in text[f.after[0]:f.after[1]])
    return False


def candidates(doc: Doc, f, frames) -> list[Cand]:
    """The mentions that could be the speaker of frame ``f``."""
    out: list[Cand] = []
    text = doc.text

    def add(m: Mention | None, tag: str, cue=None):
        if m is None or m.end <= m.start:
            return
        for c in out:
            if c.mention.start < m.end and m.start < c.mention.end:
                c.tags.add(tag)
                if cue is not None:
                    c.cue_of.append((cue, tag))
                    if c.cue is None:
                        c.cue = cue
                return
        c = Cand(m, cue, {tag})
        if cue is not None:
            c.cue_of.append((cue, tag))
        out.append(c)

    if f.mention is not None:
        add(f.mention, "sieve", f.cue)
    ss, se = f.sent
    # subjects of the speech cues of the sentence
    for cue in doc.cues_between(ss, se):
        if doc.inside_quote(cue[0]):
            continue
        if sv._is_according(doc, cue):
            add(sv._according_to(doc, cue), "according", cue)
            continue
        if text[cue[1] - 3:cue[1]] == "ing":
            add(sv._clause_subject(doc, ss, cue[0]), "participle", cue)
        add(doc.subject_before(cue[0], ss), "subj_before", cue)
        inv = sv._inverted_subject(doc, cue, se)
        add(inv, "inverted", cue)
        add(doc.subject_after(cue[1], se), "subj_after", cue)
    add(sv._clause_subject(doc, ss, f.seg.open_at), "clause_subject")
    add(sv._predicate_subject(doc, ss, f.seg.open_at), "predicate_subject")
    # the subject of the sentence before (a quote that follows a sentence about its speaker)
    if ss > 0:
        ps, pe = doc.sentences.span_at(ss - 1)
        if ps < ss:
            add(sv._clause_subject(doc, ps, min(pe, ss)), "prev_subject")
            for n in doc.names_between(ps, min(pe, ss)):
                # (a lone capitalised word opening a line may be any word: "Fill in the gaps.")
                if not doc.inside_quote(n.start) and not (n.start in doc.sent_starts and " " not in text[n.name_start:n.end]):
                    add(Mention(n.name_start, n.end, "name", n), "prev_name")
    # names and pronouns of the sentence, outside quotations
    for n in doc.names_between(ss, se):
        if doc.inside_quote(n.start):
            continue
        add(Mention(n.name_start, n.end, "name", n), "name")
    for m in _PRONOUN.finditer(text, ss, se):
        if not doc.inside_quote(m.start()):
            add(Mention(m.start(), m.end(), "pronoun"), "pronoun")
    # speakers of neighbouring quotations
    prev = next_ = None
    for g in frames.in_para(f.para - 1) + frames.in_para(f.para):
        if g is f or g.mention is None:
            continue
        if g.index < f.index:
            prev = g
        elif next_ is None and g.index > f.index and g.para == f.para:
            next_ = g
    if prev is not None:
        add(prev.mention, "prev_quote", prev.cue)
    if next_ is not None:
        add(next_.mention, "next_quote", next_.cue)
    return out


# ---------------------------------------------------------------------------- features

_CLAUSE_WORDS = frozenset("who which that when as while because if after before since although though where whom".split())
_PREPS = frozenset(
    """in on at by for from of to with about after before during under over into onto upon through across
    against among between without within via per than like near""".split())
_DETS = frozenset("the a an this that these those his her its their our my your one some another".split())
_CUE_CLASS = {"say": "say", "says": "say", "said": "say", "saying": "say",
              "tell": "tell", "tells": "tell", "told": "tell", "telling": "tell",
              "write": "write", "writes": "write", "wrote": "write", "written": "write", "writing": "write",
              "ask": "ask", "asks": "ask", "asked": "ask", "asking": "ask",
              "add": "add", "adds": "add", "added": "add", "adding": "add",
              "call": "call", "calls": "call", "called": "call", "calling": "call",
              "tweet": "write", "tweets": "write", "tweeted": "write", "tweeting": "write"}


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else \
        "6-10" if n <= 10 else "11-20" if n <= 20 else "21+"


def _nwords(text: str, lo: int, hi: int) -> int:
    """The words of text[lo:hi], counted up to 22 (more is more than _bucket tells apart): a gap
    may be a long sentence, and its words are not all made into strings."""
    return len(text[lo:hi].split(None, 21)) if hi > lo else 0


def _prev_word(text: str, pos: int) -> str:
    j = pos
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    if j == 0 or text[j - 1] == "\n":
        return "^"
    ch = text[j - 1]
    if not (ch.isalnum() or ch in "'\u2019"):
        return ch
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'\u2019-"):
        k -= 1
    return text[k:j].lower()


def _word_class(w: str, sent_start: bool = False) -> str:
    if w == "^" or sent_start:
        return "start"
    if w in ",;:":
        return w
    if w in QUOTE_CHARS or w == "'":
        return "mark"
    if w in ("(", ")", "\u2014", "\u2013", "-"):
        return "paren"
    if w in _PREPS:
        return "prep"
    if w in _CLAUSE_WORDS:
        return "clause"
    if w in ("and", "but", "or"):
        return "conj"
    if w in _DETS:
        return "det"
    if w.endswith(("'s", "\u2019s")):
        return "poss"
    if not w[:1].isalpha():
        return "punct"
    return "word"


def _kind(doc: Doc, m: Mention) -> str:
    if m.kind == "pronoun":
        w = doc.text[m.start:m.end].lower()
        return "pron_" + ("hs" if w in ("he", "she") else "iwe" if w in ("i", "we") else w if w in ("they", "who") else "other")
    if m.kind == "name":
        n = m.name
        if n is None:
            return "name_bare"
        ent = doc.entities.get(doc.owner.get(n.name_start, ""))
        kind = n.kind if ent is None or n.kind != "unknown" else ent.kind
        return "name_" + kind
    return "np"


def features(doc: Doc, f, cands: list[Cand], speaker_counts: dict | None = None) -> list[list[str]]:
    """Generic features of each candidate: where it is relative to the quote, what kind of
    mention it is, which sources propose it, and the speech verb it is the subject of."""
    text = doc.text
    q0, q1 = f.seg.open_at, f.seg.close_end
    ss, se = f.sent
    inside = text[f.seg.start:f.seg.end].strip()
    nq = len(inside.split())
    qk = "block" if f.seg.is_block else "partial" if (inside[:1].islower() or f.before[1] - ss > 1
                                                      and text[f.before[1] - 2:f.before[1]].strip()[-1:].isalnum()) else "direct"
    ql = "1-3" if nq <= 3 else "4-9" if nq <= 9 else "10+"
    # order of the candidates on each side of the quote, nearest first
    before = sorted((c for c in cands if c.mention.end <= q0), key=lambda c: -c.mention.end)
    after = sorted((c for c in cands if c.mention.start >= q1), key=lambda c: c.mention.start)
    rank = {id(c): i for i, c in enumerate(before)}
    rank.update({id(c): i for i, c in enumerate(after)})
    seg_opens = doc.seg_opens
    cue_info: dict = {}
    infos = []
    out = []
    for c in cands:
        m = c.mention
        feats = []
        kind = _kind(doc, m)
        if m.end <= q0:
            side = "before" if m.start >= ss else "prev_sent"
            gap = (m.end, q0)
        elif m.start >= q1:
            side = "after" if m.end <= se else "next_sent"
            gap = (q1, m.start)
        else:
            side = "inside"
            gap = (q0, q0)
        if side in ("prev_sent", "next_sent") and doc.paragraph_index(m.start) != f.para:
            side += "_para"
        d = _bucket(_nwords(text, *gap))
        r = min(rank.get(id(c), 3), 3)
        # another quotation between the candidate and this one
        k = bisect_left(seg_opens, gap[0])
        between = k < len(seg_opens) and seg_opens[k] < gap[1]
        pw = _word_class(_prev_word(text, m.start), m.start in doc.sent_starts)
        nxt = text[m.end:m.end + 2].lstrip()[:1]
        nw = "," if nxt == "," else "mark" if nxt in QUOTE_CHARS else "paren" if nxt in "()\u2014" else \
            "." if nxt in ".:;" else "word"
        base = [f"k={kind}", f"side={side}", f"d={d}", f"rank={side}{r}", f"pw={pw}", f"nw={nw}",
                f"btw={between}"]
        for t in c.tags:
            base.append("t=" + t)
        if "sieve" in c.tags:
            base.append("sieve=" + (f.rule or "none"))
        cinfo = None
        if c.cue_of:
            # the cue of this mention nearest the quote
            cue, how = min(c.cue_of, key=lambda ch: q0 - ch[0][1] if ch[0][1] <= q0 else ch[0][0] - q1 if ch[0][0] >= q1 else 0)
            cinfo = cue_info.get(cue)
            if cinfo is None:
                cinfo = cue_info[cue] = _cue_info(doc, cue, q0, q1, ss, se)
            base += [f"cue={cinfo[0]}", f"cside={cinfo[1]}", f"cd={cinfo[2]}", f"chow={how}", f"ncb={cinfo[3]}"]
        else:
            base.append("nocue")
        infos.append((kind, side, d, r, cinfo))
        if speaker_counts is not None and m.kind == "name" and m.name is not None:
            key = doc.owner.get(m.name.name_start)
            base.append(f"spk={min(speaker_counts.get(key, 0), 3)}")
        base += (f"{kind}|{side}", f"{kind}|{side}|{d}", f"{side}|{r}|{qk}", f"{ql}|{kind}")
        out.append(base)
    # each candidate against the sieve's choice
    si = next((i for i, c in enumerate(cands) if "sieve" in c.tags), None)
    if si is not None:
        sk, sside, sd, sr, sc = infos[si]
        sdesc = f"{sside}{sr}" + (f"{sc[1]}{sc[3]}{sc[0]}" if sc else "-")
        for i, (kind, side, d, r, ci) in enumerate(infos):
            if i == si:
                continue
            desc = f"{side}{r}" + (f"{ci[1]}{ci[3]}{ci[0]}" if ci else "-")
            out[i].append(f"vs|{sdesc}|{desc}")
            out[i].append(f"vsk|{sk}|{kind}")
            out[i].append(f"vsp|{sside}{sr}|{side}{r}")
    else:
        for feats in out:
            feats.append("nosieve")
    return out


def _cue_info(doc: Doc, cue, q0: int, q1: int, ss: int, se: int) -> tuple:
    """(verb class, side of the quote, words between, other cues between (0, 1, 2+))."""
    text = doc.text
    cw = text[cue[0]:cue[1]].lower().split()[0]
    cls = _CUE_CLASS.get(cw, "ing" if cw.endswith("ing") else "acc" if cw == "according" else "other")
    if cue[1] <= q0:
        side, gap = "b", (cue[1], q0)
    elif cue[0] >= q1:
        side, gap = "a", (q1, cue[0])
    else:
        side, gap = "i", (q0, q0)
    n = sum(1 for cc in doc.cues_between(gap[0], gap[1]) if not doc.inside_quote(cc[0]))
    return cls, side, _bucket(_nwords(text, *gap)), min(n, 2)


def score(weights: dict, feats: list[str]) -> float:
    get = weights.get
    return sum(get(x, 0.0) for x in feats)


def speaker_counts(doc: Doc, frames) -> dict:
    """How many quotations each named entity was chosen for by the sieves."""
    counts: dict = {}
    for g in frames:
        m = g.mention
        if m is not None and m.kind == "name" and m.name is not None:
            key = doc.owner.get(m.name.name_start)
            counts[key] = counts.get(key, 0) + 1
    return counts


WEIGHTS_PATH = Path(__file__).with_name("data") / "speaker_weights.tsv"


def write_weights(w: dict, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write("# Weights of the speaker scorer (feature<TAB>weight), written by tools/train_speaker.py.\n")
        for x in sorted(w):
            out.write(f"{x}\t{w[x]:.6f}\n")


_WEIGHTS: dict | None = None


def load_weights(path: Path = WEIGHTS_PATH) -> dict:
    global _WEIGHTS
    if _WEIGHTS is None:
        w = {}
        if path.exists():
            with open(path, encoding="utf-8") as src:
                for line in src:
                    if line.startswith("#") or "\t" not in line:
                        continue
                    x, v = line.rstrip("\n").split("\t")
                    w[x] = float(v)
        _WEIGHTS = w
    return _WEIGHTS


def apply(doc: Doc, frames, weights: dict, skip) -> None:
    """Give each quotation the best-scoring candidate speaker."""
    if not weights:
        return
    counts = None
    margin = weights.get("__margin__", 0.0)
    for f in frames:
        if f.rule not in SCORED_RULES or not contested(doc, f) or skip(f):
            continue
        if counts is None:
            counts = speaker_counts(doc, frames)
        cands = candidates(doc, f, frames)
        if len(cands) < 2 and (not cands or f.mention is not None):
            continue
        feats = features(doc, f, cands, counts)
        best, best_s, sieve_s = None, None, None
        for c, fs in zip(cands, feats):
            s = score(weights, fs)
            if best_s is None or s > best_s + 1e-12:
                best, best_s = c, s
            if "sieve" in c.tags:
                sieve_s = s
        if sieve_s is not None and best_s - sieve_s <= margin:
            continue
        if f.mention is None or (best.mention.start, best.mention.end) != (f.mention.start, f.mention.end):
            f.mention = best.mention
            f.cue = best.cue if best.cue is not None else f.cue
            f.rule = f"{f.rule}+{RULE}" if f.rule else RULE
            f.confidence = 0.4 if f.confidence == 0.0 else 0.6

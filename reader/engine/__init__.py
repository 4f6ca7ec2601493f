"""The quote engine: ``analyze(article) -> Analysis``. Pure Python; never imports Textual or Rich.

Pipeline: quotation marks -> sentences -> names and entities -> speech cues -> ordered sieves
(see :mod:`reader.engine.sieves`) -> speakers and people -> reported (indirect) speech.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections.abc import Callable
from functools import partial
from operator import attrgetter, itemgetter

from reader.engine import indirect as _indirect
from reader.engine import names as _names
from reader.engine import rerank as _rerank
from reader.engine import speakers as _speakers
from reader.engine.doc import Doc
from reader.engine.lexicon import Lexicon
from reader.engine.names import singular_title
from reader.engine.sieves import CONTEXT_SIEVES, LOCAL_SIEVES, ByParagraph, Frame, _is_according, _quote_paragraph
from reader.engine.speakers import Resolver
from reader.model import Analysis, Article, Entity, Quote, Span, Term, positional_maker

__all__ = ["analyze", "forget_memos", "Lexicon", "SIEVES"]

SIEVES = [s.__name__ for s in LOCAL_SIEVES + CONTEXT_SIEVES]

_CACHES: dict[int, dict] = {}
# How far (characters) the sieves look around a quotation for its cue and speaker.
FRAME_REACH = 600


def _line_of(text: str, span: Span) -> tuple[int, int]:
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return start, len(text) if end < 0 else end


def _frames(doc: Doc) -> list[Frame]:
    frames = []
    segs = doc.segments
    span_at, paragraph_index = doc.sentences.span_at, doc.paragraph_index
    last = len(segs) - 1
    prev_close = -1  # (no quotation before the first)
    # Here and in the tests run for every quotation or name below, bounds are taken by
    # comparisons rather than min() and max(): a call of either costs over ten times as much
    # (it parses its keyword arguments every time).
    for i, seg in enumerate(segs):
        open_at, close_end = seg.open_at, seg.close_end
        ss, se = span_at(open_at)
        if seg.paragraphs > 1:  # (a block quote: its sentence ends where the quote does)
            se = span_at(close_end - 1 if close_end - 1 > open_at else open_at)[1]
        # a frame looks a bounded distance around its quote (linear time on run-on text)
        if ss < open_at - FRAME_REACH:
            ss = open_at - FRAME_REACH
        if se < close_end:
            se = close_end
        elif se > close_end + FRAME_REACH:
            se = close_end + FRAME_REACH
        # the words before and after stop at the quotations next to it in the sentence
        lo = prev_close if ss < prev_close <= open_at else ss
        hi = se
        if i < last and close_end <= segs[i + 1].open_at < se:
            hi = segs[i + 1].open_at
        frames.append(Frame(seg, i, paragraph_index(open_at), (ss, se), (lo, open_at), (close_end, hi)))
        prev_close = close_end
    return frames


# Words counted in a quotation by the tests of its kind (split no further: quotations are long).
_COUNTED_WORDS = 7


def _kind(doc: Doc, f: Frame) -> str:
    if f.seg.is_block:
        return "block"
    # (read in place: a quotation and the words before it are long, and most quotations are
    # told by their first character and the last one before them)
    text, start, end = doc.text, f.seg.start, f.seg.end
    while start < end and text[start] in " \u2026.[(\"'\u2018":
        start += 1
    if start == end or text[start].islower():
        return "partial"
    lo, j = f.before
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j > lo and (text[j - 1].isalnum() or text[j - 1] in "\u2019'") \
            and len(text[start:end].split(None, _COUNTED_WORDS)) <= 6:
        return "partial"
    return "direct"


_SMALL_WORDS = frozenset("of the and a an in for on to at by with from or but".split())


# Words before a quoted title of a work: "on CNN's “New Day”", "the book “An American Son”".
WORK_WORDS = frozenset(
    """on show program programme book podcast film movie documentary song album column magazine
    series episode titled entitled newsletter memoir novel biography play musical sitcom""".split())
# Nouns whose "of" phrase names a work: "the author of “Destiny and Power”", "to the tune of “…”".
WORK_OF_WORDS = WORK_WORDS | frozenset(
    "author co-author coauthor editor co-editor host hosts anchor tune title edition".split())


# "Latin for “…”": a translation of words just quoted, no one's words.
LANGUAGES = frozenset(
    """latin greek english spanish french german italian portuguese dutch polish russian ukrainian
    arabic hebrew yiddish persian farsi turkish hindi urdu chinese mandarin cantonese japanese
    korean swahili""".split())
_TRANSLATION = re.compile(r"([A-Z][a-z]+) for\W{0,3}$")


# After a closing mark, what makes a quotation a title or a label: a role in a show before a
# name ("“Broad City” star Ilana Glazer"); a byline (", by Jan Roe" / " by Jan Roe", the comma
# may be inside the marks); a year in parentheses, alone or ending a short label ("“Jaws” (1975)",
# "“No to Schengen” (2005) — “…” (2007)", "“…” (election poster, 2003)"). One match for the three
# (they differ in what follows the first space, so at most one matches); its group tells which.
_AFTER_CLOSE = re.compile(
    r"(,?[ \u00a0]+(?:star|co-star|host|co-host|creator|actor|actress|anchor|showrunner)[ \u00a0]+[A-Z])"
    r"|(,? by (?:[A-Z]|the [A-Z]|The [A-Z]))"
    r"|([,.]?[ \u00a0]\((?:[^()\n]{0,50}[ ,])?(?:1[89]|20)\d\d\))")
_CAST_ROLE, _BYLINE, _DATED_LABEL = 1, 2, 3


def _title_reason(doc: Doc, f: Frame) -> str | None:
    """Why a quotation is no one's words, or None: the title of a work, a translation, a heading
    or a dated label (tested in that order, the first found is the reason)."""
    after = _AFTER_CLOSE.match(doc.text, f.seg.close_end)
    follows = after.lastindex if after is not None else 0
    if _named_work(doc, f, follows):
        return "title"
    if _translation(doc, f):
        return "translation"
    if _heading(doc, f):
        return "heading"
    # a quotation dated by a year in parentheses right after it: a caption, a slogan or a
    # title shown with its year, not words spoken in the story
    return "label" if follows == _DATED_LABEL else None


def _named_work(doc: Doc, f: Frame, follows: int) -> bool:
    """A short run of capitalised words after a possessive or a word that names a work ("ABC's
    “This Week”", "his 2012 book, “An American Son”"), or before a role in it and a name ("“Orange
    Is the New Black” star Jo Roe"): a title, not a quotation. ``follows`` tells what the
    closing mark is followed by (see _AFTER_CLOSE)."""
    if follows == _CAST_ROLE:
        inside = doc.text[f.seg.start:f.seg.end].strip(" ,")
        words = inside.split()
        if 0 < len(words) <= 8 and words[0][0].isupper() and words[-1][0].isupper():
            return True
    if follows == _BYLINE:
        # (a title quoted inside the headline may open or close it: "“‘Hamilton’ to play Chicago,”")
        head = doc.text[f.seg.start:f.seg.end].strip().strip("'\u2018\u2019")
        if (head.endswith(",") or doc.text[f.seg.close_end] == ",") and head[:1].isupper():
            return True  # a headline and its byline: "“Met accused of whitewashing,” by Jan Roe"
    end = f.before[1]
    before = doc.text[end - 40 if end - 40 > f.sent[0] else f.sent[0]:end].rstrip(" ,:\u00a0")
    parts = before.rsplit(None, 1)  # (none when it is all white space)
    last = parts[-1] if parts else ""
    low = last.lower()
    if low == "of":
        words = before.rsplit(None, 2)
        low = words[-2].lower() if len(words) == 3 else ""
        if low not in WORK_OF_WORDS:
            return False
    elif not (low in WORK_WORDS or low[-2:] in {"'s", "\u2019s"}):
        return False
    inside = doc.text[f.seg.start:f.seg.end].strip()
    words = [w for w in inside.split() if w[:1].isalpha()]
    return 0 < len(words) <= 8 and words[0][0].isupper() \
        and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


# Between two quoted titles of a list: "“The View” and “The Late Show”", "“Apollo 13,” and “…”",
# "from “Queen Nancy” to “Bag Lady”" (a comma may stand inside the first one's marks).
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|to)\s+)?")


def _title_run(doc: Doc, inside: str) -> bool:
    """A short run of capitalised words (small words aside): "The Late Show With Stephen Colbert";
    not a nickname led by an honorific ("“Miss Piggy” and “Miss Housekeeping”")."""
    words = [w for w in inside.split() if w[:1].isalnum()]
    return 0 < len(words) <= 8 and words[0][0].isupper() and not inside.endswith(("?", "!")) \
        and words[0].lower() not in doc.lex.honorifics \
        and all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words)


def _listed_titles(doc: Doc, frames: list[Frame]) -> None:
    """Quoted runs of capitalised words listed together in a sentence are titles, not quotations
    ("had roles in “How the Grinch Stole Christmas,” “Apollo 13,” and “Austin Powers”")."""
    text = doc.text
    for a, b in zip(frames, frames[1:]):
        if a.sent != b.sent or a.seg.is_block or b.seg.is_block:
            continue
        m = _LIST_JOIN.match(text, a.seg.close_end, b.seg.open_at)
        if m.end() != b.seg.open_at:
            continue
        first = text[a.seg.start:a.seg.end].strip()
        if not m.group().strip() and not first.endswith(","):
            continue  # "“Yes.” “No.”": two quotations side by side, no list
        if _title_run(doc, first) and _title_run(doc, text[b.seg.start:b.seg.end].strip()):
            a.extra["title"] = b.extra["title"] = "title"


def _heading(doc: Doc, f: Frame) -> bool:
    """A quotation that is a heading or a label, not anyone's words: a paragraph of its own in
    capitals ("“DIVISIVE, STUPID AND WRONG”" between two paragraphs of a story), or a word or two
    ending in a colon ("“Related:”")."""
    text, start, end = doc.text, f.seg.start, f.seg.end
    # (the first lower-case letter ends the test: most quotations have one early, often the
    # second character; read in place, not copied, when the quotation neither starts nor ends
    # with white space nor ends with a colon)
    if end - start >= 2 and (text[start + 1].islower() or text[start].islower()) \
            and not text[start].isspace() and not text[end - 1].isspace() and text[end - 1] != ":":
        return False
    inside = text[start:end].strip()
    if inside.endswith(":"):
        return len(inside.split(None, 2)) <= 2  # a label: "“Related:”", "“Update:”"
    if inside[1:2].islower() or inside[:1].islower():
        return False
    return not any(ch.islower() for ch in inside) and any(ch.isupper() for ch in inside) \
        and len(inside.split(None, 1)) == 2 and _quote_paragraph(doc, f) \
        and not doc.text[f.seg.close_end:doc.paragraphs[f.para][1]].strip()


def _translation(doc: Doc, f: Frame) -> bool:
    """A quotation right after "Latin for", "Russian for": "“Do svidaniya!” - Russian for “goodbye.”"."""
    hi = f.before[1]
    lo = hi - 30 if hi - 30 > f.sent[0] else f.sent[0]
    if " for" not in doc.text[hi - 8 if hi - 8 > lo else lo:hi]:
        return False  # (the pattern's " for" ends at most four characters before the end)
    m = _TRANSLATION.search(doc.text, lo, hi)
    return m is not None and m.group(1).lower() in LANGUAGES


def _no_words(inside: str) -> bool:
    """Marks around no letter or digit: never a quotation, whatever stands next to them."""
    # (most quotations start with a letter: the first test spares them the generator)
    return not (inside[:1].isalnum() or any(ch.isalnum() for ch in inside))


def _is_term(doc: Doc, f: Frame) -> str | None:
    """Scare quotes, titles, nicknames: short, not attributed by the quote's own sentence."""
    inside = doc.text[f.seg.start:f.seg.end].strip()
    if _no_words(inside):
        return "no words"
    if "title" in f.extra:
        return f.extra["title"]
    if f.local or _quote_paragraph(doc, f) or "cue" in f.extra:
        return None
    # (the tests below count words only up to seven: a long quotation is not split whole)
    words = inside.split(None, _COUNTED_WORDS)
    core = [w for w in words if w[0].isalpha() and w.lower() not in _SMALL_WORDS] if len(words) <= 6 else None
    if core and all(w[0].isupper() for w in core) and f.before[1] > f.before[0] + 1 \
            and not inside.endswith(("?", "!", ",")) and doc.text[f.before[1] - 1:f.before[1]] != ":":
        return "title"  # "The Truman Show."
    if inside[0].isupper() and inside.endswith((".", "?", "!")) and len(words) >= 2 or \
            inside.endswith((".", "?", "!")) and len(words) == 1 and f.before[1] - f.before[0] <= 2:
        return None  # a sentence of its own
    if len(words) <= 4:
        core = [w for w in words if w[0].isalpha()]
        if core and all(w[0].isupper() for w in core if w.lower() not in {"of", "the", "and", "a", "in", "for", "on", "to"}) \
                and f.before[1] > f.before[0] + 1 and not inside.endswith((".", "?", "!", ",")):
            return "title"
        if "sibling" in f.extra and not (core and all(w[0].isupper() for w in core)):
            return None  # "Clinton supports “appropriate pay raises,” opposes “…” and said: “…”"
        return "term"
    return None


# A Span from a (start, end) pair, made by tuple's own constructor: the named tuple's is a Python
# function, and the entities of an article have thousands of mentions.
_span_of_pair = partial(tuple.__new__, Span)


def _role_before(doc: Doc, start: int) -> str | None:
    """Lower-case role words before a name: "the United Nations special envoy for Syria"."""
    lex = doc.lex
    prev = doc.text[start - 40 if start > 40 else 0:start].rsplit(None, 1)  # (only the last word is read)
    if not prev:
        return None
    last = prev[-1]
    if not (last[-1].isalnum() or last[-1] in "_'\u2019-."):
        # a mark that ends no word (a comma, a closing quotation mark) is a token of its own,
        # and a role never ends with one: "Clinton, Trump", "“…,” Trump"
        return None
    low = last.lower()
    if not (low in lex.titles or low in lex.role_nouns or low in lex.role_words or last[0].isupper()):
        return None  # the word before the name is not part of a role: the commonest case, fast
    if low in {"the", "a", "an"} or last[0].isupper() and low in lex.nonnames and last.isalpha():
        return None  # (a word of letters is one token, and _role_start stops at these)
    ps = doc.paragraphs[doc.paragraph_index(start)][0] if doc.paragraphs else 0
    lo = start - 100 if start - 100 > ps else ps
    toks, whole = doc.tail_words(lo, start, 40)
    j, has_title = _role_start(doc, toks)
    if j == 0 and not whole:
        toks = doc.words(lo, start)  # the role may reach further back
        j, has_title = _role_start(doc, toks)
    if j == len(toks) or not has_title:
        return None
    # a role starts with a word, not a preposition
    while j < len(toks) and toks[j][2].lower() in {"for", "of"}:
        j += 1
    if j >= len(toks):
        return None
    return " ".join(doc.text[toks[j][0]:toks[-1][1]].split())


def _role_start(doc: Doc, toks) -> tuple[int, bool]:
    """Where the role words at the end of ``toks`` begin, and whether they hold a title."""
    lex = doc.lex
    j = len(toks)
    has_title = False
    while j > 0:
        s, e, w = toks[j - 1]
        low = w.lower()
        if low in {"the", "a", "an"} or not w[0].isalnum():
            break
        if w[0].isupper():
            if low in lex.nonnames:
                break
            if low in lex.titles or low.rstrip(".") in lex.titles:
                has_title = True
            j -= 1
            continue
        if low in lex.titles or low in lex.role_nouns:
            has_title = True
            j -= 1
            continue
        if low in lex.role_words:
            j -= 1
            continue
        if low in {"for", "of"} and j < len(toks) and toks[j][2][0].isupper():
            j -= 1
            continue
        break
    return j, has_title


def _speech_events(doc: Doc, frames, reported, paras: set[int] | None = None) -> list:
    """Every cue outside quotations whose speaker is known, as (position, mention, cue): the
    reported speech found, and cues with nothing reported ("Lau said in a statement."). With
    ``paras``, only cues in those paragraphs are looked at."""
    if paras is not None and not paras:
        return []
    used = {f.cue for f in frames if f.cue is not None}
    # a quote decided in its own sentence owns the rest of that sentence: "“…,” said Roe, who
    # spoke on condition of anonymity." reports nothing for the quotes after it
    owned = {}
    for f in frames:
        if f.local and f.seg.close_end < owned.get(f.sent[0], len(doc.text)):
            owned[f.sent[0]] = f.seg.close_end

    def dominated(cue) -> bool:
        end = owned.get(doc.sentences.span_at(cue[0])[0])
        return end is not None and cue[0] > end

    if paras is None:
        cues = doc.cues
    else:
        # the cues of those paragraphs, in document order, cut out of the sorted list by their
        # starts (as paragraph_index places them: before the second paragraph is the first)
        starts, para_starts = doc.cue_starts, doc.para_starts
        cues = []
        for p in sorted(paras):
            if p < 0 or p > 0 and p >= len(para_starts):
                continue
            lo = bisect_left(starts, para_starts[p]) if p > 0 else 0
            hi = bisect_left(starts, para_starts[p + 1]) if p + 1 < len(para_starts) else len(starts)
            cues += doc.cues[lo:hi]
        reported = [r for r in reported if doc.paragraph_index(r.cue[0]) in paras]
    events = {r.cue: (r.cue[0], r.mention, r.cue) for r in reported if not dominated(r.cue)}
    for cue in cues:
        if cue in events or cue in used:
            continue
        ss = doc.sentences.span_at(cue[0])[0]
        end = owned.get(ss)  # (as dominated(cue), the sentence looked up once)
        if end is not None and cue[0] > end or _is_according(doc, cue):
            continue
        if ss < cue[0] - FRAME_REACH:
            ss = cue[0] - FRAME_REACH
        m = doc.subject_before(cue[0], ss)
        if m is not None:
            events[cue] = (cue[0], m, cue)
    return sorted(events.values(), key=lambda e: e[0])


Progress = Callable[[float], None]

# The share of the work done after each stage, as measured on a 10 MB article: sentences, speech
# cues, names and entities; the quotation frames and their local sieves; reported speech; the
# context sieves and the re-ranker; then speakers and ids.
_STAGE_DONE = {"sentences": 0.06, "cues": 0.15, "doc": 0.32, "frames": 0.63, "reported": 0.79,
               "context": 0.85, "assembled": 1.0}


def analyze(article: Article, lexicon: Lexicon | None = None,
            progress: Progress | None = None) -> Analysis:
    """Every quotation in ``article`` and who said it.

    ``progress``, when given, is called with the share of the work done (0 to 1) after each
    stage of the analysis, from the thread that runs it.

    The analysis makes many small objects and no reference cycles, so the cycle collector is
    paused while it runs (and restored after): reference counting frees everything, and a caller
    that keeps many analyses does not pay for collections that walk all of them again and again.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _analyze(article, lexicon, progress or _no_progress)
    finally:
        if paused:
            gc.enable()


def _no_progress(done: float) -> None:
    pass


def forget_memos() -> None:
    """Forget what analyses remember from article to article: what a name string or a cue word
    is, worked out once per spelling and kept per lexicon (bounded), which makes a corpus faster
    to read as its names come back. The compiled patterns of a lexicon stay. For measuring the
    speed of reading a corpus once, and for a long-running reader that wants the memory back."""
    _names._DERIVED.clear()
    _speakers._NAME_ANSWERS.clear()
    for memo in (_indirect.base_form, _indirect._reporting_base, singular_title):
        memo.cache_clear()


def _analyze(article: Article, lexicon: Lexicon | None, progress: Progress) -> Analysis:
    doc, frames, reported = _attribute(article, lexicon, progress=progress)
    analysis = _assemble(article, doc, frames, reported)
    progress(_STAGE_DONE["assembled"])
    return analysis


_DEFAULT = object()


def _attribute(article: Article, lexicon: Lexicon | None, rerank_model=_DEFAULT,
               progress: Progress = _no_progress):
    """The document, its quotation frames (each decided by a sieve or not) and its reported
    speech: everything before speakers become entities."""
    lex = lexicon or Lexicon.default()
    text = article.text
    skip = tuple(_line_of(text, sp) for sp in (article.caption_span, article.credit_span) if sp)
    if len(_CACHES) > 16:
        _CACHES.clear()
    caches = _CACHES.setdefault(id(lex), {})
    if caches.get("lex") is not lex:
        caches.clear()
        caches["lex"] = lex
    # (no progress to report: no closure made and called for each stage of the document)
    on_stage = None if progress is _no_progress else lambda stage: progress(_STAGE_DONE[stage])
    doc = Doc(text, lex, skip, caches, on_stage=on_stage)
    progress(_STAGE_DONE["doc"])
    frames = _frames(doc)
    _listed_titles(doc, frames)

    for f in frames:
        if "title" in f.extra:
            continue
        reason = _title_reason(doc, f)
        if reason:
            f.extra["title"] = reason  # not a quotation: a term, whatever the sieves would say
            continue
        for sieve in LOCAL_SIEVES:
            if sieve(doc, f):
                break
    # a quotation of a sentence whose other quotation has its speaker there
    decided = {}
    for f in frames:
        if f.local and f.mention is not None:
            decided.setdefault(f.sent, f)
    if decided:
        for f in frames:
            if f.mention is None and f.sent in decided:
                f.extra["sibling"] = decided[f.sent]
    progress(_STAGE_DONE["frames"])
    reported = _indirect.find(doc, frames)
    progress(_STAGE_DONE["reported"])
    # context sieves look at the paragraph of an undecided quote and the one before it
    needed = {p for f in frames if f.mention is None for p in (f.para, f.para - 1)}
    attributions = ByParagraph(_speech_events(doc, frames, reported, needed),
                               lambda a: doc.paragraph_index(a[0]))
    frames = ByParagraph(frames, lambda f: range(f.para, doc.paragraph_index(max(f.seg.close_end - 1, f.seg.open_at)) + 1)
                         if f.seg.paragraphs > 1 else f.para)  # (a block quote)
    for f in frames:
        if f.mention is not None:
            continue
        # (what the term test reads is final once the local sieves ran: its answer is kept for
        # the re-ranker and the assembly, which read it for the quotes still undecided)
        f.extra["term"] = term = _is_term(doc, f)
        if term:
            continue
        for sieve in CONTEXT_SIEVES:
            if sieve(doc, f, frames, attributions):
                break

    if rerank_model is _DEFAULT:
        rerank_model = _rerank.load_weights()
    if rerank_model:
        _rerank.apply(doc, frames, rerank_model, lambda f: f.mention is None and f.extra["term"])

    progress(_STAGE_DONE["context"])
    # interrupted quotes: “This,” she said, “is not over.”
    group = 0
    for a, b in zip(frames, frames[1:]):
        if a.mention is None or b.mention is None or a.sent != b.sent:
            continue
        if (a.mention.start, a.mention.end) == (b.mention.start, b.mention.end):
            if a.group is None:
                group += 1
                a.group = group
            b.group = a.group
    return doc, frames, reported


def _assemble(article: Article, doc: Doc, frames, reported) -> Analysis:
    resolver = Resolver(doc)
    terms: list[Term] = []
    items = []
    for f in frames:
        if f.mention is None:
            reason = f.extra["term"]  # (the term test of _attribute: an undecided quote has one)
            if reason is not None:
                if reason != "no words":
                    terms.append(Term(Span(f.seg.start, f.seg.end), reason))
                continue
        elif not (f.seg.start < f.seg.end and doc.text[f.seg.start].isalnum()) \
                and _no_words(doc.text[f.seg.start:f.seg.end]):
            continue  # (most quotations start with a letter: not copied to be tested)
        items.append((f.seg.open_at, True, f))
    for r in reported:
        items.append((r.span[0], False, r))
    # speakers resolved in document order (a pronoun stands for someone named before it); the
    # quotations numbered first, then reported speech
    items.sort(key=_FIRST)
    speakers: dict[str, object] = {}
    recent: list = []
    marked, indirect = [], []
    for _, is_marked, obj in items:
        ent = mention = None
        if obj.mention is not None:
            ent, mention = resolver.entity(obj.mention, recent)
            if ent is not None:
                speakers.setdefault(ent.key, ent)
                if ent.kind != "unnamed":
                    recent.append(ent)
        (marked if is_marked else indirect).append((obj, ent, mention))
    # ids: speakers in order of first quote
    sid: dict[str, str] = {}
    quotes: list[Quote] = []
    n_marked = len(marked)
    for n, (obj, ent, m) in enumerate(marked + indirect, 1):
        speaker_id = None
        if ent is not None:
            speaker_id = sid.get(ent.key)
            if speaker_id is None:
                speaker_id = sid[ent.key] = f"s{len(sid) + 1}"
        if n <= n_marked:
            quote = _make_quote(f"q{n}", _kind(doc, obj), _span_of_pair((obj.seg.start, obj.seg.end)), speaker_id,
                                _span_of_pair((m.start, m.end)) if m is not None else None,
                                _span_of_pair(obj.cue) if obj.cue else None, obj.rule, obj.confidence,
                                f"g{obj.group}" if obj.group is not None else None)
        else:
            quote = _make_quote(f"i{n - n_marked}", "indirect", _span_of_pair(obj.span), speaker_id,
                                _span_of_pair((m.start, m.end)) if m is not None else None,
                                _span_of_pair(obj.cue) if obj.cue else None, obj.rule, obj.confidence, None)
        quotes.append(quote)
    # quotations by where their words start (reported speech is in that order already)
    quoted = quotes[:n_marked]
    quoted.sort(key=_SPAN_START)
    quotes[:n_marked] = quoted

    speaker_list = [_to_entity(doc, speakers[key], ident) for key, ident in sid.items()]
    people = []
    for ent in doc.entities.values():
        if ent.key in sid or ent.kind != "person":
            continue
        role = ent.role
        if not role:
            continue
        people.append(_to_entity(doc, ent, f"p{len(people) + 1}"))
    return Analysis(article=article, quotes=tuple(quotes), speakers=tuple(speaker_list),
                    people=tuple(people), terms=tuple(terms))


# (the assembly makes thousands of quotes and entities: at half the cost of their constructors)
_make_quote = positional_maker(Quote)
_make_entity = positional_maker(Entity)
_FIRST = itemgetter(0)
_SPAN_START = attrgetter("span.start")


def _to_entity(doc: Doc, ent, ident: str) -> Entity:
    """The entity as the model has it, with the longest role written before one of its first
    four mentions."""
    mentions = sorted(ent.mentions)
    role = ent.role
    if ent.kind != "unnamed":
        text, sent_starts = doc.text, doc.sent_starts
        for s, _ in mentions[:4]:
            if s == 0 or text[s - 1] != " " or s in sent_starts:
                continue
            found = _role_before(doc, s)
            if found and (role is None or len(found) > len(role)):
                role = found
    kind = ent.kind if ent.kind == "organisation" or ent.kind == "unnamed" else "person"
    aliases = tuple(sorted(a for a in ent.aliases if a != ent.name)) if ent.aliases else ()
    # (the sorted mentions without repeats: equal ones are side by side)
    return _make_entity(ident, ent.name, singular_title(role), aliases,
                        tuple(map(_span_of_pair, dict.fromkeys(mentions))), kind,
                        ent.gender if ent.gender in ("m", "f") else None)

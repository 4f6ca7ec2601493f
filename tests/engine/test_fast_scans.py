"""The fast scans of the first passes find exactly what their reference patterns find.

The sentence ends, the double quotation marks and the lines are found by cheaper routes than one
pattern over the whole text (a pattern per end mark that starts with a literal character;
``str.find`` per mark character; ``str.split``), and cues by a scan of the text outside quotations
only; the reference patterns, and the scan of the whole text, say what they must find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.engine import doc, marks, sentences
from reader.engine.lexicon import Lexicon

PIECES = list(".!?\u2026'\"\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u300c\u300d()[] \t\u00a0\n") + [
    "''", "'''", "...", "?!", "U.S.", "Mr.", "said", "The", "A", "9", "\u00c9t\u00e9", "x"]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(min_value=0, max_value=5))
def test_sentence_ends_are_those_of_the_reference_pattern(text, start):
    start = min(start, len(text))
    expected = [m.span() for m in sentences._BOUNDARY.finditer(text, start)]
    assert sentences._boundaries(text, start) == expected


@settings(max_examples=400, deadline=None)
@given(texts)
def test_double_marks_are_those_of_the_reference_pattern(text):
    expected = [(m.start(), m.group()) for m in marks._DOUBLE.finditer(text)]
    assert marks._double_mark_matches(text) == expected


def test_a_run_of_end_marks_is_one_sentence_end():
    text = "It ended?! Then... Another one. Done"
    assert sentences._boundaries(text, 0) == [m.span() for m in sentences._BOUNDARY.finditer(text)]
    assert len(sentences._boundaries(text, 0)) == 3


@settings(max_examples=400, deadline=None)
@given(texts)
def test_paragraphs_are_the_lines_of_the_reference_pattern(text):
    expected = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        e -= text[e - 1] == "\r"
        if text[s:e].strip():
            expected.append((s, e))
    assert marks.paragraphs(text) == expected


CUE_PIECES = PIECES + [" said", "said ", "Said", " called for", "according to", " told", "\u201cWe", "\u201d "]
cue_texts = st.lists(st.sampled_from(CUE_PIECES) | st.text(max_size=3), max_size=60).map("".join)
CACHES: dict = {}  # (the compiled patterns, shared by the examples)


@settings(max_examples=400, deadline=None)
@given(cue_texts)
def test_the_cue_scan_outside_quotations_finds_what_a_whole_scan_finds_there(text):
    lex = Lexicon.default()
    d = doc.Doc(text, lex, caches=CACHES)
    whole = doc._scan_cues(text, lex, CACHES, [(0, len(text))])
    found = doc._scan_cues(text, lex, CACHES, d._unquoted())
    assert found == tuple([c for c in cues if not d.inside_quote(c[0])] for cues in whole)


def test_a_cue_right_after_a_closing_mark_is_found():
    text = "\u201cWe won,\u201dsaid Lee. \u201cYes\u201d said Ann, who called for calm \u201ctold\u201d"
    lex = Lexicon.default()
    d = doc.Doc(text, lex, caches=CACHES)
    cues, nps = doc._scan_cues(text, lex, CACHES, d._unquoted())
    assert [text[s:e] for s, e in cues] == ["said", "said", "called"]  # ("told" is quoted)
    assert [text[s:e] for s, e in nps] == ["called for"]

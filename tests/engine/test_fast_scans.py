"""The fast scans of the first passes find exactly what their reference patterns find.

The sentence ends and the double quotation marks are found by cheaper routes than one pattern
over the whole text (a pattern per end mark that starts with a literal character; ``str.find``
per mark character); the reference patterns say what they must find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.engine import marks, sentences

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

"""Property tests: any text in, no exception out, every span in bounds and consistent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.engine import analyze
from reader.export import to_record
from reader.loaders.text import parse_text

MARKS = list("“”‘’\"'«»„‚‹›「」") + ["''", "'''"]
WORDS = ["said", "says", "told", "according to", "Lavrov", "Sergei Lavrov", "he", "she", "the",
         "Mr.", "de", "Mistura", "a spokesman", "—", ",", ".", ":", "\n", "\n\n", " ", "It's",
         "voters'", "Jones’", "<tweet a=\"b\">", "?", "!"]
pieces = st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.text(max_size=6))
articles = st.lists(pieces, max_size=80).map(" ".join)


def check(text: str) -> None:
    analysis = analyze(parse_text(text))
    n = len(text)
    for q in analysis.quotes:
        assert 0 <= q.span.start <= q.span.end <= n
        for span in (q.mention, q.cue):
            assert span is None or 0 <= span.start <= span.end <= n
        assert q.speaker_id is None or analysis.speaker(q.speaker_id) is not None
    for t in analysis.terms:
        assert 0 <= t.span.start <= t.span.end <= n
    for e in analysis.speakers + analysis.people:
        for m in e.mentions:
            assert 0 <= m.start <= m.end <= n
    record = to_record(analysis)
    for q in record["quotes"]:
        assert q["text"] == text[q["start"]:q["end"]]
    # marked quotes never overlap each other (nested quotes are part of the outer one)
    spans = sorted((q.span.start, q.span.end) for q in analysis.quotes if q.is_marked)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2
    # reported speech never overlaps other reported speech
    spans = sorted((q.span.start, q.span.end) for q in analysis.quotes if not q.is_marked)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2
    ids = [q.id for q in analysis.quotes]
    assert len(ids) == len(set(ids))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_any_article_text(text):
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_string(text):
    check(text)

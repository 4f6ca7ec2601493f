"""The bundled seed article must come out exactly right."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.engine import analyze
from reader.loaders import load

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_4803ba0c4917af00.txt"


@pytest.fixture(scope="module")
def seed():
    return analyze(load(SEED))


def _t(a, span):
    return span.of(a.article.text)


def test_seed_marked_quotes(seed):
    marked = [q for q in seed.quotes if q.is_marked]
    assert [q.id for q in marked] == ["q1", "q2", "q3", "q4"]
    got = [(q.kind, _t(seed, q.span), seed.speaker(q.speaker_id).name, _t(seed, q.mention)) for q in marked]
    assert got[0] == ("partial", "a permanent source of threat threats.", "Sergei Lavrov", "Lavrov")
    assert got[1][0] == "direct" and got[1][2] == "Sergei Lavrov" and got[1][3] == "Lavrov"
    assert got[1][1].startswith("I think that the most important thing now")
    assert got[1][1].endswith("a permanent source of terrorist threats,")
    assert got[2] == ("partial", "closely interconnected", "Staffan de Mistura", "De Mistura")
    assert got[3][0] == "direct" and got[3][2] == "Staffan de Mistura" and got[3][3] == "de Mistura"
    assert got[3][1].startswith("We want to share together all our thoughts")
    assert got[3][1].endswith("so they are very closely interconnected,")
    assert [_t(seed, q.cue) for q in marked] == ["said", "said", "said", "said"]
    assert all(q.rule and 0 < q.confidence <= 1 for q in marked)


def test_seed_speakers(seed):
    assert {s.name for s in seed.speakers} == {"Sergei Lavrov", "Staffan de Mistura", "United Nations"}
    people = {s.name: s for s in seed.speakers if s.kind == "person"}
    assert set(people) == {"Sergei Lavrov", "Staffan de Mistura"}
    assert people["Sergei Lavrov"].role == "Russian Foreign Minister"
    assert people["Staffan de Mistura"].role == "United Nations special envoy for Syria"
    assert "De Mistura" in people["Staffan de Mistura"].aliases
    assert [s.id for s in seed.speakers][:2] == ["s1", "s2"]


def test_seed_people(seed):
    assert [(p.name, p.role) for p in seed.people] == [("Sergei Shoigu", "Russian Defense Minister")]


def test_seed_indirect(seed):
    ind = [q for q in seed.quotes if q.kind == "indirect"]
    assert [q.id for q in ind] == [f"i{n}" for n in range(1, len(ind) + 1)]
    by_text = {_t(seed, q.span): q for q in ind}
    lavrov = [q for t, q in by_text.items() if t.startswith("it was important to concentrate on cooperation")]
    assert lavrov and seed.speaker(lavrov[0].speaker_id).name == "Sergei Lavrov"
    un = [q for t, q in by_text.items() if "the worst humanitarian crisis since world war two" in t]
    assert un and seed.speaker(un[0].speaker_id).name == "United Nations"
    assert _t(seed, un[0].cue) == "according to"


def test_seed_caption_people_are_not_speakers(seed):
    caption = seed.article.caption_span
    for q in seed.quotes:
        assert not caption.overlaps(q.span)
        assert q.mention is None or not caption.overlaps(q.mention)

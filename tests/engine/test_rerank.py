"""The speaker scorer: candidates the sieves did not pick, chosen by learned weights."""

from __future__ import annotations

import math

from engine_helpers import mention_text, quote, run

from reader.engine import rerank
from reader.engine.lexicon import Lexicon
from reader.engine.rerank import RULE, load_weights


def test_weights_load_and_are_finite():
    w = load_weights()
    assert len(w) > 100
    assert all(math.isfinite(v) for v in w.values())
    assert w["__margin__"] > 0  # the scorer overrides a sieve only with a clear lead


def test_quote_without_a_cue_takes_the_person_before_it():
    a = run("During their first debate Ada Roe cracked, \u201cI am a progressive who likes to get "
            "things done\u201d - and he has often been effective.\n")
    q = quote(a, "I am a progressive")
    assert q.rule == RULE
    assert mention_text(a, q) == "Ada Roe"


def test_partial_quote_in_an_introductory_clause_belongs_to_its_subject():
    a = run("While Mr. Lee, representing the governing wing, laid out a vision for \u201ca reformed tax "
            "code that rewards free enterprise,\u201d Ben Carson used his address to attack.\n")
    q = quote(a, "a reformed tax code")
    assert mention_text(a, q) == "Lee"


def test_local_decisions_outside_the_scored_sieves_are_kept():
    a = run("\u201cWe will win,\u201d said Sergei Lavrov, according to the Kremlin.\n")
    assert quote(a, "We will win").rule == "quote_then_cue"


def test_candidates_list_the_sieve_choice_first():
    from reader.engine import _attribute
    from reader.loaders.text import parse_text

    article = parse_text("Ada Roe said Ben Lee called the plan \u201ca disaster\u201d on Monday.\n")
    doc, frames, _ = _attribute(article, Lexicon.default(), rerank_model=None)
    f = frames[0]
    cands = rerank.candidates(doc, f, frames)
    assert "sieve" in cands[0].tags
    found = {doc.text[c.mention.start:c.mention.end] for c in cands}
    assert {"Ada Roe", "Ben Lee"} <= found
    feats = rerank.features(doc, f, cands, rerank.speaker_counts(doc, frames))
    assert len(feats) == len(cands) and all(feats)


def test_same_result_every_run():
    text = ("Officials met on Monday. Ada Roe, who leads the group, said Ben Lee had called the plan "
            "\u201ca disaster\u201d and that \u201cnobody will pay for it.\u201d\n")
    first = [(q.rule, q.mention) for q in run(text).quotes]
    assert all([(q.rule, q.mention) for q in run(text).quotes] == first for _ in range(3))


def test_candidates_include_the_people_of_the_sentence_before():
    from reader.engine import _attribute
    from reader.loaders.text import parse_text

    article = parse_text("Ada Roe spoke to Ben Lee at the fair. The plan was \u201ca disaster\u201d for the town.\n")
    doc, frames, _ = _attribute(article, Lexicon.default(), rerank_model=None)
    cands = rerank.candidates(doc, frames[0], frames)
    found = {doc.text[c.mention.start:c.mention.end]: c.tags for c in cands}
    assert "prev_subject" in found["Ada Roe"] and "prev_name" in found["Ben Lee"]


def test_a_lone_capitalised_word_opening_the_sentence_before_is_no_candidate():
    from reader.engine import _attribute
    from reader.loaders.text import parse_text

    article = parse_text("Stop lying\nFill in the gaps.\n\n\u201cI love to wave my arms.\u201d\n")
    doc, frames, _ = _attribute(article, Lexicon.default(), rerank_model=None)
    cands = rerank.candidates(doc, frames[0], frames)
    assert not any("prev_name" in c.tags for c in cands)

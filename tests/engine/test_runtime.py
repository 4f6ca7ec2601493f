"""How ``analyze`` behaves as a function: it leaves the interpreter as it found it."""

from __future__ import annotations

import gc

from engine_helpers import run

from reader.engine import analyze


def test_cycle_collector_state_is_restored():
    assert gc.isenabled()
    run("“We will win,” said Lavrov.")
    assert gc.isenabled()
    gc.disable()
    try:
        run("“We will win,” said Lavrov.")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_cycle_collector_is_restored_after_an_error():
    try:
        analyze(object())  # not an article: fails inside the analysis
    except AttributeError:
        pass
    assert gc.isenabled()


def test_an_analysis_leaves_no_reference_cycles():
    gc.collect()
    gc.disable()
    try:
        run("Lavrov said the talks went well. “We will win,” he told reporters, according to CNN.")
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_word_list_memo_stays_bounded_on_a_long_article():
    from reader.engine import _attribute
    from reader.engine.doc import WORDS_MEMO
    from reader.loaders.text import parse_text

    para = "“We will win,” Lavrov said. The envoy told reporters the talks were “closely interconnected”."
    article = parse_text("\n\n".join(f"{para} Round {i}." for i in range(400)))
    doc, _, _ = _attribute(article, None)
    assert 0 < len(doc._words) <= WORDS_MEMO


def test_progress_is_reported_in_order_up_to_done():
    from reader.loaders import load
    from reader.resources import default_article

    shares: list[float] = []
    analysis = analyze(load(default_article()), progress=shares.append)
    assert analysis.quotes
    assert shares == sorted(shares) and shares[-1] == 1.0 and len(shares) >= 4
    assert all(0 < s <= 1 for s in shares)

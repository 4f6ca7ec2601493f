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

"""Citations from the real engine on the bundled seed: what ``reader cite`` prints for it."""

from __future__ import annotations

import pytest
from cite_fixtures import LAVROV, SEED_HEADLINE, SEED_Q1

from reader.cite import available_styles, cite_all, cite_quote, format_citation
from reader.engine import analyze
from reader.loaders import load
from reader.resources import default_article


@pytest.fixture(scope="module")
def analysis():
    return analyze(load(default_article()))


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "none.yaml"))


def test_the_engine_finds_what_the_hand_built_seed_assumes(analysis):
    quote = analysis.quote_by_label("1")
    assert quote.span.of(analysis.article.text) == "a permanent source of threat threats."
    speaker = analysis.speaker(quote.speaker_id)
    assert (speaker.name, speaker.role) == ("Sergei Lavrov", "Russian Foreign Minister")


@pytest.mark.parametrize("style", available_styles())
def test_quote_1_in_every_style(analysis, style):
    quote = analysis.quote_by_label("1")
    assert format_citation(analysis, quote, style) == SEED_Q1[style]
    assert cite_quote(str(default_article()), "1", style) == SEED_Q1[style]


def test_de_mistura(analysis):
    quote = analysis.quote_by_label("3")
    assert format_citation(analysis, quote, "plain") == (
        "“closely interconnected” — Staffan de Mistura, United Nations special envoy for Syria — "
        f"{SEED_HEADLINE}, 8 June 2017"
    )
    assert format_citation(analysis, quote, "apa").splitlines()[0] == (
        "Staffan de Mistura, United Nations special envoy for Syria: “closely interconnected” "
        "(“UN Envoy to Syria,” 2017, para. 3)."
    )


def test_reported_speech_is_not_put_in_quotation_marks(analysis):
    quote = analysis.quote_by_label("i1")
    text = quote.span.of(analysis.article.text)
    for style in ("plain", "apa", "mla", "chicago"):
        citation = format_citation(analysis, quote, style)
        assert text in citation and f"“{text}" not in citation
        assert "(reported speech)" in citation
    assert format_citation(analysis, quote, "markdown").startswith(f"{text}\n\n— ")


def test_all_quotes_of_lavrov(analysis):
    lavrov = [q for q in analysis.quotes if analysis.speaker(q.speaker_id).name == "Sergei Lavrov"]
    text = cite_all(analysis, lavrov, "plain")
    assert text.count(LAVROV) == 2 and text.count("\n\n") == 1

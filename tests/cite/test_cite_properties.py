"""Whatever the article holds, every style gives a citation with no control characters."""

from __future__ import annotations

import datetime as dt
import unicodedata

from cite_fixtures import make_article
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cite import TemplateError, available_styles, cite_all, format_citation
from reader.cite.templates import FIELDS
from reader.config import Config
from reader.model import Analysis, Entity, Quote, Span

# Text with a good share of the characters that cause trouble.
nasty = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from("\x1b[]\x07\x9b\u202e\u2066\u200b\ufeff\u00ad\n\r\t “”\"'()[]{},.;:—…"),
    ),
    max_size=40,
)
maybe = st.one_of(st.none(), nasty)


def _safe(text: str) -> bool:
    return all(c == "\n" or unicodedata.category(c) not in ("Cc", "Cf") for c in text)


@st.composite
def analyses(draw):
    words = draw(nasty)
    before = draw(nasty)
    article = make_article(
        [before + words + ".", draw(nasty) or "x"],
        headline=draw(maybe), outlet=draw(maybe), byline=draw(maybe), url=draw(maybe),
        date=draw(st.one_of(st.none(), st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)))),
    )
    span = Span(len(before), len(before) + len(words))
    kind = draw(st.sampled_from(["direct", "partial", "block", "indirect"]))
    quote = Quote("q1" if kind != "indirect" else "i1", kind, span, speaker_id="s1",
                  group=draw(st.sampled_from([None, "g1"])))
    speaker = Entity("s1", draw(nasty), draw(maybe))
    return Analysis(article, (quote,), (speaker,))


@settings(max_examples=150, deadline=None)
@given(analysis=analyses(), max_words=st.integers(0, 8))
def test_builtin_styles_never_fail_and_stay_clean(analysis, max_words):
    config = Config(quote_max_words=max_words)
    for style in available_styles():
        text = format_citation(analysis, analysis.quotes[0], style, config)
        assert _safe(text), (style, text)
        assert "None" not in text or "None" in repr(analysis.article) + repr(analysis.speakers)
    assert _safe(cite_all(analysis, analysis.quotes * 2, "chicago", config))


pieces = st.lists(
    st.one_of(
        st.sampled_from([f"{{{f}}}" for f in FIELDS] + ["{date:%Y}", "{date:%d %B}"]),
        st.sampled_from([", ", " — ", " (", ") ", "“", "”", ". ", "; ", "\n", " in ", "By ", ": "]),
        nasty,
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(analysis=analyses(), parts=pieces)
def test_templates_never_fail_unexpectedly_and_stay_clean(analysis, parts):
    config = Config(citation_styles={"mine": "".join(parts)})
    try:
        text = format_citation(analysis, analysis.quotes[0], "mine", config)
    except TemplateError as exc:
        assert "\n" not in str(exc)
        return
    assert _safe(text)

"""Property tests: whatever the text, the parsers return valid spans and never crash."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from loader_helpers import check_spans

from reader.errors import LoadError
from reader.loaders import (
    parse,
    parse_markdown,
    parse_text,
    parse_yaml_article,
    sniff_format,
    spans,
)
from reader.loaders.decode import decode

# Characters that matter to the parsers: line breaks of every kind, whitespace that is and is
# not a line break, control characters, quotes, markup, and the words the layouts look for.
_SPECIAL = (
    "\r\n\t \u00a0\u2003\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x1f\x85\x00\x1b\ufeff"
    "#>-*+=_`~.:/|“”\"'"
)
_TOKENS = [
    "image ", "REUTERS/Jane Doe", " - RTX1", "AP Photo/", "---", "...", "```", "~~~", "# ", "## ",
    "- ", "1. ", "> ", "===", "title: x", "body: |", "June 8, 2017", "2017-06-08", "\r\n", "\n\n",
]
text_strategy = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
        st.text(alphabet=_SPECIAL + string.ascii_letters, max_size=20),
        st.sampled_from(_TOKENS),
    ),
    max_size=40,
).map("".join)

relaxed = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@relaxed
@given(text_strategy)
@example("image \n\n")
@example("image REUTERS/\n")
@example("\r\r\n\n\r")
@example("a\u2028b\n\u00a0\nc")
def test_parse_text_never_fails(text):
    article = parse_text(text)
    assert article.text == text
    check_spans(article)


@relaxed
@given(text_strategy)
@example("---\n")
@example("---\n---\n")
@example("```\n")
@example("#\n# #\n")
@example("a\n===\n---\n> \n>")
def test_parse_markdown_never_fails(text):
    try:
        article = parse_markdown(text)
    except LoadError as exc:
        assert "front matter" in exc.reason  # only front matter problems are refused
        return
    assert text.endswith(article.text)
    check_spans(article)


# YAML itself folds its own line breaks (NEL, LS, PS) in plain scalars; keep them out.
_yaml_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x85\u2028\u2029"), max_size=30
)


@relaxed
@given(st.lists(_yaml_text, max_size=8), _yaml_text)
def test_yaml_paragraph_lists(paragraphs, title):
    import yaml

    source = yaml.safe_dump({"title": title, "paragraphs": paragraphs}, allow_unicode=True)
    article = parse_yaml_article(source)
    check_spans(article)
    expected = [p.strip() for p in paragraphs if p.strip()]
    assert [p.of(article.text) for p in article.paragraphs] == expected


@relaxed
@given(text_strategy)
def test_yaml_articles_never_crash(text):
    try:
        article = parse_yaml_article(text)
    except LoadError:
        return
    check_spans(article)


@relaxed
@given(text_strategy)
def test_sniffed_parse_never_crashes(text):
    fmt = sniff_format(text)
    if fmt == "html":
        return  # trafilatura is slow to start per example; the HTML tests cover it
    try:
        article = parse(text, fmt)
    except LoadError:
        assert fmt in ("markdown", "yaml")
        return
    check_spans(article)


@relaxed
@given(st.binary(max_size=200))
def test_decode_never_fails(data):
    text, warning = decode(data)
    assert isinstance(text, str)
    assert warning is None or warning.startswith("not valid UTF-8")


@relaxed
@given(text_strategy)
def test_chunks_and_lines_agree_with_a_naive_reading(text):
    lines = [span.of(text) for span in spans.lines(text)]
    import re

    assert lines == re.split(r"\r\n|\r|\n", text)[: len(lines)]
    assert [s.of(text) for s in spans.nonblank_lines(text)] == [
        line.strip() for line in lines if line.strip()
    ]
    # Blank-line chunks: group the non-blank lines between blank ones.
    expected, current = [], []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            expected.append(current)
            current = []
    if current:
        expected.append(current)
    got = [s.of(text) for s in spans.chunks(text)]
    assert len(got) == len(expected)
    for chunk, group in zip(got, expected, strict=True):
        assert chunk.startswith(group[0].strip()) and chunk.endswith(group[-1].strip())

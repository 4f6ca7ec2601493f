"""The whole pipeline over arbitrary text: bytes → load (every format) → analyse → display →
export (every format) → cite (every quote, every style).

The per-package property tests check each stage alone; these check that the stages fit: whatever a
file holds, either the loader refuses it with a LoadError (one line for the user) or every stage
after it succeeds, every span indexes the text it claims to, and nothing that reaches a terminal,
a citation or the clipboard carries a control character.
"""

from __future__ import annotations

import csv
import io
import json
import os
import string
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.cite import available_styles, format_citation
from reader.clipboard import clean_text
from reader.engine import analyze
from reader.errors import LoadError
from reader.export import WRITERS, to_record
from reader.loaders import load, parse
from reader.model import Article
from reader.safetext import INVISIBLE, escaped, safe_text, visible
from reader.tui.display import Layout, article_blocks

CONTROLS = "".join(chr(c) for c in range(32)) + "\x7f\x85\x9b\x9d\u202e\u2066\u200b\u200d\ufeff\u2028"
TOKENS = [
    "\x1b]0;PWNED\x07", "\x1b]52;c;SGk=\x07", "\x1b[31m", "\x1b[2J", "\x1b]8;;http://x\x1b\\",
    "[bold]", "[/]", "[link=http://x]", "“", "”", "‘", "’", '"', "'", "«", "»", "„", "「", "」",
    " said ", " told reporters ", "Jane Doe", "Mr. Smith", ", a spokeswoman", ".", "\n", "\n\n",
    "\r\n", "---\n", "title: x\n", "body: |\n  ", "# ", "> ", "- ", "```\n", "<p>", "</p>",
    "<article>", "<nav>", "<script>", "&#x1b;", "&amp;", "漢字", "👍🏽", "👨‍👩‍👧", "e\u0301",
    "مرحبا", "שלום", "\u00a0", "\t",
]
pieces = st.one_of(
    st.sampled_from(TOKENS),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),  # any Unicode, no surrogates
    st.text(alphabet=CONTROLS + string.ascii_letters + " .,", max_size=12),
)
texts = st.lists(pieces, max_size=60).map("".join)

SUFFIXES = {"text": ".txt", "markdown": ".md", "yaml": ".yaml", "html": ".html"}
STYLES = available_styles()
# READER_PROPERTY_EXAMPLES=5000 for a long hunt; the suite's default keeps it to seconds.
EXAMPLES = int(os.environ.get("READER_PROPERTY_EXAMPLES", "150"))
fast = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
slow = settings(fast, max_examples=max(1, EXAMPLES // 4))


def unsafe(text: str, allowed: str = "\n") -> list[str]:
    """Control and invisible format characters in ``text`` (other than those ``allowed``)."""
    return [c for c in text if c not in allowed and unicodedata.category(c) in ("Cc", "Cf", "Cs")]


def check_article(article: Article) -> None:
    text = article.text
    previous = 0
    for span in article.paragraphs:
        assert previous <= span.start <= span.end <= len(text)
        previous = span.end
    for field, span in (("headline", article.headline_span), ("caption", article.caption_span),
                        ("credit", article.credit_span)):
        if span is not None:
            assert 0 <= span.start <= span.end <= len(text)
            assert getattr(article, field) is not None


def check_display(article: Article, width: int) -> None:
    layout = Layout.build(article_blocks(article), width)
    for block in layout.blocks:
        assert not unsafe(block.text, ""), block.text
    for line in layout.lines:
        if line is not None:
            shown = layout.blocks[line.block].text[line.start:line.end]
            assert cell_len(shown.rstrip()) <= max(width, 2)  # a wide character overhangs 1


def check_outputs(analysis) -> None:
    record = to_record(analysis)
    text = record["text"]
    for quote in record["quotes"]:
        # start < end is what a quote should be; see test_a_quote_is_never_empty
        assert 0 <= quote["start"] <= quote["end"] <= len(text)
        assert text[quote["start"]:quote["end"]] == quote["text"]
        for key in ("mention", "cue"):
            if quote[key] is not None:
                assert 0 <= quote[key][0] <= quote[key][1] <= len(text)
                assert text[quote[key][0]:quote[key][1]] == quote[f"{key}_text"]
    for fmt, writer in WRITERS.items():
        out = io.StringIO()
        writer([record], out)
        written = out.getvalue()
        if fmt == "json":
            assert json.loads(written) == [record]
        elif fmt == "jsonl":
            assert json.loads(written) == record
        elif fmt == "yaml":
            assert yaml.safe_load(written) == record
        elif fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(written)))
            assert len(rows) == len(record["quotes"])
        # nothing a terminal would act on, in any format
        allowed = "\n\r\t" if fmt == "csv" else "\n"
        assert not unsafe(written, allowed), (fmt, unsafe(written, allowed))
        assert "\x1b" not in written


def check_citations(analysis) -> None:
    for quote in analysis.quotes:
        for style in STYLES:
            citation = format_citation(analysis, quote, style)
            assert citation and not unsafe(citation), (style, citation)
            assert clean_text(citation) == citation


def pipeline(text: str, fmt: str, width: int = 40) -> None:
    try:
        article = parse(text, fmt, "<hypothesis>")
    except LoadError as exc:  # a refusal must be one line the user can read
        assert "\n" not in escaped(str(exc))
        return
    check_article(article)
    check_display(article, width)
    analysis = analyze(article)
    check_outputs(analysis)
    check_citations(analysis)


@fast
@given(texts, st.sampled_from(["text", "markdown", "yaml"]), st.integers(1, 120))
@example("“\x1b]0;PWNED\x07,” said Jane Doe.\n", "text", 10)
@example("---\ntitle: \"\\e]0;x\\a\"\n---\n“a,” said Bo.\n", "markdown", 5)
@example("title: \"\\x9b\"\nbody: \"“x,” said Al \\u202e.\"\n", "yaml", 3)
@example("“漢字漢字漢字👍🏽👨‍👩‍👧e\u0301” said Jane Doe.", "text", 1)
def test_pipeline_never_fails_text_markdown_yaml(text, fmt, width):
    pipeline(text, fmt, width)


@slow
@given(texts, st.integers(1, 120))
@example("<html><body><article><p>“\x1b]52;c;SGk=\x07,” said Jane Doe, a spokeswoman, "
         "on Tuesday.</p></article></body></html>", 20)
def test_pipeline_never_fails_html(text, width):
    pipeline("<html><body><article><p>" + text + "</p></article></body></html>", "html", width)
    pipeline(text, "html", width)


@fast
@given(texts)
def test_sniffed_text_goes_through_the_pipeline(text):
    pipeline(text, None)  # type: ignore[arg-type]  # stdin: the format is sniffed


@settings(fast, max_examples=max(1, EXAMPLES * 2 // 3))
@given(st.binary(max_size=400), st.sampled_from(list(SUFFIXES.values())))
def test_any_bytes_in_any_file_load_or_are_refused(tmp_path_factory, data, suffix):
    path = Path(tmp_path_factory.mktemp("bytes")) / f"article{suffix}"
    path.write_bytes(data)
    try:
        article = load(path)
    except LoadError as exc:
        assert str(exc).startswith(f"cannot open '{path}': ")
        return
    check_article(article)
    check_display(article, 30)
    analysis = analyze(article)
    check_outputs(analysis)
    check_citations(analysis)


@pytest.mark.parametrize("text", ['“" said B', '“” said Ann Lee.', 'Ann Lee said: “ … ”'])
def test_marks_around_no_words_are_never_a_quote(text):
    analysis = analyze(parse(text, "text"))
    assert not analysis.marked_quotes


def test_the_invisible_class_covers_every_control_and_format_character():
    import sys

    missing = [hex(c) for c in range(0x80, sys.maxunicode + 1)
               if unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp")
               and not INVISIBLE.match(chr(c))]
    assert not missing


@fast
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80) | texts)
def test_visible_and_escaped_text_carry_no_controls(text):
    shown = visible(text, keep="")
    assert not unsafe(shown, "")
    assert not unsafe(safe_text(text), "")
    message = escaped(text)
    assert not unsafe(message, "") and "\n" not in message

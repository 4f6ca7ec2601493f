"""The Markdown loader: front matter, headline, paragraphs, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from loader_helpers import FIXTURES, check_spans, paragraph_texts

from reader.errors import LoadError
from reader.loaders import load, parse_markdown


def test_front_matter_article():
    path = FIXTURES / "front-matter.md"
    article = load(path)
    raw = path.read_text(encoding="utf-8")
    assert article.format == "markdown"
    assert raw.endswith(article.text)  # the body after the front matter, verbatim
    assert article.text.startswith("\n# UN envoy")
    assert article.headline == "UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis"
    assert article.headline_span.of(article.text) == article.headline
    assert article.outlet == "Reuters"
    assert article.date == dt.date(2017, 6, 8)
    assert article.byline == "Jane Doe"
    assert article.url == "https://example.com/envoy-lavrov"
    assert article.extra == {"section": "World", "tags": "syria, diplomacy"}
    assert paragraph_texts(article) == [
        "The United Nations special envoy for Syria Staffan de Mistura met with *Russian Foreign\n"
        "Minister* Sergei Lavrov, to discuss the situation in the war-torn country.",
        "“I think that the most important thing now is to ensure that all the efforts are\n"
        "harmonized,” said **Lavrov**.",
        "What comes next",
        "talks in Astana",
        "talks in Geneva,\n  brokered by the United Nations",
        "“We want to share together all our thoughts,” said de Mistura.",
    ]
    assert article.warnings == ()
    check_spans(article)


def test_markdown_suffix_and_crlf(tmp_path: Path):
    raw = (FIXTURES / "front-matter.md").read_bytes().replace(b"\n", b"\r\n")
    path = tmp_path / "story.markdown"
    path.write_bytes(raw)
    article = load(path)
    assert article.format == "markdown"
    assert raw.decode().endswith(article.text)
    assert article.outlet == "Reuters"
    assert len(article.paragraphs) == 6
    assert all("\r" not in p.of(article.text)[-1:] for p in article.paragraphs)
    check_spans(article)


def test_headline_from_leading_heading_without_front_matter():
    text = "# The headline #\n\nBody paragraph.\n"
    article = parse_markdown(text)
    assert article.text == text
    assert article.headline == "The headline"
    assert paragraph_texts(article) == ["Body paragraph."]


def test_setext_headline():
    article = parse_markdown("The headline\n============\n\nBody.\n\nSub\n---\nMore.")
    assert article.headline == "The headline"
    assert paragraph_texts(article) == ["Body.", "Sub", "More."]


def test_heading_that_differs_from_the_title_stays_a_paragraph():
    article = parse_markdown("---\ntitle: Official title\n---\n# Section one\n\nBody.\n")
    assert article.headline == "Official title"
    assert article.headline_span is None
    assert paragraph_texts(article) == ["Section one", "Body."]


def test_later_level_one_heading_is_not_the_headline():
    article = parse_markdown("Intro paragraph.\n\n# A heading\n\nBody.")
    assert article.headline is None
    assert paragraph_texts(article) == ["Intro paragraph.", "A heading", "Body."]


def test_blocks_quotes_lists_and_code():
    text = (
        "Para one\ncontinues.\n"
        "## Heading right after\n"
        "* star item\n+ plus item\n3) numbered item\n"
        "> quoted line one\n> quoted line two\n>\n> quoted para two\n\n"
        "```text\ncode line\n\ncode after a blank\n```\n"
        "***\n\n"
        "~~~\nunclosed fence runs to the end\n\nstill code"
    )
    article = parse_markdown(text)
    assert paragraph_texts(article) == [
        "Para one\ncontinues.",
        "Heading right after",
        "star item",
        "plus item",
        "numbered item",
        "quoted line one\n> quoted line two",
        "quoted para two",
        "code line\n\ncode after a blank",
        "unclosed fence runs to the end\n\nstill code",
    ]
    check_spans(article)


def test_markup_stays_in_the_text():
    article = parse_markdown("A [link](https://x.example) and `code` and _emphasis_.")
    assert paragraph_texts(article) == ["A [link](https://x.example) and `code` and _emphasis_."]


def test_empty_front_matter_and_closing_dots():
    assert parse_markdown("---\n---\nBody.").text == "Body."
    article = parse_markdown("---\ntitle: T\n...\nBody.")
    assert article.headline == "T" and article.text == "Body."


def test_front_matter_only():
    article = parse_markdown("---\ntitle: Nothing else\n---\n")
    assert article.headline == "Nothing else"
    assert article.text == "" and article.paragraphs == ()


def test_unknown_or_bad_metadata_values_warn():
    article = parse_markdown(
        "---\ntitle: [a, {b: c}]\ndate: someday\npublished_in: print\ncount: 3\n---\nBody."
    )
    assert article.headline is None
    assert article.date is None
    assert article.extra == {"published_in": "print", "count": "3"}
    assert any("title" in w for w in article.warnings)
    assert any("someday" in w for w in article.warnings)


def test_impossible_date_is_a_warning_not_a_crash():
    article = parse_markdown("---\ndate: 2017-02-30\n---\nBody.")
    assert article.date is None
    assert any("2017-02-30" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("front", "line"),
    [
        ("title: ok\noutlet: Reuters\nbyline: a: b\n", 4),
        ("title: ok\ndate: [2017\n", 3),
        ("title: 'unclosed\n", 2),
        ("\ttitle: tab\n", 2),
    ],
)
def test_malformed_front_matter_names_file_and_line(tmp_path: Path, front, line):
    path = tmp_path / "x.md"
    path.write_text(f"---\n{front}---\nBody.\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(path)
    message = str(caught.value)
    assert message.startswith(f"cannot open '{path}': front matter is not valid YAML (line ")
    assert f"(line {line}: " in message


def test_malformed_front_matter_exact_message(tmp_path: Path):
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: ok\nbyline: a: b\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(path)
    assert str(caught.value) == (
        f"cannot open '{path}': front matter is not valid YAML "
        "(line 3: mapping values are not allowed in this context)"
    )


def test_front_matter_that_is_not_a_mapping():
    expected = r"front matter is not a list of 'key: value' lines \(line 2\)"
    with pytest.raises(LoadError, match=expected):
        parse_markdown("---\n- a\n- b\n---\nBody.", "x.md")


def test_unclosed_front_matter():
    with pytest.raises(LoadError, match="never closed"):
        parse_markdown("---\ntitle: x\nBody.", "x.md")


def test_unsafe_yaml_tags_are_refused():
    with pytest.raises(LoadError, match="line 2"):
        parse_markdown("---\nx: !!python/object/apply:os.system [echo hi]\n---\nBody.", "x.md")


def test_ten_megabytes_of_markdown_load():
    paragraph = ("Some *emphasised* prose with “quotes,” said the envoy, and more words. " * 4)
    text = "---\ntitle: Big\n---\n" + (paragraph.strip() + "\n\n") * (10_000_000 // len(paragraph))
    article = parse_markdown(text)
    assert len(article.paragraphs) > 30_000


@pytest.mark.parametrize(
    "text",
    ["x" * 5_000_000, "\n" * 5_000_000, "# " + " " * 5_000_000 + "x", "# " + "#" * 5_000_000,
     "`" * 5_000_000, "- " * 2_500_000 + "x", "a\n" + "=" * 5_000_000 + "x",
     "```\n" + "code\n\n" * 500_000],
    ids=["one-line", "newlines", "spaced-heading", "hashes", "backticks", "dashes", "equals",
         "long-fence"],
)
def test_pathological_markdown_loads(text):
    check_spans(parse_markdown(text))

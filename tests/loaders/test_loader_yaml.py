"""The YAML article loader: schema, spans, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from loader_helpers import FIXTURES, check_spans, paragraph_texts

from reader.errors import LoadError
from reader.loaders import load, parse_yaml_article


def test_paragraphs_list_article():
    article = load(FIXTURES / "article.yaml")
    assert article.format == "yaml"
    assert article.headline == "UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis"
    assert article.headline_span is None  # the headline is not part of the body text
    assert article.outlet == "Reuters"
    assert article.date == dt.date(2017, 6, 8)
    assert article.byline == "Jane Doe, John Roe"
    assert article.url == "https://example.com/envoy-lavrov"
    assert article.caption == "Lavrov and de Mistura enter a hall in Moscow."
    assert article.credit == "REUTERS/Sergei Karpukhin"
    assert article.extra == {"section": "World"}
    assert paragraph_texts(article) == [
        "The United Nations special envoy for Syria Staffan de Mistura met with Russian Foreign "
        "Minister Sergei Lavrov.",
        "“I think that the most important thing now is to ensure that all the efforts are "
        "harmonized,” said Lavrov.",
        "De Mistura said the talks in Astana and Geneva were “closely interconnected”.",
    ]
    assert article.text == "\n\n".join(paragraph_texts(article))
    assert article.warnings == ()
    check_spans(article)


@pytest.mark.parametrize("key", ["body", "text", "Body"])
def test_body_string(key):
    source = f"title: T\n{key}: |\n  First paragraph,\n  wrapped.\n\n  Second paragraph.\n"
    article = parse_yaml_article(source)
    assert article.text == "First paragraph,\nwrapped.\n\nSecond paragraph.\n"
    assert paragraph_texts(article) == ["First paragraph,\nwrapped.", "Second paragraph."]
    assert article.headline == "T"
    check_spans(article)


def test_body_without_blank_lines_is_one_paragraph_per_line():
    article = parse_yaml_article("body: \"One.\\nTwo.\\nThree.\"\n")
    assert paragraph_texts(article) == ["One.", "Two.", "Three."]


@pytest.mark.parametrize("body", ["body:", "body: ''", "paragraphs: []", "paragraphs:"])
def test_empty_body_is_an_article_without_paragraphs(body):
    article = parse_yaml_article(f"title: Nothing yet\n{body}\n")
    assert article.paragraphs == ()
    assert article.headline == "Nothing yet"


def test_body_wins_over_paragraphs_with_a_warning():
    article = parse_yaml_article("body: From body.\nparagraphs: [From list.]\n")
    assert article.text == "From body."
    assert article.warnings == ("'body' used; 'paragraphs' ignored",)


def test_numbers_are_text():
    article = parse_yaml_article("title: 1984\nparagraphs: [42, 3.5]\n")
    assert article.headline == "1984"
    assert paragraph_texts(article) == ["42", "3.5"]


def test_timestamp_date():
    article = parse_yaml_article("date: 2017-06-08T10:30:00Z\nbody: x\n")
    assert article.date == dt.date(2017, 6, 8)


def _error(tmp_path: Path, content: str) -> str:
    path = tmp_path / "x.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(path)
    assert caught.value.source == str(path)
    return caught.value.reason


def test_malformed_yaml_names_the_line(tmp_path: Path):
    reason = _error(tmp_path, "title: ok\noutlet: Reuters\nbody: a: b\n")
    assert reason == "not valid YAML (line 3: mapping values are not allowed in this context)"


def test_bad_indentation(tmp_path: Path):
    reason = _error(tmp_path, "title: ok\nparagraphs:\n  - one\n - two\n")
    assert reason.startswith("not valid YAML (line 4: ")


def test_not_a_mapping(tmp_path: Path):
    reason = _error(tmp_path, "- just\n- a list\n")
    assert reason.startswith("a YAML article is a mapping with a 'body'")


def test_comment_only_file(tmp_path: Path):
    assert "no mapping" in _error(tmp_path, "# nothing here\n")


def test_no_body_key(tmp_path: Path):
    assert _error(tmp_path, "title: T\nauthor: A\n").endswith("none was found")


def test_paragraph_that_is_not_text_names_its_line(tmp_path: Path):
    reason = _error(tmp_path, "title: T\nparagraphs:\n  - fine\n  - {nested: map}\n")
    assert reason == "paragraph 2 is not text (line 4)"


def test_paragraphs_not_a_list(tmp_path: Path):
    reason = _error(tmp_path, "paragraphs: {a: b}\n")
    assert reason == "'paragraphs' must be a list of strings (line 1)"


def test_body_not_text(tmp_path: Path):
    assert _error(tmp_path, "title: T\nbody:\n  - a\n") == "'body' must be text (line 3)"


def test_multiple_documents(tmp_path: Path):
    assert _error(tmp_path, "body: a\n---\nbody: b\n").startswith("not valid YAML (line 2: ")


def test_unsafe_tag_is_refused(tmp_path: Path):
    reason = _error(tmp_path, "body: !!python/object/apply:os.system [echo hi]\n")
    assert reason.startswith("not valid YAML (line 1: could not determine a constructor")


def test_alias_bomb_is_harmless():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    article = parse_yaml_article("\n".join(lines) + "\nbody: Fine.\n")
    assert article.text == "Fine."
    assert "i" not in article.extra  # nested lists are not flattened into extra


def test_huge_integer_stays_text():
    article = parse_yaml_article("title: " + "9" * 5000 + "\nbody: x\n")
    assert article.headline == "9" * 5000


def test_blank_title_is_ignored_quietly():
    article = parse_yaml_article("title: '  '\nbody: x\n")
    assert article.headline is None and article.warnings == ()

"""Metadata sidecars: story.meta.yaml next to story.txt (any format)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from loader_helpers import FIXTURES, SEED, check_spans

from reader.errors import LoadError
from reader.loaders import load


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    shutil.copy(SEED, path)
    return path


def test_sidecar_adds_and_overrides_metadata(story: Path):
    (story.parent / "story.meta.yaml").write_text(
        "outlet: Reuters\n"
        "byline: Jane Doe\n"
        "date: 2017-06-09\n"
        "url: https://example.com/envoy\n"
        "desk: World\n",
        encoding="utf-8",
    )
    before = story.read_bytes(), story.stat().st_mtime_ns
    article = load(story)
    assert article.outlet == "Reuters"
    assert article.byline == "Jane Doe"
    assert article.date == dt.date(2017, 6, 9)  # overrides the caption's date
    assert article.url == "https://example.com/envoy"
    assert article.extra == {"desk": "World"}
    # What the sidecar does not mention stays as the article says.
    assert article.headline == "UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis"
    assert article.headline_span.of(article.text) == article.headline
    assert article.credit == "REUTERS/Sergei Karpukhin"
    assert len(article.paragraphs) == 5
    assert (story.read_bytes(), story.stat().st_mtime_ns) == before  # never written
    check_spans(article)


def test_overridden_headline_loses_its_span(story: Path):
    (story.parent / "story.meta.yml").write_text("title: A better headline\n", encoding="utf-8")
    article = load(story)
    assert article.headline == "A better headline"
    assert article.headline_span is None
    assert len(article.paragraphs) == 5
    check_spans(article)


def test_same_headline_keeps_its_span(story: Path):
    (story.parent / "story.meta.yaml").write_text(
        "headline: UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis\n"
        "credit: Photo by Sergei Karpukhin\n",
        encoding="utf-8",
    )
    article = load(story)
    assert article.headline_span is not None
    assert article.credit == "Photo by Sergei Karpukhin"
    assert article.credit_span is None
    check_spans(article)


def test_yaml_suffix_wins_over_yml(story: Path):
    (story.parent / "story.meta.yaml").write_text("outlet: From yaml\n", encoding="utf-8")
    (story.parent / "story.meta.yml").write_text("outlet: From yml\n", encoding="utf-8")
    assert load(story).outlet == "From yaml"


@pytest.mark.parametrize("name", ["front-matter.md", "article.html", "article.yaml"])
def test_sidecar_for_every_format(tmp_path: Path, name: str):
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    stem = name.rsplit(".", 1)[0]
    (tmp_path / f"{stem}.meta.yaml").write_text("outlet: Sidecar Times\nlicense: CC-BY\n",
                                                encoding="utf-8")
    article = load(path)
    assert article.outlet == "Sidecar Times"
    assert article.extra["license"] == "CC-BY"
    check_spans(article)


def test_empty_sidecar_changes_nothing(story: Path):
    (story.parent / "story.meta.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert load(story) == dataclasses.replace(load(SEED), source=str(story))


def test_sidecar_warnings_are_prefixed(story: Path):
    (story.parent / "story.meta.yaml").write_text("date: next Tuesday\n", encoding="utf-8")
    article = load(story)
    assert article.date == dt.date(2017, 6, 8)  # the unreadable date does not erase the caption's
    assert article.warnings == ("story.meta.yaml: ignored the date 'next Tuesday': not a date",)


def test_malformed_sidecar_names_both_files_and_the_line(story: Path):
    (story.parent / "story.meta.yaml").write_text("outlet: Reuters\nbyline: a: b\n",
                                                  encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(story)
    assert str(caught.value) == (
        f"cannot open '{story}': metadata file 'story.meta.yaml' is not valid YAML "
        "(line 2: mapping values are not allowed in this context)"
    )


def test_sidecar_that_is_not_a_mapping(story: Path):
    (story.parent / "story.meta.yaml").write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(LoadError, match="'story.meta.yaml' is not a list of 'key: value' lines"):
        load(story)


def test_binary_sidecar(story: Path):
    (story.parent / "story.meta.yaml").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(LoadError, match="'story.meta.yaml' is not text"):
        load(story)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_sidecar(story: Path):
    sidecar = story.parent / "story.meta.yaml"
    sidecar.write_text("outlet: x\n", encoding="utf-8")
    sidecar.chmod(0)
    try:
        with pytest.raises(LoadError, match="'story.meta.yaml' cannot be read: permission denied"):
            load(story)
    finally:
        sidecar.chmod(0o644)


def test_sidecar_is_not_loaded_as_its_own_article_sidecar(tmp_path: Path):
    path = tmp_path / "story.meta.yaml"
    path.write_text("title: T\nbody: Text.\n", encoding="utf-8")
    assert load(path).text == "Text."


def test_file_without_suffix(tmp_path: Path):
    path = tmp_path / "story"
    path.write_text("Headline\n\nBody.\n", encoding="utf-8")
    (tmp_path / "story.meta.yaml").write_text("outlet: O\n", encoding="utf-8")
    assert load(path).outlet == "O"

"""User config: defaults, typed values, friendly errors, atomic saves that keep the rest."""

from __future__ import annotations

import pytest

from reader.config import Config, ConfigError, config_path, load_config, save_setting


def test_missing_file_gives_defaults(tmp_path):
    config, problem = load_config(tmp_path / "none.yaml")
    assert config == Config() and problem is None


def test_values_are_read(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("theme: nord\nshow_indirect: true\nkeys:\n  next_quote: 'n,down'\n", encoding="utf-8")
    config, problem = load_config(path)
    assert problem is None
    assert config.theme == "nord" and config.show_indirect is True
    assert config.keys == {"next_quote": "n,down"}


def test_bad_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("theme: nord\nkeys: [unclosed\n", encoding="utf-8")
    config, problem = load_config(path)
    assert config == Config()
    assert str(path) in problem and "line 2" in problem and "defaults" in problem


@pytest.mark.parametrize("body, words", [
    ("show_indirect: maybe\n", "true or false"),
    ("quote_max_words: -3\n", "whole number"),
    ("colour: red\n", "unknown setting 'colour'"),
    ("- a list\n", "expected a mapping"),
])
def test_wrong_values_are_explained(tmp_path, body, words):
    path = tmp_path / "config.yaml"
    path.write_text(body, encoding="utf-8")
    config, problem = load_config(path)
    assert config == Config() and words in problem


def test_save_keeps_other_settings(tmp_path):
    path = tmp_path / "sub" / "config.yaml"
    save_setting("theme", "nord", path)
    save_setting("citation_style", "apa", path)
    config, problem = load_config(path)
    assert problem is None and config.theme == "nord" and config.citation_style == "apa"


def test_save_refuses_to_replace_a_broken_file(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("keys: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        save_setting("citation_style", "apa", path)
    assert path.read_text(encoding="utf-8") == "keys: [unclosed\n"


def test_env_overrides_path(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "c.yaml"))
    assert config_path() == tmp_path / "c.yaml"

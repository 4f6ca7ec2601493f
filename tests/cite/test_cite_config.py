"""Every style the picker offers survives being remembered in the config file."""

from __future__ import annotations

import pytest

from reader.cite import available_styles, format_citation, resolve_style
from reader.config import load_config, save_setting

AWKWARD_NAMES = ["yes", "null", "123", "a: b", "#hash", "my style", "ünïcode", "- dash", "~", "on"]


@pytest.fixture
def config_path(tmp_path):
    path = tmp_path / "config.yaml"
    save_setting("citation_styles", {name: f"{name}: {{quote}}" for name in AWKWARD_NAMES}, path)
    return path


def test_every_style_round_trips(config_path, seed):
    config, problem = load_config(config_path)
    assert problem is None
    names = available_styles(config)
    assert len(names) == 7 + len(AWKWARD_NAMES)
    for name in names:
        save_setting("citation_style", name, config_path)
        loaded, problem = load_config(config_path)
        assert problem is None
        assert loaded.citation_style == name
        assert resolve_style(None, loaded) == name
        assert available_styles(loaded) == names
        # the remembered style is the one used when none is asked for
        assert format_citation(seed, seed.quotes[0], None, loaded) == \
            format_citation(seed, seed.quotes[0], name, loaded)


def test_user_template_text_survives(config_path, seed):
    config, _ = load_config(config_path)
    assert format_citation(seed, seed.quotes[0], "a: b", config) == \
        "a: b: a permanent source of threat threats."


def test_names_with_spaces_around_them_are_listed_trimmed(tmp_path):
    path = tmp_path / "config.yaml"
    save_setting("citation_styles", {"  padded  ": "{quote}"}, path)
    config, _ = load_config(path)
    assert available_styles(config)[-1] == "padded"
    save_setting("citation_style", "padded", path)
    assert resolve_style(None, load_config(path)[0]) == "padded"

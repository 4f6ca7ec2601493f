"""Fixtures for the hostile-input tests: a private config, the CLI in-process, async tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tui"))


@pytest.fixture(autouse=True)
def _private_config(tmp_path, monkeypatch):
    """Every test gets its own (absent) config file and no local clipboard tool."""
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "config" / "config.yaml"))
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("reader.tui.app.find_tool", lambda: None)


@pytest.fixture
def config_file(tmp_path) -> Path:
    """The config file the CLI and the app read in this test (not created)."""
    path = tmp_path / "config" / "config.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True)
def _private_config(tmp_path, monkeypatch):
    """Every UI test gets its own config file and no local clipboard tool."""
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "config.yaml"))
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("reader.tui.app.find_tool", lambda: None)

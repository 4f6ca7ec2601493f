"""Fixtures for the loader tests."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable

import pytest


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Callable[[bytes], None]:
    """Replace standard input with the given bytes."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    return feed

"""Where the bundled seeds and styles live, installed (inside the package) or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # A wheel ships them inside the package; a source checkout keeps them at the top level.
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled '{name}' directory not found next to {_PACKAGE}")


def seeds_dir() -> Path:
    return _bundled("seeds")


def styles_dir() -> Path:
    return _bundled("styles")


def default_article() -> Path:
    """The article ``reader`` opens when given no path."""
    return sorted(seeds_dir().glob("*.txt"))[0]

"""A text input that never holds a control character.

Pasted text can carry escape sequences, bidi overrides or zero-width characters (copied from a
web page or a terminal); an Input would otherwise draw them raw. They are dropped as they come in
(tabs and line breaks become spaces): nobody searches for, or names a file with, an ESC.
"""

from __future__ import annotations

import unicodedata

from textual.widgets import Input

from reader.safetext import NEEDS_MAPPING, SPACE_LIKE, VARIATION_SELECTORS


def input_text(text: str) -> str:
    """``text`` without control or invisible characters (whitespace controls become spaces)."""
    if text.isascii() and text.isprintable():
        return text
    out = []
    for ch in text:
        if ch in SPACE_LIKE:
            out.append(" ")
        elif ch in VARIATION_SELECTORS:
            out.append(ch)
        elif NEEDS_MAPPING.match(ch) or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return "".join(out)


class SafeInput(Input):
    """An Input that drops control and invisible characters, typed, pasted or set."""

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(input_text(text), start, end)

    def validate_value(self, value: str) -> str:
        return input_text(value)

"""Text that is safe to put in front of a terminal: nothing in it can act, everything shows.

Article text, file names and error messages can hold escape sequences (a title-setting OSC, an
OSC 52 that writes the clipboard, a CSI that clears the screen), NUL, bidi overrides and
zero-width characters. None of them may reach a terminal raw. Two ways to neutralise them:

- :func:`visible` maps each such code point to a visible stand-in (ESC → ``␛``, other C0 → the
  U+24xx control pictures, DEL → ``␡``, C1, bidi, zero-width and other invisible format
  characters → ``⟨U+202E⟩``). The reader's body, lists and notifications, and the human-readable
  outputs of ``reader quotes`` show text this way.
- :func:`escaped` writes them as backslash escapes (``\\x1b``, ``\\u202e``) for one-line messages
  on standard error, where a file name must stay recognisable and typeable.

Pure Python (no Rich, no Textual): the core and the UI share it.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that always need a stand-in. Tab/newline/CR/FF/VT (and other line separators) are
# whitespace; :func:`display_char` turns them into spaces.
NEEDS_MAPPING = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb"
    "\U000e0000-\U000e0fff\ud800-\udfff]"
)
SPACE_LIKE = frozenset("\t\n\r\x0b\x0c\u2028\u2029\x85")
# Every non-ASCII control (C1, DEL), line or paragraph separator and invisible format character
# (bidi controls, zero-width characters, soft hyphen, tag characters, …): categories Cc, Cf, Zl
# and Zp above ASCII, as of Unicode 16. A test checks it against the running Python's tables.
INVISIBLE = re.compile(
    "[\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)
VARIATION_SELECTORS = frozenset(chr(c) for c in range(0xFE00, 0xFE10))
_INVISIBLE_CATEGORIES = ("Cc", "Cf", "Cs", "Co", "Cn")


def display_char(ch: str) -> str:
    """The visible form of one code point (itself when it is ordinary; a space for whitespace
    such as a newline or a tab)."""
    if ch in SPACE_LIKE:
        return " "
    code = ord(ch)
    if code == 0x1B:
        return "\u241b"  # ␛
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    if ch in VARIATION_SELECTORS:
        return ch  # part of an emoji or CJK glyph: harmless, keep it
    if NEEDS_MAPPING.match(ch) or unicodedata.category(ch) in _INVISIBLE_CATEGORIES:
        return f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩
    return ch


def safe_text(text: str) -> str:
    """``text`` with every control or invisible character replaced by its visible form and
    every newline or tab by a space (for one line of a pane)."""
    if (not NEEDS_MAPPING.search(text) and not any(ch in SPACE_LIKE for ch in text)
            and (text.isascii() or not any(
                unicodedata.category(ch) in _INVISIBLE_CATEGORIES for ch in set(text)
                if ord(ch) > 0x7F and ch not in VARIATION_SELECTORS))):
        return text
    return "".join(display_char(ch) for ch in text)


def visible(text: str, keep: str = "\n") -> str:
    """``text`` with every control or invisible character replaced by its visible form, keeping
    the characters in ``keep`` (line feeds by default) as they are.

    Unlike :func:`safe_text`, whitespace such as tabs and carriage returns is also shown (``␉``,
    ``␍``) unless kept, so the text's lines stay the text's lines.
    """
    if text.isascii() and not NEEDS_MAPPING.search(text) and all(
            c in keep or c not in text for c in "\t\n"):
        return text
    out = []
    for ch in text:
        if ch in keep:
            out.append(ch)
        elif ch == " " or (ch.isascii() and ch.isprintable()):
            out.append(ch)
        elif ch in SPACE_LIKE:
            code = ord(ch)
            out.append(chr(0x2400 + code) if code < 0x20 else f"\u27e8U+{code:04X}\u27e9")
        else:
            out.append(display_char(ch))
    return "".join(out)


_ESCAPE_NAMES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escaped(text: str) -> str:
    """``text`` for a one-line message: control, invisible and line-breaking characters as
    backslash escapes (``\\x1b``, ``\\u202e``); a byte that was not valid in a file name
    (Python's surrogate escape) as ``\\xNN``. Everything else, accents and CJK included, as is.
    """
    if text.isascii() and text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPE_NAMES:
            out.append(_ESCAPE_NAMES[ch])
        elif ch == " " or (ch.isprintable() and not NEEDS_MAPPING.match(ch)):
            out.append(ch)
        elif 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return "".join(out)

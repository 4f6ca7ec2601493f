"""Bytes to text: UTF-8 first (BOM tolerated), then UTF-16 by BOM, then a legacy fallback."""

from __future__ import annotations

import codecs

# Share of NUL or C0 control bytes above which a file is treated as binary, not text.
_BINARY_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")


def looks_binary(data: bytes) -> bool:
    """True for images, executables and other files that are not text articles."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(sample) > _BINARY_CONTROL_SHARE


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode article bytes; return the text and a warning when a fallback was needed."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        where = exc.start
    # cp1252 is what legacy Western web pages and Word files almost always are; bytes it leaves
    # undefined map through Latin-1 so decoding can never fail.
    text = data.decode("cp1252", errors="latin1_fallback")
    return text, f"not valid UTF-8 (byte {where}); decoded as Windows-1252"


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start : exc.end]
    return bad.decode("latin-1"), exc.end


codecs.register_error("latin1_fallback", _latin1_fallback)

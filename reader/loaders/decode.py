"""Bytes to text: UTF-8 first (BOM tolerated), then UTF-32/UTF-16 by BOM, then a legacy fallback."""

from __future__ import annotations

import codecs

# Share of NUL or C0 control bytes above which a file is treated as binary, not text.
_BINARY_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")
# UTF-32 first: its little-endian BOM begins with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


# Signatures of common non-text files (images, documents, archives, executables).
_MAGIC = (
    b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04",
    b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"\x7fELF",
    b"MZ", b"\xca\xfe\xba\xbe", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xcf\xfa\xed\xfe",
    b"\xce\xfa\xed\xfe", b"\x00asm", b"OggS", b"ID3", b"fLaC", b"RIFF", b"\x1aE\xdf\xa3",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"SQLite format 3\x00", b"wOFF", b"wOF2",
)
# "MZ" and "ID3" and "RIFF" are short: they count only with a binary-looking byte soon after.
_SHORT_MAGIC = (b"MZ", b"ID3", b"RIFF", b"BZh")
# Share of NUL bytes above which a file is binary: one stray NUL in an article is a glitch to
# show (as ␀), not a reason to refuse the text.
_BINARY_NUL_SHARE = 0.01


def looks_binary(data: bytes) -> bool:
    """True for images, executables and other files that are not text articles."""
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            # Judge the characters, not the bytes (wide text is full of NUL bytes).
            unit = 4 if codec == "utf-32" else 2
            chars = data[: 8192 - 8192 % unit].decode(codec, errors="replace")
            return _mostly_controls([ord(c) for c in chars[:4096]])
    for magic in _MAGIC:
        if data.startswith(magic):
            if magic not in _SHORT_MAGIC or any(b < 9 for b in data[len(magic) : 64]):
                return True
    return _mostly_controls(data[:8192])


def _mostly_controls(sample: bytes | list[int]) -> bool:
    if not sample:
        return False
    nuls = sample.count(0)
    if nuls > 1 and nuls > _BINARY_NUL_SHARE * len(sample):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(sample) > _BINARY_CONTROL_SHARE


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode article bytes; return the text and a warning when a fallback was needed."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    else:
        for bom, codec in _WIDE_BOMS:
            if data.startswith(bom):
                try:
                    return data.decode(codec), None
                except UnicodeDecodeError:
                    break
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        where = exc.start
    # UTF-8 with a few broken bytes (a file cut short, two files pasted together) is still UTF-8:
    # its curly quotes and accents are worth more than the broken bytes, which become U+FFFD.
    # A legacy file has no valid multi-byte sequences at all, so it goes to cp1252.
    replaced = data.decode("utf-8", errors="replace")
    broken = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(replaced) - len(replaced.encode("ascii", errors="ignore"))
    valid_multibyte = non_ascii - replaced.count("\ufffd")
    if valid_multibyte >= broken:
        return replaced, (f"not valid UTF-8 (byte {where}); {broken:,} undecodable "
                          f"byte sequence{'s' if broken != 1 else ''} shown as \ufffd")
    # cp1252 is what legacy Western web pages and Word files almost always are; bytes it leaves
    # undefined map through Latin-1 so decoding can never fail.
    text = data.decode("cp1252", errors="latin1_fallback")
    return text, f"not valid UTF-8 (byte {where}); decoded as Windows-1252"


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start : exc.end]
    return bad.decode("latin-1"), exc.end


codecs.register_error("latin1_fallback", _latin1_fallback)

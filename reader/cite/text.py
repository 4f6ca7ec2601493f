"""Text helpers shared by the citation styles: cleaning, shortening, casing, dates.

Everything that reaches a citation passes through :func:`clean` first, so no style ever sees a
control character, an escape sequence, a bidi override or a zero-width character, and every value
is one line with single spaces.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

# ESC-introduced sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-byte escapes) and their C1
# single-byte forms. Removed whole, so no parameter bytes ("[31m") are left behind.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"          # CSI
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS…
    r"|\x1b[ -/]*[0-~]?"                 # other escapes (ESC c, ESC ( B, …)
)
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _keep(char: str) -> bool:
    # Cc: C0/C1 controls and DEL. Cf: format characters, which are invisible but change what is
    # shown: bidi embeddings/overrides/isolates, zero-width (non-)joiners and spaces, word joiner,
    # BOM, soft hyphen, invisible operators.
    return unicodedata.category(char) not in ("Cc", "Cf")


def clean(text: str | None) -> str:
    """``text`` as one safe line: escapes and invisible/control characters removed, every run
    of whitespace (line breaks, tabs, no-break spaces) collapsed to one space, ends trimmed."""
    if not text:
        return ""
    text = _ESCAPES.sub("", text)
    kept = [" " if c in _LINE_BREAKS or c == "\t" else c for c in text
            if c in _LINE_BREAKS or c == "\t" or _keep(c)]
    return " ".join("".join(kept).split())


def clean_output(text: str) -> str:
    """A finished citation: like :func:`clean` but keeping line feeds (the only control
    character a citation may hold, between its parts) and no trailing spaces on any line."""
    lines = re.split(r"\r\n|[\n\r\u2028\u2029\x85]", _ESCAPES.sub("", text))
    out = []
    for line in lines:
        line = "".join(" " if c in "\t\v\f" else c for c in line if c in "\t\v\f" or _keep(c))
        out.append(line.rstrip())
    return "\n".join(out).strip("\n")


# Quotation marks --------------------------------------------------------------------------

_PAIRS = {"“": "”", '"': '"', "„": "“", "«": "»", "»": "«", "‘": "’", "'": "'", "‚": "‘",
          "「": "」", "『": "』", "‹": "›"}
_OPENING = "“\"„«‘‚「『‹"


def strip_marks(text: str) -> str:
    """``text`` without one pair of quotation marks around all of it, if it has them."""
    if len(text) >= 2 and _PAIRS.get(text[0]) == text[-1]:
        inner = text[1:-1]
        # Only when the marks pair with each other (not “a” and “b”).
        if text[0] not in inner and text[-1] not in inner:
            return inner.strip()
    return text


def join_paragraphs(text: str) -> str:
    """A quote running over paragraphs as one line: the opening mark that newsroom style repeats
    at the start of each continued paragraph is dropped, then whitespace is collapsed."""
    chunks = [c.strip() for c in re.split(r"\n\s*\n|\r\n\s*\r\n|\u2029", text) if c.strip()]
    for i in range(1, len(chunks)):
        chunk = chunks[i]
        opener = chunk[0]
        if opener not in _OPENING:
            continue
        closer = _PAIRS[opener]
        unbalanced = (chunk.count(opener) % 2 == 1 if closer == opener
                      else chunk.count(opener) > chunk.count(closer))
        if unbalanced:
            chunks[i] = chunk[1:].lstrip()
    return " ".join(chunks)


def nest(text: str) -> str:
    """Double quotation marks inside a quote become single ones (the quote is put in double
    marks): “a ‘b’ c”. Straight double quotes alternate open/close."""
    out = []
    opened = False
    for char in text:
        if char == "“":
            out.append("‘")
        elif char == "”":
            out.append("’")
        elif char == '"':
            out.append("’" if opened else "‘")
            opened = not opened
        else:
            out.append(char)
    return "".join(out)


def drop_continuation(text: str) -> str:
    """The quote without a trailing comma, semicolon or colon: in the article the sentence went
    on ("…,” said Lavrov); standing alone, it ends with the last word."""
    return text.rstrip(",;:").rstrip() if text else text


# Shortening ---------------------------------------------------------------------------------

ELLIPSIS = "…"


def shorten(text: str, max_words: int) -> str:
    """At most ``max_words`` words, cut at a word boundary and marked with an ellipsis
    (``max_words`` 0 = never shorten)."""
    words = text.split(" ")
    counted = [w for w in words if w != ELLIPSIS]
    if max_words <= 0 or len(counted) <= max_words:
        return text
    kept: list[str] = []
    n = 0
    for word in words:
        if n == max_words:
            break
        kept.append(word)
        if word != ELLIPSIS:
            n += 1
    while kept and kept[-1] == ELLIPSIS:
        kept.pop()
    last = kept[-1].rstrip(",;:.-–—")
    kept[-1] = last or kept[-1]
    return " ".join(kept) + " " + ELLIPSIS


# Titles -------------------------------------------------------------------------------------

# APA 7 (6.17): lowercase articles, coordinating conjunctions and prepositions of three letters
# or fewer. Chicago 17 (8.159) and MLA 9 lowercase every preposition.
APA_MINOR = frozenset(
    "a an the and but or nor for so yet as at by in of off on per to up via vs".split()
)
CMOS_MINOR = APA_MINOR - {"up", "off"} | frozenset(
    "about above across after against along amid among around before behind below beneath beside "
    "between beyond despite down during except from inside into like near onto out outside over "
    "past since than through throughout toward towards under underneath until unto upon versus "
    "with within without".split()
)


def _cap(word: str) -> str:
    # Only ever raise a first letter: acronyms (UN, FM) and names (McDonald, iPhone) are kept.
    for i, char in enumerate(word):
        if char.isalpha():
            if word[i:].startswith(("http", "www.")) or any(c.isupper() for c in word[i:]):
                return word
            return word[:i] + char.upper() + word[i + 1 :]
    return word


def title_case(title: str, minor: frozenset[str] = CMOS_MINOR) -> str:
    """Headline-style capitalisation that never lowercases: first and last words and words after
    a colon or dash are capitalised, minor words elsewhere are left as they are."""
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        bare = word.strip("“”‘’\"'()[]:;,.!?").lower()
        first = i == 0 or words[i - 1].endswith((":", "—", "–", "?", "!"))
        last = i == len(words) - 1
        if bare in minor and not first and not last:
            out.append(word)
        else:
            out.append("-".join(_cap(part) for part in word.split("-")))
    return " ".join(out)


def short_title(title: str, max_words: int = 4, minor: frozenset[str] = CMOS_MINOR,
                first_phrase: bool = False) -> str:
    """A shortened title for in-text citations and short notes: the part before a subtitle,
    at most ``max_words`` words, not ending in a minor word or punctuation. With
    ``first_phrase`` (MLA 9) it also stops before the first preposition or conjunction."""
    main = re.split(r":\s|\s[—–]\s|—", title, maxsplit=1)[0].strip()
    words = main.split(" ")
    if first_phrase:
        for i, word in enumerate(words[1:], start=1):
            if word.lower().strip(",;") in minor - {"a", "an", "the"}:
                words = words[:i]
                break
            if word.endswith((",", ";")):
                words = words[: i + 1]
                break
    for i, word in enumerate(words[: max_words - 1]):
        if i >= 1 and word.endswith((",", ";")):  # stop at a clause: "In Texas, Ad Heats…"
            words = words[: i + 1]
            break
    words = words[:max_words]
    while len(words) > 1 and words[-1].lower().strip(",;.") in minor:
        words.pop()
    short = " ".join(words)
    if short != title:
        short = short.rstrip(",;:.—– ")
    return short


def ends_sentence(text: str) -> bool:
    """True when ``text`` already ends in a mark that replaces a following period or comma."""
    return text.rstrip("”’\"'").endswith(("?", "!", "."))


def sentence(text: str) -> str:
    """``text`` ended with a period unless it already ends with ``.``, ``?`` or ``!``."""
    return text if ends_sentence(text) else text + "."


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)


# Dates -------------------------------------------------------------------------------------

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
# MLA 9: months longer than four letters are abbreviated; September as "Sept."
MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec.")


def day_month_year(date: _dt.date) -> str:
    """``8 June 2017``: unambiguous everywhere, locale-independent."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def month_day_year(date: _dt.date) -> str:
    """``June 8, 2017`` (Chicago)."""
    return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"

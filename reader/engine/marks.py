"""Quotation marks: find them, pair them, and cut the text they enclose into segments.

One pass over each paragraph (a non-empty line), in linear time: every mark is looked at a
bounded number of times and no regular expression can backtrack beyond a line.

Rules, in the order they matter:

* Double marks are paired by kind: “ ” (and „ closed by “ or ”), « » (also »…« ), 「 」,
  straight ``"`` and the two-apostrophe mark ``''`` some archives use for a double quote (three
  apostrophes are a single quote plus that pair, the pair on the side away from the word).
  Straight marks alternate.
* Typing slips are repaired from context: “ touching a word on its left and not on its right
  closes; ” at a paragraph start or after a space and before a word opens.
* A curly quote inside an open straight quote is nested and belongs to the outer quote.
  Single marks (‘ ’ ‚ ‹ ›, straight ') inside a double quote are nested quotes too.
* Apostrophes (it's, voters', Jones’) never pair with anything.
* A quote still open at the end of its paragraph continues when the next paragraph starts with an
  opening mark (the newsroom block-quote convention; the repeated mark is consumed), or when the
  next line is a hard wrap (joined by one newline, first mark a closing one). Otherwise it ends
  with its paragraph: an unclosed mark never swallows the rest of the article.
* Articles that use no double marks at all are read with single marks as the quotation marks
  (‘ ’, ‚ ‘, ‹ ›, straight ').
* Marks inside markup tags (``<tweet author="…">``) are ignored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OPENERS = frozenset("\u201c\u00ab\u201e\u300c")  # “ « „ 「
CLOSERS = frozenset("\u201d\u00bb\u300d")  # ” » 」
# A double mark, or two or more apostrophes (what the marks are; _double_mark_matches finds
# them faster, one mark character at a time).
_DOUBLE_CHARS = "\"\u201c\u201d\u00ab\u00bb\u201e\u300c\u300d"
_DOUBLE = re.compile(f"[{_DOUBLE_CHARS}'](?:(?<=')'+|(?<=[{_DOUBLE_CHARS}]))")
_APOSTROPHES = re.compile("''+")
_SINGLE = re.compile("[\u2018\u2019\u201a\u2039\u203a']")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,400}>")  # (a tag may wrap: tweet-date="May 9\n">)

# A mark: [position, length, class]; class is open, close, straight.
Mark = list


# Not frozen (a frozen __init__ sets each field through object.__setattr__, twice the cost of
# making one; thousands are made per article set); never changed after it is made, and hashed
# as if it were frozen.
@dataclass(unsafe_hash=True, slots=True)
class Segment:
    """Text inside one pair of quotation marks (or one block quote)."""

    start: int  # first character inside the opening mark
    end: int  # first character of the closing mark (or end of the paragraph)
    open_at: int  # position of the opening mark
    close_end: int  # position just after the closing mark (== end when unterminated)
    paragraphs: int = 1
    unterminated: bool = False
    style: str = "double"  # double or single

    @property
    def is_block(self) -> bool:
        return self.paragraphs > 1


def _blank(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc")


def paragraphs(text: str, skip: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end) spans, leaving out the ``skip`` spans (a caption)."""
    out = []
    # the lines found by str.split (in C, many characters at a time: a pattern for a line tests
    # each of its characters in turn), their offsets counted from their lengths
    s = 0
    for line in text.split("\n"):
        e = s + len(line)
        # (a line that starts with a letter or mark is not stripped to be tested)
        if line and not (line[0].isspace() and not line.strip()) and not (skip and any(a <= s < b for a, b in skip)):
            out.append((s, e - 1 if line[-1] == "\r" else e))
        s = e + 1
    return out


def _double_mark_matches(text: str) -> list[tuple[int, str]]:
    """What ``_DOUBLE.finditer(text)`` finds, as (position, mark). Each mark character is looked
    for by ``str.find`` (in C, many characters at a time) and runs of apostrophes by a pattern that
    starts with a literal: a scan for a class tests every character in turn, several times slower."""
    found = []
    for ch in _DOUBLE_CHARS:
        i = text.find(ch)
        while i >= 0:
            found.append((i, ch))
            i = text.find(ch, i + 1)
    if "''" in text:
        found += [(m.start(), m.group()) for m in _APOSTROPHES.finditer(text)]
    found.sort()
    return found


def _double_marks(text: str, s: int, e: int, masked: bytearray | None, found) -> list[Mark]:
    """The double marks of the paragraph text[s:e]; ``found`` are its (position, mark) matches of
    the mark pattern."""
    out: list[Mark] = []
    for pos, g in found:
        if masked is not None and masked[pos]:
            continue
        if g[0] == "'":
            n = len(g)
            if n % 2:  # ''' = ' + '' : the pair faces away from the word
                before = text[pos - 1] if pos > s else " "
                if not _blank(before):
                    pos += 1
                n -= 1
            out.extend([pos + k, 2, "straight"] for k in range(0, n, 2))
        else:
            out.append([pos, 1, "open" if g in OPENERS else "close" if g in CLOSERS else "straight"])
    for mk in out:
        pos, ln, cls = mk
        before = text[pos - 1] if pos > s else " "
        after = text[pos + ln] if pos + ln < e else " "
        if cls == "open" and not _blank(before) and before not in "([{\u2014\u2013-/" and (
            _blank(after) or (not after.isalnum() and after not in "\u2018'$(\u2026[")
        ):
            mk[2] = "close"  # “ used as a closing mark
        elif cls == "close" and (pos == s or _blank(before) or before in "([\u2014") and (
            after.isalnum() or pos == s or after in "\u2026.\u2018'"
        ):
            mk[2] = "open"  # ” used as an opening mark
    return out


def _single_marks(text: str, s: int, e: int, masked: bytearray | None, found) -> list[Mark]:
    """Single quotation marks, apostrophes left out; ``found`` as for _double_marks."""
    out: list[Mark] = []
    for pos, g in found:
        if masked is not None and masked[pos]:
            continue
        before = text[pos - 1] if pos > s else " "
        after = text[pos + 1] if pos + 1 < e else " "
        if before.isalnum() and after.isalnum():
            continue  # it's, Jones’s
        if g in "\u2018\u201a\u2039":
            if g == "\u2018" and not _blank(before) and before not in "([{\u2014\u2013\"" and (
                    _blank(after) or not after.isalnum()):
                out.append([pos, 1, "close"])  # ‚…‘ (German), or a slip
            else:
                out.append([pos, 1, "open"])
        elif g == "\u203a":
            out.append([pos, 1, "close"])
        else:  # ’ or '
            opening = (_blank(before) or before in "([{\u2014\u2013\"") and (after.isalnum() or after in "\u2026$")
            if opening:
                if after.isdigit():  # '90s
                    continue
                out.append([pos, 1, "open" if g == "\u2019" else "straight"])
            elif not _blank(before):
                # touching a word on its left only: a closing mark or a plural possessive
                # ("Democrats' strength"), never an opening one
                out.append([pos, 1, "close"])
    return out


def find_segments(text: str, skip: tuple[tuple[int, int], ...] = (),
                  pars: list[tuple[int, int]] | None = None) -> list[Segment]:
    """Every quotation-mark segment of ``text`` in document order (see the module doc).
    ``pars`` are the paragraphs when the caller has them already."""
    masked = None
    if "<" in text:
        found = list(_TAG.finditer(text))
        if found:
            masked = bytearray(len(text) + 1)
            for m in found:
                masked[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    found = _double_mark_matches(text)
    # (an article with no double mark outside the tags is read with single marks)
    if found and (masked is None or any(not masked[pos] for pos, _ in found)):
        style = "double"
    else:
        style = "single"
        found = [(m.start(), m.group()) for m in _SINGLE.finditer(text)]
    if pars is None:
        pars = paragraphs(text, skip)
    # one scan of the whole text (no mark pattern matches across a line), then the marks of
    # each paragraph are classified in its own context
    by_par: list[list] = [[] for _ in pars]
    # marks and paragraphs both come in order: the paragraph of each mark is followed along
    pi, last = 0, len(pars) - 1
    for m in found:
        pos = m[0]
        while pi < last and pars[pi + 1][0] <= pos:
            pi += 1
        if pars and pars[pi][0] <= pos < pars[pi][1]:
            by_par[pi].append(m)
    classify = _double_marks if style == "double" else _single_marks

    def scan(text: str, ps: int, pe: int, masked, pi: int) -> list[Mark]:
        found = by_par[pi]
        return classify(text, ps, pe, masked, found) if found else []

    segs: list[Segment] = []
    carry = None  # (inside start, open mark position, paragraphs so far, how)
    next_marks = None
    for pi, (ps, pe) in enumerate(pars):
        if carry is None and not (by_par[pi] if next_marks is None else next_marks):
            next_marks = None
            continue  # no quotation open and no mark in this paragraph (the commonest case)
        marks = next_marks if next_marks is not None else scan(text, ps, pe, masked, pi)
        next_marks = None
        open_at = None
        open_mark = 0
        npar = 1
        family = None
        nested = 0
        if carry is not None:
            open_at, open_mark, npar, family, how = carry
            if how == "reopen":
                marks = marks[1:]  # the repeated opening mark
                npar += 1
        carry = None
        for pos, ln, cls in marks:
            if open_at is None:
                if cls == "close":
                    continue  # stray closing mark
                open_at, open_mark, npar = pos + ln, pos, 1
                family = "straight" if cls == "straight" else "curly"
                continue
            if cls == "open":
                if family == "straight" or nested:
                    nested += 1  # curly quote nested in a straight quote
                    continue
                open_at, open_mark, npar = pos + ln, pos, 1  # reopened: the earlier mark was a slip
                continue
            if nested and cls == "close":
                nested -= 1
                continue
            nested = 0
            segs.append(Segment(open_at, pos, open_mark, pos + ln, npar, False, style))
            open_at = None
        if open_at is None:
            continue
        if pi + 1 < len(pars):
            ns, ne = pars[pi + 1]
            nxt = scan(text, ns, ne, masked, pi + 1)
            next_marks = nxt
            lead = len(text[ns:ne]) - len(text[ns:ne].lstrip())
            if nxt and nxt[0][0] == ns + lead and nxt[0][2] in ("open", "straight"):
                fam = "straight" if nxt[0][2] == "straight" else "curly"
                carry = (open_at, open_mark, npar, fam, "reopen")
                continue
            if ns - pe == 1 and nxt and (
                nxt[0][2] == "close" or (nxt[0][2] == "straight" and not _blank(text[nxt[0][0] - 1]))
            ):
                carry = (open_at, open_mark, npar, family, "wrap")
                continue
        end = ps + len(text[ps:pe].rstrip())
        if end < open_at:
            end = open_at
        segs.append(Segment(open_at, end, open_mark, end, npar, True, style))
    return segs

"""User citation styles: templates with named fields, from the config's ``citation_styles``.

    citation_styles:
      newsroom: '“{quote}” — {speaker} ({role}), {outlet}, {date:%d %b %Y}'
      wire: '{speaker}: “{quote}” ({headline}, para. {paragraph})'

Fields: ``quote`` (the quotation without its quotation marks; shortened and joined like in every
style), ``speaker``, ``role``, ``cue`` (the speech verb, "said"), ``headline``, ``outlet``, ``date``
(``8 June 2017``; any strftime form after a colon: ``{date:%Y-%m-%d}``), ``url``, ``paragraph``
(1-based number of the paragraph the quote starts in) and ``byline``. Other fields may take a
Python format spec (``{speaker:.30}``). ``{{`` and ``}}`` are literal braces.

A template is checked before it is used: an unknown field, a bad format spec or an unbalanced
brace is a :class:`TemplateError` naming the style and the field.

Missing fields. A field whose value is unknown is left out together with what only makes sense
around it, so nothing prints "None", "()" or ", ,":

1. quotation marks or brackets directly around it: ``({role})``, ``“{headline}”``;
2. the words that lead into it since the last punctuation: ``in {outlet}``, ``Source: {url}``;
3. of the two separators around it (``, `` ``; `` `` — `` ``. `` a line break…) only the
   stronger one stays (a line break beats a dash, then ``;``, ``:``, ``.``, ``,``, a space); at
   the start of the template neither stays, at the end only a final ``.``, ``!`` or ``?``.

So ``{quote} — {speaker} ({role}), in {outlet}, {date}`` with no role and no outlet gives
``… — Sergei Lavrov, 8 June 2017``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.cite.context import Cited, Source
from reader.cite.text import clean, day_month_year, nest
from reader.errors import ReaderError

FIELDS = ("quote", "speaker", "role", "cue", "headline", "outlet", "date", "url", "paragraph",
          "byline")


class CitationError(ReaderError):
    """A citation cannot be made: unknown style or quote."""


class TemplateError(CitationError):
    """A user's citation template is unusable; the message names the style and the field."""

    def __init__(self, style: str, message: str, field: str | None = None) -> None:
        # One line, safe to print: the template may hold anything.
        super().__init__(clean(f"citation style '{style}': {message}"))
        self.style = style
        self.field = field


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    spec: str = ""


Token = str | Field

_SAMPLE_DATE = _dt.date(2017, 6, 8)


def _check_spec(style: str, field: Field) -> None:
    try:
        if field.name == "date":
            _SAMPLE_DATE.strftime(field.spec)
        elif field.name == "paragraph":
            format(1, field.spec)
        else:
            format("sample", field.spec)
    except (ValueError, TypeError) as exc:
        raise TemplateError(
            style, f"bad format '{field.spec}' for field {{{field.name}}} ({exc})", field.name
        ) from None


def _field(style: str, body: str) -> Field:
    name, colon, spec = body.partition(":")
    name = name.strip()
    if "!" in name:
        raise TemplateError(style, f"conversions are not supported in {{{body}}}", name)
    if not name:
        raise TemplateError(style, f"empty field {{{body}}} (known: {', '.join(FIELDS)})")
    if name not in FIELDS:
        import difflib

        hint = difflib.get_close_matches(name, FIELDS, n=1)
        did = f"did you mean {{{hint[0]}}}? " if hint else ""
        raise TemplateError(style, f"unknown field {{{name}}} ({did}known: {', '.join(FIELDS)})",
                            name)
    field = Field(name, spec if colon else "")
    _check_spec(style, field)
    return field


def compile_template(style: str, template: str) -> list[Token]:
    """The template as literal text and fields, strictly alternating, starting and ending with
    text (possibly empty). Raises :class:`TemplateError`."""
    tokens: list[Token] = []
    literal: list[str] = []
    i, n = 0, len(template)
    while i < n:
        char = template[i]
        if char == "{" and template.startswith("{{", i):
            literal.append("{")
            i += 2
        elif char == "}" and template.startswith("}}", i):
            literal.append("}")
            i += 2
        elif char == "{":
            end = i + 1
            while end < n and template[end] not in "{}":
                end += 1
            if end >= n or template[end] == "{":
                shown = template[i : min(end, i + 30)]
                raise TemplateError(style, f"unbalanced braces: '{shown}' is not closed with '}}'"
                                    " (write {{ for a literal brace)")
            tokens.append("".join(literal))
            literal = []
            tokens.append(_field(style, template[i + 1 : end]))
            i = end + 1
        elif char == "}":
            before = template[max(0, i - 20) : i + 1]
            raise TemplateError(style, f"unbalanced braces: '}}' without '{{' in '{before}'"
                                " (write }} for a literal brace)")
        else:
            literal.append(char)
            i += 1
    tokens.append("".join(literal))
    return tokens


def check_template(style: str, template: str) -> None:
    """Raise :class:`TemplateError` if the template cannot be used."""
    compile_template(style, template)


# Rendering ----------------------------------------------------------------------------------

_CLOSERS = {"(": ")", "[": "]", "{": "}", "<": ">", "“": "”", "‘": "’", "«": "»", "»": "«",
            "„": "“", "‚": "‘", '"': '"', "'": "'", "‹": "›", "「": "」", "『": "』"}
_SEP = set(" \t\n,;:.—–-|/·•")
# Words leading into a field since the last punctuation ("in ", "qtd. in ", "Source: ").
_LEAD_WORDS = re.compile(r"(?:^|(?<=[\s,;—–|·/]))((?:[^\W\d_][\w’'.-]*[ \t]+)*"
                         r"[^\W\d_][\w’'.-]*:?[ \t]*)$")


def _strength(sep: str) -> int:
    if "\n" in sep:
        return 6
    if any(c in sep for c in "—–|·•/") or " - " in sep:
        return 5
    for rank, mark in ((4, ";"), (3, ":"), (2, "."), (1, ",")):
        if mark in sep:
            return rank
    return 0


def _head_sep(text: str) -> str:
    i = 0
    while i < len(text) and text[i] in _SEP:
        i += 1
    return text[:i]


def _tail_sep(text: str) -> str:
    i = len(text)
    while i > 0 and text[i - 1] in _SEP:
        i -= 1
    return text[i:]


def _value(field: Field, source: Source, quote: Cited, wrapped_in_double: bool) -> str:
    name = field.name
    if name == "date":
        if not source.date:
            return ""
        if not field.spec:
            return day_month_year(source.date)
        return clean(source.date.strftime(field.spec))
    if name == "paragraph":
        return clean(format(quote.paragraph, field.spec)) if quote.paragraph else ""
    value = {
        "quote": quote.text, "speaker": quote.speaker, "role": quote.role, "cue": quote.cue,
        "headline": source.headline, "outlet": source.outlet, "url": source.url,
        "byline": source.byline,
    }[name]
    if value and name in ("quote", "headline") and wrapped_in_double:
        value = nest(value)
    return format(value, field.spec) if value and field.spec else value


def fill(tokens: Sequence[Token], source: Source, quote: Cited) -> str:
    """The template filled in for one quote, missing fields dropped by the module's rule."""
    items: list[Token] = list(tokens)
    values: dict[int, str] = {}
    for i, token in enumerate(items):
        if isinstance(token, Field):
            before = items[i - 1]
            double = isinstance(before, str) and before.endswith(("“", '"', "„", "«"))
            values[i] = _value(token, source, quote, double)
    # Work on a list of [literal, value-or-None, literal, …]; drop missing fields left to right.
    seq: list[str | None] = [t if isinstance(t, str) else (values[i] or None)
                             for i, t in enumerate(items)]
    k = 1
    while k < len(seq):
        if seq[k] is not None:
            k += 2
            continue
        left, right = seq[k - 1] or "", seq[k + 1] or ""
        while left and right and _CLOSERS.get(left[-1]) == right[0]:
            left, right = left[:-1], right[1:]
        lead = _LEAD_WORDS.search(left)
        if lead and lead.group(1).strip():
            left = left[: lead.start(1)]
        tail, head = _tail_sep(left), _head_sep(right)
        kept_left, kept_right = left[: len(left) - len(tail)], right[len(head) :]
        before = bool(kept_left) or any(seq[j] is not None for j in range(1, k, 2))
        after = bool(kept_right) or any(seq[j] is not None for j in range(k + 2, len(seq), 2))
        if not before:
            sep = ""
        elif not after:
            sep = head.strip() if head.strip() and set(head.strip()) <= set(".!?") else ""
        else:
            sep = tail if _strength(tail) >= _strength(head) else head
        seq[k - 1 : k + 2] = [kept_left + sep + kept_right]
    return "".join(s for s in seq if s)


def render(tokens: Sequence[Token], source: Source, quotes: Sequence[Cited]) -> str:
    return "\n\n".join(fill(tokens, source, quote) for quote in quotes)

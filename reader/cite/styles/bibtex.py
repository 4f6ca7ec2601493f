"""``bibtex``: one BibTeX entry for reference managers and LaTeX.

    @article{carey_can_2019,
      author = {Carey, Benedict},
      title = {Can we get better at forgetting?},
      journal = {The New York Times},
      year = {2019},
      month = mar,
      url = {https://www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html},
      annote = {“…” — Dana Whitfield, memory researcher},
    }

``@article`` with ``journal`` when the outlet is known (what Zotero and JabRef write for a
newspaper article), ``@misc`` otherwise. The key follows Zotero's pattern: author, first word of
the title, year (``noauthor_un_2017``). Dates are ``year`` and ``month`` so classic BibTeX and
biblatex both read them; the day is in the CSL-JSON style. The quotation goes in ``annote``, which
reference managers keep with the item and bibliography styles do not print. Words of the title
with capitals after the first word (names, acronyms) are braced so styles that lowercase titles
keep them; LaTeX's special characters are escaped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from reader.cite.context import Cited, Source
from reader.cite.names import Name, family_or_literal

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LATEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
          "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_LATEX_RE = re.compile(r"[\\{}&%$#_~^]")
_STOP = frozenset({"a", "an", "the"})


def escape(text: str) -> str:
    return _LATEX_RE.sub(lambda m: _LATEX[m.group()], text)


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def key(source: Source) -> str:
    author = _ascii_word(family_or_literal(source.authors[0])) if source.authors else ""
    words = [w for w in (_ascii_word(w) for w in source.headline.split()) if w]
    first = next((w for w in words if w not in _STOP), words[0] if words else "")
    year = str(source.date.year) if source.date else "nodate"
    return "_".join(p for p in (author or "noauthor", first, year) if p)


def protect_title(title: str) -> str:
    out = []
    for i, word in enumerate(title.split(" ")):
        letters = [c for c in word if c.isalpha()]
        capitals = any(c.isupper() for c in (letters[1:] if i == 0 else letters))
        core = re.match(r"^(\W*)(.*?)(\W*)$", word)
        if capitals and core and core.group(2):
            lead, body, trail = core.groups()
            out.append(f"{escape(lead)}{{{escape(body)}}}{escape(trail)}")
        else:
            out.append(escape(word))
    return " ".join(out)


def person(name: Name) -> str:
    if not name.is_person:
        return "{" + escape(name.literal) + "}"
    if name.suffix:
        return escape(f"{name.family}, {name.suffix}, {name.given}")
    return escape(name.inverted())


def annotation(quote: Cited) -> str:
    return " — ".join(p for p in (quote.quoted, quote.who) if p)


def render(source: Source, quotes: Sequence[Cited]) -> str:
    fields: list[tuple[str, str]] = []
    if source.authors:
        fields.append(("author", "{" + " and ".join(person(n) for n in source.authors) + "}"))
    if source.headline:
        fields.append(("title", "{" + protect_title(source.headline) + "}"))
    if source.outlet:
        fields.append(("journal", "{" + escape(source.outlet) + "}"))
    if source.date:
        fields.append(("year", f"{{{source.date.year}}}"))
        fields.append(("month", _MONTHS[source.date.month - 1]))
    if source.url:
        fields.append(("url", "{" + source.url.replace("{", "%7B").replace("}", "%7D") + "}"))
    notes = [escape(annotation(q)) for q in quotes]
    if notes:
        fields.append(("annote", "{" + "\n    ".join(notes) + "}"))
    kind = "article" if source.outlet else "misc"
    lines = [f"@{kind}{{{key(source)},"]
    lines += [f"  {name} = {value}," for name, value in fields]
    lines.append("}")
    return "\n".join(lines)

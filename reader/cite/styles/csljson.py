"""``csl-json``: a JSON list holding one CSL item, for Zotero, pandoc and citeproc.

    [
      {
        "id": "carey_can_2019",
        "type": "article-newspaper",
        "title": "Can we get better at forgetting?",
        "container-title": "The New York Times",
        "author": [{"family": "Carey", "given": "Benedict"}],
        "issued": {"date-parts": [[2019, 3, 22]]},
        "URL": "https://www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html",
        "note": "“…” — Dana Whitfield, memory researcher"
      }
    ]

Unknown fields are left out. The quotation (and who said it) goes in ``note``: Zotero keeps it in
the item's Extra field, and the usual styles do not print it for newspaper articles; several
quotes are one per line. The id is the BibTeX key.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reader.cite.context import Cited, Source
from reader.cite.names import Name
from reader.cite.styles.bibtex import annotation, key


def person(name: Name) -> dict[str, str]:
    if not name.is_person:
        return {"literal": name.literal}
    out = {"family": name.family, "given": name.given}
    if name.suffix:
        out["suffix"] = name.suffix
    return {k: v for k, v in out.items() if v}


def item(source: Source, quotes: Sequence[Cited]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": key(source), "type": "article-newspaper"}
    if source.headline:
        out["title"] = source.headline
    if source.outlet:
        out["container-title"] = source.outlet
    if source.authors:
        out["author"] = [person(n) for n in source.authors]
    if source.date:
        d = source.date
        out["issued"] = {"date-parts": [[d.year, d.month, d.day]]}
    if source.url:
        out["URL"] = source.url
    if quotes:
        out["note"] = "\n".join(annotation(q) for q in quotes)
    return out


def render(source: Source, quotes: Sequence[Cited]) -> str:
    # One field per line, each value compact: readable, and valid JSON either way.
    fields = [f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
              for k, v in item(source, quotes).items()]
    return "[\n  {\n" + ",\n".join(fields) + "\n  }\n]"

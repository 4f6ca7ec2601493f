"""YAML articles (``.yaml``, ``.yml``): metadata and the body in one structured file.

Schema: one YAML mapping (read with the safe loader). The body is either

- ``body`` (or ``text``): one string. It is the article text verbatim; paragraphs are separated
  by blank lines (a string without blank lines is one paragraph per line, as in ``.txt``); or
- ``paragraphs``: a list of strings, one per paragraph. The article text is the paragraphs
  joined with one blank line between them; empty items are skipped.

Metadata keys, all optional (case-insensitive):

- ``title`` or ``headline``: the headline
- ``outlet`` (also ``publication``, ``publisher``, ``site``, ``sitename``)
- ``date`` (also ``published``): ``2017-06-08``, a full timestamp, or ``June 8, 2017``
- ``byline`` (also ``author``, or ``authors`` as a list)
- ``url`` (also ``link``)
- ``caption`` and ``credit``: the photo caption and its credit
- anything else with a text, number, date or list value is kept as extra metadata.

Example::

    title: UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis
    outlet: Reuters
    date: 2017-06-08
    byline: Jane Doe
    url: https://example.com/story
    paragraphs:
      - The United Nations special envoy for Syria met with Lavrov.
      - "“It is important,” said Lavrov."

A block scalar keeps a long body readable::

    title: A story
    body: |
      First paragraph.

      Second paragraph.

An empty body is allowed (the article has no paragraphs); a file with no ``body``, ``text`` or
``paragraphs`` key at all is refused.
"""

from __future__ import annotations

from typing import Any

from reader.errors import LoadError
from reader.loaders import meta
from reader.loaders.text import body_paragraphs
from reader.loaders.spans import join_paragraphs
from reader.model import Article, Span

BODY_KEYS = ("body", "text", "paragraphs")
_SCHEMA_HINT = "a YAML article is a mapping with a 'body' (or 'text' or 'paragraphs') key"


def _where(line: int | None) -> str:
    return f" (line {line})" if line is not None else ""


def parse_yaml_article(text: str, source: str = "<memory>",
                       warnings: tuple[str, ...] = ()) -> Article:
    """The article in the YAML document ``text`` (see the module docstring for the schema)."""
    try:
        data, node = meta.load_yaml(text)
    except meta.YamlProblem as exc:
        raise LoadError(source, f"not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise LoadError(source, f"{_SCHEMA_HINT}; this file holds {_kind(data)}")
    keys = {str(k).strip().lower(): k for k in data}
    present = [k for k in BODY_KEYS if k in keys]
    if not present:
        raise LoadError(source, f"{_SCHEMA_HINT}; none was found")
    used = present[0]
    notes = [f"'{used}' used; '{other}' ignored" for other in present[1:]]
    value = data[keys[used]]

    if used == "paragraphs":
        body, paragraphs = _join(value, source, node)
    else:
        if value is None:
            value = ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            line = meta.key_line(node, used)
            raise LoadError(source, f"'{used}' must be text{_where(line)}")
        body = str(value)
        paragraphs = body_paragraphs(body)

    fields, extra, field_notes = meta.fields_from(data, skip=frozenset(BODY_KEYS))
    article = Article(text=body, paragraphs=tuple(paragraphs), source=source, format="yaml",
                      warnings=warnings)
    return meta.apply(article, fields, extra, notes + field_notes)


def _join(value: Any, source: str, node: Any) -> tuple[str, list[Span]]:
    if value is None:
        return "", []
    if not isinstance(value, list):
        line = meta.key_line(node, "paragraphs")
        raise LoadError(source, f"'paragraphs' must be a list of strings{_where(line)}")
    pieces: list[str] = []
    for index, item in enumerate(value):
        if item is None:
            continue
        if not isinstance(item, (str, int, float)) or isinstance(item, bool):
            line = meta.item_line(node, "paragraphs", index)
            raise LoadError(source, f"paragraph {index + 1} is not text{_where(line)}")
        piece = str(item).strip()
        if piece:
            pieces.append(piece)
    return join_paragraphs(pieces)


def _kind(data: Any) -> str:
    if data is None:
        return "no mapping"
    if isinstance(data, list):
        return "a list"
    return "a single value"

"""Writers for ``reader quotes``: the ``reader.quotes/1`` JSON contract and friendlier views.

Output goes to terminals, so nothing from an article may act on one. JSON and YAML escape control
characters (JSON here also escapes C1 controls, bidi controls and line separators, which its
encoder would write raw); the text, Markdown and CSV views show them as visible stand-ins
(``␛``, ``⟨U+202E⟩``), and a CSV cell that a spreadsheet would run as a formula is defused.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from typing import Any

from reader.model import Analysis, Entity, Quote, Span
from reader.safetext import INVISIBLE, visible

SCHEMA = "reader.quotes/1"
FORMATS = ("json", "jsonl", "yaml", "csv", "markdown", "text")


def _span(span: Span | None) -> list[int] | None:
    return [span.start, span.end] if span is not None else None


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "role": entity.role,
        "kind": entity.kind,
        "aliases": list(entity.aliases),
        "mentions": [[m.start, m.end] for m in entity.mentions],
    }


def _quote(analysis: Analysis, quote: Quote) -> dict[str, Any]:
    text = analysis.article.text
    speaker = analysis.speaker(quote.speaker_id)
    return {
        "id": quote.id,
        "kind": quote.kind,
        "start": quote.span.start,
        "end": quote.span.end,
        "text": quote.span.of(text),
        "speaker_id": quote.speaker_id,
        "speaker": speaker.name if speaker else None,
        "mention": _span(quote.mention),
        "mention_text": quote.mention.of(text) if quote.mention else None,
        "cue": _span(quote.cue),
        "cue_text": quote.cue.of(text) if quote.cue else None,
        "rule": quote.rule,
        "confidence": round(quote.confidence, 3),
        "group": quote.group,
    }


def to_record(analysis: Analysis) -> dict[str, Any]:
    """One article's analysis as a ``reader.quotes/1`` record (see the README)."""
    article = analysis.article
    return {
        "schema": SCHEMA,
        "source": article.source,
        "text": article.text,
        "article": article.metadata(),
        "speakers": [_entity(s) for s in analysis.speakers],
        "people": [_entity(p) for p in analysis.people],
        "quotes": [_quote(analysis, q) for q in analysis.quotes],
        "terms": [
            {"start": t.span.start, "end": t.span.end, "text": t.span.of(article.text), "reason": t.reason}
            for t in analysis.terms
        ],
    }


def _one_line(text: str) -> str:
    """One line of text for the human-readable views: whitespace collapsed, controls visible."""
    return visible(" ".join(text.split()), keep="")


def _escape_json(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a surrogate pair, as JSON spells characters beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _json(value: Any, indent: int | None = None) -> str:
    # json.dumps(ensure_ascii=False) writes C1 controls, bidi controls and other invisible
    # characters raw. They can only occur inside JSON strings, so escaping them keeps the data.
    return INVISIBLE.sub(_escape_json, json.dumps(value, ensure_ascii=False, indent=indent))


def write_json(records: Iterable[dict[str, Any]], out: io.TextIOBase) -> None:
    out.write(_json(list(records), indent=2))
    out.write("\n")


def write_jsonl(records: Iterable[dict[str, Any]], out: io.TextIOBase) -> None:
    for record in records:
        out.write(_json(record))
        out.write("\n")


def write_yaml(records: Iterable[dict[str, Any]], out: io.TextIOBase) -> None:
    import yaml

    for index, record in enumerate(records):
        text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100)
        if INVISIBLE.search(text):
            # PyYAML writes bidi controls and NEL raw; escaping all non-ASCII is the only way to
            # have it escape those, so a record that holds them is written that way.
            text = yaml.safe_dump(record, allow_unicode=False, sort_keys=False, width=100)
        if index:
            out.write("---\n")
        out.write(text)


CSV_COLUMNS = ("source", "id", "kind", "start", "end", "speaker", "role", "mention_text",
               "cue_text", "rule", "confidence", "group", "text")


def _cell(value: Any) -> Any:
    """A CSV cell: controls visible (line breaks and tabs kept), and text a spreadsheet would
    run as a formula (=, +, -, @ first) prefixed with an apostrophe, as OWASP advises."""
    if not isinstance(value, str):
        return value
    value = visible(value, keep="\t\n\r")
    if value[:1] in ("=", "+", "-", "@"):
        value = "'" + value
    return value


def write_csv(records: Iterable[dict[str, Any]], out: io.TextIOBase) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        roles = {s["id"]: s["role"] for s in record["speakers"]}
        for quote in record["quotes"]:
            row = {**quote, "source": record["source"], "role": roles.get(quote["speaker_id"])}
            writer.writerow({key: _cell(row.get(key)) for key in CSV_COLUMNS})


def write_markdown(records: Iterable[dict[str, Any]], out: io.TextIOBase) -> None:
    for record in records:
        title = record["article"].get("headline") or record["source"]
        out.write(f"# {_one_line(title)}\n\n")
        if record["speakers"]:
            out.write("## Speakers\n\n")
            for s in record["speakers"]:
                role = f" — {_one_line(s['role'])}" if s["role"] else ""
                out.write(f"- **{_one_line(s['name'])}**{role}\n")
            out.write("\n")
        out.write("## Quotes\n\n| # | kind | speaker | cue | quote |\n|---|---|---|---|---|\n")
        for q in record["quotes"]:
            cells = [q["id"], q["kind"], q["speaker"] or "", q["cue_text"] or "", q["text"]]
            out.write("| " + " | ".join(_one_line(c).replace("|", "\\|") for c in cells) + " |\n")
        out.write("\n")


def write_text(records: Iterable[dict[str, Any]], out: io.TextIOBase) -> None:
    for record in records:
        title = record["article"].get("headline") or record["source"]
        out.write(f"{_one_line(title)}\n")
        roles = {s["id"]: s["role"] for s in record["speakers"]}
        for q in record["quotes"]:
            who = _one_line(q["speaker"] or "unattributed")
            if roles.get(q["speaker_id"]):
                who += f" ({_one_line(roles[q['speaker_id']])})"
            label = q["id"][1:] if q["id"].startswith("q") else q["id"]
            # Reported speech is the writer's words, so it never gets quotation marks.
            words = _one_line(q["text"])
            said = words if q["kind"] == "indirect" else f"“{words}”"
            out.write(f"  {label:>4} {q['kind']:<8} {who}: {said}\n")
        out.write("\n")


WRITERS = {
    "json": write_json,
    "jsonl": write_jsonl,
    "yaml": write_yaml,
    "csv": write_csv,
    "markdown": write_markdown,
    "text": write_text,
}

"""The reader.quotes/1 record and the other writers, on a hand-built analysis."""

from __future__ import annotations

import csv
import io
import json

import yaml

from reader.export import WRITERS, to_record
from reader.loaders.text import parse_text
from reader.model import Analysis, Entity, Quote, Span

TEXT = "Headline\n\n\u201cWe will win,\u201d said Ann Lee. Lee said it was late.\n"


def analysis() -> Analysis:
    article = parse_text(TEXT, source="a.txt")
    start = TEXT.index("We")
    name = TEXT.index("Ann Lee")
    said = TEXT.index("said")
    reported = TEXT.index("it was late")
    return Analysis(
        article=article,
        speakers=(Entity(id="s1", name="Ann Lee", role="mayor", mentions=(Span(name, name + 7),)),),
        quotes=(
            Quote(id="q1", kind="direct", span=Span(start, start + 12), speaker_id="s1",
                  mention=Span(name, name + 7), cue=Span(said, said + 4), rule="quote-cue-name",
                  confidence=0.95),
            Quote(id="i1", kind="indirect", span=Span(reported, reported + 11), speaker_id="s1",
                  rule="reported-speech", confidence=0.7),
        ),
    )


def test_record_follows_the_contract():
    record = to_record(analysis())
    assert record["schema"] == "reader.quotes/1"
    assert record["source"] == "a.txt" and record["text"] == TEXT
    assert record["article"] == {"headline": "Headline"}
    assert record["speakers"][0]["name"] == "Ann Lee"
    q1 = record["quotes"][0]
    assert q1["text"] == TEXT[q1["start"]:q1["end"]] == "We will win,"
    assert q1["speaker"] == "Ann Lee" and q1["mention_text"] == "Ann Lee" and q1["cue_text"] == "said"
    assert json.loads(json.dumps(record)) == record


def write(fmt: str) -> str:
    out = io.StringIO()
    WRITERS[fmt]([to_record(analysis())], out)
    return out.getvalue()


def test_jsonl_is_one_line_per_article():
    lines = write("jsonl").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["quotes"][1]["kind"] == "indirect"


def test_yaml_round_trips():
    [doc] = list(yaml.safe_load_all(write("yaml")))
    assert doc["quotes"][0]["text"] == "We will win,"


def test_csv_has_a_row_per_quote():
    rows = list(csv.DictReader(io.StringIO(write("csv"))))
    assert [r["id"] for r in rows] == ["q1", "i1"] and rows[0]["role"] == "mayor"


def test_markdown_and_text_views():
    md = write("markdown")
    assert md.startswith("# Headline") and "| q1 | direct | Ann Lee | said | We will win, |" in md
    text = write("text")
    assert "1 direct   Ann Lee (mayor): \u201cWe will win,\u201d" in text

"""Standard input (``-``): the format is sniffed from the content."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from loader_helpers import FIXTURES, SEED, check_spans

from reader.errors import LoadError
from reader.loaders import load, sniff_format


def test_plain_text(stdin):
    stdin(SEED.read_bytes())
    article = load("-")
    assert article.format == "text"
    assert article.source == "-"
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.credit == "REUTERS/Sergei Karpukhin"
    assert len(article.paragraphs) == 5


def test_plain_text_crlf(stdin):
    stdin(SEED.read_bytes().replace(b"\n", b"\r\n"))
    article = load("-")
    assert article.format == "text"
    assert len(article.paragraphs) == 5
    check_spans(article)


def test_markdown_with_front_matter(stdin):
    stdin((FIXTURES / "front-matter.md").read_bytes())
    article = load("-")
    assert article.format == "markdown"
    assert article.outlet == "Reuters"
    assert article.headline_span is not None
    check_spans(article)


def test_markdown_with_heading(stdin):
    stdin(b"# Headline\n\nBody *text*.\n")
    article = load("-")
    assert article.format == "markdown"
    assert article.headline == "Headline"


def test_html(stdin):
    stdin((FIXTURES / "article.html").read_bytes())
    article = load("-")
    assert article.format == "html"
    assert article.outlet == "The Daily Example"
    assert "cookie" not in article.text
    check_spans(article)


def test_yaml_article(stdin):
    stdin((FIXTURES / "article.yaml").read_bytes())
    article = load("-")
    assert article.format == "yaml"
    assert article.byline == "Jane Doe, John Roe"
    assert len(article.paragraphs) == 3


def test_utf16_yaml_article(stdin):
    stdin((FIXTURES / "article.yaml").read_text(encoding="utf-8").encode("utf-16"))
    assert load("-").format == "yaml"


def test_no_sidecar_for_stdin(stdin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-.meta.yaml").write_text("outlet: Nope\n", encoding="utf-8")
    stdin(b"Headline\n\nBody.\n")
    assert load("-").outlet is None


def test_empty_stdin(stdin):
    stdin(b"")
    article = load("-")
    assert article.text == "" and article.paragraphs == ()


def test_binary_stdin(stdin):
    stdin(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(LoadError, match=r"^cannot open '-': not a text article"):
        load("-")


def test_oversize_stdin(stdin):
    stdin(b"x" * 101)
    with pytest.raises(LoadError, match=r"^cannot open '-': too large \(over 100 bytes\)"):
        load("-", max_bytes=100)


def test_missing_stdin(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(LoadError, match="no standard input"):
        load("-")


def test_closed_stdin(monkeypatch: pytest.MonkeyPatch):
    stream = io.TextIOWrapper(io.BytesIO(b"text"))
    stream.close()
    monkeypatch.setattr(sys, "stdin", stream)
    with pytest.raises(LoadError, match="no standard input"):
        load("-")


def test_terminal_stdin_is_refused(monkeypatch: pytest.MonkeyPatch):
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO(b"")))
    with pytest.raises(LoadError, match="standard input is a terminal"):
        load("-")


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("\n  <!-- saved page -->\n<HTML><body>x</body></HTML>", "html"),
        ("<p>A fragment.</p>", "html"),
        ("---\ntitle: T\n---\nBody.", "markdown"),
        ("---\r\ntitle: T\r\n---\r\nBody.", "markdown"),
        ("# Heading\n\nBody.", "markdown"),
        ("title: T\nbody: Text.\n", "yaml"),
        ("---\ntitle: T\nparagraphs: [a, b]\n", "yaml"),
        ("---\ntitle: T\nbody: |\n  Text.\n...\n", "yaml"),
        ("Headline\n\nBody: with a colon.\n", "text"),
        ("text: looks like yaml\nbut: [is not\n", "text"),
        ("#hashtag news\n\nBody.", "text"),
        ("---\n\nA story after a rule.", "text"),
        ("I <3 you, she said.", "text"),
        ("", "text"),
    ],
)
def test_sniffing(text, fmt):
    assert sniff_format(text) == fmt

"""Telling the format of text that came without a file name (standard input)."""

from __future__ import annotations

import re

from reader.loaders import meta

_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|div|p|h1|meta|title)\b", re.IGNORECASE
)
_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_FRONT_MATTER_CLOSE = re.compile(r"(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)")
_ATX_H1 = re.compile(r"\s*#[ \t]+\S")
_YAML_BODY_KEY = re.compile(r"^(?:body|text|paragraphs)[ \t]*:", re.MULTILINE | re.IGNORECASE)
_SNIFF_LIMIT = 64 * 1024


def sniff_format(text: str) -> str:
    """``"html"``, ``"markdown"``, ``"yaml"`` or ``"text"`` for text of unknown origin.

    - HTML: the text opens with a doctype or a common tag (comments allowed before it).
    - Markdown: front matter (a ``---`` line, YAML, a closing ``---`` line) followed by a body,
      or a ``# Heading`` first line.
    - YAML: a mapping with a top-level ``body``, ``text`` or ``paragraphs`` key.
    - Plain text otherwise.
    """
    head = text[:_SNIFF_LIMIT]
    if _starts_with_html(head):
        return "html"
    if _FRONT_MATTER_OPEN.match(text):
        close = _FRONT_MATTER_CLOSE.search(text, 3)
        if close is not None and text[close.end() :].strip():
            return "markdown"
    if _YAML_BODY_KEY.search(text) and _is_yaml_article(text):
        return "yaml"
    if _ATX_H1.match(head):
        return "markdown"
    return "text"


def _starts_with_html(head: str) -> bool:
    """True when ``head``, after whitespace and ``<!-- comments -->``, opens with an HTML tag."""
    pos = 0
    while True:
        while pos < len(head) and head[pos].isspace():
            pos += 1
        if not head.startswith("<!--", pos):
            return _HTML_TAG.match(head, pos) is not None
        close = head.find("-->", pos + 4)
        if close < 0:
            return False
        pos = close + 3


def _is_yaml_article(text: str) -> bool:
    try:
        data, _node = meta.load_yaml(text)
    except meta.YamlProblem:
        return False
    return isinstance(data, dict) and any(
        str(key).strip().lower() in ("body", "text", "paragraphs") for key in data
    )

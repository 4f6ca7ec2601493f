"""Citations of quotes. Pure Python: the UI's copy key and ``reader cite`` share this module.

Interface (stable; the styles behind it grow):
- ``available_styles(config)`` -> names of built-in and user styles;
- ``format_citation(analysis, quote, style, config)`` -> the citation text, free of control
  characters;
- ``cite_quote(path, label, style)`` -> what ``reader cite`` prints.
"""

from __future__ import annotations

from reader.config import Config
from reader.errors import ReaderError
from reader.model import Analysis, Quote

BUILTIN_STYLES = ("plain",)


def available_styles(config: Config | None = None) -> list[str]:
    extra = sorted(config.citation_styles) if config else []
    return list(BUILTIN_STYLES) + [name for name in extra if name not in BUILTIN_STYLES]


def _plain(analysis: Analysis, quote: Quote) -> str:
    speaker = analysis.speaker(quote.speaker_id)
    words = " ".join(quote.span.of(analysis.article.text).split())
    parts = [f"“{words}”"]
    if speaker:
        parts.append(f"{speaker.name}, {speaker.role}" if speaker.role else speaker.name)
    if analysis.article.headline:
        parts.append(analysis.article.headline)
    return " — ".join(parts)


def format_citation(analysis: Analysis, quote: Quote, style: str = "plain",
                    config: Config | None = None) -> str:
    if style not in available_styles(config):
        raise ReaderError(f"unknown citation style '{style}' (known: {', '.join(available_styles(config))})")
    return _plain(analysis, quote)


def cite_quote(path: str, label: str, style: str | None = None) -> str:
    from reader.config import load_config
    from reader.engine import analyze
    from reader.loaders import load

    config, _ = load_config()
    analysis = analyze(load(path, max_bytes=config.max_article_bytes))
    quote = analysis.quote_by_label(label)
    if quote is None:
        raise ReaderError(f"no quote {label} in '{path}' ({len(analysis.marked_quotes)} quotes)")
    return format_citation(analysis, quote, style or config.citation_style, config)

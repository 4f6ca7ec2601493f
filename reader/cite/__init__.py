"""Citations of quotes. Pure Python: the UI's copy key and ``reader cite`` share this module.

Interface (stable; the styles behind it grow):

- ``available_styles(config)`` -> names of the built-in styles, then the user's templates;
- ``format_citation(analysis, quote, style, config)`` -> the citation of one quote;
- ``cite_all(analysis, quotes, style, config)`` -> the citation of several quotes of one article,
  one paragraph each (the reference entry, where the style has one, once at the end);
- ``cite_quote(path, label, style)`` -> what ``reader cite`` prints.

Built-in styles (``reader/cite/styles/``): ``plain`` (the default), ``markdown``, ``apa``
(APA 7), ``mla`` (MLA 9), ``chicago`` (Chicago 17 notes and bibliography), ``bibtex`` and
``csl-json``. User styles are templates (``reader/cite/templates.py``); a user style cannot
replace a built-in one of the same name.

Every citation is cleaned on the way out: no control characters other than the line feeds
between its paragraphs, no escape sequences, bidi overrides or zero-width characters; the quote
itself is always one line. The two parts of an interrupted quote (quotes sharing a ``group``)
are cited together, joined with `` … ``; with ``quote_max_words`` set, longer quotes are cut at
a word boundary and end with ``…``.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.cite.context import Cited, Source, cited_of, source_of
from reader.cite.styles import STYLES
from reader.cite.templates import CitationError, TemplateError, check_template, compile_template
from reader.cite.templates import render as render_template
from reader.cite.text import clean, clean_output
from reader.config import Config
from reader.model import Analysis, Quote

__all__ = [
    "BUILTIN_STYLES", "CitationError", "Cited", "Source", "TemplateError", "available_styles",
    "check_template", "cite_all", "cite_quote", "format_citation", "resolve_style",
]

BUILTIN_STYLES: tuple[str, ...] = tuple(STYLES)
_ALIASES = {"csljson": "csl-json", "csl": "csl-json", "md": "markdown", "text": "plain",
            "chicago-notes": "chicago", "biblatex": "bibtex"}


def _user_styles(config: Config | None) -> dict[str, str]:
    if not config:
        return {}
    out = {}
    for name, template in config.citation_styles.items():
        name = name.strip() if isinstance(name, str) else ""
        if name and name not in STYLES and name not in out:
            out[name] = template
    return out


def available_styles(config: Config | None = None) -> list[str]:
    """Built-in styles in a fixed order, then the user's styles by name."""
    return list(BUILTIN_STYLES) + sorted(_user_styles(config))


def resolve_style(style: str | None, config: Config | None = None) -> str:
    """The style's name as :func:`available_styles` lists it (case and ``_``/``-`` forgiven;
    ``csljson`` and a few other aliases accepted). Raises :class:`CitationError`."""
    user = _user_styles(config)
    wanted = (style or (config.citation_style if config else "plain")).strip()
    if wanted in STYLES or wanted in user:
        return wanted
    folded = wanted.lower().replace("_", "-")
    folded = _ALIASES.get(folded.replace(" ", ""), folded)
    for name in (*STYLES, *sorted(user)):
        if name.lower().replace("_", "-") == folded:
            return name
    origin = "" if style else ", the config's citation_style"
    raise CitationError(clean(
        f"unknown citation style '{wanted}'{origin} (known: {', '.join(available_styles(config))})"
    ))


def _unique(analysis: Analysis, quotes: Iterable[Quote]) -> list[Quote]:
    # The parts of an interrupted quote are cited once, together.
    seen: set[str] = set()
    out = []
    for quote in quotes:
        if quote.group:
            if quote.group in seen:
                continue
            seen.add(quote.group)
        out.append(quote)
    return out


def cite_all(analysis: Analysis, quotes: Iterable[Quote], style: str | None = None,
             config: Config | None = None) -> str:
    """Citations of several quotes of one article, one paragraph each (blank line between)."""
    config = config or Config()
    name = resolve_style(style, config)
    source = source_of(analysis)
    cited = [cited_of(analysis, q, config.quote_max_words) for q in _unique(analysis, quotes)]
    if not cited:
        return ""
    if name in STYLES:
        text = STYLES[name](source, cited)
    else:
        text = render_template(compile_template(name, _user_styles(config)[name]), source, cited)
    return clean_output(text)


def format_citation(analysis: Analysis, quote: Quote, style: str | None = "plain",
                    config: Config | None = None) -> str:
    """The citation of one quote in ``style`` (None: the configured style)."""
    return cite_all(analysis, [quote], style, config)


def _find(analysis: Analysis, label: str, path: str) -> Quote:
    wanted = label.strip().lower()
    if wanted.startswith("q"):
        wanted = wanted[1:]
    if wanted.startswith("i"):
        digits, prefix = wanted[1:], "i"
    else:
        digits, prefix = wanted, ""
    quote = None
    if digits.isdigit() and int(digits) > 0:
        quote = analysis.quote_by_label(f"{prefix}{int(digits)}")
    if quote is not None:
        return quote
    marked, indirect = len(analysis.marked_quotes), len(analysis.indirect_quotes)
    if not marked and not indirect:
        have = "no quotes were found in it"
    else:
        ranges = []
        if marked:
            ranges.append("1" if marked == 1 else f"1–{marked}")
        if indirect:
            ranges.append("i1" if indirect == 1 else f"i1–i{indirect}")
        have = "its quotes are " + " and ".join(ranges)
    raise CitationError(clean(f"no quote '{label}' in '{path}' ({have})"))


def cite_quote(path: str, label: str, style: str | None = None,
               config: Config | None = None) -> str:
    """The citation ``reader cite PATH --quote LABEL --style STYLE`` prints."""
    from reader.config import load_config
    from reader.engine import analyze
    from reader.loaders import load

    if config is None:
        config, _ = load_config()
    name = resolve_style(style, config)  # a bad style fails before the article is read
    if name not in STYLES:
        check_template(name, _user_styles(config)[name])
    analysis = analyze(load(path, max_bytes=config.max_article_bytes))
    return format_citation(analysis, _find(analysis, str(label), path), name, config)

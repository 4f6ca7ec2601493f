"""HTML articles (``.html``, ``.htm``): the main text and metadata, extracted with trafilatura.

Boilerplate (menus, ads, cookie banners, related links, footers, comments) is left out; the
extraction favours precision, so a page without an article in it is refused rather than read as
its menu. The article text is the extracted main text with one blank line between paragraphs
(headings and list items are paragraphs too). Metadata: ``title`` → headline, ``sitename`` →
outlet, ``date``, ``author`` → byline, ``url``; description, language, categories and tags go to
``extra``. Dates come only from the page's structured data (meta tags, ``<time>``, the URL),
never guessed from a copyright line.

trafilatura is imported only when an HTML article is loaded, so startup stays fast.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from reader.errors import LoadError
from reader.loaders.dates import parse_date
from reader.loaders.decode import decode
from reader.loaders.spans import join_paragraphs
from reader.model import Article

NO_ARTICLE = "no article text found in the HTML"
_NEVER_TEXT = [
    "//nav", "//footer", "//aside", "//*[@role='navigation']", "//*[@role='contentinfo']",
]
_MARKUP = re.compile(r"<[A-Za-z!/?]")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)


def decode_html(data: bytes) -> tuple[str, str | None]:
    """Decode an HTML page: UTF-8 when it is valid, else the charset the page declares."""
    text, warning = decode(data)
    if warning is None:
        return text, None
    declared = _CHARSET.search(data[:4096])
    if declared is not None:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            codec = None
        if codec is not None and codec.name not in ("utf-8", "utf-16", "utf-32"):
            try:
                return data.decode(codec.name), None
            except UnicodeDecodeError:
                pass
    return text, warning


_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _defuse_char_ref(match: re.Match[str]) -> str:
    hex_digits, digits = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(digits)
    if code < 0x20 and code not in (0x09, 0x0A, 0x0D) and code != 0:
        return chr(0x2400 + code)  # ␛ for &#x1b;: shown, as the reader shows an ESC
    if (code & 0xFFFE) == 0xFFFE and code <= 0x10FFFF:
        return "\ufffd"  # a noncharacter (U+FFFE, U+FFFF, …)
    return match.group()


def defuse_char_refs(html: str) -> str:
    """``html`` with character references to C0 controls written as their control pictures
    (``&#x1b;`` → ``␛``) and references to noncharacters as U+FFFD.

    libxml2 rejects such a reference and, with it, the whole page: one ``&#x1b;`` in a comment
    widget would otherwise lose the article.
    """
    if "&#" not in html:
        return html
    return _CHAR_REF.sub(_defuse_char_ref, html)


def _extract(html: str) -> Any:
    import trafilatura  # noqa: PLC0415 (lazy: heavy, only needed for HTML)

    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        # Never article text; dropping them first also stops trafilatura from falling back to
        # a menu when a page has no article at all.
        prune_xpath=_NEVER_TEXT,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _text(value: Any) -> str | None:
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v).strip() for v in value if v and str(v).strip())
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def parse_html(html: str, source: str = "<memory>", warnings: tuple[str, ...] = ()) -> Article:
    """The article in the HTML page ``html`` (a page without any markup is read as plain text)."""
    if not _MARKUP.search(html):
        from reader.loaders.text import parse_text

        note = "holds no HTML markup; read as plain text"
        return parse_text(html, source=source, warnings=(*warnings, note))
    try:
        doc = _extract(defuse_char_refs(html))
    except RecursionError:
        raise LoadError(source, "the HTML is nested too deeply to read") from None
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken input
        raise LoadError(source, f"could not read the HTML ({type(exc).__name__}: {exc})") from None
    raw = getattr(doc, "text", None) if doc is not None else None
    lines = [line.strip() for line in (raw or "").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise LoadError(source, NO_ARTICLE)

    text, paragraphs = join_paragraphs(lines)

    headline = _text(getattr(doc, "title", None))
    headline_span = None
    if headline and len(paragraphs) > 1 and _same(headline, paragraphs[0].of(text)):
        headline, headline_span = paragraphs[0].of(text), paragraphs[0]
        paragraphs = paragraphs[1:]

    extra: dict[str, str] = {}
    for key in ("description", "language", "categories", "tags", "hostname"):
        value = _text(getattr(doc, key, None))
        if value:
            extra[key] = value
    byline = _text(getattr(doc, "author", None))
    if byline:
        byline = byline.replace("; ", ", ")
    return Article(
        text=text,
        paragraphs=tuple(paragraphs),
        source=source,
        format="html",
        headline=headline,
        headline_span=headline_span,
        outlet=_text(getattr(doc, "sitename", None)),
        date=parse_date(getattr(doc, "date", None)),
        byline=byline,
        url=_text(getattr(doc, "url", None)),
        extra=extra,
        warnings=warnings,
    )

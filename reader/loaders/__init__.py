"""Loading articles: one ``load()`` that picks a loader by file suffix (or sniffs stdin).

- ``.txt`` and any unknown suffix: plain text (:mod:`reader.loaders.text`), format ``text``
- ``.md``, ``.markdown``: Markdown with optional front matter (:mod:`reader.loaders.markdown`)
- ``.html``, ``.htm``, ``.xhtml``: HTML through trafilatura (:mod:`reader.loaders.html`)
- ``.yaml``, ``.yml``: a structured YAML article (:mod:`reader.loaders.yaml_article`)

``-`` reads standard input and sniffs which of the four it is. A ``story.meta.yaml`` next to
``story.txt`` (any format) adds or overrides metadata. A file that is empty or holds only
whitespace loads as an article without paragraphs, whatever its suffix.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from reader.errors import LoadError
from reader.loaders.decode import decode, looks_binary
from reader.loaders.markdown import parse_markdown
from reader.loaders.sidecar import apply_sidecar
from reader.loaders.sniff import sniff_format
from reader.loaders.text import parse_text
from reader.loaders.yaml_article import parse_yaml_article
from reader.model import Article

__all__ = [
    "DEFAULT_MAX_BYTES", "FORMATS", "SUFFIXES", "format_for", "load", "parse", "parse_html",
    "parse_markdown", "parse_text", "parse_yaml_article", "read_bytes", "sniff_format",
]

# Articles larger than this are refused rather than exhausting the machine.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".yaml": "yaml",
    ".yml": "yaml",
}


def parse_html(text: str, source: str = "<memory>", warnings: tuple[str, ...] = ()) -> Article:
    """:func:`reader.loaders.html.parse_html`, imported on first use (it pulls in trafilatura)."""
    from reader.loaders import html

    return html.parse_html(text, source, warnings)


Parser = Callable[..., Article]
FORMATS: dict[str, Parser] = {
    "text": parse_text,
    "markdown": parse_markdown,
    "html": parse_html,
    "yaml": parse_yaml_article,
}


def format_for(path: str) -> str | None:
    """The format a file name implies; None for standard input (``-``), which is sniffed."""
    if path == "-":
        return None
    return SUFFIXES.get(Path(path).suffix.lower(), "text")


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of ``path`` (``-`` is stdin), with errors worded for the user.

    Never more than ``max_bytes`` are read, so an endless source (``/dev/zero``, a pipe that
    never closes) is refused rather than exhausting memory. A device is refused; a named pipe
    with nothing writing to it is refused at once instead of waiting forever.
    """
    if path == "-":
        data = _read_stdin(max_bytes)
    else:
        p = Path(path)
        try:
            if p.is_dir():
                raise LoadError(path, "is a directory")
            info = p.stat()
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
                raise LoadError(path, "is a device, not an article file")
            if stat.S_ISSOCK(info.st_mode):
                raise LoadError(path, "is a socket, not an article file")
            if stat.S_ISFIFO(info.st_mode):
                data = _read_fifo(path, max_bytes)
            else:
                if info.st_size > max_bytes:
                    raise LoadError(
                        path, f"too large ({info.st_size:,} bytes; the limit is {max_bytes:,})")
                with p.open("rb") as handle:
                    data = handle.read(max_bytes + 1)
        except FileNotFoundError:
            raise LoadError(path, "no such file") from None
        except PermissionError:
            raise LoadError(path, "permission denied") from None
        except IsADirectoryError:
            raise LoadError(path, "is a directory") from None
        except OSError as exc:
            raise LoadError(path, os.strerror(exc.errno) if exc.errno else str(exc)) from None
        except ValueError as exc:  # e.g. a NUL byte in the name
            raise LoadError(path, f"not a usable file name ({exc})") from None
    if len(data) > max_bytes:
        raise LoadError(path, f"too large (over {max_bytes:,} bytes)")
    return data


def _read_fifo(path: str, max_bytes: int) -> bytes:
    """Read a named pipe (``reader <(curl …)`` passes one) without blocking on one that has no
    writer: opening it non-blocking succeeds at once, and a first read that finds the end of
    the input means nothing is writing to it."""
    import fcntl

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb", buffering=0) as handle:
        try:
            first = handle.read(65536)
        except BlockingIOError:  # a writer is there but has not written yet
            first = b""
        else:
            if first is None:  # a writer is there but has not written yet
                first = b""
            elif not first:
                raise LoadError(path, "is a named pipe with nothing writing to it")
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        chunks = [first]
        size = len(first)
        while size <= max_bytes:
            chunk = handle.read(min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)


def _read_stdin(max_bytes: int) -> bytes:
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None) if stream is not None else None
    if buffer is None:
        raise LoadError("-", "no standard input to read")
    try:
        if stream.isatty():
            raise LoadError("-", "standard input is a terminal; pipe an article into it")
    except (ValueError, OSError):  # closed or detached
        raise LoadError("-", "no standard input to read") from None
    try:
        return buffer.read(max_bytes + 1)
    except OSError as exc:
        raise LoadError("-", os.strerror(exc.errno) if exc.errno else str(exc)) from None
    except ValueError:
        raise LoadError("-", "no standard input to read") from None


def _decode(data: bytes, fmt: str | None) -> tuple[str, str | None]:
    if fmt == "html":
        from reader.loaders.html import decode_html

        return decode_html(data)
    return decode(data)


def parse(text: str, fmt: str | None = None, source: str = "<memory>",
          warnings: tuple[str, ...] = ()) -> Article:
    """Parse an article already in memory; ``fmt`` None sniffs it."""
    fmt = fmt or sniff_format(text)
    if not text.strip():
        return Article(text=text, paragraphs=(), source=source, format=fmt, warnings=warnings)
    return FORMATS[fmt](text, source=source, warnings=warnings)


def load(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Load the article at ``path`` (``-`` reads stdin). Raises :class:`LoadError`."""
    source = os.fspath(path)
    data = read_bytes(source, max_bytes)
    if looks_binary(data):
        raise LoadError(source, "not a text article (binary data)")
    fmt = format_for(source)
    text, warning = _decode(data, fmt)
    article = parse(text, fmt, source, (warning,) if warning else ())
    if source != "-":
        article = apply_sidecar(article, source)
    return article

"""Loading articles: one ``load()`` that picks a loader by file suffix (or sniffs stdin)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reader.errors import LoadError
from reader.loaders.decode import decode, looks_binary
from reader.loaders.text import parse_text
from reader.model import Article

# Articles larger than this are refused rather than exhausting the machine.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of ``path`` (``-`` is stdin), with errors worded for the user."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        p = Path(path)
        try:
            if p.is_dir():
                raise LoadError(path, "is a directory")
            size = p.stat().st_size
            if size > max_bytes:
                raise LoadError(path, f"too large ({size:,} bytes; the limit is {max_bytes:,})")
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
    if len(data) > max_bytes:
        raise LoadError(path, f"too large (over {max_bytes:,} bytes)")
    return data


def load(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Load the article at ``path`` (``-`` reads stdin)."""
    source = os.fspath(path)
    data = read_bytes(source, max_bytes)
    if looks_binary(data):
        raise LoadError(source, "not a text article (binary data)")
    text, warning = decode(data)
    return parse_text(text, source=source, warnings=(warning,) if warning else ())

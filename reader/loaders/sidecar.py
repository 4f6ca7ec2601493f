"""Metadata sidecars: ``story.meta.yaml`` (or ``story.meta.yml``) next to ``story.txt``.

A sidecar is a YAML mapping of the metadata keys of :mod:`reader.loaders.meta` (``title``,
``outlet``, ``date``, ``byline``, ``url``, ``caption``, ``credit``, …). Its values add to and
override what the article itself says; the article file is never written. Sidecars work for
every format but not for standard input.
"""

from __future__ import annotations

from pathlib import Path

from reader.errors import LoadError
from reader.loaders import meta
from reader.loaders.decode import decode, looks_binary
from reader.model import Article

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")
# A sidecar holds a few lines of metadata; anything this large is not one.
MAX_SIDECAR_BYTES = 1024 * 1024


def sidecar_candidates(article_path: str) -> list[Path]:
    """Where the sidecar of ``article_path`` would be, whether or not it exists."""
    path = Path(article_path)
    if path.name.endswith(SIDECAR_SUFFIXES):
        return []
    stem = path.with_suffix("") if path.suffix else path
    try:
        return [stem.with_name(stem.name + suffix) for suffix in SIDECAR_SUFFIXES]
    except ValueError:  # a name with no stem, such as "/" or ".."
        return []


def sidecar_path(article_path: str) -> Path | None:
    """The sidecar of ``article_path`` when one exists (``.meta.yaml`` before ``.meta.yml``).

    Only a regular file counts: a directory, a pipe or a device of that name is ignored.
    """
    for candidate in sidecar_candidates(article_path):
        if candidate.is_file():
            return candidate
    return None


def apply_sidecar(article: Article, article_path: str) -> Article:
    """``article`` with the metadata of its sidecar, if it has one."""
    path = sidecar_path(article_path)
    if path is None:
        return article
    name = path.name

    def fail(reason: str) -> LoadError:
        return LoadError(article_path, f"metadata file '{name}' {reason}")

    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SIDECAR_BYTES + 1)
    except PermissionError:
        raise fail("cannot be read: permission denied") from None
    except OSError as exc:
        raise fail(f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_SIDECAR_BYTES:
        raise fail(f"is too large (over {MAX_SIDECAR_BYTES:,} bytes)")
    if looks_binary(data):
        raise fail("is not text")
    text, warning = decode(data)
    try:
        mapping, _node = meta.load_yaml(text)
    except meta.YamlProblem as exc:
        raise fail(f"is not valid YAML ({exc})") from None
    if mapping is None:
        return article
    if not isinstance(mapping, dict):
        raise fail("is not a list of 'key: value' lines (line 1)")
    fields, extra, notes = meta.fields_from(mapping)
    notes = [f"{name}: {note}" for note in notes]
    if warning:
        notes.insert(0, f"{name}: {warning}")
    return meta.apply(article, fields, extra, notes)

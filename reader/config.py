"""The user's configuration: one small typed dataclass, one loader, one place that knows the path.

The file is YAML at ``<platform config dir>/reader/config.yaml`` (``READER_CONFIG`` overrides the
path). Every key is optional::

    theme: textual-dark          # any Textual theme name
    citation_style: apa          # default style for the copy key
    show_indirect: false         # list reported speech too
    quote_max_words: 60          # shorten longer quotes in citations (0 = never)
    max_article_mb: 64           # refuse larger files
    keys:                        # binding id -> keys, e.g. next_quote: "n,down"
      next_quote: "n,]"
    citation_styles:             # your own citation templates
      newsroom: '"{quote}" — {speaker}, {outlet}, {date:%d %b %Y}'

A bad file never stops the app: :func:`load_config` returns the defaults and a message that
names the file and the line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from reader.fileio import atomic_writer

CONFIG_ENV = "READER_CONFIG"


@dataclass(frozen=True)
class Config:
    theme: str = "textual-dark"
    citation_style: str = "plain"
    show_indirect: bool = False
    quote_max_words: int = 0
    max_article_mb: int = 64
    keys: dict[str, str] = field(default_factory=dict)
    citation_styles: dict[str, str] = field(default_factory=dict)

    @property
    def max_article_bytes(self) -> int:
        return self.max_article_mb * 1024 * 1024


def config_path() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("reader", appauthor=False)) / "config.yaml"


class ConfigError(Exception):
    """The config file exists but cannot be used; the message names the file and the line."""


# A config file is a few lines; anything this large is not one.
MAX_CONFIG_BYTES = 1024 * 1024


def _read_mapping(path: Path) -> dict[str, Any]:
    import stat

    from reader.loaders import meta

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A directory, a pipe or a device: reading it could fail, block or never end.
            raise ConfigError(f"{path}: cannot read (not a regular file)")
        if info.st_size > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: cannot read (too large: {info.st_size:,} bytes)")
        raw = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    try:
        data, _node = meta.load_yaml(raw)
    except meta.YamlProblem as exc:
        where = f" line {exc.line}" if exc.line is not None else ""
        raise ConfigError(f"{path}:{where}: not valid YAML ({exc.problem})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings, found {type(data).__name__}")
    return data


def _coerce(path: Path, key: str, value: Any, default: Any) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{path}: '{key}' should be {expected}, not {value!r}")

    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise bad("true or false")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise bad("a whole number >= 0")
        return value
    if isinstance(default, str):
        if not isinstance(value, str) or not value.strip() or not value.strip().isprintable():
            raise bad("a non-empty line of text")
        return value.strip()
    if isinstance(default, dict):
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise bad("a mapping of names to strings")
        # Names (and key lists) are shown on screen: no control characters in them.
        for name, item in value.items():
            if not name.isprintable() or (key == "keys" and not item.isprintable()):
                raise ConfigError(f"{path}: '{key}' holds a control character in {name!r}")
        return dict(value)
    return value


def parse_config(data: dict[str, Any], path: Path) -> Config:
    defaults = Config()
    known = {f.name for f in fields(Config)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown setting '{key}' (known: {', '.join(sorted(known))})")
        values[key] = _coerce(path, key, value, getattr(defaults, key))
    return replace(defaults, **values)


def load_config(path: Path | None = None) -> tuple[Config, str | None]:
    """The user's config, or the defaults and a one-line message saying what was wrong."""
    path = path or config_path()
    try:
        return parse_config(_read_mapping(path), path), None
    except ConfigError as exc:
        return Config(), f"{exc}; using the defaults"


def save_setting(key: str, value: Any, path: Path | None = None) -> Path:
    """Remember one setting, keeping everything else in the file; written atomically.

    Refuses (ConfigError) when the existing file is unreadable, so a user's broken file is never
    replaced by ours.
    """
    import yaml

    path = path or config_path()
    data = _read_mapping(path)
    data[key] = value
    parse_config(data, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_writer(path) as out:
        yaml.safe_dump(data, out, allow_unicode=True, sort_keys=False)
    return path

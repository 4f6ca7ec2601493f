"""Article metadata from YAML: front matter, YAML articles and ``.meta.yaml`` sidecars share it.

Known keys (case-insensitive; the first one present wins):

==========  ==============================================
field       keys
==========  ==============================================
headline    ``title``, ``headline``
outlet      ``outlet``, ``publication``, ``publisher``, ``site``, ``sitename``
date        ``date``, ``published``, ``pubdate``
byline      ``byline``, ``author``, ``authors`` (a list is joined with commas)
url         ``url``, ``link``
caption     ``caption``
credit      ``credit``
==========  ==============================================

Any other key whose value is text, a number, a date or a list of those is kept in
``Article.extra`` as a string. YAML is read with the safe loader only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from reader.loaders.dates import parse_date
from reader.model import Article

if TYPE_CHECKING:
    import yaml

FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "headline": ("title", "headline"),
    "outlet": ("outlet", "publication", "publisher", "site", "sitename"),
    "date": ("date", "published", "pubdate"),
    "byline": ("byline", "author", "authors"),
    "url": ("url", "link"),
    "caption": ("caption",),
    "credit": ("credit",),
}
_KNOWN = frozenset(key for keys in FIELD_KEYS.values() for key in keys)
_SPAN_OF = {"headline": "headline_span", "caption": "caption_span", "credit": "credit_span"}


class YamlProblem(Exception):
    """YAML that could not be read; ``str()`` is the reason, with the line when known."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        super().__init__(f"line {line}: {problem}" if line is not None else problem)
        self.problem = problem
        self.line = line


@functools.cache
def _loader_class() -> type:
    """The safe loader, except that an impossible date (2017-02-30) or an integer too long to
    convert stays a string. Built on first use: most articles have no YAML, and importing PyYAML
    would slow every start."""
    import yaml

    def timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)  # type: ignore[arg-type]

    def integer(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)  # type: ignore[arg-type]
        except ValueError:  # more digits than Python converts: keep the digits as text
            return loader.construct_scalar(node)  # type: ignore[arg-type]

    base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = type("ArticleYamlLoader", (base,), {})
    loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    loader.add_constructor("tag:yaml.org,2002:int", integer)
    return loader


def load_yaml(text: str, first_line: int = 1) -> tuple[Any, yaml.Node | None]:
    """Parse one YAML document; return the data and its node tree (for line numbers).

    ``first_line`` is the file line ``text`` starts on, so reported lines are file lines.
    Raises :class:`YamlProblem`.
    """
    import yaml

    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise problem_of(exc, first_line, len(text.rstrip().splitlines())) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(str(exc).splitlines()[0] if str(exc) else "not valid YAML") from None
    except RecursionError:
        raise YamlProblem("nested too deeply") from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise YamlProblem(str(exc) or type(exc).__name__) from None
    finally:
        loader.dispose()
    return data, node


def problem_of(exc: yaml.MarkedYAMLError, first_line: int = 1,
               lines: int | None = None) -> YamlProblem:
    """The user's view of a YAML error: the reason and the file line where to look.

    PyYAML reports where it noticed the problem, which for an unfinished flow list or quoted
    string is the line after it (or the end of the text); the line where the unfinished thing
    starts is named too. ``lines`` is how many lines the YAML text has (not counting trailing
    blank ones): a problem found past them is a problem "at the end of the text".
    """
    mark = exc.problem_mark or exc.context_mark
    reason = exc.problem or exc.context or "not valid YAML"
    context = exc.context_mark
    at_end = "end of stream" in reason or (
        lines is not None and mark is not None and mark.line >= lines)
    if context is not None and at_end and exc.context:
        # "found unexpected end of stream" is reported where the text ends; the line where the
        # unfinished thing (a quoted string, a list) starts is more useful.
        mark, reason = context, f"{exc.context}, {reason}"
    elif (context is not None and mark is not None and exc.context
          and context.line < mark.line and exc.context.startswith("while ")
          and ("flow" in exc.context or "quoted" in exc.context or "simple key" in exc.context)):
        # "while parsing a flow sequence" -> "the flow sequence"
        what = exc.context.split(" ", 2)[-1].removeprefix("a ").removeprefix("an ")
        reason = f"{reason}; the {what} started on line {context.line + first_line}"
    return YamlProblem(reason, mark.line + first_line if mark else None)


def key_line(node: yaml.Node | None, key: str, first_line: int = 1) -> int | None:
    """The file line where the value of top-level ``key`` starts, when known."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and str(key_node.value).lower() == key:
                return value_node.start_mark.line + first_line
    return None


def item_line(node: yaml.Node | None, key: str, index: int, first_line: int = 1) -> int | None:
    """The file line of item ``index`` of the list under top-level ``key``, when known."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if (
                isinstance(key_node, yaml.ScalarNode)
                and str(key_node.value).lower() == key
                and isinstance(value_node, yaml.SequenceNode)
                and index < len(value_node.value)
            ):
                return value_node.value[index].start_mark.line + first_line
    return None


_MAX_LIST_ITEMS = 100


def scalar_text(value: Any, *, in_list: bool = False) -> str | None:
    """A YAML scalar, or a flat list of up to 100 scalars, as one trimmed string; else None.

    Nested lists are refused: YAML aliases can make them astronomically large.
    """
    if value is None or isinstance(value, (bytes, bytearray)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        text = str(value).strip()
        return text or None
    if isinstance(value, list) and not in_list and len(value) <= _MAX_LIST_ITEMS:
        parts = []
        for item in value:
            if item is None:
                continue
            part = scalar_text(item, in_list=True)
            if part is None and not (isinstance(item, str) and not item.strip()):
                return None
            if part:
                parts.append(part)
        return ", ".join(parts) or None
    return None


def fields_from(mapping: Mapping[Any, Any], skip: frozenset[str] = frozenset()) -> tuple[
    dict[str, Any], dict[str, str], list[str]
]:
    """Split a metadata mapping into Article fields, ``extra`` strings and warnings."""
    lowered: dict[str, Any] = {}
    for key, value in mapping.items():
        name = str(key).strip().lower()
        if name and name not in lowered and name not in skip:
            lowered[name] = value
    fields: dict[str, Any] = {}
    extra: dict[str, str] = {}
    warnings: list[str] = []
    for field, keys in FIELD_KEYS.items():
        for key in keys:
            if key not in lowered or lowered[key] is None:
                continue
            value = lowered[key]
            if field == "date":
                date = parse_date(value) if not isinstance(value, (int, float)) else None
                if date is None:
                    shown = scalar_text(value)
                    warnings.append(
                        f"ignored the date '{shown}': not a date" if shown
                        else f"ignored '{key}': not a date"
                    )
                else:
                    fields["date"] = date
            else:
                text = scalar_text(value)
                if text is None:
                    if not _empty(value):
                        warnings.append(f"ignored '{key}': not text")
                else:
                    fields[field] = text
            break
    for name, value in lowered.items():
        if name in _KNOWN:
            continue
        text = scalar_text(value)
        if text is not None:
            extra[name] = text
    return fields, extra, warnings


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value in ([], {})


def apply(article: Article, fields: dict[str, Any], extra: dict[str, str],
          warnings: list[str] | tuple[str, ...] = ()) -> Article:
    """``article`` with ``fields`` and ``extra`` overriding what it had.

    A span is kept only while it still locates its field in the text; a field set to something
    else loses its span.
    """
    changes: dict[str, Any] = dict(fields)
    for field, span_name in _SPAN_OF.items():
        if field in fields:
            span = getattr(article, span_name)
            if span is not None and span.of(article.text) != fields[field]:
                changes[span_name] = None
    merged = dict(article.extra)
    merged.update(extra)
    changes["extra"] = merged
    changes["warnings"] = tuple(article.warnings) + tuple(warnings)
    return dataclasses.replace(article, **changes)

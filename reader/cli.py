"""The ``reader`` command line: open the reader, print quotes, print citations.

Heavy imports (Textual, the engine) happen inside the commands that need them so ``--help`` and
``--version`` stay instant.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from reader import __version__
from reader.errors import LoadError, ReaderError
from reader.safetext import escaped

PROG = "reader"
SUBCOMMANDS = ("quotes", "cite")

EXAMPLES = """\
examples:
  reader                              open the bundled article
  reader story.txt                    open an article (.txt .md .html .yaml, or - for stdin)
  reader quotes story.txt             list who said what, as text
  reader quotes --format jsonl dir/   one JSON record per article in dir/
  reader cite story.txt --quote 2     print a citation of quote 2
  reader cite --quote 1 --style apa   cite the bundled article in APA style

keys in the reader: n/p next/previous quote, c copy citation, / search, ? help, q quit
"""


class UsageError(ReaderError):
    """Bad command-line usage (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _open_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="A terminal reader and quote browser for news articles: who said what.",
        epilog=EXAMPLES + "\nmore: reader quotes --help, reader cite --help",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article files or directories (default: the bundled article)")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def _quotes_parser() -> argparse.ArgumentParser:
    from reader.export import FORMATS

    parser = _Parser(
        prog=f"{PROG} quotes",
        description="Print every quotation in the articles and who said it.",
        epilog="The json and jsonl formats follow the reader.quotes/1 schema described in the README.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article files or directories (default: the bundled article)")
    parser.add_argument("-f", "--format", choices=FORMATS, default="text",
                        help="output format (default: text)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE (atomically) instead of standard output")
    parser.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                        help="analyse in N parallel processes (default 0: all cores)")
    return parser


def _cite_parser() -> argparse.ArgumentParser:
    from reader.cite import BUILTIN_STYLES
    from reader.config import config_path

    parser = _Parser(
        prog=f"{PROG} cite",
        description="Print a citation of one quote, as the reader's copy key would copy it.",
        epilog=f"Your own styles are templates under citation_styles in {config_path()}.",
    )
    parser.add_argument("path", nargs="?", metavar="PATH",
                        help="the article, or - for stdin (default: the bundled article)")
    parser.add_argument("-q", "--quote", required=True, metavar="N",
                        help="quote number as the quote list shows it (1, 2, … or i1, i2, …)")
    parser.add_argument("-s", "--style", default=None, metavar="STYLE",
                        help=f"{', '.join(BUILTIN_STYLES)} or one of your styles "
                             "(default: the configured style, else plain)")
    return parser


# Suffixes of files a directory argument contributes.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".yaml", ".yml")


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Files named on the command line, with directories replaced by the articles they hold."""
    from reader.resources import default_article

    if not paths:
        return [str(default_article())]
    out: list[str] = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted(
                str(child) for child in p.rglob("*")
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES
                and not child.name.endswith((".meta.yaml", ".meta.yml"))
            )
            if not found:
                raise LoadError(path, "directory holds no articles (.txt, .md, .html, .yaml)")
            out.extend(found)
        else:
            out.append(path)
    return out


def _records(paths: list[str], jobs: int, max_bytes: int, failures: list[str]) -> Iterator[dict]:
    from reader.batch import analyse_paths

    with _progress(len(paths)) as advance:
        for outcome in analyse_paths(paths, jobs=jobs, max_bytes=max_bytes):
            advance()
            for warning in outcome.warnings:
                _warn(f"{outcome.path}: {warning}")
            if outcome.record is None:
                _error(outcome.error or f"cannot analyse '{outcome.path}'")
                failures.append(outcome.path)
            else:
                yield outcome.record


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error when it is a terminal and there is more than one file."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = ("analysing", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("analysing", total=total)
        yield lambda: progress.advance(task)


def run_quotes(args: argparse.Namespace) -> int:
    from reader.config import load_config
    from reader.export import WRITERS
    from reader.fileio import atomic_writer

    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (all cores) or more")
    config, config_problem = load_config()
    if config_problem:
        _warn(config_problem)
    paths = expand_paths(args.paths)
    failures: list[str] = []
    writer = WRITERS[args.format]
    records = _records(paths, args.jobs, config.max_article_bytes, failures)
    if args.output:
        _check_output(args.output, paths)
        written = _Counted(records)
        try:
            with atomic_writer(args.output) as out:
                writer(written, out)
                if failures and not written.count:
                    # Nothing came out: keep whatever the file held before.
                    raise _NothingWritten
        except _NothingWritten:
            pass
        except OSError as exc:
            raise ReaderError(f"cannot write '{args.output}': {_os_reason(exc)}") from None
    else:
        writer(records, sys.stdout)
        sys.stdout.flush()
    if failures and len(paths) > 1:
        _error(f"{len(failures)} of {len(paths)} files failed")
    return 2 if failures else 0


class _NothingWritten(Exception):
    """Every input failed: the output file is left as it was."""


class _Counted:
    """An iterable of records that counts what it has handed out."""

    def __init__(self, records: Iterator[dict]) -> None:
        self._records = records
        self.count = 0

    def __iter__(self) -> Iterator[dict]:
        for record in self._records:
            self.count += 1
            yield record


def _os_reason(exc: OSError) -> str:
    import os

    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, FileNotFoundError):
        return "no such directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return os.strerror(exc.errno) if exc.errno else str(exc)


def _resolved(path: Path) -> str:
    """The absolute path with symlinks followed as far as they go (a loop stops there)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        import os

        return os.path.abspath(path)


def _check_output(output: str, paths: Sequence[str]) -> None:
    """Refuse an output file that is one of the inputs or an input's metadata sidecar (existing
    or not: a new one would change the article next time), however it is spelled: another
    relative path, a symlink, a hard link."""
    from reader.loaders.sidecar import sidecar_candidates

    target = Path(output)
    if target.is_dir():
        raise UsageError(f"'{output}' is a directory; -o needs a file name")
    inputs: list[Path] = []
    for path in paths:
        if path == "-":
            continue
        inputs.append(Path(path))
        inputs.extend(sidecar_candidates(path))
    try:
        target_stat = target.stat()
    except OSError:
        target_stat = None
    resolved = _resolved(target)
    for path in inputs:
        same = _resolved(path) == resolved
        if not same and target_stat is not None:
            try:
                stat = path.stat()
            except OSError:
                continue
            same = (stat.st_dev, stat.st_ino) == (target_stat.st_dev, target_stat.st_ino)
        if same:
            raise UsageError(f"refusing to overwrite the input file '{output}'")


def run_cite(args: argparse.Namespace) -> int:
    from reader.cite import cite_quote
    from reader.config import load_config

    config, config_problem = load_config()
    if config_problem:
        _warn(config_problem)
    if args.path and args.path != "-" and Path(args.path).is_dir():
        raise UsageError(f"'{args.path}' is a directory; cite one article")
    path = expand_paths([args.path] if args.path else [])[0]
    sys.stdout.write(cite_quote(path, args.quote, args.style, config=config))
    sys.stdout.write("\n")
    sys.stdout.flush()
    return 0


def run_open(args: argparse.Namespace) -> int:
    from reader.config import load_config
    from reader.loaders import load

    config, config_problem = load_config()
    # Load before starting the UI so bad input is a one-line error, not a broken screen.
    articles = [load(path, max_bytes=config.max_article_bytes) for path in expand_paths(args.paths)]
    notices = [config_problem] if config_problem else []
    notices += [f"{a.source}: {w}" for a in articles for w in a.warnings]

    from reader.tui import run_app

    return run_app(articles, config, notices)


def _error(message: str) -> None:
    # Messages quote file names and article text: escape anything a terminal would act on.
    print(f"{PROG}: {escaped(message)}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"{PROG}: warning: {escaped(message)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "quotes":
            return run_quotes(_quotes_parser().parse_args(argv[1:]))
        if argv and argv[0] == "cite":
            return run_cite(_cite_parser().parse_args(argv[1:]))
        return run_open(_open_parser().parse_args(argv))
    except UsageError as exc:
        _error(f"{exc} (see 'reader --help')")
        return 2
    except ReaderError as exc:
        _error(str(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error worth a traceback.
        sys.stderr.close()
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, status 1
        _error(f"unexpected error: {type(exc).__name__}: {exc}")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())

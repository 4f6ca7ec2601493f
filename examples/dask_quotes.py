"""Analyse a folder of articles with Dask and write one JSONL record per article.

The engine is a pure function of the text, so it runs unchanged inside any Dask worker. Locally::

    python examples/dask_quotes.py articles/ quotes.jsonl

On a cluster, pass the scheduler's address (``--scheduler tcp://host:8786``) and point the
folder and output at storage every worker can reach; nothing else changes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import dask.bag as db

from reader.batch import analyse_file
from reader.cli import ARTICLE_SUFFIXES


def article_paths(folder: str | Path) -> list[str]:
    return sorted(
        str(p) for p in Path(folder).rglob("*")
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
        and not p.name.endswith((".meta.yaml", ".meta.yml"))
    )


def to_line(path: str) -> str:
    """One article's JSONL line; a file that fails becomes an error record, not a lost batch."""
    outcome = analyse_file(path)
    if outcome.record is None:
        record = {"schema": "reader.quotes/1", "source": path, "error": outcome.error}
    else:
        record = outcome.record
    return json.dumps(record, ensure_ascii=False)


def analyse_folder(folder: str | Path, output: str | Path, *, partitions: int | None = None,
                   scheduler: str = "processes") -> int:
    """Write ``output`` (JSONL, input order) and return the number of articles analysed."""
    paths = article_paths(folder)
    if not paths:
        raise SystemExit(f"no articles in {folder}")
    bag = db.from_sequence(paths, npartitions=partitions or min(len(paths), 64)).map(to_line)
    # Each partition is written by a worker; the parts are then joined in order.
    parts_dir = Path(f"{output}.parts")
    bag.to_textfiles(str(parts_dir / "*.jsonl"), scheduler=scheduler, last_endline=True)
    parts = sorted(parts_dir.glob("*.jsonl"), key=lambda p: int(p.stem))
    tmp = Path(f"{output}.tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for part in parts:
            out.write(part.read_text(encoding="utf-8"))
            part.unlink()
    parts_dir.rmdir()
    tmp.replace(output)
    return len(paths)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("output")
    parser.add_argument("--scheduler", default="processes",
                        help="'processes', 'threads', 'sync', or a cluster address tcp://host:port")
    args = parser.parse_args()
    if args.scheduler.startswith("tcp://"):
        from dask.distributed import Client

        client = Client(args.scheduler)
        count = analyse_folder(args.folder, args.output, scheduler=client)  # type: ignore[arg-type]
    else:
        count = analyse_folder(args.folder, args.output, scheduler=args.scheduler)
    print(f"{count} articles -> {args.output}")


if __name__ == "__main__":
    main()

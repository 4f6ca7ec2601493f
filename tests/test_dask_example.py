"""The Dask example runs the engine unchanged and matches `reader quotes` record for record."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from reader.batch import analyse_paths

pytest.importorskip("dask.bag")

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dask_quotes.py"


def load_example():
    spec = importlib.util.spec_from_file_location("dask_quotes", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_bag_matches_the_cli(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n:02d}.txt").write_text(
            f"Headline {n}\n\n\u201cWe are ready,\u201d said Mayor Ann Lee {n}.\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    example = load_example()
    out = tmp_path / "quotes.jsonl"
    assert example.analyse_folder(folder, out, partitions=3, scheduler="sync") == 6
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    paths = example.article_paths(folder)
    assert [r["source"] for r in lines] == paths
    expected = {o.path: o.record for o in analyse_paths(paths, jobs=1)}
    for record in lines:
        if record["source"].endswith("bad.txt"):
            assert "not a text article" in record["error"]
        else:
            assert record == expected[record["source"]]
    assert not (tmp_path / "quotes.jsonl.parts").exists()

"""Atomic writes: a file appears complete or not at all."""

from __future__ import annotations

import pytest

from reader.fileio import atomic_writer


def test_writes_file(tmp_path):
    target = tmp_path / "out.txt"
    with atomic_writer(target) as out:
        out.write("hello")
    assert target.read_text() == "hello"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_failure_leaves_existing_file_untouched(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("precious")
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as out:
            out.write("half")
            raise RuntimeError("boom")
    assert target.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_keeps_permissions_of_existing_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    with atomic_writer(target) as out:
        out.write("new")
    assert target.stat().st_mode & 0o777 == 0o640

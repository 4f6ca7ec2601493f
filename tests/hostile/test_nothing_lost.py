"""Nothing lost: reader never writes to an article, and every file it writes appears whole or not
at all, never truncating what was there."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
import yaml
from hostile_tools import notifications, open_in_app, reader_app, run_cli

from reader.config import ConfigError, load_config, save_setting
from reader.loaders import load

ARTICLE = "Headline\n\n“We will act,” said Jane Doe, a spokeswoman.\n\n“Soon,” she added.\n"


@pytest.fixture
def articles(tmp_path) -> list[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = [folder / "story.txt", folder / "story.meta.yaml", folder / "page.md",
             folder / "legacy.txt"]
    paths[0].write_text(ARTICLE, encoding="utf-8")
    paths[1].write_text("outlet: Example News\ndate: 2026-01-02\n", encoding="utf-8")
    paths[2].write_text("---\ntitle: T\n---\n" + ARTICLE, encoding="utf-8")
    paths[3].write_bytes(b"Head\n\n\x93Yes,\x94 she said.\n")
    for path in paths:  # an old mtime, so any write would show
        os.utime(path, (1_000_000_000, 1_000_000_000))
    return paths


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_the_command_line_never_writes_to_an_article(capsys, tmp_path, articles):
    folder = articles[0].parent
    before = snapshot(folder)
    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("json", "jsonl", "yaml", "csv", "markdown", "text"):
        assert run_cli(capsys, "quotes", "--format", fmt, str(folder)).status == 0
        assert run_cli(capsys, "quotes", "--format", fmt, "-o", str(out / f"x.{fmt}"),
                       *map(str, articles[::2])).status == 0
    assert run_cli(capsys, "cite", str(articles[0]), "--quote", "2", "--style", "apa").status == 0
    assert snapshot(folder) == before


async def test_the_reader_never_writes_to_an_article(capsys, tmp_path, articles, monkeypatch):
    folder = articles[0].parent
    before = snapshot(folder)
    opened: dict = {}
    monkeypatch.setattr("reader.tui.run_app",
                        lambda a, c, n: opened.update(articles=a, config=c, notices=n) or 0)
    assert run_cli(capsys, str(articles[0]), str(articles[2])).status == 0
    async with reader_app(opened["articles"], notices=opened["notices"]) as (app, pilot):
        await pilot.press("n", "c", "y", "n", "i", "greater_than_sign", "n", "c")
        await pilot.press("C")
        await pilot.pause()
        await pilot.press("down", "enter")  # choose another style: saved to the config
        await pilot.pause()
        await open_in_app(pilot, articles[3])
        await pilot.press("n", "c")
        app.theme = "nord"  # also saved to the config
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert snapshot(folder) == before
    config, problem = load_config()
    assert problem is None and config.citation_style == "markdown" and config.theme == "nord"


# ---------------------------------------------------------------------------- atomic config writes

@pytest.fixture
def precious_config(config_file) -> Path:
    config_file.write_text("# my settings\ntheme: nord\nkeys:\n  next_quote: 'n,j'\n",
                           encoding="utf-8")
    return config_file


def directory_listing(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def test_save_setting_keeps_the_other_settings(precious_config):
    save_setting("citation_style", "apa")
    data = yaml.safe_load(precious_config.read_text(encoding="utf-8"))
    assert data == {"theme": "nord", "keys": {"next_quote": "n,j"}, "citation_style": "apa"}
    assert directory_listing(precious_config) == ["config.yaml"]


def test_a_failure_mid_write_leaves_the_config_untouched(precious_config, monkeypatch):
    before = precious_config.read_bytes()

    def half_then_fail(data, stream, **kwargs):
        stream.write("theme: no")
        raise RuntimeError("killed mid-write")

    monkeypatch.setattr(yaml, "safe_dump", half_then_fail)
    with pytest.raises(RuntimeError):
        save_setting("citation_style", "apa")
    assert precious_config.read_bytes() == before
    assert directory_listing(precious_config) == ["config.yaml"]  # no temp file left behind


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_a_full_disk_leaves_the_config_untouched(precious_config, monkeypatch, where):
    before = precious_config.read_bytes()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, where, full)
    with pytest.raises(OSError):
        save_setting("citation_style", "apa")
    monkeypatch.undo()
    assert precious_config.read_bytes() == before
    assert directory_listing(precious_config) == ["config.yaml"]


def test_a_broken_config_is_never_replaced(config_file):
    config_file.write_text("theme: nord\nkeys: [oops\n", encoding="utf-8")
    before = config_file.read_bytes()
    with pytest.raises(ConfigError):
        save_setting("citation_style", "apa")
    assert config_file.read_bytes() == before


def test_a_symlinked_config_stays_a_symlink(tmp_path, config_file):
    """A config kept in a dotfiles repository: the file is updated, the link stays a link."""
    real = tmp_path / "dotfiles" / "reader.yaml"
    real.parent.mkdir()
    real.write_text("theme: nord\n", encoding="utf-8")
    config_file.symlink_to(real)
    save_setting("citation_style", "apa")
    assert config_file.is_symlink()
    assert yaml.safe_load(real.read_text(encoding="utf-8")) == {"theme": "nord",
                                                                "citation_style": "apa"}


async def test_the_reader_says_when_it_cannot_save_and_goes_on(tmp_path, config_file, monkeypatch):
    config_file.write_text("theme: nord\nkeys: [oops\n", encoding="utf-8")
    before = config_file.read_bytes()
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    async with reader_app([load(article)]) as (app, pilot):
        app.set_citation_style("apa")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "could not save 'citation_style' to the config" in notifications(app)[-1]
        assert app.citation_style == "apa"  # still used for this session
        await pilot.press("n", "c")
        assert app.clipboard
    assert config_file.read_bytes() == before

    config_file.write_text("theme: nord\n", encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    async with reader_app([load(article)]) as (app, pilot):
        monkeypatch.setattr(os, "fsync", full)
        app.set_citation_style("mla")
        await app.workers.wait_for_complete()
        await pilot.pause()
        monkeypatch.undo()
        assert "No space left on device" in notifications(app)[-1]
    assert config_file.read_text(encoding="utf-8") == "theme: nord\n"
    assert directory_listing(config_file) == ["config.yaml"]


# ---------------------------------------------------------------------------- -o exports

@pytest.fixture
def story(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def old_output(tmp_path) -> Path:
    path = tmp_path / "out.json"
    path.write_text("precious old results\n", encoding="utf-8")
    return path


def test_a_failing_writer_leaves_the_output_untouched(capsys, story, old_output, monkeypatch):
    import reader.export

    def half_then_fail(records, out):
        out.write("[{\"half")
        raise RuntimeError("writer bug")

    monkeypatch.setitem(reader.export.WRITERS, "json", half_then_fail)
    run = run_cli(capsys, "quotes", "--format", "json", "-o", str(old_output), str(story))
    assert run.status == 1 and run.err.count("\n") == 1 and "writer bug" in run.err
    assert old_output.read_text(encoding="utf-8") == "precious old results\n"
    assert directory_listing(old_output) == ["out.json", "story.txt"]


def test_a_full_disk_leaves_the_output_untouched(capsys, story, old_output, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    run = run_cli(capsys, "quotes", "--format", "json", "-o", str(old_output), str(story))
    monkeypatch.undo()
    assert run.status == 2
    assert run.err == f"reader: cannot write '{old_output}': No space left on device\n"
    assert old_output.read_text(encoding="utf-8") == "precious old results\n"
    assert directory_listing(old_output) == ["out.json", "story.txt"]


def test_output_is_replaced_whole(capsys, story, old_output):
    old_output.chmod(0o640)
    run = run_cli(capsys, "quotes", "--format", "json", "-o", str(old_output), str(story))
    assert run.status == 0 and run.out == ""
    assert json.loads(old_output.read_text(encoding="utf-8"))[0]["source"] == str(story)
    assert old_output.stat().st_mode & 0o777 == 0o640


def spellings(tmp_path: Path, story: Path) -> dict[str, str]:
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.txt").symlink_to(story)
    os.link(story, tmp_path / "hard.txt")
    return {
        "same": str(story),
        "relative": os.path.relpath(story),
        "dotted": str(tmp_path / "sub" / ".." / "." / story.name),
        "double slash": str(tmp_path) + "//" + story.name,
        "symlink": str(tmp_path / "link.txt"),
        "hard link": str(tmp_path / "hard.txt"),
    }


@pytest.mark.parametrize("spelling", ["same", "relative", "dotted", "double slash", "symlink",
                                      "hard link"])
def test_output_refuses_to_overwrite_an_input(capsys, tmp_path, story, spelling):
    before = story.read_bytes()
    target = spellings(tmp_path, story)[spelling]
    for inputs in ([str(story)], [str(tmp_path)]):  # named, or found in a directory
        run = run_cli(capsys, "quotes", "-o", target, *inputs)
        assert run.status == 2 and run.err.count("\n") == 1
        assert "refusing to overwrite the input file" in run.err
        assert story.read_bytes() == before


@pytest.mark.parametrize("name", ["story.meta.yaml", "story.meta.yml"])
def test_output_refuses_to_write_an_inputs_sidecar(capsys, tmp_path, story, name):
    """A sidecar (existing or not) would change the article's metadata next time."""
    run = run_cli(capsys, "quotes", "--format", "yaml", "-o", str(tmp_path / name), str(story))
    assert run.status == 2 and "refusing to overwrite the input file" in run.err
    assert not (tmp_path / name).exists()


def test_output_is_kept_when_every_input_failed(capsys, tmp_path, old_output):
    run = run_cli(capsys, "quotes", "--format", "json", "-o", str(old_output),
                  str(tmp_path / "missing.txt"), str(tmp_path / "also-missing.txt"))
    assert run.status == 2
    assert old_output.read_text(encoding="utf-8") == "precious old results\n"
    assert directory_listing(old_output) == ["out.json"]


def test_output_holds_the_good_files_when_some_failed(capsys, tmp_path, story, old_output):
    run = run_cli(capsys, "quotes", "--format", "json", "-o", str(old_output),
                  str(tmp_path / "missing.txt"), str(story))
    assert run.status == 2 and "missing.txt" in run.err and "1 of 2 files failed" in run.err
    assert [r["source"] for r in json.loads(old_output.read_text(encoding="utf-8"))] == [str(story)]


@pytest.mark.parametrize(("target", "reason"), [
    ("no-such-dir/out.json", "no such directory"),
    (".", "is a directory"),
])
def test_output_that_cannot_be_written_is_one_line(capsys, tmp_path, story, monkeypatch, target,
                                                   reason):
    monkeypatch.chdir(tmp_path)
    run = run_cli(capsys, "quotes", "-o", target, str(story))
    assert run.status == 2 and run.err.count("\n") == 1 and reason in run.err


def test_output_with_symlink_loops_around_is_one_line(capsys, tmp_path, story):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    run = run_cli(capsys, "quotes", "-o", str(tmp_path / "out.txt"), str(tmp_path / "a.txt"),
                  str(story))
    assert run.status == 2 and "a.txt" in run.err and "symbolic links" in run.err
    assert "Jane Doe" in (tmp_path / "out.txt").read_text(encoding="utf-8")
    # a link in a loop holds no data: writing there replaces the link with the output
    run = run_cli(capsys, "quotes", "-o", str(tmp_path / "a.txt"), str(story))
    assert run.status == 0 and "Jane Doe" in (tmp_path / "a.txt").read_text(encoding="utf-8")

"""The command line: exit statuses, one-line errors, output formats, safe writing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from reader.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("reader ")


def test_help_has_examples(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "reader quotes" in out and "reader cite" in out


def test_missing_file_is_one_line_and_status_2(capsys, tmp_path):
    missing = tmp_path / "x.txt"
    status, out, err = run(capsys, "quotes", str(missing))
    assert status == 2
    assert err == f"reader: cannot open '{missing}': no such file\n"
    assert out.strip() in ("", "[]")


def test_missing_file_when_opening_the_reader(capsys, tmp_path):
    status, _, err = run(capsys, str(tmp_path / "x.txt"))
    assert status == 2 and err.count("\n") == 1 and "no such file" in err


def test_bad_usage_is_status_2(capsys):
    status, _, err = run(capsys, "quotes", "--format", "pdf")
    assert status == 2
    assert err.startswith("reader: ") and err.count("\n") == 1


def test_directory_without_articles(capsys, tmp_path):
    status, _, err = run(capsys, "quotes", str(tmp_path))
    assert status == 2 and "holds no articles" in err


def test_quotes_default_is_the_bundled_seed(capsys):
    status, out, _ = run(capsys, "quotes", "--format", "json")
    assert status == 0
    [record] = json.loads(out)
    assert record["schema"] == "reader.quotes/1"
    assert record["article"]["headline"].startswith("UN envoy to Syria")
    assert record["article"]["date"] == "2017-06-08"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "csv", "markdown", "text"])
def test_every_format_runs(capsys, fmt):
    status, out, _ = run(capsys, "quotes", "--format", fmt)
    assert status == 0 and out.strip()


def test_one_bad_file_is_skipped_and_reported(capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Headline\n\nShe said \u201cyes.\u201d\n", encoding="utf-8")
    status, out, err = run(capsys, "quotes", "--format", "jsonl", str(tmp_path / "nope.txt"), str(good))
    assert status == 2
    assert "nope.txt" in err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["source"] for r in records] == [str(good)]


def test_output_file_is_written_and_input_never_overwritten(capsys, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nBody text.\n", encoding="utf-8")
    before = article.read_bytes()
    status, _, err = run(capsys, "quotes", str(article), "-o", str(article))
    assert status == 2 and "refusing to overwrite" in err
    assert article.read_bytes() == before
    out_file = tmp_path / "out.json"
    status, _, _ = run(capsys, "quotes", str(article), "--format", "json", "-o", str(out_file))
    assert status == 0
    assert json.loads(out_file.read_text(encoding="utf-8"))[0]["source"] == str(article)


def test_python_dash_m_reader_works():
    result = subprocess.run([sys.executable, "-m", "reader", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith("reader ")


def test_help_does_not_import_textual():
    code = "import sys\nfrom reader.cli import main\n" \
           "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n" \
           "assert 'textual' not in sys.modules, 'textual imported'\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.returncode == 0, result.stderr


def test_parallel_jobs_keep_input_order(capsys, tmp_path):
    paths = []
    for n in range(7):
        path = tmp_path / f"a{n}.txt"
        path.write_text(f"Headline {n}\n\nSomeone said \u201cnumber {n}.\u201d\n", encoding="utf-8")
        paths.append(str(path))
    paths.insert(3, str(tmp_path / "missing.txt"))
    status, out, err = run(capsys, "quotes", "--jobs", "2", "--format", "jsonl", *paths)
    assert status == 2
    assert "missing.txt" in err and "1 of 8 files failed" in err
    sources = [json.loads(line)["source"] for line in out.splitlines()]
    assert sources == [p for p in paths if "missing" not in p]


def test_negative_jobs_is_bad_usage(capsys):
    status, _, err = run(capsys, "quotes", "--jobs", "-1")
    assert status == 2 and "--jobs" in err

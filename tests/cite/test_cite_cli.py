"""``reader cite``: the same citation as the copy key, on stdout; one-line errors, exit 2."""

from __future__ import annotations

import pytest
from cite_fixtures import SEED_Q1

import reader.engine
from reader.cli import main
from reader.model import Analysis


@pytest.fixture(autouse=True)
def config_file(tmp_path, monkeypatch):
    path = tmp_path / "config.yaml"
    monkeypatch.setenv("READER_CONFIG", str(path))
    return path


@pytest.fixture
def engine(monkeypatch, seed):
    """The engine as it should read the seed (the real one may not find quotes yet)."""

    def analyze(article):
        quotes = seed.quotes if article.text == seed.article.text else ()
        return Analysis(article, quotes, seed.speakers)

    monkeypatch.setattr(reader.engine, "analyze", analyze)


def run(capsys, *argv):
    status = main(["cite", *argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("style", sorted(SEED_Q1))
def test_cite_seed_in_every_style(engine, capsys, style):
    status, out, err = run(capsys, "--quote", "1", "--style", style)
    assert (status, out, err) == (0, SEED_Q1[style] + "\n", "")


def test_default_style_is_plain(engine, capsys):
    assert run(capsys, "-q", "1") == (0, SEED_Q1["plain"] + "\n", "")


def test_configured_style(engine, capsys, config_file):
    config_file.write_text("citation_style: mla\n", encoding="utf-8")
    assert run(capsys, "-q", "1") == (0, SEED_Q1["mla"] + "\n", "")


def test_user_style_from_the_config(engine, capsys, config_file):
    config_file.write_text("citation_styles:\n  short: '{speaker}: “{quote}”'\n", encoding="utf-8")
    status, out, _ = run(capsys, "-q", "1", "-s", "short")
    assert (status, out) == (0, "Sergei Lavrov: “a permanent source of threat threats.”\n")


def test_style_names_are_forgiving(engine, capsys):
    assert run(capsys, "-q", "1", "-s", "CSL_JSON")[1] == SEED_Q1["csl-json"] + "\n"
    assert run(capsys, "-q", "1", "-s", "APA")[1] == SEED_Q1["apa"] + "\n"


def test_explicit_path_and_label_forms(engine, capsys):
    from reader.resources import default_article

    path = str(default_article())
    for label in ("2", "q2", " 2 ", "02"):
        status, out, _ = run(capsys, path, "--quote", label)
        assert status == 0 and out.startswith("“I think that")


def test_unknown_quote(engine, capsys):
    status, out, err = run(capsys, "--quote", "7")
    assert status == 2 and out == ""
    assert err.startswith("reader: no quote '7' in '") and err.endswith("' (its quotes are 1–2)\n")
    assert err.count("\n") == 1


@pytest.mark.parametrize("label", ["i1", "0", "-1", "x", ""])
def test_bad_labels(engine, capsys, label):
    status, out, err = run(capsys, "--quote", label)
    assert status == 2 and out == "" and err.count("\n") == 1


def test_no_quotes_in_article(engine, capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nNobody said anything.\n", encoding="utf-8")
    status, out, err = run(capsys, str(path), "-q", "1")
    assert status == 2 and out == ""
    assert err == f"reader: no quote '1' in '{path}' (no quotes were found in it)\n"


def test_unknown_style(engine, capsys):
    status, out, err = run(capsys, "--quote", "1", "--style", "harvard")
    assert (status, out) == (2, "")
    assert err == ("reader: unknown citation style 'harvard' (known: plain, markdown, apa, mla, "
                   "chicago, bibtex, csl-json)\n")


def test_bad_user_template(engine, capsys, config_file):
    config_file.write_text("citation_styles:\n  mine: '{quote} — {who}'\n", encoding="utf-8")
    status, out, err = run(capsys, "--quote", "1", "--style", "mine")
    assert (status, out) == (2, "")
    assert err.startswith("reader: citation style 'mine': unknown field {who} (")


def test_broken_config_warns_and_uses_defaults(engine, capsys, config_file):
    config_file.write_text("citation_style: [\n", encoding="utf-8")
    status, out, err = run(capsys, "--quote", "1")
    assert (status, out) == (0, SEED_Q1["plain"] + "\n")
    assert err.startswith("reader: warning: ") and "using the defaults" in err


def test_missing_quote_option(capsys):
    status, out, err = run(capsys)
    assert status == 2 and out == ""
    assert "--quote" in err and err.count("\n") == 1


def test_missing_file(capsys):
    status, _, err = run(capsys, "/nonexistent/story.txt", "-q", "1")
    assert status == 2 and err == "reader: cannot open '/nonexistent/story.txt': no such file\n"


def test_directory_is_refused(capsys, tmp_path):
    status, _, err = run(capsys, str(tmp_path), "-q", "1")
    assert status == 2 and "is a directory" in err


def test_help_lists_the_styles(capsys):
    with pytest.raises(SystemExit):
        main(["cite", "--help"])
    out = capsys.readouterr().out
    assert "plain, markdown, apa, mla, chicago, bibtex, csl-json" in out


def test_configured_style_that_no_longer_exists(engine, capsys, config_file):
    config_file.write_text("citation_style: gone\n", encoding="utf-8")
    status, out, err = run(capsys, "-q", "1")
    assert (status, out) == (2, "")
    assert err.startswith("reader: unknown citation style 'gone', the config's citation_style (known: ")

"""Lexicons are data files a user can extend."""

from __future__ import annotations

from engine_helpers import quote, run, speaker_name
from reader.engine import analyze
from reader.engine.lexicon import ENV_VAR, Lexicon, trie_pattern, verb_forms
from reader.loaders.text import parse_text

TEXT = "Title\n\n“The bridge will open in May,” Anna Berg harrumphed.\n"


def test_unknown_verb_is_not_a_cue():
    a = run(TEXT)
    q = quote(a, "bridge will open")
    assert q.rule != "quote_then_cue"


def test_extra_directory_adds_speech_verbs(tmp_path):
    (tmp_path / "speech_verbs.txt").write_text("# mine\nharrumph\n", encoding="utf-8")
    lex = Lexicon.load(extra_dirs=[tmp_path])
    assert "harrumphed" in lex.speech_verbs
    a = analyze(parse_text(TEXT), lexicon=lex)
    q = quote(a, "bridge will open")
    assert q.rule == "quote_then_cue"
    assert speaker_name(a, q) == "Anna Berg"


def test_extra_directory_can_remove_words(tmp_path):
    (tmp_path / "speech_verbs.txt").write_text("!say\n", encoding="utf-8")
    lex = Lexicon.load(extra_dirs=[tmp_path])
    assert "said" not in lex.speech_verbs and "told" in lex.speech_verbs


def test_environment_variable_names_extra_directories(tmp_path, monkeypatch):
    (tmp_path / "titles.txt").write_text("grand vizier\n", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert "grand vizier" in Lexicon.default().titles
    monkeypatch.delenv(ENV_VAR)
    assert "grand vizier" not in Lexicon.default().titles


def test_verb_forms():
    assert verb_forms("add") == ["add", "adds", "added", "adding"]
    assert verb_forms("deny denies denied denying") == ["deny", "denies", "denied", "denying"]
    assert verb_forms("point out") == ["point out", "points out", "pointed out", "pointing out"]
    assert "replied" in verb_forms("reply replies replied replying")


def test_trie_pattern_matches_exactly_the_words():
    import re

    words = ["said", "says", "say", "told", "tell"]
    rx = re.compile(r"\b(?:" + trie_pattern(words) + r")\b")
    assert [m.group() for m in rx.finditer("he said, she says; say told tells tell")] == \
        ["said", "says", "say", "told", "tell"]


def test_verb_forms_of_a_three_form_line():
    assert verb_forms("read reads reading") == ["read", "reads", "reading"]
    assert verb_forms("put it puts it putting it") == ["put it", "puts it", "putting it"]

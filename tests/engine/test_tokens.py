"""Words, sentences and names: the units every rule looks at."""

from __future__ import annotations

from engine_helpers import mention_text, quote, run, speaker_name

from reader.engine.doc import Doc
from reader.engine.lexicon import Lexicon


def words(text: str) -> list[str]:
    doc = Doc(text, Lexicon.default())
    return [w for _, _, w in doc.words(0, len(text))]


def test_a_full_stop_after_an_ordinary_word_is_a_token_of_its_own():
    assert words("The award went to another.") == ["The", "award", "went", "to", "another", "."]
    assert words("It rose in 1999. Then it fell.")[3:6] == ["1999", ".", "Then"]


def test_abbreviations_and_initials_keep_their_full_stop():
    assert words("Sen. Ada Roe met Mr. J. Smith on Jan. 5 in the U.S. capital.") == [
        "Sen.", "Ada", "Roe", "met", "Mr.", "J.", "Smith", "on", "Jan.", "5", "in", "the", "U.",
        "S.", "capital", "."]


def test_a_name_never_crosses_a_sentence_end():
    text = "Exports rose again in the U.S. The president said it was “a great result.”"
    assert [n.name for n in Doc(text, Lexicon.default()).names] == ["Exports", "U.S."]
    a = run(text)
    assert mention_text(a, quote(a, "great result")) == "The president"
    a = run("The prize went to Ada Roe Jr. He said it was “a great honour.”")
    assert all(not s.name.endswith("He") for s in a.speakers + a.people)
    assert speaker_name(a, quote(a, "great honour")) == "Ada Roe Jr."


def test_initials_written_together_do_not_end_a_sentence():
    a = run("“It was a fine campaign,” said George H.W. Bush on Tuesday.")
    assert speaker_name(a, quote(a, "fine campaign")) == "George H.W. Bush"

"""The subject of a speech verb read from the last word alone (a pronoun, a preposition, a name
that needs no more) is the one the word list gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.engine.doc import _MORE, Doc
from reader.engine.lexicon import Lexicon

LEX = Lexicon.default()
PIECES = ["Bernie Sanders", "Sanders", "Sen. Marco Rubio", "the senator", "he", "She", "that", "to",
          "in", "and", "The", "Trump", "“We win,”", "\u201d", ",", ", ", ".", " ", " ", " ", "Mr.",
          "de Mistura", "said", "told", "Clinton's", "aide", "(D-Calif.)", "who", "on Monday"]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map(" ".join)


def _full(doc: Doc, verb: int, lo: int):
    start = lo if lo > verb - 160 else verb - 160
    return doc._subject_in(doc.words(start, verb), lo, False)


def _same(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None
                                         and (a.start, a.end, a.kind) == (b.start, b.end, b.kind))


@settings(max_examples=500, deadline=None)
@given(texts, st.integers(min_value=0, max_value=30))
def test_the_last_word_decides_as_the_word_list_does(text, lo):
    doc = Doc(text + " said it.", LEX)
    for verb in [i for i in range(1, len(doc.text)) if doc.text.startswith(("said", "told"), i)]:
        start = min(lo, verb)
        decided = doc._subject_of_last_word(verb, start, start)
        if decided is not _MORE:
            assert _same(decided, _full(doc, verb, start)), (text, verb, start)

"""Forgetting the memos kept across articles changes no analysis."""

from reader.engine import analyze, forget_memos
from reader.engine import names, speakers
from reader.engine.lexicon import Lexicon
from reader.model import Article, Span

TEXT = ("Russian Foreign Minister Sergei Lavrov said the talks went well. “We will meet again,” "
        "Lavrov told reporters. Mr. Kerry agreed, according to the State Department.")


def test_forgetting_the_memos_changes_no_analysis():
    article = Article(TEXT, (Span(0, len(TEXT)),))
    lex = Lexicon.default()
    before = analyze(article, lex)
    assert names._DERIVED and speakers._NAME_ANSWERS
    forget_memos()
    assert not names._DERIVED and not speakers._NAME_ANSWERS
    assert analyze(article, lex) == before

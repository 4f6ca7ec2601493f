"""Quotation marks: styles, pairing, block quotes, unclosed marks, linear time."""

from __future__ import annotations


import pytest

from engine_helpers import marked, run, texts
from reader.engine.marks import find_segments

SAY = ", said Jan Roe."


@pytest.mark.parametrize(
    "opening, closing",
    [
        ("\u201c", "\u201d"),  # “ ”
        ('"', '"'),
        ("''", "''"),  # two apostrophes
        ("\u00ab", "\u00bb"),  # « »
        ("\u00bb", "\u00ab"),  # » « (German)
        ("\u201e", "\u201c"),  # „ “
        ("\u201e", "\u201d"),  # „ ”
        ("\u300c", "\u300d"),  # 「 」
    ],
)
def test_double_mark_styles(opening, closing):
    a = run(f"Title\n\n{opening}We will build it now,{closing}{SAY}\n")
    assert texts(a) == ["We will build it now,"]


@pytest.mark.parametrize(
    "opening, closing",
    [("\u2018", "\u2019"), ("'", "'"), ("\u201a", "\u2018"), ("\u2039", "\u203a")],
)
def test_single_marks_when_an_article_uses_no_double_marks(opening, closing):
    a = run(f"Title\n\n{opening}We will build it now,{closing}{SAY} It's Roe's plan.\n")
    assert texts(a) == ["We will build it now,"]


def test_apostrophes_never_break_pairing():
    a = run("Title\n\n“It's the voters' choice and Jones’ too, isn’t it?” said Jan Roe.\n")
    assert texts(a) == ["It's the voters' choice and Jones’ too, isn’t it?"]


def test_plural_possessive_opens_no_single_quote():
    """With single marks as quotation marks, "Democrats' strength" is an apostrophe, not a quote."""
    a = run("Map\n\nBut Democrats' strength grew over the years, and voters' minds changed. "
            "'We will win,' Ruth Gale said.\n")
    assert texts(a) == ["We will win,"]


def test_nested_single_quotes_belong_to_the_outer_quote():
    a = run("Title\n\n“He said ‘no’ twice,” said Jan Roe.\n")
    assert texts(a) == ["He said ‘no’ twice,"]


def test_three_apostrophes_are_a_single_quote_plus_the_pair():
    a = run("Title\n\n''He told me, 'Never again,''' said Jan Roe.\n")
    assert texts(a) == ["He told me, 'Never again,'"]


def test_block_quote_over_paragraphs_is_one_quote():
    text = ("Title\n\nJan Roe wrote:\n\n“The first paragraph of the letter.\n\n"
            "“The second paragraph.\n\n“The last paragraph.”\n\nThen she left.\n")
    a = run(text)
    qs = marked(a)
    assert len(qs) == 1 and qs[0].kind == "block"
    inside = qs[0].span.of(text)
    assert inside.startswith("The first paragraph") and inside.endswith("The last paragraph.")


def test_block_quote_opened_mid_paragraph():
    text = "Title\n\nJan Roe told reporters: “It starts here.\n\n“And it ends here.”\n"
    qs = marked(run(text))
    assert len(qs) == 1 and qs[0].kind == "block"


def test_unclosed_mark_ends_at_its_paragraph():
    text = "Title\n\n“This never closes, said Jan Roe.\n\nThe next paragraph is plain.\n\n“Closed,” he said.\n"
    a = run(text)
    got = texts(a)
    assert got[0] == "This never closes, said Jan Roe."
    assert got[-1] == "Closed,"


def test_stray_closing_mark_is_ignored():
    assert texts(run("Title\n\nA stray ” mark. “Real quote,” said Jan Roe.\n")) == ["Real quote,"]


def test_marks_inside_markup_are_ignored():
    a = run('Title\n\n<tweet author="x"> and then “Real quote,” said Jan Roe.\n')
    assert texts(a) == ["Real quote,"]


def test_marks_inside_a_tag_that_wraps_a_line_are_ignored():
    a = run('Title\n\n<tweet tweet-author="@janroe" tweet-date="May 9, 2016\n">Stands empty.</tweet>\n\n'
            '“Real quote,” said Jan Roe.\n')
    assert texts(a) == ["Real quote,"]


def test_straight_quotes_alternate():
    a = run('Title\n\n"One," said Jan Roe. "Two."\n')
    assert texts(a) == ["One,", "Two."]


def test_typing_slip_repaired():
    # an opening mark typed where the closing one belongs
    a = run("Title\n\n“We are done“, said Jan Roe.\n")
    assert texts(a) == ["We are done"]


# Time is measured by bench/linearity.py (doubling an input must roughly double the time);
# these tests check that hostile inputs come out right.
@pytest.mark.parametrize("chunk", ["a “b ", "“", "''", '"', "x’ ", "«"])
def test_hostile_repetitions_pair_within_bounds(chunk):
    text = chunk * 100_000
    for segment in find_segments(text):
        assert 0 <= segment.start <= segment.end <= len(text)


def test_five_megabyte_line():
    text = ("word “quoted” and ” stray “ marks, it's " * 120_000)[:5_000_000]
    a = run("Title\n\n" + text)
    assert a.quotes or a.terms


def test_hundred_thousand_unbalanced_marks():
    text = "Title\n\n" + "“a " * 100_000
    a = run(text)
    for quote in a.quotes:
        assert quote.span.of(text).strip()

"""Quote text: cleaning for the clipboard, shortening, interrupted quotes, titles and names."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from cite_fixtures import make_article, quote_at

from reader.cite import available_styles, cite_all, format_citation
from reader.cite.names import Name, parse_byline
from reader.cite.text import clean, clean_output, shorten, short_title, title_case
from reader.config import Config
from reader.model import Analysis, Entity

# Cleaning -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b[31mred\x1b[0m text", "red text"),                    # CSI (colours)
        ("a\x1b]52;c;SGVsbG8=\x07b", "ab"),                         # OSC 52 (clipboard!)
        ("a\x1b]0;title\x1b\\b", "ab"),                              # OSC ended by ST
        ("a\x9b31mb", "ab"),                                        # C1 CSI
        ("a\x1bcb", "ab"),                                          # ESC c (reset)
        ("safe\u202egnp.exe", "safegnp.exe"),                       # bidi override
        ("a\u2066b\u2069c\u200fd", "abcd"),                         # isolates, RLM
        ("zero\u200bwidth\u200c\u200d\u2060\ufeff", "zerowidth"),   # zero-width, BOM
        ("soft\u00adhyphen", "softhyphen"),
        ("bell\x07 del\x7f nul\x00", "bell del nul"),
        ("two\n\nparagraphs\r\nand\ttabs\u2028too", "two paragraphs and tabs too"),
        ("  no\u00a0break  ", "no break"),
        (None, ""),
    ],
)
def test_clean(raw, expected):
    assert clean(raw) == expected


def test_clean_output_keeps_only_line_feeds():
    assert clean_output("a\r\nb \n\x1b[1mc\x1b[0m\t\u200bd\n") == "a\nb\nc d"


def _is_safe(text: str) -> bool:
    return all(c == "\n" or unicodedata.category(c) not in ("Cc", "Cf") for c in text)


def hostile() -> Analysis:
    article = make_article(
        [
            "“Take \x1b[2Jthis\u202e\u200b quote,” said Mal\x07lory.",
            "“Over two\nlines\x1b]52;c;ZXZpbA==\x07 here,” she added.",
        ],
        headline="Red\x1b[31m alert\u2066 \u00adtoday",
        outlet="The\u200b Daily\tPaper",
        date=dt.date(2024, 2, 29),
        byline="By Ann\x9b2J Roe",
        url="https://example.com/a\x1b[0m",
    )
    quote = quote_at(article, "Take \x1b[2Jthis\u202e\u200b quote,")
    speaker = Entity("s1", "Mal\x07lory\u202e", "\x1b[1mchief\x1b[0m")
    return Analysis(article, (quote,), (speaker,))


@pytest.mark.parametrize("style", available_styles())
def test_no_control_characters_in_any_style(style):
    analysis = hostile()
    text = format_citation(analysis, analysis.quotes[0], style)
    assert _is_safe(text)
    assert "this quote" in text and "Mallory" in text


def test_hostile_plain_exact():
    analysis = hostile()
    assert format_citation(analysis, analysis.quotes[0], "plain") == (
        "“Take this quote” — Mallory, chief — Red alert today, The Daily Paper, 29 February 2024, "
        "https://example.com/a"
    )


def test_quote_over_several_lines_is_one_line(seed):
    article = make_article(["“First line\nsecond line,” she said."])
    analysis = Analysis(article, (quote_at(article, "First line\nsecond line,", speaker_id=None),))
    assert format_citation(analysis, analysis.quotes[0], "plain") == "“First line second line”"


def test_block_quote_over_paragraphs_drops_the_repeated_opening_mark():
    # Newsroom convention: each continued paragraph opens with a quotation mark again.
    article = make_article(["“We will rebuild.", "“And we will do it together.”", "She left."])
    start = article.text.index("We will")
    end = article.text.index("together.") + len("together.")
    from reader.model import Quote, Span

    quote = Quote("q1", "block", Span(start, end))
    analysis = Analysis(article, (quote,))
    assert format_citation(analysis, quote, "plain") == "“We will rebuild. And we will do it together.”"
    assert format_citation(analysis, quote, "apa") == (
        # Nothing is known about the article: no reference entry, "n.d." for the date.
        "“We will rebuild. And we will do it together” (n.d., paras. 1–2)."
    )


def test_a_span_that_includes_its_marks_is_not_double_quoted():
    article = make_article(["He said “no deal” again."])
    analysis = Analysis(article, (quote_at(article, "“no deal”", speaker_id=None),))
    assert format_citation(analysis, analysis.quotes[0], "plain") == "“no deal”"


def test_inner_double_quotes_become_single(seed):
    article = make_article(["“They call it “progress”, I call it a mess,” he said."])
    analysis = Analysis(article, (quote_at(article, "They call it “progress”, I call it a mess,",
                                           speaker_id=None),))
    assert format_citation(analysis, analysis.quotes[0], "plain") == (
        "“They call it ‘progress’, I call it a mess”"
    )


# Shortening -----------------------------------------------------------------------------------


def test_shorten():
    assert shorten("one two three four", 0) == "one two three four"
    assert shorten("one two three four", 4) == "one two three four"
    assert shorten("one two three four", 3) == "one two three …"
    assert shorten("one, two; three four", 2) == "one, two …"
    assert shorten("one … two three", 2) == "one … two …"


@pytest.mark.parametrize(
    ("max_words", "expected"),
    [
        (0, "“I think that the most important thing now is to ensure that all the efforts taken"),
        (5, "“I think that the most …” — Sergei Lavrov"),
        (16, "“I think that the most important thing now is to ensure that all the efforts taken …” "
             "— Sergei"),
    ],
)
def test_long_quotes_are_shortened_at_a_word_boundary(seed, max_words, expected):
    config = Config(quote_max_words=max_words)
    assert format_citation(seed, seed.quotes[1], "plain", config).startswith(expected)


def test_shortening_in_apa_keeps_the_ellipsis_inside_the_quote(seed):
    config = Config(quote_max_words=5)
    assert format_citation(seed, seed.quotes[1], "apa", config).splitlines()[0] == (
        "Sergei Lavrov, Russian Foreign Minister: “I think that the most …” "
        "(“UN Envoy to Syria,” 2017, para. 2)."
    )


# Interrupted quotes ---------------------------------------------------------------------------


@pytest.fixture
def interrupted() -> Analysis:
    article = make_article(
        ["“The talks,” the minister said, “will resume in June.” Later he left.", "No more."],
        headline="Talks to resume",
    )
    first = quote_at(article, "The talks,", "q1", group="g1")
    second = quote_at(article, "will resume in June.", "q2", group="g1")
    minister = Entity("s1", "Ana Ruiz", "foreign minister")
    return Analysis(article, (first, second), (minister,))


def test_either_part_cites_the_joined_quote(interrupted):
    expected = "“The talks … will resume in June.” — Ana Ruiz, foreign minister — Talks to resume"
    for quote in interrupted.quotes:
        assert format_citation(interrupted, quote, "plain") == expected


def test_cite_all_cites_a_group_once(interrupted):
    assert cite_all(interrupted, interrupted.quotes, "plain") == (
        "“The talks … will resume in June.” — Ana Ruiz, foreign minister — Talks to resume"
    )


def test_group_speaker_from_any_part(interrupted):
    first, second = interrupted.quotes
    from dataclasses import replace

    analysis = Analysis(interrupted.article, (replace(first, speaker_id=None), second),
                        interrupted.speakers)
    assert format_citation(analysis, analysis.quotes[0], "markdown") == (
        "> The talks … will resume in June.\n>\n"
        "> — Ana Ruiz, foreign minister, in “Talks to resume”"
    )


# Titles and names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis",
         "UN Envoy to Syria and Russian FM Lavrov Discuss the Syria Crisis"),
        ("can we get better at forgetting?", "Can We Get Better at Forgetting?"),
        ("the war: what comes after", "The War: What Comes After"),
        ("a well-known iPhone maker from the US", "A Well-Known iPhone Maker from the US"),
        ("what it is for", "What It Is For"),
    ],
)
def test_title_case(title, expected):
    assert title_case(title) == expected


def test_short_titles():
    assert short_title("UN Envoy to Syria and Russian FM Lavrov") == "UN Envoy to Syria"
    assert short_title("UN Envoy to Syria and Russian FM Lavrov", first_phrase=True) == "UN Envoy"
    assert short_title("Snap Makes a Bet on the Cultural Supremacy") == "Snap Makes a Bet"
    assert short_title("Brexit: the long goodbye") == "Brexit"
    assert short_title("Why?") == "Why?"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Benedict Carey", (Name("Carey", "Benedict"),)),
        ("Jane Doe and Ann Roe", (Name("Doe", "Jane"), Name("Roe", "Ann"))),
        ("By A Bee, C Dee, and E Eff", (Name("Bee", "A"), Name("Dee", "C"), Name("Eff", "E"))),
        ("Staffan de Mistura", (Name("de Mistura", "Staffan"),)),
        ("Martin Luther King Jr.", (Name("King", "Martin Luther", "Jr."),)),
        ("Martin Luther King, Jr.", (Name("King", "Martin Luther", "Jr."),)),
        ("Carey, Benedict", (Name("Carey", "Benedict"),)),
        ("Reuters", (Name(literal="Reuters"),)),
        ("", ()),
        (None, ()),
    ],
)
def test_parse_byline(byline, names):
    assert parse_byline(byline) == names


def test_name_forms():
    king = Name("King", "Martin Luther", "Jr.")
    assert king.natural() == "Martin Luther King Jr."
    assert king.inverted() == "King, Martin Luther, Jr."
    assert king.initials() == "King, M. L., Jr."


# Little or nothing known about the article ---------------------------------------------------

NOTHING = {
    "plain": "“Hello there”",
    "markdown": "> Hello there",
    "apa": "“Hello there” (n.d., para. 1).",
    "mla": "“Hello there.”",
    "chicago": "“Hello there”",
    "bibtex": "@misc{noauthor_nodate,\n  annote = {“Hello there”},\n}",
    "csl-json": ('[\n  {\n    "id": "noauthor_nodate",\n    "type": "article-newspaper",\n'
                 '    "note": "“Hello there”"\n  }\n]'),
}

ONLY_URL = {
    "plain": "“Hello there” — https://x.org/a",
    "markdown": "> Hello there\n>\n> — <https://x.org/a>",
    "apa": ("“Hello there” ([Untitled news article], n.d., para. 1).\n\n"
            "[Untitled news article]. (n.d.). https://x.org/a"),
    "mla": "“Hello there.”\n\nx.org/a.",
    "chicago": "“Hello there”¹\n\n1. https://x.org/a.\n\nhttps://x.org/a.",
}


@pytest.mark.parametrize("style", sorted(NOTHING))
def test_nothing_known(style):
    article = make_article(["“Hello there,” he said."])
    analysis = Analysis(article, (quote_at(article, "Hello there,", speaker_id=None),))
    assert format_citation(analysis, analysis.quotes[0], style) == NOTHING[style]


@pytest.mark.parametrize("style", sorted(ONLY_URL))
def test_only_a_url(style):
    article = make_article(["“Hello there,” he said."], url="https://x.org/a")
    analysis = Analysis(article, (quote_at(article, "Hello there,", speaker_id=None),))
    assert format_citation(analysis, analysis.quotes[0], style) == ONLY_URL[style]


# Reported speech ------------------------------------------------------------------------------

REPORTED = {
    "plain": "talks would resume in June — Ana Ruiz (reported speech) — Talks to resume",
    "markdown": "talks would resume in June\n\n— Ana Ruiz (reported speech), in “Talks to resume”",
    "apa": ("Ana Ruiz (reported speech): talks would resume in June (“Talks to Resume,” n.d., para. 1)."
            "\n\nTalks to resume. (n.d.)."),
    "mla": "Ana Ruiz (reported speech): talks would resume in June (“Talks”).\n\n“Talks to Resume.”",
    "chicago": ("Ana Ruiz (reported speech): talks would resume in June¹\n\n1. “Talks to Resume.”\n\n"
                "“Talks to Resume.”"),
}


@pytest.mark.parametrize("style", sorted(REPORTED))
def test_reported_speech_has_no_quotation_marks(style):
    article = make_article(["Ana Ruiz said talks would resume in June."], headline="Talks to resume")
    quote = quote_at(article, "talks would resume in June", "i1", kind="indirect")
    analysis = Analysis(article, (quote,), (Entity("s1", "Ana Ruiz"),))
    assert format_citation(analysis, quote, style) == REPORTED[style]

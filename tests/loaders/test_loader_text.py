"""The plain-text loader, on the seed and on the other layouts it understands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from loader_helpers import SEED, check_spans, paragraph_texts

from reader.loaders import load, parse_text

HEADLINE = "UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis"
CAPTION = (
    "Russian Foreign Minister Sergei Lavrov and United Nations Special Envoy for Syria Staffan de "
    "Mistura enter a hall during their meeting in Moscow, Russia, June 8, 2017."
)
CREDIT = "REUTERS/Sergei Karpukhin"
FIRST_WORDS = ["The United Nations", "“I think", "De Mistura, who", "“We want", "During his visit"]


def assert_seed(article, text):
    assert article.text == text
    assert article.format == "text"
    assert article.headline == HEADLINE
    assert article.caption == CAPTION
    assert article.credit == CREDIT
    assert article.date == dt.date(2017, 6, 8)
    assert len(article.paragraphs) == 5
    for para, words in zip(paragraph_texts(article), FIRST_WORDS, strict=True):
        assert para.startswith(words)
        assert "\r" not in para and "\n" not in para
    assert paragraph_texts(article)[-1].endswith("since world war two.")
    assert article.warnings == ()
    check_spans(article)


def test_seed_every_field():
    article = load(SEED)
    assert_seed(article, SEED.read_text(encoding="utf-8"))
    assert article.source == str(SEED)
    assert article.headline_span.of(article.text) == HEADLINE  # no trailing no-break space
    assert article.caption_span.of(article.text) == CAPTION
    assert article.credit_span.of(article.text) == CREDIT


def test_seed_with_crlf_line_ends(tmp_path: Path):
    crlf = SEED.read_bytes().replace(b"\n", b"\r\n")
    path = tmp_path / "seed.txt"
    path.write_bytes(crlf)
    article = load(path)
    assert_seed(article, crlf.decode("utf-8"))  # verbatim: the \r stay in the text


def test_seed_with_lone_cr_line_ends(tmp_path: Path):
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_bytes().replace(b"\n", b"\r"))
    assert_seed(load(path), path.read_bytes().decode("utf-8"))


def test_seed_with_utf8_bom(tmp_path: Path):
    path = tmp_path / "seed.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes())
    assert_seed(load(path), SEED.read_text(encoding="utf-8"))


def test_text_is_never_normalised():
    text = "Cafe\u0301 opens\r\n\r\nA  paragraph\twith\u00a0odd   spacing.\r\n\r\nAnother one.\r\n"
    article = parse_text(text)
    assert article.text == text
    assert article.headline == "Cafe\u0301 opens"
    assert paragraph_texts(article) == ["A  paragraph\twith\u00a0odd   spacing.", "Another one."]


def test_blank_line_paragraphs_without_caption():
    text = "A headline here\n\nFirst paragraph,\nwrapped over two lines.\n\nSecond paragraph.\n"
    article = parse_text(text)
    assert article.caption is None and article.credit is None
    assert article.headline == "A headline here"
    assert paragraph_texts(article) == [
        "First paragraph,\nwrapped over two lines.", "Second paragraph."
    ]
    check_spans(article)


def test_single_newline_paragraphs():
    text = "Headline\nFirst paragraph.\nSecond paragraph.\nThird paragraph."
    article = parse_text(text)
    assert article.headline == "Headline"
    assert paragraph_texts(article) == ["First paragraph.", "Second paragraph.", "Third paragraph."]


def test_headline_then_single_newline_paragraphs_of_long_lines():
    long_a = "A paragraph that is far too long to be a hard-wrapped line of prose, " * 2
    long_b = "Another paragraph, also too long for any wrapping width in common use. " * 2
    text = f"Headline\n\n{long_a.strip()}\n{long_b.strip()}\nShort last one.\n"
    article = parse_text(text)
    assert article.headline == "Headline"
    assert paragraph_texts(article) == [long_a.strip(), long_b.strip(), "Short last one."]


def test_whitespace_only_lines_are_blank():
    text = "Headline\n \t\nOne.\n\u00a0\u00a0\nTwo.\n\u2003\nThree."
    assert paragraph_texts(parse_text(text)) == ["One.", "Two.", "Three."]


def test_single_line_is_a_paragraph_not_a_headline():
    article = parse_text("Just one line of text.\n")
    assert article.headline is None
    assert paragraph_texts(article) == ["Just one line of text."]


def test_overlong_first_line_is_not_a_headline():
    first = "word " * 80
    article = parse_text(f"{first}\n\nSecond.")
    assert article.headline is None
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("image A protester in Paris. AP Photo/Jane Doe", "A protester in Paris.",
         "AP Photo/Jane Doe"),
        ("image A view of the city. Getty Images/John Roe", "A view of the city.",
         "Getty Images/John Roe"),
        ("IMAGE The summit. REUTERS/Kim Kyung-Hoon - RC1A2B3C4D", "The summit.",
         "REUTERS/Kim Kyung-Hoon"),
        ("image A photo without any credit.", "A photo without any credit.", None),
        ("image Lavrov in Moscow REUTERS/Sergei Karpukhin", "Lavrov in Moscow",
         "REUTERS/Sergei Karpukhin"),
    ],
)
def test_caption_and_credit(line, caption, credit):
    article = parse_text(f"{line}\n\nHeadline\n\nBody one.\n\nBody two.")
    assert article.caption == caption
    assert article.credit == credit
    assert article.headline == "Headline"
    check_spans(article)


def test_bare_image_word_is_not_a_caption():
    article = parse_text("image\n\nHeadline\n\nBody.")
    assert article.caption is None
    assert article.headline == "image"


def test_date_from_headline_when_no_caption():
    article = parse_text("Markets on 8 June 2017\n\nStocks rose.")
    assert article.date == dt.date(2017, 6, 8)


def test_leading_and_trailing_blank_lines():
    text = "\n\n  \nHeadline\n\nBody.\n\n\n"
    article = parse_text(text)
    assert article.headline == "Headline"
    assert paragraph_texts(article) == ["Body."]


def test_unknown_suffix_is_read_as_plain_text(tmp_path: Path):
    path = tmp_path / "story.article"
    path.write_text("Headline\n\nBody.\n", encoding="utf-8")
    article = load(path)
    assert article.format == "text"
    assert article.headline == "Headline"


# Speed is measured by bench/linearity.py, not asserted here: these check that huge and
# pathological inputs load correctly.
def test_ten_megabytes_of_text_load():
    paragraph = ("The envoy met the minister, who said “it is important” to talk. " * 6).strip()
    text = "Headline\n\n" + "\n\n".join([paragraph] * (10_000_000 // (len(paragraph) + 2)))
    article = parse_text(text)
    assert len(article.paragraphs) > 20_000
    check_spans(article)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 5_000_000,
        "image " + "A" * 5_000_000,
        "image " + "Aa/" * 1_700_000,
        "\n" * 5_000_000,
        " \n" * 2_500_000 + "x",
        "\u00a0" * 5_000_000,
        "Short line of text.\n" * 250_000,
        "image " + "Reuters " * 600_000 + "/x",
    ],
    ids=["one-line", "caption-line", "slashes", "newlines", "blank-lines", "nbsp", "short-lines",
         "credit-like"],
)
def test_pathological_text_loads(text):
    check_spans(parse_text(text))

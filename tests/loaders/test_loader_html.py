"""The HTML loader: main text without boilerplate, metadata, errors."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from loader_helpers import FIXTURES, ROOT, check_spans, paragraph_texts

from reader.errors import LoadError
from reader.loaders import load, parse_html

PAGE = FIXTURES / "article.html"
NOISE = [
    "cookie", "Accept all", "Home", "World news", "Business section", "Subscribe", "ADVERTISEMENT",
    "Miracle Blender", "Related stories", "Markets rally", "Weather warning", "All rights reserved",
    "Privacy policy", "Terms of use", "Contact us", "By Jane Doe",
]


@pytest.fixture(scope="module")
def article():
    return load(PAGE)


def test_metadata(article):
    assert article.format == "html"
    assert article.headline == "UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis"
    assert article.outlet == "The Daily Example"
    assert article.byline == "Jane Doe"
    assert article.date == dt.date(2017, 6, 8)
    assert article.url == "https://news.example.com/world/envoy-lavrov-syria"
    assert article.warnings == ()


def test_main_text_without_boilerplate(article):
    for noise in NOISE:
        assert noise not in article.text, noise
    paragraphs = paragraph_texts(article)
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The United Nations special envoy")
    assert paragraphs[1].startswith("“I think that the most important thing")
    assert paragraphs[1].endswith("said Lavrov at the start of the meeting in Moscow.")
    assert paragraphs[2].endswith("were “closely interconnected”.")
    assert paragraphs[3].startswith("During his visit")


def test_text_is_paragraphs_separated_by_blank_lines(article):
    assert article.headline_span.of(article.text) == article.headline
    pieces = [article.headline, *paragraph_texts(article)]
    assert article.text == "\n\n".join(pieces)
    check_spans(article)


def test_htm_suffix_and_crlf(tmp_path: Path):
    path = tmp_path / "page.HTM"
    path.write_bytes(PAGE.read_bytes().replace(b"\n", b"\r\n"))
    article = load(path)
    assert article.format == "html"
    assert "\r" not in article.text
    assert len(article.paragraphs) == 4


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Menu</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/w'>World</a></li></ul></nav><footer>© 2017 Example. All rights reserved."
        "</footer></body></html>",
        "<html><body><div id='cookie-banner'>We use cookies. Accept?</div>"
        "<div class='menu'><a href='/'>Home</a> <a href='/n'>News</a></div></body></html>",
        "<html><body></body></html>",
        "<html><body><p>   </p></body></html>",
        "<div>" * 10_000,
    ],
    ids=["nav-and-footer", "cookie-and-menu", "empty-body", "blank-paragraph", "deep-nesting"],
)
def test_page_without_an_article_is_refused(tmp_path: Path, html):
    path = tmp_path / "menu.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(path)
    assert str(caught.value) == f"cannot open '{path}': no article text found in the HTML"


def test_no_date_is_guessed_from_a_copyright_line():
    article = parse_html(
        "<html><body><article><p>A paragraph long enough to be the main text of this page, "
        "with a few words more.</p><p>Another paragraph, also long enough to count as text "
        "here.</p></article><footer>© 2017 Example Inc.</footer></body></html>"
    )
    assert article.date is None
    assert article.headline is None
    assert len(article.paragraphs) == 2


def test_declared_legacy_charset_is_honoured(tmp_path: Path):
    html = (
        "<html><head><meta charset='windows-1252'><title>T</title></head><body><article>"
        "<p>\u201cIt is important,\u201d said Lavrov at the meeting in Moscow on Thursday, "
        "officials said.</p></article></body></html>"
    )
    path = tmp_path / "legacy.html"
    path.write_bytes(html.encode("cp1252"))
    article = load(path)
    assert "\u201cIt is important,\u201d said Lavrov" in article.text
    assert article.warnings == ()


def test_undeclared_legacy_bytes_fall_back_with_a_warning(tmp_path: Path):
    html = (
        "<html><body><article><p>\u201cQuoted,\u201d she said, in a long enough paragraph.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "legacy.html"
    path.write_bytes(html.encode("cp1252"))
    article = load(path)
    assert "\u201cQuoted,\u201d she said" in article.text
    assert len(article.warnings) == 1 and "Windows-1252" in article.warnings[0]


def test_extraction_is_quiet(capfd):
    parse_html(PAGE.read_text(encoding="utf-8"))
    with pytest.raises(LoadError):
        parse_html("<html><body><nav>Home</nav></body></html>")
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


def test_trafilatura_is_imported_only_for_html():
    code = (
        "import sys\n"
        "from reader.loaders import load\n"
        f"load({str(ROOT / 'seeds' / '000_4803ba0c4917af00.txt')!r})\n"
        "assert 'trafilatura' not in sys.modules\n"
        f"load({str(PAGE)!r})\n"
        "assert 'trafilatura' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_file_without_markup_is_read_as_plain_text(tmp_path: Path):
    path = tmp_path / "story.html"
    path.write_text("Headline\n\nFirst paragraph.\n\nSecond paragraph.\n", encoding="utf-8")
    article = load(path)
    assert article.format == "text"
    assert article.headline == "Headline"
    assert len(article.paragraphs) == 2
    assert article.warnings == ("holds no HTML markup; read as plain text",)

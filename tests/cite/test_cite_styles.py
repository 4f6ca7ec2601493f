"""Every built-in style, exact strings: the seed (author-less, no outlet, no URL) and articles
with full metadata, checked against the style guides' own worked examples."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from cite_fixtures import CAREY_URL, LAVROV, MANJOO_URL, SEED_HEADLINE, SEED_Q1, SEED_TITLE_CASE

from reader.cite import available_styles, cite_all, format_citation
from reader.cite.context import Source
from reader.cite.names import parse_byline
from reader.cite.styles import apa, chicago, mla

def test_every_builtin_style_is_tested():
    assert set(SEED_Q1) == set(available_styles())


@pytest.mark.parametrize("style", sorted(SEED_Q1))
def test_seed_quote_1(seed, style):
    """The seed names no author, outlet or URL: each style's author-less form. The photo credit
    (REUTERS/Sergei Karpukhin) is not the publisher and is never cited as one."""
    citation = format_citation(seed, seed.quotes[0], style)
    assert citation == SEED_Q1[style]
    assert "REUTERS" not in citation and "Karpukhin" not in citation


def test_seed_csl_json_is_valid_json(seed):
    data = json.loads(format_citation(seed, seed.quotes[0], "csl-json"))
    assert data == [{
        "id": "noauthor_un_2017",
        "type": "article-newspaper",
        "title": SEED_HEADLINE,
        "issued": {"date-parts": [[2017, 6, 8]]},
        "note": f"“a permanent source of threat threats.” — {LAVROV}",
    }]


LAVROV_LONG = (
    "I think that the most important thing now is to ensure that all the efforts taken by "
    "different players, both inside Syria and around it, are harmonized and aimed at achieving "
    "the result that would ensure the sovereignty of the Syrian state, the rights of all ethnic "
    "and religious groups that live there, and that would ensure the security of the whole "
    "region and prevent Syria from becoming a permanent source of terrorist threats"
)


def test_seed_quote_2_plain_drops_the_comma_before_said(seed):
    assert format_citation(seed, seed.quotes[1], "plain") == (
        f"“{LAVROV_LONG}” — {LAVROV} — {SEED_HEADLINE}, 8 June 2017"
    )


def test_apa_sets_40_words_or_more_as_a_block(seed):
    # APA 7, 8.27: no quotation marks; the citation follows the final punctuation.
    assert format_citation(seed, seed.quotes[1], "apa") == (
        f"{LAVROV}:\n\n{LAVROV_LONG}. (“UN Envoy to Syria,” 2017, para. 2)\n\n"
        f"{SEED_HEADLINE}. (2017, June 8)."
    )


# Full metadata: the guides' own examples -----------------------------------------------------

CAREY = {
    "plain": (
        "“Forgetting is how the brain makes room for what matters” — Dana Whitfield, memory "
        f"researcher — Can we get better at forgetting? The New York Times, 22 March 2019, {CAREY_URL}"
    ),
    "markdown": (
        "> Forgetting is how the brain makes room for what matters\n"
        ">\n"
        f"> — Dana Whitfield, memory researcher, in [Can we get better at forgetting?]({CAREY_URL}), "
        "*The New York Times*, 22 March 2019"
    ),
    "apa": (
        "Dana Whitfield, memory researcher: “Forgetting is how the brain makes room for what "
        "matters” (Carey, 2019, para. 2).\n"
        "\n"
        # APA Style, "Newspaper article references", example 1.
        f"Carey, B. (2019, March 22). Can we get better at forgetting? The New York Times. {CAREY_URL}"
    ),
    "mla": (
        "Dana Whitfield, memory researcher: “Forgetting is how the brain makes room for what "
        "matters” (qtd. in Carey).\n"
        "\n"
        "Carey, Benedict. “Can We Get Better at Forgetting?” The New York Times, 22 Mar. 2019, "
        "www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html."
    ),
    "chicago": (
        "Dana Whitfield, memory researcher: “Forgetting is how the brain makes room for what "
        "matters”¹\n"
        "\n"
        "1. Benedict Carey, “Can We Get Better at Forgetting?” New York Times, March 22, 2019, "
        f"{CAREY_URL}.\n"
        "\n"
        f"Carey, Benedict. “Can We Get Better at Forgetting?” New York Times, March 22, 2019. {CAREY_URL}."
    ),
    "bibtex": (
        "@article{carey_can_2019,\n"
        "  author = {Carey, Benedict},\n"
        "  title = {Can we get better at forgetting?},\n"
        "  journal = {The New York Times},\n"
        "  year = {2019},\n"
        "  month = mar,\n"
        f"  url = {{{CAREY_URL}}},\n"
        "  annote = {“Forgetting is how the brain makes room for what matters” — Dana Whitfield, "
        "memory researcher},\n"
        "}"
    ),
    "csl-json": (
        "[\n"
        "  {\n"
        '    "id": "carey_can_2019",\n'
        '    "type": "article-newspaper",\n'
        '    "title": "Can we get better at forgetting?",\n'
        '    "container-title": "The New York Times",\n'
        '    "author": [{"family": "Carey", "given": "Benedict"}],\n'
        '    "issued": {"date-parts": [[2019, 3, 22]]},\n'
        f'    "URL": "{CAREY_URL}",\n'
        '    "note": "“Forgetting is how the brain makes room for what matters” — Dana Whitfield, '
        'memory researcher"\n'
        "  }\n"
        "]"
    ),
}


@pytest.mark.parametrize("style", sorted(CAREY))
def test_full_metadata(carey, style):
    assert format_citation(carey, carey.quotes[0], style) == CAREY[style]


def test_every_builtin_style_is_tested_with_full_metadata():
    assert set(CAREY) == set(available_styles())


def _source(analysis) -> Source:
    from reader.cite.context import source_of

    return source_of(analysis)


def test_apa_guide_example(carey):
    # https://apastyle.apa.org/style-grammar-guidelines/references/examples/newspaper-article-references
    assert apa.reference(_source(carey)) == (
        "Carey, B. (2019, March 22). Can we get better at forgetting? The New York Times. "
        "https://www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html"
    )


def test_apa_without_author_moves_the_title_to_the_author_position(texas):
    assert apa.reference(_source(texas)) == (
        "In Texas, Ad Heats Up Race for Governor. (2002, July 30). The New York Times."
    )
    assert format_citation(texas, texas.quotes[0], "apa").splitlines()[0] == (
        "“This race is wide open” (“In Texas,” 2002, para. 1)."
    )


def test_apa_authors():
    two = Source(headline="T", date=dt.date(2020, 1, 2), authors=parse_byline("Jane Doe and Ann Roe"))
    assert apa.reference(two) == "Doe, J., & Roe, A. (2020, January 2). T."
    assert apa.cite_author(two) == "Doe & Roe"
    three = Source(headline="T", authors=parse_byline("By Jean-Paul Sartre, Mary Ann Lee, Bo Li"))
    assert apa.reference(three) == "Sartre, J.-P., Lee, M. A., & Li, B. (n.d.). T."
    assert apa.cite_author(three) == "Sartre et al."


def test_mla_guide_example(carey):
    assert mla.works_cited(_source(carey)) == (
        "Carey, Benedict. “Can We Get Better at Forgetting?” The New York Times, 22 Mar. 2019, "
        "www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html."
    )


def test_mla_without_author_starts_with_the_title(texas):
    assert mla.works_cited(_source(texas)) == (
        "“In Texas, Ad Heats Up Race for Governor.” The New York Times, 30 July 2002."
    )


def test_mla_authors_and_months():
    source = Source(headline="a tale of two cities", outlet="The Guardian", date=dt.date(2021, 9, 1),
                    authors=parse_byline("Jane Doe & Ann Roe"))
    assert mla.works_cited(source) == (
        "Doe, Jane, and Ann Roe. “A Tale of Two Cities.” The Guardian, 1 Sept. 2021."
    )
    three = Source(headline="X", authors=parse_byline("A Bee, C Dee, E Eff"))
    assert mla.works_cited(three) == "Bee, A, et al. “X.”"


def test_chicago_guide_example(manjoo):
    # The Chicago Manual of Style, Citation Quick Guide, news or magazine article.
    source = _source(manjoo)
    assert chicago.note(source) == (
        "Farhad Manjoo, “Snap Makes a Bet on the Cultural Supremacy of the Camera,” New York Times, "
        f"March 8, 2017, {MANJOO_URL}."
    )
    assert chicago.short_note(source) == "Manjoo, “Snap Makes a Bet.”"
    assert chicago.bibliography(source) == (
        "Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” New York Times, "
        f"March 8, 2017. {MANJOO_URL}."
    )


def test_chicago_unsigned_article_is_listed_under_the_newspaper(texas):
    # CMOS 17, 14.207.
    source = _source(texas)
    assert chicago.note(source) == "“In Texas, Ad Heats Up Race for Governor,” New York Times, July 30, 2002."
    assert chicago.bibliography(source) == (
        "New York Times. “In Texas, Ad Heats Up Race for Governor.” July 30, 2002."
    )


def test_chicago_several_quotes_use_short_notes(manjoo):
    quote = manjoo.quotes[0]
    text = cite_all(manjoo, [quote, quote], "chicago")
    paragraphs = text.split("\n\n")
    assert paragraphs[1] == "Evan Spiegel, Snap’s chief executive: “The camera is the new keyboard”²"
    assert paragraphs[3] == "2. Manjoo, “Snap Makes a Bet.”"
    assert len(paragraphs) == 5


def test_manjoo_markdown_and_bibtex(manjoo):
    assert format_citation(manjoo, manjoo.quotes[0], "bibtex").splitlines()[:3] == [
        "@article{manjoo_snap_2017,",
        "  author = {Manjoo, Farhad},",
        "  title = {Snap {Makes} a {Bet} on the {Cultural} {Supremacy} of the {Camera}},",
    ]


# Several quotes ------------------------------------------------------------------------------

def test_cite_all_plain_one_paragraph_each(seed):
    text = cite_all(seed, seed.quotes, "plain")
    assert text == (
        f"{SEED_Q1['plain']}\n\n“{LAVROV_LONG}” — {LAVROV} — {SEED_HEADLINE}, 8 June 2017"
    )


def test_cite_all_reference_once(seed):
    text = cite_all(seed, seed.quotes, "mla")
    assert text.count(SEED_TITLE_CASE) == 1
    assert text.endswith(f"“{SEED_TITLE_CASE}.” 8 June 2017.")


def test_cite_all_one_bibtex_entry_and_one_csl_item(seed):
    bib = cite_all(seed, seed.quotes, "bibtex")
    assert bib.count("@misc{") == 1
    items = json.loads(cite_all(seed, seed.quotes, "csl-json"))
    assert len(items) == 1
    assert items[0]["note"].count(LAVROV) == 2


def test_cite_all_nothing(seed):
    assert cite_all(seed, [], "apa") == ""


def test_markdown_escapes_the_articles_text():
    from cite_fixtures import make_article, quote_at

    from reader.model import Analysis, Entity

    article = make_article(["“# 1 *really* [big] deal_here <b>,” said Kim."],
                           headline="Stars *and* [links]", url="https://x.org/a(b)")
    quote = quote_at(article, "# 1 *really* [big] deal_here <b>,")
    analysis = Analysis(article, (quote,), (Entity("s1", "Kim_Lee"),))
    assert format_citation(analysis, quote, "markdown") == (
        "> \\# 1 \\*really\\* \\[big\\] deal\\_here \\<b\\>\n"
        ">\n"
        "> — Kim\\_Lee, in [Stars \\*and\\* \\[links\\]](https://x.org/a%28b%29)"
    )


def test_bibtex_escapes_latex():
    source = Source(headline="50% off & more_", outlet="A&B News", date=dt.date(2020, 5, 1),
                    authors=parse_byline("Jane Doe"))
    from reader.cite.styles import bibtex

    text = bibtex.render(source, [])
    assert "  title = {50\\% off \\& more\\_}," in text
    assert "  journal = {A\\&B News}," in text
    assert text.startswith("@article{doe_50_2020,")

"""Mouse selection, layouts at several sizes, and hostile text in the body."""

from __future__ import annotations

import pytest
from fixtures import seed_analysis
from helpers import running

from reader.loaders.text import parse_text
from reader.model import Analysis, Entity, Quote, Span
from reader.tui.body import ArticleBody
from reader.tui.panes import QuoteList, SpeakerList


def body_point(body: ArticleBody, offset: int) -> tuple[int, int]:
    """Screen coordinates (relative to the body widget) of an article offset."""
    layout = body.layout
    y = layout.line_of(offset)
    line = layout.lines[y]
    block = layout.blocks[line.block]
    from rich.cells import cell_len

    x = cell_len(block.text[line.start : block.display_index(offset)])
    region = body.content_region
    return region.x - body.region.x + x, region.y - body.region.y + y - int(body.scroll_y)


async def test_click_on_quote_in_body_selects_it():
    async with running() as (app, screen, pilot):
        body = screen.query_one(ArticleBody)
        quote = seed_analysis().quote("q2")
        x, y = body_point(body, quote.span.start + 5)
        await pilot.click(body, offset=(x, y))
        await pilot.pause()
        assert screen.selected == "q2"
        assert screen.query_one(QuoteList).highlighted == 1


async def test_click_outside_quotes_keeps_selection():
    async with running() as (app, screen, pilot):
        await pilot.press("n")
        body = screen.query_one(ArticleBody)
        x, y = body_point(body, seed_analysis().article.text.index("The United Nations"))
        await pilot.click(body, offset=(x, y))
        await pilot.pause()
        assert screen.selected == "q1"


async def test_click_in_quote_list_selects():
    async with running() as (app, screen, pilot):
        quotes = screen.query_one(QuoteList)
        await pilot.click(quotes, offset=(5, 2))
        await pilot.pause()
        assert screen.selected == "q3"


async def test_click_on_speaker_filters():
    async with running() as (app, screen, pilot):
        speakers = screen.query_one(SpeakerList)
        await pilot.click(speakers, offset=(5, 1))
        await pilot.pause()
        assert screen.speaker_filter == "s1"


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (40, 12), (20, 6)])
async def test_sizes_do_not_crash_and_keep_panes_reachable(size):
    async with running(size=size) as (app, screen, pilot):
        await pilot.press("n", "tab", "tab", "tab", "n")
        assert screen.selected == "q2"
        body = screen.query_one(ArticleBody)
        assert body.layout is not None
        if size[0] >= 80:
            for pane in ("#speakers", "#body", "#quotes"):
                assert screen.query_one(pane).region.area > 0, pane


async def test_three_columns_wide_and_stacked_at_80():
    async with running(size=(120, 40)) as (app, screen, pilot):
        s, b, q = (screen.query_one(p).region for p in ("#speakers", "#body", "#quotes-pane"))
        assert s.right <= b.x and b.right <= q.x
    async with running(size=(80, 24)) as (app, screen, pilot):
        s, b, q = (screen.query_one(p).region for p in ("#speakers", "#body", "#quotes-pane"))
        assert s.bottom <= q.y and s.right <= b.x


async def test_resize_rewraps_and_keeps_selection_in_view():
    async with running(size=(120, 40)) as (app, screen, pilot):
        await pilot.press("n", "n", "n", "n")
        body = screen.query_one(ArticleBody)
        wide = body.layout.width
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        await pilot.pause()
        assert body.layout.width < wide
        assert all(len(body.line_text(y)) <= body.layout.width for y in range(body.layout.height))


def hostile_analysis(article):
    text = article.text
    at = text.index("“")
    end = text.index("”", at) + 1
    person = Entity("s1", "Eve [red]Hacker[/red]", None, (), (Span(0, 3),))
    return Analysis(article, (Quote("q1", "direct", Span(at, end), "s1", Span(0, 3)),), (person,))


HOSTILE = (
    "[bold]Markup[/bold] headline\n\n"
    "Title\x1b]0;pwned\x07 set \x1b]52;c;SGVsbG8=\x07 and \x1b[31mred\x1b[0m, NUL\x00, "
    "bidi \u202eevil\u202c, zero\u200bwidth, C1 \x9b.\n\n"
    "Wide 漢字漢字 and emoji 👍 and combining e\u0301 then “a quote [link=http://x]here[/link]” ok.\n"
)


async def test_hostile_text_is_shown_literally_and_never_raw():
    article = parse_text(HOSTILE)
    async with running(articles=[article], analyzer=hostile_analysis) as (app, screen, pilot):
        await pilot.press("n")
        body = screen.query_one(ArticleBody)
        lines = [body.line_text(y) for y in range(body.layout.height)]
        everything = "\n".join(lines)
        assert "[bold]Markup[/bold]" in lines[0]
        assert "␛]0;pwned␇" in everything
        assert "⟨U+202E⟩" in everything and "⟨U+200B⟩" in everything and "⟨U+009B⟩" in everything
        assert "␀" in everything
        assert "[link=http://x]here[/link]" in everything
        for y in range(body.size.height):
            for segment in body.render_line(y):
                assert not any(ch in segment.text for ch in "\x1b\x07\x00\u202e\u200b\x9b")
        speakers = screen.query_one(SpeakerList)
        assert "Eve [red]Hacker[/red]" in speakers.row_text(0)
        await pilot.press("y")
        assert "\x1b" not in app.clipboard and "[link=http://x]" in app.clipboard


async def test_highlight_lands_on_the_right_cells_with_wide_chars():
    article = parse_text(HOSTILE)
    async with running(articles=[article], analyzer=hostile_analysis) as (app, screen, pilot):
        await pilot.press("n")
        body = screen.query_one(ArticleBody)
        style = body._style_table()["selected"]
        quote_text = "“a quote [link=http://x]here[/link]”"
        found = ""
        for y in range(body.layout.height):
            strip = body._line_strip(y, body.rich_style)
            for segment in strip:
                if segment.style and style.reverse and segment.style.reverse:
                    found += segment.text
        assert " ".join(found.split()).replace("” ", "”") .startswith("“a quote")
        assert found.replace(" ", "") == quote_text.replace(" ", "")


async def test_empty_article_says_there_is_no_text():
    article = parse_text("")
    async with running(articles=[article], analyzer=lambda a: Analysis(a)) as (app, screen, pilot):
        body = screen.query_one(ArticleBody)
        assert body.line_text(0) == "This article has no text."
        await pilot.press("n", "c", "y", "i", "slash", "escape")
        assert screen.selected is None


async def test_selection_repaints_only_the_lines_it_changes():
    async with running(size=(120, 60)) as (app, screen, pilot):
        await pilot.press("n")
        await pilot.pause()
        body = screen.query_one(ArticleBody)
        strips = {y: body._line_strip(y, body.rich_style) for y in range(body.layout.height)}
        before = list(body._layers["selection"])
        await pilot.press("n")
        await pilot.pause()
        touched = set()
        for mark in before + list(body._layers["selection"]):
            touched |= set(body.layout.lines_of(mark.span))
        kept = [y for y in strips if y not in touched and body._cache.get(y) is strips[y]]
        untouched = [y for y in strips if y not in touched]
        assert untouched and len(kept) == len(untouched)

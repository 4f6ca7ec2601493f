"""Big articles: the first pages show at once, the whole layout follows from a thread, and the
lists stay usable with thousands of quotes."""

from __future__ import annotations

import threading

from fixtures import generated_analysis, many_quotes_text
from helpers import make_app, settle

from reader.loaders.text import parse_text
from reader.tui import body as body_module
from reader.tui.body import ArticleBody
from reader.tui.display import Layout, article_blocks


def top_offset(body) -> int:
    """The article offset of the first text line at the top of the pane."""
    y = int(body.scroll_y)
    while body.layout.lines[y] is None:
        y += 1
    line = body.layout.lines[y]
    return body.layout.blocks[line.block].source_offset(line.start)


def big_article(quotes: int = 4000):
    article = parse_text(many_quotes_text(quotes))
    assert len(article.text) > body_module.BIG_ARTICLE_CHARS
    return article


async def test_big_article_is_laid_out_whole_in_the_end():
    article = big_article()
    app = make_app(articles=[article], analyzer=generated_analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        body = app.main.query_one(ArticleBody)
        assert body.complete
        assert body.line_text(0).startswith("A generated headline")
        whole = Layout.build(article_blocks(article), body.layout.width)
        assert body.layout.height == whole.height
        assert body.virtual_size.height == whole.height


async def test_first_pages_show_before_the_whole_layout_and_a_far_quote_waits_for_it(monkeypatch):
    article = big_article()
    release = threading.Event()
    real_blocks = body_module.article_blocks

    def slow_blocks(art):
        if threading.current_thread() is not threading.main_thread():
            release.wait(10)
        return real_blocks(art)

    monkeypatch.setattr(body_module, "article_blocks", slow_blocks)
    app = make_app(articles=[article], analyzer=generated_analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.main
        body = screen.query_one(ArticleBody)
        for _ in range(50):
            await pilot.pause()
            if screen.analysis is not None:
                break
        assert screen.analysis is not None
        assert not body.complete
        assert body.line_text(0).startswith("A generated headline")
        whole = Layout.build(real_blocks(article), body.layout.width)
        assert 0 < body.virtual_size.height < whole.height // 4  # only the first pages so far
        await pilot.press("p")  # from nothing, the previous quote is the last one
        last = screen.shown[-1]
        assert screen.selected == last.id
        release.set()
        await settle(pilot)
        assert body.complete
        lines = body.layout.lines_of(last.span)
        top = int(body.scroll_y)
        assert top <= lines.start and lines.stop <= top + body.size.height


async def test_resize_shows_the_same_place_rewrapped_at_once_then_the_whole(monkeypatch):
    article = big_article()
    app = make_app(articles=[article], analyzer=generated_analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.main
        body = screen.query_one(ArticleBody)
        far = screen.shown[len(screen.shown) * 2 // 3]
        screen.selected = far.id
        await pilot.pause()
        offset = top_offset(body)

        release = threading.Event()
        real_build = body_module.Layout.build

        class SlowLayout(body_module.Layout):
            @classmethod
            def build(cls, blocks, width):
                if threading.current_thread() is not threading.main_thread():
                    release.wait(10)
                return real_build(blocks, width)

        monkeypatch.setattr(body_module, "Layout", SlowLayout)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not body.complete  # the whole article is being laid out again
        assert body.layout.width == body.scrollable_content_region.width
        assert abs(top_offset(body) - offset) < 200  # the same place, re-wrapped
        release.set()
        await settle(pilot)
        assert body.complete
        assert abs(top_offset(body) - offset) < 200

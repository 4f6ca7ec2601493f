"""Right-to-left text, CJK, emoji and combining marks wrap to the pane and highlight at the right
cells.

The layout is checked on its own at every width (each line fits, no character lost or doubled,
every cell maps back to the character shown in it), then in the running reader: the cells a
terminal (pyte) shows in the selected quote's style spell exactly that quote, at several sizes,
and clicking on a wide character selects the quote it belongs to.
"""

from __future__ import annotations

import unicodedata

import pytest
from hostile_tools import reader_app, screen_lines, terminal_output
from rich.cells import cell_len

from reader.loaders.text import parse_text
from reader.model import Analysis, Entity, Quote, Span
from reader.tui.display import Layout, article_blocks

CJK = ("東京で会見\n\n"
       "首相は記者会見で「我々は直ちに行動する。国民の安全が最優先であり、いかなる妥協もしない」と"
       "述べた。山田太郎官房長官も同様の見解を示し、政府として全力で対応する方針を強調した。\n")
ARABIC = ("الوزير يتحدث\n\n"
          "قال وزير الخارجية «سنعمل على الفور من أجل السلام والاستقرار في المنطقة كلها» "
          "للصحفيين في العاصمة يوم الثلاثاء بعد اجتماع طويل.\n")
HEBREW = "השר מדבר\n\nהשר אמר „אנחנו נפעל מיד למען השלום והביטחון של כולם” לכתבים בירושלים.\n"
EMOJI = ("Emoji 🎉 headline\n\n"
         "She wrote “We 👍 love 🎉 it 😀😀😀 and 漢字 too, truly 🚀🚀” on the evening of the launch "
         "after a long day 🌙.\n")
COMBINING = ("Cafe\u0301 news\n\n"
             "The owner said “Cafe\u0301 na\u0308ive Zoe\u0308 re\u0301sume\u0301 "
             "Ha\u0301\u0300\u0302 n\u0303 a\u0328\u0301” to the reporters on Monday.\n")
MIXED = ("Mixed\n\nHe said “English, עברית, العربية, 中文, 😀 and e\u0301 in one” before leaving "
         "the room with 漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字 unbroken.\n")
ARTICLES = {"cjk": CJK, "arabic": ARABIC, "hebrew": HEBREW, "emoji": EMOJI,
            "combining": COMBINING, "mixed": MIXED}
OPENERS = "「«„“"
CLOSERS = {"「": "」", "«": "»", "„": "”", "“": "”"}


def quote_span(text: str) -> Span:
    body = text.index("\n\n")
    start = min(i for i in (text.find(o, body) for o in OPENERS) if i >= 0)
    end = text.index(CLOSERS[text[start]], start + 1) + 1
    return Span(start, end)


def one_quote(article) -> Analysis:
    span = quote_span(article.text)
    speaker = Entity("s1", "Speaker", None, (), ())
    return Analysis(article, (Quote("q1", "direct", span, "s1"),), (speaker,))


# ---------------------------------------------------------------------------- the layout alone

@pytest.mark.parametrize("name", list(ARTICLES))
@pytest.mark.parametrize("width", [1, 2, 3, 5, 8, 13, 21, 34, 55, 89])
def test_lines_fit_and_every_character_is_on_exactly_one_line(name, width):
    article = parse_text(ARTICLES[name])
    layout = Layout.build(article_blocks(article), width)
    for index, block in enumerate(layout.blocks):
        lines = [line for line in layout.lines if line is not None and line.block == index]
        assert "".join(block.text[line.start:line.end] for line in lines) == block.text
        for line in lines:
            shown = block.text[line.start:line.end].rstrip()
            # a character wider than the pane overhangs by its own width, nothing more
            assert cell_len(shown) <= max(width, max(cell_len(c) for c in shown) if shown else 0)
            if shown:
                assert cell_len(shown[0]) > 0, "a line never starts with a combining mark"


@pytest.mark.parametrize("name", list(ARTICLES))
@pytest.mark.parametrize("width", [7, 20, 60])
def test_every_cell_maps_back_to_the_character_shown_in_it(name, width):
    article = parse_text(ARTICLES[name])
    text = article.text
    layout = Layout.build(article_blocks(article), width)
    for y, line in enumerate(layout.lines):
        if line is None or layout.blocks[line.block].src < 0:
            continue
        block = layout.blocks[line.block]
        x = 0
        for i in range(line.start, line.end):
            char = block.text[i]
            offset = block.source_offset(i)
            for cell in range(x, x + cell_len(char)):
                assert layout.offset_at(y, cell) == offset
            if not char.isspace():
                assert text[offset] == char
            assert block.display_index(offset) == i
            assert layout.line_of(offset) == y
            x += cell_len(char)


# ---------------------------------------------------------------------------- in the reader

def selected_cells(app, body_region) -> tuple[str, list[tuple[int, int]]]:
    """The text of the cells shown in the selected quote's style, and where they are."""
    import pyte

    width, height = app.size
    screen = pyte.Screen(width, height)
    pyte.Stream(screen).feed(terminal_output(app))

    def style(cell):
        return (cell.fg, cell.bg, cell.bold, cell.reverse, cell.underscore, cell.italics)

    cells = [(y, x) for y in range(body_region.y, body_region.bottom)
             for x in range(body_region.x, body_region.right)]
    opener = next((y, x) for y, x in cells if screen.buffer[y][x].data
                  and screen.buffer[y][x].data in OPENERS)
    wanted = style(screen.buffer[opener[0]][opener[1]])
    plain = style(screen.buffer[body_region.y][body_region.right - 1])
    assert wanted != plain, "the selected quote is not styled"
    chosen = [(y, x) for y, x in cells if style(screen.buffer[y][x]) == wanted]
    return "".join(screen.buffer[y][x].data for y, x in chosen), chosen


@pytest.mark.parametrize("name", list(ARTICLES))
@pytest.mark.parametrize("size", [(120, 40), (80, 30), (50, 40)])
async def test_the_selected_quote_is_highlighted_at_exactly_its_cells(name, size):
    article = parse_text(ARTICLES[name])
    quote = quote_span(article.text).of(article.text)
    async with reader_app([article], analyzer=one_quote, size=size) as (app, pilot):
        await pilot.press("n")
        await pilot.pause()
        body = app.main.query_one("#body")
        shown, _ = selected_cells(app, body.content_region)
        # pyte keeps a combining mark in the cell of its base character, as a terminal does
        # (composed where Unicode has a composed form)
        assert "".join(shown.split()) == unicodedata.normalize("NFC", "".join(quote.split()))
        assert quote.split()[0][:2] in "\n".join(screen_lines(app))


@pytest.mark.parametrize("name", ["cjk", "emoji", "mixed"])
async def test_clicking_a_wide_character_selects_its_quote(name):
    article = parse_text(ARTICLES[name])
    span = quote_span(article.text)
    async with reader_app([article], analyzer=one_quote, size=(60, 30)) as (app, pilot):
        body = app.main.query_one("#body")
        layout = body.layout
        # the first wide character inside the quote, clicked on its second cell
        offset = next(i for i in range(span.start, span.end) if cell_len(article.text[i]) == 2)
        y = layout.line_of(offset)
        line = layout.lines[y]
        block = layout.blocks[line.block]
        x = cell_len(block.text[line.start:block.display_index(offset)]) + 1
        region = body.content_region
        await pilot.click(body, offset=(region.x - body.region.x + x,
                                        region.y - body.region.y + y - int(body.scroll_y)))
        await pilot.pause()
        assert app.main.selected == "q1"

"""The display mapping: visible stand-ins, wrapping by cells, offsets both ways."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.clipboard import clean_text, find_tool
from reader.model import Span
from reader.tui.display import Layout, display_char, make_block, safe_text, wrap


def test_control_characters_have_visible_forms():
    assert display_char("\x1b") == "␛"
    assert display_char("\x00") == "␀"
    assert display_char("\x07") == "␇"
    assert display_char("\x7f") == "␡"
    assert display_char("\x9b") == "⟨U+009B⟩"
    assert display_char("\u202e") == "⟨U+202E⟩"
    assert display_char("\u200b") == "⟨U+200B⟩"
    assert display_char("\n") == " "
    assert display_char("漢") == "漢"
    assert safe_text("[bold]x[/bold]") == "[bold]x[/bold]"


def test_wrap_by_cells_with_wide_characters():
    text = "漢字漢字漢字 abc"
    lines = wrap(text, 6)
    assert all(cell_len(text[a:b].rstrip()) <= 6 for a, b in lines)
    assert "".join(text[a:b] for a, b in lines) == text


def test_mapped_block_offsets_round_trip():
    text = "ab\x1bc\u202ed"
    block = make_block("paragraph", text, Span(0, len(text)))
    assert block.text == "ab␛c⟨U+202E⟩d"
    assert block.display_index(5) == len("ab␛c⟨U+202E⟩")
    assert block.source_offset(block.display_index(5)) == 5
    assert block.source_offset(6) == 4  # inside the stand-in: the bidi mark


def test_layout_finds_lines_and_offsets():
    text = "one two three four five six seven eight nine ten"
    block = make_block("paragraph", text, Span(0, len(text)))
    layout = Layout.build([block], 10)
    assert layout.height > 3
    offset = text.index("seven")
    y = layout.line_of(offset)
    assert layout.lines[y] is not None
    assert layout.offset_at(y, 0) == offset or text[layout.offset_at(y, 0)] != " "


@settings(max_examples=200, deadline=None)
@given(st.text(), st.integers(min_value=1, max_value=30))
def test_wrap_covers_every_character_once(text, width):
    block = make_block("paragraph", text, Span(0, len(text)))
    lines = wrap(block.text, width)
    assert "".join(block.text[a:b] for a, b in lines) == block.text
    for a, b in lines:
        piece = block.text[a:b].rstrip()
        assert cell_len(piece) <= width or len(piece.strip()) == 1 or cell_len(piece) <= 2
    assert not any(ch in block.text for ch in "\x1b\x00\u202e\u200b\x9b\n\r")


def test_clean_text_for_clipboard():
    assert clean_text("a\x1b]52;c;x\x07b\u202ec\u200bd") == "a]52;c;xbcd"
    assert clean_text("line\nnext\ttab") == "line\nnext\ttab"


def _fake_tool(directory, name, body):
    path = directory / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)
    return path


def test_find_tool_needs_a_session(tmp_path):
    _fake_tool(tmp_path, "xclip", "cat > /dev/null")
    assert find_tool({"PATH": str(tmp_path)}) is None  # no X display: not offered
    found = find_tool({"PATH": str(tmp_path), "DISPLAY": ":0"})
    assert found is not None and found[0].endswith("xclip") and "clipboard" in found


def test_copy_with_tool_and_timeout(tmp_path):
    from reader.clipboard import copy_with_tool

    out = tmp_path / "out.txt"
    tool = _fake_tool(tmp_path, "pbcopy", f"cat > {out}")
    assert copy_with_tool("héllo", [str(tool)]) == "pbcopy"
    assert out.read_text(encoding="utf-8") == "héllo"
    slow = _fake_tool(tmp_path, "wl-copy", "sleep 5")
    assert copy_with_tool("x", [str(slow)], timeout=0.2) is None
    failing = _fake_tool(tmp_path, "xsel", "exit 1")
    assert copy_with_tool("x", [str(failing)]) is None

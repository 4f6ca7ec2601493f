"""Hostile articles in a real terminal: escape sequences in the text never reach the terminal.

The reader runs in a pty; every byte it writes is kept. The article's own payloads (a title-setting
OSC, an OSC 52 with a known payload, colour codes, a clear-screen CSI, an OSC 8 hyperlink, C1
controls, bidi overrides) must not appear in those bytes, while the screen (pyte) shows them as
visible stand-ins. The app's own escape sequences are fine: the checks look for the article's.
"""

from __future__ import annotations

import base64
import re
import unicodedata

import pytest

from terminal import Terminal, clean_env

pytestmark = pytest.mark.e2e

OSC52 = re.compile(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)")
PAYLOAD_B64 = base64.b64encode(b"PWNED-CLIPBOARD").decode()  # UFdORUQtQ0xJUEJPQVJE

HOSTILE = (
    "Escapes \x1b]0;PWNED-TITLE\x07 and \x1b]2;PWNED-TITLE2\x1b\\ in the headline\n\n"
    f"A body with \x1b]52;c;{PAYLOAD_B64}\x07 and \x1b[31mred text\x1b[0m and "
    "\x1b]8;;http://evil.example/\x07a link\x1b]8;;\x07 and a bell\x07 and a \x1b[2J\x1b[H clear "
    "and C1 \x9b31m and \x9d0;C1-TITLE\x9c and bidi \u202eevil\u202c and nul\x00.\n\n"
    "“[bold]Not bold[/bold] \x1b[5mblink\x1b[0m,” said Jane Doe, a spokeswoman.\n"
)

# What must never appear in the bytes the reader writes (the visible stand-ins, such as
# "␛]0;PWNED", hold the same text after a harmless character, so the ESC is part of each).
FORBIDDEN = [
    b"\x1b]0;PWNED", b"\x1b]2;PWNED", f"\x1b]52;c;{PAYLOAD_B64}".encode(), b"\x1b[31mred",
    b"\x1b[5mblink", b"\x1b]8;;http://evil", b"\x1b[2J\x1b[H clear", "\u202e".encode(),
    "\x9b31m".encode(), "\x9d0;C1".encode(), b"\x00",
]


@pytest.fixture
def env(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    return clean_env(home, tmp_path / "config.yaml")


def check_raw(term: Terminal) -> None:
    raw = bytes(term.raw)
    for payload in FORBIDDEN:
        assert payload not in raw, payload
    assert "PWNED" not in (term.screen.title or "")


def test_escape_sequences_in_an_article_never_reach_the_terminal(env, tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    with Terminal([str(article)], env, tmp_path) as term:
        term.wait_for_text("Escapes")
        term.wait_for_text("[bold]Not bold[/bold]")
        term.wait_for_text("Jane Doe")  # the analysis is in: speakers and quotes listed
        term.wait_for_text("1 quote ·")  # the status line: the analysis is in place
        text = term.text()
        for shown in ("␛]0;PWNED-TITLE␇", "␛]2;PWNED-TITLE2␛\\", f"␛]52;c;{PAYLOAD_B64}␇",
                      "␛[31mred text", "␛[2J␛[H", "⟨U+009B⟩31m", "⟨U+202E⟩evil⟨U+202C⟩", "nul␀",
                      "a bell␇"):
            assert shown in text, shown
        assert text.splitlines()[0].startswith(" Escapes ␛]0;PWNED-TITLE␇")  # the header
        check_raw(term)

        # select the quote and copy it: the app's own OSC 52 carries a clean citation
        term.send("n")
        term.wait_for_text("quote 1 of")
        before = len(term.raw)
        term.send("c")
        term.wait_for(lambda: OSC52.search(bytes(term.raw[before:])) is not None, "OSC 52")
        copied = base64.b64decode(OSC52.search(bytes(term.raw[before:])).group(1)).decode()
        assert "Jane Doe" in copied and "[bold]Not bold[/bold]" in copied
        assert not [c for c in copied if c != "\n" and unicodedata.category(c) in ("Cc", "Cf")]
        term.wait_for_text("Copied citation of quote 1")
        check_raw(term)

        term.send("q")
        assert term.close() == 0
        check_raw(term)


def test_hostile_file_names_in_the_header_and_notifications(env, tmp_path):
    """A file name is text an attacker controls too: the header shows it when the article has no
    headline, and notifications quote it."""
    empty = tmp_path / "empty\x1b]0;PWNED-NAME\x07.txt"
    empty.write_bytes(b"")
    legacy = tmp_path / "legacy\x1b[31mRED-NAME.txt"
    legacy.write_bytes(b"Head\n\n\x93Yes,\x94 she said.\n")
    with Terminal([str(empty), str(legacy)], env, tmp_path) as term:
        term.wait_for_text("This article has no text.")
        term.wait_for_text("␛]0;PWNED-NAME␇.txt")  # the header
        term.wait_for_text("not valid UTF-8")  # the notice about the legacy file
        term.wait_for_text("␛[31mRED-NAME")
        raw = bytes(term.raw)
        assert b"\x1b]0;PWNED-NAME" not in raw and b"\x1b[31mRED-NAME" not in raw
        assert "PWNED" not in (term.screen.title or "")
        term.send("q")
        assert term.close() == 0


def test_error_messages_about_hostile_file_names_are_escaped(env, tmp_path):
    name = tmp_path / f"\x1b]52;c;{PAYLOAD_B64}\x07\x1b]0;PWNED-TITLE\x07.txt"
    with Terminal([str(name)], env, tmp_path) as term:
        term.wait_for_text("no such file")
        assert term.close() == 2
        raw = bytes(term.raw)
        assert b"\x1b]" not in raw and b"\x07" not in raw
        shown = "".join(term.screen.display)  # the message wraps: join the rows
        assert f"\\x1b]52;c;{PAYLOAD_B64}\\x07\\x1b]0;PWNED-TITLE\\x07.txt': no such file" in shown
        assert "PWNED" not in (term.screen.title or "")

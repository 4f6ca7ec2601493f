"""The real ``reader`` command in a pseudo-terminal: what a user sees and what reaches the clipboard."""

from __future__ import annotations

import base64
import re
import subprocess

import pytest

from terminal import Terminal, clean_env, reader_command

pytestmark = pytest.mark.e2e

OSC52 = re.compile(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)")


@pytest.fixture
def env(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    return clean_env(home, tmp_path / "config.yaml")


def style_of(cell) -> tuple:
    return (cell.fg, cell.bg, cell.bold, cell.reverse, cell.underscore, cell.italics)


def test_reader_shows_selects_copies_and_quits(env, tmp_path):
    with Terminal([], env, tmp_path) as term:
        term.wait_for_text("UN envoy to Syria")
        term.wait_for_text("Sergei Lavrov")
        term.wait_for_text("Staffan de Mistura")
        term.wait_for_text("de Mistura We want")  # the quote list has filled in
        plain = term.find("The United Nations special envoy")
        assert plain is not None

        term.send("n")
        term.wait_for_text("quote 1 of")
        where = term.find("a permanent source of")
        assert where is not None
        row, col = where
        selected = style_of(term.cell(row, col + 2))
        assert selected != style_of(term.cell(plain[0], plain[1] + 2))
        assert term.cell(row, col + 2).bold or term.cell(row, col + 2).reverse

        before = len(term.raw)
        term.send("c")
        term.wait_for(lambda: OSC52.search(bytes(term.raw[before:])) is not None, "OSC 52")
        payload = OSC52.search(bytes(term.raw[before:])).group(1)
        copied = base64.b64decode(payload).decode("utf-8")
        expected = subprocess.run(
            reader_command() + ["cite", "--quote", "1", "--style", "plain"],
            env=env, cwd=tmp_path, capture_output=True, text=True, check=True,
        ).stdout.rstrip("\n")
        assert copied == expected
        term.wait_for_text("Copied citation of quote 1")

        term.send("q")
        assert term.close() == 0


def test_article_from_stdin_still_reads_keys_from_the_terminal(env, tmp_path):
    import shlex

    from reader.resources import default_article

    command = " ".join(shlex.quote(part) for part in reader_command())
    seed = shlex.quote(str(default_article()))
    with Terminal([], env, tmp_path, command=["sh", "-c", f"cat {seed} | {command} -"]) as term:
        term.wait_for_text("UN envoy to Syria")
        term.wait_for_text("de Mistura We want")
        term.send("n")
        term.wait_for_text("quote 1 of")
        term.send("q")
        assert term.close() == 0


@pytest.mark.skipif(__import__("shutil").which("tmux") is None, reason="tmux not installed")
def test_copy_reaches_tmux_buffer_with_set_clipboard_on(env, tmp_path):
    import shlex
    import time

    socket = f"reader-e2e-{__import__('os').getpid()}"
    command = " ".join(shlex.quote(part) for part in reader_command())
    exports = " ".join(f"{k}={shlex.quote(env[k])}" for k in ("HOME", "READER_CONFIG"))
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(tmux + list(args), capture_output=True, text=True, env=env)

    expected = subprocess.run(
        reader_command() + ["cite", "--quote", "1", "--style", "plain"],
        env=env, cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout.rstrip("\n")
    try:
        assert run("new-session", "-d", "-x", "120", "-y", "40",
                   f"env {exports} {command}").returncode == 0
        run("set-option", "-g", "set-clipboard", "on")

        def screen() -> str:
            return run("capture-pane", "-p").stdout

        def wait(predicate, what: str, timeout: float = 20) -> None:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if predicate():
                    return
                time.sleep(0.05)
            raise AssertionError(f"timed out waiting for {what}:\n{screen()}")

        wait(lambda: "de Mistura We want" in screen(), "the quote list")
        run("send-keys", "n")
        wait(lambda: "quote 1 of" in screen(), "the selection")
        run("send-keys", "c")
        wait(lambda: run("show-buffer").stdout == expected, "the tmux buffer")
    finally:
        run("kill-server")


def test_big_article_shows_its_body_while_analysing_then_its_quotes(env, tmp_path):
    """A long article (about 1 MB, thousands of quotes): the body is on screen while the engine
    still works, the status line says so, the article pages meanwhile, and the lists fill in."""
    names = [f"Speaker{n} Person{n}" for n in range(40)]
    paragraphs = ["A long article about many quotes", "Readers start here."]
    for i in range(4000):
        paragraphs.append(f"“Quote number {i} says something notable about policy,” said "
                          f"{names[i % 40]}. The debate went on for a while after that.")
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    with Terminal([str(path)], env, tmp_path) as term:
        term.wait_for_text("Readers start here.")
        term.wait_for(lambda: "analysing" in term.screen.display[-2]
                      or "quotes ·" in term.screen.display[-2], "the status line")
        term.send("\t\t ")  # to the article, a page down: it scrolls while the engine works
        term.wait_for(lambda: term.find("Readers start here.") is None, "a page down")
        term.wait_for(lambda: re.search(r"\d{4} quotes ·", term.screen.display[-2]) is not None,
                      "the quote list", timeout=60)
        term.send("G")  # the article's end
        term.wait_for_text("Quote number 3999 says")
        term.send("q")
        assert term.close() == 0

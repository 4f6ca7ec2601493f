"""A real terminal for end-to-end tests: the reader in a pty, its output fed to pyte.

pyte keeps the screen (text and cell attributes) but drops OSC sequences, so every byte the app
writes is also kept raw for checks such as the OSC 52 clipboard payload.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pexpect
import pyte


def reader_command() -> list[str]:
    """How to start the installed reader from this interpreter (venv or not)."""
    script = Path(sys.executable).with_name("reader")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "reader"]


def clean_env(home: Path, config: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TEXTUAL", "TMUX", "DISPLAY", "WAYLAND"))}
    env.update(HOME=str(home), READER_CONFIG=str(config), TERM="xterm-256color",
               COLORTERM="truecolor", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


class Terminal:
    def __init__(self, args: Sequence[str], env: dict[str, str], cwd: Path,
                 cols: int = 120, rows: int = 40, command: Sequence[str] | None = None) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        command = list(command) if command else reader_command() + list(args)
        self.child = pexpect.spawn(command[0], command[1:], env=env, cwd=str(cwd),
                                   dimensions=(rows, cols))
        self.child.delaybeforesend = None  # pexpect's default 50 ms pause before each send

    def pump(self, timeout: float = 0.05) -> None:
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except (pexpect.TIMEOUT, pexpect.EOF):
            return
        self.raw += data
        self.stream.feed(data)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, predicate: Callable[[], bool], what: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump()
            if predicate():
                return
            if not self.child.isalive():
                self.pump()
                if predicate():
                    return
                break
        raise AssertionError(f"timed out waiting for {what}; screen:\n{self.text()}")

    def wait_for_text(self, needle: str, timeout: float = 20) -> None:
        self.wait_for(lambda: needle in self.text(), repr(needle), timeout)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def find(self, needle: str) -> tuple[int, int] | None:
        for row, line in enumerate(self.screen.display):
            col = line.find(needle)
            if col >= 0:
                return row, col
        return None

    def cell(self, row: int, col: int):
        return self.screen.buffer[row][col]

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc_info) -> None:
        # a failed test must not leave the reader running
        if self.child.isalive():
            self.child.terminate(force=True)

    def close(self) -> int | None:
        deadline = time.monotonic() + 10
        while self.child.isalive() and time.monotonic() < deadline:
            self.pump()
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close()
        return self.child.exitstatus

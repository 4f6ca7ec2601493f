"""A pseudo-terminal harness shared by the TUI benchmarks: spawn, feed pyte, wait for text."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pexpect
import pyte


def reader_command() -> list[str]:
    script = Path(sys.executable).with_name("reader")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "reader"]


def bench_env() -> dict[str, str]:
    home = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TEXTUAL", "TMUX", "DISPLAY", "WAYLAND"))}
    env.update(HOME=str(home), READER_CONFIG=str(home / "config.yaml"), TERM="xterm-256color",
               COLORTERM="truecolor", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    return env


class Pty:
    def __init__(self, command: Sequence[str], cols: int = 120, rows: int = 40,
                 env: dict[str, str] | None = None) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.feed_screen = True
        self.started = time.perf_counter()
        self.child = pexpect.spawn(command[0], list(command[1:]), env=env or bench_env(),
                                   dimensions=(rows, cols))
        # pexpect sleeps 50 ms before every send by default; that would be measured as latency.
        self.child.delaybeforesend = None

    def pump(self, timeout: float = 0.002) -> None:
        try:
            data = self.child.read_nonblocking(1 << 20, timeout=timeout)
        except (pexpect.TIMEOUT, pexpect.EOF):
            return
        self.raw += data
        if self.feed_screen:
            self.stream.feed(data)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait(self, predicate: Callable[[], bool], timeout: float = 30) -> float:
        """Seconds until ``predicate`` holds for the screen (AssertionError on time-out)."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            self.pump()
            if predicate():
                return time.perf_counter() - start
        raise AssertionError("timed out; screen:\n" + self.text())

    def wait_raw(self, needle: bytes, since: int, timeout: float = 30) -> float:
        """Seconds until ``needle`` appears in the raw output after byte ``since`` (no pyte: its
        parsing would be measured too)."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            self.pump()
            if self.raw.find(needle, max(0, since - len(needle))) >= 0:
                return time.perf_counter() - start
        raise AssertionError(f"timed out waiting for {needle!r}")

    def close(self) -> None:
        self.child.sendcontrol("q")
        deadline = time.perf_counter() + 5
        while self.child.isalive() and time.perf_counter() < deadline:
            self.pump(0.05)
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close()

"""First paint of the seed: the reader against a bare Textual app, both in a pty, one run.

    .venv/bin/python bench/tui_startup.py [--runs 10]

Each run spawns the program in a 120x40 pseudo-terminal and measures the time from spawn to the
headline's first words appearing in its output. The two programs alternate so that machine noise
hits both alike. Target: the reader's median within 1.3x the bare app's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from tui_pty import Pty, reader_command

from reader.resources import default_article

NEEDLE = b"UN envoy to Syria"


def spawn_to_text(command: list[str]) -> float:
    pty = Pty(command)
    pty.feed_screen = False
    try:
        while time.perf_counter() - pty.started < 30:
            pty.pump()
            if NEEDLE in pty.raw:
                return time.perf_counter() - pty.started
        raise AssertionError("no headline within 30 s")
    finally:
        pty.child.terminate(force=True)
        pty.child.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    seed = str(default_article())
    bare = [sys.executable, str(Path(__file__).with_name("tui_bare.py")), seed]
    reader = reader_command()
    spawn_to_text(bare), spawn_to_text(reader)  # warm the file cache and bytecode
    times: dict[str, list[float]] = {"bare textual": [], "reader": []}
    for _ in range(args.runs):
        times["bare textual"].append(spawn_to_text(bare))
        times["reader"].append(spawn_to_text(reader))
    for name, values in times.items():
        print(f"{name:<13} median {statistics.median(values) * 1000:6.0f} ms   "
              f"min {min(values) * 1000:6.0f} ms   max {max(values) * 1000:6.0f} ms   ({len(values)} runs)")
    ratio = statistics.median(times["reader"]) / statistics.median(times["bare textual"])
    print(f"ratio reader / bare: {ratio:.2f} (target <= 1.30)")


if __name__ == "__main__":
    main()

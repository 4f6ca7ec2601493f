"""Key press to highlighted quote, on an article with 5,000 quotes, in a real pty.

    .venv/bin/python bench/tui_keys.py [--quotes 5000] [--presses 100]

Generates an article (two quotes per paragraph, fifty speakers), starts the real ``reader``
command on it in a 120x40 pseudo-terminal, waits until the analysis has filled the lists, then
for each key press measures the time from writing the key to the screen showing its result (the
status line naming the newly selected quote, painted in the same frame as the body highlight).
Keys: n (next), p (previous), and G / g in the quote list (jumps of 5,000). Target: < 50 ms.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from tui_pty import Pty, reader_command

STATUS = re.compile(r"quote (\d+) of (\d+)")


def make_text(quotes: int) -> str:
    names = [f"Speaker{n} Person{n}" for n in range(50)]
    paragraphs = ["A generated headline about many quotes"]
    for i in range(quotes // 2):
        a, b = names[i % 50], names[(i * 7 + 3) % 50]
        paragraphs.append(
            f"“Quote number {2 * i + 1} says something notable about policy and people,” said {a}. "
            f"Later, {b} added: “Quote number {2 * i + 2} disagrees, at some length, with that.”"
        )
    return "\n\n".join(paragraphs) + "\n"


def selected(pty: Pty) -> int | None:
    status = pty.screen.display[-2]
    match = STATUS.search(status)
    return int(match.group(1)) if match else None


def summary(name: str, values: list[float]) -> str:
    values = sorted(v * 1000 for v in values)
    p95 = values[max(0, int(len(values) * 0.95) - 1)]
    return (f"{name:<12} median {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms   "
            f"max {values[-1]:6.1f} ms   ({len(values)} presses)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=5000)
    parser.add_argument("--presses", type=int, default=100)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "many-quotes.txt"
    path.write_text(make_text(args.quotes), encoding="utf-8")
    pty = Pty(reader_command() + [str(path)])
    try:
        ready = pty.wait(lambda: f"{args.quotes} quotes" in pty.screen.display[-2], timeout=60)
        print(f"article: {path.stat().st_size:,} bytes, {args.quotes:,} quotes; "
              f"lists filled {ready:.2f} s after start")
        results: dict[str, list[float]] = {"n (next)": [], "p (previous)": [], "G (last)": [],
                                           "g (first)": []}

        pty.feed_screen = False

        def press(key: str, expect) -> float:
            time.sleep(0.03)  # let the previous frame settle
            pty.pump()
            since = len(pty.raw)
            start = time.perf_counter()
            pty.child.send(key)
            pty.wait_raw(f"quote {expect()} of {args.quotes}".encode(), since, timeout=10)
            return time.perf_counter() - start

        current = 0
        for _ in range(args.presses):
            current += 1
            results["n (next)"].append(press("n", lambda c=current: c))
        for _ in range(args.presses // 2):
            current -= 1
            results["p (previous)"].append(press("p", lambda c=current: c))
        for _ in range(3):  # quotes → speakers → article → quotes
            pty.child.send("\t")
            time.sleep(0.3)
            pty.pump()
        for _ in range(10):
            results["G (last)"].append(press("G", lambda: args.quotes))
            results["g (first)"].append(press("g", lambda: 1))
        for name, values in results.items():
            print(summary(name, values))
    finally:
        pty.close()


if __name__ == "__main__":
    main()

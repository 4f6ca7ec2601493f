"""Hostile inputs take time linear in their size: doubling an input roughly doubles the time.

    python bench/linearity.py [--scale 1.0]

For each pathological input (a 5 MB single line, 100,000 unbalanced quotation marks, deeply
nested marks, runs of apostrophes, millions of newlines, ...) the loader + engine pipeline runs
on the input at size n and at size 2n, in this one process, and the ratio t(2n) / t(n) is printed.
Linear code gives about 2; a quadratic blow-up gives about 4 and is flagged. Ratios, not absolute
times, are what this measures: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from reader.cite import format_citation
from reader.engine import analyze
from reader.loaders.text import parse_text

# name -> function building an input of about n characters
INPUTS: dict[str, Callable[[int], str]] = {
    "single line of prose": lambda n: ("The minister said “we will act” and left. " * (n // 42 + 1))[:n],
    "unbalanced opening marks": lambda n: "Title\n\n" + "“a " * (n // 3),
    "unbalanced straight marks": lambda n: "Title\n\n" + 'a "b ' * (n // 5),
    "stray closing marks": lambda n: "Title\n\n" + "word ” " * (n // 7),
    "deeply nested marks": lambda n: "Title\n\n" + "“‘«„" * (n // 8) + "x" + "“’»”" * (n // 8),
    "two-apostrophe marks": lambda n: "Title\n\n" + "''a " * (n // 4),
    "apostrophes": lambda n: "Title\n\n" + "it's Jones' " * (n // 12),
    "newlines": lambda n: "\n" * n,
    "one-word paragraphs": lambda n: "said\n\n" * (n // 6),
    "capitalised words": lambda n: "Title\n\n" + "Mr Big Name Said " * (n // 17),
    "speech verbs": lambda n: "Title\n\n" + "said told added, " * (n // 17),
}


def pipeline(text: str) -> None:
    analysis = analyze(parse_text(text))
    for quote in analysis.quotes[:50]:
        format_citation(analysis, quote, "plain")


def timed(text: str) -> float:
    start = time.perf_counter()
    pipeline(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply the base input size (1.0 = 1 MB doubled to 2 MB)")
    args = parser.parse_args()
    n = int(1_000_000 * args.scale)
    print(f"{'input':<28} {'t(n) s':>8} {'t(2n) s':>8} {'ratio':>6}   (n = {n:,} characters)")
    worst = 0.0
    for name, build in INPUTS.items():
        small, large = build(n), build(2 * n)
        # Best of two runs each, interleaved, to damp the noise of a shared machine.
        t1 = min(timed(small), timed(small))
        t2 = min(timed(large), timed(large))
        ratio = t2 / t1 if t1 > 0 else float("nan")
        worst = max(worst, ratio)
        flag = "  <- superlinear" if ratio > 3.0 else ""
        print(f"{name:<28} {t1:8.3f} {t2:8.3f} {ratio:6.2f}{flag}")
    print(f"worst ratio: {worst:.2f} (2.0 is linear)")


if __name__ == "__main__":
    main()

"""Hostile inputs take time linear in their size: doubling an input roughly doubles the time.

    python bench/linearity.py [--scale 1.0]

For each pathological input (a 5 MB single line, 100,000 unbalanced quotation marks, deeply
nested marks, runs of apostrophes, millions of newlines, escape sequences, Markdown and HTML
oddities, ...) the loader + engine pipeline runs on the input at size n and at size 2n, in this one
process, and the ratio t(2n) / t(n) is printed. Linear code gives about 2; a quadratic blow-up
gives about 4 and is flagged. Ratios, not absolute times, are what this measures: the machine is
shared and noisy. The cost per character is printed too, relative to ordinary prose: linear but
fifty times slower than prose is a hang in practice for a big article, and is flagged as well.

    python bench/linearity.py --only markdown    # rows whose name contains "markdown"
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from reader.cite import format_citation
from reader.engine import analyze
from reader.errors import ReaderError
from reader.loaders import parse
from reader.tui.display import Layout, article_blocks

# name -> function building an input of about n characters (plain text unless the name says)
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
    # people who share surnames, named at sentence starts: each family is looked up near its names
    "families of names": lambda n: "Title\n\n" + "".join(
        f"Ann{i % 97} Lee{i % 89} spoke. Bob{i % 83} Lee{i % 89} said “no,” Lee{i % 89} said. "
        for i in range(n // 60)),
    # a run-on sentence of cues and short quotes: every quote looks back over many cues
    "run-on cues and quotes": lambda n: "Title\n\n" + "said “a” " * (n // 9),
    "quote, cue, lower-case name": lambda n: "Title\n\n" + "“a” said b. " * (n // 12),
    "escape sequences": lambda n: "Title\n\n" + "\x1b]0;x\x07 “\x1b[31mred\x1b[0m” said Al. " * (n // 33),
    "invisible characters": lambda n: "Title\n\n" + "a\u200b\u202e“b\u2066”\x00 " * (n // 11),
    "wide characters": lambda n: "Title\n\n" + "漢字「引用」と述べた。😀 " * (n // 13),
    "markdown: single line": lambda n: "# T\n\n" + "The minister said “we will act” and left. " * (n // 42),
    "markdown: nested block quotes": lambda n: "# T\n\n" + "".join(
        ">" * (i % 40) + " “q,” said Al.\n" for i in range(n // 34)),
    "markdown: list items": lambda n: "# T\n\n" + "- “q,” said Al.\n" * (n // 16),
    "markdown: emphasis runs": lambda n: "# T\n\n" + "*_`[" * (n // 4),
    "html: many paragraphs": lambda n: "<html><body><article>" + "<p>Para “q,” said Al.</p>" * (n // 26)
                                       + "</article></body></html>",
    "html: one long paragraph": lambda n: "<html><body><article><p>" + (
        "The minister said “we will act” and left. " * (n // 42)) + "</p></article></body></html>",
    "html: unclosed tags": lambda n: "<html><body><p>" + "<b>“a ” " * (n // 8),
}


# Rows too slow per character to run at full size (each is flagged "slow per character"; the
# cap keeps the benchmark finishing in minutes while the engine is fixed). n is at most this.
CAPS: dict[str, int] = {
    "run-on cues and quotes": 50_000,
    "quote, cue, lower-case name": 50_000,
}


def _format(name: str) -> str:
    return name.split(":")[0] if ":" in name else "text"


def pipeline(text: str, fmt: str = "text") -> None:
    try:
        article = parse(text, fmt)
    except ReaderError:
        return  # a refusal (HTML without an article) is an outcome too
    analysis = analyze(article)
    for quote in analysis.quotes[:50]:
        format_citation(analysis, quote, "plain")
    Layout.build(article_blocks(article), 80)  # what the reader shows


def timed(text: str, fmt: str = "text") -> float:
    start = time.perf_counter()
    pipeline(text, fmt)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply the base input size (1.0 = 1 MB doubled to 2 MB)")
    parser.add_argument("--only", default="", help="run only the rows whose name contains this")
    args = parser.parse_args()
    n = int(1_000_000 * args.scale)
    print(f"{'input':<32} {'t(n) s':>8} {'t(2n) s':>8} {'ratio':>6} {'cost':>6}"
          f"   (n = {n:,} characters; cost = time per character / prose's)")
    worst = 0.0
    baseline = None
    for name, build in INPUTS.items():
        if args.only not in name and baseline is not None:
            continue
        fmt = _format(name)
        size = min(n, CAPS.get(name, n))
        small, large = build(size), build(2 * size)
        # Best of two runs each, interleaved, to damp the noise of a shared machine.
        t1 = min(timed(small, fmt), timed(small, fmt))
        t2 = min(timed(large, fmt), timed(large, fmt))
        ratio = t2 / t1 if t1 > 0 else float("nan")
        per_char = t2 / max(1, len(large))
        if baseline is None:
            baseline = per_char  # the first row, ordinary prose
            if args.only not in name:
                continue
        cost = per_char / baseline if baseline else float("nan")
        worst = max(worst, ratio)
        flags = []
        if ratio > 3.0:
            flags.append("superlinear")
        if cost > 50:
            flags.append("slow per character")
        flag = f"  <- {', '.join(flags)}" if flags else ""
        print(f"{name:<32} {t1:8.3f} {t2:8.3f} {ratio:6.2f} {cost:6.1f}{flag}")
    print(f"worst ratio: {worst:.2f} (2.0 is linear)")


if __name__ == "__main__":
    main()

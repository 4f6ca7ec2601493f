"""A 10 MB article in the reader: first paint against the seed's, analysis time, peak memory.

    .venv/bin/python bench/big_article.py [--runs 5] [--megabytes 10] [--synthetic]

The article is generated deterministically (``bigtext.py``: the PolNeAR training articles
joined, or synthetic paragraphs). In one run, alternating so machine noise hits both alike, the
real ``reader`` command is spawned in a 120x40 pseudo-terminal on the seed and on the big
article, and the time from spawn to the first words of the article body appearing in the output
is measured. Target: the big article's median within 3x the seed's.

Then one more run on the big article waits for the quote list to fill, steps through a few
quotes, and reads the child's peak resident memory (VmHWM from /proc). Targets: the body is
on screen long before the analysis is done; peak memory under 400 MB.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from bigtext import FIRST_PARAGRAPH, big_article
from tui_pty import Pty, reader_command

from reader.resources import default_article

SEED_NEEDLE = b"Moscow, Russia"  # in the seed's caption, the body's first lines
BIG_NEEDLE = FIRST_PARAGRAPH.encode()
READY = re.compile(r"(\d[\d,]*) quotes? ·")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def first_paint(command: list[str], needle: bytes) -> float:
    pty = Pty(command)
    pty.feed_screen = False
    try:
        while time.perf_counter() - pty.started < 60:
            pty.pump()
            if needle in pty.raw:
                return time.perf_counter() - pty.started
        raise AssertionError(f"{needle!r} not shown within 60 s")
    finally:
        pty.child.terminate(force=True)
        pty.child.close()


def full_run(command: list[str], needle: bytes) -> dict[str, float]:
    """Spawn, wait for the body and then for the lists; press keys; read the peak memory."""
    pty = Pty(command)
    out: dict[str, float] = {}
    try:
        pty.wait(lambda: needle in pty.raw, timeout=60)
        out["body"] = time.perf_counter() - pty.started
        pty.wait(lambda: READY.search(pty.screen.display[-2]) is not None, timeout=300)
        out["lists"] = time.perf_counter() - pty.started
        out["quotes"] = int(READY.search(pty.screen.display[-2]).group(1).replace(",", ""))
        for key in "nnnnpG":
            pty.child.send(key)
            time.sleep(0.2)
            pty.pump()
        out["peak_mb"] = peak_rss_mb(pty.child.pid)
    finally:
        pty.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--synthetic", action="store_true",
                        help="generated paragraphs instead of the PolNeAR articles")
    args = parser.parse_args()
    text, what = big_article(int(args.megabytes * 1_000_000), args.synthetic)
    path = Path(tempfile.mkdtemp(prefix="reader-big-")) / "big-article.txt"
    path.write_text(text, encoding="utf-8")
    size = path.stat().st_size
    seed = reader_command() + [str(default_article())]
    big = reader_command() + [str(path)]
    print(f"big article: {size:,} bytes ({what})")

    first_paint(seed, SEED_NEEDLE), first_paint(big, BIG_NEEDLE)  # warm caches and bytecode
    times: dict[str, list[float]] = {"seed": [], "big": []}
    for _ in range(args.runs):
        times["seed"].append(first_paint(seed, SEED_NEEDLE))
        times["big"].append(first_paint(big, BIG_NEEDLE))
    for name, values in times.items():
        print(f"first paint, {name:<5} median {statistics.median(values) * 1000:6.0f} ms   "
              f"min {min(values) * 1000:6.0f} ms   max {max(values) * 1000:6.0f} ms   "
              f"({len(values)} runs)")
    ratio = statistics.median(times["big"]) / statistics.median(times["seed"])
    print(f"ratio big / seed: {ratio:.2f} (target <= 3.00)")

    seed_run = full_run(seed, SEED_NEEDLE)
    big_run = full_run(big, BIG_NEEDLE)
    print(f"big article: body after {big_run['body']:.2f} s, quote list filled after "
          f"{big_run['lists']:.2f} s ({big_run['quotes']:,} quotes shown)")
    print(f"peak memory (VmHWM): seed {seed_run['peak_mb']:.0f} MB, "
          f"big article {big_run['peak_mb']:.0f} MB (target < 400 MB)")


if __name__ == "__main__":
    main()

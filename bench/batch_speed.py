"""Batch speed-up: ``reader quotes --jobs 1`` against ``--jobs 2`` over the same articles.

    python bench/batch_speed.py [DIR] [--repeat 3]

DIR defaults to the PolNeAR train split next to the checkout (../shared/eval/polnear/train/text).
Both runs happen in this one invocation, alternating, so the ratio is meaningful on a shared,
noisy machine; absolute times describe only the machine they came from.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "text"


def run(jobs: int, folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reader", "quotes", "--format", "jsonl", "--jobs", str(jobs), str(folder)],
        check=True, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = [p for p in args.folder.rglob("*.txt")]
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    times: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(args.repeat):
        for jobs in (1, 2):
            times[jobs].append(run(jobs, args.folder))
    best = {jobs: min(values) for jobs, values in times.items()}
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}")
    print(f"input: {len(files)} articles, {chars:,} characters")
    for jobs in (1, 2):
        print(f"--jobs {jobs}: best {best[jobs]:.2f} s of {args.repeat} "
              f"({chars / best[jobs] / 1e6:.2f} M chars/s)")
    print(f"speed-up 1 -> 2 jobs: {best[1] / best[2]:.2f}x")


if __name__ == "__main__":
    main()

"""Batch speed-up: ``reader quotes --jobs 1`` against ``--jobs 2`` over the same articles.

    python bench/batch_speed.py [DIR] [--repeat 3]

DIR defaults to the PolNeAR train split (``shared/eval/polnear/train/text`` beside the checkout,
or ``$READER_BENCH_DIR``).
Both runs happen in this one invocation, alternating, so the ratio is meaningful on a shared,
noisy machine; absolute times describe only the machine they came from.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from bigtext import polnear_dir


def run(jobs: int, folder: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reader", "quotes", "--format", "jsonl", "--jobs", str(jobs), str(folder)],
        check=True, stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=polnear_dir())
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = [p for p in args.folder.rglob("*.txt")]
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    load = os.getloadavg()[0]
    times: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    for _ in range(args.repeat):
        for jobs in (1, 2):
            times[jobs].append(run(jobs, args.folder))
    best = {jobs: min(values) for jobs, values in times.items()}
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}, "
          f"load average {load:.1f} at the start")
    print(f"input: {len(files)} articles, {chars:,} characters")
    for jobs in (1, 2):
        wall, cpu = best[jobs]
        print(f"--jobs {jobs}: best {wall:.2f} s of {args.repeat} "
              f"({chars / wall / 1e6:.2f} M chars/s), {cpu:.2f} CPU s")
    print(f"speed-up 1 -> 2 jobs: {best[1][0] / best[2][0]:.2f}x "
          f"(CPU spent with 2 jobs: {best[2][1] / best[1][1]:.2f}x that of 1; on an idle machine "
          f"the speed-up approaches 2 / that)")


if __name__ == "__main__":
    main()

"""Memory of ``reader quotes --jobs N`` stays flat however many files go in.

    .venv/bin/python bench/batch_memory.py [--small 500] [--large 5000] [--jobs 2]

Writes two folders of articles (PolNeAR training articles, cycled; generated paragraphs
without the corpus), the second ten times the first, runs ``reader quotes --format jsonl`` on
each with the output going to /dev/null, and reports the peak resident memory of the largest
process (the command or one of its workers) and the wall time. Flat memory: the peak for the
large folder about the same as for the small one.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bigtext import polnear_dir, synthetic_article

MEASURE = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def make_folder(root: Path, count: int) -> Path:
    folder = root / f"{count}-articles"
    folder.mkdir()
    sources = sorted(polnear_dir().glob("*.txt")) if polnear_dir() else []
    texts = [p.read_text(encoding="utf-8") for p in sources] or [synthetic_article(quotes=20)]
    for i in range(count):
        (folder / f"{i:06d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    return folder


def peak(folder: Path, jobs: int) -> tuple[float, float]:
    """(peak RSS in MB of the largest process, wall seconds)."""
    command = [sys.executable, "-m", "reader", "quotes", "--format", "jsonl", "--jobs", str(jobs),
               str(folder)]
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], check=True,
                         capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="reader-batch-"))
    for count in (args.small, args.large):
        folder = make_folder(root, count)
        size = sum(p.stat().st_size for p in folder.iterdir())
        mb, seconds = peak(folder, args.jobs)
        print(f"{count:>6,} files ({size / 1e6:5.1f} MB), --jobs {args.jobs}: "
              f"peak {mb:5.0f} MB, {seconds:5.1f} s")


if __name__ == "__main__":
    main()

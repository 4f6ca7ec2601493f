"""Speed of the quote engine over a corpus, against a bare regular-expression scan.

    python bench/engine_speed.py [DIR ...] [--repeat N] [--cpu] [--fresh-memos]

DIR defaults to the PolNeAR train split (``../shared/eval/polnear/train/text`` beside the
repository, or ``$READER_BENCH_DIR``). Articles are loaded once; then ``analyze`` runs over all
of them, and so does the baseline: one ``re.findall`` of words and quotation marks over the same
text (the least any analysis of the text has to do). Both are reported in characters per second,
on one core, best of N runs. The engine remembers what it learnt about names and cue words from
article to article; the runs after the first find the whole corpus remembered, so
``--fresh-memos`` forgets it before each run (the speed of reading the corpus once).
"""

from __future__ import annotations

import argparse
import gc
import glob
import os
import re
import sys
import time
from pathlib import Path

BASELINE = re.compile(r"\w+|[\"\u201c\u201d\u2018\u2019'\u00ab\u00bb]")


def _default_dirs() -> list[str]:
    env = os.environ.get("READER_BENCH_DIR")
    if env:
        return [env]
    here = Path(__file__).resolve().parent.parent
    for base in (here.parent, here.parent.parent, Path("/work")):
        cand = base / "shared" / "eval" / "polnear" / "train" / "text"
        if cand.is_dir():
            return [str(cand)]
    return [str(here / "seeds")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", help="directories of .txt articles")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each (best is reported)")
    ap.add_argument("--cpu", action="store_true",
                    help="measure CPU time of this process instead of wall-clock time (steadier on a "
                         "shared machine)")
    ap.add_argument("--fresh-memos", action="store_true",
                    help="forget what earlier analyses remembered about names and words before each "
                         "run of the engine, so that each run reads the corpus as new (the runs after "
                         "the first otherwise find every name of it remembered)")
    args = ap.parse_args(argv)
    from reader.engine import analyze, forget_memos
    from reader.engine.lexicon import Lexicon
    from reader.loaders import load

    paths = sorted(p for d in (args.dirs or _default_dirs()) for p in glob.glob(os.path.join(d, "*.txt")))
    if not paths:
        print("no articles found", file=sys.stderr)
        return 2
    articles = [load(p) for p in paths]
    chars = sum(len(a.text) for a in articles)
    lexicon = Lexicon.default()
    analyze(articles[0], lexicon)  # warm the compiled patterns

    clock = time.process_time if args.cpu else time.perf_counter

    def timed(fn, before=lambda: None) -> float:
        best = float("inf")
        for _ in range(args.repeat):
            before()
            gc.collect()
            t0 = clock()
            fn()
            best = min(best, clock() - t0)
        return best

    engine_s = timed(lambda: [analyze(a, lexicon) for a in articles],
                     forget_memos if args.fresh_memos else lambda: None)
    regex_s = timed(lambda: [BASELINE.findall(a.text) for a in articles])
    quotes = sum(len(analyze(a, lexicon).quotes) for a in articles)
    e_rate, r_rate = chars / engine_s, chars / regex_s
    print(f"articles: {len(articles)}   characters: {chars:,}   quotes found: {quotes:,}")
    print(f"clock: {'CPU time of this process' if args.cpu else 'wall clock'}, best of {args.repeat}"
          + (", memos forgotten before each run" if args.fresh_memos else ""))
    print(f"engine (analyze)     {engine_s:7.3f} s   {e_rate / 1e6:6.2f} M chars/s")
    print(f"bare regex scan      {regex_s:7.3f} s   {r_rate / 1e6:6.2f} M chars/s")
    print(f"engine / regex time  {engine_s / regex_s:6.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

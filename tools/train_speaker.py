"""Fit the speaker scorer of the quote engine (``reader/engine/rerank.py``) on PolNeAR train.

    python tools/train_speaker.py [--gold DIR] [--folds 5] [--write]

For every quotation the engine finds that matches a gold quote with a Source, the candidate
speakers (the sieve's choice and the alternatives) are listed with their features; a candidate is
right when its span overlaps the gold Source. A conditional logistic model (one softmax over the
candidates of a quote) is fitted by a fixed number of passes of Adagrad in a fixed order, so the
result is the same on every run. ``--folds K`` reports K-fold cross-validation by article (the
sieve's choice against the model's); ``--write`` fits on every article and writes the weights to
``reader/engine/data/speaker_weights.tsv``. Never give it the dev split.
"""

from __future__ import annotations

import argparse
import glob
import math
import os
import sys
from pathlib import Path

MARGIN = "__margin__"
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _score_module(gold_dir: Path):
    sys.path.insert(0, str(gold_dir.parent.parent))
    import score  # the evaluation's own gold derivation and matching

    return score


def collect(gold_dir: Path):
    """One item per matched quote the scorer is fitted on: (article, [feature lists], [right?],
    sieve index or None, (quote span, candidate spans, gold Source spans, scored at run time?))."""
    from reader.engine import _attribute, _is_term, rerank
    from reader.engine.lexicon import Lexicon
    from reader.loaders import load

    score = _score_module(gold_dir)
    files, _ = score.load_gold_dir(str(gold_dir))
    lex = Lexicon.default()
    items = []
    for name, (tpath, apath) in sorted(files.items()):
        gold = score.build_gold(name, score.read_text(tpath), score.read_text(apath))
        doc, frames, _ = _attribute(load(tpath), lex, rerank_model=None)
        text = doc.text
        shown = [f for f in frames if not (_is_term(doc, f) and (f.mention is None or _is_term(doc, f) == "no words"))]
        pairs = score.greedy_match([g.trimmed for g in gold.quotes],
                                   [score.trim_span(text, f.seg.start, f.seg.end) for f in shown], score.span_iou)
        counts = rerank.speaker_counts(doc, frames)
        for gi, si, _ in pairs:
            g, f = gold.quotes[gi], shown[si]
            if not g.sources or f.rule not in rerank.TRAINED_RULES or not rerank.contested(doc, f):
                continue
            cands = rerank.candidates(doc, f, frames)
            feats = rerank.features(doc, f, cands, counts)
            right = [any(score.spans_overlap((c.mention.start, c.mention.end), s) for s in g.sources) for c in cands]
            sieve = next((i for i, c in enumerate(cands) if "sieve" in c.tags), None)
            items.append((name, feats, right, sieve, ((f.seg.start, f.seg.end), [(c.mention.start, c.mention.end) for c in cands],
                                                      g.sources, f.rule in rerank.SCORED_RULES)))
    return items


def fit(items, epochs: int = 15, rate: float = 0.03, l2: float = 1e-3, min_count: int = 1) -> dict:
    """Conditional logit over each quote's candidates, Adagrad, fixed order. Features seen in
    fewer than ``min_count`` quotes are left out."""
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    train = [(feats, right) for _, feats, right, _, _ in items if any(right) and not all(right) and len(feats) > 1]
    if min_count > 1:
        seen: dict[str, int] = {}
        for feats, _ in train:
            for x in {x for fs in feats for x in fs}:
                seen[x] = seen.get(x, 0) + 1
        train = [([[x for x in fs if seen[x] >= min_count] for fs in feats], right) for feats, right in train]
    for _ in range(epochs):
        for feats, right in train:
            scores = [sum(w.get(x, 0.0) for x in fs) for fs in feats]
            top = max(scores)
            ps = [math.exp(s - top) for s in scores]
            z = sum(ps)
            ps = [p / z for p in ps]
            zc = sum(p for p, r in zip(ps, right) if r)
            grad: dict[str, float] = {}
            for fs, p, r in zip(feats, ps, right):
                coef = p - (p / zc if r else 0.0)
                if coef == 0.0:
                    continue
                for x in fs:
                    grad[x] = grad.get(x, 0.0) + coef
            for x, gx in grad.items():
                wx = w.get(x, 0.0)
                gx += l2 * wx
                acc = g2.get(x, 0.0) + gx * gx
                g2[x] = acc
                w[x] = wx - rate * gx / math.sqrt(acc + 1e-12)
    return {x: v for x, v in w.items() if abs(v) > 1e-4}


def choose(w: dict, feats, sieve=None, margin: float = 0.0) -> int:
    best, best_s = 0, None
    scores = [sum(w.get(x, 0.0) for x in fs) for fs in feats]
    for i, s in enumerate(scores):
        if best_s is None or s > best_s + 1e-12:
            best, best_s = i, s
    if sieve is not None and best_s - scores[sieve] <= margin:
        return sieve
    return best


def evaluate(w: dict, items, margin: float) -> tuple[int, int, int]:
    """(quotes, right by the sieves, right by the model)."""
    n = by_sieve = by_model = 0
    for _, feats, right, sieve, meta in items:
        if not meta[3]:
            continue  # fitted on, not scored at run time
        n += 1
        by_sieve += sieve is not None and right[sieve]
        by_model += bool(feats) and right[choose(w, feats, sieve, margin)]
    return n, by_sieve, by_model


def _write_fold(out, gold_dir: Path, weights: dict, names: set) -> None:
    from reader.engine import _assemble, _attribute
    from reader.engine.lexicon import Lexicon
    from reader.export import _json, to_record
    from reader.loaders import load

    lex = Lexicon.default()
    for name in sorted(names):
        article = load(str(gold_dir / "text" / f"{name}.txt"))
        analysis = _assemble(article, *_attribute(article, lex, rerank_model=weights))
        out.write(_json(to_record(analysis)) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=str(HERE.parent.parent.parent / "shared" / "eval" / "polnear" / "train"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--rate", type=float, default=0.03)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--margin", type=float, default=1.0,
                    help="the model overrides the sieve's choice only when it scores this much higher")
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--cv-jsonl", metavar="PATH",
                    help="write the analyses of every article, each by the model fitted without its fold "
                         "(score them with score.py for cross-validated numbers)")
    args = ap.parse_args(argv)
    gold = Path(args.gold)
    if gold.name == "dev":
        print("refusing to fit on dev", file=sys.stderr)
        return 2
    items = collect(gold)
    names = sorted(os.path.basename(p)[:-4] for p in glob.glob(str(gold / "text" / "*.txt")))
    fold_of = {name: i % args.folds for i, name in enumerate(names)} if args.folds > 1 else {}
    tot = [0, 0, 0]
    out = open(args.cv_jsonl, "w", encoding="utf-8") if args.cv_jsonl else None
    for k in range(args.folds if args.folds > 1 else 0):
        w = fit([it for it in items if fold_of[it[0]] != k], args.epochs, args.rate, args.l2, args.min_count)
        w[MARGIN] = args.margin
        n, s, m = evaluate(w, [it for it in items if fold_of[it[0]] == k], args.margin)
        if out is not None:
            _write_fold(out, gold, w, {name for name, f in fold_of.items() if f == k})
        tot = [tot[0] + n, tot[1] + s, tot[2] + m]
        print(f"fold {k}: {n} quotes  sieves {s / n:.4f}  model {m / n:.4f}  ({m - s:+d})")
    if out is not None:
        out.close()
    if tot[0]:
        print(f"cv: {tot[0]} quotes  sieves {tot[1] / tot[0]:.4f}  model {tot[2] / tot[0]:.4f}  ({tot[2] - tot[1]:+d})")
    if args.write:
        w = fit(items, args.epochs, args.rate, args.l2, args.min_count)
        w[MARGIN] = args.margin
        from reader.engine.rerank import WEIGHTS_PATH, write_weights

        write_weights(w, WEIGHTS_PATH)
        print(f"wrote {len(w)} weights to {os.path.relpath(WEIGHTS_PATH)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Deterministic big articles for the benchmarks.

    python bench/bigtext.py OUT.txt [--megabytes 10] [--synthetic]

``polnear_article`` joins the PolNeAR training articles (sorted by name, repeated as often as
needed) into one article of the requested size: real news prose with real quotations, one long
book-length text. ``synthetic_article`` writes generated paragraphs with two quotations each
and fifty speakers, for machines without the corpus (and for exact quote counts).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

HEADLINE = "A book-length article made of many news stories"
# The first body paragraph: short, so it is on one screen line at any pane width the
# benchmarks use, and its words appear in the terminal output once the body is painted.
FIRST_PARAGRAPH = "Readers start here."


def polnear_dir() -> Path | None:
    env = os.environ.get("READER_BENCH_DIR")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent
    for base in (here.parent, here.parent.parent, Path("/work")):
        candidate = base / "shared" / "eval" / "polnear" / "train" / "text"
        if candidate.is_dir():
            return candidate
    return None


def polnear_article(target_bytes: int, folder: Path | None = None) -> str:
    """About ``target_bytes`` of PolNeAR articles in one article (ValueError without the corpus)."""
    folder = folder or polnear_dir()
    files = sorted(folder.glob("*.txt")) if folder else []
    if not files:
        raise ValueError("PolNeAR training articles not found (set READER_BENCH_DIR)")
    parts = [HEADLINE, FIRST_PARAGRAPH]
    size = sum(len(p.encode()) + 2 for p in parts)
    index = 0
    while size < target_bytes:
        text = files[index % len(files)].read_text(encoding="utf-8").strip()
        parts.append(text)
        size += len(text.encode()) + 2
        index += 1
    return "\n\n".join(parts) + "\n"


def synthetic_paragraph(i: int, names: list[str]) -> str:
    a, b = names[i % len(names)], names[(i * 7 + 3) % len(names)]
    return (
        f"“Quote number {2 * i + 1} says something notable about policy and people,” said {a}. "
        f"Later, {b} added: “Quote number {2 * i + 2} disagrees, at some length, with that.”"
    )


def synthetic_article(*, quotes: int | None = None, target_bytes: int | None = None) -> str:
    """Generated paragraphs of two direct quotations each, fifty speakers.

    Give ``quotes`` for an exact number of quotations, or ``target_bytes`` for a size.
    """
    names = [f"Speaker{n} Person{n}" for n in range(50)]
    parts = [HEADLINE, FIRST_PARAGRAPH]
    if quotes is not None:
        parts.extend(synthetic_paragraph(i, names) for i in range(quotes // 2))
    else:
        assert target_bytes is not None
        size, i = 0, 0
        while size < target_bytes:
            parts.append(synthetic_paragraph(i, names))
            size += len(parts[-1].encode()) + 2
            i += 1
    return "\n\n".join(parts) + "\n"


def big_article(target_bytes: int, synthetic: bool = False) -> tuple[str, str]:
    """(text, description): PolNeAR when it is there (unless ``synthetic``), else generated."""
    if not synthetic:
        try:
            return polnear_article(target_bytes), "PolNeAR train articles joined"
        except ValueError:
            pass
    return synthetic_article(target_bytes=target_bytes), "synthetic paragraphs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--synthetic", action="store_true")
    args = parser.parse_args()
    text, what = big_article(int(args.megabytes * 1_000_000), args.synthetic)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(text.encode()):,} bytes ({what})")


if __name__ == "__main__":
    main()

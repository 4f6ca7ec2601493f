"""Key press to result, on an article with 10,000+ quotes, in a real pty.

    .venv/bin/python bench/tui_keys.py [--quotes 10000] [--presses 100]

Generates an article (``bigtext.synthetic_article``: two quotes per paragraph, fifty speakers),
starts the real ``reader`` command on it in a 120x40 pseudo-terminal, waits until the analysis
has filled the lists, then for each key press measures the time from writing the key to the
screen showing its result:

- selecting: ``n`` / ``p`` from anywhere, ``j`` / ``k`` in the quote list, ``G`` / ``g`` (jumps
  over the whole list), a mouse click on a row of the list: until the status line names the newly
  selected quote (painted in the same frame as the body highlight);
- searching: ``/`` then a word typed key by key: until the status line shows the search typed
  so far (the list is filtered and the first match selected in that frame);
- scrolling the article: ``space`` / ``b`` (a page down / up) in the body: until the paragraph
  after (before) the ones on screen is painted.

Target: every key under 50 ms.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from bigtext import synthetic_article
from tui_pty import Pty, reader_command

STATUS = re.compile(r"quote (\d+) of (\d+)")
# (the quote list shows only "Quote number N says…": "something" is in the article pane only)
OPENING = re.compile(r"Quote number (\d+) says something")
SEARCHES = ("number 12", "notable", "speaker7", "disagrees", "quote number 9999")


def summary(name: str, values: list[float]) -> str:
    values = sorted(v * 1000 for v in values)
    p95 = values[max(0, int(len(values) * 0.95) - 1)]
    return (f"{name:<22} median {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms   "
            f"max {values[-1]:6.1f} ms   ({len(values)} presses)")


def click(row: int, col: int) -> str:
    """An SGR mouse click (press and release) at 1-based ``row``, ``col``."""
    return f"\x1b[<0;{col};{row}M\x1b[<0;{col};{row}m"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=10000)
    parser.add_argument("--presses", type=int, default=100)
    args = parser.parse_args()
    total = args.quotes
    path = Path(tempfile.mkdtemp()) / "many-quotes.txt"
    path.write_text(synthetic_article(quotes=total), encoding="utf-8")
    pty = Pty(reader_command() + [str(path)])
    try:
        ready = pty.wait(lambda: f"{total} quotes" in pty.screen.display[-2], timeout=120)
        print(f"article: {path.stat().st_size:,} bytes, {total:,} quotes; "
              f"lists filled {ready:.2f} s after start")
        results: dict[str, list[float]] = {}
        pty.feed_screen = False

        def settle() -> None:
            time.sleep(0.03)  # let the previous frame settle
            pty.pump()

        def press(name: str, key: str, needle: str) -> None:
            settle()
            since = len(pty.raw)
            start = time.perf_counter()
            pty.child.send(key)
            pty.wait_raw(needle.encode(), since, timeout=10)
            results.setdefault(name, []).append(time.perf_counter() - start)

        fed = 0

        def quiet() -> None:
            """Read output until the app has written nothing for 0.2 s."""
            last = time.perf_counter()
            while time.perf_counter() - last < 0.2:
                size = len(pty.raw)
                pty.pump(0.01)
                if len(pty.raw) != size:
                    last = time.perf_counter()

        def visible_paragraphs() -> list[int]:
            """Numbers of the paragraph-opening quotes on screen (pyte fed outside the timing)."""
            nonlocal fed
            quiet()  # the rest of the last frame
            pty.stream.feed(bytes(pty.raw[fed:]))
            fed = len(pty.raw)
            body = "\n".join(line[30:78] for line in pty.screen.display)  # the article pane
            return [int(n) for n in OPENING.findall(body)]

        current = 0
        for _ in range(args.presses):
            current += 1
            press("n (next)", "n", f"quote {current} of {total}")
        for _ in range(args.presses // 2):
            current -= 1
            press("p (previous)", "p", f"quote {current} of {total}")
        for _ in range(args.presses // 2):  # the quote list has the focus
            current += 1
            press("j (list down)", "j", f"quote {current} of {total}")
        for _ in range(args.presses // 4):
            current -= 1
            press("k (list up)", "k", f"quote {current} of {total}")
        for _ in range(10):
            press("G (last)", "G", f"quote {total} of {total}")
            press("g (first)", "g", f"quote 1 of {total}")
        # At the top of the list, screen row r (1-based: header, border, then rows) is quote r-2.
        for i in range(20):
            row = 5 + i % 2
            press("click in the list", click(row, 100), f"quote {row - 2} of {total}")
        for word in SEARCHES:
            press("/ (open search)", "/", "earch quotes")  # "s" is under the cursor
            typed = ""
            for char in word:
                typed += char
                if char == " ":  # the status line shows the search without trailing spaces
                    pty.child.send(char)
                    quiet()
                    continue
                press("typing a search", char, f"search: {typed}")
            settle()
            pty.child.send("\x1b")  # escape: clear the search
            quiet()
        pty.child.send("\t\tg")  # quotes → speakers → article, and its top
        quiet()
        # A page down shows the paragraph after the last one on screen (a paragraph is a few
        # lines), a page up the one before the first.
        for _ in range(args.presses // 2):
            shown = visible_paragraphs()
            press("space (article page)", " ", f"Quote number {max(shown) + 2} says something")
        for _ in range(args.presses // 4):
            shown = visible_paragraphs()
            press("b (article page up)", "b", f"Quote number {min(shown) - 2} says something")
        for name, values in results.items():
            print(summary(name, values))
    finally:
        pty.close()


if __name__ == "__main__":
    main()

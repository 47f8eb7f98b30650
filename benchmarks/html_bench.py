"""The HTML path against trafilatura alone, on the real pages of ../shared/pages-dev.

    python benchmarks/html_bench.py [--rounds N]

Quality, with the metric of ../shared/tools/score_cleaning.py (body word 4-gram
shingles, per-page P and R averaged, titles equal after folding):
- clean_html_page (trafilatura, then explicit furniture removed, declared headline);
- trafilatura alone: ``trafilatura.extract`` with its defaults and its own title.

Speed: both timed in this process on the same decoded pages, in alternating rounds
so that load from other processes falls on both alike; the figure that matters is
the ratio (target: clean_html_page at least 0.8x trafilatura's own speed). Two
references are printed: ``extract`` with its defaults (text only), and
``bare_extraction`` with metadata (the title, date and site an article needs).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from pages_dev import pages, score
from shared_data import PAGES_DEV

from reader.ingest.decode import read_text
from reader.ingest.errors import SkippedFile
from reader.ingest.html_page import clean_html_page
from reader.model import Article


def ours(path: Path) -> list[Article]:
    try:
        return clean_html_page(read_text(path), str(path))
    except SkippedFile:
        return []


def trafilatura_alone(path: Path) -> list[Article]:
    document = trafilatura.bare_extraction(read_text(path), with_metadata=True, include_comments=True)
    if not isinstance(document, trafilatura.settings.Document) or not document.text:
        return []
    return [Article(path=str(path), title=document.title or "", body=document.text)]


def timed_rounds(
    runners: dict[str, Callable[[str], object]], texts: list[str], rounds: int
) -> dict[str, float]:
    """Seconds per runner over all texts, summed over alternating rounds. A first,
    untimed round pays the one-off costs (imports, compiled patterns, jusText's stop
    lists) whichever runner meets them first."""
    totals = dict.fromkeys(runners, 0.0)
    for round_number in range(rounds + 1):
        for name, run in runners.items():
            start = time.perf_counter()
            for text in texts:
                run(text)
            if round_number:
                totals[name] += time.perf_counter() - start
    return totals


def _clean(text: str) -> object:
    try:
        return clean_html_page(text, "page.html")
    except SkippedFile:
        return None


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not PAGES_DEV.exists():
        print(f"no pages at {PAGES_DEV}", file=sys.stderr)
        return 2
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, clean in (("clean_html_page", ours), ("trafilatura alone", trafilatura_alone)):
        s = score("html", clean)
        print(
            f"{name:18s} F1 {s.f1:.3f}  P {s.precision:.3f}  R {s.recall:.3f}  titles {s.titles_right}/{s.pages}"
            f"  empty {s.empty}  split {s.split}"
        )
    texts = [read_text(page.path) for page in pages("html")]
    runners: dict[str, Callable[[str], object]] = {
        "clean_html_page": _clean,
        "trafilatura.extract": trafilatura.extract,
        "bare_extraction+metadata": lambda text: trafilatura.bare_extraction(text, with_metadata=True),
    }
    totals = timed_rounds(runners, texts, args.rounds)
    pages_timed = len(texts) * args.rounds
    for name, seconds in totals.items():
        ratio = seconds / totals["clean_html_page"]
        print(
            f"{name:26s} {pages_timed / seconds:6.1f} pages/s   clean_html_page runs at {ratio:.2f}x its speed"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How well split_stories finds story boundaries, and how often it splits single articles.

Prints figures for:
- seed 003 against its hand-made gold (tests/data/digest_003_gold.json);
- single articles of the corpus (18,495 Reuters 1987 / BBC 2004-5 bodies), as they
  are (multi-sentence paragraphs) and re-cut one sentence per paragraph, the way
  many scraped pages put one sentence per line; any split there is a false split;
- synthetic digests: the bodies of several random corpus articles concatenated
  without titles, drawn from one section (similar topics) or from anywhere (mixed),
  in both paragraph styles; boundary precision and recall, exact and within one
  paragraph.

Usage: python benchmarks/stories_eval.py [--digests N] [--seed S] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from reader.ingest.stories import split_stories

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from shared_data import CORPUS  # noqa: E402  (one place says where ../shared is)

GOLD = REPO / "tests" / "data" / "digest_003_gold.json"

_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘']?[A-Z])")


def paragraphs_of(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n\n") if p.strip()]


def one_sentence_per_line(paragraphs: list[str]) -> list[str]:
    return [s for p in paragraphs for s in _SENTENCE.split(p) if s.strip()]


def seed_003() -> tuple[list[str], list[int]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    lines = (REPO / gold["seed"]).read_text(encoding="utf-8").split("\n")
    skip = set(gold["caption_lines"])
    paragraphs = [
        line.strip()
        for number, line in enumerate(lines[: gold["body_last_line"]], 1)
        if line.strip() and number not in skip
    ]
    return paragraphs, [story["paragraph"] for story in gold["stories"]]


def boundary_counts(predicted: list[int], truth: list[int]) -> dict[str, int]:
    """Counts for boundaries other than the trivial one at 0."""
    p = [i for i in predicted if i]
    t = [i for i in truth if i]
    return {
        "predicted": len(p),
        "true": len(t),
        "hit_exact": sum(1 for i in t if i in p),
        "hit_near": sum(1 for i in t if any(abs(i - j) <= 1 for j in p)),
        "good_exact": sum(1 for j in p if j in t),
        "good_near": sum(1 for j in p if any(abs(i - j) <= 1 for i in t)),
    }


def report_boundaries(name: str, totals: dict[str, int], pages: int, whole: int) -> None:
    def ratio(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "n/a"

    print(
        f"{name:<34} pages={pages:<5} boundaries={totals['true']:<5} predicted={totals['predicted']:<5}"
        f" P={ratio(totals['good_exact'], totals['predicted'])}"
        f" R={ratio(totals['hit_exact'], totals['true'])}"
        f" P±1={ratio(totals['good_near'], totals['predicted'])}"
        f" R±1={ratio(totals['hit_near'], totals['true'])}"
        f" left-whole={whole}"
    )


def make_digest(articles: list[list[str]]) -> tuple[list[str], list[int]]:
    paragraphs: list[str] = []
    starts: list[int] = []
    for article in articles:
        starts.append(len(paragraphs))
        paragraphs.extend(article)
    return paragraphs, starts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digests", type=int, default=300, help="synthetic digests per kind")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=int, default=0, help="single articles to test (0 = all)")
    args = parser.parse_args(argv)

    paragraphs, truth = seed_003()
    started = time.perf_counter()
    predicted = split_stories(paragraphs)
    elapsed = time.perf_counter() - started
    counts = boundary_counts(predicted, truth)
    report_boundaries("seed 003 (hand gold)", counts, 1, 0)
    print(f"  stories: gold {len(truth)}, found {len(predicted)}; {elapsed * 1000:.0f} ms")

    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}; skipping corpus figures", file=sys.stderr)
        return 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    rng = random.Random(args.seed)
    if args.limit:
        records = rng.sample(records, min(args.limit, len(records)))

    # Single articles: every split is a false split.
    for style, cut in (("paragraphs", lambda ps: ps), ("one sentence per line", one_sentence_per_line)):
        started = time.perf_counter()
        split = []
        for record in records:
            body = cut(paragraphs_of(record["body"]))
            if len(split_stories(body)) > 1:
                split.append((record["id"], record["source"], len(body)))
        elapsed = time.perf_counter() - started
        print(
            f"single articles, {style:<22} false splits {len(split)}/{len(records)}"
            f" ({elapsed / len(records) * 1000:.2f} ms/article)"
        )
        for item in split[:10]:
            print("   ", *item)

    # Synthetic digests.
    by_section: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    usable: list[list[str]] = []
    for record in records:
        body = paragraphs_of(record["body"])
        if len(body) >= 3:
            by_section[(record["source"], record["section"])].append(body)
            usable.append(body)
    sections = [key for key, bodies in by_section.items() if len(bodies) >= 10]
    for style, cut in (("paragraphs", lambda ps: ps), ("one sentence per line", one_sentence_per_line)):
        for kind in ("same section", "mixed"):
            totals = dict.fromkeys(
                ("predicted", "true", "hit_exact", "hit_near", "good_exact", "good_near"), 0
            )
            whole = 0
            for _ in range(args.digests):
                k = rng.randint(3, 8)
                pool = by_section[rng.choice(sections)] if kind == "same section" else usable
                articles = [cut(body) for body in rng.sample(pool, min(k, len(pool)))]
                digest, starts = make_digest(articles)
                predicted = split_stories(digest)
                whole += predicted == [0]
                for key, value in boundary_counts(predicted, starts).items():
                    totals[key] += value
            report_boundaries(f"digests, {kind}, {style}", totals, args.digests, whole)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

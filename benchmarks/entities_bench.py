"""Speed of ``reader.entities.extract`` over the news corpus, in one process.

    python benchmarks/entities_bench.py [CORPUS] [--limit N]

Prints articles per second and characters per second, by wall clock and by this
process's CPU time, after a warm-up that loads the gazetteers: first for the bodies
alone (what ``add`` extracts: the indexer keeps entities of bodies), then for titles
and bodies extracted separately.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from reader.entities import extract

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from shared_data import CORPUS

DEFAULT_CORPUS = CORPUS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    args = parser.parse_args()
    articles = []
    with gzip.open(args.corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            articles.append((record.get("title") or "", record.get("body") or ""))
            if args.limit and len(articles) >= args.limit:
                break
    started = time.perf_counter()
    extract("Warm-up: President Vladimir Putin met John Kerry in Moscow.")
    warm_up = time.perf_counter() - started
    print(f"gazetteer load + first call: {warm_up:.2f} s")
    _measure("bodies", articles, [(body,) for _, body in articles])
    _measure("titles and bodies", articles, articles)


def _measure(what: str, articles: list[tuple[str, str]], texts: list[tuple[str, ...]]) -> None:
    chars = sum(len(text) for group in texts for text in group)
    mentions = 0
    started = time.perf_counter()
    cpu_started = time.process_time()
    for group in texts:
        for text in group:
            mentions += len(extract(text))
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(f"{what}: articles: {len(articles)}  characters: {chars:,}  mentions: {mentions:,}")
    print(
        f"  wall: {elapsed:.2f} s  ->  {len(articles) / elapsed:,.0f} articles/s, {chars / elapsed:,.0f} chars/s"
    )
    # CPU time of this process: steadier than the wall clock when other jobs share the machine.
    print(f"  cpu:  {cpu:.2f} s  ->  {len(articles) / cpu:,.0f} articles/s, {chars / cpu:,.0f} chars/s")


if __name__ == "__main__":
    main()

"""Quote finding on the corpus: its cost beside the rest of ingest, and a sample of
attributed quotes for a reader to judge.

    python benchmarks/quotes_bench.py [CORPUS] [--limit N] [--sample 50] [--seed 15]
    python benchmarks/quotes_bench.py --library PATH   # `quotes PERSON` on a built library

Ingest is timed as ``add`` does it in a worker, stage by stage in this one process
(CPU time, steadier than the wall clock on a shared machine): reading the JSON
Lines, finding entities, building the index segment, and finding the quotes. The
last line of the figures is what quote finding adds to the rest.

With ``--library`` (a library holding the corpus: ``news-reader --library PATH add
CORPUS``) it times ``Library.quotes_of`` for the 20 most quoted people, what
``news-reader quotes PERSON`` runs after opening the library.

The sample is drawn from the statements (quotes that are not fragments) given to a
named speaker; each is printed with the text before it, the quote in [[ ]], and the
speaker the finder chose. Judge them by reading.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import textwrap
import time
from collections import Counter
from pathlib import Path

from reader.ingest.jsonl import iter_jsonl
from reader.library.index import build_segment
from reader.library.pipeline import extract_many
from reader.library.records import StoredArticle
from reader.quotes import find_quotes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from shared_data import CORPUS

BATCH = 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    parser.add_argument("--sample", type=int, default=50, help="attributed quotes to print")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--library", type=Path, help="time quotes PERSON on this library instead")
    args = parser.parse_args()
    if args.library:
        time_queries(args.library)
        return

    cpu: Counter[str] = Counter()
    started = time.process_time()
    articles = []
    for article in iter_jsonl(args.corpus):
        articles.append(article)
        if args.limit and len(articles) >= args.limit:
            break
    cpu["read"] = time.process_time() - started

    stored: list[StoredArticle] = []
    with tempfile.TemporaryDirectory() as staging_root:
        for first in range(0, len(articles), BATCH):
            batch = articles[first : first + BATCH]
            started = time.process_time()
            spans, _ = extract_many([(a.title, a.body) for a in batch])
            cpu["entities"] += time.process_time() - started

            started = time.process_time()
            found = [find_quotes(a.body, s) for a, s in zip(batch, spans)]
            cpu["quotes"] += time.process_time() - started

            chunk = [
                StoredArticle(str(first + i), a, tuple(s), tuple(q))
                for i, (a, s, q) in enumerate(zip(batch, spans, found))
            ]
            started = time.process_time()
            build_segment(Path(tempfile.mkdtemp(dir=staging_root)), chunk)
            cpu["index"] += time.process_time() - started
            stored += chunk

    kinds: Counter[str] = Counter()
    for article in stored:
        for quote in article.quotes:
            kinds["fragments" if quote.partial else "statements"] += 1
            if not quote.partial and article.speaker(quote) is not None:
                kinds["statements with a named speaker"] += 1
    total = sum(len(a.quotes) for a in stored)
    rest = cpu["read"] + cpu["entities"] + cpu["index"]
    print(
        f"articles: {len(stored):,}  quotes: {total:,}  " + "  ".join(f"{k}: {v:,}" for k, v in kinds.items())
    )
    for stage in ("read", "entities", "index", "quotes"):
        print(f"{stage:>9}: {cpu[stage]:7.2f} s cpu  {1000 * cpu[stage] / len(stored):6.3f} ms/article")
    print(
        f"quote finding: {total / cpu['quotes']:,.0f} quotes/s, {len(stored) / cpu['quotes']:,.0f} articles/s; "
        f"adds {100 * cpu['quotes'] / rest:.1f} % to reading, entities and indexing ({rest:.1f} s)"
    )
    print_sample(stored, args.sample, args.seed)


def time_queries(folder: Path) -> None:
    from reader.library import Library

    started = time.perf_counter()
    library = Library.open(folder)
    opened = time.perf_counter() - started
    people = [p.name for p in library.quoted_people(limit=20)]
    timings = []
    for name in people:
        surname = name.split()[-1]
        started = time.perf_counter()
        found = library.quotes_of(surname)
        timings.append((time.perf_counter() - started, surname, len(found.quotes)))
    timings.sort()
    print(f"library opened in {opened:.2f} s ({library.store.article_count():,} articles)")
    median = timings[len(timings) // 2][0]
    print(
        f"quotes_of for the 20 most quoted people, by surname: median {1000 * median:.0f} ms, max {1000 * timings[-1][0]:.0f} ms"
    )
    for seconds, surname, count in timings[-3:]:
        print(f"  {surname}: {count} quotes in {1000 * seconds:.0f} ms")
    library.close()


def print_sample(stored: list[StoredArticle], size: int, seed: int) -> None:
    attributed = [
        (article, quote)
        for article in stored
        for quote in article.quotes
        if not quote.partial and article.speaker(quote) is not None
    ]
    if not attributed or not size:
        return
    print(f"\n{size} of {len(attributed):,} statements with a named speaker (seed {seed}):")
    for number, (article, quote) in enumerate(random.Random(seed).sample(attributed, size), 1):
        body = article.article.body
        speaker = article.speaker(quote)
        assert speaker is not None
        before = body[max(0, quote.start - 700) : quote.start]
        after = body[quote.end : quote.end + 160]
        shown = (before + "[[" + body[quote.start : quote.end] + "]]" + after).replace("\n\n", " ¶ ")
        print(
            f"\n#{number} {speaker.name} ({speaker.label}, {quote.how}: {quote.cue!r}) · {article.article.source}"
        )
        print(textwrap.fill(shown, 120, initial_indent="  ", subsequent_indent="  "))


if __name__ == "__main__":
    main()

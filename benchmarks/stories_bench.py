"""Copies and stories: precision of copies (50 pairs printed for a reader to judge),
grouping time at 18,495 and 50,000 articles, an incremental add of 100 articles to
the 50k library, and loading a 30-article story.

    python benchmarks/stories_bench.py [--pairs 50] [--seed 1]

The 50,000 articles are the corpus plus reprints of its articles, made the way
outlets reprint wire stories: another outlet's name, a new headline, a paragraph
cut, a number changed, a day later. The reprints are known, so the copies found
among them give the recall. Articles are put in the store as ``add`` puts them
(cleaned, entities found); the Whoosh index is left out, it plays no part in
grouping. Figures depend on the load of the machine: it is printed with them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import logging
import os
import pickle
import random
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from shared_data import CORPUS  # noqa: E402

from reader.library import Library, StoredArticle  # noqa: E402
from reader.library import stories as story_store  # noqa: E402
from reader.library.people import refresh_canonical_names  # noqa: E402
from reader.library.pipeline import extract_many, quotes_version  # noqa: E402
from reader.library.records import EntitySpan, article_id  # noqa: E402
from reader.library.store import Store  # noqa: E402
from reader.library.story_queries import load_story  # noqa: E402
from reader.model import Article  # noqa: E402
from reader.quotes import Quote, find_quotes  # noqa: E402
from reader.stories.diff import word_differences  # noqa: E402
from reader.stories.story import outlet_of  # noqa: E402
from reader.stories.timeline import layout  # noqa: E402

CACHE = ROOT / "benchmarks" / ".cache" / "stories"
OUTLETS = ["Wire Daily", "Arab Today", "Albawaba", "Global Post", "Metro Times", "The Courier"]
_NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")


def load_corpus() -> list[Article]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        return [
            Article(
                path=f"corpus/{record['id']}",
                title=record["title"],
                body=record["body"],
                date=record.get("date"),
                source=record.get("source"),
            )
            for record in map(json.loads, handle)
        ]


def reprint(original: Article, number: int, rng: random.Random) -> Article:
    paragraphs = original.body.split("\n\n")
    if len(paragraphs) >= 4 and rng.random() < 0.6:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    body = "\n\n".join(paragraphs)
    numbers = list(_NUMBER.finditer(body))
    if numbers and rng.random() < 0.5:
        match = rng.choice(numbers)
        body = body[: match.start()] + str(int(float(match.group())) + 1) + body[match.end() :]
    date = original.date
    if date and rng.random() < 0.5:
        date = (datetime.fromisoformat(date) + timedelta(days=1)).isoformat(timespec="minutes")
    title = rng.choice(["UPDATE 1-", "Report: ", "", "WIRE: "]) + original.title.title()
    return replace(
        original, path=f"reprints/{number}", title=title, body=body, date=date, source=rng.choice(OUTLETS)
    )


def stored(articles: list[Article], name: str) -> list[StoredArticle]:
    """The articles with their entities and quotes, as add stores them; found once
    and kept in benchmarks/.cache (entity finding takes longer than everything
    measured here). Quotes are found again when the quote finder changes."""
    cache = CACHE / f"{name}.pickle"
    entities: list[tuple[EntitySpan, ...]] | None = None
    if cache.exists():
        version, found = pickle.loads(cache.read_bytes())
        if [a.article for a in found] == articles:
            if version == quotes_version():
                return found
            entities = [a.entities for a in found]
    chunks = [articles[i : i + 2000] for i in range(0, len(articles), 2000)]
    with ProcessPoolExecutor(2) as pool:
        if entities is None:
            results = pool.map(extract_many, [[(a.title, a.body) for a in chunk] for chunk in chunks])
            entities = [tuple(s) for result in results for s in result[0]]
        spans = [entities[i : i + 2000] for i in range(0, len(articles), 2000)]
        quotes = [q for found in pool.map(quotes_of, chunks, spans) for q in found]
    found = [
        StoredArticle(article_id(a.path, a.part), a, s, q) for a, s, q in zip(articles, entities, quotes)
    ]
    CACHE.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps((quotes_version(), found)))
    return found


def quotes_of(articles: list[Article], spans: list[tuple[EntitySpan, ...]]) -> list[tuple[Quote, ...]]:
    return [tuple(find_quotes(a.body, s)) for a, s in zip(articles, spans)]


def fill(store: Store, articles: list[StoredArticle]) -> None:
    by_path: dict[str, list[StoredArticle]] = {}
    for a in articles:
        by_path.setdefault(a.article.path, []).append(a)
    for path, group in by_path.items():
        store.add_articles(path, group, None, replace_old=False)
    refresh_canonical_names(store)


def timed_update(store: Store) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    story_store.update(store)
    return time.perf_counter() - wall, time.process_time() - cpu


def copy_pairs(store: Store) -> list[tuple[str, str]]:
    rows = store.db.execute(
        "SELECT x.article_id, y.article_id FROM story_links AS l JOIN story_articles AS x ON x.no = l.a "
        "JOIN story_articles AS y ON y.no = l.b WHERE l.copy = 1 ORDER BY x.article_id, y.article_id"
    )
    return list(rows)


def show_pair(number: int, left: Article, right: Article) -> None:
    print(f"\n--- pair {number}: {left.path} ({left.date}) | {right.path} ({right.date})")
    print(f"    {left.title[:90]}")
    print(f"    {right.title[:90]}")
    differences = word_differences(left.body, right.body)
    print(f"    {len(left.body.split())} / {len(right.body.split())} words, {len(differences)} differences:")
    for d in differences[:4]:
        print(
            f"      {d.kind}: {left.body[d.left_start : d.left_end][:70]!r} -> {right.body[d.right_start : d.right_end][:70]!r}"
        )


def _now_into(times: list[float]) -> None:
    times.append(time.perf_counter())


async def time_story_view(folder: Path, ref: str) -> tuple[float, float]:
    """Median time from asking for the Story view to its timeline on screen, and
    to its shared and unique passages, in the reader running headless."""
    from textual.worker import WorkerFailed

    from reader.tui.app import NewsReaderApp
    from reader.tui.screens.story import StoryScreen
    from reader.tui.service import LibraryService

    class StoreOnly(LibraryService):
        """The library of the benchmark's store, without a search index (the Story
        view uses none; building one for 50,000 articles would take minutes)."""

        def open(self, progress=None, on_wait=None) -> Library:
            if self._library is None:
                self._library = Library(folder)
            return self._library

    # The search list fails for want of an index; its failure log is not a figure.
    logging.getLogger("news_reader").setLevel(logging.CRITICAL)
    app = NewsReaderApp(folder, service=StoreOnly(folder))
    opened, covered = [], []
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.service.ready:
            await pilot.pause(0.05)
        with contextlib.suppress(WorkerFailed):  # the search screen's list: this library has no index
            await app.workers.wait_for_complete()
        for _ in range(7):
            started = time.perf_counter()
            app.open_story(ref)
            while not (isinstance(app.screen, StoryScreen) and app.screen.timeline is not None):
                await asyncio.sleep(0.001)
            painted: list[float] = []
            # Runs once the screen has refreshed with the timeline: it is on screen.
            app.screen.call_after_refresh(partial(_now_into, painted))
            while not painted:
                await asyncio.sleep(0.001)
            opened.append(painted[0] - started)
            while app.screen.coverage is None:
                await asyncio.sleep(0.001)
            covered.append(time.perf_counter() - started)
            app.pop_screen()
            await pilot.pause()
    return sorted(opened)[3], sorted(covered)[3]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pairs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    corpus = load_corpus()
    originals = stored(corpus, "corpus")
    folder = Path(tempfile.mkdtemp(prefix="stories-bench-"))
    try:
        # 1. The corpus alone: real copies, judged by reading.
        store = Store(folder / "corpus.sqlite3")
        fill(store, originals)
        wall, cpu = timed_update(store)
        print(f"\ngrouping {len(originals):,} articles from scratch: {wall:.1f} s wall, {cpu:.1f} s CPU")
        pairs = copy_pairs(store)
        by_id = {a.id: a.article for a in originals}
        print(f"copy pairs found in the corpus: {len(pairs)}; a sample of {args.pairs} to judge by reading:")
        for number, (a, b) in enumerate(sorted(rng.sample(pairs, min(args.pairs, len(pairs)))), start=1):
            show_pair(number, by_id[a], by_id[b])
        store.close()

        # 2. 50,000: the corpus and reprints.
        sources = [rng.choice(corpus) for _ in range(50_000 - len(corpus) + 100)]
        extra = stored(
            [reprint(original, n, rng) for n, original in enumerate(sources)], f"reprints-{args.seed}"
        )
        late, extra = extra[-100:], extra[:-100]
        planted = {a.id: article_id(o.path, 0) for a, o in zip(extra, sources)}
        library_folder = folder / "library"
        library_folder.mkdir()
        store = Store(library_folder / "library.sqlite3")
        fill(store, originals + extra)
        wall, cpu = timed_update(store)
        total = store.article_count()
        print(
            f"\ngrouping {total:,} articles from scratch: {wall:.1f} s wall "
            f"({cpu:.1f} s CPU in the main process, the rest in {story_store.WORKERS} workers)"
        )
        # The same work in one process, for the CPU time it takes in all.
        store.db.execute("INSERT OR IGNORE INTO story_queue SELECT id FROM articles")
        store.db.commit()
        parallel_from, story_store.PARALLEL_FROM = story_store.PARALLEL_FROM, 10**9
        wall, cpu = timed_update(store)
        story_store.PARALLEL_FROM = parallel_from
        print(f"the same in one process: {wall:.1f} s wall, {cpu:.1f} s CPU")
        groups = dict(store.db.execute("SELECT article_id, copy_group FROM story_articles"))
        found = sum(1 for r, o in planted.items() if groups.get(r) and groups.get(r) == groups.get(o))
        print(
            f"reprints found as copies of their original: {found:,} of {len(planted):,} ({found / len(planted):.1%})"
        )

        # 3. Adding 100 articles to it.
        fill(store, late)
        wall, cpu = timed_update(store)
        print(f"adding 100 articles to {total:,}: stories updated in {wall:.2f} s wall, {cpu:.2f} s CPU")

        # 4. Loading a story of about 30 articles (what the Story view asks the library for).
        sizes = store.db.execute("SELECT story, count(*) FROM story_articles GROUP BY story").fetchall()
        story, size = min(sizes, key=lambda s: (abs(s[1] - 30), s[0]))
        times = []
        for _ in range(10):
            started = time.perf_counter()
            loaded = load_story(store, story)
            layout([(a.id, outlet_of(a), a.article.date) for a in loaded.articles])
            times.append(time.perf_counter() - started)
        print(
            f"loading a story of {size} articles with its timeline: {sorted(times)[5] * 1000:.0f} ms median"
        )
        ref = min(loaded.articles, key=lambda a: a.id).id
        store.close()

        # 5. The Story view of that story, in the reader.
        opened, covered = asyncio.run(time_story_view(library_folder, ref))
        print(
            f"Story view of that story in the reader: timeline on screen in {opened * 1000:.0f} ms median, "
            f"what the outlets share and what only one has {covered * 1000:.0f} ms"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

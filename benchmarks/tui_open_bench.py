"""How long the reader takes to open a 10,000-word article with every highlight on.

The article is real news text (Reuters bodies from the corpus, joined until 10,000
words) with its entities found by reader.entities and a query whose words occur
throughout. Prints milliseconds for:

- build: wrap the body, place every mark, paint the visible lines (the work of opening);
- open: from Enter on a search hit (``App.open_article``) until the article's lines
  have been painted, the loading worker included (the first run builds the reading
  screen; later ones reuse it, as the app does);
- scroll: painting a fresh screenful after a page-down (what scrolling costs);
- first results: from starting the app on a library of the seeds (already indexed)
  until the list of articles is on screen;
- loop lag: while typing a query (searches running in workers), how late the UI's
  event loop wakes up: the stall a key press could meet.

Run: /work/venv/bin/python benchmarks/tui_open_bench.py [--words 10000] [--size 120x36]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reader.entities import extract
from reader.library import EntitySpan, Library, SearchResults, StoredArticle
from reader.model import Article
from reader.tui.app import NewsReaderApp
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.article_view import ArticleView

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from shared_data import CORPUS

QUERY = "oil prices said"


def long_article(words: int) -> StoredArticle:
    paragraphs: list[str] = []
    count = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for paragraph in record["body"].split("\n\n"):
                paragraph = " ".join(paragraph.split())
                if paragraph:
                    paragraphs.append(paragraph)
                    count += len(paragraph.split())
            if count >= words:
                break
    body = "\n\n".join(paragraphs)
    mentions = extract(body)
    entities = tuple(EntitySpan(m.start, m.end, m.label, m.name, m.text) for m in mentions)
    article = Article(path="bench.txt", title="A 10,000-word benchmark article", body=body, source="bench")
    return StoredArticle(id="bench", article=article, entities=entities)


class BenchService:
    """Stands in for the library: hands out the one long article."""

    def __init__(self, stored: StoredArticle) -> None:
        self.stored = stored
        self.ready = True

    def open(self) -> None:
        return None

    def close(self) -> None:
        return None

    def search(self, request) -> SearchResults:
        return SearchResults(query=request.text, hits=(), total=0)

    def article(self, ref: str) -> StoredArticle:
        return self.stored


async def measure(stored: StoredArticle, size: tuple[int, int], runs: int) -> dict[str, list[float]]:
    app = NewsReaderApp(service=BenchService(stored))  # type: ignore[arg-type]
    timings: dict[str, list[float]] = {"build": [], "open": [], "scroll": []}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for _ in range(runs):
            started = time.perf_counter()
            app.open_article("bench", query=QUERY)  # as Enter on a search hit does
            await asyncio.sleep(0)
            while not isinstance(app.screen, ReadingScreen) or not app.screen.query(ArticleView):
                await asyncio.sleep(0.0005)
            screen = app.screen
            view = screen.query_one(ArticleView)
            # Painted: the compositor has asked the view for its lines (they are cached).
            while not len(view._strips):
                await asyncio.sleep(0.0005)
            timings["open"].append((time.perf_counter() - started) * 1000)
            await pilot.pause()

            started = time.perf_counter()
            screen.show_article(stored)
            for y in range(view.scrollable_content_region.height):
                view.render_line(y)
            timings["build"].append((time.perf_counter() - started) * 1000)

            started = time.perf_counter()
            view.scroll_to(y=view.scroll_offset.y + view.scrollable_content_region.height, immediate=True)
            for y in range(view.scrollable_content_region.height):
                view.render_line(y)
            timings["scroll"].append((time.perf_counter() - started) * 1000)
            app.pop_screen()
            await pilot.pause()
    return timings


async def first_results(library: Path, size: tuple[int, int]) -> float:
    started = time.perf_counter()
    app = NewsReaderApp(library)
    async with app.run_test(size=size):
        results = app.screen.query_one("#results")
        while not results.option_count:
            await asyncio.sleep(0.001)
        return (time.perf_counter() - started) * 1000


async def typing_lag(library: Path, size: tuple[int, int]) -> list[float]:
    """Type a query letter by letter (each pause starts a search in a worker) while a
    probe measures how late the UI's event loop wakes up: a late wake-up is a stall
    the user would feel as a key that shows late."""
    app = NewsReaderApp(library)
    lags: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.5)
        typing = True

        async def probe() -> None:
            while typing:
                started = time.perf_counter()
                await asyncio.sleep(0.005)
                lags.append((time.perf_counter() - started - 0.005) * 1000)

        task = asyncio.create_task(probe())
        for letter in "putin kerry moscow syria":
            await pilot.press("space" if letter == " " else letter)
            await asyncio.sleep(0.2)  # past the debounce: a search runs meanwhile
        typing = False
        await task
    return lags


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--size", default="120x36")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    stored = long_article(args.words)
    print(
        f"article: {len(stored.article.body.split()):,} words, {len(stored.article.body):,} chars, "
        f"{len(stored.entities):,} entity mentions; query {QUERY!r}; terminal {width}x{height}"
    )
    timings = asyncio.run(measure(stored, (width, height), args.runs))
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "library"
        Library.open(library).close()
        timings["first results"] = [asyncio.run(first_results(library, (width, height))) for _ in range(3)]
        timings["loop lag"] = asyncio.run(typing_lag(library, (width, height)))
    for name, values in timings.items():
        print(
            f"{name:>13}: median {statistics.median(values):6.1f} ms   max {max(values):6.1f} ms   ({len(values)} runs)"
        )


if __name__ == "__main__":
    main()

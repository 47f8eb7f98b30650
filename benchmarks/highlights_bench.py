"""Figures for highlights: sentence splitting speed, re-anchoring accuracy under the
edits a re-cleaned article goes through, store write/read speed, export speed.

    /work/venv/bin/python benchmarks/highlights_bench.py [--articles 2000] [--corpus PATH]

Re-anchoring cases (a random sentence of each article is the highlight):
  prepend      a paragraph is added at the top (a cleaner keeps a lead it dropped)
  drop_before  the paragraph before the quote's paragraph is removed
  straighten   curly quotes become straight and spaces double (another decoder)
  decoy        a copy of the quote is added in a new first paragraph: the original
               place must win by its context
  removed      the quote's sentence is gone: must come back as None (orphaned),
               never as a wrong place
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from reader.export import render_markdown
from reader.highlights.anchor import anchor, context_of
from reader.highlights.store import HighlightStore
from reader.library import ArticleHighlights, PlacedHighlight
from reader.model import Article
from reader.sentences import paragraph_spans, sentence_spans

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from shared_data import CORPUS


@dataclass(frozen=True)
class Stored:
    id: str
    article: Article


def load(path: Path, limit: int) -> list[Stored]:
    articles = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if len(articles) >= limit:
                break
            record = json.loads(line)
            body = record.get("body") or ""
            if body.count("\n\n") < 2:
                continue
            articles.append(
                Stored(
                    f"{number:012x}",
                    Article(path=str(path), title=record.get("title") or "", body=body, part=number),
                )
            )
    return articles


def bench_sentences(articles: list[Stored]) -> None:
    started = time.perf_counter()
    count = 0
    chars = 0
    for stored in articles:
        count += len(sentence_spans(stored.article.body))
        chars += len(stored.article.body)
    seconds = time.perf_counter() - started
    print(
        f"sentences: {count} in {len(articles)} articles, {chars / seconds / 1e6:.2f} M chars/s, "
        f"{seconds / len(articles) * 1000:.2f} ms per article"
    )


def perturbations(body: str, start: int, end: int, rng: random.Random):
    """(case, new body, expected start or None)."""
    quote = body[start:end]
    yield "prepend", "An editor's note was added at the top.\n\n" + body, start + 40
    paragraphs = paragraph_spans(body)
    index = next(i for i, (s, e) in enumerate(paragraphs) if s <= start < e)
    if index > 0:
        ps, _pe = paragraphs[index - 1]
        next_start = paragraphs[index][0]
        yield "drop_before", body[:ps] + body[next_start:], start - (next_start - ps)
    straightened = body.replace("“", '"').replace("”", '"').replace("’", "'").replace(". ", ".  ")
    if straightened != body:
        yield "straighten", straightened, "folded"
    yield "decoy", quote + "\n\n" + body, start + len(quote) + 2
    yield "removed", body[:start] + body[end:], None


def bench_anchor(articles: list[Stored], rng: random.Random) -> None:
    results: dict[str, list[int]] = {}
    wrong: dict[str, int] = {}
    calls = 0
    seconds = 0.0
    for stored in articles:
        body = stored.article.body
        spans = [s for s in sentence_spans(body) if s[1] - s[0] > 30]
        if not spans:
            continue
        start, end = rng.choice(spans)
        quote = body[start:end]
        prefix, suffix = context_of(body, start, end)
        for case, new_body, expected in perturbations(body, start, end, rng):
            began = time.perf_counter()
            found = anchor(new_body, quote, start, prefix, suffix)
            seconds += time.perf_counter() - began
            calls += 1
            if expected is None:
                ok = found is None or (new_body.count(quote) > 0 and new_body[found[0] : found[1]] == quote)
            elif expected == "folded":
                ok = found is not None and " ".join(new_body[found[0] : found[1]].split()) == " ".join(
                    quote.replace("“", '"').replace("”", '"').replace("’", "'").split()
                )
            else:
                ok = found is not None and found[0] == expected
            results.setdefault(case, [0, 0])
            results[case][0] += ok
            results[case][1] += 1
            if not ok:
                wrong[case] = wrong.get(case, 0) + 1
    for case, (good, total) in results.items():
        print(f"anchor {case:12s} {good}/{total} = {good / total:.1%} right")
    print(f"anchor: {calls} calls, {seconds / calls * 1e6:.0f} µs per call")


def bench_store(articles: list[Stored], rng: random.Random) -> list[ArticleHighlights]:
    groups: list[ArticleHighlights] = []
    with tempfile.TemporaryDirectory() as folder:
        store = HighlightStore(folder)
        started = time.perf_counter()
        added = 0
        for stored in articles:
            spans = sentence_spans(stored.article.body)
            chosen = rng.sample(spans, min(2, len(spans)))
            placed = []
            for start, end in chosen:
                highlight = store.add(stored, start, end, note="a note", tags=["bench", "corpus"])
                placed.append(PlacedHighlight(highlight, ()))
                added += 1
            groups.append(
                ArticleHighlights(
                    stored.id,
                    stored.article.title,
                    stored.article.path,
                    stored.article.part,
                    "Reuters",
                    None,
                    None,
                    tuple(placed),
                )
            )
        seconds = time.perf_counter() - started
        print(f"store add: {added} highlights, {seconds / added * 1000:.2f} ms each (synchronous=FULL)")
        started = time.perf_counter()
        listed = store.list()
        print(f"store list: {len(listed)} in {(time.perf_counter() - started) * 1000:.0f} ms")
        started = time.perf_counter()
        for stored in articles[:200]:
            store.for_article(stored)
        print(
            f"store for_article (locate in the current text): {(time.perf_counter() - started) / 200 * 1000:.2f} ms per article"
        )
        store.close()
    return groups


def bench_export(groups: list[ArticleHighlights]) -> None:
    started = time.perf_counter()
    text = render_markdown(groups, True, exported="2026-11-21T00:00:00Z")
    seconds = time.perf_counter() - started
    passages = sum(len(g.highlights) for g in groups)
    print(f"export: {passages} passages, {len(text) / 1e6:.1f} MB of Markdown in {seconds * 1000:.0f} ms")
    from markdown_it import MarkdownIt

    started = time.perf_counter()
    tokens = MarkdownIt("commonmark").parse(text)
    quotes = sum(1 for t in tokens if t.type == "blockquote_open")
    html = sum(1 for t in tokens if t.type == "html_block") + sum(
        1 for t in tokens if t.type == "inline" for c in t.children if c.type in ("html_inline", "link_open")
    )
    print(
        f"export parses back: {quotes} block quotes for {passages} passages, {html} HTML/link tokens "
        f"({(time.perf_counter() - started) * 1000:.0f} ms to parse)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    articles = load(args.corpus, args.articles)
    print(f"{len(articles)} corpus articles with three or more paragraphs")
    bench_sentences(articles)
    bench_anchor(articles, rng)
    groups = bench_store(articles[:1000], rng)
    bench_export(groups)


if __name__ == "__main__":
    main()

"""Library benchmark: ingest, query latency with passages, merging, cold start and
memory, each against a reference measured in the same run on the same articles:
plain Whoosh defaults (one writer, title and body stored, highlights) and SQLite
FTS5 (porter tokenizer, snippets).

    python benchmarks/library_bench.py            # 5k (one file), 18,495 and 50k
    python benchmarks/library_bench.py --quick    # 5k only, fewer query rounds
    python benchmarks/library_bench.py --sizes corpus
    python benchmarks/library_bench.py --ingest-only   # add against plain Whoosh only

Libraries are built in benchmarks/.cache/ (a fresh build every run; ``--cache DIR``
puts them elsewhere, and ``--queries-only --cache DIR`` measures queries again there). The 50k set is
the corpus three times over (the copies differ in file name, so in id; their text
is the same), cut at 50,000; 5k is the corpus's first 5,000 articles in one JSON
Lines file, the others files of 2,000 lines. ``add`` runs in a process of its own,
so its peak memory is its own; the workers report theirs. Figures depend on what
else runs on the machine: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from shared_data import CORPUS  # noqa: E402  (one place says where ../shared is)

CACHE = ROOT / "benchmarks" / ".cache" / "library"
PYTHON = sys.executable

SINGLE_WORDS = [
    "oil", "profit", "dollar", "election", "minister", "strike", "coffee", "football",
    "shares", "inflation", "bank", "china", "film", "wheat", "tax",
]  # fmt: skip
TWO_WORDS = [
    "oil prices", "interest rates", "trade deficit", "prime minister", "stock market",
    "central bank", "world cup", "music award", "crude output", "labour party",
]  # fmt: skip
PHRASES = [
    '"interest rates"', '"trade deficit"', '"prime minister"', '"stock exchange"',
    '"net profit"', '"world cup"', '"chief executive"', '"federal reserve"',
]  # fmt: skip
QUERIES = SINGLE_WORDS + TWO_WORDS + PHRASES
SIZES = {"5k": 5_000, "corpus": 18_495, "50k": 50_000}


def load_lines() -> list[str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        return [line for line in handle if line.strip()]


def articles_of(lines: list[str], total: int) -> list[str]:
    return [lines[i % len(lines)] for i in range(total)]


def write_files(folder: Path, lines: list[str], one_file: bool) -> None:
    folder.mkdir(parents=True)
    if one_file:
        (folder / "all.jsonl").write_text("".join(lines))
        return
    for number, start in enumerate(range(0, len(lines), 2000)):
        (folder / f"part{number:03d}.jsonl").write_text("".join(lines[start : start + 2000]))


ADD = """
import json, resource, sys, time
from reader.library import Library
library = Library.open(sys.argv[1], seed=False)
started = time.perf_counter()
report = library.add([sys.argv[2]], workers=int(sys.argv[3]))
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "articles": report.articles, "cpu_seconds": report.cpu_seconds,
    "worker_peak_rss_mb": report.worker_peak_rss_mb,
    "main_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def timed_add(library: Path, files: Path, workers: int) -> dict:
    out = subprocess.run(
        [PYTHON, "-c", ADD, str(library), str(files), str(workers)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def timed_merge(library: Path) -> dict:
    from reader.library.merge import merge_command

    started = time.perf_counter()
    process = subprocess.Popen(merge_command(library), cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    assert status == 0, status
    return {"seconds": round(time.perf_counter() - started, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024)}


def plain_whoosh_ingest(folder: Path, rows: list[tuple[str, str]]):
    """Whoosh as its tutorial sets it up: default analyzers, one writer, commit."""
    from whoosh import fields, index

    schema = fields.Schema(
        id=fields.ID(stored=True), title=fields.TEXT(stored=True), body=fields.TEXT(stored=True)
    )
    folder.mkdir(parents=True)
    ix = index.create_in(str(folder), schema)
    started, cpu_started = time.perf_counter(), time.process_time()
    writer = ix.writer()
    for number, (title, body) in enumerate(rows):
        writer.add_document(id=str(number), title=title, body=body)
    writer.commit()
    return ix, time.perf_counter() - started, time.process_time() - cpu_started


def plain_whoosh_queries(ix, queries: list[str], rounds: int) -> dict:
    from whoosh.qparser import MultifieldParser

    parser = MultifieldParser(["title", "body"], ix.schema)
    with ix.searcher() as searcher:

        def run(query: str) -> None:
            results = searcher.search(parser.parse(query), limit=10)
            for hit in results:
                hit.highlights("body")
            len(results)

        return latencies(run, queries, rounds)


def latencies(run, queries: list[str], rounds: int) -> dict:
    """Wall-clock and CPU milliseconds per query. On a machine others use too, the
    CPU time (this process only: the engines all run in it) is the steadier figure."""
    for query in queries:  # warm the caches once, as a reader session would
        run(query)
    times, cpu = [], []
    for _ in range(rounds):
        for query in queries:
            started, cpu_started = time.perf_counter(), time.process_time()
            run(query)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
    return {**_percentiles(times, ""), **_percentiles(cpu, "cpu_"), "n": len(times)}


def _percentiles(values: list[float], prefix: str) -> dict:
    values = sorted(values)
    return {
        f"{prefix}p50_ms": round(statistics.median(values), 1),
        f"{prefix}p95_ms": round(values[int(len(values) * 0.95) - 1], 1),
    }


def news_reader_queries(library_folder: Path, queries: list[str], rounds: int) -> dict:
    from reader.library import Library

    library = Library.open(library_folder, seed=False)
    try:

        def reader_path(query: str) -> None:  # the reader: first page, count after
            assert library.search(query, limit=10, count=False).hits, query

        def with_count(query: str) -> None:  # the CLI: first page and the full count
            assert library.search(query, limit=10).hits, query

        def count_only(query: str) -> None:
            library.count(query)

        # The top ten must not depend on how many hits are asked for (Whoosh's own
        # top-N shortcuts broke that: see search.py).
        mismatches = [
            q
            for q in queries
            if [h.id for h in library.search(q, limit=10).hits]
            != [h.id for h in library.search(q, limit=1000).hits][:10]
        ]
        return {
            "top10_differs_from_top1000_for": mismatches,
            "reader_first_page": latencies(reader_path, queries, rounds),
            "with_exact_count": latencies(with_count, queries, rounds),
            "count_afterwards": latencies(count_only, queries, rounds),
        }
    finally:
        library.close()


def fts5(folder: Path, rows: list[tuple[str, str]], queries: list[str], rounds: int) -> dict:
    db = sqlite3.connect(folder / "fts5.sqlite3")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
    started = time.perf_counter()
    with db:
        db.executemany("INSERT INTO docs VALUES (?, ?)", rows)
    ingest = time.perf_counter() - started
    result = {"docs_per_s": round(len(rows) / ingest), **fts5_queries(db, queries, rounds)}
    db.close()
    return result


def fts5_queries(db: sqlite3.Connection, queries: list[str], rounds: int) -> dict:
    sql = (
        "SELECT rowid, title, snippet(docs, 1, '**', '**', '…', 24) FROM docs "
        "WHERE docs MATCH ? ORDER BY bm25(docs, 2.5, 1.0) LIMIT 10"
    )
    count_sql = "SELECT count(*) FROM docs WHERE docs MATCH ?"

    def run(query: str) -> None:
        db.execute(sql, (query,)).fetchall()
        db.execute(count_sql, (query,)).fetchone()

    return latencies(run, queries, rounds)


def queries_again(name: str, args) -> dict:
    """Only the query figures, on the libraries an earlier full run left in the cache
    (news-reader's, plain Whoosh's and FTS5's): for a change to the query path."""
    from whoosh import index

    folder = args.cache / name
    result: dict = {"load_average_before": [round(x, 2) for x in os.getloadavg()]}
    result["query"] = news_reader_queries(folder / "library", QUERIES, args.rounds)
    plain_ix = index.open_dir(str(folder / "plain-whoosh"))
    result["plain_whoosh_query"] = plain_whoosh_queries(plain_ix, QUERIES, args.rounds)
    plain_ix.close()
    db = sqlite3.connect(folder / "fts5.sqlite3")
    result["fts5"] = fts5_queries(db, QUERIES, args.rounds)
    db.close()
    for kind in ("", "cpu_"):
        result[f"{kind}p95_ratio_vs_fts5"] = round(
            result["query"]["reader_first_page"][f"{kind}p95_ms"] / result["fts5"][f"{kind}p95_ms"], 2
        )
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return result


FIRST_SCREEN = """
import asyncio, json, sys, time
launched = float(sys.argv[2])
from reader.tui.app import NewsReaderApp
async def main():
    app = NewsReaderApp(sys.argv[1])
    async with app.run_test(size=(120, 36)):
        while app.screen.id != "search":
            await asyncio.sleep(0.001)
        screen = time.time() - launched
        results = app.screen.query_one("#results")
        while not results.option_count:
            await asyncio.sleep(0.001)
        print(json.dumps({"first_screen_s": screen, "first_results_s": time.time() - launched}))
asyncio.run(main())
"""


def cold_start(library_folder: Path) -> dict:
    helps, screens, results = [], [], []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([PYTHON, "-m", "reader", "--help"], capture_output=True, check=True, cwd=ROOT)
        helps.append(time.perf_counter() - started)
        out = subprocess.run(
            [PYTHON, "-c", FIRST_SCREEN, str(library_folder), str(time.time())],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
        data = json.loads(out.strip().splitlines()[-1])
        screens.append(data["first_screen_s"])
        results.append(data["first_results_s"])
    return {
        "help_s_median": round(statistics.median(helps), 3),
        "reader_first_screen_s_median": round(statistics.median(screens), 3),
        "reader_first_results_s_median": round(statistics.median(results), 3),
    }


def bench(name: str, lines: list[str], args) -> dict:
    total = SIZES[name]
    folder = args.cache / name
    shutil.rmtree(folder, ignore_errors=True)
    chosen = articles_of(lines, total)
    files = folder / "files"
    write_files(files, chosen, one_file=name == "5k")
    records = [json.loads(line) for line in chosen]
    rows = [(r.get("title") or "", r.get("body") or r.get("text") or "") for r in records]
    del records
    load_before = os.getloadavg()
    library = folder / "library"
    ours = timed_add(library, files, args.workers)
    plain_ix, plain_seconds, plain_cpu = plain_whoosh_ingest(folder / "plain-whoosh", rows)
    # What the load hides: each side's rate if it had the cores it uses to itself
    # (plain Whoosh: one; news-reader: the workers').
    ours_idle_rate = ours["articles"] / (ours["cpu_seconds"] / args.workers)
    result: dict = {
        "articles": ours["articles"],
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after_ingest": [round(x, 2) for x in os.getloadavg()],
        "ingest": {
            "news_reader_s": round(ours["seconds"], 1),
            "news_reader_per_s": round(ours["articles"] / ours["seconds"]),
            "news_reader_cpu_s": round(ours["cpu_seconds"], 1),
            "plain_whoosh_s": round(plain_seconds, 1),
            "plain_whoosh_per_s": round(total / plain_seconds),
            "speedup_vs_plain_whoosh": round(plain_seconds / ours["seconds"], 2),
            "plain_whoosh_cpu_s": round(plain_cpu, 1),
            "news_reader_per_s_on_idle_cores": round(ours_idle_rate),
            "plain_whoosh_per_s_on_an_idle_core": round(total / plain_cpu),
            "speedup_on_idle_cores": round(ours_idle_rate / (total / plain_cpu), 2),
            "main_peak_rss_mb": round(ours["main_peak_rss_mb"]),
            "worker_peak_rss_mb": round(ours["worker_peak_rss_mb"]),
        },
    }
    if args.ingest_only:
        plain_ix.close()
        return result
    from reader.library.merge import segment_count

    result["segments_after_add"] = segment_count(library / "index")
    result["query_before_merge"] = news_reader_queries(library, QUERIES, max(1, args.rounds // 2))
    result["merge"] = timed_merge(library)
    result["query"] = news_reader_queries(library, QUERIES, args.rounds)
    result["plain_whoosh_query"] = plain_whoosh_queries(plain_ix, QUERIES, args.rounds)
    plain_ix.close()
    result["fts5"] = fts5(folder, rows, QUERIES, args.rounds)
    ours_p95 = result["query"]["reader_first_page"]["p95_ms"]
    result["p95_ratio_vs_fts5"] = round(ours_p95 / result["fts5"]["p95_ms"], 2)
    result["p95_ratio_with_count_vs_fts5"] = round(
        result["query"]["with_exact_count"]["p95_ms"] / result["fts5"]["p95_ms"], 2
    )
    result["cpu_p95_ratio_vs_fts5"] = round(
        result["query"]["reader_first_page"]["cpu_p95_ms"] / result["fts5"]["cpu_p95_ms"], 2
    )
    result["cold_start"] = cold_start(library)
    result["index_mb"] = round(sum(f.stat().st_size for f in (library / "index").iterdir()) / 1e6, 1)
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="5k only, 3 query rounds")
    parser.add_argument("--sizes", nargs="*", choices=list(SIZES), help="which libraries (all)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument(
        "--queries-only", action="store_true", help="measure queries again on the libraries of the last run"
    )
    parser.add_argument(
        "--ingest-only",
        action="store_true",
        help="only add against plain Whoosh (no queries, merge, start-up)",
    )
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"where the libraries are built ({CACHE})")
    args = parser.parse_args()
    sizes = args.sizes or (["5k"] if args.quick else list(SIZES))
    if args.quick:
        args.rounds = 3
    print(json.dumps({"cpus": os.cpu_count(), "workers": args.workers, "queries": len(QUERIES)}), flush=True)
    if args.queries_only:
        for name in sizes:
            print(json.dumps({name: queries_again(name, args)}, indent=1), flush=True)
        return
    lines = load_lines()
    for name in sizes:
        print(json.dumps({name: bench(name, lines, args)}, indent=1), flush=True)


if __name__ == "__main__":
    main()

"""Library benchmark: ingest, query latency with snippets, cold open, memory; SQLite
FTS5 on the same text as the reference point.

    python benchmarks/library_bench.py            # 18,495-article corpus and a 50k library
    python benchmarks/library_bench.py --quick    # corpus only, fewer queries

The 50k library is the corpus three times over (the copies differ in file name, so
in id; their text is the same), cut at 50,000 articles. Libraries are built in
benchmarks/.cache/ (a fresh build every run). Figures depend on what else runs on
the machine: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.library import Library  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from shared_data import CORPUS  # noqa: E402  (one place says where ../shared is)

CACHE = ROOT / "benchmarks" / ".cache" / "library"

SINGLE_WORDS = [
    "oil",
    "profit",
    "dollar",
    "election",
    "minister",
    "strike",
    "coffee",
    "football",
    "shares",
    "inflation",
    "bank",
    "china",
    "film",
    "wheat",
    "tax",
]
TWO_WORDS = [
    "oil prices",
    "interest rates",
    "trade deficit",
    "prime minister",
    "stock market",
    "central bank",
    "world cup",
    "music award",
    "crude output",
    "labour party",
]
PHRASES = [
    '"interest rates"',
    '"trade deficit"',
    '"prime minister"',
    '"stock exchange"',
    '"net profit"',
    '"world cup"',
    '"chief executive"',
    '"federal reserve"',
]
QUERIES = SINGLE_WORDS + TWO_WORDS + PHRASES


def load_lines() -> list[str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        return [line for line in handle if line.strip()]


def write_copies(folder: Path, lines: list[str], total: int) -> int:
    """JSON Lines files of ``total`` articles: the corpus in files of 2,000 lines,
    repeated with new file names until ``total``."""
    folder.mkdir(parents=True)
    written = copy = 0
    while written < total:
        for start in range(0, len(lines), 2000):
            chunk = lines[start : min(start + 2000, start + total - written)]
            if not chunk:
                break
            (folder / f"copy{copy}_{start // 2000:02d}.jsonl").write_text("".join(chunk))
            written += len(chunk)
            if written >= total:
                break
        copy += 1
    return written


def timed_add(library_folder: Path, corpus: Path, workers: int) -> tuple[float, int, float, float]:
    library = Library.open(library_folder, seed=False)
    started = time.perf_counter()
    report = library.add([corpus], workers=workers)
    seconds = time.perf_counter() - started
    count = library.store.article_count()
    library.close()
    assert report.articles == count, (report.articles, count)
    return seconds, count, report.cpu_seconds, report.worker_peak_rss_mb


def query_latencies(library_folder: Path, queries: list[str], rounds: int) -> dict:
    library = Library.open(library_folder, seed=False)
    for query in queries:  # warm the caches once, as a reader session would
        library.search(query, limit=10)
    times = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            results = library.search(query, limit=10)
            times.append((time.perf_counter() - started) * 1000)
            assert results.hits, query
    library.close()
    return _percentiles(times)


def _percentiles(times: list[float]) -> dict:
    times = sorted(times)
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
        "n": len(times),
    }


COLD_OPEN = """
import time, sys
started = time.perf_counter()
from reader.library import Library
library = Library.open(sys.argv[1], seed=False)
results = library.search("*", sort="date", limit=50)
first = time.perf_counter() - started
results = library.search("oil prices", limit=10)
print(first, len(results.hits))
"""


def cold_open(library_folder: Path) -> dict:
    started = time.perf_counter()
    output = subprocess.run(
        [sys.executable, "-c", COLD_OPEN, str(library_folder)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.split()
    return {
        "process_s": round(time.perf_counter() - started, 3),
        "open_and_first_results_s": round(float(output[0]), 3),
    }


def fts5(lines: list[str], total: int, queries: list[str], rounds: int, folder: Path) -> dict:
    db_path = folder / "fts5.sqlite3"
    db = sqlite3.connect(db_path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
    rows = []
    while len(rows) < total:
        for line in lines:
            data = json.loads(line)
            rows.append((data.get("title") or "", data.get("body") or ""))
            if len(rows) >= total:
                break
    started = time.perf_counter()
    with db:
        db.executemany("INSERT INTO docs VALUES (?, ?)", rows)
    ingest = time.perf_counter() - started
    sql = (
        "SELECT rowid, title, snippet(docs, 1, '**', '**', '…', 24) FROM docs "
        "WHERE docs MATCH ? ORDER BY bm25(docs, 2.5, 1.0) LIMIT 10"
    )
    for query in queries:
        db.execute(sql, (query,)).fetchall()
    times = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            db.execute(sql, (query,)).fetchall()
            times.append((time.perf_counter() - started) * 1000)
    db.close()
    return {"docs_per_s": round(total / ingest), **_percentiles(times)}


def bench(name: str, lines: list[str], total: int, args) -> dict:
    folder = CACHE / name
    shutil.rmtree(folder, ignore_errors=True)
    corpus = folder / "corpus"
    count = write_copies(corpus, lines, total)
    library_folder = folder / "library"
    seconds, articles, cpu_seconds, worker_rss = timed_add(library_folder, corpus, args.workers)
    again_started = time.perf_counter()
    library = Library.open(library_folder, seed=False)
    again = library.add([corpus], workers=args.workers)
    library.close()
    again_seconds = time.perf_counter() - again_started
    assert again.articles == 0
    result = {
        "articles": articles,
        "source_lines": count,
        "ingest_s": round(seconds, 1),
        "ingest_per_s": round(articles / seconds),
        # What the machine's other load hides: the CPU time the add used (main and
        # workers), and the rate it would reach with ``workers`` cores to itself.
        "ingest_cpu_s": round(cpu_seconds, 1),
        "ingest_per_s_if_cores_idle": round(articles / max(cpu_seconds / args.workers, 1e-9)),
        "worker_peak_rss_mb": round(worker_rss),
        "second_add_s": round(again_seconds, 2),
        "second_add_share": f"{again_seconds / seconds:.1%}",
        "query": query_latencies(library_folder, QUERIES, args.rounds),
        "cold_open": cold_open(library_folder),
        "index_mb": round(sum(f.stat().st_size for f in (library_folder / "index").iterdir()) / 1e6, 1),
        "store_mb": round((library_folder / "library.sqlite3").stat().st_size / 1e6, 1),
        "fts5": fts5(lines, total, QUERIES, args.rounds, folder),
    }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="the corpus only, 3 query rounds")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    if args.quick:
        args.rounds = 3
    lines = load_lines()
    sizes = {"corpus": len(lines)} if args.quick else {"corpus": len(lines), "50k": 50_000}
    figures = {
        "cpus": os.cpu_count(),
        "load_average_before": os.getloadavg(),
        "queries": {"single": len(SINGLE_WORDS), "two_words": len(TWO_WORDS), "phrases": len(PHRASES)},
    }
    for name, total in sizes.items():
        figures[name] = bench(name, lines, total, args)
        print(json.dumps({name: figures[name]}, indent=2), flush=True)
    figures["load_average_after"] = os.getloadavg()
    # The main process also holds the benchmark's own copies of the corpus (JSON lines
    # and the FTS5 rows), so this is an upper bound for news-reader's main process.
    figures["peak_rss_mb_main"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps({k: v for k, v in figures.items() if k not in sizes}, indent=2))


if __name__ == "__main__":
    main()

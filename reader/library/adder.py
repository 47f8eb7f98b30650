"""``add``: bring files and folders into the library, doing only the work needed.

Files whose content hash is already stored are not read again. The others are
cleaned and their entities found in a process pool; the main process writes each
finished source to the store (one transaction per source) and feeds the index, which
commits every ``COMMIT_EVERY`` articles and at the end.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace

from reader.library.pipeline import CleanedFile, clean_one, extract_many, file_digest, pipeline_version
from reader.library.records import EntitySpan, StoredArticle, article_id
from reader.library.store import SourceRecord, Store
from reader.library.sync import IndexSync
from reader.model import Article

COMMIT_EVERY = 20_000
EXTRACT_CHUNK = 48
_MAX_CLEANING_AHEAD = 8  # files in flight: keeps memory bounded on huge folders


@dataclass(slots=True)
class AddProgress:
    files_done: int = 0
    files_total: int = 0
    articles_done: int = 0
    articles_total: int = 0  # grows as files are cleaned


@dataclass(slots=True)
class AddReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    articles: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict:
        return {
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "problems": [{"path": p, "problem": r} for p, r in self.problems],
            "articles": self.articles,
            "seconds": round(self.seconds, 3),
        }


ProgressCallback = Callable[[AddProgress], None]


def discover(paths: Iterable[str]) -> list[str]:
    from reader.ingest.files import iter_input_files

    return [os.path.abspath(p) for p in iter_input_files(paths)]


def add_paths(
    store: Store,
    sync: IndexSync,
    paths: Iterable[str],
    workers: int = 2,
    progress: ProgressCallback | None = None,
) -> AddReport:
    started = time.perf_counter()
    report = AddReport()
    state = AddProgress()
    known = store.sources()
    to_process: list[tuple[str, str, int, int]] = []
    for path in discover(paths):
        try:
            sha, size, mtime_ns = file_digest(path)
        except OSError as exc:
            report.skipped.append((path, f"cannot read: {exc.strerror or exc}"))
            continue
        previous = known.get(path)
        if previous is not None and previous.sha256 == sha:
            if (previous.size, previous.mtime_ns) != (size, mtime_ns):
                store.touch_source(path, size, mtime_ns)
            if previous.skipped:
                report.skipped.append((path, previous.skipped))
            else:
                report.unchanged.append(path)
            continue
        to_process.append((path, sha, size, mtime_ns))
    state.files_total = len(to_process)
    if progress:
        progress(state)
    if to_process:
        _process(store, sync, to_process, known, workers, report, state, progress)
    report.seconds = time.perf_counter() - started
    return report


@dataclass(slots=True)
class _FileWork:
    path: str
    sha: str
    size: int
    mtime_ns: int
    cleaned: CleanedFile | None = None
    entities: dict[int, list[list[EntitySpan]]] = field(default_factory=dict)
    chunks_left: int = 0


def _process(
    store: Store,
    sync: IndexSync,
    to_process: list[tuple[str, str, int, int]],
    known: dict[str, SourceRecord],
    workers: int,
    report: AddReport,
    state: AddProgress,
    progress: ProgressCallback | None,
) -> None:
    version = pipeline_version()
    queue = list(reversed(to_process))
    running: dict[Future, tuple[str, _FileWork, int]] = {}
    cleaning = 0
    try:
        # forkserver, not fork: forked workers would inherit the writer lock's file
        # descriptor and keep the library locked after the parent is killed.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver")) as pool:
            while queue or running:
                while queue and cleaning < _MAX_CLEANING_AHEAD:
                    path, sha, size, mtime_ns = queue.pop()
                    work = _FileWork(path, sha, size, mtime_ns)
                    running[pool.submit(clean_one, path)] = ("clean", work, 0)
                    cleaning += 1
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    kind, work, chunk_start = running.pop(future)
                    if kind == "clean":
                        cleaning -= 1
                        work.cleaned = future.result()
                        articles = work.cleaned.articles
                        state.articles_total += len(articles)
                        for start in range(0, len(articles), EXTRACT_CHUNK):
                            bodies = [a.body for a in articles[start : start + EXTRACT_CHUNK]]
                            running[pool.submit(extract_many, bodies)] = ("extract", work, start)
                            work.chunks_left += 1
                    else:
                        work.entities[chunk_start] = future.result()
                        work.chunks_left -= 1
                        state.articles_done += len(work.entities[chunk_start])
                    if work.chunks_left == 0:  # cleaned, and every chunk extracted
                        _write(store, sync, work, known, version, report)
                        state.files_done += 1
                        if sync.pending >= COMMIT_EVERY:
                            sync.commit()
                    if progress:
                        progress(state)
        # Whoosh cannot replace a document it has not committed yet: commit the new
        # articles before re-indexing the ones whose people were renamed.
        sync.commit()
        sync.refresh_people()
        sync.commit()
    except BaseException:
        # What the store committed stays; the index catches up from the queue on the
        # next open. Dropping the uncommitted index batch keeps the two consistent.
        sync.cancel()
        raise


def _write(
    store: Store,
    sync: IndexSync,
    work: _FileWork,
    known: dict[str, SourceRecord],
    version: str,
    report: AddReport,
) -> None:
    cleaned = work.cleaned
    assert cleaned is not None
    spans: list[list[EntitySpan]] = []
    for start in sorted(work.entities):
        spans.extend(work.entities[start])
    stored = [
        StoredArticle(article_id(work.path, a.part), _with_path(a, work.path), tuple(s))
        for a, s in zip(cleaned.articles, spans)
    ]
    record = SourceRecord(
        path=work.path,
        sha256=work.sha,
        size=work.size,
        mtime_ns=work.mtime_ns,
        pipeline=version,
        skipped=cleaned.skipped,
        article_count=len(stored),
    )
    replaced = store.replace_source(record, stored)
    sync.apply(replaced, stored)
    report.problems.extend((work.path, p) for p in cleaned.problems)
    if cleaned.skipped:
        report.skipped.append((work.path, cleaned.skipped))
    elif work.path in known:
        report.replaced.append(work.path)
    else:
        report.added.append(work.path)
    report.articles += len(stored)


def _with_path(article: Article, path: str) -> Article:
    # Articles are keyed by the absolute path the library was given, whatever
    # spelling of it the cleaner echoed back.
    return article if article.path == path else replace(article, path=path)

"""``add``: bring files and folders into the library, doing only the work needed.

Files whose content hash is already stored are not read again. The others are
cleaned and their entities found in a process pool; the main process writes each
finished source to the store (one transaction per batch, the source's record last) and adopts
the Whoosh segment the worker built; the index commits after every batch (cheap:
adopting segments only rewrites Whoosh's table of contents), so after a crash the
index has at most one batch to catch up.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import deque
from collections.abc import Iterable, Mapping
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.ingest.errors import SkippedFile
from reader.ingest.sanitize import readable_path
from reader.library.highlight_select import ReanchorReport
from reader.library.index import INDEX_CHUNK
from reader.library.pipeline import (
    CleanedFile,
    IndexedChunk,
    clean_one,
    file_digest,
    index_chunk,
    index_stored,
    pipeline_version,
    stored_articles,
    worker_pool,
)
from reader.library.progress import AddProgress, ProgressCallback
from reader.library.records import StoredArticle, article_id
from reader.library.store import SourceRecord, Store
from reader.library.sync import IndexSync
from reader.model import Article

# Index commits once this many changes are pending. Batches arrive as whole segments
# and commit almost for free; single updates (renamed people) are written by the
# main process and wait for the end of the add.
COMMIT_EVERY = 1_000
INLINE_BELOW_BYTES = 512 * 1024  # smaller adds run in this process (no worker start-up)
_MAX_CLEANING_AHEAD = 8  # files in flight: keeps memory bounded on huge folders
_MIN_SHARE = 200  # fewer articles are not worth a batch of their own


@dataclass(slots=True)
class AddReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    articles: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # main process and workers together
    worker_peak_rss_mb: float = 0.0
    highlights: ReanchorReport = field(default_factory=ReanchorReport)

    def to_json(self) -> dict:
        return {
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "problems": [{"path": p, "problem": r} for p, r in self.problems],
            "articles": self.articles,
            "seconds": round(self.seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "highlights": self.highlights.to_json(),
        }


def discover(paths: Iterable[str]) -> list[str]:
    from reader.ingest.files import iter_input_files

    return [os.path.abspath(p) for p in iter_input_files(paths)]


def add_paths(
    store: Store,
    sync: IndexSync,
    paths: Iterable[str],
    workers: int = 2,
    progress: ProgressCallback | None = None,
    batch_size: int = INDEX_CHUNK,
) -> AddReport:
    started = time.perf_counter()
    cpu_started = time.process_time()
    report = AddReport()
    state = AddProgress()
    known = store.sources()
    to_process: list[_FileWork] = []
    for file in discover(paths):
        # The library keys a file by a name it can store and print; the file itself
        # is read by its own name, whatever bytes that holds.
        path = readable_path(file)
        try:
            sha, size, mtime_ns = file_digest(file)
        except SkippedFile as skip:
            report.skipped.append((path, skip.reason))
            continue
        except OSError as exc:
            report.skipped.append((path, f"cannot read: {exc.strerror or exc}"))
            continue
        previous = known.get(path)
        # (a file an older cleaner skipped is read again: this one may find its article)
        if previous is not None and previous.sha256 == sha and not _skipped_by_older_cleaner(previous):
            if (previous.size, previous.mtime_ns) != (size, mtime_ns):
                store.touch_source(path, size, mtime_ns)
            if previous.skipped:
                report.skipped.append((path, previous.skipped))
            else:
                report.unchanged.append(path)
            continue
        to_process.append(_FileWork(path, file, sha, size, mtime_ns))
    state.files_total = len(to_process)
    if progress:
        progress(state)
    if to_process:
        _process(store, sync, to_process, known, workers, report, state, progress, batch_size)
    report.seconds = time.perf_counter() - started
    report.cpu_seconds += time.process_time() - cpu_started
    return report


@dataclass(slots=True)
class _FileWork:
    path: str  # as the library keeps it (readable_path)
    file: str  # as the file system names it
    sha: str
    size: int
    mtime_ns: int
    cleaned: CleanedFile | None = None
    expected: int | None = None  # articles the cleaner gave; None while a stream is read
    articles_written: int = 0
    started: bool = False  # the first batch has dropped the file's old articles
    _stream: bool | None = None

    @property
    def is_stream(self) -> bool:
        """A file that may hold any number of articles: read in slices, here."""
        if self._stream is None:
            from reader.ingest.files import is_stream

            self._stream = is_stream(self.file)
        return self._stream


def _skipped_by_older_cleaner(previous: SourceRecord) -> bool:
    return previous.skipped is not None and previous.pipeline != pipeline_version()


def _process(
    store: Store,
    sync: IndexSync,
    to_process: list[_FileWork],
    known: dict[str, SourceRecord],
    workers: int,
    report: AddReport,
    state: AddProgress,
    progress: ProgressCallback | None,
    batch_size: int,
) -> None:
    """Clean, extract and index ``to_process`` with memory bounded whatever the files
    hold: single documents are cleaned in the workers, files that may hold any number
    of articles (JSON Lines, web archives, feeds) are read here one slice at a time,
    and no more than a few batches are in flight at once."""
    version = pipeline_version()
    queue = list(reversed(to_process))
    running: dict[Future, _FileWork | _Batch] = {}  # future -> the file it cleans, or the batch it indexes
    # Batches in the order they were handed out, which is the order they are stored
    # and adopted in whatever order the workers finish them: it decides the order of
    # articles in the index (hence of hits of equal score).
    batches: deque[tuple[Future, _Batch]] = deque()
    cleaning = 0
    # Batches a worker is indexing or has queued; one each keeps every worker busy,
    # since the next is handed out the moment one finishes, before it is stored.
    # More, queued early, went to whichever worker came free first: the last full
    # batch often landed on one worker while the other had little left to do.
    indexing = 0
    max_indexing = max(2, workers)
    max_unstored = 2 * max_indexing  # finished batches wait for the one handed out before
    # A batch for every worker read in advance: workers that finish together both
    # find one, and what is left at the end is shared between them all.
    read_ahead = max_indexing * batch_size
    stream: _Stream | None = None
    # Articles wait here until a batch is full: batches cut across files so that a
    # folder of one-article pages still makes a few large segments, not one per page.
    waiting: list[tuple[_FileWork, str, Article]] = []
    staging_root = sync.folder.with_name(sync.folder.name + ".staging")
    shutil.rmtree(staging_root, ignore_errors=True)  # leftovers of a killed add
    staging_root.mkdir(parents=True)

    def submit_batch(pool: Executor, size: int) -> None:
        nonlocal indexing
        batch, waiting[:] = waiting[:size], waiting[size:]
        future = pool.submit(
            index_chunk, [i for _, i, _ in batch], [a for _, _, a in batch], str(staging_root)
        )
        running[future] = batch
        batches.append((future, batch))
        indexing += 1

    def may_submit() -> bool:
        return indexing < max_indexing and len(batches) < max_unstored

    def finish(work: _FileWork) -> None:
        _finish_file(store, sync, work, known, version, report)
        state.files_done += 1

    try:
        with _executor(to_process, workers) as pool:
            while queue or running or waiting or stream or batches:
                while queue and cleaning < _MAX_CLEANING_AHEAD:
                    if queue[-1].is_stream:
                        if stream is not None:
                            break  # one stream at a time
                        stream = _Stream(queue.pop())
                        continue
                    work = queue.pop()
                    running[pool.submit(clean_one, work.file)] = work
                    cleaning += 1
                if stream is not None and len(waiting) <= read_ahead:
                    work = stream.work
                    # One past: whether more is coming decides how to cut. A batch at a
                    # time, so that the first is handed out as soon as it is read.
                    fresh = stream.take(min(batch_size, read_ahead - len(waiting)) + 1)
                    state.articles_total += len(fresh)
                    waiting.extend(
                        (work, article_id(work.path, a.part), _with_path(a, work.path)) for a in fresh
                    )
                    if stream.done:
                        stream = None
                        if work.expected == 0 or work.articles_written == work.expected:
                            finish(work)
                nothing_more = not queue and not cleaning and stream is None
                if not nothing_more:
                    while len(waiting) >= batch_size and may_submit():
                        submit_batch(pool, batch_size)
                elif waiting and may_submit():
                    # Nothing more is coming: share what is left between the workers,
                    # or one big file's articles would all go to one of them.
                    for size in _shares(len(waiting), batch_size, workers):
                        submit_batch(pool, size)
                # Stored after the next batch is handed out, one at a time: a worker
                # does not wait for this process to write the store.
                if batches and batches[0][0].done():
                    future, batch = batches.popleft()
                    indexed = future.result()
                    report.cpu_seconds += indexed.cpu_seconds
                    report.worker_peak_rss_mb = max(report.worker_peak_rss_mb, indexed.peak_rss_mb)
                    finished = _store_batch(store, sync, batch, indexed)
                    state.articles_done += len(batch)
                    for work in finished:
                        finish(work)
                    if sync.pending >= COMMIT_EVERY:
                        sync.commit()
                if progress:
                    progress(state)
                if not running:
                    continue
                # A stream, or the next one when this one has just ended, fills the next
                # batch while the workers are busy, even before it can be handed out, so
                # that it is ready the moment a worker finishes. Waiting instead left one
                # core idle: a folder of JSON Lines files went one batch at a time.
                # (A stream waiting behind files being cleaned is opened only once
                # fewer are: until then this loop would spin.)
                can_read = stream is not None or bool(
                    queue and queue[-1].is_stream and cleaning < _MAX_CLEANING_AHEAD
                )
                if (can_read and len(waiting) <= read_ahead) or (batches and batches[0][0].done()):
                    continue
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                # Files in the order they were handed out, not the set's: its order
                # follows memory addresses (even when the tasks run here).
                for future in [f for f in running if f in done]:
                    task = running.pop(future)
                    if isinstance(task, _FileWork):
                        cleaning -= 1
                        cleaned = future.result()
                        report.cpu_seconds += cleaned.cpu_seconds
                        _cleaned(task, cleaned, waiting, state)
                        if task.expected == 0:
                            finish(task)
                    else:
                        indexing -= 1
            # Whoosh cannot replace a document it has not committed yet: commit the
            # new articles before re-indexing the ones whose people were renamed.
            sync.commit()
            _reindex_renamed_and_group(store, sync, pool, workers, str(staging_root), report)
            sync.commit()
    except BaseException:
        # What the store committed stays; the index catches up from the queue on the
        # next open. Dropping the uncommitted index batch keeps the two consistent.
        sync.cancel()
        raise
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)


def _reindex_renamed_and_group(
    store: Store, sync: IndexSync, pool: Executor, workers: int, staging_root: str, report: AddReport
) -> None:
    """Re-index the articles whose people got another library-wide name (a tenth of
    a fresh library) in the workers, a share each, as rebuild does; and find copies
    and stories meanwhile. The workers first describe the articles for the grouping
    (when there are many), then index while this process groups."""
    from reader.library import stories

    ids = sync.renamed_people()
    futures: list[Future] = []

    def reindex() -> None:
        start = 0
        for size in _shares(len(ids), INDEX_CHUNK, workers) if ids else ():
            futures.append(
                pool.submit(index_stored, str(store.path), ids[start : start + size], staging_root)
            )
            start += size

    stories.update(store, pool, meanwhile=reindex)
    if not ids:
        return
    indexed = [future.result() for future in futures]
    for chunk in indexed:
        report.cpu_seconds += chunk.cpu_seconds
        report.worker_peak_rss_mb = max(report.worker_peak_rss_mb, chunk.peak_rss_mb)
    sync.replace(ids, [(Path(chunk.staging), chunk.segment) for chunk in indexed])


# Problems kept per file for the report: a file of a million bad lines must not fill
# memory with their messages.
_MAX_PROBLEMS = 100


class _Stream:
    """A file read here, in this process, a slice of articles at a time (see
    :func:`reader.ingest.files.read_articles`); entity finding and indexing of each
    slice still run in the workers."""

    def __init__(self, work: _FileWork) -> None:
        from reader.ingest.files import read_articles

        self.work = work
        self.problems: list[str] = []
        self.more_problems = 0
        self.count = 0
        self.done = False
        self._articles = read_articles(work.file, self._problem)

    def _problem(self, problem: str) -> None:
        if len(self.problems) < _MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.more_problems += 1

    def take(self, limit: int) -> list[Article]:
        from reader.ingest.errors import SkippedFile

        started = time.process_time()
        taken: list[Article] = []
        skipped: str | None = None
        try:
            for article in self._articles:
                taken.append(article)
                if len(taken) >= limit:
                    break
            else:
                self.done = True
        except SkippedFile as skip:
            skipped, self.done = skip.reason, True
        self.count += len(taken)
        if self.done:
            problems = self.problems + ([f"… and {self.more_problems} more"] if self.more_problems else [])
            self.work.cleaned = CleanedFile(self.work.path, [], skipped, tuple(problems))
            self.work.expected = self.count
        if self.work.cleaned is not None:
            self.work.cleaned.cpu_seconds += time.process_time() - started
        return taken


def _shares(count: int, batch_size: int, workers: int) -> list[int]:
    """Batch sizes for ``count`` articles: at most ``batch_size`` each, as many
    batches as a multiple of ``workers``, as even as can be."""
    batches = -(-count // batch_size)
    batches = max(1, -(-batches // workers) * workers) if count >= workers * _MIN_SHARE else batches
    size, extra = divmod(count, batches)
    return [size + (1 if i < extra else 0) for i in range(batches)]


class _InlineExecutor(Executor):
    """Runs each task at once in this process: for small adds (the seeds on first
    use) starting worker processes would take longer than the work itself."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def _executor(to_process: list[_FileWork], workers: int) -> Executor:
    if workers < 2 or sum(work.size for work in to_process) < INLINE_BELOW_BYTES:
        return _InlineExecutor()
    return worker_pool(workers)


def _cleaned(work: _FileWork, cleaned: CleanedFile, waiting: list, state: AddProgress) -> None:
    work.cleaned = cleaned
    work.expected = len(cleaned.articles)
    state.articles_total += work.expected
    for article in cleaned.articles:
        article = _with_path(article, work.path)
        waiting.append((work, article_id(work.path, article.part), article))


_Batch = list[tuple[_FileWork, str, Article]]


def _store_batch(store: Store, sync: IndexSync, batch: _Batch, indexed: IndexedChunk) -> list[_FileWork]:
    """Store a batch (one transaction per file in it), hand its segment to the index;
    returns the files now complete."""
    by_file: dict[str, list[StoredArticle]] = {}
    works: dict[str, _FileWork] = {}
    ids = [i for _, i, _ in batch]
    articles = stored_articles(ids, [a for _, _, a in batch], indexed)
    for (work, _, _), stored in zip(batch, articles):
        by_file.setdefault(work.path, []).append(stored)
        works[work.path] = work
    words: Mapping[str, int] | None = indexed.words
    for path, articles in by_file.items():
        work = works[path]
        replaced = store.add_articles(path, articles, words, replace_old=not work.started)
        words = None  # counted once per batch
        work.started = True
        work.articles_written += len(articles)
        if replaced:
            sync.apply(replaced, [])
    sync.adopt(Path(indexed.staging), indexed.segment, ids)
    return [work for work in works.values() if work.articles_written == work.expected]


def _finish_file(
    store: Store,
    sync: IndexSync,
    work: _FileWork,
    known: dict[str, SourceRecord],
    version: str,
    report: AddReport,
) -> None:
    cleaned = work.cleaned
    assert cleaned is not None
    record = SourceRecord(
        path=work.path,
        sha256=work.sha,
        size=work.size,
        mtime_ns=work.mtime_ns,
        pipeline=version,
        skipped=cleaned.skipped,
        article_count=work.articles_written,
    )
    replaced = store.finish_source(record, replace_old=not work.started)
    if replaced:
        sync.apply(replaced, [])
    report.problems.extend((work.path, p) for p in cleaned.problems)
    if cleaned.skipped:
        report.skipped.append((work.path, cleaned.skipped))
    elif work.path in known and not known[work.path].skipped:
        report.replaced.append(work.path)
    else:
        report.added.append(work.path)
    report.articles += work.articles_written


def _with_path(article: Article, path: str) -> Article:
    # Articles are keyed by the absolute path the library was given, whatever
    # spelling of it the cleaner echoed back.
    return article if article.path == path else replace(article, path=path)

"""The work a worker process does for ``add``: clean files, find entities.

Both steps are pure functions of their input, run in a process pool so that two
cores clean and extract at once while the main process alone writes the store and
the index. Cleaning is per file; entity extraction is per chunk of articles, so one
big JSON Lines file still keeps every core busy.
"""

from __future__ import annotations

import hashlib
import os
import resource
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from reader.library.records import EntitySpan, StoredArticle
from reader.library.spelling import count_words
from reader.model import Article

_PIPELINE_PACKAGES = ("ingest", "entities")
# The quote finder, not the grouping of quotes (reader/quotes/same.py), which runs
# when quotes are read.
_QUOTE_MODULES = ("quotes/finder.py", "quotes/speech.py", "quotes/model.py", "sentences.py")


def watch_parent(parent_pid: int) -> None:
    """Worker initializer: end this worker when the process that started the pool
    is gone. After a ``kill -9`` of ``add`` nothing else would: the workers are
    children of the forkserver, which outlives its parent."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent_pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:  # the pid was reused by someone else's process
                os._exit(0)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


# What the workers run, imported once in the forkserver that forks them (before
# the first worker is asked for) instead of in each worker, and again in each
# worker of the next pool (an add's, then its story grouping's).
_WORKER_MODULES = (
    "reader.library.pipeline",
    "reader.library.index",
    "reader.library.batch_writer",
    "reader.library.store",
    "reader.library.stories",
    "reader.entities.extract",
    "reader.quotes",
)


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of worker processes for ``add``, ``rebuild`` and story grouping.

    forkserver, not fork: forked workers would inherit the writer lock's file
    descriptor and keep the library locked after the parent is killed. The
    forkserver starts now, importing the workers' modules while this process
    goes on (reading a JSON Lines file, say) until it hands them work."""
    import multiprocessing
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", *_WORKER_MODULES])
    forkserver.ensure_running()
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=watch_parent, initargs=(os.getpid(),)
    )


@dataclass(slots=True)
class CleanedFile:
    path: str
    articles: list[Article]
    skipped: str | None = None
    problems: tuple[str, ...] = field(default=())
    cpu_seconds: float = 0.0


def clean_one(path: str) -> CleanedFile:
    cpu_started = time.process_time()
    cleaned = _clean(path)
    cleaned.cpu_seconds = time.process_time() - cpu_started
    return cleaned


def _clean(path: str) -> CleanedFile:
    from reader.ingest.errors import SkippedFile
    from reader.ingest.files import clean_file

    problems: list[str] = []
    try:
        articles = clean_file(path, problems.append)
    except SkippedFile as skip:
        return CleanedFile(path, [], skip.reason, tuple(problems))
    except Exception as exc:
        return CleanedFile(path, [], f"failed while cleaning ({type(exc).__name__}: {exc})", tuple(problems))
    return CleanedFile(path, articles, None, tuple(problems))


@dataclass(slots=True)
class IndexedChunk:
    """A batch of articles made ready in a worker: their entities and quotes, word
    counts and a Whoosh segment (files in ``staging``) holding them.

    Entities and quotes travel as plain tuples of their fields, without the
    articles, which the main process has: pickling the dataclasses one by one cost
    more than the rest of the hand-over."""

    found: list[tuple[tuple[tuple, ...], tuple[tuple, ...]]]  # per article: entities, quotes
    words: Counter[str]
    staging: str
    segment: object
    cpu_seconds: float = 0.0  # of the worker, for the benchmark's accounting
    peak_rss_mb: float = 0.0


def index_chunk(ids: list[str], articles: list[Article], staging_root: str) -> IndexedChunk:
    from reader.library.index import build_segment
    from reader.quotes import find_quotes  # loaded on first use: the library's start-up needs no finder

    cpu_started = time.process_time()
    spans, words = extract_many([(a.title, a.body) for a in articles])
    stored = [
        StoredArticle(i, a, tuple(s), tuple(find_quotes(a.body, s))) for i, a, s in zip(ids, articles, spans)
    ]
    staging = tempfile.mkdtemp(dir=staging_root)
    segment = build_segment(Path(staging), stored)
    found = [(tuple(map(_as_tuple, s.entities)), tuple(map(_as_tuple, s.quotes))) for s in stored]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB
    return IndexedChunk(found, words, staging, segment, time.process_time() - cpu_started, peak_mb)


def _as_tuple(record: object) -> tuple:
    """A dataclass's fields in their declared order, as its constructor takes them."""
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in fields(record))  # type: ignore[arg-type]
    return tuple(getattr(record, name) for name in names)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def stored_articles(ids: list[str], articles: list[Article], indexed: IndexedChunk) -> list[StoredArticle]:
    """The articles a worker's :func:`index_chunk` was given, with what it found."""
    from reader.quotes import Quote

    return [
        StoredArticle(i, a, tuple(EntitySpan(*e) for e in entities), tuple(Quote(*q) for q in quotes))
        for i, a, (entities, quotes) in zip(ids, articles, indexed.found)
    ]


def index_stored(store_path: str, ids: list[str], staging_root: str) -> IndexedChunk:
    """A segment of stored articles, in the order of ``ids``, for ``rebuild`` and for
    the articles ``add`` re-indexes because their people were renamed: read from the
    store (WAL lets this worker read while the main process holds its connection)."""
    from reader.library.index import build_segment
    from reader.library.store import Store

    cpu_started = time.process_time()
    store = Store(Path(store_path), readonly=True)
    try:
        found = store.get_many(ids)
    finally:
        store.close()
    staging = tempfile.mkdtemp(dir=staging_root)
    segment = build_segment(Path(staging), (found[i] for i in ids if i in found))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB
    return IndexedChunk([], Counter(), staging, segment, time.process_time() - cpu_started, peak_mb)


def extract_many(articles: list[tuple[str, str]]) -> tuple[list[list[EntitySpan]], Counter[str]]:
    """Entities of each (title, body), offsets into the body, and the number of these
    articles using each word (for "did you mean")."""
    from reader.entities import extract

    spans = [
        [EntitySpan(m.start, m.end, m.label, m.name, m.text, m.role) for m in extract(body)]
        for _, body in articles
    ]
    return spans, count_words(articles)


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A fingerprint of the cleaner and entity code (and their data files): when it
    changes, ``rebuild`` cleans the sources again instead of reusing stored articles."""
    return _fingerprint(_PIPELINE_PACKAGES)


@lru_cache(maxsize=1)
def quotes_version() -> str:
    """A fingerprint of the quote finder (and the sentence splitter it reads by):
    when it changes, the library finds the quotes of its stored articles again."""
    return _fingerprint(_QUOTE_MODULES)


def _fingerprint(parts: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    package_root = Path(__file__).resolve().parent.parent
    for part in parts:
        path = package_root / part
        files = sorted(path.rglob("*")) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(package_root)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def file_digest(path: str) -> tuple[str, int, int]:
    """(sha256, size, mtime_ns) of a regular file, read in blocks; a FIFO, device or
    socket raises :class:`reader.ingest.errors.SkippedFile` before anything is read."""
    from reader.ingest.decode import open_regular

    digest = hashlib.sha256()
    with open_regular(path) as handle:
        stat = os.fstat(handle.fileno())
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest(), stat.st_size, stat.st_mtime_ns

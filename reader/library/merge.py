"""Merging the index's segments into one, in a background process.

``add`` leaves one Whoosh segment per batch of articles (every core builds its own);
a query visits every segment, and one merged segment answers about three times
faster at 50,000 articles. Merging rewrites the whole index (minutes at 50k), so it
runs in a process of its own, started after ``add``, ``remove`` and ``rebuild`` and
when the reader opens a library that needs it:

- it holds the writer lock, so no other write interleaves; a writer that wants the
  lock stops it (SIGTERM) and runs at once: the merge starts over next time;
- readers never wait: they keep reading the old segments until Whoosh's table of
  contents (written atomically, last) lists the merged one;
- a kill -9 at any point leaves the old table of contents in force and the half
  written segment as leftover files, which the next Whoosh commit deletes: no
  article is lost or doubled, and the store generation the index records does
  not change;
- its progress (articles merged of all) is in ``merge.progress`` in the library
  folder, for ``stats`` and the reader.

Run by hand: ``python -c 'from reader.library.merge import *; run(Path("FOLDER"))'``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from whoosh.reading import SegmentReader

from reader.library import index as idx
from reader.library.home import INDEX_FOLDER, LOCK_FILE, STORE_FILE
from reader.library.lock import WriterLock

PROGRESS_FILE = "merge.progress"


class MergeStopped(BaseException):
    """A writer asked for the lock (SIGTERM): stop, keep the index as it was. Raised
    from the signal handler wherever the merge stands, so it is no Exception: code that
    turns a library's exceptions into its own (opening a damaged index) must not turn
    this one into a failure."""


@dataclass(frozen=True, slots=True)
class MergeProgress:
    pid: int
    done: int  # articles merged so far
    total: int
    started: float  # time.time()

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0


def segment_count(index_folder: Path) -> int:
    try:
        ix = idx.open_index(index_folder)
    except idx.IndexUnusable:
        return 0
    try:
        with ix.reader() as reader:
            return sum(1 for _ in reader.leaf_readers())
    finally:
        ix.close()


def merge_index(index_folder: Path, report=None) -> bool:
    """Merge every segment of the index into one (the caller holds the writer
    lock); ``report(done, total)`` after each segment. False if there was nothing
    to merge. Raises MergeStopped if stopped by SIGTERM meanwhile."""
    if segment_count(index_folder) < 2:
        return False
    ix = idx.open_index(index_folder)
    try:
        writer = idx.open_writer(ix)

        def merge_all(writer, segments):
            total = sum(segment.doc_count() for segment in segments)
            done = 0
            for segment in segments:
                reader = SegmentReader(writer.storage, writer.schema, segment)
                writer.add_reader(reader)  # copies the live documents only
                reader.close()
                done += segment.doc_count()
                if report:
                    report(done, total)
            return []

        writer.commit(mergetype=merge_all)  # on any exception Whoosh drops the new segment
        return True
    finally:
        ix.close()


def read_progress(library_folder: Path) -> MergeProgress | None:
    """The running merge's progress, or None (none running, or it was killed)."""
    try:
        data = json.loads((library_folder / PROGRESS_FILE).read_text())
        progress = MergeProgress(
            int(data["pid"]), int(data["done"]), int(data["total"]), float(data["started"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return progress if _alive(progress.pid) else None


def stop_merge(library_folder: Path) -> None:
    """Ask a running merge to stop (it lets go of the writer lock at once)."""
    progress = read_progress(library_folder)
    if progress is not None and progress.pid != os.getpid():
        with contextlib.suppress(OSError):  # it ended meanwhile
            os.kill(progress.pid, signal.SIGTERM)


# Below this many articles a query visits its few small segments in a few
# milliseconds anyway: no merge is started by itself (merge_index still merges).
MERGE_FROM_ARTICLES = 2_000


def start_merge(library_folder: Path, index_folder: Path) -> bool:
    """Start a background merge if the index is large enough to gain from one, has
    more than one segment, no merge runs and the disk has room for a second copy
    of the index (a merge writes the new segment beside the old ones); True if one
    was started."""
    if read_progress(library_folder) is not None or segment_count(index_folder) < 2:
        return False
    if _article_count(index_folder) < MERGE_FROM_ARTICLES or not _room_for_a_copy(index_folder):
        return False
    subprocess.Popen(
        merge_command(library_folder),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # outlives the command that started it, and its ctrl+c
        close_fds=True,
    )
    return True


def merge_command(library_folder: Path) -> list[str]:
    """The command line of a background merge (``python -m`` would load this module
    twice: the package imports it first)."""
    code = "import sys; from pathlib import Path; from reader.library.merge import run; sys.exit(run(Path(sys.argv[1])))"
    return [sys.executable, "-c", code, str(library_folder)]


def run(library_folder: Path) -> int:
    """The background process: merge under the writer lock if nobody writes."""
    from reader.library.store import Store
    from reader.library.sync import IndexSync

    def stop(signum, frame):
        raise MergeStopped

    signal.signal(signal.SIGTERM, stop)
    lock = WriterLock(library_folder / LOCK_FILE, 0.0)
    if not lock.try_acquire():
        return 0  # a writer is busy: it starts another merge when it is done
    progress_file = library_folder / PROGRESS_FILE
    started = time.time()

    def report(done: int, total: int) -> None:
        tmp = progress_file.with_suffix(".tmp")
        tmp.write_text(json.dumps({"pid": os.getpid(), "done": done, "total": total, "started": started}))
        os.replace(tmp, progress_file)

    try:
        report(0, 1)  # first thing: a writer finds whom to stop
        index_folder = library_folder / INDEX_FOLDER
        store = Store(library_folder / STORE_FILE, readonly=True)
        try:
            if IndexSync(index_folder, store).state() != "ok":
                return 0  # behind or damaged: the next writer repairs it first
        finally:
            store.close()
        merge_index(index_folder, report)
    except MergeStopped:
        return 0
    finally:
        progress_file.unlink(missing_ok=True)
        lock.release()
    return 0


def _article_count(index_folder: Path) -> int:
    try:
        ix = idx.open_index(index_folder)
    except idx.IndexUnusable:
        return 0
    try:
        return ix.doc_count()
    finally:
        ix.close()


def _room_for_a_copy(index_folder: Path) -> bool:
    size = sum(f.stat().st_size for f in index_folder.iterdir() if f.is_file())
    return shutil.disk_usage(index_folder).free > 2 * size + 64 * 1024 * 1024


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

"""How ``add`` hands batches to its workers: a folder of JSON Lines files keeps
both workers indexing, and batches are stored in the order they were handed out
whichever a worker finishes first.

The workers here are threads of a pool whose index tasks wait on each other, so
that the order of events is forced rather than left to timing."""

from __future__ import annotations

import json
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from reader.library import Library, adder
from reader.library.index import open_index
from reader.library.pipeline import index_chunk

PER_FILE = 2
FILES = 4
BATCH = 3  # more than a file holds: a batch takes articles from two files


def write_files(folder: Path) -> None:
    folder.mkdir()
    for f in range(FILES):
        lines = []
        for n in range(PER_FILE):
            body = (
                f"Farmers in district {f} reported harvest number {n} on Monday.\n\n"
                f"Output of wheat rose {f + n} percent, the ministry said."
            )
            lines.append(json.dumps({"title": f"Harvest {f}-{n}", "body": body}) + "\n")
        (folder / f"part{f}.jsonl").write_text("".join(lines))


class _Threads(ThreadPoolExecutor):
    """Two threads as the workers; every index task first runs ``before_indexing``
    with its number (0 for the first handed out)."""

    def __init__(self, before_indexing) -> None:
        super().__init__(max_workers=2)
        self.before_indexing = before_indexing
        self.handed_out = 0

    def submit(self, fn, /, *args, **kwargs) -> Future:
        if fn is index_chunk:
            number, self.handed_out = self.handed_out, self.handed_out + 1

            def task():
                self.before_indexing(number)
                return index_chunk(*args, **kwargs)

            return super().submit(task)
        return super().submit(fn, *args, **kwargs)


def add_with(monkeypatch, tmp_path: Path, pool: _Threads) -> Library:
    files = tmp_path / "files"
    write_files(files)
    monkeypatch.setattr(adder, "_executor", lambda to_process, workers: pool)
    library = Library.open(tmp_path / "lib", seed=False)
    report = library.add([files], workers=2, batch_size=BATCH)
    assert report.articles == FILES * PER_FILE
    assert not report.problems and not report.skipped
    return library


def test_two_batches_are_indexed_at_once_from_several_json_lines_files(monkeypatch, tmp_path):
    # The first two batches meet at the barrier: the add reads the next file and
    # hands out a second batch while the first is indexed (it used to wait for the
    # first batch whenever a file ended before a batch was full).
    both_busy = threading.Barrier(2, timeout=20)
    met = []

    def before_indexing(number: int) -> None:
        if number < 2:
            both_busy.wait()
            met.append(number)

    library = add_with(monkeypatch, tmp_path, _Threads(before_indexing))
    try:
        assert sorted(met) == [0, 1]
        assert library.stats().articles == FILES * PER_FILE
    finally:
        library.close()


def test_batches_are_stored_in_the_order_they_were_handed_out(monkeypatch, tmp_path):
    # The first batch finishes last; its articles still come first in the index
    # (the order of articles in the index breaks ties between hits of equal score).
    second_done = threading.Event()

    def before_indexing(number: int) -> None:
        if number == 0:
            assert second_done.wait(20)

    pool = _Threads(before_indexing)
    original = pool.submit

    def submit(fn, /, *args, **kwargs):
        future = original(fn, *args, **kwargs)
        if fn is index_chunk and pool.handed_out == 2:
            future.add_done_callback(lambda _: second_done.set())
        return future

    pool.submit = submit  # type: ignore[method-assign]
    library = add_with(monkeypatch, tmp_path, pool)
    try:
        places = {
            i: (path, part)
            for i, path, part in library.store.db.execute("SELECT id, path, part FROM articles")
        }
        ix = open_index(library.index_folder)
        try:
            with ix.reader() as reader:
                in_index = [fields["id"] for _, fields in reader.iter_docs()]
        finally:
            ix.close()
        first_batches = in_index[: 2 * BATCH]
        assert [places[i] for i in first_batches] == sorted(places[i] for i in first_batches)
    finally:
        library.close()


def test_a_json_lines_file_behind_files_being_cleaned_is_read_once_they_are(tmp_path):
    # As many pages as are cleaned at once, then a JSON Lines file: the file waited
    # for a free cleaning slot in a loop that never took in the cleaned pages, and
    # the add spun for ever. (A thread, so that a relapse fails instead of hanging.)
    files = tmp_path / "files"
    files.mkdir()
    for n in range(adder._MAX_CLEANING_AHEAD):
        (files / f"page{n}.txt").write_text(
            f"Harvest report {n}\n\nFarmers in district {n} reported a record wheat harvest on "
            "Monday, the ministry said in a statement.\n"
        )
    (files / "wire.jsonl").write_text(
        json.dumps({"title": "Oil prices", "body": "Oil prices rose on Monday, traders said."}) + "\n"
    )
    library = Library.open(tmp_path / "lib", seed=False)
    reports = []
    adding = threading.Thread(target=lambda: reports.append(library.add([files], workers=2)), daemon=True)
    adding.start()
    adding.join(60)
    assert not adding.is_alive(), "add never finished"
    try:
        assert reports[0].articles == adder._MAX_CLEANING_AHEAD + 1
        assert not reports[0].problems and not reports[0].skipped
    finally:
        library.close()

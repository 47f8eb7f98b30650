"""Merging the index's segments in the background: a kill -9 at any moment loses
nothing, a writer never waits for a merge, and a merged index answers the same."""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from test_library_support import corpus_sample

from reader.library import Library
from reader.library.merge import merge_command, read_progress, segment_count


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A library of 1,500 corpus articles in 15 segments."""
    folder = tmp_path_factory.mktemp("merge")
    sample = corpus_sample(folder, 1500)
    library = Library.open(folder / "lib", seed=False)
    library.add([sample], workers=1, batch_size=100)
    library.close()
    return folder / "lib"


@pytest.fixture
def library_folder(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    shutil.copytree(template, folder)
    return folder


def every_article_answers(folder: Path) -> None:
    library = Library.open(folder, seed=False)
    try:
        ids = set(library.store.article_ids())
        reader = library.engine.searcher().reader()
        indexed = [fields["id"] for _, fields in reader.iter_docs()]
        assert sorted(indexed) == sorted(ids)  # each article once, no other
        for stored in itertools.islice(library.store.iter_articles(), 0, None, 50):
            words = " ".join(f'"{w}"' for w in stored.article.title.split()[:4] if w.isalpha())
            if words:
                assert stored.id in {h.id for h in library.search(words, limit=50).hits}, words
    finally:
        library.close()


def start_merge(folder: Path) -> subprocess.Popen:
    return subprocess.Popen(merge_command(folder))


def wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_the_template_has_many_segments(template):
    assert segment_count(template / "index") >= 15


# Articles re-indexed during an add (their people renamed) leave deleted copies that
# still count in the term statistics until a merge drops them: scores move a little,
# and hits of nearly equal score may swap places.
_SCORE_DRIFT = 0.05


def test_a_merge_leaves_one_segment_answering_the_same(library_folder):
    queries = ["oil prices", '"interest rates"', "bank OR dollar"]
    before = Library.open(library_folder, seed=False)
    expected = {q: before.search(q, limit=before.search(q, limit=1).total) for q in queries}
    before.close()
    merge = start_merge(library_folder)
    assert merge.wait(timeout=300) == 0
    assert segment_count(library_folder / "index") == 1
    after = Library.open(library_folder, seed=False)
    for query, results in expected.items():
        again = after.search(query, limit=results.total)
        assert again.total == results.total
        scores = {h.id: h.score for h in results.hits}
        assert {h.id for h in again.hits} == set(scores)
        for hit in again.hits:
            assert abs(hit.score - scores[hit.id]) <= _SCORE_DRIFT * scores[hit.id], (query, hit.id)
    after.close()
    assert read_progress(library_folder) is None
    every_article_answers(library_folder)


@pytest.mark.parametrize("delay", [0.0, 0.5, 1.5, 3.0])
def test_a_merge_killed_at_any_moment_loses_nothing(library_folder, delay):
    merge = start_merge(library_folder)
    wait_for(lambda: read_progress(library_folder) is not None or merge.poll() is not None)
    time.sleep(delay)
    os.kill(merge.pid, signal.SIGKILL)
    merge.wait()
    every_article_answers(library_folder)
    assert read_progress(library_folder) is None  # the dead merge's progress is not taken for live
    library = Library.open(library_folder, seed=False)
    assert library.merge()  # a later merge completes
    library.close()
    assert segment_count(library_folder / "index") == 1
    every_article_answers(library_folder)


def test_a_writer_stops_a_merge_instead_of_waiting(library_folder, tmp_path):
    merge = start_merge(library_folder)
    wait_for(lambda: read_progress(library_folder) is not None)
    library = Library.open(library_folder, seed=False, lock_timeout=5.0)
    started = time.monotonic()
    with library.writing():
        waited = time.monotonic() - started
    library.close()
    assert merge.wait(timeout=30) == 0
    assert waited < 5.0
    every_article_answers(library_folder)


def test_a_background_merge_starts_only_where_it_pays(library_folder, monkeypatch):
    from reader.library import merge

    library = Library.open(library_folder, seed=False)
    assert not library.merge_in_background()  # 1,500 articles: fast enough in pieces
    monkeypatch.setattr(merge, "MERGE_FROM_ARTICLES", 1_000)
    assert library.merge_in_background()
    wait_for(lambda: segment_count(library_folder / "index") == 1 and read_progress(library_folder) is None)
    assert not library.merge_in_background()  # one segment: nothing to merge
    library.close()
    every_article_answers(library_folder)


@pytest.mark.parametrize("stopped_in", ["state", "segment_count", "merge_index"])
def test_a_stop_while_the_index_is_opened_is_a_clean_stop(library_folder, monkeypatch, stopped_in):
    """The signal lands wherever the merge stands, here inside the code that turns
    Whoosh's failures to open an index into "index unusable": while the merge checks
    the index is in step with the store, counts its segments, opens it to merge."""
    import inspect

    from whoosh import index as whoosh_index

    from reader.library import merge

    open_dir = whoosh_index.open_dir
    stopped = []

    def opened_as_a_writer_asks_to_stop(*args, **kwargs):
        callers = [frame.function for frame in inspect.stack()]
        if not stopped and callers[callers.index("open_index") + 1] == stopped_in:
            stopped.append(True)
            os.kill(os.getpid(), signal.SIGTERM)
        return open_dir(*args, **kwargs)

    segments = segment_count(library_folder / "index")
    monkeypatch.setattr(whoosh_index, "open_dir", opened_as_a_writer_asks_to_stop)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        assert merge.run(library_folder) == 0
    finally:
        signal.signal(signal.SIGTERM, previous)
    monkeypatch.undo()
    assert stopped
    assert read_progress(library_folder) is None
    assert segment_count(library_folder / "index") == segments  # stopped before merging
    every_article_answers(library_folder)

"""The store is the source of truth; the index follows it through crashes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest
from test_library_support import small_library, stored_docs, write_articles

from reader.library import Library, LibraryBusy
from reader.library import index as idx
from reader.library.lock import WriterLock


def doc_count(library: Library) -> int:
    return library.engine.document_count()


def test_index_missing_is_rebuilt_on_open(tmp_path):
    small_library(tmp_path).close()

    shutil.rmtree(tmp_path / "lib" / "index")
    with Library.open(tmp_path / "lib", seed=False) as library:
        assert doc_count(library) == 5
        assert library.search("putin").total == 2


def test_damaged_index_is_rebuilt_on_open(tmp_path):
    small_library(tmp_path).close()
    for file in (tmp_path / "lib" / "index").iterdir():
        if file.name.endswith(".toc"):
            file.write_bytes(b"garbage")
    with Library.open(tmp_path / "lib", seed=False) as library:
        assert library.search("cricket").total == 1


def test_index_behind_the_store_catches_up_without_duplicates(tmp_path):
    library = small_library(tmp_path)
    docs = stored_docs(tmp_path / "more")
    # The store commits, then the process dies before the index commits.
    write_articles(library, docs, commit=False)
    assert library.store.queue_length() == 5
    library.close()
    with Library.open(tmp_path / "lib", seed=False) as reopened:
        assert reopened.store.queue_length() == 0
        assert doc_count(reopened) == 10
        assert reopened.search("putin").total == 4


def test_index_committed_but_generation_not_written_gives_no_duplicates(tmp_path):
    library = small_library(tmp_path)
    generation_before = idx.index_generation(tmp_path / "lib" / "index")
    with library.writing() as sync:
        docs = stored_docs(tmp_path / "docs")  # the same articles again
        for stored in docs:
            library.store.replace_source(library.store.source(stored.article.path), [stored])
        sync.apply([d.id for d in docs], docs)
        sync._writer.commit()  # the crash comes right after Whoosh's commit
        sync._writer = None
    assert idx.index_generation(tmp_path / "lib" / "index") == generation_before
    library.close()
    with Library.open(tmp_path / "lib", seed=False) as reopened:
        assert doc_count(reopened) == 5
        assert reopened.search("putin").total == 2


def test_remove_forgets_sources_under_a_folder(tmp_path):
    library = small_library(tmp_path)
    report = library.remove([tmp_path / "docs" / "cricket.txt"])
    assert (report.sources, report.articles) == (1, 1)
    assert library.search("cricket").total == 0
    report = library.remove([tmp_path / "docs"])
    assert (report.sources, report.articles) == (4, 4)
    assert doc_count(library) == 0
    assert library.store.article_count() == 0


def test_rebuild_from_store(tmp_path):
    library = small_library(tmp_path)
    report = library.rebuild()
    assert report.articles == 5 and report.recleaned_sources == 0  # the files do not exist
    assert library.search("moscow").total == 1


def test_article_references(tmp_path):
    library = small_library(tmp_path)
    hit = library.search("cricket").hits[0]
    assert library.article(hit.id).article.title == "England win the cricket test"
    assert library.article(hit.id[:6]).id == hit.id
    assert library.article("cricket").id == hit.id  # file-name prefix
    assert library.article(str(tmp_path / "docs" / "cricket.txt")).id == hit.id
    with pytest.raises(LookupError, match="no article"):
        library.article("nothing-like-this")


MOSCOW = " ".join(
    [
        "The talks in Moscow went on late into the night, aides to both ministers said on Friday.",
        "Neither side would say what had been agreed, and a joint statement was put off.",
        "The ministers are to meet again next week in Geneva, officials said.",
    ]
)
CRICKET = " ".join(
    [
        "England won the cricket test by an innings on Sunday, the board said in a statement.",
        "The captain praised his bowlers, who took the last six wickets before lunch.",
        "The series moves to Leeds next week, where the home side has won its last four tests.",
    ]
)


def test_a_file_name_prefix_that_also_starts_an_id_names_the_file(tmp_path):
    """Ids are hashes of paths: "000" may start some article's id as well as the file
    name 000_….txt; it names the file, and a whole id still names its article."""
    docs = tmp_path / "docs"
    docs.mkdir()
    first = docs / "a.txt"
    first.write_text(f"Moscow talks\n\n{MOSCOW}\n")
    library = Library.open(tmp_path / "lib", seed=False)
    library.add([first])
    first_id = library.article("a").id
    prefix = first_id[:4]
    (docs / f"{prefix}_notes.txt").write_text(f"Cricket notes\n\n{CRICKET}\n")
    library.add([docs])
    assert library.article(prefix).article.title == "Cricket notes"
    assert library.article(first_id).article.title == "Moscow talks"
    assert library.article(first_id[:8]).article.title == "Moscow talks"
    library.close()


HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from reader.library.lock import WriterLock
    lock = WriterLock(Path(sys.argv[1]))
    assert lock.try_acquire()
    print("held", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def other_writer(tmp_path):
    def start(library: Library) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(library.folder / "write.lock")],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout.readline().strip() == "held"
        started.append(process)
        return process

    started: list[subprocess.Popen] = []
    yield start
    for process in started:
        process.kill()
        process.wait()


def test_second_writer_is_refused_with_the_holder_pid(tmp_path, other_writer):
    library = small_library(tmp_path)
    holder = other_writer(library)
    with pytest.raises(LibraryBusy, match=rf"pid {holder.pid}"), library.writing(wait=False):
        pass


def test_second_writer_waits_with_a_message_then_gives_up(tmp_path, other_writer):
    messages: list[str] = []
    library = small_library(tmp_path)
    library.lock_timeout = 0.3
    library.on_wait = messages.append
    holder = other_writer(library)
    with pytest.raises(LibraryBusy, match=r"gave up after 0\.3 s"):
        library.remove([tmp_path / "docs"])
    assert messages == [f"another news-reader (pid {holder.pid}) is writing to this library; waiting…"]
    # Readers are never blocked.
    assert library.search("putin").total == 2


def test_writer_gets_the_lock_once_the_holder_dies(tmp_path, other_writer):
    library = small_library(tmp_path)
    holder = other_writer(library)
    holder.kill()  # kill -9: the kernel drops the flock
    holder.wait()
    lock = WriterLock(library.folder / "write.lock", timeout=5)
    lock.acquire()
    lock.release()


def test_rebuild_recleans_what_an_older_cleaner_made(tmp_path):
    from reader.paths import seeds_dir

    page = tmp_path / "pages" / "001.txt"
    page.parent.mkdir()
    shutil.copy(next(seeds_dir().glob("001_*")), page)
    library = Library.open(tmp_path / "lib", seed=False)
    library.add([page])
    with library.store.db:  # as if another version of the cleaner had made it
        library.store.db.execute("UPDATE sources SET pipeline = 'older'")
    assert library.stats().stale_articles == 1
    report = library.rebuild()
    assert report.recleaned_sources == 1 and report.articles == 1
    assert library.stats().stale_articles == 0
    assert library.search("Kerry").total == 1
    library.close()


def test_readers_open_and_search_while_a_write_transaction_is_open(tmp_path):
    import sqlite3

    small_library(tmp_path).close()
    writer = sqlite3.connect(tmp_path / "lib" / "library.sqlite3", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # the writer is in the middle of a batch
    writer.execute("UPDATE meta SET value = value WHERE key = 'generation'")
    try:
        with Library.open(tmp_path / "lib", seed=False) as reader:
            assert reader.search("putin").total == 2
            assert reader.article("cricket").article.title == "England win the cricket test"
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_library_of_an_older_format_is_migrated_and_keeps_its_articles(tmp_path):
    import sqlite3

    from reader.library.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError
    from reader.sqlite_schema import statements

    old = tmp_path / "old.sqlite3"
    db = sqlite3.connect(old)
    for statement in statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("INSERT INTO meta VALUES ('schema', '1'), ('generation', '3')")
    db.execute(
        "INSERT INTO articles VALUES ('abc', '/p.txt', 0, 'Title', 'Body text.', NULL, NULL, NULL, NULL, 1, 2)"
    )
    db.commit()
    db.close()

    store = Store(old)
    assert store.meta("schema") == str(SCHEMA_VERSION) and store.generation == 3
    stored = store.get("abc")
    assert stored is not None and stored.article.title == "Title" and stored.article.author is None
    store.close()

    with sqlite3.connect(old) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    with pytest.raises(StoreError, match=f"library format 99, this version reads up to {SCHEMA_VERSION}"):
        Store(old)


@pytest.mark.parametrize("scan_from", [1, 10_000])
def test_articles_with_renamed_people_whether_looked_up_or_scanned(tmp_path, monkeypatch, scan_from):
    # Many ids are answered by one pass over the renamed people's mentions, a few
    # article by article: the same articles either way.
    from reader.library import store as store_module

    monkeypatch.setattr(store_module, "_SCAN_RENAMED_FROM", scan_from)
    library = small_library(tmp_path)
    try:
        store = library.store
        ids = sorted(store.article_ids())
        kerry = sorted(
            row[0]
            for row in store.db.execute("SELECT DISTINCT article_id FROM mentions WHERE name = 'John Kerry'")
        )
        assert kerry and len(kerry) < len(ids)
        store.set_person_canonical({"John Kerry": "John F. Kerry"}, [])
        assert store.ids_with_renamed_people(ids) == kerry
        assert store.ids_with_renamed_people([i for i in ids if i not in kerry]) == []
    finally:
        library.close()


def test_an_added_article_under_a_renamed_person_stays_queued_until_indexed_again(tmp_path, monkeypatch):
    # A worker indexes a new article under its own names ("John Kerry"); the library
    # calls him otherwise ("John F. Kerry"), so the add indexes it again at the end.
    # Until then it is queued for the index: an add killed meanwhile leaves it for
    # the next writer to catch up, not indexed under the wrong name for good.
    from reader.library import stories

    library = small_library(tmp_path)
    try:
        library.correct_people("rename", "John Kerry", "John F. Kerry")
        page = tmp_path / "visit.txt"
        page.write_text(
            "Kerry visits Paris\n\n"
            "Secretary of State John Kerry arrived in Paris on Monday for talks on the war.\n\n"
            "John Kerry said the talks would last two days.\n"
        )
        queued_while_grouping: list[set[str]] = []
        group = stories.update

        def update(store, *args, **kwargs):
            queued_while_grouping.append({i for i, _ in store.queued()})
            return group(store, *args, **kwargs)

        monkeypatch.setattr(stories, "update", update)
        library.add([page], workers=1)
        (visit,) = library.articles_in_file(str(page))
        own_names = library.store.db.execute(
            "SELECT DISTINCT name FROM mentions WHERE article_id = ? AND label = 'PERSON'", (visit.id,)
        )
        assert [row[0] for row in own_names] == ["John Kerry"]
        assert {span.name for span in visit.entities if span.label == "PERSON"} == {"John F. Kerry"}
        assert visit.id in queued_while_grouping[0]
        assert library.store.queue_length() == 0
        assert visit.id in {hit.id for hit in library.search('"John F. Kerry"').hits}
    finally:
        library.close()

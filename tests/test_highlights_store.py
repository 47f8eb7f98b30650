"""The highlight store: changes, undo, durability under kill -9, re-anchoring."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from itertools import count

import pytest

from reader.highlights.store import (
    SCHEMA_VERSION,
    STORE_FILE,
    HighlightError,
    HighlightNotFound,
    HighlightStore,
    HighlightStoreError,
    QuoteNotFound,
)
from reader.library import Library
from reader.model import Article

BODY = (
    "Talks opened in Geneva on Monday.\n\n"
    "The minister said the talks would go on. Officials said the talks would go on.\n\n"
    "Nobody expected a deal before the summer."
)


@dataclass(frozen=True)
class Stored:
    id: str
    article: Article


ARTICLE = Stored("a1b2c3", Article(path="/pages/geneva.txt", title="Geneva", body=BODY))


def ticking_clock():
    ticks = count()
    return lambda: f"2026-01-01T00:00:{next(ticks):02d}Z"


@pytest.fixture
def store(tmp_path):
    with HighlightStore(tmp_path, clock=ticking_clock()) as opened:
        yield opened


def test_add_keeps_quote_context_note_and_tags(store):
    start = BODY.index("Nobody")
    h = store.add(
        ARTICLE, start - 2, len(BODY), note="  key line ", tags=["Deal", "#geneva", "deal", "two words"]
    )
    assert (h.start, h.end, h.quote) == (start, len(BODY), BODY[start:])  # white space trimmed
    assert h.prefix == BODY[start - 32 : start] and h.suffix == ""
    assert (h.note, h.tags) == ("key line", ("Deal", "geneva", "two-words"))
    assert len(h.id) == 8 and int(h.id, 16) >= 0
    assert (h.created, h.updated, h.article_id, h.path, h.part) == (
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00Z",
        "a1b2c3",
        "/pages/geneva.txt",
        0,
    )
    assert store.get(h.id[:3]) == h
    assert store.list() == [h]
    with pytest.raises(HighlightError, match="only white space"):
        store.add(ARTICLE, 33, 35)
    with pytest.raises(HighlightError, match="no passage"):
        store.add(ARTICLE, 5, 5000)


def test_add_quote_occurrences(store):
    h, places = store.add_quote(ARTICLE, "said the talks would go on", occurrence=2)
    assert places == 2 and h.start == BODY.rindex("said the talks")
    with pytest.raises(QuoteNotFound, match="occurs 2 times in a1b2c3, there is no occurrence 3"):
        store.add_quote(ARTICLE, "said the talks would go on", occurrence=3)
    with pytest.raises(QuoteNotFound, match="quote not found in a1b2c3: 'talks closed'"):
        store.add_quote(ARTICLE, "talks closed")


def test_filters(store):
    a = store.add(ARTICLE, 0, 33, note="opening", tags=["geneva"])
    b = store.add(ARTICLE, BODY.index("Nobody"), len(BODY), tags=["Deal"])
    other = Stored("ffff00", Article(path="/pages/other.txt", title="Other", body="Another text here."))
    c = store.add(other, 0, 7)
    assert store.list(article_id="a1b2c3") == [a, b]
    assert store.list(tag="deal") == [b] and store.list(tag="#GENEVA") == [a]
    assert store.list(text="OPENING") == [a] and store.list(text="another") == [c]
    assert store.list(since="2026-01-01T00:00:01Z") == [b, c]
    assert store.tags() == [("Deal", 1), ("geneva", 1)]
    assert store.count() == 3


def test_delete_undo_and_journal_survive_reopening(tmp_path):
    store = HighlightStore(tmp_path, clock=ticking_clock())
    h = store.add(ARTICLE, 0, 33)
    store.update_note(h.id, "first note")
    store.set_tags(h.id, ["x", "y"])
    store.delete(h.id)
    assert store.list() == [] and store.count(include_deleted=True) == 1
    with pytest.raises(HighlightNotFound):
        store.get(h.id)
    store.close()

    store = HighlightStore(tmp_path, clock=ticking_clock())
    undone = store.undo()
    assert undone.action == "delete" and undone.highlight.deleted_at is None
    assert store.undo().highlight.tags == ()
    assert store.undo().highlight.note == ""
    assert store.undo().action == "add"
    assert store.list() == [] and store.undo() is None
    assert store.undo_delete(h.id).deleted_at is None
    assert [x.id for x in store.list()] == [h.id]
    store.close()


def test_unchanged_edit_writes_no_journal(store):
    h = store.add(ARTICLE, 0, 33, note="same")
    assert store.update_note(h.id, "same ") == h
    assert store.undo().action == "add"


def test_ids_are_checked(store):
    with pytest.raises(HighlightNotFound, match="up to 8 hex digits"):
        store.get("xyz")
    with pytest.raises(HighlightNotFound, match="no highlight 'abcdef01'"):
        store.get("abcdef01")


def test_two_connections_see_each_other(tmp_path):
    with HighlightStore(tmp_path) as tui, HighlightStore(tmp_path) as cli:
        h = cli.add(ARTICLE, 0, 33)
        assert tui.get(h.id) == h
        tui.delete(h.id)
        assert cli.list() == []


def test_not_a_store_and_newer_format(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / STORE_FILE).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(HighlightStoreError, match="not a highlight store"):
        HighlightStore(tmp_path / "bad")
    import sqlite3

    (tmp_path / "new").mkdir()
    db = sqlite3.connect(tmp_path / "new" / STORE_FILE)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(HighlightStoreError, match=f"format 99, this version reads up to {SCHEMA_VERSION}"):
        HighlightStore(tmp_path / "new")


WRITER = textwrap.dedent(
    """
    import sys
    from dataclasses import dataclass
    from reader.highlights.store import HighlightStore
    from reader.model import Article

    @dataclass(frozen=True)
    class Stored:
        id: str
        article: Article

    body = " ".join(f"word{i}" for i in range(2000))
    stored = Stored("k1ll", Article(path="/pages/kill.txt", title="Kill", body=body))
    store = HighlightStore(sys.argv[1])
    i = 0
    while True:
        h = store.add(stored, i % 1500, i % 1500 + 40, note=f"note {i}", tags=[f"t{i % 7}", "kill"])
        if i % 3 == 0:
            store.update_note(h.id, f"edited {i}")
        print(h.id, flush=True)
        i += 1
    """
)


def test_kill_during_writes_keeps_every_committed_highlight(tmp_path):
    folder = tmp_path / "lib"
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
    )
    committed: list[str] = []
    try:
        while len(committed) < 60:
            line = process.stdout.readline()
            assert line, "the writer died early"
            committed.append(line.strip())
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    committed += [line.strip() for line in process.stdout.read().splitlines() if line.strip()]
    with HighlightStore(folder) as store:
        assert store.integrity_check() == "ok"
        found = {h.id: h for h in store.list()}
        assert set(committed) <= set(found)
        # A row is whole or absent: its tags were written in the same transaction.
        assert all(h.tags[-1] == "kill" and len(h.tags) == 2 for h in found.values())
        assert len(found) - len(committed) <= 1  # at most the one being printed when killed
        store.add(ARTICLE, 0, 33)  # and the store is writable again


@pytest.fixture
def page_library(tmp_path):
    page = tmp_path / "pages" / "summit.txt"
    page.parent.mkdir()
    paragraphs = [
        "Leaders meet for climate summit",
        "Leaders from forty countries met in Lisbon on Tuesday for a summit on climate "
        "finance, with the host calling for a common fund.",
        "The prime minister said “the money must reach the poorest first” and promised "
        "a plan within a month.",
        "Delegates will meet again in the autumn to agree on the size of the fund.",
    ]
    page.write_text("\n\n".join(paragraphs) + "\n")
    library = Library.open(tmp_path / "lib", seed=False)
    library.add([page])
    yield library, page, paragraphs
    library.close()


def test_highlight_reanchors_after_the_article_gains_a_paragraph(page_library, tmp_path):
    library, page, paragraphs = page_library
    stored = library.article("summit")
    store = library.highlights
    quote = "the money must reach the poorest first"
    h, _ = store.add_quote(stored, quote, note="the point", tags=["climate"])
    old_start = h.start

    page.write_text(
        "\n\n".join(
            paragraphs[:1] + ["A correction was added to this story on Wednesday morning."] + paragraphs[1:]
        )
        + "\n"
    )
    library.add([page])
    library.rebuild()  # re-indexing leaves the highlights alone
    moved = library.article("summit")
    assert moved.id == stored.id and moved.article.body != stored.article.body
    [placed] = store.for_article(moved)
    assert placed.id == h.id and not placed.orphaned
    assert placed.start > old_start
    assert moved.article.body[placed.start : placed.end] == quote
    assert store.get(h.id).start == placed.start  # stored by the add that moved it
    assert (placed.note, placed.tags) == ("the point", ("climate",))

    # The quote disappears from the article: the highlight is kept, marked orphaned.
    page.write_text("\n\n".join(paragraphs[:2] + paragraphs[3:]) + "\n")
    library.add([page])
    [orphan] = store.for_article(library.article("summit"))
    assert orphan.orphaned and orphan.quote == quote and orphan.start == placed.start
    assert store.get(h.id).orphaned


def test_highlights_survive_losing_the_index_and_store(page_library):
    library, page, _ = page_library
    folder = library.folder
    with HighlightStore(folder) as store:
        h, _ = store.add_quote(library.article("summit"), "a common fund")
    library.close()
    import shutil

    shutil.rmtree(folder / "index")
    for leftover in folder.glob("library.sqlite3*"):
        leftover.unlink()
    with HighlightStore(folder) as store:
        assert [x.quote for x in store.list()] == ["a common fund"]
        assert store.get(h.id).path == str(page)


def test_a_writer_holding_the_lock_too_long_is_a_message(tmp_path):
    import sqlite3

    from reader.highlights.store import HighlightStoreBusy

    HighlightStore(tmp_path).close()
    blocker = sqlite3.connect(tmp_path / STORE_FILE, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with HighlightStore(tmp_path, busy_timeout=0.1) as store:  # opening needs no write lock
            assert store.list() == []
            with pytest.raises(HighlightStoreBusy, match="another news-reader has been writing highlights"):
                store.add(ARTICLE, 0, 33)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_locating_while_another_process_writes_still_answers_and_writes_nothing(tmp_path):
    import sqlite3

    with HighlightStore(tmp_path) as store:
        h = store.add(ARTICLE, BODY.index("Nobody"), len(BODY))
    shifted = Stored(
        ARTICLE.id, Article(path=ARTICLE.article.path, title="Geneva", body="New lead.\n\n" + BODY)
    )
    blocker = sqlite3.connect(tmp_path / STORE_FILE, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with HighlightStore(tmp_path, busy_timeout=0.1) as store:
            [placed] = store.for_article(shifted)
            assert placed.start == h.start + len("New lead.\n\n")
            assert store.get(h.id).start == h.start  # reading never writes
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()

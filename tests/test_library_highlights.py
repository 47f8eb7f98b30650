"""Highlights joined with the library: articles that moved, split anew or went away."""

from __future__ import annotations

import json

import pytest

from reader.export import render_markdown
from reader.library import BadFilter, HighlightFilter, Library, parse_since

RECORDS = [
    {
        "title": "Harbour reopens after storm",
        "source": "Coast Wire",
        "date": "2024-03-01",
        "body": "The harbour reopened on Friday after the storm.\n\nFishermen said Maria Lopez, the harbour "
        "master, had kept the boats safe through the night.",
    },
    {
        "title": "Bridge vote delayed",
        "source": "Town Hall News",
        "date": "2024-03-02",
        "body": "The council delayed its vote on the new bridge.\n\nMayor John Barrow said the costs "
        "had to be checked again before any decision.",
    },
]


def write_records(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))


@pytest.fixture
def setup(tmp_path):
    feed = tmp_path / "pages" / "feed.jsonl"
    feed.parent.mkdir()
    write_records(feed, RECORDS)
    library = Library.open(tmp_path / "lib", seed=False)
    library.add([feed])
    yield library, library.highlights, feed
    library.close()


def test_people_and_filters(setup):
    library, store, _feed = setup
    harbour = library.article("feed#0")
    bridge = library.article("feed#1")
    store.add_quote(harbour, "Maria Lopez, the harbour master", tags=["sea"])
    store.add_quote(bridge, "the costs had to be checked again", note="money")
    groups = library.select_highlights()
    assert [g.title for g in groups] == ["Harbour reopens after storm", "Bridge vote delayed"]
    assert groups[0].highlights[0].people == ("Maria Lopez",)
    assert groups[1].highlights[0].people == ()  # the mayor is named outside the passage
    assert groups[1].people == ("John Barrow",)

    def titles(**wanted):
        return [g.title for g in library.select_highlights(HighlightFilter(**wanted))]

    assert titles(person="barrow") == ["Bridge vote delayed"]  # the article names him
    assert titles(person="Maria Lopez") == ["Harbour reopens after storm"]
    assert titles(person="nobody known") == []
    assert titles(query="bridge") == ["Bridge vote delayed"]
    assert titles(query="person:lopez OR council") == ["Harbour reopens after storm", "Bridge vote delayed"]
    assert titles(query="date:2024-03-02") == ["Bridge vote delayed"]
    assert titles(query="storm", tag="sea") == ["Harbour reopens after storm"]
    assert titles(query="storm", tag="money") == []
    assert titles(article="feed#1") == ["Bridge vote delayed"]
    assert titles(text="MONEY") == ["Bridge vote delayed"]
    assert titles(since="2999-01-01") == []


def test_file_split_anew_relinks_to_the_story_holding_the_quote(setup):
    library, store, feed = setup
    old = library.article("feed#1")
    h, _ = store.add_quote(old, "the costs had to be checked again")
    # A new first record shifts every story: the old id now names another article.
    write_records(feed, [{"title": "Weather", "body": "Rain is expected all week."}] + RECORDS)
    library.add([feed])
    assert library.article("feed#1").article.title == "Harbour reopens after storm"
    [group] = library.select_highlights()
    assert group.title == "Bridge vote delayed" and group.part == 2
    [placed] = group.highlights
    assert not placed.highlight.orphaned
    moved = library.article("feed#2")
    assert moved.article.body[placed.highlight.start : placed.highlight.end] == h.quote
    assert store.get(h.id).article_id == moved.id  # stored by the add that moved it


def test_removed_article_keeps_its_highlights(setup):
    library, store, feed = setup
    _h, _ = store.add_quote(library.article("feed#0"), "The harbour reopened", note="kept")
    library.remove([feed])
    [group] = library.select_highlights()
    assert not group.in_library and group.title == "feed.jsonl"
    assert group.highlights[0].highlight.quote == "The harbour reopened"
    text = render_markdown([group])
    assert "*This article is no longer in the library; passages are quoted as highlighted.*" in text
    assert "> The harbour reopened\n" in text


def test_orphaned_highlight_is_exported_and_marked(setup):
    library, store, feed = setup
    store.add_quote(library.article("feed#0"), "kept the boats safe")
    changed = [dict(RECORDS[0], body="The harbour reopened on Friday."), RECORDS[1]]
    write_records(feed, changed)
    library.add([feed])
    [group] = library.select_highlights()
    assert group.in_library and group.highlights[0].highlight.orphaned
    assert "- *Not found in the article's current text.*" in render_markdown([group])


def test_parse_since():
    assert parse_since("2026-11-01") == "2026-11-01"
    assert parse_since("2026-11-01T08:30") == "2026-11-01T08:30:00Z"
    assert parse_since("2026-11-01T10:30+02:00") == "2026-11-01T08:30:00Z"
    with pytest.raises(BadFilter, match="cannot read the date '11/01/2026'"):
        parse_since("11/01/2026")


def test_reading_view_marks_follow_a_resplit_file(setup):
    library, store, feed = setup
    h, _ = store.add_quote(library.article("feed#1"), "the costs had to be checked again")
    store.add_quote(library.article("feed#0"), "The harbour reopened")
    write_records(feed, [{"title": "Weather", "body": "Rain is expected all week."}] + RECORDS)
    library.add([feed])
    bridge = library.article("feed#2")
    [placed] = library.highlights_of(bridge)
    assert placed.highlight.id == h.id and not placed.highlight.orphaned
    assert bridge.article.body[placed.highlight.start : placed.highlight.end] == h.quote
    assert placed.people == ()
    assert [p.highlight.quote for p in library.highlights_of(library.article("feed#1"))] == [
        "The harbour reopened"
    ]
    assert library.highlights_of(library.article("feed#0")) == []


def test_reading_highlights_writes_nothing_and_add_stores_the_new_places(setup):
    library, store, feed = setup
    h, _ = store.add_quote(library.article("feed#1"), "the costs had to be checked again")
    before = store.db.total_changes
    write_records(feed, [{"title": "Weather", "body": "Rain is expected all week."}] + RECORDS)
    report = library.add([feed])
    assert report.highlights.moved == 1 and report.highlights.orphaned == 0
    assert report.highlights.problem is None
    after_add = store.db.total_changes
    assert after_add > before
    moved = library.article("feed#2")
    library.select_highlights()
    library.highlights_of(moved)
    from reader.export import export_highlights

    assert export_highlights(library) is not None
    assert store.db.total_changes == after_add  # listing, reading and exporting wrote nothing
    assert store.get(h.id).article_id == moved.id


def test_a_busy_highlight_store_is_reported_by_add_not_swallowed(setup, tmp_path):
    import sqlite3

    library, store, feed = setup
    store.add_quote(library.article("feed#1"), "the costs had to be checked again")
    store.db.execute("PRAGMA busy_timeout = 100")
    blocker = sqlite3.connect(library.folder / "highlights.sqlite3")
    blocker.execute("BEGIN IMMEDIATE")
    try:
        write_records(feed, [{"title": "Weather", "body": "Rain is expected all week."}] + RECORDS)
        report = library.add([feed])
    finally:
        blocker.rollback()
        blocker.close()
    assert report.highlights.problem is not None
    assert "another news-reader has been writing highlights" in report.highlights.problem
    assert report.to_json()["highlights"]["problem"] == report.highlights.problem

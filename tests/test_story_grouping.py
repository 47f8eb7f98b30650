"""Stories on the seeds (exact), copies in the library, and grouping that does not
depend on the order articles were added (a hypothesis property)."""

from __future__ import annotations

import html
import itertools
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.ingest.files import clean_file
from reader.library import Library, StoredArticle, stories
from reader.library.people import refresh_canonical_names
from reader.library.pipeline import extract_many
from reader.library.records import article_id
from reader.library.store import Store
from reader.paths import seeds_dir

SEEDS = sorted(p.name for p in seeds_dir().glob("*.txt"))


def _label(stored) -> str:
    name = Path(stored.article.path).name
    number = name[:3] if name[:3].isdigit() else name.split(".")[0]
    return f"{number}#{stored.article.part}" if number == "003" else number


def _stories(library: Library) -> set[frozenset[str]]:
    """Every story of two articles or more, as the labels of its articles."""
    found = set()
    for summary in library.stories():
        story = library.story(summary.id)
        found.add(frozenset(_label(a) for a in story.articles))
    return found


def _copy_groups(library: Library) -> set[frozenset[str]]:
    groups = set()
    for summary in library.stories():
        story = library.story(summary.id)
        for stored in story.articles:
            copies = story.copies_of(stored.id)
            if copies:
                labels = {_label(a) for a in story.articles if a.id in copies} | {_label(stored)}
                groups.add(frozenset(labels))
    return groups


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    library = Library.open(tmp_path_factory.mktemp("stories") / "lib")
    yield library
    library.close()


def test_the_seeds_fall_into_the_stories_a_reader_sees(seeded):
    # 001 and 002: Kerry in Moscow to offer Putin a military pact (July 2016).
    # 000 and 004: the first days of Russia's strikes and the talks to avoid
    # clashes (September-October 2015), with the digest's paragraphs on those talks
    # (003#16) and on the first strikes (003#17); 004 links strongly to 000 only,
    # and weakly to the two paragraphs, which is what makes it one of them.
    # The digest's other paragraphs pair up by event: the withdrawal of March 2016
    # (7, 8), the truce of February 2016 (9, 11), the 2014 election (24, 25), its
    # mortar attacks (26, 27).
    assert _stories(seeded) == {
        frozenset({"001", "002"}),
        frozenset({"000", "004", "003#16", "003#17"}),
        frozenset({"003#7", "003#8"}),
        frozenset({"003#9", "003#11"}),
        frozenset({"003#24", "003#25"}),
        frozenset({"003#26", "003#27"}),
    }


def test_a_story_is_found_from_any_of_its_articles(seeded):
    story = seeded.story("001")
    assert {_label(a) for a in story.articles} == {"001", "002"}
    assert seeded.story(story.id).id == story.id
    assert seeded.story(story.id[:6]).id == story.id
    # A tie between the two: the first in time order (the dated one) stands for it.
    assert story.title == "John Kerry Meets Vladimir Putin to Discuss New Syria Plan"
    # Named by both articles first, the most mentioned first among them.
    assert story.names("PERSON")[:5] == [
        ("Bashar al-Assad", 2),
        ("Vladimir Putin", 2),
        ("John Kerry", 2),
        ("Barack Obama", 2),
        ("Josh Earnest", 1),
    ]


def test_stories_filter_by_query_person_and_date(seeded):
    titles = {s.title for s in seeded.stories(query="nusra")}
    assert titles == {
        "John Kerry Meets Vladimir Putin to Discuss New Syria Plan",
        # the central article of 000's story: the digest's paragraph links to both pages
        "Russia and US military will hold talks “as soon as possible” to avoid clashing in Syria…",
        "A Syrian truce has come into effect after five years of civil war",
    }
    assert all(s.last_date and s.last_date >= "2016-01-01" for s in seeded.stories(since="2016-01-01"))
    assert {s.articles for s in seeded.stories(person="Ashton Carter")} == {4}


def _reprint(tmp_path: Path, seeded: Library) -> Path:
    """Seed 000 as another outlet reprinted it: a new headline, one paragraph cut,
    one number changed."""
    original = seeded.article("000").article
    paragraphs = original.body.split("\n\n")
    body = "\n\n".join(paragraphs[:3] + paragraphs[4:]).replace("20 flight missions", "22 flight missions")
    path = tmp_path / "reprint.jsonl"
    record = {"title": "Moscow and Washington to hold military talks", "body": body, "source": "Wire Daily"}
    path.write_text(json.dumps(record) + "\n")
    return path


def test_a_reprint_is_a_copy_in_the_same_story_and_never_related(tmp_path, seeded):
    folder = tmp_path / "lib"
    shutil.copytree(seeded.folder, folder)
    with Library.open(folder) as library:
        library.add([_reprint(tmp_path, seeded)])
        original = library.article("000")
        copies = library.copies([original.id])
        assert [c.article.title for c in copies[original.id]] == [
            "Moscow and Washington to hold military talks"
        ]
        story = library.story("000")
        assert "Wire Daily" in story.outlets()
        assert all(other.id not in {c.id for c in copies[original.id]} for _, other in library.related("000"))


@st.composite
def _plans(draw):
    """Files added in batches in some order, then maybe one removed."""
    files = draw(st.permutations([*SEEDS, "reprint.jsonl"]))
    cuts = sorted(draw(st.sets(st.integers(1, len(files) - 1), max_size=5)))
    bounds = [0, *cuts, len(files)]
    batches = [files[a:b] for a, b in itertools.pairwise(bounds)]
    removed = draw(st.sampled_from([None, *files]))
    return batches, removed


@pytest.fixture(scope="module")
def pool(tmp_path_factory, seeded) -> dict[str, list[StoredArticle]]:
    """The articles of each file as ``add`` stores them (cleaned, entities found):
    the property below runs the store and the grouping without the index."""
    folder = tmp_path_factory.mktemp("pool")
    files = [seeds_dir() / name for name in SEEDS] + [_reprint(folder, seeded)]
    cleaned = {}
    for file in files:
        articles = clean_file(str(file))
        spans, _ = extract_many([(a.title, a.body) for a in articles])
        cleaned[file.name] = [
            StoredArticle(article_id(str(file), a.part), a, tuple(s)) for a, s in zip(articles, spans)
        ]
    return cleaned


def _store_grouping(store: Store) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    labels = {}
    for stored in store.iter_articles():
        labels[stored.id] = _label(stored)
    stories: dict[str, set[str]] = {}
    copies: dict[str, set[str]] = {}
    for article, story, copy in store.db.execute("SELECT article_id, story, copy_group FROM story_articles"):
        stories.setdefault(story, set()).add(labels[article])
        if copy:
            copies.setdefault(copy, set()).add(labels[article])
    return {frozenset(s) for s in stories.values()}, {frozenset(c) for c in copies.values()}


def _store_add(store: Store, pool, names) -> None:
    for name in names:
        store.add_articles(name, pool[name], None, replace_old=True)
    refresh_canonical_names(store)
    stories.update(store)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=_plans())
def test_grouping_does_not_depend_on_the_order_articles_were_added(plan, pool, tmp_path_factory):
    batches, removed = plan
    reference = Store(tmp_path_factory.mktemp("all") / "store.sqlite3")
    _store_add(reference, pool, [name for batch in batches for name in batch if name != removed])
    expected = _store_grouping(reference)
    store = Store(tmp_path_factory.mktemp("steps") / "store.sqlite3")
    for batch in batches:
        _store_add(store, pool, batch)
    if removed is not None:
        store.remove_sources([removed])
        refresh_canonical_names(store)
        stories.update(store)
    assert _store_grouping(store) == expected
    assert expected[1] == (
        {frozenset({"000", "reprint"})} if removed not in ("reprint.jsonl", SEEDS[0]) else set()
    )


def test_stories_survive_rebuild_and_a_crash_before_grouping(tmp_path, seeded):
    expected = _stories(seeded)
    folder = tmp_path / "lib"
    shutil.copytree(seeded.folder, folder)
    with Library.open(folder) as library:
        library.rebuild()
        assert _stories(library) == expected
    # A writer killed after committing articles but before grouping them leaves them
    # queued: the next open groups them.
    store = Store(folder / "library.sqlite3")
    with store.db:
        store.db.execute("UPDATE story_articles SET story = NULL, copy_group = NULL")
        store.db.execute("INSERT OR IGNORE INTO story_queue SELECT id FROM articles")
    store.close()
    with Library.open(folder) as library:
        assert _stories(library) == expected


def test_the_same_page_saved_as_html_is_a_copy_and_related_offers_the_other_story(tmp_path, seeded):
    article = seeded.article("002").article
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in article.paragraphs)
    page = tmp_path / "kerry.html"
    page.write_text(
        f'<!doctype html><html lang="en"><head><title>{html.escape(article.title)} - The Times</title></head>'
        f'<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>'
        f"<h1>{html.escape(article.title)}</h1>{paragraphs}</article><footer>© 2016</footer></body></html>"
    )
    folder = tmp_path / "lib"
    shutil.copytree(seeded.folder, folder)
    with Library.open(folder) as library:
        library.add([page])
        saved = library.article(str(page))
        assert [_label(c) for c in library.copies([saved.id])[saved.id]] == ["002"]
        assert _label(library.related(saved.id)[0][1]) == "001"
        assert {_label(a) for a in library.story(saved.id).articles} == {"001", "002", "kerry"}


def test_stories_do_not_hang_on_where_the_files_are(tmp_path, seeded):
    """Article ids are made from file paths; the stories' ids, titles, central
    articles and timelines are made from the articles alone."""

    def described(library: Library) -> list[tuple]:
        found = []
        for summary in library.stories():
            story = library.story(summary.id)
            found.append((summary.id, summary.title, [a.article.title for a in story.articles]))
        return sorted(found)

    elsewhere = tmp_path / "somewhere" / "else"
    shutil.copytree(seeds_dir(), elsewhere)
    library = Library.open(tmp_path / "lib", seed=False)
    try:
        library.add([elsewhere])
        assert {a.id for a in library.store.iter_articles()}.isdisjoint(
            a.id for a in seeded.store.iter_articles()
        )
        assert described(library) == described(seeded)
    finally:
        library.close()


def _story_tables(store: Store) -> dict[str, list[tuple]]:
    tables = ("story_articles", "story_terms", "story_postings", "copy_sketches", "story_links")
    return {table: store.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() for table in tables}


def _grouped_here(store: Store) -> tuple[int, dict[str, list[tuple]]]:
    """Group the library from scratch in this process: its cap and story tables."""
    cap = stories.rare_cap(store.article_count())
    with store.db:
        stories._regroup_all(store, cap, committed=False)
    return cap, _story_tables(store)


def test_workers_reading_the_store_group_as_this_process_does(tmp_path, seeded, monkeypatch):
    """A large library is described by worker processes that read the articles from
    the file themselves; the story tables are the same as when this process reads
    and describes every article."""
    article = seeded.article("002").article
    reprint = tmp_path / "reprint.txt"  # a copy: its link needs both bodies
    reprint.write_text(f"{article.title}\n\n" + "\n\n".join(article.paragraphs[:-1]) + "\n")
    folder = tmp_path / "lib"
    shutil.copytree(seeded.folder, folder)
    with Library.open(folder) as library:
        library.add([reprint])
    store = Store(folder / "library.sqlite3")
    try:
        cap, alone = _grouped_here(store)
        monkeypatch.setattr(stories, "PARALLEL_FROM", 2)

        def not_here(rows):
            raise AssertionError("described in this process")

        # Workers start from a fresh import (forkserver): only this process refuses.
        monkeypatch.setattr(stories, "describe_share", not_here)
        with store.db:
            stories._regroup_all(store, cap, committed=True)
        assert _story_tables(store) == alone
        assert alone["story_links"] and any(row[3] for row in alone["story_links"])  # copies too
    finally:
        store.close()


def test_grouping_in_the_adds_workers_hands_them_the_other_work_after_its_own(tmp_path, seeded, monkeypatch):
    """add groups stories in its own workers and has them re-index renamed articles
    meanwhile: the grouping's shares are handed out first (the workers describe
    them while this process waits), the other work once they are, and only once.
    The story tables are those of a grouping on its own."""
    folder = tmp_path / "lib"
    shutil.copytree(seeded.folder, folder)
    store = Store(folder / "library.sqlite3")
    try:
        _, alone = _grouped_here(store)
        monkeypatch.setattr(stories, "PARALLEL_FROM", 2)
        handed: list[str] = []

        class Workers(ThreadPoolExecutor):
            def submit(self, fn, /, *args, **kwargs):
                handed.append(getattr(fn, "func", fn).__name__)
                return super().submit(fn, *args, **kwargs)

        with store.db:
            store.db.execute("INSERT INTO story_queue SELECT id FROM articles")
        with Workers(max_workers=2) as pool:
            stories.update(store, pool, meanwhile=lambda: handed.append("meanwhile"))
            assert _story_tables(store) == alone
            assert len(handed) > 2 and handed == ["_describe_stored"] * (len(handed) - 1) + ["meanwhile"]
            handed.clear()
            stories.update(store, pool, meanwhile=lambda: handed.append("meanwhile"))  # nothing queued
            assert handed == ["meanwhile"]
    finally:
        store.close()


def _saved_as_html(folder: Path, name: str, article, site: str) -> Path:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in article.paragraphs)
    page = folder / name
    page.write_text(
        f'<!doctype html><html lang="en"><head><title>{html.escape(article.title)} - {site}</title>'
        f'<meta property="og:site_name" content="{site}"></head><body><article>'
        f"<h1>{html.escape(article.title)}</h1>{paragraphs}</article></body></html>"
    )
    return page


def test_one_text_saved_twice_is_no_story_but_two_outlets_running_it_are(tmp_path, seeded):
    """A digest story no other seed tells: saved again as text it is a copy, and the
    two copies make no story; run by two outlets, they do."""
    folder = tmp_path / "lib"
    shutil.copytree(seeded.folder, folder)
    with Library.open(folder) as library:
        lone = library.article("003#3")
        assert [a.id for a in library.story(lone.id).articles] == [lone.id]
        before = {s.id for s in library.stories()}
        again = tmp_path / "saved-again.txt"
        again.write_text(f"{lone.article.title}\n\n" + "\n\n".join(lone.article.paragraphs) + "\n")
        library.add([again])
        copy = library.article(str(again))
        assert [c.id for c in library.copies([copy.id])[copy.id]] == [lone.id]
        assert {s.id for s in library.stories()} == before
        pages = [
            _saved_as_html(tmp_path, f"{site}.html", lone.article, site) for site in ("The Times", "The Post")
        ]
        library.add(pages)
        listed = [s for s in library.stories() if s.id not in before]
        assert len(listed) == 1 and {"The Times", "The Post"} <= set(listed[0].outlets)
        assert listed[0].articles == 4

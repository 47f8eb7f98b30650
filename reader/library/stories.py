"""Keeping copies and stories in the store, up to date with its articles.

Every change to articles (added, replaced, removed, a person renamed) queues their
ids in ``story_queue`` in the same transaction, as for the index; :func:`update`
drains the queue in one transaction of its own. A crash in between leaves the
queue, and the next writer (or ``add``) completes the work: the store stays the one
source of truth, and ``rebuild`` never touches what is here.

Tables (``MIGRATIONS[5]`` of the store, schema 5 to 6): ``story_articles`` (per article: day, distinctive weight,
term ids, story and copy group), ``story_terms`` (term -> number of articles),
``story_postings`` (term -> articles), ``copy_sketches`` (sketch hash -> articles),
``story_links`` (the links between articles, copies marked).
"""

from __future__ import annotations

import sqlite3
import tempfile
from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from concurrent.futures import Executor
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import BinaryIO

from reader.library.store import Store
from reader.library.story_columns import Described, Share, describe_share
from reader.library.story_queries import select_in
from reader.stories.diff import only_figures_differ
from reader.stories.fingerprint import (
    COPY_MAX_DAYS,
    MIN_SHARED_IN_SKETCH,
    likeness,
    sketch,
)
from reader.stories.grouping import (
    COPY_SCORE,
    LINK_THRESHOLD,
    Link,
    components,
    distinctive_weight,
    group,
    is_rare,
    links_of,
    rare_cap,
    story_id,
)

# A queue holding this share of the library is regrouped from scratch, in memory.
BULK_SHARE = 0.3
_CHUNK = 500
PARALLEL_FROM = 5_000  # articles to describe before worker processes pay off
WORKERS = 2


@dataclass(slots=True)
class _Features:
    id: str
    day: int | None
    terms: set[str]
    # An array, not a set: a set of 61-bit hashes takes 70 bytes a shingle, which
    # made regrouping a library of 50,000 articles hold gigabytes; compared as sets.
    shingles: array[int]
    # No body: a copy check reads the two it needs (see :func:`_copy_link`); holding
    # every body made regrouping a large library hold its whole text in memory.


_Work = list[tuple[str, str, str, str | None, list[tuple[str, str]]]]


def update(store: Store, pool: Executor | None = None, meanwhile: Callable[[], None] | None = None) -> int:
    """Bring copies and stories up to date with the store's articles; returns the
    number of queued articles handled.

    ``pool``: worker processes to describe the articles in (else a pool of its own
    when there are many). ``meanwhile``: work for those workers that does not wait
    for the grouping, handed to them once the grouping's own work is (so that they
    do it while this process groups), or at once when the grouping needs no worker."""
    hand_over = _Once(meanwhile)
    db = store.db
    queued = [row[0] for row in db.execute("SELECT article_id FROM story_queue")]
    total = store.article_count()
    cap = rare_cap(total)
    if not queued and _stored_cap(db) == cap:
        hand_over()
        return 0
    # Workers may read the articles from the file only if this connection has
    # nothing uncommitted (grouping changes only the story tables, never articles).
    committed = not db.in_transaction
    with db:
        grouped = db.execute("SELECT count(*) FROM story_articles").fetchone()[0]
        if len(queued) >= BULK_SHARE * max(total, 1) or not grouped:
            _regroup_all(store, cap, committed, pool, hand_over)
        else:
            hand_over()
            _Update(store, cap).run(queued)
        db.execute("DELETE FROM story_queue")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('story_cap', ?)", (str(cap),))
    hand_over()
    return len(queued)


class _Once:
    """Calls ``work`` the first time it is called itself (if there is work)."""

    def __init__(self, work: Callable[[], None] | None) -> None:
        self._work = work

    def __call__(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            work()


def _stored_cap(db: sqlite3.Connection) -> int | None:
    row = db.execute("SELECT value FROM meta WHERE key = 'story_cap'").fetchone()
    return int(row[0]) if row else None


def _features(store: Store, ids: Sequence[str]) -> list[_Features]:
    """Terms, day and shingles of the articles ``ids``, in id order."""
    return _describe(_work(store.db, ids))


def _describe_library(
    store: Store, committed: bool, spill: BinaryIO, pool: Executor | None, hand_over: Callable[[], None]
) -> Described:
    """Every article of the library, described compactly (shingles into ``spill``);
    ``hand_over()`` once the workers have their shares."""
    db = store.db
    every = sorted(row[0] for row in db.execute("SELECT id FROM articles"))
    described = Described(spill)
    size = max(1, -(-len(every) // (WORKERS * 4)))
    parts = [every[i : i + size] for i in range(0, len(every), size)]
    if len(every) < PARALLEL_FROM or not committed or not store.path.is_file():
        hand_over()
        for part in parts:
            described.add(describe_share(_work(db, part)))
        return described
    # A whole library (a first add, an older library): two cores do it in half the
    # time. Each worker reads its own share from the file (WAL lets it read beside
    # this connection): this process never holds every body, nor sends them.
    from reader.library.pipeline import worker_pool

    with nullcontext(pool) if pool is not None else worker_pool(WORKERS) as workers:
        shares = workers.map(partial(_describe_stored, str(store.path)), parts)  # handed out at once
        hand_over()
        for share in shares:
            described.add(share)
    return described


def _work(db: sqlite3.Connection, ids: Sequence[str] | None) -> _Work:
    """What describes each of the articles ``ids`` (all with None), in id order:
    id, title, body, date and the library-wide names it mentions."""
    names: dict[str, list[tuple[str, str]]] = defaultdict(list)
    rows: list[tuple[str, str, str, str | None]] = []
    chunks = [None] if ids is None else [list(ids[i : i + _CHUNK]) for i in range(0, len(ids), _CHUNK)]
    for chunk in chunks:
        where = "" if chunk is None else f"WHERE article_id IN ({','.join('?' * len(chunk))})"
        for article_id, label, name in db.execute(
            f"SELECT DISTINCT article_id, label, name FROM resolved_mentions {where}", chunk or ()
        ):
            names[article_id].append((label, name))
        where = "" if chunk is None else f"WHERE id IN ({','.join('?' * len(chunk))})"
        rows += db.execute(f"SELECT id, title, body, date FROM articles {where}", chunk or ()).fetchall()
    return [(i, title, body, date, names.get(i, [])) for i, title, body, date in sorted(rows)]


def _describe_stored(store_path: str, ids: list[str]) -> Share:
    """:func:`describe_share` in a worker, of articles it reads from the store itself."""
    store = Store(Path(store_path), readonly=True)
    try:
        return describe_share(_work(store.db, ids))
    finally:
        store.close()


def _describe(work: _Work) -> list[_Features]:
    share = describe_share(work)
    features, start = [], 0
    for i, day, terms, count in zip(share.ids, share.days, share.terms, share.shingle_counts):
        features.append(_Features(i, day, set(terms), share.shingles[start : start + count]))
        start += count
    return features


def _body(db: sqlite3.Connection, article_id: str) -> str:
    return db.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()[0]


def _copy_link(
    left: _Features, right: _Features, body: Callable[[str], str], left_set: set[int] | None = None
) -> Link | None:
    """The copy link of two articles, if they are copies; ``left_set`` is the left
    one's shingles as a set, when the caller checks it against many others."""
    apart = left.day - right.day if left.day is not None and right.day is not None else None
    if apart is not None and abs(apart) > COPY_MAX_DAYS:
        return None
    if left_set is None:
        left_set = set(left.shingles)
    if not likeness(left_set, set(right.shingles)).is_copy:
        return None
    left_body, right_body = body(left.id), body(right.id)
    if left_body != right_body and only_figures_differ(left_body, right_body):
        return None
    a, b = sorted((left.id, right.id))
    return Link(a, b, COPY_SCORE, copy=True)


# -- from scratch ----------------------------------------------------------------


# The secondary indexes of the story tables: a regrouping from scratch drops them and
# makes them again after filling the tables, which is faster than keeping them
# up to date row by row.
_INDEXES = {
    "story_articles_story": "story_articles(story)",
    "story_articles_copy": "story_articles(copy_group)",
    "story_terms_articles": "story_terms(articles)",
    "copy_sketches_article": "copy_sketches(article)",
    "story_links_b": "story_links(b)",
}


def _regroup_all(
    store: Store,
    cap: int,
    committed: bool = False,
    pool: Executor | None = None,
    hand_over: Callable[[], None] = lambda: None,
) -> None:
    db = store.db
    for name in _INDEXES:
        db.execute(f"DROP INDEX IF EXISTS {name}")
    for table in ("story_articles", "story_terms", "story_postings", "copy_sketches", "story_links"):
        db.execute(f"DELETE FROM {table}")
    _fill_from_scratch(store, cap, committed, pool, hand_over)
    for name, where in _INDEXES.items():
        db.execute(f"CREATE INDEX {name} ON {where}")


def _fill_from_scratch(
    store: Store, cap: int, committed: bool, pool: Executor | None, hand_over: Callable[[], None]
) -> None:
    db = store.db
    with tempfile.TemporaryFile(dir=store.path.parent) as spill:
        described = _describe_library(store, committed, spill, pool, hand_over)
        # Copies first: a term counts the texts that have it, not the copies of one
        # text (a wire story reprinted ten times does not make its words common).
        links: dict[tuple[str, str], Link] = {}
        for link in _copy_candidates_links(db, described):
            links[(link.a, link.b)] = link
    ids = described.ids
    days = dict(zip(ids, described.days))
    counted = _representatives(ids, links.values())
    counting = [i in counted for i in ids]
    term_counts = array("I", bytes(4 * len(described.term_names)))
    for n, codes in enumerate(described.terms):
        if counting[n]:
            for code in codes:
                term_counts[code] += 1
    counts = dict(zip(described.term_names, term_counts))
    # Only a distinctive term's articles are ever looked up (see links_of).
    postings: dict[str, list[str]] = defaultdict(list)
    for n, codes in enumerate(described.terms):
        if counting[n]:
            for code in codes:
                if is_rare(term_counts[code], cap):
                    postings[described.term_names[code]].append(ids[n])
    weights = {i: distinctive_weight(described.names_of(n), counts, cap) for n, i in enumerate(ids)}
    for n, i in enumerate(ids):
        if counting[n]:
            for link in links_of(
                i, described.names_of(n), counts, cap, partial(_posted, postings), weights, days
            ):
                links.setdefault((link.a, link.b), link)
    del postings
    adjacency: dict[str, list[str]] = defaultdict(list)
    for link in links.values():
        if link.strong:
            adjacency[link.a].append(link.b)
            adjacency[link.b].append(link.a)
    found = components(ids, lambda n: adjacency.get(n, ()))
    member_of = {m: members[0] for members in found for m in members}
    by_component: dict[str, list[Link]] = defaultdict(list)
    for link in links.values():
        if member_of[link.a] == member_of[link.b]:  # a weak link may cross components
            by_component[member_of[link.a]].append(link)
    stories, copy_groups = _groups(found, by_component, days, counted, _content_keys(store.db, found))
    del found, by_component
    # Written in bulk, in key order: one statement per table.
    db.executemany("INSERT INTO story_terms (term, articles) VALUES (?, ?)", sorted(counts.items()))
    del counts
    term_ids = array("I", bytes(4 * len(described.term_names)))
    for term, term_id in db.execute("SELECT term, id FROM story_terms"):
        term_ids[described.term_numbers[term]] = term_id
    db.executemany(
        "INSERT INTO story_articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                n + 1,
                i,
                described.days[n],
                weights[i],
                " ".join(map(str, sorted(term_ids[code] for code in described.terms[n]))),
                stories[i],
                copy_groups.get(i),
                int(counting[n]),
            )
            for n, i in enumerate(ids)
        ),
    )
    # In key order: each term's articles (numbered in id order) one after another.
    by_term = [array("I") for _ in described.term_names]
    for n, codes in enumerate(described.terms):
        for code in codes:
            by_term[code].append(n + 1)
    db.executemany(
        "INSERT INTO story_postings VALUES (?, ?)",
        (
            (term_ids[code], no)
            for code in sorted(range(len(by_term)), key=term_ids.__getitem__)
            for no in by_term[code]
        ),
    )
    del by_term
    number = {i: n for n, i in enumerate(ids, start=1)}
    db.executemany(
        "INSERT INTO story_links VALUES (?, ?, ?, ?)",
        sorted((number[k.a], number[k.b], k.score, int(k.copy)) for k in links.values()),
    )


def _representatives(members: list[str], copy_links: Iterable[Link]) -> set[str]:
    """The articles whose terms count: one per text (the smallest id of each group
    of copies), every article without copies."""
    adjacency: dict[str, list[str]] = defaultdict(list)
    for link in copy_links:
        if link.copy:
            adjacency[link.a].append(link.b)
            adjacency[link.b].append(link.a)
    return {found[0] for found in components(members, lambda n: adjacency.get(n, ()))}


def _copy_candidates_links(db: sqlite3.Connection, described: Described) -> list[Link]:
    """The copy links of the articles ``described``; writes their sketches to
    ``copy_sketches``."""
    sketches: dict[int, list[int]] = defaultdict(list)  # sketch value -> article numbers
    for n in range(len(described)):
        for value in described.sketch(n):
            sketches[value].append(n)
    links = []
    # An article's candidates are checked one after another, and a text reprinted
    # many times meets its copies again and again: recent bodies are kept.
    body = lru_cache(maxsize=256)(partial(_body, db))
    ids, days = described.ids, described.days
    for n in range(len(described)):
        shared: dict[int, int] = defaultdict(int)
        for value in described.sketch(n):
            for other in sketches[value]:
                if other > n:
                    shared[other] += 1
        candidates = [other for other, count in shared.items() if count >= MIN_SHARED_IN_SKETCH]
        if not candidates:
            continue
        left = _Features(ids[n], days[n], set(), described.shingles(n))
        left_set = set(left.shingles)  # once, not once per candidate
        for other in candidates:
            right = _Features(ids[other], days[other], set(), described.shingles(other))
            if link := _copy_link(left, right, body, left_set):
                links.append(link)
    described.drop_sketches()
    db.executemany(
        "INSERT OR IGNORE INTO copy_sketches VALUES (?, ?)",
        ((value, n + 1) for value in sorted(sketches) for n in sketches[value]),
    )
    return links


def _groups(
    found: list[list[str]],
    links_by_component: dict[str, list[Link]],
    days: dict[str, int | None],
    texts: Collection[str],
    content_keys: dict[str, str],
) -> tuple[dict[str, str], dict[str, str]]:
    """The story of every member of ``found``, and the copy group of those with
    copies."""
    stories: dict[str, str] = {}
    copy_groups: dict[str, str] = {}
    for members in found:
        links = links_by_component.get(members[0], [])
        for story in group(members, links, days, texts):
            sid = story_id(story, content_keys)
            stories.update((m, sid) for m in story)
        copy_links = [k for k in links if k.copy]
        if copy_links:
            for copies in group(members, copy_links, days):
                if len(copies) > 1:
                    gid = story_id(copies, content_keys)
                    copy_groups.update((m, gid) for m in copies)
    return stories, copy_groups


def _content_keys(db: sqlite3.Connection, found: list[list[str]]) -> dict[str, str]:
    """What names a story, for each member: its file's digest and its place in the
    file (article ids are made from the file's path)."""
    sql = (
        "SELECT a.id, s.sha256 || ':' || a.part FROM articles AS a JOIN sources AS s ON s.path = a.path"
        " WHERE a.id IN ({marks})"
    )
    return dict(select_in(db, sql, (m for members in found for m in members)))


def _write_groups(
    db: sqlite3.Connection,
    found: list[list[str]],
    links_by_component: dict[str, list[Link]],
    days: dict[str, int | None],
    texts: Collection[str],
) -> None:
    stories, copy_groups = _groups(found, links_by_component, days, texts, _content_keys(db, found))
    db.executemany(
        "UPDATE story_articles SET story = ?, copy_group = ? WHERE article_id = ?",
        [(sid, copy_groups.get(m), m) for m, sid in stories.items()],
    )


def _posted(by_term: dict[str, list[str]], term: str) -> list[str]:
    return by_term.get(term, [])


def _strong_neighbours(db: sqlite3.Connection, numbers: Iterable[int], copies: bool = False) -> set[int]:
    only = "copy = 1" if copies else "(copy = 1 OR score >= ?)"
    strong = () if copies else (LINK_THRESHOLD,)
    found: set[int] = set()
    for no in numbers:
        found.update(
            row[0] for row in db.execute(f"SELECT b FROM story_links WHERE a = ? AND {only}", (no, *strong))
        )
        found.update(
            row[0] for row in db.execute(f"SELECT a FROM story_links WHERE b = ? AND {only}", (no, *strong))
        )
    return found


# -- incremental -----------------------------------------------------------------


class _Update:
    """One incremental update: only the queued articles and the articles sharing a
    term whose distinctiveness flipped get new links; only their components are
    grouped again."""

    def __init__(self, store: Store, cap: int) -> None:
        self.store = store
        self.db = store.db
        self.cap = cap
        self.old_cap = _stored_cap(self.db) or cap

    def run(self, queued: list[str]) -> None:
        db = self.db
        numbers = self._numbers(queued)
        old_neighbours = self._neighbours(numbers.values())
        old_copies = self._neighbours(numbers.values(), copies=True)
        before: dict[int, int] = {}  # term id -> its count before this update
        for no in numbers.values():
            self._forget(no, before)
        features = _features(self.store, queued)
        present = {f.id for f in features}
        self._insert(features, before)
        fresh = {self._no(f.id) for f in features}
        removed = set(numbers.values()) - fresh
        self._link_copies(features)
        recounted = self._recount(fresh | (old_copies - removed), before)
        now = self._counts(before)
        dirty = self._flipped(before, now) | fresh | recounted
        self._relink(dirty)
        seeds = (dirty | old_neighbours | self._neighbours(dirty)) - removed
        self._regroup(seeds)
        db.executemany(
            "DELETE FROM story_articles WHERE article_id = ? AND article_id NOT IN (SELECT id FROM articles)",
            [(i,) for i in queued if i not in present],
        )

    # reading

    def _numbers(self, ids: Sequence[str]) -> dict[str, int]:
        return dict(
            select_in(self.db, "SELECT article_id, no FROM story_articles WHERE article_id IN ({marks})", ids)
        )

    def _no(self, article_id: str) -> int:
        return self.db.execute(
            "SELECT no FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()[0]

    def _neighbours(self, numbers: Iterable[int], copies: bool = False) -> set[int]:
        """The articles linked to ``numbers`` by strong links (by copy links only,
        with ``copies``): weak links join no component."""
        return _strong_neighbours(self.db, numbers, copies)

    # writing

    def _forget(self, no: int, before: dict[int, int]) -> None:
        """Take an article out of the postings, counts and links (it is added back
        by :meth:`_insert` if it still exists)."""
        db = self.db
        terms, counted = db.execute(
            "SELECT terms, counted FROM story_articles WHERE no = ?", (no,)
        ).fetchone()
        term_ids = [int(t) for t in terms.split()]
        if counted:
            self._count(term_ids, -1, before)
        db.executemany(
            "DELETE FROM story_postings WHERE term = ? AND article = ?", [(t, no) for t in term_ids]
        )
        db.execute("DELETE FROM copy_sketches WHERE article = ?", (no,))
        db.execute("DELETE FROM story_links WHERE a = ? OR b = ?", (no, no))
        db.execute("UPDATE story_articles SET terms = '', counted = 0 WHERE no = ?", (no,))

    def _count(self, term_ids: Iterable[int], step: int, before: dict[int, int]) -> None:
        db = self.db
        for term in term_ids:
            if term not in before:
                before[term] = db.execute(
                    "SELECT articles FROM story_terms WHERE id = ?", (term,)
                ).fetchone()[0]
            db.execute("UPDATE story_terms SET articles = articles + ? WHERE id = ?", (step, term))

    def _insert(self, features: list[_Features], before: dict[int, int]) -> None:
        """Postings and sketches of the (new or changed) articles; they count for
        their terms once :meth:`_recount` knows which of them are copies."""
        db = self.db
        for f in features:
            numbers = []
            for term in sorted(f.terms):
                row = db.execute("SELECT id FROM story_terms WHERE term = ?", (term,)).fetchone()
                if row is None:
                    cursor = db.execute("INSERT INTO story_terms (term, articles) VALUES (?, 0)", (term,))
                    assert cursor.lastrowid is not None
                    before.setdefault(cursor.lastrowid, 0)
                    numbers.append(cursor.lastrowid)
                else:
                    numbers.append(row[0])
            db.execute(
                "INSERT INTO story_articles (article_id, day, weight, terms, counted) VALUES (?, ?, 0, ?, 0) "
                "ON CONFLICT(article_id) DO UPDATE SET day = excluded.day, terms = excluded.terms, counted = 0",
                (f.id, f.day, " ".join(map(str, sorted(numbers)))),
            )
            no = self._no(f.id)
            db.executemany("INSERT INTO story_postings VALUES (?, ?)", [(t, no) for t in numbers])
            db.executemany(
                "INSERT OR IGNORE INTO copy_sketches VALUES (?, ?)", [(h, no) for h in sketch(f.shingles)]
            )

    def _link_copies(self, fresh: list[_Features]) -> None:
        links = {(k.a, k.b): k for f in fresh for k in self._copies_of(f)}
        numbers = self._numbers(sorted({i for key in links for i in key}))
        self.db.executemany(
            "INSERT OR REPLACE INTO story_links VALUES (?, ?, ?, 1)",
            [(numbers[k.a], numbers[k.b], k.score) for k in links.values()],
        )

    def _recount(self, seeds: set[int], before: dict[int, int]) -> set[int]:
        """One article per text counts for its terms (and gets term links): in each
        group of copies around ``seeds``, the one with the smallest id. Returns the
        articles that began or stopped standing for their text."""
        db = self.db
        groups = components(seeds, lambda no: self._neighbours([no], copies=True))
        every = [no for group in groups for no in group]
        rows = {
            no: (article_id, counted, terms)
            for no, article_id, counted, terms in select_in(
                db, "SELECT no, article_id, counted, terms FROM story_articles WHERE no IN ({marks})", every
            )
        }
        changed = set()
        for copies in groups:
            present = [no for no in copies if no in rows]
            if not present:
                continue
            keep = min(present, key=lambda no: rows[no][0])
            for no in present:
                wanted = int(no == keep)
                if rows[no][1] != wanted:
                    self._count((int(t) for t in rows[no][2].split()), 1 if wanted else -1, before)
                    db.execute("UPDATE story_articles SET counted = ? WHERE no = ?", (wanted, no))
                    changed.add(no)
        return changed

    def _counts(self, before: dict[int, int]) -> dict[int, int]:
        """The counts now of the terms in ``before``; terms no article has any more go."""
        db = self.db
        now: dict[int, int] = {}
        for term_id in before:
            row = db.execute("SELECT articles FROM story_terms WHERE id = ?", (term_id,)).fetchone()
            now[term_id] = row[0] if row else 0
            if (
                now[term_id] <= 0
                and not db.execute(
                    "SELECT 1 FROM story_postings WHERE term = ? LIMIT 1", (term_id,)
                ).fetchone()
            ):
                db.execute("DELETE FROM story_terms WHERE id = ?", (term_id,))
        return now

    def _flipped(self, before: dict[int, int], now: dict[int, int]) -> set[int]:
        """Articles with a term that became distinctive or stopped being one."""
        db = self.db
        flipped = [
            t for t, count in before.items() if is_rare(count, self.old_cap) != is_rare(now[t], self.cap)
        ]
        if self.cap != self.old_cap:
            low, high = sorted((self.cap, self.old_cap))
            flipped += [
                row[0]
                for row in db.execute(
                    "SELECT id FROM story_terms WHERE articles > ? AND articles <= ?", (low, high)
                )
                if row[0] not in before
            ]
        dirty: set[int] = set()
        for term in flipped:
            dirty.update(
                row[0] for row in db.execute("SELECT article FROM story_postings WHERE term = ?", (term,))
            )
        return dirty

    def _relink(self, dirty: set[int]) -> None:
        db = self.db
        term_text = {}
        rows = {}
        for no in dirty:
            article_id, day, terms, counted = db.execute(
                "SELECT article_id, day, terms, counted FROM story_articles WHERE no = ?", (no,)
            ).fetchone()
            ids = [int(t) for t in terms.split()]
            rows[no] = (article_id, day, ids, counted)
        needed = {t for _, _, ids, _ in rows.values() for t in ids}
        counts: dict[str, int] = {}
        for term_id, term, count in select_in(
            db, "SELECT id, term, articles FROM story_terms WHERE id IN ({marks})", needed
        ):
            term_text[term_id] = term
            counts[term] = count
        # New distinctive weights first: a dirty article's links use the new weight
        # of the dirty articles it meets.
        for no, (_, _, ids, _) in rows.items():
            weight = distinctive_weight((term_text[t] for t in ids), counts, self.cap)
            db.execute("UPDATE story_articles SET weight = ? WHERE no = ?", (weight, no))
        term_ids = {term: term_id for term_id, term in term_text.items()}
        for no in dirty:
            db.execute("DELETE FROM story_links WHERE (a = ? OR b = ?) AND copy = 0", (no, no))
        links: dict[tuple[str, str], Link] = {}
        for no, (article_id, _, ids, counted) in rows.items():
            if not counted:
                continue  # a copy: its text's own article has the term links
            terms = [term_text[t] for t in ids]
            rare = [t for t in terms if is_rare(counts[t], self.cap)]
            candidates = self._postings(term_ids[t] for t in rare)
            info = self._info(set().union(*candidates.values()) | {no}) if candidates else self._info({no})
            weights = {i: w for i, (w, _) in info.items()}
            days = {i: d for i, (_, d) in info.items()}
            by_term = {term_text[t]: [self._id_of[n] for n in members] for t, members in candidates.items()}
            for link in links_of(
                article_id,
                rare,
                counts,
                self.cap,
                partial(_posted, by_term),
                weights,
                days,
            ):
                links[(link.a, link.b)] = link
        numbers = self._numbers(sorted({i for key in links for i in key}))
        # A pair's copy link stays whatever its terms say (the term links of the
        # dirty articles were deleted above, so a link still there is a copy link).
        db.executemany(
            "INSERT OR IGNORE INTO story_links VALUES (?, ?, ?, 0)",
            [(numbers[k.a], numbers[k.b], k.score) for k in links.values()],
        )

    _id_of: dict[int, str]

    def _postings(self, term_ids: Iterable[int]) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for term in term_ids:
            found[term] = [
                r[0]
                for r in self.db.execute(
                    "SELECT p.article FROM story_postings AS p JOIN story_articles AS a ON a.no = p.article "
                    "WHERE p.term = ? AND a.counted = 1",
                    (term,),
                )
            ]
        return found

    def _info(self, numbers: set[int]) -> dict[str, tuple[float, int | None]]:
        if not hasattr(self, "_id_of"):
            self._id_of = {}
        info: dict[str, tuple[float, int | None]] = {}
        for no, article_id, weight, day in select_in(
            self.db, "SELECT no, article_id, weight, day FROM story_articles WHERE no IN ({marks})", numbers
        ):
            self._id_of[no] = article_id
            info[article_id] = (weight, day)
        return info

    def _copies_of(self, fresh: _Features) -> list[Link]:
        values = sketch(fresh.shingles)
        if not values:
            return []
        no = self._no(fresh.id)
        marks = ",".join("?" * len(values))
        rows = self.db.execute(
            f"SELECT s.article, count(*), a.article_id FROM copy_sketches AS s "
            f"JOIN story_articles AS a ON a.no = s.article WHERE s.hash IN ({marks}) AND s.article != ? "
            f"GROUP BY s.article HAVING count(*) >= ?",
            (*values, no, MIN_SHARED_IN_SKETCH),
        ).fetchall()
        others = {f.id: f for f in _features(self.store, [r[2] for r in rows])}
        return [
            link for other in others.values() if (link := _copy_link(fresh, other, partial(_body, self.db)))
        ]

    def _regroup(self, seeds: set[int]) -> None:
        db = self.db

        found = components(seeds, lambda no: _strong_neighbours(db, [no]))
        ids: dict[int, str] = {}
        days: dict[str, int | None] = {}
        every = [n for members in found for n in members]
        texts: set[str] = set()
        for no, article_id, day, counted in select_in(
            db, "SELECT no, article_id, day, counted FROM story_articles WHERE no IN ({marks})", every
        ):
            ids[no] = article_id
            days[article_id] = day
            if counted:
                texts.add(article_id)
        named = []
        links_by_component: dict[str, list[Link]] = {}
        for members in found:
            present = [ids[n] for n in members if n in ids]
            if not present:
                continue
            present.sort()
            named.append(present)
            links = []
            inside = set(members)
            for no in members:
                for b, score, copy in db.execute("SELECT b, score, copy FROM story_links WHERE a = ?", (no,)):
                    if b not in inside:
                        continue  # a weak link to another component
                    a_id, b_id = ids[no], ids[b]
                    links.append(Link(min(a_id, b_id), max(a_id, b_id), score, bool(copy)))
            links_by_component[present[0]] = links
        _write_groups(db, named, links_by_component, days, texts)

"""Reading copies and stories back from the store (written by
:mod:`reader.library.stories`)."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from reader.library.store import Store
from reader.stories.story import NO_OUTLET, Story, StorySummary, in_time_order, most_central, outlet_of

_CHUNK = 500  # values per IN (…): well under SQLite's limit on parameters


def select_in(db: sqlite3.Connection, sql: str, values: Iterable, before: tuple = ()) -> Iterator[tuple]:
    """The rows of ``sql`` whose ``{marks}`` is filled with each chunk of
    ``values`` in turn (``before``: the parameters ahead of them)."""
    values = list(values)
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        yield from db.execute(sql.format(marks=",".join("?" * len(chunk))), (*before, *chunk))


def pending(store: Store) -> bool:
    """Whether articles wait to be grouped (after a crash, or in an older library)."""
    return store.db.execute("SELECT 1 FROM story_queue LIMIT 1").fetchone() is not None


def story_of(store: Store, article_id: str) -> str | None:
    row = store.db.execute("SELECT story FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def members(store: Store, story: str) -> list[str]:
    rows = store.db.execute(
        "SELECT article_id FROM story_articles WHERE story = ? ORDER BY article_id", (story,)
    )
    return [row[0] for row in rows]


def copy_groups(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """Article id -> copy group, for the articles of ``ids`` that have copies."""
    sql = "SELECT article_id, copy_group FROM story_articles WHERE copy_group IS NOT NULL AND article_id IN ({marks})"
    return dict(select_in(store.db, sql, ids))


def copies(store: Store, ids: Sequence[str]) -> dict[str, list[str]]:
    """The other copies of each article of ``ids`` (only those that have some)."""
    groups = copy_groups(store, ids)
    by_group: dict[str, list[str]] = defaultdict(list)
    sql = (
        "SELECT article_id, copy_group FROM story_articles WHERE copy_group IN ({marks}) ORDER BY article_id"
    )
    for article_id, group in select_in(store.db, sql, sorted(set(groups.values()))):
        by_group[group].append(article_id)
    return {i: [o for o in by_group[g] if o != i] for i, g in groups.items()}


def link_scores(store: Store, ids: Sequence[str]) -> list[tuple[str, str, float]]:
    """The links among the articles ``ids``."""
    marks = ",".join("?" * len(ids))
    rows = store.db.execute(
        f"SELECT x.article_id, y.article_id, l.score FROM story_links AS l "
        f"JOIN story_articles AS x ON x.no = l.a JOIN story_articles AS y ON y.no = l.b "
        f"WHERE x.article_id IN ({marks}) AND y.article_id IN ({marks})",
        (*ids, *ids),
    )
    return list(rows)


def load_story(store: Store, story: str) -> Story:
    """A story with its articles (entities included), central article and copies."""
    ids = members(store, story)
    ordered = in_time_order(store.get_many(ids).values())
    central = most_central([a.id for a in ordered], link_scores(store, ids))
    return Story(story, ordered, central, copy_groups(store, ids))


def summaries(store: Store, min_articles: int = 2, only: set[str] | None = None) -> list[StorySummary]:
    """Every story of at least ``min_articles`` texts (those in ``only`` when given),
    newest first. Copies of one text count once, unless two outlets ran them: one
    page saved twice (as HTML and as text, or scraped again) is no story."""
    from reader.library.records import StoredArticle
    from reader.model import Article

    rows = store.db.execute(
        "SELECT s.story, a.id, a.title, a.date, a.source, a.url, s.copy_group FROM story_articles AS s "
        "JOIN articles AS a ON a.id = s.article_id WHERE s.story IN "
        "(SELECT story FROM story_articles GROUP BY story HAVING count(*) >= ?)",
        (min_articles,),
    )
    by_story: dict[str, list[StoredArticle]] = defaultdict(list)
    texts: dict[str, set[str]] = defaultdict(set)
    for story, article_id, title, date, source, url, copy_group in rows:
        if only is None or story in only:
            by_story[story].append(StoredArticle(article_id, Article("", title, "", date, source, url=url)))
            texts[story].add(copy_group or article_id)
    for story in list(by_story):
        known_outlets = {outlet_of(a) for a in by_story[story]} - {NO_OUTLET}
        if len(texts[story]) < min_articles and len(known_outlets) < 2:
            del by_story[story]
    links: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for a, b, score, story in store.db.execute(
        "SELECT x.article_id, y.article_id, l.score, x.story FROM story_links AS l "
        "JOIN story_articles AS x ON x.no = l.a JOIN story_articles AS y ON y.no = l.b "
        "WHERE x.story = y.story"
    ):
        if story in by_story:
            links[story].append((a, b, score))
    found = []
    for story, articles in by_story.items():
        ordered = in_time_order(articles)
        central = most_central([a.id for a in ordered], links[story])
        dates = sorted(a.article.date for a in ordered if a.article.date)
        title = next(a.article.title for a in ordered if a.id == central)
        outlets = tuple(dict.fromkeys(outlet_of(a) for a in ordered))
        found.append(
            StorySummary(
                story,
                title,
                central,
                dates[0] if dates else None,
                dates[-1] if dates else None,
                outlets,
                len(ordered),
            )
        )
    found.sort(key=lambda s: (s.last_date is None, _descending(s.last_date or ""), -s.articles, s.id))
    return found


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)

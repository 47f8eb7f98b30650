"""The library's source of truth: an SQLite database (WAL mode) beside the index.

It holds the sources that were added (path, content hash, size, mtime), the cleaned
articles and their entity mentions, so the reader can show an article without
recomputing anything and the Whoosh index (derived data, not crash-safe) can be
rebuilt from it at any time.

Every change to articles goes into ``index_queue`` in the same transaction and bumps
``generation``; the index records the generation it has caught up with. After a
crash the queue says exactly which articles the index still has to (re)apply.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import astuple, dataclass, replace
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from reader.errors import ReaderError
from reader.library.records import EntitySpan, StoredArticle
from reader.library.spelling import count_words
from reader.model import Article
from reader.quotes import Quote
from reader.sqlite_schema import apply_migrations, open_readonly

# Each entry migrates the schema from version N (its index) to N + 1; the meta row
# 'schema' records how far a library has come. Append, never edit.
MIGRATIONS: tuple[str, ...] = (
    """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    pipeline TEXT NOT NULL,
    skipped TEXT,
    article_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    part INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    date TEXT,
    source TEXT,
    dateline TEXT,
    url TEXT,
    line_start INTEGER,
    line_end INTEGER
);
CREATE INDEX IF NOT EXISTS articles_path ON articles(path);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    label TEXT NOT NULL,
    name TEXT NOT NULL,
    text TEXT NOT NULL,
    role TEXT
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS mentions_name ON mentions(label, name);
CREATE TABLE IF NOT EXISTS vocabulary (word TEXT PRIMARY KEY, articles INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS person_canonical (name TEXT PRIMARY KEY, canonical TEXT NOT NULL);
-- Mentions as the reader sees them: a person's name is the library-wide one
-- ("Obama" -> "Barack Obama" once the library knows only one Obama).
CREATE VIEW IF NOT EXISTS resolved_mentions AS
    SELECT m.article_id, m.start, m.end, m.label,
           CASE WHEN m.label = 'PERSON' THEN coalesce(p.canonical, m.name) ELSE m.name END AS name,
           m.text, m.role
    FROM mentions AS m LEFT JOIN person_canonical AS p ON m.label = 'PERSON' AND p.name = m.name;
CREATE TABLE IF NOT EXISTS index_queue (article_id TEXT PRIMARY KEY, generation INTEGER NOT NULL);
""",
    """
    ALTER TABLE articles ADD COLUMN author TEXT;
    ALTER TABLE articles ADD COLUMN language TEXT;
    """,
    # A feed item that gave only its summary (Article.summary).
    """
    ALTER TABLE articles ADD COLUMN summary INTEGER NOT NULL DEFAULT 0;
    """,
    # The user's corrections to people (merge, split, rename, not a person): user data,
    # never derived, so no rebuild, re-add or new cleaner drops them. A person marked
    # as no person gets the canonical name '' and leaves the resolved mentions.
    """
CREATE TABLE IF NOT EXISTS person_corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    action TEXT NOT NULL,
    name TEXT NOT NULL,
    other TEXT NOT NULL DEFAULT '',
    made TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
DROP VIEW IF EXISTS resolved_mentions;
CREATE VIEW resolved_mentions AS
    SELECT m.article_id, m.start, m.end, m.label,
           CASE WHEN m.label = 'PERSON' THEN coalesce(p.canonical, m.name) ELSE m.name END AS name,
           m.text, m.role
    FROM mentions AS m LEFT JOIN person_canonical AS p ON m.label = 'PERSON' AND p.name = m.name
    WHERE p.canonical IS NULL OR p.canonical != '';
""",
    # Quotations and who said them (reader.quotes): derived from each article's body
    # and mentions. The speaker is the mention starting at speaker_at; its label and
    # per-article name are copied here so a person's quotes are found by index.
    """
    CREATE TABLE IF NOT EXISTS quotes (
        article_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        partial INTEGER NOT NULL,
        speaker_at INTEGER,
        how TEXT NOT NULL,
        cue TEXT NOT NULL,
        speaker_label TEXT,
        speaker_name TEXT
    );
    CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
    CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_label, speaker_name);
    -- Quotes as the reader sees them: a person speaks under the library-wide name, and
    -- someone marked as no person (canonical '') speaks as nobody.
    CREATE VIEW IF NOT EXISTS resolved_quotes AS
        SELECT q.article_id, q.start, q.end, q.partial, q.speaker_at, q.how, q.cue, q.speaker_label,
               q.speaker_name,
               CASE WHEN q.speaker_label = 'PERSON' THEN nullif(coalesce(p.canonical, q.speaker_name), '')
                    ELSE q.speaker_name END AS speaker
        FROM quotes AS q LEFT JOIN person_canonical AS p
            ON q.speaker_label = 'PERSON' AND p.name = q.speaker_name;
    """,
    # Copies and stories (reader/library/stories.py); every article of an older
    # library is queued to be grouped.
    """
CREATE TABLE IF NOT EXISTS story_articles (
    no INTEGER PRIMARY KEY,
    article_id TEXT UNIQUE NOT NULL,
    day INTEGER,
    weight REAL NOT NULL DEFAULT 0,
    terms TEXT NOT NULL,
    story TEXT,
    copy_group TEXT,
    counted INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story);
CREATE INDEX IF NOT EXISTS story_articles_copy ON story_articles(copy_group);
CREATE TABLE IF NOT EXISTS story_terms (id INTEGER PRIMARY KEY, term TEXT UNIQUE NOT NULL, articles INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS story_terms_articles ON story_terms(articles);
CREATE TABLE IF NOT EXISTS story_postings (
    term INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (term, article)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS copy_sketches (
    hash INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (hash, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS copy_sketches_article ON copy_sketches(article);
CREATE TABLE IF NOT EXISTS story_links (
    a INTEGER NOT NULL, b INTEGER NOT NULL, score REAL NOT NULL, copy INTEGER NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_links_b ON story_links(b);
CREATE TABLE IF NOT EXISTS story_queue (article_id TEXT PRIMARY KEY);
INSERT OR IGNORE INTO story_queue SELECT id FROM articles;
""",
)
SCHEMA_VERSION = len(MIGRATIONS)

# From this many articles, those with renamed people are found in one pass over the
# renamed people's mentions rather than article by article.
_SCAN_RENAMED_FROM = 2_000
# The article columns in the order Article's fields are read back.
_ARTICLE_COLUMNS = "id, path, part, title, body, date, source, dateline, url, line_start, line_end, author, language, summary"


@dataclass(frozen=True, slots=True)
class SourceRecord:
    path: str
    sha256: str
    size: int
    mtime_ns: int
    pipeline: str
    skipped: str | None
    article_count: int


class StoreError(ReaderError):
    """The store cannot be opened (not a library, or from a newer version)."""


class StoreUnwritable(StoreError):
    """The store exists but cannot be opened for writing (a full disk, an I/O
    error); it may still be read."""


class Store:
    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        if readonly:
            if not path.is_file():
                raise StoreError(f"{path.parent}: not a news-reader library (no {path.name})")
            self.db = open_readonly(path)
        else:
            self.db = sqlite3.connect(path, check_same_thread=False)
        # A writer's transactions are short (one batch); wait for them, never fail.
        self.db.execute("PRAGMA busy_timeout=10000")
        if not readonly and self._schema_version() != SCHEMA_VERSION:
            self._migrate()
        if not readonly:
            # NORMAL in WAL mode: a commit survives a killed process (not a power cut),
            # and that is what the crash tests demand.
            self.db.execute("PRAGMA synchronous=NORMAL")
        schema = self._schema_version()
        if schema != SCHEMA_VERSION:
            raise StoreError(f"{path}: library format {schema}, this version reads {SCHEMA_VERSION}")

    def _schema_version(self) -> int | None:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):  # a new library
                return None
            # Not a new library: a file that cannot be read this way. Taking it for a
            # new one would try to create the schema over it.
            raise StoreUnwritable(f"{self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a news-reader library ({exc})") from exc
        return int(row[0]) if row else None

    def _migrate(self) -> None:
        # Only a new or older library writes here, so opening a current one (a reader
        # while `add` runs) takes no write lock at all.
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            version = self._schema_version() or 0
            apply_migrations(self.db, MIGRATIONS, version, self._too_new)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('generation', '0')")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        except BaseException:
            self.db.rollback()
            raise
        self.db.commit()

    def _too_new(self, version: int) -> StoreError:
        return StoreError(
            f"{self.path}: library format {version}, this version reads up to {SCHEMA_VERSION}; upgrade news-reader"
        )

    def close(self) -> None:
        self.db.close()

    # -- meta ---------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a news-reader library ({exc})") from exc
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    @property
    def generation(self) -> int:
        return int(self.meta("generation") or 0)

    # -- sources ------------------------------------------------------------

    def sources(self) -> dict[str, SourceRecord]:
        rows = self.db.execute("SELECT * FROM sources")
        return {row[0]: SourceRecord(*row) for row in rows}

    def source(self, path: str) -> SourceRecord | None:
        row = self.db.execute("SELECT * FROM sources WHERE path = ?", (path,)).fetchone()
        return SourceRecord(*row) if row else None

    def sources_under(self, path: str) -> list[str]:
        """Stored source paths equal to ``path`` or inside the folder ``path``."""
        folder = path.rstrip("/") + "/"
        rows = self.db.execute(
            "SELECT path FROM sources WHERE path = ? OR substr(path, 1, ?) = ?",
            (path, len(folder), folder),
        )
        return [row[0] for row in rows]

    def forget_hashes(self, paths: Iterable[str]) -> None:
        """Make the next ``add`` of these sources clean them again."""
        with self.db:
            self.db.executemany("UPDATE sources SET sha256 = '' WHERE path = ?", [(p,) for p in paths])

    def touch_source(self, path: str, size: int, mtime_ns: int) -> None:
        """Same content, new mtime (a copy or a `touch`): remember it, nothing to index."""
        with self.db:
            self.db.execute(
                "UPDATE sources SET size = ?, mtime_ns = ? WHERE path = ?", (size, mtime_ns, path)
            )

    def replace_source(
        self,
        record: SourceRecord,
        articles: Sequence[StoredArticle],
        words: Mapping[str, int] | None = None,
    ) -> list[str]:
        """Put one source and all its articles in the store in one transaction,
        replacing what an older version of the file gave. Returns the ids of the
        articles it replaced (the index must drop them)."""
        with self.db:
            generation = self._bump_generation()
            replaced = self._delete_articles_of(record.path, generation)
            self._write_source(replace(record, article_count=len(articles)))
            self._insert_articles(articles, record.path, generation)
            if words:
                self._count_words(words)
        return replaced

    def add_articles(
        self,
        path: str,
        articles: Sequence[StoredArticle],
        words: Mapping[str, int] | None,
        replace_old: bool,
    ) -> list[str]:
        """One batch of a source's articles in one transaction; the first batch of a
        changed file (``replace_old``) drops what the older version gave, returning
        those ids. The source itself is recorded by :meth:`finish_source`, so after a
        crash the file counts as not added and the next ``add`` redoes it whole."""
        with self.db:
            generation = self._bump_generation()
            replaced = self._delete_articles_of(path, generation) if replace_old else []
            self._insert_articles(articles, path, generation)
            if words:
                self._count_words(words)
        return replaced

    def finish_source(self, record: SourceRecord, replace_old: bool) -> list[str]:
        with self.db:
            generation = self._bump_generation()
            replaced = self._delete_articles_of(record.path, generation) if replace_old else []
            self._write_source(record)
        return replaced

    def _write_source(self, record: SourceRecord) -> None:
        self.db.execute("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)", astuple(record))

    def remove_sources(self, paths: Iterable[str]) -> tuple[int, list[str]]:
        """Forget these sources and their articles. Returns (sources removed, ids of
        the articles removed)."""
        removed_sources = 0
        removed_ids: list[str] = []
        with self.db:
            generation = self._bump_generation()
            for path in paths:
                removed_ids += self._delete_articles_of(path, generation)
                removed_sources += self.db.execute("DELETE FROM sources WHERE path = ?", (path,)).rowcount
        return removed_sources, removed_ids

    def _bump_generation(self) -> int:
        generation = self.generation + 1
        self.db.execute("UPDATE meta SET value = ? WHERE key = 'generation'", (str(generation),))
        return generation

    def _delete_articles_of(self, path: str, generation: int) -> list[str]:
        rows = self.db.execute("SELECT id, title, body FROM articles WHERE path = ?", (path,)).fetchall()
        ids = [row[0] for row in rows]
        if rows:
            # The words of what goes stop counting, or a replaced file counts twice.
            self._uncount_words(count_words((title, body) for _, title, body in rows))
        for article_id in ids:
            self.db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
            self.db.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
            self.db.execute("INSERT OR REPLACE INTO index_queue VALUES (?, ?)", (article_id, generation))
            self.db.execute("INSERT OR IGNORE INTO story_queue VALUES (?)", (article_id,))
        self.db.execute("DELETE FROM articles WHERE path = ?", (path,))
        return ids

    def _insert_articles(self, articles: Sequence[StoredArticle], path: str, generation: int) -> None:
        for stored in articles:
            a = stored.article
            lines = a.lines or (None, None)
            self.db.execute(
                f"INSERT OR REPLACE INTO articles ({_ARTICLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    stored.id,
                    path,
                    a.part,
                    a.title,
                    a.body,
                    a.date,
                    a.source,
                    a.dateline,
                    a.url,
                    *lines,
                    a.author,
                    a.language,
                    int(a.summary),
                ),
            )
            self.db.executemany(
                "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(stored.id, s.start, s.end, s.label, s.name, s.text, s.role) for s in stored.entities],
            )
            self._insert_quotes(stored)
            self.db.execute("INSERT OR REPLACE INTO index_queue VALUES (?, ?)", (stored.id, generation))
            self.db.execute("INSERT OR IGNORE INTO story_queue VALUES (?)", (stored.id,))

    def _insert_quotes(self, stored: StoredArticle) -> None:
        rows = []
        for q in stored.quotes:
            speaker = stored.speaker(q)
            label, name = (speaker.label, speaker.name) if speaker else (None, None)
            rows.append((stored.id, q.start, q.end, int(q.partial), q.speaker_at, q.how, q.cue, label, name))
        self.db.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    # -- articles -----------------------------------------------------------

    def article_count(self, exclude: Collection[str] = ()) -> int:
        """How many articles there are, not counting those of ``exclude``."""
        if not exclude:
            return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        return self.db.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT value FROM json_each(?))",
            (json.dumps(list(exclude)),),
        ).fetchone()[0]

    def article_ids(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT id FROM articles ORDER BY path, part")]

    def ids_of_path(self, path: str) -> list[str]:
        rows = self.db.execute("SELECT id FROM articles WHERE path = ? ORDER BY part", (path,))
        return [row[0] for row in rows]

    def newest_ids(self, limit: int, offset: int = 0, exclude: Collection[str] = ()) -> list[str]:
        """The ``limit`` newest articles after the first ``offset`` (undated ones last),
        none of ``exclude``."""
        rows = self.db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT value FROM json_each(?)) "
            "ORDER BY date IS NULL, date DESC, path, part LIMIT ? OFFSET ?",
            (json.dumps(list(exclude)), limit, offset),
        )
        return [row[0] for row in rows]

    def find_ids(self, pattern: str) -> list[str]:
        """The ids ``pattern`` names, taken as the first of these that names any: an
        id, a file's path, the start of file names, the start of ids. Ids are hashes
        of paths: a short file-name prefix ("000") also starts some id now and then,
        and means the file."""
        lookups = (
            ("SELECT id FROM articles WHERE id = ?", pattern),
            ("SELECT id FROM articles WHERE path = ?", pattern),
            (
                "SELECT id FROM articles WHERE replace(path, rtrim(path, replace(path, '/', '')), '') "
                "LIKE ? ESCAPE '\\'",
                _like_prefix(pattern),
            ),
            ("SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\'", _like_prefix(pattern)),
        )
        for sql, value in lookups:
            found = [row[0] for row in self.db.execute(sql, (value,))]
            if found:
                return found
        return []

    def get(self, article_id: str) -> StoredArticle | None:
        found = self.get_many([article_id])
        return found.get(article_id)

    def get_many(
        self,
        ids: Sequence[str],
        with_entities: bool = True,
        resolved: bool = True,
        people_only: bool = False,
    ) -> dict[str, StoredArticle]:
        """Articles by id with their mentions and quotes; a person's mentions carry
        the library-wide name, or with ``resolved=False`` the per-article one. With
        ``people_only``, only the people's mentions and no quotes (what a list of
        hits shows: a third of the time)."""
        result: dict[str, StoredArticle] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = list(ids[chunk_start : chunk_start + 500])
            marks = ",".join("?" * len(chunk))
            spans: dict[str, list[EntitySpan]] = {}
            quotes: dict[str, list[Quote]] = {}
            if with_entities:
                # (+label: by the article's mentions, not by every person's name)
                labels = " AND +label = 'PERSON'" if people_only else ""
                for row in self.db.execute(
                    f"SELECT article_id, start, end, label, name, text, role FROM "
                    f"{'resolved_mentions' if resolved else 'mentions'} "
                    f"WHERE article_id IN ({marks}){labels} ORDER BY article_id, start",
                    chunk,
                ):
                    spans.setdefault(row[0], []).append(EntitySpan(*row[1:]))
            if with_entities and not people_only:
                for row in self.db.execute(
                    f"SELECT article_id, start, end, partial, speaker_at, how, cue FROM quotes "
                    f"WHERE article_id IN ({marks}) ORDER BY article_id, start",
                    chunk,
                ):
                    quotes.setdefault(row[0], []).append(Quote(row[1], row[2], bool(row[3]), *row[4:]))
            for row in self.db.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk
            ):
                result[row[0]] = _stored_from_row(row, spans.get(row[0], ()), quotes.get(row[0], ()))
        return result

    def iter_articles(self, batch: int = 1000, resolved: bool = True) -> Iterator[StoredArticle]:
        ids = self.article_ids()
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            found = self.get_many(chunk, resolved=resolved)
            yield from (found[i] for i in chunk if i in found)

    def names_of(self, ids: Sequence[str], label: str) -> dict[str, set[str]]:
        """Canonical names with ``label`` per article id."""
        result: dict[str, set[str]] = {i: set() for i in ids}
        for chunk_start in range(0, len(ids), 500):
            chunk = list(ids[chunk_start : chunk_start + 500])
            marks = ",".join("?" * len(chunk))
            for article_id, name in self.db.execute(
                f"SELECT DISTINCT article_id, name FROM resolved_mentions WHERE label = ? AND article_id IN ({marks})",
                (label, *chunk),
            ):
                result[article_id].add(name)
        return result

    def dates_of(self, ids: Sequence[str]) -> dict[str, str | None]:
        result: dict[str, str | None] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = list(ids[chunk_start : chunk_start + 500])
            marks = ",".join("?" * len(chunk))
            result.update(self.db.execute(f"SELECT id, date FROM articles WHERE id IN ({marks})", chunk))
        return result

    def names(self, label: str) -> list[tuple[str, int]]:
        """Every canonical name with ``label`` and the number of articles mentioning it."""
        rows = self.db.execute(
            "SELECT name, count(DISTINCT article_id) AS n FROM resolved_mentions WHERE label = ? "
            "GROUP BY name ORDER BY n DESC, name",
            (label,),
        )
        return [(name, count) for name, count in rows]

    def surface_forms(self, label: str) -> list[tuple[str, str]]:
        """(surface text, canonical name) pairs seen for ``label``."""
        rows = self.db.execute("SELECT DISTINCT text, name FROM resolved_mentions WHERE label = ?", (label,))
        return list(rows)

    def names_by_article(self, label: str) -> Iterator[list[str]]:
        """The distinct canonical names with ``label`` of each article that has any."""
        rows = self.db.execute(
            "SELECT DISTINCT article_id, name FROM resolved_mentions WHERE label = ? ORDER BY article_id",
            (label,),
        )
        for _, group in groupby(rows, key=itemgetter(0)):
            yield [name for _, name in group]

    # -- vocabulary (for "did you mean") ------------------------------------

    def _count_words(self, words: Mapping[str, int]) -> None:
        self.db.executemany(
            "INSERT INTO vocabulary VALUES (?, ?) "
            "ON CONFLICT(word) DO UPDATE SET articles = articles + excluded.articles",
            words.items(),
        )

    def _uncount_words(self, words: Mapping[str, int]) -> None:
        self.db.executemany(
            "UPDATE vocabulary SET articles = articles - ? WHERE word = ?",
            [(count, word) for word, count in words.items()],
        )
        self.db.execute("DELETE FROM vocabulary WHERE articles <= 0")

    def replace_vocabulary(self, words: Mapping[str, int]) -> None:
        with self.db:
            self.db.execute("DELETE FROM vocabulary")
            self._count_words(words)

    def vocabulary(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT word, articles FROM vocabulary"))

    # -- library-wide person names -------------------------------------------

    def raw_person_names(self) -> list[tuple[str, int]]:
        """Per-article canonical person names with their number of mentions."""
        rows = self.db.execute("SELECT name, count(*) FROM mentions WHERE label = 'PERSON' GROUP BY name")
        return list(rows)

    def titled_person_names(self) -> set[str]:
        """Per-article person names written with a title at least once ("President Suharto")."""
        rows = self.db.execute(
            "SELECT DISTINCT name FROM mentions WHERE label = 'PERSON' AND role IS NOT NULL"
        )
        return {row[0] for row in rows}

    def thing_names(self) -> dict[str, int]:
        """Organisation and place names with their number of mentions."""
        rows = self.db.execute(
            "SELECT name, count(*) FROM mentions WHERE label IN ('ORG', 'PLACE') GROUP BY name"
        )
        return dict(rows)

    def ids_with_renamed_people(self, ids: Sequence[str]) -> list[str]:
        """Those of ``ids`` with a person whose library-wide name is not the article's own."""
        sql = (
            "SELECT DISTINCT m.article_id FROM mentions AS m JOIN person_canonical AS p "
            "ON p.name = m.name WHERE m.label = 'PERSON'"
        )
        if len(ids) >= _SCAN_RENAMED_FROM:
            # Many ids (a first add): one pass over the renamed people's mentions
            # beats looking up each article's, which took seconds for 20,000.
            wanted = set(ids)
            return sorted(row[0] for row in self.db.execute(sql) if row[0] in wanted)
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            found.update(row[0] for row in self.db.execute(f"{sql} AND m.article_id IN ({marks})", chunk))
        return sorted(found)

    def queue_for_index(self, ids: Sequence[str]) -> None:
        """Queue ``ids`` for the index (to be indexed again from the store): after a
        crash before the index has them, the next writer catches up."""
        if not ids:
            return
        with self.db:
            self._queue_at(ids, self._bump_generation())

    def _queue_at(self, ids: Iterable[str], generation: int) -> None:
        """Queue ``ids`` for the index under ``generation`` (inside the caller's transaction)."""
        self.db.executemany(
            "INSERT OR REPLACE INTO index_queue VALUES (?, ?)", [(i, generation) for i in ids]
        )

    def person_canonical(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT name, canonical FROM person_canonical"))

    def set_person_canonical(self, changes: dict[str, str], forgotten: Iterable[str]) -> list[str]:
        """Store new library-wide names; queue the articles whose people changed name
        for re-indexing. Returns their ids."""
        changed = list(changes) + list(forgotten)
        if not changed:
            return []
        with self.db:
            generation = self._bump_generation()
            ids: set[str] = set()
            for start in range(0, len(changed), 500):
                chunk = changed[start : start + 500]
                marks = ",".join("?" * len(chunk))
                ids.update(
                    row[0]
                    for row in self.db.execute(
                        f"SELECT DISTINCT article_id FROM mentions WHERE label = 'PERSON' AND name IN ({marks})",
                        chunk,
                    )
                )
            self.db.executemany("DELETE FROM person_canonical WHERE name = ?", [(n,) for n in forgotten])
            self.db.executemany(
                "INSERT OR REPLACE INTO person_canonical VALUES (?, ?)", list(changes.items())
            )
            self._queue_at(ids, generation)
            # A person's new name changes the terms the articles are grouped by.
            self.db.executemany("INSERT OR IGNORE INTO story_queue VALUES (?)", [(i,) for i in ids])
        return sorted(ids)

    # -- the user's corrections to people ----------------------------------

    def person_corrections(self) -> list[tuple[int, str, str, str]]:
        """(id, action, name, other) in the order they were made."""
        return list(self.db.execute("SELECT id, action, name, other FROM person_corrections ORDER BY id"))

    def add_person_correction(self, action: str, name: str, other: str = "") -> int:
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO person_corrections (action, name, other) VALUES (?, ?, ?)", (action, name, other)
            )
        return int(cursor.lastrowid or 0)

    def remove_person_correction(self, correction_id: int) -> None:
        with self.db:
            self.db.execute("DELETE FROM person_corrections WHERE id = ?", (correction_id,))

    # -- quotes ---------------------------------------------------------------

    def replace_quotes(self, found: Iterable[StoredArticle], reindex: Iterable[str]) -> None:
        """Store the quotes found anew in these articles (the quote finder changed)
        and queue ``reindex`` (those whose speakers changed) for the index. The
        articles' entities must be as stored (per-article names)."""
        with self.db:
            generation = self._bump_generation()
            for stored in found:
                self.db.execute("DELETE FROM quotes WHERE article_id = ?", (stored.id,))
                self._insert_quotes(stored)
            self._queue_at(reindex, generation)

    def raw_person_names_of(self, canonical: str) -> list[str]:
        """The per-article names the library reads as the person ``canonical``."""
        renamed = dict(self.db.execute("SELECT name, canonical FROM person_canonical"))
        names = [raw for raw, name in renamed.items() if name == canonical]
        if canonical not in renamed:
            names.append(canonical)
        return names

    def quotes_by(self, label: str, raw_names: Sequence[str]) -> list[tuple]:
        """Every quote whose speaker has ``label`` and one of these per-article
        names: (article id, start, end, partial, how, cue, title, source, date,
        path, quoted text)."""
        rows: list[tuple] = []
        for chunk_start in range(0, len(raw_names), 500):
            chunk = list(raw_names[chunk_start : chunk_start + 500])
            marks = ",".join("?" * len(chunk))
            rows += self.db.execute(
                "SELECT q.article_id, q.start, q.end, q.partial, q.how, q.cue, a.title, a.source, a.date, "
                "a.path, substr(a.body, q.start + 1, q.end - q.start) FROM quotes AS q "
                f"JOIN articles AS a ON a.id = q.article_id WHERE q.speaker_label = ? AND q.speaker_name IN ({marks})",
                (label, *chunk),
            )
        return rows

    def quote_counts(self, label: str) -> dict[str, tuple[int, int]]:
        """Speaker's name (library-wide) -> (quotes, statements: quotes not partial)
        of everyone with ``label`` who is quoted."""
        rows = self.db.execute(
            "SELECT speaker, count(*), sum(1 - partial) FROM resolved_quotes "
            "WHERE speaker_label = ? AND speaker IS NOT NULL GROUP BY speaker",
            (label,),
        )
        return {name: (quotes, statements) for name, quotes, statements in rows}

    def quoted_names(self, label: str, words: Sequence[str] = ()) -> list[tuple[str, str, int]]:
        """(per-article name, library-wide name, quotes) of every speaker with
        ``label``; with ``words``, only the names holding each of them (a quick
        first cut, blind to case only in ASCII)."""
        where = "".join(" AND (speaker_name LIKE ? ESCAPE '\\' OR speaker LIKE ? ESCAPE '\\')" for _ in words)
        patterns = [p for w in words for p in ("%" + _like_prefix(w),) * 2]
        return list(
            self.db.execute(
                "SELECT speaker_name, speaker, count(*) FROM resolved_quotes "
                f"WHERE speaker_label = ? AND speaker IS NOT NULL{where} "
                "GROUP BY speaker_name, speaker",
                (label, *patterns),
            )
        )

    def mention_facts(self, label: str) -> Iterator[tuple[str, str, str | None, str, str | None]]:
        """(canonical name, surface form, role, article id, article date) of every
        mention with ``label``."""
        yield from self.db.execute(
            "SELECT m.name, m.text, m.role, m.article_id, a.date FROM resolved_mentions AS m "
            "JOIN articles AS a ON a.id = m.article_id WHERE m.label = ?",
            (label,),
        )

    # -- the index queue ----------------------------------------------------

    def queued(self) -> list[tuple[str, int]]:
        return list(self.db.execute("SELECT article_id, generation FROM index_queue"))

    def queue_length(self) -> int:
        return self.db.execute("SELECT count(*) FROM index_queue").fetchone()[0]

    def clear_queue(self, up_to_generation: int) -> None:
        with self.db:
            self.db.execute("DELETE FROM index_queue WHERE generation <= ?", (up_to_generation,))


def _stored_from_row(row: tuple, spans: Iterable[EntitySpan], quotes: Iterable[Quote] = ()) -> StoredArticle:
    (
        article_id,
        path,
        part,
        title,
        body,
        date,
        source,
        dateline,
        url,
        line_start,
        line_end,
        author,
        language,
        summary,
    ) = row
    lines = (line_start, line_end) if line_start is not None and line_end is not None else None
    article = Article(
        path=path,
        title=title,
        body=body,
        date=date,
        source=source,
        dateline=dateline,
        url=url,
        part=part,
        lines=lines,
        author=author,
        language=language,
        summary=bool(summary),
    )
    return StoredArticle(article_id, article, tuple(spans), tuple(quotes))


def _like_prefix(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"

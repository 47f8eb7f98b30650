"""The user's highlights, and which articles they have read: an SQLite file of its
own in the library folder.

Highlights and read marks are the user's data, not derived data: ``rebuild``, a new
cleaner or a deleted index must never touch them, so they live apart from the
library store (``highlights.sqlite3``). Every change is one transaction in WAL mode with
``synchronous=FULL``: once a call returns, the change survives the process being
killed (and a power cut). Deleting only marks a row, and every change is written to
a journal first, so :meth:`HighlightStore.undo` can take back the last change, even
after a restart.

A highlight is anchored three ways: the article id, the article's file and story
position (ids change if a file moves), and the quoted text with ~32 characters of
context on each side (offsets change when the cleaner does); see
:mod:`reader.highlights.anchor`.
"""

from __future__ import annotations

import builtins
import json
import os
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from reader.errors import DISK_FULL, ReaderError, is_disk_full, refusal
from reader.highlights.anchor import anchor, context_of, find_quote
from reader.model import Article
from reader.sqlite_schema import apply_migrations, open_readonly, statements

STORE_FILE = "highlights.sqlite3"

# Each entry migrates the schema from version N (its index) to N + 1; PRAGMA
# user_version records how far a file has come. Append, never edit.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE highlights (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        path TEXT NOT NULL,
        part INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        deleted_at TEXT,
        orphaned INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX highlights_article ON highlights(article_id);
    CREATE INDEX highlights_path ON highlights(path, part);
    CREATE TABLE highlight_tags (
        highlight_id TEXT NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        tag TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (highlight_id, tag)
    );
    CREATE INDEX highlight_tags_tag ON highlight_tags(tag);
    -- What each change replaced, newest last: the undo history.
    CREATE TABLE journal (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        highlight_id TEXT NOT NULL,
        before TEXT
    );
    """,
    # The articles the user has opened. An article's id is made from its file and
    # story position, so a mark outlives re-cleaning, remove and add again.
    """
    CREATE TABLE read_marks (article_id TEXT PRIMARY KEY, read_at TEXT NOT NULL);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
# The steps after this version only add tables: a read-only file of an older version
# is read as it is (without what they add).
_READABLE_FROM = 1
_READ_MARKS_FROM = 2  # the version that added read marks
_ID_PATTERN = re.compile(r"^[0-9a-f]{1,8}$")


class HighlightError(ReaderError):
    """A highlight operation the user asked for cannot be done; the message says why."""


class HighlightNotFound(HighlightError, LookupError):
    pass


class QuoteNotFound(HighlightError, ValueError):
    pass


class HighlightStoreError(HighlightError):
    """The file is not a highlight store, or was written by a newer version."""


class HighlightStoreBusy(HighlightError):
    """Another process held the store's write lock past the busy timeout."""


class HighlightReadOnly(HighlightError):
    """The store was opened read-only (the library cannot be written)."""


class ArticleLike(Protocol):
    """What the store needs of an article: a ``StoredArticle`` of the library fits."""

    @property
    def id(self) -> str: ...

    @property
    def article(self) -> Article: ...


@dataclass(frozen=True, slots=True)
class Highlight:
    id: str
    article_id: str
    path: str
    part: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    note: str
    tags: tuple[str, ...]
    created: str  # ISO 8601 UTC, "2026-11-21T06:30:12Z"
    updated: str
    deleted_at: str | None = None
    orphaned: bool = False  # the quote was not found in the article's current text

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "path": self.path,
            "part": self.part,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "note": self.note,
            "tags": list(self.tags),
            "created": self.created,
            "updated": self.updated,
            "orphaned": self.orphaned,
        }


@dataclass(frozen=True, slots=True)
class UndoneChange:
    action: str  # "add" | "delete" | "undelete" | "note" | "tags" | "edit"
    highlight: Highlight  # as it is after the undo


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as stored: no surrounding space or leading '#', inner spaces as '-',
    duplicates (ignoring case) dropped, first spelling and order kept."""
    seen: dict[str, str] = {}
    for tag in tags:
        clean = re.sub(r"\s+", "-", tag.strip().lstrip("#").strip())
        if clean and clean.lower() not in seen:
            seen[clean.lower()] = clean
    return tuple(seen.values())


class HighlightStore:
    """``HighlightStore(library_folder)``; safe to share between threads (one
    connection behind a lock), and between processes (SQLite's own locking)."""

    def __init__(
        self,
        folder: str | os.PathLike[str],
        *,
        clock: Callable[[], str] = utc_now,
        new_id: Callable[[], str] = lambda: secrets.token_hex(4),
        busy_timeout: float = 10.0,
        readonly: bool = False,
        why_readonly: str = "the library is read-only",
    ) -> None:
        self.folder = Path(folder)
        self.path = self.folder / STORE_FILE
        self.clock = clock  # tests pass fixed clocks and ids for reproducible output
        self._id_source = new_id
        self._lock = threading.RLock()
        self.readonly = readonly
        self.why_readonly = why_readonly
        self._version = SCHEMA_VERSION  # of the file: lower only for an old read-only one
        if readonly:
            self._open_readonly()
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=busy_timeout
        )
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            # FULL, not NORMAL: a highlight is typed by hand and cannot be rebuilt from
            # anything, so each commit is synced to disk before the call returns.
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except HighlightError:
            self.db.close()
            raise
        except sqlite3.DatabaseError as exc:
            self.db.close()
            if is_disk_full(exc, self.folder) and self.path.is_file():
                # Listing needs no space: read what is there.
                self.readonly, self.why_readonly = True, DISK_FULL
                self._open_readonly()
                return
            raise HighlightStoreError(f"{self.path}: not a highlight store ({exc})") from exc

    def _open_readonly(self) -> None:
        """Reading a library that cannot be written (a read-only folder, disk or
        copy): no migration, no journal mode change; a library without highlights
        has an empty store."""
        try:
            if self.path.is_file():
                self.db = open_readonly(self.path)
            else:
                self.db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                for script in MIGRATIONS:
                    for statement in statements(script):
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise HighlightStoreError(f"{self.path}: not a highlight store ({exc})") from exc
        self._version = version
        if not _READABLE_FROM <= version <= SCHEMA_VERSION:
            self.db.close()
            raise HighlightStoreError(
                f"{self.path}: highlights format {version}; this version reads {SCHEMA_VERSION} "
                "and cannot update a read-only library"
            )

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self) -> HighlightStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------

    def _migrate(self) -> None:
        if self.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return  # the usual case: no write lock needed to open
        with self._write():
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            apply_migrations(self.db, MIGRATIONS, version, self._too_new)
            if version != SCHEMA_VERSION:
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _too_new(self, version: int) -> HighlightStoreError:
        return HighlightStoreError(
            f"{self.path}: highlights format {version}, this version reads up to {SCHEMA_VERSION}; upgrade news-reader"
        )

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction, taking SQLite's write lock at once (no upgrade deadlocks
        between two processes that both read first)."""
        if self.readonly:
            raise HighlightReadOnly(refusal(self.why_readonly, self.folder, "highlights"))
        with self._lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                raise HighlightStoreBusy(
                    f"{self.path}: another news-reader has been writing highlights for too long; try again"
                ) from exc
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    # -- changes ------------------------------------------------------------

    def add(
        self,
        stored: ArticleLike,
        start: int,
        end: int,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Highlight:
        """Highlight ``body[start:end]`` of an article."""
        body = stored.article.body
        if not 0 <= start < end <= len(body):
            raise HighlightError(f"no passage {start}..{end} in an article of {len(body)} characters")
        # A selection made by sentences may carry white space at its edges; the
        # passage is the text itself.
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start == end:
            raise HighlightError("the selection holds only white space")
        prefix, suffix = context_of(body, start, end)
        now = self.clock()
        with self._write():
            highlight = Highlight(
                id=self._new_id(),
                article_id=stored.id,
                path=stored.article.path,
                part=stored.article.part,
                start=start,
                end=end,
                quote=body[start:end],
                prefix=prefix,
                suffix=suffix,
                note=note.strip(),
                tags=normalise_tags(tags),
                created=now,
                updated=now,
            )
            self.db.execute(
                "INSERT INTO highlights (id, article_id, path, part, start, end, quote, prefix, suffix, "
                "note, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    highlight.id,
                    highlight.article_id,
                    highlight.path,
                    highlight.part,
                    highlight.start,
                    highlight.end,
                    highlight.quote,
                    highlight.prefix,
                    highlight.suffix,
                    highlight.note,
                    highlight.created,
                    highlight.updated,
                ),
            )
            self._write_tags(highlight.id, highlight.tags)
            self._journal("add", highlight.id, None, now)
        return highlight

    def add_quote(
        self,
        stored: ArticleLike,
        quote: str,
        occurrence: int = 1,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> tuple[Highlight, int]:
        """Highlight the ``occurrence``-th place (from 1) where ``quote`` is in the
        article; curly and straight quotes, dashes and runs of white space count as
        the same. Returns the highlight and how many places hold the quote."""
        spans = find_quote(stored.article.body, quote)
        if not spans:
            raise QuoteNotFound(f"quote not found in {stored.id}: {_shorten(quote)!r}")
        if not 1 <= occurrence <= len(spans):
            raise QuoteNotFound(
                f"the quote occurs {len(spans)} time{'s' if len(spans) != 1 else ''} in {stored.id}, "
                f"there is no occurrence {occurrence}"
            )
        start, end = spans[occurrence - 1]
        return self.add(stored, start, end, note, tags), len(spans)

    def update_note(self, highlight_id: str, note: str) -> Highlight:
        return self._change(highlight_id, "note", lambda h: replace(h, note=note.strip()))

    def set_tags(self, highlight_id: str, tags: Iterable[str]) -> Highlight:
        wanted = normalise_tags(tags)
        return self._change(highlight_id, "tags", lambda h: replace(h, tags=wanted))

    def edit(
        self, highlight_id: str, note: str | None = None, tags: Iterable[str] | None = None
    ) -> Highlight:
        """Change the note, the tags or both (None: as it is) in one change, which
        one ``undo`` takes back (its action says which changed: "note", "tags" or
        "edit" for both)."""
        wanted = None if tags is None else normalise_tags(tags)
        current = self.get(highlight_id)
        new_note = current.note if note is None else note.strip()
        new_tags = current.tags if wanted is None else wanted
        changed = (new_note != current.note, new_tags != current.tags)
        action = {(True, False): "note", (False, True): "tags"}.get(changed, "edit")
        return self._change(highlight_id, action, lambda h: replace(h, note=new_note, tags=new_tags))

    def delete(self, highlight_id: str) -> Highlight:
        """Mark a highlight deleted (``undo`` or ``undo_delete`` brings it back)."""
        now = self.clock()
        return self._change(highlight_id, "delete", lambda h: replace(h, deleted_at=now))

    def undo_delete(self, highlight_id: str) -> Highlight:
        found = self.get(highlight_id, include_deleted=True)
        if found.deleted_at is None:
            return found
        return self._change(found.id, "undelete", lambda h: replace(h, deleted_at=None), include_deleted=True)

    def undo(self) -> UndoneChange | None:
        """Take back the newest change still in the journal (None when there is none)."""
        with self._write():
            row = self.db.execute(
                "SELECT seq, action, highlight_id, before FROM journal ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            seq, action, highlight_id, before = row
            self.db.execute("DELETE FROM journal WHERE seq = ?", (seq,))
            current = self._get_exact(highlight_id)
            if current is None:
                return None
            now = self.clock()
            if action == "add":
                restored = replace(current, deleted_at=now)
            else:
                old = json.loads(before)
                restored = replace(
                    current,
                    note=old["note"],
                    tags=tuple(old["tags"]),
                    deleted_at=old["deleted_at"],
                )
            self._save(restored, now)
            return UndoneChange(action, self._exact(highlight_id))

    def _change(
        self,
        highlight_id: str,
        action: str,
        edit: Callable[[Highlight], Highlight],
        include_deleted: bool = False,
    ) -> Highlight:
        with self._write():
            current = self.get(highlight_id, include_deleted=include_deleted)
            changed = edit(current)
            if changed == current:
                return current
            now = self.clock()
            before = {"note": current.note, "tags": list(current.tags), "deleted_at": current.deleted_at}
            self._journal(action, current.id, json.dumps(before), now)
            self._save(changed, now)
            return self._exact(current.id)

    def _save(self, highlight: Highlight, now: str) -> None:
        self.db.execute(
            "UPDATE highlights SET note = ?, deleted_at = ?, updated = ? WHERE id = ?",
            (highlight.note, highlight.deleted_at, now, highlight.id),
        )
        self._write_tags(highlight.id, highlight.tags)

    def _write_tags(self, highlight_id: str, tags: tuple[str, ...]) -> None:
        self.db.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", (highlight_id,))
        self.db.executemany(
            "INSERT INTO highlight_tags VALUES (?, ?, ?)",
            [(highlight_id, position, tag) for position, tag in enumerate(tags)],
        )

    def _journal(self, action: str, highlight_id: str, before: str | None, now: str) -> None:
        self.db.execute(
            "INSERT INTO journal (at, action, highlight_id, before) VALUES (?, ?, ?, ?)",
            (now, action, highlight_id, before),
        )

    def _new_id(self) -> str:
        while True:
            candidate = self._id_source()
            if not self.db.execute("SELECT 1 FROM highlights WHERE id = ?", (candidate,)).fetchone():
                return candidate

    # -- re-anchoring -------------------------------------------------------

    @staticmethod
    def locate(highlight: Highlight, stored: ArticleLike) -> Highlight:
        """Where ``highlight`` is in the current text of ``stored`` (its article, maybe
        under a new id or after re-cleaning); when the quote is gone it is kept and
        marked orphaned. Writes nothing: :meth:`remember_places` does, after a change
        to the library."""
        body = stored.article.body
        span = anchor(body, highlight.quote, highlight.start, highlight.prefix, highlight.suffix)
        if span is None:
            return replace(highlight, orphaned=True)
        prefix, suffix = context_of(body, *span)
        return replace(
            highlight,
            article_id=stored.id,
            path=stored.article.path,
            part=stored.article.part,
            start=span[0],
            end=span[1],
            prefix=prefix,
            suffix=suffix,
            orphaned=False,
        )

    def remember_places(self, placed: Iterable[Highlight]) -> int:
        """Store where highlights are now (see :meth:`locate`), in one transaction;
        returns how many rows changed. Offsets and context are bookkeeping, not a user
        change: no journal entry, and the quote the user chose is kept as it was.
        Raises :class:`HighlightStoreBusy` when another process holds the store."""
        rows = [
            (h.article_id, h.path, h.part, h.start, h.end, h.prefix, h.suffix, int(h.orphaned), h.id)
            for h in placed
        ]
        if not rows:
            return 0
        changed = 0
        with self._write():
            for row in rows:
                changed += self.db.execute(
                    "UPDATE highlights SET article_id = ?, path = ?, part = ?, start = ?, end = ?, "
                    "prefix = ?, suffix = ?, orphaned = ? WHERE id = ? AND NOT "
                    "(article_id IS ? AND path IS ? AND part IS ? AND start IS ? AND end IS ? "
                    "AND prefix IS ? AND suffix IS ? AND orphaned IS ?)",
                    (*row, *row[:-1]),
                ).rowcount
        return changed

    def for_article(self, stored: ArticleLike) -> builtins.list[Highlight]:
        """The live highlights of an article, located in its current text, in reading
        order (orphaned ones last). Reads only."""
        rows = self._select(
            "WHERE deleted_at IS NULL AND (article_id = ? OR (path = ? AND part = ?))",
            (stored.id, stored.article.path, stored.article.part),
        )
        placed = [self.locate(h, stored) for h in rows]
        return sorted(placed, key=lambda h: (h.orphaned, h.start, h.end))

    # -- reading ------------------------------------------------------------

    def get(self, highlight_id: str, include_deleted: bool = False) -> Highlight:
        """A highlight by id or unique id prefix."""
        wanted = highlight_id.strip().lower()
        if not _ID_PATTERN.match(wanted):
            raise HighlightNotFound(f"no highlight {highlight_id!r} (ids are up to 8 hex digits)")
        deleted = "" if include_deleted else " AND deleted_at IS NULL"
        found = self._select(f"WHERE id LIKE ?{deleted}", (wanted + "%",))
        if not found:
            raise HighlightNotFound(f"no highlight {highlight_id!r}")
        exact = [h for h in found if h.id == wanted]
        if exact:
            return exact[0]
        if len(found) > 1:
            shown = ", ".join(h.id for h in found[:5])
            raise HighlightNotFound(f"{highlight_id!r} is ambiguous: {shown}")
        return found[0]

    # -- read marks -----------------------------------------------------------

    def mark_read(self, article_ids: Iterable[str]) -> None:
        """Mark articles read (again: no change, the first time stays)."""
        now = self.clock()
        with self._write():
            self.db.executemany(
                "INSERT INTO read_marks VALUES (?, ?) ON CONFLICT(article_id) DO NOTHING",
                [(article_id, now) for article_id in article_ids],
            )

    def mark_unread(self, article_ids: Iterable[str]) -> None:
        with self._write():
            self.db.executemany(
                "DELETE FROM read_marks WHERE article_id = ?", [(article_id,) for article_id in article_ids]
            )

    def read_ids(self) -> frozenset[str]:
        """The ids of every article marked read."""
        if self._version < _READ_MARKS_FROM:
            return frozenset()  # a read-only store from before read marks
        with self._lock:
            return frozenset(row[0] for row in self.db.execute("SELECT article_id FROM read_marks"))

    def list(
        self,
        *,
        article_id: str | None = None,
        path: str | None = None,
        tag: str | None = None,
        text: str | None = None,
        since: str | None = None,
        include_deleted: bool = False,
    ) -> builtins.list[Highlight]:
        """Highlights, oldest first. ``path``: made in any story of that file. ``tag`` ignores case; ``text`` is a case-blind
        substring of the quote or the note; ``since`` an ISO date or time (UTC) the
        highlight was created at or after. Filtering by people or a search is done
        by the caller, which has the library (see :mod:`reader.highlights.select`)."""
        clauses: builtins.list[str] = []
        params: builtins.list[object] = []
        if not include_deleted:
            clauses.append("deleted_at IS NULL")
        if article_id is not None:
            clauses.append("article_id = ?")
            params.append(article_id)
        if path is not None:
            clauses.append("path = ?")
            params.append(path)
        if tag is not None:
            clauses.append("id IN (SELECT highlight_id FROM highlight_tags WHERE tag = ?)")
            params.append(normalise_tags([tag])[0] if normalise_tags([tag]) else tag)
        if text:
            clauses.append("(instr(lower(quote), ?) OR instr(lower(note), ?))")
            params += [text.lower(), text.lower()]
        if since is not None:
            clauses.append("created >= ?")
            params.append(since)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return self._select(where, tuple(params))

    def count(self, include_deleted: bool = False) -> int:
        where = "" if include_deleted else " WHERE deleted_at IS NULL"
        with self._lock:
            return self.db.execute(f"SELECT count(*) FROM highlights{where}").fetchone()[0]

    def tags(self) -> builtins.list[tuple[str, int]]:
        """Every tag of a live highlight with its number of highlights, most used first."""
        with self._lock:
            rows = self.db.execute(
                "SELECT t.tag, count(*) AS n FROM highlight_tags AS t JOIN highlights AS h "
                "ON h.id = t.highlight_id WHERE h.deleted_at IS NULL "
                "GROUP BY t.tag COLLATE NOCASE ORDER BY n DESC, t.tag COLLATE NOCASE"
            )
            return [(tag, count) for tag, count in rows]

    def integrity_check(self) -> str:
        with self._lock:
            return self.db.execute("PRAGMA integrity_check").fetchone()[0]

    def _get_exact(self, highlight_id: str) -> Highlight | None:
        found = self._select("WHERE id = ?", (highlight_id,))
        return found[0] if found else None

    def _exact(self, highlight_id: str) -> Highlight:
        """A highlight this transaction has just written: it is there."""
        found = self._get_exact(highlight_id)
        if found is None:
            raise HighlightNotFound(f"no highlight {highlight_id!r}")
        return found

    def _select(self, where: str, params: tuple) -> builtins.list[Highlight]:
        with self._lock:
            rows = self.db.execute(
                "SELECT id, article_id, path, part, start, end, quote, prefix, suffix, note, "
                f"created, updated, deleted_at, orphaned FROM highlights {where} "
                "ORDER BY created, rowid",
                params,
            ).fetchall()
            tags: dict[str, builtins.list[str]] = {}
            ids = [row[0] for row in rows]
            for chunk_start in range(0, len(ids), 500):
                chunk = ids[chunk_start : chunk_start + 500]
                marks = ",".join("?" * len(chunk))
                for highlight_id, tag in self.db.execute(
                    f"SELECT highlight_id, tag FROM highlight_tags WHERE highlight_id IN ({marks}) "
                    "ORDER BY highlight_id, position",
                    chunk,
                ):
                    tags.setdefault(highlight_id, []).append(tag)
        return [
            Highlight(
                id=row[0],
                article_id=row[1],
                path=row[2],
                part=row[3],
                start=row[4],
                end=row[5],
                quote=row[6],
                prefix=row[7],
                suffix=row[8],
                note=row[9],
                tags=tuple(tags.get(row[0], ())),
                created=row[10],
                updated=row[11],
                deleted_at=row[12],
                orphaned=bool(row[13]),
            )
            for row in rows
        ]


def _shorten(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"

"""What the project's SQLite files (the library store, highlights) share: schema
migrations and read-only opening.

Each file keeps a list of migration scripts: entry N takes the schema from version N
to N + 1. Append, never edit: a file written by an older version is brought up to
date on open, one script at a time, inside one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to an existing file. A WAL database needs its
    shared-memory file even to be read; where that cannot be created (a read-only
    folder or file system) nobody can be writing either, so the file is opened as
    immutable."""
    uri = path.absolute().as_uri()
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        db = sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)
    return db


def statements(script: str) -> list[str]:
    """The statements of a migration script. Scripts hold no semicolons inside strings,
    so splitting is safe; running them one by one keeps them inside the surrounding
    transaction (``executescript`` would commit first)."""
    return [s.strip() for s in script.split(";") if s.strip() and not _only_comments(s)]


def _only_comments(statement: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in statement.splitlines())


def apply_migrations(
    db: sqlite3.Connection,
    migrations: Sequence[str],
    version: int,
    too_new: Callable[[int], Exception],
) -> int:
    """Run the scripts from ``version`` on, in the caller's open transaction; returns
    the new version. ``too_new`` builds the error for a file from a newer release."""
    if version > len(migrations):
        raise too_new(version)
    for number in range(version, len(migrations)):
        for statement in statements(migrations[number]):
            db.execute(statement)
    return len(migrations)

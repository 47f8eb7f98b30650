"""Schema migrations for the project's SQLite files (the library store, highlights).

Each file keeps a list of migration scripts: entry N takes the schema from version N
to N + 1. Append, never edit: a file written by an older version is brought up to
date on open, one script at a time, inside one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence


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

"""The one base of every error the user is meant to read.

A ``ReaderError``'s message is one line for the user ("no article 'x' in the
library"), and ``exit_status`` is what the command line exits with: 1 when
something could not be done, 2 when the user must rephrase what they asked (a bad
query, a bad date). Anything else that escapes is a bug and is reported as one.
"""

from __future__ import annotations

import errno
import os
import sqlite3


class ReaderError(Exception):
    exit_status = 1

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else type(self).__name__


DISK_FULL = "the disk is full"


def refusal(why: str, folder: str | os.PathLike[str], what: str) -> str:
    """The message for a write refused because the library cannot be written."""
    if why == DISK_FULL:
        return f"disk full in {folder}: {what} cannot be changed; nothing was lost, run the command again when there is space"
    return f"{why} ({folder}): {what} cannot be changed"


class DiskFull(ReaderError):
    """No space was left while writing. What was committed before stays: the
    library's writes are transactions, and files are written whole or not at all."""


_SQLITE_FULL = 13
_SQLITE_IOERR = 10


def is_disk_full(exc: BaseException, folder: str | os.PathLike[str] | None = None) -> bool:
    """Whether ``exc`` means the disk is full: ENOSPC or EDQUOT, SQLite's "database or
    disk is full", or an SQLite I/O error where ``folder``'s file system has no space
    left (SQLite reports a shared-memory file it cannot grow as an I/O error)."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(exc, sqlite3.Error) or code is None:
        return False
    if code & 0xFF == _SQLITE_FULL:
        return True
    return code & 0xFF == _SQLITE_IOERR and folder is not None and no_space_left(folder)


def no_space_left(folder: str | os.PathLike[str]) -> bool:
    try:
        stats = os.statvfs(folder)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < 64 * 1024

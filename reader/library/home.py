"""Where the library lives on disk."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

HOME_ENV = "NEWS_READER_HOME"
# What a library folder holds.
STORE_FILE = "library.sqlite3"
INDEX_FOLDER = "index"
LOCK_FILE = "write.lock"


def library_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The library folder: ``--library PATH``, else ``$NEWS_READER_HOME``, else the
    platform's user data folder (which honours ``XDG_DATA_HOME``)."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(HOME_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir("news-reader", appauthor=False))

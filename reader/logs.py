"""The debug log: ``news-reader --debug`` writes what the reader and the commands do
(library opened, searches, failures with their tracebacks) to a file whose path it
prints. Without ``--debug`` nothing is written."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs

LOG_ENV = "NEWS_READER_LOG"
LOGGER = "news_reader"


def log_path() -> Path:
    """``$NEWS_READER_LOG``, else ``news-reader.log`` in the platform's log folder
    (``~/.local/state/news-reader/log`` on Linux)."""
    override = os.environ.get(LOG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_log_dir("news-reader", appauthor=False)) / "news-reader.log"


def start_debug_log(path: Path | None = None) -> Path:
    """Send every ``news_reader`` log record to ``path`` (appended); returns it.
    Raises OSError when the file cannot be written."""
    path = path or log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    logger = logging.getLogger(LOGGER)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logging.captureWarnings(True)
    logging.getLogger("py.warnings").addHandler(handler)
    logger.info("debug log started (pid %d)", os.getpid())
    return path

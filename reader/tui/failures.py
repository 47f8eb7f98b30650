"""Worker failures, handled in one place.

Workers raise; they never catch what they cannot answer. Textual posts a
``Worker.StateChanged`` to the node that started the worker (a screen, or the app),
and :class:`ReportsFailures`, mixed into the app and every screen, turns an error
into one line saying what could not be done and why, then hands it to that node's
``worker_failed``: a screen shows the failures of its own work in place (the
article title, a status line) and leaves the rest to a notification. The
traceback goes to the debug log (``news-reader --debug``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from textual.worker import Worker, WorkerState

from reader.errors import ReaderError
from reader.ingest.sanitize import terminal_safe

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

log = logging.getLogger("news_reader.tui")

# What each group of workers was doing, as "cannot …" (the reason follows).
WHAT_FAILED = {
    "library": "cannot open the library",
    "article": "cannot open the article",
    "related": "cannot find related pieces",
    "compare": "cannot compare",
    "highlights": "cannot read the highlights",
    "highlights-list": "cannot read the highlights",
    "highlight-change": "cannot change the highlight",
    "export": "cannot export",
    "search": "search failed",
    "people": "cannot list the people of the library",
    "people-correction": "cannot correct",
    "people-list": "cannot list who is quoted",
    "people-quotes": "cannot read the quotes",
    "watch": "cannot look for changes to the library",
    "read-marks": "cannot mark the article read",
    "story-view": "cannot open the story",
    "story": "cannot open the story",
    "story-coverage": "cannot compare the outlets",
}


def failure_text(worker: Worker) -> str:
    """``cannot open the article: no article 'x' in the library``, on one line."""
    error = worker.error
    reason = error.message if isinstance(error, ReaderError) else str(error) or type(error).__name__
    what = WHAT_FAILED.get(worker.group)
    return terminal_safe(f"{what}: {reason}" if what else reason, one_line=True)


class ReportsFailures:
    """Mixed into the app and the screens (a method by name, so Textual finds it
    through the class's MRO): the one handler of failed workers."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state != WorkerState.ERROR or worker.error is None:
            return
        error = worker.error
        log.error("worker %s (%s) failed", worker.name, worker.group, exc_info=error)
        self.worker_failed(worker, failure_text(worker))

    def worker_failed(self, worker: Worker, message: str) -> None:
        """Show ``message`` (one line, sanitized) for the failure of ``worker``;
        override to show a group's failures in place."""
        node = cast("Widget | App[object]", self)  # mixed into the app or a screen
        node.notify(message, severity="error", markup=False, timeout=8)

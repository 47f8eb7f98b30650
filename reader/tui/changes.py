"""Changes to the highlight store from a screen: run in a thread worker, answered
with a ``HighlightChanged`` message the screen handles (notify, then reload)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.dom import DOMNode
from textual.message import Message


@dataclass
class HighlightChanged(Message):
    """A change went through (``done`` says what, for the user) or failed (``error``)."""

    done: str = ""
    error: str | None = None


def change_highlights(node: DOMNode, change: Callable[[], Any], done: str | Callable[[Any], str]) -> None:
    """Run ``change`` (a store call) off the UI thread; ``node`` gets the answer."""

    def run() -> None:
        try:
            outcome = change()
        except Exception as exc:
            node.post_message(HighlightChanged(error=str(exc)))
        else:
            node.post_message(HighlightChanged(done=done(outcome) if callable(done) else done))

    node.run_worker(run, thread=True, group="highlight-change", exit_on_error=False)


def undone(change) -> str:
    """What an undo (``HighlightStore.undo``'s answer) did, for the user."""
    if change is None:
        return "nothing to undo"
    what = {
        "add": "highlight removed",
        "delete": "highlight restored",
        "note": "note restored",
        "tags": "tags restored",
    }
    return f"undone: {what.get(change.action, change.action)}"

"""Changes to the highlight store from a screen: run in a thread worker, answered
with a ``HighlightChanged`` message the screen handles (notify, then reload). A
change that fails raises in the worker: the screen's ``worker_failed`` says so (see
:mod:`reader.tui.failures`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.dom import DOMNode
from textual.message import Message

CHANGE_GROUP = "highlight-change"


@dataclass
class HighlightChanged(Message):
    """A change went through; ``done`` says what, for the user."""

    done: str = ""


def change_highlights(node: DOMNode, change: Callable[[], Any], done: str | Callable[[Any], str]) -> None:
    """Run ``change`` (a store call) off the UI thread; ``node`` gets the answer."""

    def run() -> None:
        outcome = change()
        node.post_message(HighlightChanged(done=done(outcome) if callable(done) else done))

    node.run_worker(run, thread=True, group=CHANGE_GROUP, exit_on_error=False)


def undone(change) -> str:
    """What an undo (``HighlightStore.undo``'s answer) did, for the user."""
    if change is None:
        return "nothing to undo"
    what = {
        "add": "highlight removed",
        "delete": "highlight restored",
        "note": "note restored",
        "tags": "tags restored",
        "edit": "note and tags restored",
    }
    return f"undone: {what.get(change.action, change.action)}"

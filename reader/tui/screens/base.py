"""What the reader's screens share: ``self.app`` typed as the reader's own app, so
the type checker knows its service and navigation methods; and, for the screens
that run workers, the one handler of their failures."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual import getters
from textual.screen import ModalScreen, Screen

from reader.tui.failures import ReportsFailures

if TYPE_CHECKING:
    from reader.tui.app import NewsReaderApp

ResultType = TypeVar("ResultType")


class ReaderScreen(ReportsFailures, Screen[ResultType]):
    if TYPE_CHECKING:  # at run time, Textual's own property (the app imports the screens)
        app = getters.app(NewsReaderApp)


class ReaderModal(ModalScreen[ResultType]):
    """A dialog or list over another screen."""

    if TYPE_CHECKING:
        app = getters.app(NewsReaderApp)

"""Helpers for the TUI tests: the app at a fixed size, and waiting for its workers.
(Holds no tests itself; the library fixtures are in conftest.py.)"""

from __future__ import annotations

from pathlib import Path

import tui_scenes

from reader.tui.app import NewsReaderApp
from reader.tui.screens.reading import ReadingScreen

SIZE = (120, 36)


def make_app(library_dir: Path, config: Path | None = None) -> NewsReaderApp:
    return NewsReaderApp(library_dir, config=config)


settle = tui_scenes.settle
search_for = tui_scenes.type_query


async def read_article(pilot, ref: str) -> ReadingScreen:
    """Open the article ``ref`` (an id, a prefix, a file name) once the app has settled."""
    await settle(pilot)
    app = pilot.app
    app.open_article(app.service.article(ref).id)
    await settle(pilot)
    assert isinstance(app.screen, ReadingScreen)
    return app.screen

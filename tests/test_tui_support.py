"""Fixtures for the TUI tests: one seeded library per session, copied per test, and
helpers that wait for the app's workers. (Holds no tests itself.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from reader.library import Library
from reader.tui.app import NewsReaderApp

SIZE = (120, 36)


@pytest.fixture(scope="session")
def seeded_library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tui-seeded") / "library"
    Library.open(folder).close()
    return folder


@pytest.fixture
def library_dir(seeded_library_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(seeded_library_template, folder)
    # No user config may leak into a test; a fixed path keeps the help text stable.
    monkeypatch.setenv("NEWS_READER_CONFIG", "/nonexistent/news-reader/config.toml")
    return folder


def make_app(library_dir: Path, config: Path | None = None) -> NewsReaderApp:
    return NewsReaderApp(library_dir, config=config)


async def settle(pilot: Pilot, rounds: int = 3) -> None:
    """Let timers fire and workers finish, and the screen catch up."""
    app = pilot.app
    for _ in range(rounds):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause()
    for widget in app.screen.query(Input):
        widget.cursor_blink = False


async def search_for(pilot: Pilot, text: str) -> None:
    await settle(pilot)
    await pilot.press("slash", *["space" if c == " " else c for c in text])
    await pilot.pause(0.3)  # past the debounce
    await settle(pilot)

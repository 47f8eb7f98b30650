"""Fixtures for the TUI tests: one seeded library per session, copied per test, and
helpers that wait for the app's workers. (Holds no tests itself.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.library import Library
from reader.tui import scenes
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


settle = scenes.settle
search_for = scenes.type_query

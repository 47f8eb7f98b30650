"""Test-wide settings and shared fixtures.

On CI (``CI`` set) hypothesis runs derandomized: the same examples every run, so a
submission's result does not depend on the luck of the draw. Locally every run draws
new examples, which is where new failures are found (and then pinned with @example).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from reader.library import Library

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def seeded_library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library of the five seeds, made once per session: copy it, never change it."""
    folder = tmp_path_factory.mktemp("seeded") / "library"
    Library.open(folder).close()
    return folder


@pytest.fixture
def library_dir(seeded_library_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A test's own copy of the seeded library."""
    folder = tmp_path / "library"
    shutil.copytree(seeded_library_template, folder)
    # No user config may leak into a test, and what a test saves (the theme) stays in it.
    monkeypatch.setenv("NEWS_READER_CONFIG", str(tmp_path / "config.toml"))
    return folder

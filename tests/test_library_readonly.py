"""A library that cannot be written is read, never refused: search, show, related,
people and export work; every write says the library is read-only (exit status 1)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_library_support import small_library

from reader.highlights import HighlightReadOnly
from reader.library import Library, LibraryReadOnly


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    wide = {**os.environ, "COLUMNS": "200"}  # table cells on one line each
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=wide)


@pytest.fixture
def readonly_copy(tmp_path):
    """A closed library with a highlight, copied onto a file system mounted
    read-only: what a library on a read-only share or a write-protected disk is.
    Needs the right to mount (root in the sandbox and on CI)."""
    library = small_library(tmp_path)
    library.highlights.add_quote(
        library.article("kerry-putin"), "met President Vladimir Putin", tags=["moscow"]
    )
    library.close()
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", str(mount)]).returncode:
        pytest.skip("cannot mount a file system here")
    try:
        shutil.copytree(tmp_path / "lib", mount / "lib")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount / "lib"
    finally:
        # lazily: the index's files may still be mapped until garbage collection
        subprocess.run(["umount", "-l", str(mount)], check=True)


def test_a_library_on_a_read_only_file_system_is_read(readonly_copy: Path) -> None:
    with Library.open(readonly_copy) as library:
        assert library.readonly
        assert library.search("putin").total == 2
        assert library.article("strikes").article.title == "Russia begins air strikes in Syria"
        assert [g.title for g in library.select_highlights()] == ["Kerry meets Putin in Moscow"]
        with pytest.raises(LibraryReadOnly, match="the library is read-only"):
            library.add([readonly_copy])
        with pytest.raises(HighlightReadOnly, match="the library is read-only"):
            library.highlights.add_quote(library.article("strikes"), "Russian warplanes")


@pytest.mark.parametrize(
    ("command", "status", "expected"),
    [
        (["search", "putin"], 0, "Kerry meets Putin in Moscow"),
        (["show", "cricket"], 0, "England beat Australia"),
        (["related", "kerry-putin"], 0, "Second day of Russian raids"),
        (["export"], 0, "> met President Vladimir Putin"),
        (["highlights", "list"], 0, "met President Vladimir Putin"),
        (["add", "."], 1, "news-reader: the library is read-only"),
        (["remove", "."], 1, "news-reader: the library is read-only"),
        (["rebuild"], 1, "news-reader: the library is read-only"),
        (["highlights", "undo"], 1, "news-reader: the library is read-only"),
    ],
)
def test_commands_on_a_read_only_library(readonly_copy: Path, command, status, expected) -> None:
    run = run_cli("--library", str(readonly_copy), *command)
    assert run.returncode == status, run.stderr
    assert expected in run.stdout + run.stderr
    assert "Traceback" not in run.stderr


def test_opening_read_only_on_purpose_writes_nothing(tmp_path) -> None:
    small_library(tmp_path).close()
    folder = tmp_path / "lib"
    before = {p.name: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}
    with Library.open(folder, readonly=True) as library:
        assert library.search("cricket").total == 1
        assert library.select_highlights() == []  # no highlight store yet: an empty one
        with pytest.raises(LibraryReadOnly):
            library.remove([folder])
    after = {p.name: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}
    assert {name: after[name] for name in before} == before
    assert not (folder / "highlights.sqlite3").exists()


def test_a_read_only_folder_that_is_no_library_is_a_message(tmp_path) -> None:
    with pytest.raises(LibraryReadOnly, match="cannot be created"):
        Library.open(tmp_path / "missing", readonly=True)

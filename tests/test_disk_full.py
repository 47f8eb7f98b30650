"""A full disk is one line, exit status 1, and nothing lost: reading still works,
writes say the disk is full, and an `add` cut short by it completes when run again.

The disk is a small tmpfs (needs the right to mount: root in the sandbox and on CI);
the tests that inject ENOSPC run everywhere."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import is_disk_full
from reader.export import ExportError, write_atomically
from reader.paths import seeds_dir

PARAGRAPH = (
    "The council met on Tuesday to discuss the harbour, and the mayor said the costs of the "
    "new bridge had to be checked again before any decision could be taken by the town. "
)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    wide = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=wide)


def one_line_error(run: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert "Traceback" not in run.stderr, run.stderr
    assert len(lines) == 1, run.stderr
    return lines[0]


def fill(folder: Path, leave_bytes: int) -> Path:
    """Take the free space of ``folder``'s file system down to about ``leave_bytes``."""
    stats = os.statvfs(folder)
    filler = folder / "filler"
    with open(filler, "wb") as out:
        out.truncate(0)
        size = max(0, stats.f_bavail * stats.f_frsize - leave_bytes)
        chunk = b"\0" * (1 << 16)
        while size > 0:
            try:
                written = out.write(chunk[: min(len(chunk), size)])
                out.flush()
            except OSError:
                break
            size -= written
    return filler


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)]).returncode:
        pytest.skip("cannot mount a file system here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


@pytest.fixture
def pages(tmp_path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(40):
        body = "\n\n".join(f"Story {number}, part {part}. " + PARAGRAPH * 6 for part in range(12))
        (folder / f"page{number:02}.txt").write_text(f"Harbour report number {number}\n\n{body}\n")
    return folder


def test_reading_works_and_writes_say_disk_full(small_disk: Path) -> None:
    library = small_disk / "lib"
    assert run_cli("--library", str(library), "highlights", "add", "002", "--quote", "Putin").returncode == 0
    fill(small_disk, 0)
    listed = run_cli("--library", str(library), "highlights", "list")
    assert listed.returncode == 0 and "Putin" in listed.stdout, listed.stderr
    assert run_cli("--library", str(library), "search", "kerry").returncode == 0
    exported = run_cli("--library", str(library), "export")
    assert exported.returncode == 0 and "> Putin" in exported.stdout

    for command in (["highlights", "add", "001", "--quote", "Kerry"], ["add", str(seeds_dir())]):
        run = run_cli("--library", str(library), *command)
        assert run.returncode == 1
        message = one_line_error(run)
        assert message.startswith(f"news-reader: disk full in {library}")
        assert message.endswith("nothing was lost, run the command again when there is space")

    run = run_cli("--library", str(library), "export", "--out", str(small_disk / "notes.md"))
    assert run.returncode == 1
    assert one_line_error(run) == (
        f"news-reader: disk full while writing {small_disk / 'notes.md'}; nothing was lost, "
        "run the export again when there is space"
    )
    assert not (small_disk / "notes.md").exists()
    assert [p.name for p in small_disk.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_an_add_cut_short_by_a_full_disk_completes_when_run_again(small_disk: Path, pages: Path) -> None:
    library = small_disk / "lib"
    assert run_cli("--library", str(library), "add", str(seeds_dir())).returncode == 0
    seeded = json.loads(run_cli("--library", str(library), "stats", "--json").stdout)["articles"]
    filler = fill(small_disk, 1_500_000)
    cut = run_cli("--library", str(library), "add", str(pages))
    assert cut.returncode == 1
    assert one_line_error(cut) == (
        "news-reader: disk full while writing the library; nothing was lost, run the command again when there is space"
    )
    after_cut = json.loads(run_cli("--library", str(library), "stats", "--json").stdout)  # it still opens
    assert seeded < after_cut["articles"] < seeded + 40  # cut short in the middle

    filler.unlink()
    again = run_cli("--library", str(library), "add", "--json", str(pages))
    assert again.returncode == 0, again.stderr
    counts = json.loads(run_cli("--library", str(library), "stats", "--json").stdout)
    assert counts["articles"] == counts["index_documents"] == 40 + seeded  # every article, once
    assert counts["sources"] == 40 + 5


def test_export_to_a_full_standard_output_is_one_line(tmp_path) -> None:
    library = tmp_path / "lib"
    assert run_cli("--library", str(library), "highlights", "add", "002", "--quote", "Putin").returncode == 0
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "reader", "--library", str(library), "export"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert run.returncode == 1
    assert run.stderr.strip() == (
        "news-reader: disk full while writing standard output; nothing was lost, "
        "run the export again when there is space"
    )


def test_an_injected_enospc_while_writing_an_export_leaves_no_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "notes.md"
    real_fsync = os.fsync

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ExportError, match=r"disk full while writing .*notes\.md; nothing was lost"):
        write_atomically(target, "text\n")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert list(tmp_path.iterdir()) == []


def test_what_counts_as_a_full_disk(tmp_path) -> None:
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert is_disk_full(OSError(errno.EDQUOT, "Disk quota exceeded"))
    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # type: ignore[attr-defined]
    assert is_disk_full(full)
    io_error = sqlite3.OperationalError("disk I/O error")
    io_error.sqlite_errorcode = 10  # type: ignore[attr-defined]
    assert not is_disk_full(io_error, tmp_path)  # plenty of space here: a real I/O error
    assert not is_disk_full(ValueError("no"))
    assert shutil.disk_usage(tmp_path).free > 0

"""Nothing a file name, a page, a note, a tag or an argument holds reaches the
terminal or a file as a control or escape sequence: exports (stdout and --out) and
every --json output pass the project's sanitizer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.paths import seeds_dir

HOSTILE_NAME = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil"
HOSTILE_NOTE = "note \x1b(0 \x1bc \x9b2J \u202e done"
UNSAFE = ["\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\x00"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    wide = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=wide)


def assert_clean(text: str) -> None:
    found = [char for char in UNSAFE if char in text]
    assert not found, f"unsafe characters {found!r} in output"


@pytest.fixture(scope="module")
def hostile_library(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    pages = folder / "pages"
    pages.mkdir()
    page = pages / f"{HOSTILE_NAME}.txt"
    page.write_bytes((seeds_dir() / "002_a266da6672a65293.txt").read_bytes())
    library = folder / "lib"
    added = run_cli("--library", str(library), "add", str(pages))
    assert added.returncode == 0, added.stderr
    made = run_cli(
        "--library",
        str(library),
        "highlights",
        "add",
        str(page),
        "--quote",
        "Putin",
        "--note",
        HOSTILE_NOTE,
        "--tag",
        "\x1b]52;c;Zm9v\x07clip",
    )
    assert made.returncode == 0, made.stderr
    return library


@pytest.mark.parametrize(
    "command",
    [
        ["export"],
        ["export", "--front-matter", "--title", "T \x1b[2J \x9b1m \u202e"],
        ["highlights", "list"],
        ["highlights", "list", "--json"],
        ["search", "--json", "putin"],
        ["search", "putin"],
        ["related", "--json", "PAGE"],
        ["show", "--json", "PAGE"],
        ["show", "PAGE"],
        ["stats", "--json"],
    ],
)
def test_outputs_carry_no_escape_sequence(hostile_library: Path, command: list[str]) -> None:
    page = hostile_library.parent / "pages" / f"{HOSTILE_NAME}.txt"
    run = run_cli("--library", str(hostile_library), *[str(page) if a == "PAGE" else a for a in command])
    assert run.returncode in (0, 1), run.stderr
    assert_clean(run.stdout)
    assert_clean(run.stderr)
    if "--json" in command:
        json.loads(run.stdout)  # still one valid JSON document


def test_an_export_file_carries_no_escape_sequence(hostile_library: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes.md"
    run = run_cli("--library", str(hostile_library), "export", "--out", str(out), "--title", "\x1bc\x9b2J")
    assert run.returncode == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    assert_clean(text)
    assert "note" in text and "done" in text  # the note is kept, only its controls go

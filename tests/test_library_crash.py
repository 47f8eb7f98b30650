"""kill -9 in the middle of `add` leaves a library that opens on its last committed
state; running `add` again completes it without duplicates."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from shared_data import CORPUS

from reader.library import Library

FILES = 12
PER_FILE = 100  # with FILES: more than adder.INLINE_BELOW_BYTES, so worker processes run


def make_corpus(folder: Path, per_file: int) -> None:
    folder.mkdir()
    source = CORPUS
    lines = []
    if source.exists():
        with gzip.open(source, "rt", encoding="utf-8") as handle:
            lines = [line for line in itertools.islice(handle, FILES * per_file)]
    else:  # a checkout without the shared corpus: synthetic but varied articles
        for n in range(FILES * per_file):
            body = f"Story {n} about the harvest in province {n % 17}.\n\nOfficials said output rose {n % 9} percent."
            lines.append(json.dumps({"title": f"Harvest report {n}", "body": body}) + "\n")
    for number in range(FILES):
        chunk = lines[number * per_file : (number + 1) * per_file]
        (folder / f"part{number:02d}.jsonl").write_text("".join(chunk))


def committed_sources(library_folder: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{library_folder / 'library.sqlite3'}?mode=ro", uri=True)
        try:
            return db.execute("SELECT count(*) FROM sources").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def test_kill_during_add_then_add_again(tmp_path):
    # A machine fast enough to finish the add before it is killed gets more work to
    # do, so the kill always lands in the middle.
    for attempt in range(4):
        per_file = PER_FILE * 4**attempt
        corpus, library_folder = tmp_path / f"corpus{attempt}", tmp_path / f"lib{attempt}"
        make_corpus(corpus, per_file)
        partial, left_behind = kill_add_midway(corpus, library_folder)
        if partial < FILES:
            break
    assert 2 <= partial < FILES, "the add finished before it could be killed, every time"

    with Library.open(library_folder, seed=False) as library:
        # Opens on what was committed, index caught up with the store.
        assert library.store.article_count() == library.engine.document_count() > 0
        report = library.add([corpus])
        assert len(report.added) == FILES - partial
        assert len(report.unchanged) == partial
        count = library.store.article_count()
        assert count == library.engine.document_count()
        ids = library.store.article_ids()
        assert len(ids) == len(set(ids)) == count
        assert count >= FILES * per_file * 0.9  # a few corpus lines may be skipped as empty

    # The killed add's workers (and then their forkserver) notice that their parent
    # is gone and end by themselves.
    try:
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in left_behind) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert left_behind and not [pid for pid in left_behind if alive(pid)]
    finally:
        for pid in left_behind:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def kill_add_midway(corpus: Path, library_folder: Path) -> tuple[int, list[int]]:
    """Start an add of ``corpus``, SIGKILL it once two sources are committed; the
    number of sources committed then, and the processes it left behind."""
    Library.open(library_folder, seed=False).close()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reader",
            "add",
            "--library",
            str(library_folder),
            "--workers",
            "2",
            "--batch",
            "40",
            str(corpus),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while committed_sources(library_folder) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    left_behind = descendants(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return committed_sources(library_folder), left_behind


def descendants(pid: int) -> list[int]:
    found = []
    pending = [pid]
    while pending:
        current = pending.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            children = (task / "children").read_text().split() if (task / "children").exists() else []
            for child in map(int, children):
                found.append(child)
                pending.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"

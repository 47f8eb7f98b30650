"""Odd files and hostile inputs (issue 11): special files are never opened, names that
are not UTF-8 are added and shown, one bad line costs only that line, memory stays
bounded on a small gzip of many tiny lines, and skip reasons stay on one line."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.ingest import jsonl
from reader.ingest.decode import DEFAULT_MAX_BYTES, format_excess, read_text
from reader.ingest.errors import SkippedFile
from reader.ingest.files import clean_file, clean_paths
from reader.ingest.jsonl import iter_jsonl, load_jsonl
from reader.library.records import article_id

REPO = Path(__file__).resolve().parent.parent
SEED = next((REPO / "seeds").glob("002_*.txt"))
RUN = [sys.executable, "-m", "reader"]


def run(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    # bytes: a name that is not UTF-8 must reach the command as it is
    return subprocess.run([*RUN, *argv], capture_output=True, timeout=timeout, cwd=REPO)


def test_fifo_and_dev_zero_link_are_skipped_before_opening(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.jsonl")  # 'clean' used to open it as JSON Lines and wait
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "story.txt").write_bytes(SEED.read_bytes())
    outcomes = {Path(o.path).name: o.skipped for o in clean_paths([folder])}
    assert outcomes == {
        "pipe.jsonl": "not a regular file (a named pipe)",
        "pipe.txt": "not a regular file (a named pipe)",
        "story.txt": None,
        "zero.txt": "not a regular file (a character device)",
    }


def test_add_skips_a_fifo_instead_of_waiting_on_it_with_the_lock_held(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "story.txt").write_bytes(SEED.read_bytes())
    done = run("add", "--library", str(tmp_path / "lib"), "--json", str(folder), timeout=120)
    report = json.loads(done.stdout)
    assert done.returncode == 1
    assert [Path(p).name for p in report["added"]] == ["story.txt"]
    assert {Path(s["path"]).name: s["reason"] for s in report["skipped"]} == {
        "pipe.txt": "not a regular file (a named pipe)",
        "zero.txt": "not a regular file (a character device)",
    }


def test_a_name_that_is_not_utf8_is_added_searched_and_shown(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsdecode(bytes(folder) + b"/x\xff.txt")
    Path(odd).write_bytes(SEED.read_bytes())
    library = str(tmp_path / "lib")
    added = run("add", "--library", library, str(folder))
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(b"added 1 file,")
    found = run("search", "--library", library, "--json", "Kerry")
    [hit] = json.loads(found.stdout)["hits"]
    assert hit["path"] == str(folder) + "/x\\xff.txt"
    cleaned = run("clean", "--json", odd)
    assert json.loads(cleaned.stdout)["path"] == str(folder) + "/x\\xff.txt"
    # the id comes from the name's bytes: stable, and never an encoding error
    assert article_id(odd, 0) == article_id(odd, 0) != article_id(str(folder / "x.txt"), 0)


def test_a_deeply_nested_line_or_a_huge_number_costs_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"title": "First", "body": "One."}),
        "[" * 100_000 + "]" * 100_000,
        '{"title": "Second", "body": "Two.", "date": ' + "9" * 400 + "}",
        json.dumps({"title": "Third", "body": "Three."}),
    ]
    path.write_text("\n".join(lines) + "\n")
    problems: list[str] = []
    articles = clean_file(path, problems.append)
    assert [(a.title, a.date) for a in articles] == [("First", None), ("Second", None), ("Third", None)]
    assert problems == ["line 2: invalid JSON (nested too deeply)"]


def test_the_size_cap_counts_the_inside_of_an_over_long_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 50)
    path = tmp_path / "long.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"body": "' + b"x" * 100_000 + b'"}\n'))
    with pytest.raises(SkippedFile, match=r"^larger than 1000 bytes \(decompressed\)$"):
        list(iter_jsonl(path, max_bytes=1000))


def test_a_size_just_over_the_cap_is_not_shown_as_the_cap(tmp_path: Path) -> None:
    assert format_excess(DEFAULT_MAX_BYTES + 1, DEFAULT_MAX_BYTES) == "20 MB + 1 byte"
    assert format_excess(DEFAULT_MAX_BYTES + 4096, DEFAULT_MAX_BYTES) == "20 MB + 4,096 bytes"
    assert format_excess(int(34.1 * 1024**2), DEFAULT_MAX_BYTES) == "34.1 MB"
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate(DEFAULT_MAX_BYTES + 1)
    with pytest.raises(SkippedFile, match=r"^larger than 20 MB \(20 MB \+ 1 byte\)$"):
        read_text(big)


def test_skip_reasons_are_one_line_each_when_piped(tmp_path: Path) -> None:
    folder = tmp_path / ("a-folder-with-a-long-name-" * 3)
    folder.mkdir()
    (folder / "an-empty-file-with-a-long-name-too.txt").write_bytes(b"")
    for argv in (["clean", str(folder)], ["add", "--library", str(tmp_path / "lib"), str(folder)]):
        done = run(*argv)
        [line] = [
            line for line in done.stderr.decode().splitlines() if line.startswith("news-reader: skipped")
        ]
        assert line.endswith("an-empty-file-with-a-long-name-too.txt: empty file") and len(line) > 80


def peak_rss_mb(code: str) -> float:
    """Peak memory of a fresh Python running ``code`` (ru_maxrss of the child)."""
    probe = (
        code + "\nimport resource, sys\n"
        "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, cwd=REPO, timeout=600)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return int(done.stderr.decode().rsplit("\n", 1)[-1].strip() or 0) / 1024


def test_clean_of_a_small_gzip_of_tiny_lines_keeps_memory_flat(tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.jsonl.gz"
    many = tmp_path / "many.jsonl.gz"
    tiny.write_bytes(gzip.compress(b'{"body": "x"}\n'))
    many.write_bytes(gzip.compress(b'{"body": "x"}\n' * 300_000))  # 300,000 articles in 8 KB
    assert many.stat().st_size < 10_000

    def clean(path: Path) -> str:
        return (
            "import contextlib, os\nfrom reader.cli import main\n"
            "with open(os.devnull, 'w') as out, contextlib.redirect_stdout(out):\n"
            f"    main(['clean', '--json', {str(path)!r}])\n"
        )

    # Articles are written as they are read: holding the 300,000 took 80 MB more.
    grown = peak_rss_mb(clean(many)) - peak_rss_mb(clean(tiny))
    assert grown < 40


def test_load_jsonl_still_returns_every_article(tmp_path: Path) -> None:
    path = tmp_path / "few.jsonl"
    path.write_text("".join(json.dumps({"title": f"T{n}", "body": "B."}) + "\n" for n in range(5)))
    assert [a.title for a in load_jsonl(path)] == ["T0", "T1", "T2", "T3", "T4"]


@pytest.mark.parametrize("argv", [["clean"], ["add", "--library", "LIB"]])
def test_a_non_utf8_name_in_a_message_is_escaped_not_dropped(tmp_path: Path, argv: list[str]) -> None:
    odd = os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt")
    Path(odd).write_bytes(b"")
    done = run(*[a.replace("LIB", str(tmp_path / "lib")) for a in argv], odd)
    assert "caf\\xe9.txt: empty file" in done.stderr.decode()
    with pytest.raises(SkippedFile):
        clean_file(odd)

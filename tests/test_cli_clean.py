"""`news-reader clean`: readable and JSON output, skips on stderr, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.paths import seeds_dir

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAGES = Path(__file__).parent / "data" / "inputs"

STORY = (
    "\x1b[31mPolice name man held over bank raid\x1b[0m\n\n"
    "Police in Leeds have named a 34-year-old man arrested on Friday after an armed raid on a bank"
    " in the city centre in which a cashier was injured.\x1b]0;title\x07\n\n"
    "The man, who has not been charged, is being held at a police station in the city, a spokeswoman"
    " said on Saturday.\x9b2J Detectives are appealing for witnesses who were in Briggate at the time.\n\n"
    "The cashier was treated in hospital for a head wound and has since been released, the bank said.\n"
)


def folder_with_good_and_bad(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    (folder / "news.jsonl").write_text('{"title": "T", "body": "B."}\nnot json\n')
    return folder


def test_json_output_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--json", str(PAGES / "article_news.html")]) == 0
    out, err = capsys.readouterr()
    [line] = out.splitlines()
    record = json.loads(line)
    assert list(record) == [
        "path", "part", "lines", "title", "date", "source", "dateline", "url", "author", "language", "summary", "body"
    ]  # fmt: skip
    assert record["path"] == str(PAGES / "article_news.html")
    assert record["title"] == "Harbour bridge reopens after two years of repairs"
    assert (record["date"], record["source"], record["part"], record["lines"]) == (
        "2021-03-14",
        "The Coastal Herald",
        0,
        None,
    )
    assert (record["author"], record["language"]) == ("Maria Lindqvist", "en")
    assert record["body"].split("\n\n")[0].startswith("The harbour bridge reopened to traffic on Sunday")
    assert err == ""


def test_folder_with_bad_files_reports_each_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = folder_with_good_and_bad(tmp_path)
    assert main(["clean", "--json", str(folder)]) == 1
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [(Path(r["path"]).name, r["title"]) for r in records] == [
        ("good.txt", "Police name man held over bank raid"),
        ("news.jsonl", "T"),
    ]
    assert err.splitlines() == [
        f"news-reader: skipped {folder / 'empty.txt'}: empty file",
        f"news-reader: skipped {folder / 'image.txt'}: binary file (PNG image)",
        f"news-reader: skipped {folder / 'news.jsonl'}: line 2: invalid JSON (Expecting value at column 1)",
    ]


def test_readable_output_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with_good_and_bad(tmp_path)
    assert main(["clean", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("Police name man held over bank raid\n")
    assert f"{folder / 'good.txt'}:" in out
    assert "Police in Leeds have named a 34-year-old man" in out
    assert err.splitlines()[-1] == "2 articles from 2 files, 2 skipped, 1 bad line"


def test_no_escape_sequence_reaches_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "hostile\x1b[2J.txt"  # even a hostile file name
    page.write_text(STORY)
    for argv in (["clean", str(page)], ["clean", "--json", str(page)]):
        assert main(argv) == 0
        out, err = capsys.readouterr()
        for sequence in ("\x1b", "\x9b", "\x07", "[31m", "0;title", "2J"):
            assert sequence not in out and sequence not in err


def test_missing_path_is_reported_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["clean", "--json", str(missing), str(SEEDS)]) == 1
    out, err = capsys.readouterr()
    assert len({json.loads(line)["path"] for line in out.splitlines()}) == 5
    assert err.splitlines() == [f"news-reader: skipped {missing}: no such file or directory"]


def test_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "news-reader: no input files found\n"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["clean"])
    assert caught.value.code == 2
    assert "PATH" in capsys.readouterr().err


def test_no_command_without_a_terminal_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("news-reader: the reader needs a terminal; without one, use a command such as")


def test_the_seeds_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(seeds_dir())]) == 0
    out, err = capsys.readouterr()
    assert "Russia and US call urgent talks" in out
    assert err.splitlines()[-1].endswith("from 5 files, 0 skipped")


def test_help_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "clean", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("usage: news-reader clean [-h] [--json] PATH [PATH ...]")
    assert "news-reader clean --json news.jsonl.gz" in result.stdout
    assert "exit status: 0 every file was cleaned; 1 some file or line was skipped" in result.stdout


def test_file_names_are_shown_as_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "a :fire: [bold]b.txt"
    odd.write_bytes(b"")
    assert main(["clean", str(odd)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == f"news-reader: skipped {odd}: empty file"

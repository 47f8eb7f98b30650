"""What keeps a library in shape between searches: word counts for "did you mean"
when files change, leftovers of a killed writer, the command line's lazy loading."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.cli import COMMANDS, build_parser, command_in
from reader.library import Library

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_word_counts_follow_replaced_and_removed_files(tmp_path):
    seed = sorted(SEEDS.glob("002*.txt"))[0]
    page = tmp_path / "pages" / "page.txt"
    page.parent.mkdir()
    text = seed.read_text()
    page.write_text(text)
    library = Library.open(tmp_path / "lib", seed=False)
    library.add([page.parent], workers=1)
    before = library.store.vocabulary()
    assert before["kerry"] == 1
    page.write_text(text.replace("Kerry", "Kerrigan"))
    library.add([page.parent], workers=1)
    after = library.store.vocabulary()
    assert after["kerrigan"] == 1 and "kerry" not in after
    assert {w: c for w, c in after.items() if w != "kerrigan"} == {
        w: c for w, c in before.items() if w != "kerry"
    }
    library.remove([page.parent])
    assert library.store.vocabulary() == {}
    library.close()


def test_a_file_an_older_cleaner_skipped_is_read_again(tmp_path, monkeypatch):
    from reader.ingest.errors import SkippedFile
    from reader.library import adder, pipeline

    page = tmp_path / "page.txt"
    page.write_text(sorted(SEEDS.glob("002*.txt"))[0].read_text())
    library = Library.open(tmp_path / "lib", seed=False)

    def finds_nothing(path, problem):
        raise SkippedFile("no article found")

    # an older cleaner, which found no article in the page (a Hindi page did so)
    monkeypatch.setattr(adder, "pipeline_version", lambda: "an older cleaner")
    monkeypatch.setattr("reader.ingest.files.clean_file", finds_nothing)
    assert library.add([page], workers=1).skipped == [(str(page), "no article found")]
    assert library.add([page], workers=1).skipped == [(str(page), "no article found")]  # remembered
    monkeypatch.undo()
    assert pipeline.pipeline_version() != "an older cleaner"
    report = library.add([page], workers=1)
    assert (report.added, report.skipped, report.articles) == ([str(page)], [], 1)
    assert library.add([page], workers=1).unchanged == [str(page)]
    library.close()


def test_leftovers_of_a_killed_writer_go_on_the_next_open(tmp_path):
    library = Library.open(tmp_path / "lib", seed=False)
    library.close()
    for suffix in (".staging", ".new", ".old"):
        leftover = tmp_path / "lib" / f"index{suffix}"
        (leftover / "tmpabc").mkdir(parents=True)
        (leftover / "tmpabc" / "_MAIN_1.toc").write_bytes(b"x")
    Library.open(tmp_path / "lib", seed=False).close()
    assert sorted(p.name for p in (tmp_path / "lib").iterdir() if p.name.startswith("index")) == ["index"]


def test_the_command_table_agrees_with_the_command_modules():
    full = build_parser()
    actions = next(a for a in full._actions if a.dest == "==SUPPRESS==" and hasattr(a, "choices"))
    helps = {choice.dest: choice.help for choice in actions._choices_actions}
    assert helps == {name: help_text for name, (_, help_text) in COMMANDS.items()}


def test_only_the_command_being_run_is_imported():
    assert command_in(["--library", "search", "stats"]) == "stats"
    assert command_in(["--help"]) is None
    code = (
        "import sys; from reader.cli import main\n"
        "try: main(['--help'])\n"
        "except SystemExit: pass\n"
        "heavy = [m for m in ('reader.library', 'whoosh', 'rich.console', 'reader.ingest') if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]")

"""The library commands: JSON shapes, exit codes, messages instead of tracebacks."""

from __future__ import annotations

import json

import pytest

from reader.cli import main


@pytest.fixture(scope="module")
def library_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli") / "lib"
    assert main(["stats", "--library", str(folder)]) == 0  # first use indexes the seeds
    return folder


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    out = capsys.readouterr().out
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    return code, json.loads(lines[0])


HIT_KEYS = {"id", "path", "title", "source", "date", "score", "people", "snippet"}


def test_search_json(capsys, library_folder):
    code, data = run_json(capsys, "search", "--library", str(library_folder), "--json", "putin", "kerry")
    assert code == 0
    assert data["total"] >= 2 and "suggestion" not in data
    for hit in data["hits"]:
        assert set(hit) >= HIT_KEYS
        assert isinstance(hit["people"], list) and isinstance(hit["score"], float)
        assert "**" in hit["snippet"]
    first = data["hits"][0]
    code, shown = run_json(capsys, "show", "--library", str(library_folder), "--json", first["id"])
    assert code == 0 and shown["id"] == first["id"] and shown["path"] == first["path"]
    for entity in shown["entities"]:
        assert shown["body"][entity["start"] : entity["end"]] == entity["text"]


def test_search_options(capsys, library_folder):
    code, data = run_json(
        capsys,
        "search",
        "--library",
        str(library_folder),
        "--json",
        "--person",
        "putin",
        "--sort",
        "date",
        "--limit",
        "3",
    )
    assert code == 0 and len(data["hits"]) == 3
    assert all("Vladimir Putin" in hit["people"] for hit in data["hits"])


def test_search_suggestion_and_nothing_found(capsys, library_folder):
    code, data = run_json(capsys, "search", "--library", str(library_folder), "--json", "Lavorv")
    assert code == 1
    assert data["hits"] == [] and data["suggestion"] == "Lavrov"


@pytest.mark.parametrize("query", ["author:x", '"open phrase', "date:[soon to later]", "NOT"])
def test_bad_query_is_a_message_not_a_traceback(capsys, library_folder, query):
    assert main(["search", "--library", str(library_folder), query]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("news-reader: bad query:")
    assert "Traceback" not in captured.err and captured.out == ""


def test_related_json(capsys, library_folder):
    code, data = run_json(capsys, "related", "--library", str(library_folder), "--json", "001")
    assert code == 0
    assert "002_" in data["hits"][0]["path"]
    for hit in data["hits"]:
        assert HIT_KEYS | {"shared_people", "days_apart"} <= set(hit)


def test_people_json(capsys, library_folder):
    code, data = run_json(capsys, "people", "--library", str(library_folder), "--json")
    assert code == 0
    names = {person["name"]: person for person in data["people"]}
    assert names["Vladimir Putin"]["articles"] >= 3
    assert any(c["name"] == "John Kerry" for c in names["Vladimir Putin"]["cooccurring"])


def test_unknown_article(capsys, library_folder):
    assert main(["show", "--library", str(library_folder), "zzz-no-such"]) == 1
    assert "no article 'zzz-no-such'" in capsys.readouterr().err


def test_add_remove_stats(capsys, tmp_path):
    folder = tmp_path / "lib"
    page = tmp_path / "pages" / "one.txt"
    page.parent.mkdir()
    page.write_text(
        "Harvest festival opens\n\nFarmers in the valley opened the annual harvest festival on Monday "
        "with a parade of tractors and a market of local produce.\n\nThe mayor said the festival "
        "drew more visitors than ever before, and the stalls sold out by noon.\n"
    )
    code, report = run_json(
        capsys, "add", "--library", str(folder), "--json", str(page), str(tmp_path / "missing.txt")
    )
    assert code == 1  # a missing path is reported
    assert report["added"] == [str(page)] and report["missing"] == [str(tmp_path / "missing.txt")]
    code, again = run_json(capsys, "add", "--library", str(folder), "--json", str(page))
    assert code == 0 and again["unchanged"] == [str(page)] and again["articles"] == 0
    code, stats = run_json(capsys, "stats", "--library", str(folder), "--json")
    assert (stats["sources"], stats["articles"], stats["index_documents"]) == (1, 1, 1)  # no seeds
    assert main(["remove", "--library", str(folder), str(page.parent)]) == 0
    assert "removed 1 files, 1 articles" in capsys.readouterr().out
    code, stats = run_json(capsys, "stats", "--library", str(folder), "--json")
    assert (stats["sources"], stats["articles"], stats["index_documents"]) == (0, 0, 0)


def test_second_writer_is_refused_with_a_message(capsys, tmp_path):
    from reader.library.lock import WriterLock

    folder = tmp_path / "lib"
    main(["stats", "--library", str(folder)])
    capsys.readouterr()
    lock = WriterLock(folder / "write.lock")
    assert lock.try_acquire()
    try:
        assert main(["add", "--library", str(folder), "--wait", "0.2", str(tmp_path)]) == 1
    finally:
        lock.release()
    err = " ".join(capsys.readouterr().err.split())  # Rich wraps long lines
    assert "is writing to this library; waiting…" in err
    assert "gave up after 0.2 s" in err

"""`news-reader highlights` and `news-reader export`: exact outputs, exit codes,
messages instead of tracebacks."""

from __future__ import annotations

import json
import re

import pytest

from reader.cli import main
from reader.library import Library


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-highlights") / "lib"
    with Library.open(folder):  # first use indexes the seeds
        pass
    return folder


@pytest.fixture(scope="module")
def ids(folder):
    with Library.open(folder) as library:
        return {ref: library.article(ref).id for ref in ("001", "002", "004")}


@pytest.fixture(scope="module")
def bodies(folder):
    # Offsets are checked against the cleaned text, which the cleaner may still change.
    with Library.open(folder) as library:
        return {ref: library.article(ref).article.body for ref in ("001", "002", "004")}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, " ".join(captured.err.split())


def added_id(out: str) -> str:
    match = re.match(r"added ([0-9a-f]{8}) ", out)
    assert match, out
    return match.group(1)


def test_add_list_remove_undo(capsys, folder, ids, bodies):
    lib = ["--library", str(folder)]
    start = bodies["002"].index("Both men said they were hopeful")
    end = start + len("Both men said they were hopeful")
    code, out, err = run(
        capsys,
        "highlights",
        "add",
        "002",
        "--quote",
        "Both men said they were hopeful",
        "--note",
        "hope",
        "--tag",
        "kerry",
        "--tag",
        "talks",
        *lib,
    )
    assert (code, err) == (0, "")
    first = added_id(out)
    assert out == (
        f"added {first} in {ids['002']} “John Kerry Meets Vladimir Putin to Discuss New Syria Plan” "
        f"(characters {start}-{end})\n"
    )

    # Straight quotes find the article's curly ones; the second occurrence on request.
    code, out, err = run(
        capsys, "highlights", "add", "002", "--quote", "Mr. Putin", "--occurrence", "2", *lib
    )
    assert code == 0 and err == ""
    second = added_id(out)
    code, out, err = run(capsys, "highlights", "add", "001", "--quote", "Kerry", "--json", *lib)
    assert code == 0
    assert (
        err == "news-reader: the quote occurs 4 times; highlighted the first (--occurrence N picks another)"
    )
    third = json.loads(out)
    assert (third["quote"], third["title"], third["tags"]) == (
        "Kerry",
        "US to offer Russia anti-terror pact in Syria",
        [],
    )

    code, out, err = run(capsys, "highlights", "list", "--json", *lib)
    assert code == 0
    listed = json.loads(out)["highlights"]
    assert [h["id"] for h in listed] == [first, second, third["id"]]
    assert listed[0] == {
        "id": first,
        "article_id": ids["002"],
        "path": listed[0]["path"],
        "part": 0,
        "start": start,
        "end": end,
        "quote": "Both men said they were hopeful",
        "note": "hope",
        "tags": ["kerry", "talks"],
        "created": listed[0]["created"],
        "updated": listed[0]["created"],
        "orphaned": False,
        "title": "John Kerry Meets Vladimir Putin to Discuss New Syria Plan",
        "people": [],
    }
    assert listed[0]["path"].endswith("002_a266da6672a65293.txt")
    assert listed[1]["quote"] == "Mr. Putin" and listed[1]["people"] == ["Vladimir Putin"]
    assert listed[2]["people"] == ["John Kerry"]

    code, out, _ = run(capsys, "highlights", "list", "--tag", "TALKS", "--json", *lib)
    assert [h["id"] for h in json.loads(out)["highlights"]] == [first]
    code, out, _ = run(capsys, "highlights", "list", "--article", "001", *lib)
    assert code == 0 and third["id"] in out and first not in out and "1 highlight in 1 article" in out

    code, out, err = run(capsys, "highlights", "remove", first[:5], *lib)
    assert (code, out) == (0, f"removed {first} (`news-reader highlights undo` brings it back)\n")
    code, out, _ = run(capsys, "highlights", "list", "--tag", "talks", "--json", *lib)
    assert code == 1 and json.loads(out) == {"highlights": []}
    code, out, err = run(capsys, "highlights", "list", "--tag", "talks", *lib)
    assert (code, out, err) == (1, "", "no highlights found")
    code, out, _ = run(capsys, "highlights", "undo", *lib)
    assert (code, out) == (0, f"undid removing {first}\n")
    code, out, _ = run(capsys, "highlights", "list", "--tag", "talks", "--json", *lib)
    assert [h["id"] for h in json.loads(out)["highlights"]] == [first]

    # clean up for the other tests of this module
    for highlight_id in (first, second, third["id"]):
        assert run(capsys, "highlights", "remove", highlight_id, *lib)[0] == 0


def test_add_errors(capsys, folder, ids):
    lib = ["--library", str(folder)]
    code, out, err = run(capsys, "highlights", "add", "001", "--quote", "words the article never says", *lib)
    assert (code, out) == (1, "")
    assert err == f"news-reader: quote not found in {ids['001']}: 'words the article never says'"
    code, out, err = run(capsys, "highlights", "add", "001", "--quote", "Kerry", "--occurrence", "9", *lib)
    assert (
        code == 1
        and err == f"news-reader: the quote occurs 4 times in {ids['001']}, there is no occurrence 9"
    )
    code, _, err = run(capsys, "highlights", "add", "zzz-none", "--quote", "x", *lib)
    assert code == 1 and err == "news-reader: no article 'zzz-none' in the library"
    code, _, err = run(capsys, "highlights", "remove", "0123abcd", "nothex", *lib)
    assert code == 1
    assert err == (
        "news-reader: no highlight '0123abcd' news-reader: no highlight 'nothex' (ids are up to 8 hex digits)"
    )
    code, _, err = run(capsys, "highlights")
    assert code == 2 and "give an action: list, add, edit, remove or undo" in err
    with pytest.raises(SystemExit):
        main(["highlights", "add", "001", "--quote", "x", "--occurrence", "0", *lib])
    capsys.readouterr()


def test_export_flows(capsys, folder, ids, tmp_path):
    lib = ["--library", str(folder)]
    code, out, _ = run(capsys, "export", *lib)
    assert (code, out) == (1, "")  # nothing highlighted yet (the other tests cleaned up)
    run(
        capsys,
        "highlights",
        "add",
        "002",
        "--quote",
        "Both men said they were hopeful",
        "--tag",
        "kerry",
        *lib,
    )
    run(
        capsys,
        "highlights",
        "add",
        "004",
        "--quote",
        "Francois Hollande",
        "--note",
        "<script>x</script>",
        *lib,
    )

    code, out, _ = run(capsys, "highlights", "list", "--person", "hollande", "--json", *lib)
    assert [h["quote"] for h in json.loads(out)["highlights"]] == ["Francois Hollande"]
    code, out, _ = run(
        capsys, "highlights", "list", "--query", "hopeful", "--since", "2020-01-01", "--json", *lib
    )
    assert [h["quote"] for h in json.loads(out)["highlights"]] == ["Both men said they were hopeful"]
    code, out, err = run(capsys, "highlights", "list", "--since", "soon", *lib)
    assert code == 2 and err.startswith("news-reader: cannot read the date 'soon'")

    code, out, err = run(capsys, "export", *lib)
    assert code == 0 and err == ""
    assert out.startswith("# Highlights\n\n2 passages from 2 articles, exported ")
    assert "\n## John Kerry Meets Vladimir Putin to Discuss New Syria Plan\n" in out
    assert "\n> Both men said they were hopeful\n" in out
    assert "- **Note:** \\<script\\>x\\</script\\>\n" in out

    code, out, _ = run(capsys, "export", "--person", "hollande", "--front-matter", "--title", "Paris", *lib)
    assert code == 0 and out.startswith('---\ntitle: "Paris"\n')
    assert '  person: "hollande"\n' in out and "articles: 1\npassages: 1\n" in out
    assert "## Russia admits targeting" in out and "John Kerry Meets" not in out

    code, out, _ = run(capsys, "export", "--query", "hopeful", *lib)
    assert code == 0 and "John Kerry Meets" in out and "Russia admits" not in out
    code, out, _ = run(capsys, "export", "--article", "004", "--tag", "kerry", *lib)
    assert code == 1 and out == ""
    code, out, err = run(capsys, "export", "--since", "2999-01-01", *lib)
    assert (code, out, err) == (1, "", "no highlights match; nothing exported")
    code, out, err = run(capsys, "export", "--since", "yesterday", *lib)
    assert code == 2 and err.startswith("news-reader: cannot read the date 'yesterday'")
    code, out, err = run(capsys, "export", "--query", '"open phrase', *lib)
    assert code == 2 and err.startswith("news-reader: bad query:")

    target = tmp_path / "notes.md"
    code, out, err = run(capsys, "export", "--out", str(target), *lib)
    assert (code, out, err) == (0, "", f"wrote 2 passages from 2 articles to {target}")
    first = target.read_text()
    assert first.startswith("# Highlights\n")
    code, out, err = run(capsys, "export", "--out", str(target), "--article", "002", *lib)
    assert (code, err) == (1, f"news-reader: {target} exists; use --force to overwrite it")
    assert target.read_text() == first
    code, _, err = run(capsys, "export", "--out", str(target), "--article", "002", "--force", *lib)
    assert code == 0 and err == f"wrote 1 passage from 1 article to {target}"
    assert "Russia admits" not in target.read_text()
    code, _, err = run(capsys, "export", "--out", str(tmp_path / "no" / "x.md"), *lib)
    assert code == 1 and "does not exist" in err


def test_edit_note_and_tags(capsys, folder):
    lib = ["--library", str(folder)]
    code, out, _ = run(capsys, "highlights", "add", "001", "--quote", "Washington Post", "--tag", "old", *lib)
    highlight = added_id(out)

    code, out, err = run(
        capsys, "highlights", "edit", highlight, "--note", "checked", "--tag", "post", "--tag", "us", *lib
    )
    assert (code, out, err) == (0, f"edited {highlight}: note “checked”, tags: post, us\n", "")
    code, out, err = run(capsys, "highlights", "edit", highlight, "--no-tags", *lib)
    assert (code, out) == (0, f"edited {highlight}: note “checked”, tags: none\n")
    code, out, _ = run(capsys, "highlights", "undo", *lib)
    assert (code, out) == (0, f"undid the tags of {highlight}\n")
    code, out, _ = run(capsys, "highlights", "list", "--json", *lib)
    listed = {h["id"]: h for h in json.loads(out)["highlights"]}
    assert (listed[highlight]["note"], listed[highlight]["tags"]) == ("checked", ["post", "us"])

    assert run(capsys, "highlights", "edit", highlight, *lib)[::2] == (
        2,
        "news-reader: highlights edit: give --note, --tag or --no-tags",
    )
    code, _, err = run(capsys, "highlights", "edit", highlight, "--tag", "a", "--no-tags", *lib)
    assert (code, err) == (2, "news-reader: highlights edit: --tag and --no-tags contradict each other")
    code, _, err = run(capsys, "highlights", "edit", "ffffffff", "--note", "x", *lib)
    assert (code, err) == (1, "news-reader: no highlight 'ffffffff'")
    run(capsys, "highlights", "remove", highlight, *lib)

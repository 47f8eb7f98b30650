"""``stories``, ``story`` and ``export --story`` on the seeds: JSON shapes, exit
codes, the brief's Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli_library import run_json

from reader.cli import main
from reader.library import Library

KERRY_STORY_TITLE = "John Kerry Meets Vladimir Putin to Discuss New Syria Plan"


@pytest.fixture(scope="module")
def library_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-stories") / "lib"
    assert main(["stats", "--library", str(folder)]) == 0  # first use indexes the seeds
    return folder


def test_stories_json_lists_the_seed_stories_newest_first(capsys, library_folder):
    code, data = run_json(capsys, "stories", "--library", str(library_folder), "--json")
    assert code == 0
    stories = data["stories"]
    assert [s["articles"] for s in stories] == [2, 4, 2, 2, 2, 2]
    first = stories[0]
    assert set(first) == {"id", "title", "central", "first_date", "last_date", "outlets", "articles"}
    assert first["title"] == KERRY_STORY_TITLE
    assert first["first_date"] == first["last_date"] == "2016-07-15T08:26"
    assert first["outlets"] == ["unknown outlet", "AFP"]


def test_stories_filters_and_exit_status(capsys, library_folder):
    code, data = run_json(capsys, "stories", "--library", str(library_folder), "--json", "--person", "carter")
    assert code == 0 and [s["outlets"] for s in data["stories"]] == [["Albawaba", "AFP", "unknown outlet"]]
    code, data = run_json(
        capsys, "stories", "--library", str(library_folder), "--json", "--since", "2030-01-01"
    )
    assert code == 1 and data == {"stories": []}
    assert main(["stories", "--library", str(library_folder), "--since", "soon"]) == 2
    assert "cannot read the date" in capsys.readouterr().err


def test_story_json_gives_articles_timeline_and_passages(capsys, library_folder):
    code, data = run_json(capsys, "story", "--library", str(library_folder), "--json", "002")
    assert code == 0
    assert data["story"]["title"] == KERRY_STORY_TITLE
    assert [a["outlet"] for a in data["articles"]] == ["unknown outlet", "AFP"]  # dated first
    assert data["timeline"]["columns"] == ["2016-07-15", "undated"]
    assert [(m["row"], m["column"]) for m in data["timeline"]["marks"]] == [(0, 0), (1, 1)]
    shared = data["shared"]
    # The passages of the central article (002's) that the other outlet carries too.
    assert shared and all(p["outlets"] == ["AFP"] for p in shared)
    assert any("Joint Implementation Group" in p["text"] or "joint" in p["text"] for p in shared)
    by_outlet = {o["outlet"]: o for o in data["by_outlet"]}
    assert "Josh Earnest" in by_outlet["unknown outlet"]["own_people"]


def test_story_not_found_is_one_line(capsys, library_folder):
    assert main(["story", "--library", str(library_folder), "s000000"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no " in err


def test_story_prints_a_timeline(capsys, library_folder):
    assert main(["story", "--library", str(library_folder), "004"]) == 0
    out = capsys.readouterr().out
    assert "timeline" in out and "Albawaba" in out and "●" in out
    assert "only Albawaba" in out


def test_export_story_writes_a_brief_with_the_highlights_in_it(capsys, library_folder, tmp_path):
    assert (
        main(
            [
                "highlights",
                "add",
                "002",
                "--library",
                str(library_folder),
                "--quote",
                "met with President Vladimir V. Putin",
                "--note",
                "the meeting",
            ]
        )
        == 0
    )
    capsys.readouterr()
    out = tmp_path / "brief.md"
    assert main(["export", "--library", str(library_folder), "--story", "001", "--out", str(out)]) == 0
    assert "story's brief" in capsys.readouterr().err
    text = out.read_text()
    assert text.startswith(f"# {KERRY_STORY_TITLE}\n")
    assert "| date | outlet | title | id |" in text
    assert (
        "| 2016-07-15 | unknown outlet | John Kerry Meets Vladimir Putin to Discuss New Syria Plan |" in text
    )
    assert "| undated | AFP | US to offer Russia anti-terror pact in Syria |" in text
    assert "## Highlights" in text and "> met with President Vladimir V. Putin" in text
    # Who said what: the library's quotes by speaker, each with the outlets carrying it.
    said = text[text.index("## Who said what") :]
    assert said.index("### Josh Earnest") < said.index("### John Kerry")
    assert "> I'll give you all a sense of where we are\n\n- *AFP*" in said


def test_the_brief_says_who_said_what_without_fragments(library_folder):
    from reader.export import export_story

    with Library.open(library_folder) as library:
        text = export_story(library, "001").text
    section = text[text.index("## Who said what") :]
    putin = section.index("### Vladimir Putin")
    assert section[putin:].splitlines()[2].startswith("> I hope after today’s consultations you’ll be able")
    # The library found these as fragments (scare quotes, names of things): no statements.
    assert "integrated operations" not in section and "caliphate" not in section


def test_export_story_of_an_unknown_story_fails_cleanly(capsys, library_folder, tmp_path: Path):
    assert main(["export", "--library", str(library_folder), "--story", "nothing-like-it"]) == 1
    assert "no story" in capsys.readouterr().err

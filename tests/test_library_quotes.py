"""Quotes in the library: `news-reader quotes`, `said:`, the same quote across
outlets, highlights of quotes, and quotes kept through rebuild, re-adding and an
older library."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import Library
from reader.paths import seeds_dir

QUOTE_KEYS = {
    "text",
    "article",
    "title",
    "source",
    "date",
    "start",
    "end",
    "partial",
    "speaker",
    "how",
    "group",
}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def seeds_of(library: Library, ids) -> list[tuple[str, int]]:
    found = library.store.get_many(list(ids), with_entities=False)
    return sorted((Path(a.article.path).name[:3], a.article.part) for a in found.values())


def test_quotes_json_newest_first_with_offsets(capsys, library_dir):
    code, out, _ = run(capsys, "quotes", "earnest", "--json", "--library", str(library_dir))
    assert code == 0
    data = json.loads(out)
    assert data["person"] == "Josh Earnest"
    quotes = data["quotes"]
    assert [q["text"][:12] for q in quotes] == [
        "We’ve always",  # 2016-07-15, in reading order
        "Unfortunatel",
        "It is true t",
        "We know that",
        "We will have",  # undated (the digest page) last
    ]
    with Library.open(library_dir) as library:
        for quote in quotes:
            assert set(quote) == QUOTE_KEYS
            body = library.article(quote["article"]).article.body
            assert body[quote["start"] : quote["end"]] == quote["text"]
            assert quote["speaker"] == "Josh Earnest" and quote["partial"] is False
    assert [q["how"] for q in quotes[:2]] == ["named", "continued"]


def test_quotes_filters(capsys, library_dir):
    folder = str(library_dir)
    code, out, _ = run(
        capsys, "quotes", "earnest", "--json", "--partial", "--source", "albawaba", "--library", folder
    )
    assert code == 0
    assert [(q["text"], q["partial"], q["source"]) for q in json.loads(out)["quotes"]] == [
        ("few if any", True, "Albawaba")
    ]
    code, out, _ = run(capsys, "quotes", "putin", "--json", "--query", "withdrawals", "--library", folder)
    assert [q["text"][:24] for q in json.loads(out)["quotes"]] == ["I am therefore ordering "]  # stemmed
    code, out, _ = run(capsys, "quotes", "kerry", "--json", "--since", "1 July 2016", "--library", folder)
    assert [q["date"] for q in json.loads(out)["quotes"]] == ["2016-07-15T08:26"]


def test_quotes_text_output_and_errors(capsys, library_dir):
    folder = str(library_dir)
    code, out, _ = run(capsys, "quotes", "Mr. Kerry", "--library", folder)
    assert code == 0
    assert out.startswith("John Kerry · 9 quotes, 8 different")
    assert "“Hopefully, we’ll be able to make some genuine progress" in out
    assert "Albawaba · 2015-10-02 · " in out
    # the same remark in two articles: shown once, the other's words marked
    assert (
        "also quoted by “Russia and US military will hold talks" in out
        and "{+It’s+}" in out
        and "[-obviously-]" in out
    )
    code, _, err = run(capsys, "quotes", "nobody at all", "--library", folder)
    assert code == 1 and "no person called 'nobody at all'" in err
    code, _, err = run(capsys, "quotes", "obama", "--query", "weather", "--library", folder)
    assert code == 1 and "no quotes of Barack Obama match" in err
    code, _, err = run(capsys, "quotes", "kerry", "--since", "someday", "--library", folder)
    assert code == 2 and "cannot read the date 'someday'" in err


def test_said_finds_the_articles_that_quote_a_person(library_dir):
    with Library.open(library_dir) as library:

        def found(query: str) -> list[tuple[str, int]]:
            return seeds_of(library, (h.id for h in library.search(query, limit=50).hits))

        assert found("said:earnest") == [("002", 0), ("003", 8), ("004", 0)]
        assert found('said:"Josh Earnest"') == found("said:earnest")
        assert found("said:kerry isil") == [("000", 0), ("002", 0), ("003", 16), ("004", 0)]
        assert found("said:kerry NOT isil") == [("001", 0), ("003", 20), ("003", 24)]
        assert found("said:kremlin") == [("003", 7)]  # an office speaks too
        # mentioned is not quoted: Obama is named in 002, never quoted there
        assert ("002", 0) in found("person:obama") and ("002", 0) not in found("said:obama")


def test_the_same_quote_in_two_articles_is_one_group(library_dir):
    with Library.open(library_dir) as library:
        kerry = library.quotes_of("kerry")
    grouped = [g for g in kerry.groups if g.also]
    assert len(grouped) == 1
    [group] = grouped
    assert group.hit.source == "Albawaba" and group.hit.text.startswith("It is one thing obviously")
    [other] = group.also
    assert other.hit.text.startswith("It’s one thing to be targeting Isil")
    assert ("added", "but the concern") in [(c.kind, c.text) for c in other.changes]
    assert len(kerry.quotes) == 9 and len(kerry.groups) == 8


def test_a_highlight_of_a_quote_carries_its_speaker(capsys, library_dir):
    folder = str(library_dir)
    code, _, _ = run(
        capsys,
        "highlights",
        "add",
        "004",
        "--quote",
        "Our targets are solely the positions",
        "--library",
        folder,
    )
    assert code == 0
    code, _, _ = run(
        capsys, "highlights", "add", "004", "--quote", "Iran said it backed", "--library", folder
    )
    assert code == 0
    with Library.open(library_dir) as library:
        placed = [p for g in library.select_highlights() for p in g.highlights]
    assert {p.highlight.quote[:12]: p.speaker for p in placed} == {
        "Our targets ": "Sergei Lavrov",
        "Iran said it": None,
    }
    code, out, _ = run(capsys, "export", "--by", "person", "--library", folder)
    assert code == 0
    assert out.index("## Sergei Lavrov") < out.index("## Not the words of anyone named")
    assert "- **Said by:** Sergei Lavrov" in out


def _quotes(library: Library) -> dict[tuple[str, int], list[tuple]]:
    return {
        (Path(a.article.path).name[:3], a.article.part): [
            (q.start, q.end, q.partial, q.how, q.cue) for q in a.quotes
        ]
        for a in library.store.iter_articles()
    }


def test_quotes_survive_rebuild_and_re_adding(tmp_path):
    folder = tmp_path / "lib"
    with Library.open(folder) as library:
        before = _quotes(library)
        earnest = [q.text for q in library.quotes_of("earnest").quotes]
        assert sum(len(q) for q in before.values()) > 100
        library.rebuild()
        assert _quotes(library) == before
        library.rebuild(from_sources=True)  # cleaned and found again
        assert _quotes(library) == before
        library.remove([seeds_dir()])
        assert library.quotes_of("earnest").quotes == [] and library.search("said:earnest").total == 0
        library.add([seeds_dir()])
        assert _quotes(library) == before
        assert [q.text for q in library.quotes_of("earnest").quotes] == earnest
        assert library.search("said:earnest").total == 3


def test_an_older_library_finds_its_quotes_when_opened(tmp_path, seeded_library_template):
    folder = tmp_path / "lib"
    shutil.copytree(seeded_library_template, folder)
    with Library.open(folder) as library:
        before = _quotes(library)
    # As a library made before quotes (or by an older finder) is: none stored, the
    # finder's fingerprint absent.
    db = sqlite3.connect(folder / "library.sqlite3")
    with db:
        db.execute("DELETE FROM quotes")
        db.execute("DELETE FROM meta WHERE key = 'quotes'")
    db.close()
    with Library.open(folder) as library:
        assert _quotes(library) == before
        assert library.search("said:earnest").total == 3


@pytest.mark.parametrize("typed", ["earnest", "Mr. Earnest", "josh earnest", "EARNEST"])
def test_any_form_of_a_name_finds_the_person(library_dir, typed):
    with Library.open(library_dir) as library:
        assert library.quotes_of(typed).person == "Josh Earnest"


def test_someone_marked_as_no_person_is_quoted_as_nobody(library_dir):
    with Library.open(library_dir) as library:
        assert library.quotes_of("earnest").quotes
        library.correct_people("not-a-person", "Josh Earnest")
        assert library.quotes_of("earnest").found is False
        assert "Josh Earnest" not in [p.name for p in library.quoted_people()]
        assert library.search("said:earnest").total == 0
        library.undo_people()
        assert len(library.quotes_of("earnest").quotes) == 5

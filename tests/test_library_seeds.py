"""The real pipeline on the bundled seeds: first use, related ranking, incremental add."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.library import Library
from reader.paths import seeds_dir


def seed_number(stored) -> str:
    return Path(stored.article.path).name[:3]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    library = Library.open(tmp_path_factory.mktemp("seeded") / "lib")
    yield library
    library.close()


def related_numbers(library: Library, ref: str, top: int) -> list[str]:
    return [seed_number(other) for _, other in library.related(ref, limit=top)]


def test_first_use_indexes_the_seeds(seeded):
    stats = seeded.stats()
    assert stats.sources == 5
    assert stats.articles == stats.index_documents > 5  # the digest gives several stories
    assert seeded.search("Kerry Putin Moscow").total >= 2


def test_kerry_putin_meeting_pieces_are_each_others_first_related(seeded):
    assert related_numbers(seeded, "001", 1) == ["002"]
    assert related_numbers(seeded, "002", 1) == ["001"]


def test_first_days_of_the_strikes_are_related_beside_the_digest_stories(seeded):
    first_three_of_000 = related_numbers(seeded, "000", 3)
    first_three_of_004 = related_numbers(seeded, "004", 3)
    assert "004" in first_three_of_000
    assert "000" in first_three_of_004
    assert set(first_three_of_000) <= {"003", "004"}
    assert set(first_three_of_004) <= {"000", "003"}


def test_a_piece_on_another_subject_has_no_related_pieces_and_is_none(tmp_path, seeded):
    """Related pieces are scored against the best candidate: without a floor, the
    nearest of unrelated pieces came first, as related as a second outlet's report."""
    page = tmp_path / "bread.txt"
    page.write_text(
        "How to bake sourdough bread at home\n\n"
        + "\n\n".join(
            [
                "A sourdough starter needs flour, water and patience: feed it every day for a week "
                "until it doubles within hours of a feeding.",
                "Mix the dough with a little starter, rest it, fold it every half hour and let it rise "
                "slowly overnight in a cool kitchen before shaping the loaf.",
                "Bake the loaf in a hot covered pot for twenty minutes, then uncover it so the crust "
                "browns, and let it cool for an hour before slicing the bread.",
            ]
        )
    )
    folder = tmp_path / "lib"
    shutil.copytree(seeded.folder, folder)
    with Library.open(folder) as library:
        library.add([page])
        bread = library.article(str(page))
        assert library.related(bread.id) == []
        for number in ("000", "001", "004"):
            assert bread.id not in [other.id for _, other in library.related(number, limit=20)]
        assert related_numbers(library, "001", 1) == ["002"]


def test_person_aliases_on_the_seeds(seeded):
    by_alias = {hit.id for hit in seeded.search("person:putin", limit=50).hits}
    by_name = {hit.id for hit in seeded.search('person:"Vladimir Putin"', limit=50).hits}
    assert by_alias == by_name and len(by_alias) >= 3
    assert all("Vladimir Putin" in hit.people for hit in seeded.search("person:putin", limit=50).hits)
    names = [person.name for person in seeded.people()]
    assert "Vladimir Putin" in names and "Putin" not in names


def test_incremental_add(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    library = Library.open(tmp_path / "lib", seed=False)
    first = library.add([corpus])
    assert len(first.added) == 5 and first.articles == library.store.article_count()
    second = library.add([corpus])
    assert (second.added, second.replaced, second.articles) == ([], [], 0)
    assert len(second.unchanged) == 5

    changed = corpus / "001_2db44d96fea6e373.txt"
    changed.write_text(changed.read_text().replace("Washington Post", "Washington Times"))
    (corpus / "empty.txt").write_text("")
    third = library.add([corpus])
    assert third.replaced == [str(changed)]
    assert [path for path, _ in third.skipped] == [str(corpus / "empty.txt")]
    assert library.search('"washington times"').total == 1
    still_post = library.search('"washington post"', limit=20).hits
    assert str(changed) not in {hit.path for hit in still_post}
    assert next(hit.passages[0].marks for hit in still_post)  # phrase words are marked
    assert library.engine.document_count() == library.store.article_count()
    library.close()

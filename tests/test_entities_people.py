"""People as identities across a library: search by any alias, a shared word picks one
person and names the others, and the user's corrections survive rebuilds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.library import Library, PersonCorrectionError

ARTICLES = [
    ("Blair sets out plans", "Prime Minister Tony Blair said Britain would act. Mr. Blair spoke in London."),
    ("Blair's week", "Tony Blair met reporters on Monday. Blair's aides said little about the plan."),
    ("Blair under fire", "Tony Blair faced questions from MPs about the war on Tuesday."),
    ("Markets calm", "Blair Pickerell, a fund manager in Hong Kong, said markets were calm."),
    (
        "Putin meets Kerry",
        "President Vladimir V. Putin met John Kerry in Moscow. Putin said talks went well.",
    ),
    ("Kremlin talks", "Vladimir Putin told reporters that Russia wanted peace."),
    ("Speaker speaks", "House Speaker Jim Wright said the budget would pass. Wright spoke on Friday."),
    ("Budget vote", "James Wright, the Speaker of the House, said the vote was close."),
    ("Sales", "Jupiter Research said sales of music players rose."),
]


def write_corpus(folder: Path, articles=ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "news.jsonl"
    lines = [
        json.dumps({"title": title, "body": body, "date": f"2005-01-{n + 1:02d}", "source": "Wire"})
        for n, (title, body) in enumerate(articles)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path):
    corpus = write_corpus(tmp_path / "docs")
    lib = Library.open(tmp_path / "lib", seed=False)
    lib.add([corpus], workers=1)
    yield lib
    lib.close()


def titles(lib: Library, text: str = "", person: str | None = None) -> set[str]:
    return {hit.title for hit in lib.search(text, person=person, limit=50).hits}


BLAIR = {"Blair sets out plans", "Blair's week", "Blair under fire"}


@pytest.mark.parametrize(
    "typed", ["Tony Blair", "tony blair", "Mr. Blair", "Blair's", "Prime Minister Blair"]
)
def test_any_form_finds_the_person(library, typed):
    assert library.person(typed).name == "Tony Blair"
    assert titles(library, person=typed) == BLAIR


@pytest.mark.parametrize(
    "query", ['person:"Mr. Putin"', "person:putin's", "person:putin", 'person:"Vladimir V. Putin"']
)
def test_person_queries_resolve_aliases_and_possessives(library, query):
    assert titles(library, query) == {"Putin meets Kerry", "Kremlin talks"}


def test_a_shared_word_picks_the_most_mentioned_and_names_the_others(library):
    match = library.person_match("blair")
    assert match.person.name == "Tony Blair"
    assert [p.name for p in match.others] == ["Blair Pickerell"]
    assert match.note() == "blair: Tony Blair (3); also Blair Pickerell (1)"
    results = library.search("", person="blair", limit=50)
    assert {h.title for h in results.hits} == BLAIR  # never Blair Pickerell's article
    assert results.person_notes == ("blair: Tony Blair (3); also Blair Pickerell (1)",)


def test_the_identity_lists_its_aliases(library):
    putin = library.person("putin")
    assert putin.name == "Vladimir Putin"
    assert putin.articles == 2
    assert "Putin" in putin.aliases
    assert library.person("Nobody Known") is None


def test_nicknames_join_and_a_split_survives_rebuild_until_undone(library):
    # "Jim Wright" and "James Wright": one surname, a nickname and its formal name.
    assert library.person("James Wright").name == library.person("Jim Wright").name == "Jim Wright"
    made = library.correct_people("split", "Jim Wright", "James Wright")
    assert made.describe() == "James Wright split from Jim Wright"
    assert library.person("James Wright").name == "James Wright"
    library.rebuild()
    library.rebuild(from_sources=True)
    assert titles(library, 'person:"james wright"') == {"Budget vote"}
    assert titles(library, person="Jim Wright") == {"Speaker speaks"}
    assert library.undo_people().action == "split"
    assert titles(library, person="James Wright") == {"Speaker speaks", "Budget vote"}


def test_merge_survives_rebuild(library):
    library.correct_people("merge", "Tony Blair", "Blair Pickerell")
    library.rebuild(from_sources=True)
    assert library.person("Blair Pickerell").name == "Tony Blair"
    assert titles(library, person="Tony Blair") == BLAIR | {"Markets calm"}


def test_not_a_person_leaves_people_search_and_the_article_entities(library):
    assert library.person("Jupiter Research") is not None
    library.correct_people("not-a-person", "Jupiter Research")
    library.rebuild(from_sources=True)
    assert "Jupiter Research" not in [p.name for p in library.people()]
    sales = library.search("sales", limit=1).hits[0]
    assert "Jupiter Research" not in sales.people
    stored = library.article(sales.id)
    assert all(span.name != "Jupiter Research" for span in stored.entities)
    assert titles(library, 'person:"jupiter research"') == set()


def test_rename_and_split_survive_a_re_add(library, tmp_path):
    library.correct_people("rename", "Tony Blair", "Anthony Blair")
    assert library.person("tony blair").name == "Anthony Blair"
    assert titles(library, person="Anthony Blair") == BLAIR
    # The same files added again under a new path: the corrections still hold.
    library.add([write_corpus(tmp_path / "again")], workers=1)
    assert library.people()[0].name == "Anthony Blair"  # six articles now
    library.correct_people("split", "Jim Wright", "James Wright")
    library.rebuild(from_sources=True)
    assert titles(library, person="James Wright") == {"Budget vote"}
    assert [c.action for c in library.person_corrections()] == ["rename", "split"]


def test_corrections_name_known_people_only(library):
    with pytest.raises(PersonCorrectionError, match="no person"):
        library.correct_people("merge", "Tony Blair", "Nobody Known")
    with pytest.raises(PersonCorrectionError, match="already one person"):
        library.correct_people("merge", "Tony Blair", "tony  blair")
    with pytest.raises(PersonCorrectionError, match="not a name seen"):
        library.correct_people("split", "Tony Blair", "Vladimir Putin")
    with pytest.raises(PersonCorrectionError, match="unknown correction"):
        library.correct_people("delete", "Tony Blair")
    assert library.person_corrections() == []


def test_a_correction_naming_a_shared_word_asks_for_the_full_name(library):
    with pytest.raises(PersonCorrectionError, match="name one of them in full"):
        library.correct_people("not-a-person", "Blair")


def test_names_of_companies_and_unexplained_lone_names_are_no_people(tmp_path):
    corpus = write_corpus(
        tmp_path / "docs",
        [
            ("Brokers", "Dean Witter Reynolds Inc raised its forecast on Monday."),
            ("Brokers again", "Dean Witter Reynolds Inc cut its forecast on Tuesday."),
            ("Brokers said", "Dean Witter said the market would rise."),
            ("Beer", "Heineken said sales rose in the summer."),
            ("Jakarta", "President Suharto opened the plant. Suharto said it would help."),
            ("Arsenal", "Arsene Wenger praised the team. Wenger said it was a good day."),
            ("Arsenal again", "Wenger said the team was tired."),
        ],
    )
    with Library.open(tmp_path / "lib", seed=False) as lib:
        lib.add([corpus], workers=1)
        people = {p.name for p in lib.people()}
    assert people == {"Suharto", "Arsene Wenger"}

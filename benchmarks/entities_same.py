"""Does a change to the entity layer keep its output? A digest of every mention of
the corpus, to compare before and after an optimisation.

    python benchmarks/entities_same.py [CORPUS] [--limit N] [--dump FILE]

Extracts the entities of every article's body and, separately, of its title, and
prints a SHA-256 digest over all mentions (start, end, label, name, text, role), with
their count. ``--dump`` also writes one line per mention, to find where two runs
differ with ``diff``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

from reader.entities import extract

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from shared_data import CORPUS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    parser.add_argument("--dump", type=Path, help="write every mention, one line each, to this file")
    args = parser.parse_args()
    digest = hashlib.sha256()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    articles = mentions = 0
    with gzip.open(args.corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for field in ("body", "title"):
                for mention in extract(record.get(field) or ""):
                    row = json.dumps(
                        [articles, field, mention.start, mention.end, mention.label]
                        + [mention.name, mention.text, mention.role],
                        ensure_ascii=False,
                    )
                    digest.update(row.encode("utf-8") + b"\n")
                    if dump:
                        dump.write(row + "\n")
                    mentions += 1
            articles += 1
            if args.limit and articles >= args.limit:
                break
    if dump:
        dump.close()
    print(f"articles: {articles}  mentions: {mentions:,}  sha256: {digest.hexdigest()}")


if __name__ == "__main__":
    main()

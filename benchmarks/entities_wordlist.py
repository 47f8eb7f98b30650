"""Build reader/entities/data/common_words.txt from the news corpus.

A word that news text writes in lower case far more often than capitalised in
mid-sentence is an ordinary word ("speaking", "meanwhile", "government"); a
capitalised ordinary word at the start of a sentence is then no name. Only word
frequencies leave the corpus, no text.

    python benchmarks/entities_wordlist.py [CORPUS] > reader/entities/data/common_words.txt
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from shared_data import CORPUS

WORD = re.compile(r"(?<![\w'’.-])([A-Za-z][a-z]+)(?![\w'’-])")
SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”]\s+)$")


def main() -> None:
    corpus = sys.argv[1] if len(sys.argv) > 1 else str(CORPUS)
    lower: Counter[str] = Counter()
    capital_mid: Counter[str] = Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            body = json.loads(line)["body"]
            for match in WORD.finditer(body):
                word = match.group(1)
                if word[0].islower():
                    lower[word] += 1
                elif (
                    not SENTENCE_START.search(body[max(0, match.start() - 3) : match.start()])
                    and match.start() > 0
                ):
                    capital_mid[word.lower()] += 1
    words = sorted(word for word, count in lower.items() if count >= 3 and count >= 4 * capital_mid[word])
    sys.stdout.write("# Ordinary English words, lower case (built by benchmarks/entities_wordlist.py)\n")
    sys.stdout.write("\n".join(words) + "\n")


if __name__ == "__main__":
    main()

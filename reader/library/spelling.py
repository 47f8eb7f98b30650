""" "Did you mean": the library's own words, with how many articles use each.

The index is stemmed, so its terms are no good as suggestions ("secretari"), and
Whoosh's separate spelling field doubles indexing time; instead the workers count
the words of each article as they find entities, the store keeps the counts, and
suggestions come from that sorted word list (Levenshtein automaton via Whoosh's
ListCorrector), the most used word winning among equally close ones.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cached_property

from whoosh.spelling import ListCorrector

_WORD = re.compile(r"[^\W\d_]{3,}")
MAX_DISTANCE = 2


def article_words(*texts: str) -> set[str]:
    """The distinct lower-case words (3 letters or more) of an article."""
    words: set[str] = set()
    for text in texts:
        words.update(map(str.lower, _WORD.findall(text)))
    return words


def count_words(articles: Iterable[tuple[str, str]]) -> Counter[str]:
    """Number of articles using each word, over (title, body) pairs."""
    counts: Counter[str] = Counter()
    for title, body in articles:
        counts.update(article_words(title, body))
    return counts


class Vocabulary:
    """The counts come from ``load`` on the first suggestion: most searches find
    every word they look for and never ask, and reading and sorting the word list
    of a large library takes a tenth of a second (the reader's first search)."""

    def __init__(self, load: Callable[[], dict[str, int]]) -> None:
        self._load = load

    @cached_property
    def counts(self) -> dict[str, int]:
        return self._load()

    @cached_property
    def _corrector(self) -> ListCorrector:
        return ListCorrector(sorted(self.counts))

    def suggest(self, word: str, usable: Callable[[str], bool] = lambda w: True) -> str | None:
        """The closest known word to ``word`` (a different one), or None."""
        typed = word.lower()
        for distance in range(1, MAX_DISTANCE + 1):
            candidates = [
                c
                for c in self._corrector.suggest(typed, limit=20, maxdist=distance)
                if c != typed and usable(c)
            ]
            if candidates:
                return max(candidates, key=lambda c: (self.counts.get(c, 0), c))
        return None

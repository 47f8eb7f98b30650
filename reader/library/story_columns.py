"""Every article of a library described for grouping from scratch
(:mod:`reader.library.stories`), held compactly.

Grouping from scratch needs the terms, day, sketch and shingles of every article at
once. Held as Python objects (a set of term strings, an array of shingle hashes and
a list of sketch values per article) they were most of the 520 MB the process
grouping 50,000 articles peaked at. Here an article's terms are numbers (4 bytes
each, every term's text kept once), sketches are one flat array, and the shingles,
which only the copy checks of candidate pairs read, wait in a temporary file.
"""

from __future__ import annotations

import os
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

from reader.stories.fingerprint import shingles, sketch
from reader.stories.terms import article_terms, day_number

# id, title, body, date and the library-wide names the article mentions
ArticleRow = tuple[str, str, str, str | None, list[tuple[str, str]]]


@dataclass(slots=True)
class Share:
    """A share of the articles, in id order, described (in a worker process)."""

    ids: list[str] = field(default_factory=list)
    days: list[int | None] = field(default_factory=list)
    # Interned: a term is one string however many articles have it, and a worker
    # pickles it once.
    terms: list[tuple[str, ...]] = field(default_factory=list)
    sketch_lengths: array[int] = field(default_factory=lambda: array("B"))
    sketches: array[int] = field(default_factory=lambda: array("Q"))
    shingle_counts: array[int] = field(default_factory=lambda: array("I"))
    shingles: array[int] = field(default_factory=lambda: array("Q"))


def describe_share(rows: Iterable[ArticleRow]) -> Share:
    share = Share()
    for article_id, title, body, date, names in rows:
        hashes = shingles(body)
        share.ids.append(article_id)
        share.days.append(day_number(date))
        share.terms.append(tuple(sys.intern(term) for term in article_terms(title, body, names)))
        values = sketch(hashes)
        share.sketch_lengths.append(len(values))
        share.sketches.extend(values)
        share.shingle_counts.append(len(hashes))
        share.shingles.extend(hashes)
    return share


class Described:
    """The shares of a whole library, joined in id order: article ``n`` is the
    ``n``-th id (numbered from 0)."""

    def __init__(self, spill: BinaryIO) -> None:
        self.ids: list[str] = []
        self.days: list[int | None] = []
        self.terms: list[array[int]] = []  # each article's term numbers
        self.term_names: list[str] = []  # a term number's text
        self.term_numbers: dict[str, int] = {}
        self._sketch_starts = array("Q", [0])
        self._sketches = array("Q")
        self._spill = spill
        self._shingle_starts = array("Q", [0])

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, share: Share) -> None:
        self.ids += share.ids
        self.days += share.days
        numbers = self.term_numbers
        for terms in share.terms:
            codes = array("I")
            for term in terms:
                code = numbers.get(term)
                if code is None:
                    code = numbers[term] = len(self.term_names)
                    self.term_names.append(term)
                codes.append(code)
            self.terms.append(codes)
        for length in share.sketch_lengths:
            self._sketch_starts.append(self._sketch_starts[-1] + length)
        self._sketches += share.sketches
        for count in share.shingle_counts:
            self._shingle_starts.append(self._shingle_starts[-1] + count)
        share.shingles.tofile(self._spill)
        self._spill.flush()

    def sketch(self, n: int) -> array[int]:
        return self._sketches[self._sketch_starts[n] : self._sketch_starts[n + 1]]

    def drop_sketches(self) -> None:
        self._sketch_starts = array("Q", [0])
        self._sketches = array("Q")

    def shingles(self, n: int) -> array[int]:
        start, end = self._shingle_starts[n], self._shingle_starts[n + 1]
        found = array("Q")
        found.frombytes(os.pread(self._spill.fileno(), (end - start) * 8, start * 8))
        return found

    def names_of(self, n: int) -> list[str]:
        """The terms of article ``n`` as text."""
        names = self.term_names
        return [names[code] for code in self.terms[n]]

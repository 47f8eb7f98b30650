"""Copies: articles whose text is nearly the same.

A copy is the same page saved twice (as HTML and as text), or a wire story
reprinted with a new headline, a cut paragraph, a changed number. Texts are
compared as sets of word shingles (runs of :data:`SHINGLE_WORDS` words, numbers
kept, so that two templated earnings reports with other figures stay apart): two
articles are copies when the shingles they share are most of both (resemblance), or
nearly all of the shorter one when it is at least half as long as the other (a
reprint with paragraphs cut).

Finding candidates without comparing every pair: each article keeps a sketch, the
:data:`SKETCH_SIZE` smallest shingle hashes. Near-identical texts share most of
their sketches, unrelated texts almost never share even two values; pairs that
share :data:`MIN_SHARED_IN_SKETCH` or more are then compared in full.

Hashes are built from CRC-32 of the words: stable across processes and Python
versions, so sketches can be stored.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Collection
from dataclasses import dataclass

from reader.stories.diff import Difference, only_figures_differ, word_differences

SHINGLE_WORDS = 5
SKETCH_SIZE = 24
MIN_SHARED_IN_SKETCH = 3
# Fewer shingles than this is too little text to call two articles copies of
# each other (a one-line teaser matches many pages).
MIN_SHINGLES = 12
MIN_RESEMBLANCE = 0.6
MIN_CONTAINMENT = 0.85
MIN_LENGTH_RATIO = 0.5
# A reprint appears within days; the same template filled in a week later (a
# weekly report) is not a copy.
COPY_MAX_DAYS = 2

_WORD = re.compile(r"\w+")


def shingle_words(text: str) -> list[str]:
    """The words compared: lower case, punctuation and quote styles dropped."""
    return list(map(str.lower, _WORD.findall(text)))


def shingles(text: str) -> set[int]:
    """The hashes of the text's shingles. A shingle never spans two paragraphs: a
    cut paragraph then costs only its own shingles.

    Each word is hashed once (CRC-32, cached); a shingle's hash is a polynomial
    rolling hash of its words' hashes modulo a Mersenne prime, updated in one
    step per word (the word coming in and the one leaving)."""
    found: set[int] = set()
    known = _word_codes.get
    base, modulus, base_to_n = _BASE, _MODULUS, _BASE_TO_N
    for paragraph in text.split("\n\n"):
        # A known word's code from the dict without a call: this runs over every word
        # of the library when it is grouped from scratch (a code is never 0).
        codes = [known(word) or _word_code(word) for word in shingle_words(paragraph)]
        if not codes:
            continue
        rolling = 0
        for code in codes[:SHINGLE_WORDS]:
            rolling = (rolling * base + code) % modulus
        found.add(rolling)  # the first shingle, or the whole of a shorter paragraph
        for code, leaving in zip(codes[SHINGLE_WORDS:], codes):
            # The word coming in and the one leaving in one step: the same residue.
            rolling = (rolling * base + code - leaving * base_to_n) % modulus
            found.add(rolling)
    return found


_MODULUS = (1 << 61) - 1
_BASE = 1_000_003
_BASE_TO_N = pow(_BASE, SHINGLE_WORDS, _MODULUS)
_word_codes: dict[str, int] = {}


def _word_code(word: str) -> int:
    code = _word_codes.get(word)
    if code is None:
        if len(_word_codes) > 1_000_000:
            _word_codes.clear()  # bounded: a stream of odd tokens cannot fill memory
        code = _word_codes[word] = zlib.crc32(word.encode()) + 1
    return code


def sketch(hashes: Collection[int]) -> list[int]:
    """The :data:`SKETCH_SIZE` smallest hashes, ascending; empty for a text too
    short to be compared."""
    if len(hashes) < MIN_SHINGLES:
        return []
    return sorted(hashes)[:SKETCH_SIZE]


@dataclass(frozen=True, slots=True)
class Likeness:
    resemblance: float  # shared / all shingles of the two
    containment: float  # shared / shingles of the shorter
    length_ratio: float  # shingles of the shorter / of the longer

    @property
    def is_copy(self) -> bool:
        if self.resemblance >= MIN_RESEMBLANCE:
            return True
        return self.containment >= MIN_CONTAINMENT and self.length_ratio >= MIN_LENGTH_RATIO


def likeness(left: set[int], right: set[int]) -> Likeness:
    if len(left) < MIN_SHINGLES or len(right) < MIN_SHINGLES:
        return Likeness(0.0, 0.0, 0.0)
    shared = len(left & right)
    shorter, longer = sorted((len(left), len(right)))
    return Likeness(shared / (len(left) + len(right) - shared), shared / shorter, shorter / longer)


def are_copies(left_text: str, right_text: str, days_apart: int | None = None) -> bool:
    """Whether two texts are copies of one text: alike enough (see :class:`Likeness`),
    published within :data:`COPY_MAX_DAYS` when both are dated, and not one
    template filled in with other figures."""
    if days_apart is not None and abs(days_apart) > COPY_MAX_DAYS:
        return False
    if not likeness(shingles(left_text), shingles(right_text)).is_copy:
        return False
    return not only_figures_differ(left_text, right_text)


def copy_differences(left: str, right: str) -> list[Difference] | None:
    """The word differences of two copies of one text; None when the two are not
    copies (then their shared passages say more than their differences)."""
    return word_differences(left, right) if are_copies(left, right) else None

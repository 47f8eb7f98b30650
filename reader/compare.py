"""Passages two articles share, for reading them side by side.

Headless: the TUI only paints what :func:`align` returns. Two kinds of match:

- ``quote``: words inside quotation marks in one article that the other article
  repeats word for word (at least :data:`MIN_QUOTE_WORDS` of them);
- ``similar``: sentences that state the same facts in other words, found by the
  cosine of their content words (stemmed, stop words dropped, weighted by how rare
  each word is in the two articles), above :data:`SIMILAR_THRESHOLD`.

Each sentence of either article takes part in at most one ``similar`` pair (the best
one), so stepping through the pairs never shows the same passage twice.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from whoosh.lang.porter import stem

from reader.sentences import sentence_spans

MIN_QUOTE_WORDS = 5
SIMILAR_THRESHOLD = 0.2
# Sentences with fewer content words than this say too little to be matched by overlap.
MIN_CONTENT_WORDS = 4

# Function words and reporting verbs: they make sentences look alike without saying
# the same thing.
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your yours said says say told according added adding mr mrs ms dr one two
    first last new us also may might must shall would could year years time week day
    thursday friday monday tuesday wednesday saturday sunday today yesterday tonight
    """.split()
)

_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")
_CONTENT_WORD = re.compile(r"\w+(?:'\w+)?")
_QUOTE = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")


@dataclass(frozen=True, slots=True)
class Alignment:
    """A passage of the left article and the passage of the right one that says the
    same; offsets are character offsets into each article's body."""

    left_start: int
    left_end: int
    right_start: int
    right_end: int
    kind: str  # "quote" | "similar"
    score: float


def align(
    left: str,
    right: str,
    threshold: float = SIMILAR_THRESHOLD,
    min_quote_words: int = MIN_QUOTE_WORDS,
) -> list[Alignment]:
    """Pairs of passages ``left`` and ``right`` share, ordered by position in ``left``."""
    quotes = _shared_quotes(left, right, min_quote_words)
    similar = _similar_sentences(left, right, threshold)
    # A quote already marks its sentence; a "similar" pair covering the same left
    # passage adds nothing.
    quoted = [(a.left_start, a.left_end) for a in quotes]
    similar = [a for a in similar if not any(s < a.left_end and a.left_start < e for s, e in quoted)]
    return sorted(quotes + similar, key=lambda a: (a.left_start, a.right_start))


# -- quotes ---------------------------------------------------------------


def _shared_quotes(left: str, right: str, min_words: int) -> list[Alignment]:
    found: dict[tuple[int, int], Alignment] = {}
    for source, target, flipped in ((left, right, False), (right, left, True)):
        target_words = _words(target)
        target_index = _ngram_index(target_words, min_words)
        for q_start, q_end in _quote_spans(source):
            quote_words = [w for w in _words(source) if q_start <= w[1] and w[2] <= q_end]
            for hit in _longest_shared_runs(quote_words, target_words, target_index, min_words):
                (s_start, s_end), (t_start, t_end), length = hit
                if flipped:
                    pair = Alignment(t_start, t_end, s_start, s_end, "quote", float(length))
                else:
                    pair = Alignment(s_start, s_end, t_start, t_end, "quote", float(length))
                key = (pair.left_start, pair.right_start)
                if key not in found or found[key].score < pair.score:
                    found[key] = pair
    return _drop_overlapping(list(found.values()))


def _quote_spans(text: str) -> Iterator[tuple[int, int]]:
    for match in _QUOTE.finditer(text):
        group = 1 if match.group(1) is not None else 2
        yield match.start(group), match.end(group)


Word = tuple[str, int, int]  # normalised word, start, end


def _words(text: str) -> list[Word]:
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(text)]


def _ngram_index(words: list[Word], n: int) -> dict[tuple[str, ...], list[int]]:
    index: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(words) - n + 1):
        index.setdefault(tuple(w[0] for w in words[i : i + n]), []).append(i)
    return index


def _longest_shared_runs(
    quote: list[Word], target: list[Word], index: dict[tuple[str, ...], list[int]], n: int
) -> Iterator[tuple[tuple[int, int], tuple[int, int], int]]:
    """Maximal runs of at least ``n`` words of ``quote`` found verbatim in ``target``."""
    i = 0
    while i <= len(quote) - n:
        starts = index.get(tuple(w[0] for w in quote[i : i + n]))
        if not starts:
            i += 1
            continue
        best_len, best_j = 0, starts[0]
        for j in starts:
            length = n
            while (
                i + length < len(quote)
                and j + length < len(target)
                and quote[i + length][0] == target[j + length][0]
            ):
                length += 1
            if length > best_len:
                best_len, best_j = length, j
        yield (
            (quote[i][1], quote[i + best_len - 1][2]),
            (target[best_j][1], target[best_j + best_len - 1][2]),
            best_len,
        )
        i += best_len


def _drop_overlapping(pairs: list[Alignment]) -> list[Alignment]:
    kept: list[Alignment] = []
    for pair in sorted(pairs, key=lambda a: -a.score):
        if any(
            (k.left_start < pair.left_end and pair.left_start < k.left_end)
            or (k.right_start < pair.right_end and pair.right_start < k.right_end)
            for k in kept
        ):
            continue
        kept.append(pair)
    return kept


# -- similar sentences ----------------------------------------------------


def content_words(sentence: str) -> list[str]:
    """Stems of the words that carry meaning: no stop words, no single letters."""
    words = []
    # Hyphenated words count by their parts: "Al-Nusra" shares "nusra" with "Nusra".
    for match in _CONTENT_WORD.finditer(sentence.replace("’", "'")):
        word = match.group().lower()
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < 2 or word in STOP_WORDS or (word.isdigit() and len(word) < 3):
            continue
        words.append(stem(word))
    return words


def _similar_sentences(left: str, right: str, threshold: float) -> list[Alignment]:
    left_spans = sentence_spans(left)
    right_spans = sentence_spans(right)
    left_bags = [Counter(content_words(left[s:e])) for s, e in left_spans]
    right_bags = [Counter(content_words(right[s:e])) for s, e in right_spans]
    idf = _idf(left_bags + right_bags)
    left_vectors = [_weighted(b, idf) for b in left_bags]
    right_vectors = [_weighted(b, idf) for b in right_bags]

    candidates = []
    for i, lv in enumerate(left_vectors):
        if len(left_bags[i]) < MIN_CONTENT_WORDS:
            continue
        for j, rv in enumerate(right_vectors):
            if len(right_bags[j]) < MIN_CONTENT_WORDS:
                continue
            score = _cosine(lv, rv)
            if score >= threshold:
                candidates.append((score, i, j))
    # Greedy one-to-one matching, best pairs first.
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs = []
    for score, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        (ls, le), (rs, re_) = left_spans[i], right_spans[j]
        pairs.append(Alignment(ls, le, rs, re_, "similar", round(score, 4)))
    return pairs


def _idf(bags: list[Counter]) -> dict[str, float]:
    documents = Counter(word for bag in bags for word in bag)
    total = len(bags) or 1
    return {word: math.log(1 + total / count) for word, count in documents.items()}


def _weighted(bag: Counter, idf: dict[str, float]) -> dict[str, float]:
    return {word: (1 + math.log(count)) * idf[word] for word, count in bag.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(weight * b[word] for word, weight in a.items() if word in b)
    if not dot:
        return 0.0
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm

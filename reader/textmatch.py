"""Where the words of a search query occur in an article, for highlighting.

Matches go by the index's own analyzer (stems), so a query for "strikes" marks
"strike" and "striking" in the article just as the search matched them. Field
queries (person:, source:, date: ...) and operators are filters, not words to mark.

Speed matters here (a long article opens in well under 100 ms): the search's own
matcher (``reader.library.passages.matched_spans``) stems only the words that
start like a query term.
"""

from __future__ import annotations

from functools import lru_cache

from reader.library.passages import PASSAGE_CHARS, matched_spans
from reader.library.query import plain_words
from reader.library.schema import text_analyzer

_analyzer = text_analyzer()


@lru_cache(maxsize=256)
def query_terms(query: str) -> frozenset[str]:
    """The stems the words of ``query`` analyse to (stop words dropped)."""
    return frozenset(token.text for word in plain_words(query) for token in _analyzer(word))


def query_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Character spans in ``text`` of every word that matches a word of ``query``."""
    return matched_spans(text, query_terms(query))


def best_match_offset(text: str, query: str) -> int | None:
    """The first match of the passage (``PASSAGE_CHARS`` long) holding the most
    matches of ``query``: where the reader opens a search hit. None: no match."""
    spans = query_matches(text, query)
    best_count, best_start = 0, None
    last = 0
    for first, (start, _) in enumerate(spans):
        last = max(last, first)
        while last + 1 < len(spans) and spans[last + 1][0] < start + PASSAGE_CHARS:
            last += 1
        if last - first + 1 > best_count:
            best_count, best_start = last - first + 1, start
    return best_start


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Case-insensitive literal occurrences of ``needle`` (find in article)."""
    needle = needle.strip()
    if not needle:
        return []
    haystack = text.casefold()
    wanted = needle.casefold()
    if len(haystack) != len(text):  # casefold changed lengths (ß -> ss): stay exact
        haystack, wanted = text.lower(), needle.lower()
        if len(haystack) != len(text):
            haystack, wanted = text, needle
    spans = []
    start = haystack.find(wanted)
    while start != -1:
        spans.append((start, start + len(wanted)))
        start = haystack.find(wanted, start + len(wanted))
    return spans

"""Where the words of a search query occur in an article, for highlighting.

Matches go by the index's own analyzer (stems), so a query for "strikes" marks
"strike" and "striking" in the article just as the search matched them. Field
queries (person:, source:, date: ...) and operators are filters, not words to mark.
A quoted phrase is marked where its words stand in a row, as the search matched it,
not word by word.

Speed matters here (a long article opens in well under 100 ms): the search's own
matcher (``reader.library.passages.matched_spans``) stems only the words that
start like a query term.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.library.passages import PASSAGE_CHARS, Phrase, matched_spans
from reader.library.query import plain_words
from reader.library.schema import text_analyzer

_analyzer = text_analyzer()
# Quoted words: a phrase of the text, or with a field name the value of that field.
_QUOTED = re.compile(r'(\w+:)?"([^"]*)"')


@lru_cache(maxsize=256)
def query_terms(query: str) -> frozenset[str]:
    """The stems the words of ``query`` outside its phrases analyse to (stop words dropped)."""
    return frozenset(token.text for word in plain_words(_QUOTED.sub(" ", query)) for token in _analyzer(word))


@lru_cache(maxsize=256)
def query_phrases(query: str) -> frozenset[Phrase]:
    """The phrases of ``query``, each as the stems of its words in order."""
    phrases = (
        tuple(token.text for token in _analyzer(m.group(2)))
        for m in _QUOTED.finditer(query)
        if not m.group(1)
    )
    return frozenset(phrase for phrase in phrases if phrase)


def query_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Character spans in ``text`` of every word that matches a word of ``query``,
    and of every place the words of one of its phrases stand in a row."""
    return matched_spans(text, query_terms(query), phrases=query_phrases(query))


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

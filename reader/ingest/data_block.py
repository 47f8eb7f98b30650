"""The body of an article that has few or no sentences: an earnings or price table.

Wire items such as "Shr 96 cts vs 79 cts / Net 1.2 mln vs 1.0 mln / Revs 12.4 mln
vs 10.1 mln" are fragments, not running text, so the body search of
``reader.ingest.body_region`` (which needs a paragraph of running text) finds
nothing, or only the one-sentence note under the table. This module is its
fallback: the contiguous run of lines with the highest total score where, besides
running text, a fragment that carries figures ("data line") counts by its length,
and everything else costs a little, as in the main search. A navigation menu, a
list of headlines (title case, or with their dates) or a comment form holds no data
lines, so a page of them still has no article.
"""

from __future__ import annotations

import re

from reader.ingest.body_region import (
    forget_words_behind,
    headline_shape,
    is_caption_line,
    is_text,
    max_scoring_run,
)
from reader.ingest.boilerplate import BAD, META, SHORT, LineInfo

_DIGIT = re.compile(r"\d")
_MIN_DATA_WORDS = 3  # "Shr 96 cts": shorter fragments are menu items and counters
_FRAGMENT_COST = -0.5
_ROW_WITHOUT_FIGURES_COST = -0.1
_PENALTY = {BAD: -2.0, META: -0.5}
_MIN_ROWS = 2  # a run without table rows is prose, which the main search judges


def is_data_line(info: LineInfo) -> bool:
    """A table row: a fragment holding figures, not shaped like a headline or a credit.
    A row may repeat ("Avg shrs 11.4 mln vs 11.6 mln" for the quarter and the year), so
    a line that is furniture only because it repeats still counts."""
    return (
        (info.kind == SHORT or (info.kind == BAD and info.reason is None))
        and info.words >= _MIN_DATA_WORDS
        and not info.caption
        and _DIGIT.search(info.text) is not None
        and not headline_shape(info)
    )


def _score(info: LineInfo) -> float:
    if is_text(info) or is_data_line(info):
        return min(info.words, 60) / 10
    if info.kind == SHORT and info.words >= _MIN_DATA_WORDS and not headline_shape(info):
        return _ROW_WITHOUT_FIGURES_COST  # "Shr nil vs same" inside a table
    return _PENALTY.get(info.kind, _FRAGMENT_COST)


def data_region(infos: list[LineInfo], first: int = 0) -> tuple[int, int] | None:
    """Indices (inclusive) of the best run of text and data lines from ``first`` on,
    or None when it holds fewer than two data lines."""
    best = max_scoring_run(infos, first, _score)
    if best is None:
        return None
    start, end = best
    rows = sum(1 for i in range(start, end + 1) if is_data_line(infos[i]))
    return best if rows >= _MIN_ROWS else None


def data_lines(infos: list[LineInfo], start: int, end: int) -> list[LineInfo]:
    """Text and data lines of the region, and the fragments between them (rows without
    figures such as "Shr nil vs same", a crosshead), but not one-word menu items nor
    picture captions."""
    kept: list[LineInfo] = []
    words_of: dict[int, frozenset[str]] = {}
    for index in range(start, end + 1):
        forget_words_behind(words_of, index)
        info = infos[index]
        if is_caption_line(infos, index, words_of):
            continue
        if _score(info) > 0 or (info.kind == SHORT and info.words >= 2 and not info.caption):
            kept.append(info)
    return kept

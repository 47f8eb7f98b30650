"""Where a hit matched: best passages (character offsets into the body) and a snippet.

The body is re-analysed with the index's own analyzer, so a query for "strikes"
marks "strike", "striking" and "struck"-less stems alike, exactly as the index
matched them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from reader.letters import WORD_CLASS, WORD_RUN
from reader.library.schema import UNSPACED as _UNSPACED
from reader.library.schema import analysed_word, analysed_words, is_english, is_stop_word

SNIPPET_MARK = "**"
PASSAGE_CHARS = 240  # a hit's passage, and where the reader opens an article
_CONTEXT_CHARS = 70
_WORD_START = re.compile(rf"(?<![{WORD_CLASS}*])[\w*]")
_WORD_END = re.compile(rf"[{WORD_CLASS}*](?![{WORD_CLASS}*])")
_GAP_WORD = WORD_RUN


@dataclass(frozen=True, slots=True)
class Passage:
    start: int
    end: int
    marks: tuple[tuple[int, int], ...]  # matched terms, offsets into the body

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "marks": [list(m) for m in self.marks]}


# A quoted phrase, as its terms in order (stop words dropped, as the index drops them).
Phrase = tuple[str, ...]


def matched_spans(
    text: str, terms: frozenset[str], language: str | None = None, phrases: frozenset[Phrase] = frozenset()
) -> list[tuple[int, int]]:
    """Every place in ``text`` where a word analyses to one of ``terms``, and where
    the words of one of ``phrases`` stand in a row (one span for the phrase)."""
    found = _with_phrases(text, terms, phrases, language)
    return list(_merged((start, end) for start, end, _ in found))


def _with_phrases(
    text: str, terms: frozenset[str], phrases: frozenset[Phrase], language: str | None
) -> list[tuple[int, int, str]]:
    """The matches of ``terms``, and one match per place the words of a phrase stand
    in a row: a phrase's words elsewhere did not make the article match."""
    phrases = frozenset(p for p in phrases if p)
    if not phrases:
        return _matches(text, terms, language)
    words = _matches(text, terms.union(*phrases), language)
    found = [word for word in words if word[2] in terms]
    for first in range(len(words)):
        for phrase in phrases:
            if _stands_in_a_row(text, words[first : first + len(phrase)], phrase, language):
                found.append((words[first][0], words[first + len(phrase) - 1][1], " ".join(phrase)))
    return sorted(found)


def _stands_in_a_row(
    text: str, run: list[tuple[int, int, str]], phrase: Phrase, language: str | None
) -> bool:
    return (
        len(run) == len(phrase)
        and all(word[2] == term for word, term in zip(run, phrase, strict=True))
        and all(_only_stop_words(text[a[1] : b[0]], language) for a, b in pairwise(run))
    )


def _only_stop_words(gap: str, language: str | None) -> bool:
    # The index drops stop words and closes the gap they leave ("rule of law" is
    # the phrase "rule law"), so only stop words may stand between a phrase's words.
    return all(is_stop_word(word, language) for word in _GAP_WORD.findall(gap))


def _matches(text: str, terms: frozenset[str], language: str | None) -> list[tuple[int, int, str]]:
    if not terms or not text:
        return []
    if _UNSPACED.search(text):  # CJK pairs: analyse it all (rare, and short texts)
        return [word for word in analysed_words(text, language) if word[2] in terms]
    # Only words that start like a term can analyse to one (analysers change the
    # ends of words, never the first letters): a regex finds those at C speed and
    # only they go through the analyser.
    found = []
    for match in _candidates(terms, is_english(language)).finditer(text):
        term = analysed_word(match.group(), language)
        if term in terms:
            found.append((match.start(), match.end(), term))
    return found


@lru_cache(maxsize=256)
def _candidates(terms: frozenset[str], english: bool) -> re.Pattern[str]:
    """Whole words (as the index's tokenizer cuts them) that start like a term."""
    starts = {_prefix(term) if english else term for term in terms}
    alternatives = "|".join(sorted((re.escape(s) for s in starts), key=len, reverse=True))
    word = f"[{WORD_CLASS}*]"
    return re.compile(rf"(?<!{word})(?<!{word}\.)(?:{alternatives}){word}*(?:\.{word}+)*", re.IGNORECASE)


def _prefix(term: str) -> str:
    # Porter stemming may rewrite the last letters of a short word ("sky" -> "ski").
    return term if len(term) < 2 else term[: min(len(term) - 1, 3)]


def best_passages(
    text: str,
    terms: frozenset[str],
    language: str | None = None,
    top: int = 3,
    phrases: frozenset[Phrase] = frozenset(),
) -> list[Passage]:
    """Up to ``top`` passages with the most matched words (more different terms
    first, then the earlier), in reading order. A passage runs from about
    ``_CONTEXT_CHARS`` before a match to as many after the last match that fits in
    ``PASSAGE_CHARS``, cut at word boundaries. A phrase counts where its words
    stand in a row, as one match."""
    matches = _with_phrases(text, terms, phrases, language)
    groups: list[list[tuple[int, int, str]]] = []
    opening = 0
    for match in matches:
        if groups and match[1] - opening <= PASSAGE_CHARS:
            groups[-1].append(match)
        else:
            groups.append([match])
            opening = _word_start_after(text, max(0, match[0] - _CONTEXT_CHARS), match[0])
    scored = sorted(groups, key=lambda g: (len(g) * len({term for _, _, term in g}), -g[0][0]), reverse=True)[
        :top
    ]
    passages = []
    for group in sorted(scored, key=lambda g: g[0][0]):
        start = _word_start_after(text, max(0, group[0][0] - _CONTEXT_CHARS), group[0][0])
        end = _word_end_before(text, min(len(text), group[-1][1] + _CONTEXT_CHARS), group[-1][1])
        passages.append(Passage(start, end, _merged((a, b) for a, b, _ in group)))
    return passages


def _word_start_after(text: str, position: int, limit: int) -> int:
    """The first word start at or after ``position`` (``limit`` if none before it)."""
    found = _WORD_START.search(text, position, limit)
    return found.start() if found else limit


def _word_end_before(text: str, position: int, limit: int) -> int:
    """The last word end at or before ``position`` (``limit`` if none after it)."""
    end = limit
    for found in _WORD_END.finditer(text, limit, position):
        end = found.end()
    return end


def _merged(spans) -> tuple[tuple[int, int], ...]:
    """Overlapping marks as one (CJK character pairs overlap by a character)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def snippet(text: str, passage: Passage | None, fallback_chars: int = 200) -> str:
    """The passage as one line, matched terms between ``**``; the opening of the text
    when nothing matched in the body (a title-only or field-only match)."""
    if passage is None:
        opening = " ".join(text[:fallback_chars].split())
        return opening + ("…" if len(text) > fallback_chars else "")
    pieces = []
    cursor = passage.start
    for start, end in passage.marks:
        pieces.append(text[cursor:start])
        pieces.append(f"{SNIPPET_MARK}{text[start:end]}{SNIPPET_MARK}")
        cursor = end
    pieces.append(text[cursor : passage.end])
    line = " ".join("".join(pieces).split())
    if passage.start > 0:
        line = "…" + line
    if passage.end < len(text):
        line = line + "…"
    return line

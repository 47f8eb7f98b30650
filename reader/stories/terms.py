"""What an article is about, as a set of terms: the people, organisations and places
it names and the content words of its headline, its lead and what it repeats.

Terms depend on the article alone (and on the library-wide name of each person),
never on the rest of the library: that is what keeps grouping independent of the
order articles were added (see :mod:`reader.stories.grouping`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from whoosh.lang.porter import stem

from reader.compare import STOP_WORDS, content_words
from reader.ingest.metadata import parse_iso_datetime

LEAD_PARAGRAPHS = 2
# Entity kinds as term prefixes; a word's prefix is "w".
KINDS = {"PERSON": "p", "ORG": "o", "PLACE": "l"}
# How much a shared term of each kind says about two articles reporting one event:
# a person or an organisation more than a place or a word.
KIND_WEIGHTS = {"p": 2.0, "o": 2.0, "l": 1.0, "w": 1.0}
# Ordinary words (in the entity finder's list of common English words) say less
# than unusual ones ("de-confliction", "airstrikes").
COMMON_WORD_WEIGHT = 0.5


def article_terms(
    title: str, body: str, names: Iterable[tuple[str, str]], paragraphs: list[str] | None = None
) -> set[str]:
    """``"p:Vladimir Putin"``, ``"w:airstrik"``…: the entity names (label, canonical
    name) and the stems of the headline, of the first paragraphs and of words the
    body uses at least twice."""
    names = [(label, name) for label, name in names if label in KINDS]
    terms = {f"{KINDS[label]}:{name}" for label, name in names}
    words: set[str] = set(_stems(title))
    counts: Counter[str] = Counter()
    for number, paragraph in enumerate(body.split("\n\n")):
        stems = _stems(paragraph)
        counts.update(stems)
        if number < LEAD_PARAGRAPHS:
            words.update(stems)
    words.update(word for word, count in counts.items() if count >= 2)
    # The words of a name are already counted by the name ("Sergei Lavrov" once,
    # not three times with "sergei" and "lavrov").
    words.difference_update(word for _, name in names for word in _stems(name))
    terms.update(f"w:{word}" for word in words if not word.isdigit())
    return terms


_WORD = re.compile(r"\w+(?:'\w+)?")


def _stems(text: str) -> list[str]:
    """What :func:`reader.compare.content_words` gives, with the stems cached (this
    runs over every article of the library)."""
    return [
        found for found in map(_word_stem, _WORD.findall(text.replace("’", "'").lower())) if found is not None
    ]


@lru_cache(maxsize=200_000)
def _word_stem(word: str) -> str | None:
    """The stem of a word, None for a word that carries no meaning; cached whole (a
    call per word instead of four tests and a call)."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 2 or word in STOP_WORDS or word.isdigit():
        return None
    return stem(word)


@lru_cache(maxsize=200_000)  # asked for each term of each article, and in every link
def term_weight(term: str) -> float:
    kind, _, text = term.partition(":")
    weight = KIND_WEIGHTS.get(kind, 1.0)
    if kind == "w" and text in _common_stems():
        weight *= COMMON_WORD_WEIGHT
    return weight


@lru_cache(maxsize=1)
def _common_stems() -> frozenset[str]:
    from reader.entities import lexicon

    return frozenset(stem for word in lexicon.common_words() for stem in content_words(word))


def day_number(iso: str | None) -> int | None:
    """The article's date as a day count (for time windows); None when undated."""
    parsed = parse_iso_datetime(iso)
    return date(parsed.year, parsed.month, parsed.day).toordinal() if parsed else None

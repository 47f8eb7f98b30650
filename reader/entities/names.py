"""How person names compare: keys, nicknames and the preferred written form."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

from reader.entities.lexicon import fold
from reader.entities.patterns import NAME_INITIAL as INITIAL

_PARTICLES = frozenset("de du da di del della dos das do van von der den la le bin ibn y al el bint".split())
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|ar|at|an|az|ud|ul)-", re.IGNORECASE)


def words(name: str) -> list[str]:
    return name.split()


@lru_cache(maxsize=1 << 16)
def core_tokens(name: str) -> tuple[str, ...]:
    """Name words without particles and initials: "Vladimir V. Putin" -> Vladimir, Putin."""
    return tuple(w for w in words(name) if w.lower() not in _PARTICLES and not INITIAL.match(w))


@lru_cache(maxsize=1 << 16)
def surname_key(token: str) -> str:
    """ "al-Assad", "Assad" and "Al-Assad" share one key."""
    return _ARTICLE_PREFIX.sub("", fold(token))


def given_key(token: str) -> str:
    return fold(token)


@lru_cache(maxsize=1 << 16)
def person_key(name: str) -> tuple[str, str] | None:
    core = core_tokens(name)
    if len(core) < 2:
        return None
    return given_key(core[0]), surname_key(core[-1])


def same_given(a: str, b: str) -> bool:
    """ "Ash" and "Ashton" are one given name; "Asma" and "Bashar" are not."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 3 and long.startswith(short)


def initials(name: str) -> tuple[str, ...]:
    """The middle initials written in a name: "George H. W. Bush" -> ("H", "W")."""
    return tuple(w.replace(".", "") for w in words(name)[1:-1] if INITIAL.match(w))


def display(name: str) -> str:
    """The form to show: a middle initial keeps its period ("George W Bush" ->
    "George W. Bush"), so a name written with and without it reads the same."""
    parts = words(name)
    if len(parts) <= 2:
        return " ".join(parts)  # "Klaus\nKinkel", a name wrapped across lines
    kept = [parts[0]] + [p + "." if len(p) == 1 and p.isupper() else p for p in parts[1:-1]] + [parts[-1]]
    return " ".join(kept)


def preferred(forms: Counter[str] | Iterable[str]) -> str:
    """The canonical form among a person's full names.

    Plain first-and-last forms win over forms with middle names ("Bashar al-Assad" over
    "Bashar Hafez al-Assad") and over forms with a middle initial when the person is
    also written without it ("Vladimir Putin" over "Vladimir V. Putin"; "Andrew J.
    Tabler", never written otherwise, keeps it); then the most frequent, then the
    longest ("Bashar al-Assad" over "Bashar Assad"), then alphabetical order, so the
    choice never depends on order.
    """
    counts = forms if isinstance(forms, Counter) else Counter(forms)
    shown: Counter[str] = Counter()
    for form, count in counts.items():
        shown[display(form)] += count

    def rank(form: str) -> tuple[int, int, int, int, str]:
        middle = len(core_tokens(form)) - 2
        return (max(middle, 0), len(initials(form)), -shown[form], -len(form), form)

    return min(shown, key=rank)


@cache
def _nicknames() -> dict[str, str]:
    """Given name -> the formal name it stands for ("bob" -> "robert")."""
    from reader.entities.lexicon import _read_list

    table: dict[str, str] = {}
    for line in _read_list("nicknames.txt"):
        formal, _, short = line.partition("=")
        for nickname in short.split("|"):
            if nickname.strip():
                # A nickname of several names ("Chris") stands for the first listed.
                table.setdefault(fold(nickname.strip()), fold(formal.strip()))
    return table


def formal_given(given: str) -> str:
    """ "jim" and "jimmy" -> "james": the name nicknames are compared by."""
    return _nicknames().get(given, given)


def bare_name_words(words: list[str]) -> list[str]:
    """The words a user typed for a person (lower case, as the index splits them)
    without titles and possessive: "Mr. Putin" and "President Putin's" -> putin.
    A title alone stays as typed ("general")."""
    from reader.entities.lexicon import word_set

    leading = {w.lower() for w in word_set("titles.txt") | word_set("honorifics.txt")}
    bare = list(words)
    while len(bare) > 1 and bare[0] in leading:
        bare = bare[1:]
    if len(bare) > 1 and bare[-1] == "s":  # "putin's" is split into putin, s
        bare = bare[:-1]
    return bare

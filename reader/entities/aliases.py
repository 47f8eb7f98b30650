"""One name per person across the whole library.

``extract`` names people canonically within one text. Across texts, a lone surname
("Obama" in an article that never writes "Barack") and variants of one full name
("Bashar Assad", "Bashar al-Assad"; "Ash Carter", "Ashton Carter") must meet too. The
index feeds every article's person names to a ``PersonRegistry`` and then asks it for
the library-wide name:

    registry = PersonRegistry()
    for mentions in per_article_mentions:
        registry.add_mentions(mentions)
    registry.canonical("Obama")        # -> "Barack Obama" when that is the only Obama
    resolve_library(per_article_mentions)  # the same, rewriting the mentions' names
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from reader.entities import names
from reader.entities.mention import Mention

# A lone surname shared by several people goes to one of them only when that one has
# at least this share of the mentions (and a few mentions at all).
_DOMINANT_SHARE = 0.8
_DOMINANT_MIN = 3


class _Person:
    __slots__ = ("forms", "given", "surname")

    def __init__(self, given: str, surname: str) -> None:
        self.given = given
        self.surname = surname
        self.forms: Counter[str] = Counter()


class PersonRegistry:
    """Full person names seen anywhere in the library, grouped by person."""

    def __init__(self) -> None:
        self._people: list[_Person] = []
        self._by_surname: dict[str, list[_Person]] = {}
        self._cache: dict[str, str] = {}

    def add(self, name: str, count: int = 1) -> None:
        """Record a person's name (canonical within its article). Lone names are ignored here:
        they are what gets resolved."""
        key = names.person_key(name)
        if key is None:
            return
        given, surname = key
        candidates = self._by_surname.setdefault(surname, [])
        person = next((p for p in candidates if p.given == given), None)
        if person is None:
            person = next((p for p in candidates if names.same_given(p.given, given)), None)
        if person is None:
            person = _Person(given, surname)
            candidates.append(person)
            self._people.append(person)
        person.forms[name] += count
        self._cache.clear()

    def add_mentions(self, mentions: Iterable[Mention]) -> None:
        for mention in mentions:
            if mention.label == "PERSON":
                self.add(mention.name)

    def canonical(self, name: str) -> str:
        """The library-wide name for ``name``; ``name`` itself when nothing fits unambiguously."""
        cached = self._cache.get(name)
        if cached is not None:
            return cached
        result = self._lookup(name)
        self._cache[name] = result
        return result

    def people(self) -> list[str]:
        """Every person's canonical full name, sorted."""
        return sorted(names.preferred(p.forms) for p in self._people)

    def _lookup(self, name: str) -> str:
        key = names.person_key(name)
        if key is not None:
            given, surname = key
            same = [p for p in self._by_surname.get(surname, ()) if names.same_given(p.given, given)]
            exact = [p for p in same if p.given == given]
            matches = exact or same
            return names.preferred(matches[0].forms) if len(matches) == 1 else name
        core = names.core_tokens(name)
        if len(core) != 1:
            return name
        people = self._by_surname.get(names.surname_key(core[0]), [])
        if len(people) == 1:
            return names.preferred(people[0].forms)
        if people:
            # "Assad" when the library names Bashar al-Assad hundreds of times and his wife
            # a few: the surname alone means the one the library is about.
            counts = sorted(((sum(p.forms.values()), names.preferred(p.forms)) for p in people), reverse=True)
            total = sum(count for count, _ in counts)
            top, top_name = counts[0]
            if top >= _DOMINANT_MIN and top >= _DOMINANT_SHARE * total:
                return top_name
        return name


def resolve_library(per_article_mentions: Sequence[Sequence[Mention]]) -> list[list[Mention]]:
    """Rewrite every PERSON mention's name to its library-wide canonical name."""
    registry = PersonRegistry()
    for mentions in per_article_mentions:
        registry.add_mentions(mentions)
    resolved: list[list[Mention]] = []
    for mentions in per_article_mentions:
        resolved.append(
            [replace(m, name=registry.canonical(m.name)) if m.label == "PERSON" else m for m in mentions]
        )
    return resolved

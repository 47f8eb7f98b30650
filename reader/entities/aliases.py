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
from collections.abc import Iterable, Mapping, Sequence
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

    def name(self, written: str | None = None) -> str:
        """The person's canonical name; for ``written`` with middle initials when the
        library names two people apart by them ("George W. Bush", "George H. W.
        Bush"), the one those initials (or their absence) name."""
        variants = {names.initials(form) for form in self.forms} - {()}
        if len(variants) < 2:
            return names.preferred(self.forms)
        if written is None:
            top = max(self.forms, key=lambda f: (self.forms[f], f))
            written = top
        mine = names.initials(written)
        return names.preferred(Counter({f: c for f, c in self.forms.items() if names.initials(f) == mine}))

    def mentions(self) -> int:
        return sum(self.forms.values())


class PersonRegistry:
    """Full person names seen anywhere in the library, grouped by person."""

    def __init__(self) -> None:
        self._people: list[_Person] = []
        self._by_surname: dict[str, list[_Person]] = {}
        self._cache: dict[str, str] = {}
        self._joined = True

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
        self._joined = False

    def add_mentions(self, mentions: Iterable[Mention]) -> None:
        for mention in mentions:
            if mention.label == "PERSON":
                self.add(mention.name)

    def canonical(self, name: str) -> str:
        """The library-wide name for ``name``; ``name`` itself when nothing fits unambiguously."""
        if not self._joined:
            self._join_nicknames()
        cached = self._cache.get(name)
        if cached is not None:
            return cached
        result = self._lookup(name)
        self._cache[name] = result
        return result

    def people(self) -> list[str]:
        """Every person's canonical full name, sorted."""
        if not self._joined:
            self._join_nicknames()
        found = {p.name(form) for p in self._people for form in p.forms}
        return sorted(found)

    def _join_nicknames(self) -> None:
        """ "Jim Wright" and "James Wright", "Bob Dole" and "Robert Dole": one person when
        the surname has no other person whose given name is the same formal name."""
        for surname, people in self._by_surname.items():
            by_formal: dict[str, list[_Person]] = {}
            for person in people:
                by_formal.setdefault(names.formal_given(person.given), []).append(person)
            for group in by_formal.values():
                if len(group) < 2:
                    continue
                group.sort(key=lambda p: (-p.mentions(), p.given))
                keeper = group[0]
                for other in group[1:]:
                    keeper.forms.update(other.forms)
                    people.remove(other)
                    self._people.remove(other)
            self._by_surname[surname] = people
        self._cache.clear()
        self._joined = True

    def _lookup(self, name: str) -> str:
        key = names.person_key(name)
        if key is not None:
            given, surname = key
            formal = names.formal_given(given)
            same = [
                p
                for p in self._by_surname.get(surname, ())
                if names.same_given(p.given, given) or names.formal_given(p.given) == formal
            ]
            exact = [p for p in same if p.given == given]
            matches = exact or same
            return matches[0].name(name) if len(matches) == 1 else name
        core = names.core_tokens(name)
        if len(core) != 1:
            return name
        people = self._by_surname.get(names.surname_key(core[0]), [])
        if len(people) == 1:
            return people[0].name()
        if people:
            # "Assad" when the library names Bashar al-Assad hundreds of times and his wife
            # a few: the surname alone means the one the library is about.
            counts = sorted(((p.mentions(), p.name()) for p in people), reverse=True)
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


def unknown_lone_names(canonical: Mapping[str, str], titled: set[str]) -> set[str]:
    """Lone names ("Heineken", "Carlsberg") that no full person name of the library
    explains and that no title ever introduced: before "said" a company is as likely
    as a person. "President Suharto" and "Wenger" (of "Arsene Wenger") stay."""
    return {
        name
        for name, library_wide in canonical.items()
        if library_wide == name and len(names.core_tokens(name)) == 1 and name not in titled
    }


def mostly_things(people: Mapping[str, int], things: Mapping[str, int]) -> set[str]:
    """Person names the library names more often as organisations or places: "Dean
    Witter" (of "Dean Witter Reynolds Inc"), "Phelps" (of "Phelps Dodge Corp").

    ``people`` counts the mentions of each library-wide person name; ``things`` the
    mentions of each organisation and place name. A name counts against a person when
    it is the whole or the first words of an organisation's or a place's name.
    """
    leading: Counter[str] = Counter()
    for name, count in things.items():
        parts = name.split()
        for size in range(1, len(parts) + 1):
            leading[" ".join(parts[:size])] += count
    return {name for name, count in people.items() if name and leading.get(name, 0) > count}

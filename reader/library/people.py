"""People in the library: canonical names, how often they appear, who appears with
whom, and the aliases a query may use for them."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from reader.library.schema import name_analyzer
from reader.library.store import Store

_tokenize = name_analyzer()


def name_words(name: str) -> list[str]:
    """A name as the index sees it: lower-case words."""
    return [token.text for token in _tokenize(name)]


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    articles: int
    cooccurring: tuple[tuple[str, int], ...] = field(default=())

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "articles": self.articles,
            "cooccurring": [{"name": n, "articles": c} for n, c in self.cooccurring],
        }


class PeopleDirectory:
    """Resolves what a user types for a person to the canonical names in the library.

    "putin", "Vladimir Putin" and a surface form seen in an article ("President Putin")
    all lead to "Vladimir Putin". A word shared by several people ("kerry" for John
    Kerry and Kerry Washington) leads to all of them.
    """

    def __init__(self, canonical: list[tuple[str, int]], surface_forms: list[tuple[str, str]]):
        self.counts = dict(canonical)
        self._words = {name: name_words(name) for name in self.counts}
        self._by_surface: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for text, name in surface_forms:
            self._by_surface[tuple(name_words(text))].add(name)

    @classmethod
    def from_store(cls, store: Store) -> PeopleDirectory:
        return cls(store.names("PERSON"), store.surface_forms("PERSON"))

    def resolve(self, words: list[str]) -> list[list[str]]:
        wanted = [w.lower() for w in words]
        names = set(self._by_surface.get(tuple(wanted), ()))
        names.update(n for n, ws in self._words.items() if _contains_run(ws, wanted))
        ranked = sorted(names, key=lambda n: (-self.counts.get(n, 0), n))
        return [self._words.get(n) or name_words(n) for n in ranked]


def _contains_run(words: list[str], run: list[str]) -> bool:
    size = len(run)
    return any(words[i : i + size] == run for i in range(len(words) - size + 1))


def refresh_canonical_names(store: Store) -> list[str]:
    """Recompute every person's library-wide name after the library changed; returns
    the ids of the articles to re-index because one of their people changed name."""
    from reader.entities import PersonRegistry

    registry = PersonRegistry()
    raw = store.raw_person_names()
    for name, count in raw:
        registry.add(name, count)
    wanted = {name: registry.canonical(name) for name, _ in raw}
    wanted = {name: canonical for name, canonical in wanted.items() if canonical != name}
    current = store.person_canonical()
    changes = {name: canonical for name, canonical in wanted.items() if current.get(name) != canonical}
    forgotten = [name for name in current if name not in wanted]
    return store.set_person_canonical(changes, forgotten)


def list_people(store: Store, limit: int | None = None, with_cooccurring: int = 5) -> list[Person]:
    people = store.names("PERSON")
    if limit is not None:
        people = people[:limit]
    # One pass over the articles' names: a query per person scans the resolved
    # mentions once each, which took seconds on a library of thousands of people.
    wanted = {name for name, _ in people}
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for names in store.names_by_article("PERSON"):
        for name in names:
            if name in wanted:
                together[name].update(other for other in names if other != name)
    return [Person(name, count, _most_frequent(together[name], with_cooccurring)) for name, count in people]


def _most_frequent(counts: Counter[str], limit: int) -> tuple[tuple[str, int], ...]:
    """Most articles first, then by name, so ties list the same way every time."""
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit])

"""People in the library: each one an identity with a canonical name and aliases.

An identity is what ``person:``, ``--person``, the reader's person filter and the
side panel mean by a person. Its canonical name is the library-wide name every
mention of it carries in the store (``resolved_mentions``); its aliases are the
names and surface forms seen for it in articles ("Putin", "Mr. Putin"'s "Putin",
"Vladimir V. Putin"). What a user types resolves to one identity:

    directory = PeopleDirectory.from_store(store)
    match = directory.identify("blair")
    match.person.name      # "Tony Blair", the most mentioned one with that word
    match.note()           # "blair: Tony Blair (157); also Blair Pickerell (1)"

The user's corrections (merge, split, rename, not a person) are kept in the store
apart from everything derived and applied whenever library-wide names are worked
out, so they survive ``rebuild``, re-adding and a new cleaner.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from reader.entities import bare_name_words
from reader.library.schema import name_words
from reader.library.store import Store

CORRECTIONS = ("merge", "split", "rename", "not-a-person")


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


@dataclass(frozen=True, slots=True)
class PersonIdentity:
    """One person of the library: the canonical name, the number of articles naming
    them and every other form seen for them, most frequent first."""

    name: str
    articles: int
    aliases: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"name": self.name, "articles": self.articles, "aliases": list(self.aliases)}


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """What a typed name means: the most mentioned identity it fits, and the others."""

    query: str
    person: PersonIdentity | None
    others: tuple[PersonIdentity, ...] = ()

    def note(self) -> str:
        """ "blair: Tony Blair (157); also Blair Pickerell (1)"."""
        if self.person is None:
            return f"{self.query}: no such person in the library"
        note = f"{self.query}: {self.person.name} ({self.person.articles})"
        if self.others:
            shown = ", ".join(f"{p.name} ({p.articles})" for p in self.others[:5])
            more = f" and {len(self.others) - 5} more" if len(self.others) > 5 else ""
            note += f"; also {shown}{more}"
        return note


@dataclass(frozen=True, slots=True)
class PersonCorrection:
    id: int
    action: str  # one of CORRECTIONS
    name: str
    other: str = ""

    def describe(self) -> str:
        if self.action == "merge":
            return f"{self.other} merged into {self.name}"
        if self.action == "split":
            return f"{self.other} split from {self.name}"
        if self.action == "rename":
            return f"{self.name} renamed {self.other}"
        return f"{self.name} marked as no person"


class PeopleDirectory:
    """Resolves what a user types for a person to one identity of the library.

    "putin", "Vladimir Putin", "Mr. Putin", "putin's" and a surface form seen in an
    article ("Vladimir V. Putin") all lead to Vladimir Putin. A word several people
    share leads to the most mentioned of them; the others are named in the match,
    never searched together.
    """

    def __init__(
        self,
        canonical: list[tuple[str, int]],
        surface_forms: list[tuple[str, str]],
        raw_names: dict[str, str] | None = None,
    ):
        self.counts = dict(canonical)
        self._words = {name: tuple(name_words(name)) for name in self.counts}
        self._by_words: dict[tuple[str, ...], set[str]] = defaultdict(set)
        aliases: dict[str, Counter[str]] = defaultdict(Counter)
        for name, words in self._words.items():
            self._by_words[words].add(name)
        for text, name in surface_forms:
            if name in self.counts:
                self._by_words[tuple(name_words(text))].add(name)
                if text != name:
                    aliases[name][text] += 1
        for raw, name in (raw_names or {}).items():
            if name in self.counts:
                self._by_words[tuple(name_words(raw))].add(name)
                if raw != name:
                    aliases[name][raw] += 1
        self._aliases = {
            name: tuple(sorted(forms, key=lambda f: (-forms[f], f))) for name, forms in aliases.items()
        }

    @classmethod
    def from_store(cls, store: Store) -> PeopleDirectory:
        return cls(store.names("PERSON"), store.surface_forms("PERSON"), store.person_canonical())

    def identity(self, name: str) -> PersonIdentity:
        return PersonIdentity(name, self.counts.get(name, 0), self._aliases.get(name, ()))

    def identify(self, text: str) -> PersonMatch:
        """The identity ``text`` means (any alias, any word of a name, titles and a
        possessive ignored), with the other people it could mean."""
        names = self._candidates(name_words(text))
        ranked = sorted(names, key=lambda n: (-self.counts.get(n, 0), n))
        if not ranked:
            return PersonMatch(text, None)
        return PersonMatch(text, self.identity(ranked[0]), tuple(self.identity(n) for n in ranked[1:]))

    def resolve(self, words: list[str]) -> list[list[str]]:
        """The index words of the one identity ``words`` mean (empty when none):
        the query layer's person resolver."""
        names = self._candidates(words)
        if not names:
            return []
        best = min(names, key=lambda n: (-self.counts.get(n, 0), n))
        return [list(self._words[best])]

    def _candidates(self, words: list[str]) -> set[str]:
        wanted = tuple(bare_name_words([w.lower() for w in words]))
        if not wanted:
            return set()
        # A full canonical name means that person alone; anything else (a surname, a
        # first name, an alias) means everyone it fits, the most mentioned first.
        named = {name for name in self._by_words.get(wanted, ()) if self._words[name] == wanted}
        if named:
            return named
        found: set[str] = set()
        for alias_words, names in self._by_words.items():
            if _contains_run(alias_words, wanted):
                found.update(names)
        return found


def _contains_run(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    size = len(run)
    return any(words[i : i + size] == run for i in range(len(words) - size + 1))


def corrections(store: Store) -> list[PersonCorrection]:
    return [PersonCorrection(*row) for row in store.person_corrections()]


def refresh_canonical_names(store: Store) -> list[str]:
    """Recompute every person's library-wide name after the library or the user's
    corrections changed; returns the ids of the articles to re-index because one of
    their people changed name."""
    from reader.entities import PersonRegistry, mostly_things, unknown_lone_names

    registry = PersonRegistry()
    raw = store.raw_person_names()
    for name, count in raw:
        registry.add(name, count)
    library_wide = {name: registry.canonical(name) for name, _ in raw}
    mentions: Counter[str] = Counter()
    for name, count in raw:
        mentions[library_wide[name]] += count
    # No person: names of organisations and places, and lone names nothing explains.
    things = mostly_things(mentions, store.thing_names()) | unknown_lone_names(
        library_wide, store.titled_person_names()
    )
    library_wide = {
        name: "" if canonical in things else canonical for name, canonical in library_wide.items()
    }
    wanted = apply_corrections(library_wide, corrections(store))
    wanted = {name: canonical for name, canonical in wanted.items() if canonical != name}
    current = store.person_canonical()
    changes = {name: canonical for name, canonical in wanted.items() if current.get(name) != canonical}
    forgotten = [name for name in current if name not in wanted]
    return store.set_person_canonical(changes, forgotten)


def apply_corrections(canonical: dict[str, str], made: list[PersonCorrection]) -> dict[str, str]:
    """Per-article name -> library-wide name, with the user's corrections applied in
    the order they were made. '' marks a name that is no person. Names are compared
    by their index words, so "Bob dole" in a correction means "Bob Dole"."""
    mapping = dict(canonical)
    for correction in made:
        target = tuple(name_words(correction.name))
        members = [raw for raw, name in mapping.items() if tuple(name_words(name)) == target]
        members += [raw for raw in mapping if tuple(name_words(raw)) == target and raw not in members]
        if correction.action == "not-a-person":
            for raw in members:
                mapping[raw] = ""
        elif correction.action == "rename":
            for raw in members:
                mapping[raw] = correction.other
        elif correction.action == "merge":
            into = next((mapping[raw] for raw in members if mapping[raw]), correction.name)
            joining = tuple(name_words(correction.other))
            for raw, name in list(mapping.items()):
                if tuple(name_words(name)) == joining or tuple(name_words(raw)) == joining:
                    mapping[raw] = into
        elif correction.action == "split":
            leaving = tuple(name_words(correction.other))
            for raw in members:
                if tuple(name_words(raw)) == leaving:
                    mapping[raw] = correction.other
    return mapping


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

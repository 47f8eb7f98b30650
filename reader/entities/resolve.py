"""Second pass over one text: make each name's label agree across the text, link short
forms to full names ("Putin" -> "Vladimir Putin"), and give every mention its canonical name."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from reader.entities import lexicon, names
from reader.entities.finder import CONTEXT, CUE, FIRST_NAME, PLACE_WEAK, TITLE, Candidate, is_ordinary
from reader.entities.mention import LABELS, Label, Mention

# The finder's labels are strings from its word lists; a mention's is one of three.
_LABEL: dict[str, Label] = {label: label for label in LABELS}


class _Person:
    """One person in this text: the full names seen for them."""

    __slots__ = ("count", "first_seen", "forms", "given", "surname")

    def __init__(self, given: str, surname: str, first_seen: int) -> None:
        self.forms: Counter[str] = Counter()
        self.given = given
        self.surname = surname
        self.count = 0
        self.first_seen = first_seen


def resolve(candidates: list[Candidate], text: str) -> list[Mention]:
    _block_works(candidates)
    _restore_sentence_starts(candidates, text)
    _agree_labels(candidates)
    people = _people(candidates)
    org_aliases = _organisation_aliases(candidates)
    matched: dict[int, _Person] = {}
    alone_at = _single_word_positions(candidates) if people else {}  # (read only to link to a person)
    for index, candidate in enumerate(candidates):
        if candidate.blocked:
            continue
        # "Cyclops noted ..." after "Cyclops Corp said ...": the company, not a person;
        # but "Lorenz said" is Edward Lorenz where the text names him before a "Lorenz
        # Center" (a short form means what the text first named in full).
        if (
            candidate.label == "PERSON"
            and candidate.strength < CUE
            and not candidate.role
            and candidate.text in org_aliases
            and not _named_person_first(candidate, people, org_aliases)
        ):
            candidate.label, candidate.strength = "ORG", CUE
            continue
        # (A text that names no person in full has no one to link a short form to.)
        if people and (
            candidate.label in (None, "PERSON")
            or (candidate.label == "PLACE" and candidate.strength <= PLACE_WEAK)
            or (candidate.label == "ORG" and candidate.strength <= FIRST_NAME)
            # "Itar-Tass news agency Yeltsin": one context cue makes no organisation of
            # a surname the text gives a person ("Boris Yeltsin").
            or (candidate.label == "ORG" and candidate.strength <= CONTEXT and len(candidate.tokens) == 1)
            or candidate.role
        ):
            person = _match_person(candidate, people)
            if person is not None and not candidate.role and _used_before(candidate, person, alone_at):
                person = None
            if person is not None:
                candidate.label, candidate.strength = "PERSON", max(candidate.strength, CUE)
                matched[index] = person
        if candidate.label is None and candidate.text in org_aliases:
            candidate.label, candidate.strength = "ORG", CUE
    _propagate_in_lists(candidates, text)
    _employers(candidates, text)
    mentions: list[Mention] = []
    aliases = lexicon.name_aliases()
    # A person's forms are all known by now: their name is chosen once, not per mention.
    preferred = {person: names.preferred(person.forms) for person in people}
    for index, candidate in enumerate(candidates):
        label = candidate.label
        if label is None:
            continue
        if label == "PERSON":
            person = matched.get(index)
            if person is None and _ordinary_word_alone(candidate):
                continue
            name = preferred[person] if person is not None else names.display(candidate.text)
            mentions.append(
                Mention(candidate.start, candidate.end, "PERSON", name, candidate.text, candidate.role)
            )
        else:
            name = aliases.get(candidate.text, candidate.text)
            mentions.append(Mention(candidate.start, candidate.end, _LABEL[label], name, candidate.text))
    mentions.sort(key=lambda m: m.start)
    return mentions


_LIST_GLUE = re.compile(r"(?:,|,? and|,? or|,? &)[ \u00a0]+")


_OF_BETWEEN = re.compile(r" of (?:the )?")


def _employers(candidates: list[Candidate], text: str) -> None:
    """ "David Crossen of Sanford C. Bernstein": a person "of" a name works there."""
    for previous, candidate in itertools.pairwise(candidates):
        if (
            previous.label == "PERSON"
            and candidate.label == "PERSON"
            and candidate.strength <= FIRST_NAME
            and not candidate.role
            and _OF_BETWEEN.fullmatch(text, previous.end, candidate.start)
        ):
            candidate.label, candidate.strength = "ORG", CUE


def _propagate_in_lists(candidates: list[Candidate], text: str) -> None:
    """In "Kerry, Lavrov and de Mistura" or "Germany, France and Italy" the members share a label."""
    for group in _lists_of_names(candidates, text):
        labels = {c.label for c in group if c.label is not None and c.strength >= CUE}
        if len(labels) != 1:
            continue
        label = labels.pop()
        for candidate in group:
            if candidate.label is None and not candidate.sentence_start and not candidate.blocked:
                candidate.label, candidate.strength = label, CUE - 1


def _lists_of_names(candidates: list[Candidate], text: str) -> list[list[Candidate]]:
    """Runs of names joined by commas and closed by "and"/"or": "A, B and C"."""
    lists: list[list[Candidate]] = []
    current: list[Candidate] = []
    for candidate in candidates:
        glue = _LIST_GLUE.fullmatch(text, current[-1].end, candidate.start) if current else None
        if glue is None:
            current = [candidate]
            continue
        current.append(candidate)
        if glue.group().strip(" ,\u00a0"):  # "and", "or", "&": the list ends here
            lists.append(current)
            current = []
    return lists


def _block_works(candidates: list[Candidate]) -> None:
    """ "the film Vera Drake ... an Oscar for Vera Drake": a name read once as a work's
    is no person anywhere in the text, unless a title says so."""
    works = {c.text for c in candidates if c.work}
    if not works:
        return
    for candidate in candidates:
        if candidate.text in works and not candidate.role and candidate.strength < CONTEXT:
            candidate.blocked = True
            candidate.label = None


def _restore_sentence_starts(candidates: list[Candidate], text: str) -> None:
    """ "Ban Ki-moon said ..." opening a sentence lost "Ban" as an ordinary word; the text
    naming "Ban Ki-moon" elsewhere gives it back."""
    full_names = {c.text for c in candidates if c.label == "PERSON" and len(c.tokens) >= 2}
    for candidate in candidates:
        if candidate.extend_from is None:
            continue
        longer = text[candidate.extend_from : candidate.end]
        if longer in full_names:
            candidate.start, candidate.text = candidate.extend_from, longer
            candidate.tokens = tuple(longer.split())
            candidate.label, candidate.strength = "PERSON", max(candidate.strength, CUE)


def _agree_labels(candidates: list[Candidate]) -> None:
    """A name read surely once ("the town of Khan Sheikhoun") is read so everywhere."""
    best: dict[str, tuple[int, str]] = {}
    for candidate in candidates:
        if candidate.label is None:
            continue
        current = best.get(candidate.text)
        if current is None or candidate.strength > current[0]:
            best[candidate.text] = (candidate.strength, candidate.label)
    for candidate in candidates:
        if candidate.role or candidate.blocked:
            continue
        found = best.get(candidate.text)
        if found is None:
            continue
        strength, label = found
        if candidate.label is None:
            # An unread repetition takes the reading only when it was sure.
            if strength >= CONTEXT or label == "PERSON":
                candidate.label, candidate.strength = label, strength
        elif label != candidate.label and strength > candidate.strength:
            candidate.label, candidate.strength = label, strength


def _people(candidates: list[Candidate]) -> list[_Person]:
    people: list[_Person] = []
    by_key: dict[tuple[str, str], _Person] = {}
    for candidate in candidates:
        if candidate.label != "PERSON":
            continue
        key = names.person_key(candidate.text)
        if key is None:
            continue
        person = by_key.get(key)
        if person is None:
            for other in people:
                if other.surname == key[1] and names.same_given(other.given, key[0]):
                    person = other
                    break
        if person is None:
            person = _Person(key[0], key[1], candidate.start)
            people.append(person)
        by_key[key] = person
        person.forms[candidate.text] += 1
        person.count += 1
    return people


def _ordinary_word_alone(candidate: Candidate) -> bool:
    """One ordinary word, no title before it and no full name to stand for ("Currency
    dealers said", "Bondholders' committees"): in news, no person is called so."""
    if len(candidate.tokens) != 1 or candidate.role or candidate.strength >= TITLE:
        return False  # "Mr Pound": a form of address makes a name of any word
    word = candidate.tokens[0]
    # ("Bill", "Mark" or "Grace" alone is a given name: "Bill" of "Bill Long told reporters")
    return is_ordinary(word) and word.lower() not in lexicon.first_names()


# A word used alone this often before a person is named in full names something else:
# "Firefox" thirty times, then a citation's "Gay Firefox developers boycott ..." (a
# surname comes after the full name, or once before it, in a headline).
_ALONE_BEFORE = 3


def _single_word_positions(candidates: list[Candidate]) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for candidate in candidates:
        if len(candidate.tokens) == 1:
            positions.setdefault(candidate.text, []).append(candidate.start)
    return positions


def _used_before(candidate: Candidate, person: _Person, alone_at: dict[str, list[int]]) -> bool:
    """The candidate's word stands alone often before ``person`` is named."""
    if len(candidate.tokens) != 1:
        return False
    return sum(1 for start in alone_at.get(candidate.text, ()) if start < person.first_seen) >= _ALONE_BEFORE


def _match_person(candidate: Candidate, people: list[_Person]) -> _Person | None:
    key = names.person_key(candidate.text)
    if key is not None:
        for person in people:
            if person.surname == key[1] and names.same_given(person.given, key[0]):
                return person
        return None
    core = names.core_tokens(candidate.text)
    if len(core) != 1:
        return None
    token = core[0]
    surname = names.surname_key(token)
    matches = [p for p in people if p.surname == surname]
    if not matches:
        # A first name alone ("his wife, Asma") links when one person has it.
        if candidate.label is None and candidate.sentence_start and token.lower() in lexicon.common_words():
            return None
        given = names.given_key(token)
        matches = [p for p in people if p.given == given]
        if len(matches) != 1:
            return None
    # Several people share the surname ("Assad"): the one the text names most.
    return min(matches, key=lambda p: (-p.count, p.first_seen))


def _named_person_first(candidate: Candidate, people: list[_Person], org_aliases: dict[str, int]) -> bool:
    person = _match_person(candidate, people)
    return person is not None and person.first_seen < org_aliases[candidate.text]


def _organisation_aliases(candidates: list[Candidate]) -> dict[str, int]:
    """Short forms of organisations named in full ("Nusra" after "Nusra Front"), with
    where the text first names the organisation."""
    suffixes = lexicon.word_set("org_suffixes.txt")
    demonyms = lexicon.word_set("demonyms.txt")
    aliases: dict[str, int] = {}
    for candidate in candidates:
        if candidate.label != "ORG" or len(candidate.tokens) < 2:
            continue
        head = [t for t in candidate.tokens if t not in suffixes]
        if head and head[0] not in demonyms and head[0] not in lexicon.places():
            aliases.setdefault(" ".join(head), candidate.start)
            aliases.setdefault(head[0], candidate.start)
        # "AC Milan", "FC Porto": the club is called by its last word.
        if len(candidate.tokens) == 2 and len(candidate.tokens[0]) <= 3 and candidate.tokens[0].isupper():
            aliases.setdefault(candidate.tokens[1], candidate.start)
    return aliases


__all__ = ["CUE", "resolve"]

"""The same quote in several articles: which quotes repeat each other's words, and
where two versions of one quote differ (a word changed, a sentence cut).

Quotes are compared by their words (case, punctuation and curly or straight
apostrophes aside): two quotes are the same when most of the four-word runs of the
shorter one are in the longer one, so a quote cut short or with one word changed
still joins the full version, or when they share a run and most of their words in
order (two translations of one remark: "It is one thing obviously to be targeting
Isil" and "It's one thing to be targeting Isil, but …").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

RUN = 4  # words in a run
SHARED = 0.5  # share of the shorter quote's runs the longer one must hold
ALIKE = 0.6  # or: share of their words in order (difflib's ratio), with one run shared

_WORD = re.compile(r"\w+(?:['’]\w+)*")

SAME = "same"
ADDED = "added"
REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class Change:
    """A piece of a quote as another article has it: ``same`` words, words ``added``
    there, or words of the first version ``removed`` there."""

    kind: str
    text: str


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _key(word: str) -> str:
    return word.lower().replace("’", "'")


def _runs(text: str) -> set[tuple[str, ...]]:
    words = [_key(m.group()) for m in _WORD.finditer(text)]
    if len(words) < RUN:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def group_same(texts: Sequence[str]) -> list[list[int]]:
    """The indices of ``texts`` grouped by quote, each group in the order given and
    the groups in the order of their first member."""
    runs = [_runs(text) for text in texts]
    keys: list[list[str] | None] = [None] * len(texts)

    def words_of(i: int) -> list[str]:
        found = keys[i]
        if found is None:
            found = keys[i] = [_key(m.group()) for m in _WORD.finditer(texts[i])]
        return found

    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holders: dict[tuple[str, ...], list[int]] = {}
    for index, own in enumerate(runs):
        shared: dict[int, int] = {}
        for run in own:
            for other in holders.get(run, ()):
                shared[other] = shared.get(other, 0) + 1
            holders.setdefault(run, []).append(index)
        for other, count in shared.items():
            if root(index) == root(other):
                continue
            if count >= SHARED * min(len(own), len(runs[other])) or _alike(words_of(index), words_of(other)):
                parent[root(index)] = root(other)
    groups: dict[int, list[int]] = {}
    for index in range(len(texts)):
        groups.setdefault(root(index), []).append(index)
    return sorted(groups.values(), key=lambda g: g[0])


def _alike(a: list[str], b: list[str]) -> bool:
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return matcher.quick_ratio() >= ALIKE and matcher.ratio() >= ALIKE


def differences(first: str, other: str) -> tuple[Change, ...]:
    """``other`` as a series of changes against ``first``; empty when both have the
    same words."""
    a, b = _words(first), _words(other)
    matcher = difflib.SequenceMatcher(
        a=[_key(m.group()) for m in a], b=[_key(m.group()) for m in b], autojunk=False
    )
    if matcher.ratio() == 1.0:
        return ()
    changes: list[Change] = []

    def add(kind: str, text: str) -> None:
        if not text:
            return
        if changes and changes[-1].kind == kind:
            changes[-1] = Change(kind, changes[-1].text + text)
        else:
            changes.append(Change(kind, text))

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "delete"):
            if changes and not changes[-1].text[-1:].isspace():
                add(SAME, " ")
            add(REMOVED, first[a[i1].start() : a[i2 - 1].end()])
            if j1 < len(b):
                add(SAME, " ")
        if j1 < j2:
            end = b[j2].start() if j2 < len(b) else len(other)
            add(SAME if op == "equal" else ADDED, other[b[j1].start() : b[j2 - 1].end()])
            add(SAME, other[b[j2 - 1].end() : end])
    return tuple(changes)

"""Word-by-word differences between two versions of one text (copies): a changed
number, a dropped sentence, a softened quote. Offsets are into each text, so both
sides can be marked where they differ."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\S+")
_SAME_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@dataclass(frozen=True, slots=True)
class Difference:
    kind: str  # "changed" | "deleted" (only on the left) | "added" (only on the right)
    left_start: int
    left_end: int
    right_start: int
    right_end: int

    @property
    def left_span(self) -> tuple[int, int]:
        return self.left_start, self.left_end

    @property
    def right_span(self) -> tuple[int, int]:
        return self.right_start, self.right_end

    def flipped(self) -> Difference:
        kind = {"deleted": "added", "added": "deleted"}.get(self.kind, self.kind)
        return Difference(kind, self.right_start, self.right_end, self.left_start, self.left_end)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().translate(_SAME_QUOTES), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def word_differences(left: str, right: str) -> list[Difference]:
    """Where ``left`` and ``right`` differ, word by word (quote styles and white
    space do not count). An empty span on one side marks where the other side's
    words are missing."""
    a, b = _tokens(left), _tokens(right)
    matcher = SequenceMatcher(None, [t[0] for t in a], [t[0] for t in b], autojunk=False)
    found = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        left_start, left_end = _span(a, i1, i2, len(left))
        right_start, right_end = _span(b, j1, j2, len(right))
        kind = {"replace": "changed", "delete": "deleted", "insert": "added"}[op]
        found.append(Difference(kind, left_start, left_end, right_start, right_end))
    return found


def _span(tokens: list[tuple[str, int, int]], first: int, last: int, length: int) -> tuple[int, int]:
    if first < last:
        return tokens[first][1], tokens[last - 1][2]
    # Nothing on this side: an empty span where the other side's words would be.
    at = tokens[first][1] if first < len(tokens) else length
    return at, at


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred "
    "thousand million billion half quarter".split()
)


def only_figures_differ(left: str, right: str) -> bool:
    """Whether the two texts are the same words but for two or more numbers changed
    for others: one template filled in with new figures (a daily market operation,
    a monthly estimate), not one text reprinted. Word by word in place: a word
    added, dropped or changed that is not a number makes them something else."""
    left_words = _normal(left).split()
    right_words = _normal(right).split()
    if len(left_words) != len(right_words):
        return False
    changed = 0
    for one, other in zip(left_words, right_words):
        if one != other:
            if not (_FIGURE(one) and _FIGURE(other)):
                return False
            changed += 1
    return changed >= 2


def _normal(text: str) -> str:
    return text.translate(_SAME_QUOTES)


# A word that is a number: digits anywhere in it ("1,250", "6-1/8", "4.75%") or a
# number word, with the punctuation around it.
_FIGURE = re.compile(r"[^\s\w]*(?:\S*\d\S*|(?i:" + "|".join(sorted(_NUMBER_WORDS)) + r"))[^\s\w]*").fullmatch

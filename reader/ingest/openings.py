"""Many patterns tried at the start of a line, written as one alternation that Python's
re can skip by the line's first character.

re tries the branches of an alternation one after the other. It passes over a branch
that opens with a literal character or a class the text does not start with at the
cost of one comparison, but enters every other branch: one that opens with an optional
part, a repeat or a group costs a try on every line. Comparisons add up too: a line
that opens none of three hundred openings makes three hundred of them. So the branches
are rewritten to open with a character or a class ("(?:the )?foo" as "the foo" and
"foo", "(?:a|b)c" as "ac" and "bc", "\\d+" as "\\d\\d*") and those opening with the same
one gathered under it ("a(?:c|...)"): a line is then compared with a few dozen first
characters and tries the branches of its own. The rewriting keeps what each branch
matches; a branch whose opening it cannot read (a lookaround, "." or "\\b" first) is
kept as it is, tried on every line. The result is for ``match``: whether some pattern
matches at the start of a text (which one, and where its match ends, may differ).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise

# A quantifier on the first atom: ?, *, +, {m}, {m,}, {m,n}; lazy and possessive ones
# are left alone (the branch is kept as it is).
_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(?:(,)(\d*))?\}")
# The atoms a branch can open with, which re skips cheaply: a literal character, an
# escaped one, a class in brackets, \d, \s, \w and their negations; not these escapes
# (zero-width, or longer than one character after the backslash), nor special characters.
_ZERO_WIDTH_ESCAPES = frozenset("AbBZ")
_SPECIAL = frozenset("^$.|?*+{}()[]\\")


def by_first_character(patterns: Iterable[str]) -> str:
    """One pattern that matches at the start of a text where one of ``patterns``
    does, its branches gathered by their first character or class. The patterns
    must use no named groups, backreferences or flags after their start."""
    gathered: dict[str, list[str]] = {}
    unread: list[str] = []
    for pattern in patterns:
        for atom, rest in (pair for branch in _split(pattern) for pair in _openings(branch)):
            if atom is None:
                unread.append(rest)
            else:
                gathered.setdefault(atom, []).append(rest)
    branches = [f"{atom}(?:{'|'.join(rests)})" for atom, rests in gathered.items()]
    return "|".join([*branches, *(f"(?:{branch})" for branch in unread)])


def _openings(branch: str) -> list[tuple[str | None, str]]:
    """``branch`` as branches that each open with an atom: (atom, what follows it);
    (None, branch) for one whose opening cannot be read."""
    # ("^" holds wherever a branch starts here: at the start of the text)
    branch = branch.lstrip("^")
    if branch.startswith("(?:"):
        parts, end = _group(branch)
        after = branch[end + 1 :]
        found = _QUANTIFIER.match(after)
        if found is None:
            return _gathered(parts, after)
        if found.group() == "?" and after[1:2] not in ("?", "+"):
            return _gathered(parts, after[1:]) + _openings(after[1:])
        return [(None, branch)]
    size = _atom_size(branch)
    if size == 0:
        return [(None, branch)]
    atom, after = branch[:size], branch[size:]
    found = _QUANTIFIER.match(after)
    if found is None:
        return [(atom, after)]
    rest = after[found.end() :]
    if rest[:1] in ("?", "+"):  # lazy or possessive
        return [(None, branch)]
    quantifier = found.group()
    if quantifier == "?":
        return [(atom, rest), *_openings(rest)]
    if quantifier == "*":
        return [(atom, f"{atom}*{rest}"), *_openings(rest)]
    if quantifier == "+":
        return [(atom, f"{atom}*{rest}")]
    low = int(found[1] or 0)
    if low == 0:
        return [(None, branch)]
    high = found[3] if found[2] else found[1]  # "{m,}" leaves it open, "{m}" is "{m,m}"
    high = "" if high == "" else str(int(high) - 1)
    return [(atom, f"{atom}{{{low - 1},{high}}}{rest}")]


def _gathered(parts: list[str], after: str) -> list[tuple[str | None, str]]:
    """The openings of "(?:part|part...)after", those of the parts with the same atom
    sharing one copy of ``after``."""
    rests: dict[str | None, list[str]] = {}
    for part in parts:
        for atom, rest in _openings(part):
            rests.setdefault(atom, []).append(rest)
    found: list[tuple[str | None, str]] = []
    for atom, parts in rests.items():
        if atom is None:
            found += [(None, f"(?:{part}){after}") for part in parts]
        else:
            found.append((atom, f"(?:{'|'.join(parts)}){after}" if len(parts) > 1 else parts[0] + after))
    return found


def _atom_size(text: str) -> int:
    """Length of the one-character atom that opens ``text``; 0 for any other opening."""
    first = text[:1]
    if first == "\\":
        escaped = text[1:2]
        if escaped in _ZERO_WIDTH_ESCAPES or escaped.isdigit() or escaped in ("", "N", "u", "U", "x"):
            return 0
        return 2
    if first == "[":
        return _class_end(text, 0) + 1
    if first == "" or first in _SPECIAL:
        return 0
    return 1


def _class_end(text: str, start: int) -> int:
    """Index of the "]" closing the class that opens at ``start``."""
    index = start + 1
    index += text[index : index + 1] == "^"
    index += text[index : index + 1] == "]"  # a "]" first is a member
    while text[index] != "]":
        index += 2 if text[index] == "\\" else 1
    return index


# What _scan reads a pattern by: an escape, a class (a "]" right after its "[" or "[^"
# is a member), a parenthesis or a bar.
_TOKEN = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]", re.DOTALL)


def _scan(text: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth of groups around it) of each parenthesis and bar of
    ``text`` from ``start`` that is neither escaped nor in a class."""
    depth = 0
    for token in _TOKEN.finditer(text, start):
        char = token.group()
        if char == ")":
            depth -= 1
        if char in "(|)":
            yield token.start(), char, depth
        if char == "(":
            depth += 1


def _group(text: str) -> tuple[list[str], int]:
    """The branches of the group that opens ``text`` ("(?:"), and the index of the ")"
    closing it, from one reading."""
    bars = []
    for index, char, depth in _scan(text):
        if char == "|" and depth == 1:
            bars.append(index)
        elif char == ")" and depth == 0:
            bounds = [2, *bars, index]
            return [text[low + 1 : high] for low, high in pairwise(bounds)], index
    raise ValueError(f"unbalanced group: {text}")


def _split(text: str) -> list[str]:
    """The top-level branches of ``text``."""
    bars = [index for index, char, depth in _scan(text) if char == "|" and depth == 0]
    return [text[low + 1 : high] for low, high in pairwise([-1, *bars, len(text)])]

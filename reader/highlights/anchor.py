"""Find a highlighted passage again in an article whose text may have changed.

A highlight remembers its offsets, the exact quote and some text on either side.
When the article is re-cleaned (a better cleaner keeps an extra paragraph, drops a
caption, straightens quotes) the offsets go stale; the quote and its context find
the passage again. Only when nothing matches is the highlight "orphaned": it is
kept, never deleted, and shown as such.
"""

from __future__ import annotations

import bisect
import re

CONTEXT_CHARS = 32

Span = tuple[int, int]

# Characters a cleaner may have exchanged for one another.
_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
_SPACES = re.compile(r"\s+")


def context_of(body: str, start: int, end: int, size: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The text just before and just after a passage (what re-anchoring compares)."""
    return body[max(0, start - size) : start], body[end : end + size]


def anchor(
    body: str,
    quote: str,
    start_hint: int,
    prefix: str = "",
    suffix: str = "",
) -> Span | None:
    """Where ``quote`` is in ``body`` now.

    1. at ``start_hint`` if the body still has the quote and its context there;
    2. else the occurrence whose surroundings best match ``prefix``/``suffix``
       (the nearest to the old offset among equals);
    3. else the same, comparing texts with quotes, dashes and white space folded;
    4. else None.
    """
    if not quote:
        return None
    if (
        start_hint >= 0
        and body[start_hint : start_hint + len(quote)] == quote
        and _context_score(body, start_hint, len(quote), prefix, suffix) == len(prefix) + len(suffix)
    ):
        return start_hint, start_hint + len(quote)
    # Not untouched: maybe the text moved, maybe a copy of the quote (a standfirst
    # repeating the lead) now sits where the passage was. Context decides.
    found = _best_occurrence(body, quote, start_hint, prefix, suffix)
    if found is not None:
        return found, found + len(quote)
    return _anchor_folded(body, quote, start_hint, prefix, suffix)


def occurrences(body: str, quote: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``quote``."""
    starts: list[int] = []
    if not quote:
        return starts
    position = body.find(quote)
    while position >= 0:
        starts.append(position)
        position = body.find(quote, position + 1)
    return starts


def _best_occurrence(body: str, quote: str, start_hint: int, prefix: str, suffix: str) -> int | None:
    starts = occurrences(body, quote)
    if not starts:
        return None
    return max(
        starts, key=lambda s: (_context_score(body, s, len(quote), prefix, suffix), -abs(s - start_hint))
    )


def _context_score(body: str, start: int, size: int, prefix: str, suffix: str) -> int:
    """How many characters of the remembered context surround ``body[start:start+size]``."""
    before = _common_suffix(body[max(0, start - len(prefix)) : start], prefix)
    after = _common_prefix(body[start + size : start + size + len(suffix)], suffix)
    return before + after


def _anchor_folded(body: str, quote: str, start_hint: int, prefix: str, suffix: str) -> Span | None:
    folded_quote = _fold(quote)[0].strip()
    if not folded_quote:
        return None
    folded_body, positions = _fold(body)
    # The hint and the context move into folded coordinates as well as they can.
    folded_hint = _folded_index(positions, start_hint)
    start = _best_occurrence(folded_body, folded_quote, folded_hint, _fold(prefix)[0], _fold(suffix)[0])
    if start is None:
        return None
    end = start + len(folded_quote)
    return positions[start], positions[end - 1] + 1


def _fold(text: str) -> tuple[str, list[int]]:
    """``text`` with look-alike characters unified and white-space runs collapsed to
    one space, and for each folded character the offset it came from."""
    folded: list[str] = []
    positions: list[int] = []
    translated = text.translate(_FOLD)
    index = 0
    for match in _SPACES.finditer(translated):
        for offset in range(index, match.start()):
            folded.append(translated[offset])
            positions.append(offset)
        folded.append(" ")
        positions.append(match.start())
        index = match.end()
    for offset in range(index, len(translated)):
        folded.append(translated[offset])
        positions.append(offset)
    return "".join(folded), positions


def _folded_index(positions: list[int], offset: int) -> int:
    return bisect.bisect_left(positions, offset)


def _common_prefix(a: str, b: str) -> int:
    size = 0
    for x, y in zip(a, b):
        if x != y:
            break
        size += 1
    return size


def _common_suffix(a: str, b: str) -> int:
    size = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        size += 1
    return size


def find_quote(body: str, quote: str) -> list[Span]:
    """Every place ``quote`` (as a user typed it) is in ``body``: exact matches if
    there are any, else matches with quotes, dashes and white space folded, so
    ``"Russia's"`` finds ``Russia’s``. Surrounding white space of the quote is ignored."""
    quote = quote.strip()
    if not quote:
        return []
    exact = [(s, s + len(quote)) for s in occurrences(body, quote)]
    if exact:
        return exact
    folded_quote = _fold(quote)[0]
    folded_body, positions = _fold(body)
    return [
        (positions[s], positions[s + len(folded_quote) - 1] + 1)
        for s in occurrences(folded_body, folded_quote)
    ]

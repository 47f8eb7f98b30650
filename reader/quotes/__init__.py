"""Who said what: the quotations of an article and their speakers.

``find_quotes(body, mentions)`` reads a cleaned article body and its entity mentions
(``reader.entities.extract``) and returns :class:`Quote` records with offsets into
the body; the library stores them with the article. ``group_same_quotes`` finds the
same quote in several articles and marks where their words differ.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.quotes.model import CONTINUED, NAMED, PRONOUN, UNNAMED, MentionLike, Quote

if TYPE_CHECKING:
    from reader.quotes.finder import find_quotes

__all__ = ["CONTINUED", "NAMED", "PRONOUN", "UNNAMED", "MentionLike", "Quote", "find_quotes"]


def __getattr__(name: str) -> Any:
    # The finder and its tables load on first use: whoever only reads stored quotes
    # (the library, the reader's start-up) never needs them.
    if name == "find_quotes":
        from reader.quotes.finder import find_quotes

        globals()[name] = find_quotes
        return find_quotes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

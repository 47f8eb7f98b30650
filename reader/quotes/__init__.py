"""Who said what: the quotations of an article and their speakers.

``find_quotes(body, mentions)`` reads a cleaned article body and its entity mentions
(``reader.entities.extract``) and returns :class:`Quote` records with offsets into
the body; the library stores them with the article. ``group_same_quotes`` finds the
same quote in several articles and marks where their words differ.
"""

from __future__ import annotations

from reader.quotes.finder import find_quotes
from reader.quotes.model import CONTINUED, NAMED, PRONOUN, UNNAMED, MentionLike, Quote

__all__ = ["CONTINUED", "NAMED", "PRONOUN", "UNNAMED", "MentionLike", "Quote", "find_quotes"]

"""What the library keeps about each article, beside the Article itself."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from reader.model import Article
from reader.quotes import Quote


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """One entity mention: character offsets into the article body, canonical name."""

    start: int
    end: int
    label: str  # "PERSON" | "ORG" | "PLACE"
    name: str  # canonical name, e.g. "Vladimir Putin"
    text: str  # the surface form in the body, e.g. "Putin"
    role: str | None = None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    article: Article
    entities: tuple[EntitySpan, ...] = ()
    quotes: tuple[Quote, ...] = ()  # in the order of the body

    def speaker(self, quote: Quote) -> EntitySpan | None:
        """The entity mention naming the speaker of ``quote`` (None: not named). The
        quote keeps only where that mention starts, so the speaker carries whatever
        name the library gives the mention (its library-wide canonical name)."""
        if quote.speaker_at is None:
            return None
        return next((span for span in self.entities if span.start == quote.speaker_at), None)

    def speakers(self) -> list[str]:
        """Distinct names of everyone quoted (people, organisations, countries), in
        order of first quote."""
        seen: dict[str, None] = {}
        for quote in self.quotes:
            span = self.speaker(quote)
            if span is not None:
                seen.setdefault(span.name, None)
        return list(seen)

    def names(self, label: str) -> list[str]:
        """Distinct canonical names with ``label``, in order of first mention."""
        seen: dict[str, None] = {}
        for span in self.entities:
            if span.label == label:
                seen.setdefault(span.name, None)
        return list(seen)


def article_id(path: str, part: int) -> str:
    """A stable short id: the same file and story position always give the same id."""
    return hashlib.sha1(os.fsencode(path) + f"\0{part}".encode()).hexdigest()[:12]

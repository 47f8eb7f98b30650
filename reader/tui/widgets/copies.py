"""Copies in the search results: the copies of one text (the same page saved twice,
a wire story in several outlets) are listed once, at the best-ranked of them, with
"also in: Arab Today, Albawaba (2 copies)"; a key expands them below it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.ingest.sanitize import terminal_safe
from reader.library import outlet_of

if TYPE_CHECKING:
    from reader.library import SearchHit, StoredArticle


@dataclass(frozen=True, slots=True)
class ListedHit:
    hit: SearchHit
    copies: tuple[SearchHit, ...]  # the other copies (found by the search or not)
    also_in: str  # "also in: Arab Today, Albawaba (2 copies)", or ""


def listed_hits(hits: tuple[SearchHit, ...], copies: dict[str, list[StoredArticle]]) -> list[ListedHit]:
    """One entry per text: each hit that is not a copy of a better-ranked one."""
    by_id = {hit.id: hit for hit in hits}
    seen: set[str] = set()
    listed = []
    for hit in hits:
        if hit.id in seen:
            continue
        others = copies.get(hit.id, [])
        seen.add(hit.id)
        seen.update(other.id for other in others)
        listed.append(ListedHit(hit, tuple(by_id.get(o.id) or _as_hit(o) for o in others), _also_in(others)))
    return listed


def _also_in(others: list[StoredArticle]) -> str:
    if not others:
        return ""
    outlets = ", ".join(dict.fromkeys(terminal_safe(outlet_of(o), one_line=True) for o in others))
    count = len(others)
    return f"also in: {outlets} ({count} cop{'y' if count == 1 else 'ies'})"


def _as_hit(stored: StoredArticle) -> SearchHit:
    """A copy the search did not return, listed like a hit (no snippet)."""
    from reader.library import SearchHit  # loaded with the library, after the first screen

    article = stored.article
    return SearchHit(
        stored.id, article.path, article.part, article.title, article.source, article.date, 0.0, (), "", ()
    )

"""The TUI's one door to the library: opens it, and runs each call under one lock.

Calls come from thread workers; the lock keeps two of them (a search while an
article loads) from sharing the Whoosh searcher at the same moment. The UI thread
never calls in here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

# The library (Whoosh, the store) loads in open(), in a worker, while the first
# screen is drawn (start-up).
if TYPE_CHECKING:
    from reader.export import MarkdownExport
    from reader.highlights import Highlight, UndoneChange
    from reader.library import (
        ArticleHighlights,
        Coverage,
        Library,
        PersonQuotes,
        PlacedHighlight,
        ProgressCallback,
        QuotedPerson,
        QuoteHit,
        RelatedPiece,
        SearchResults,
        StoredArticle,
        Story,
    )

log = logging.getLogger("news_reader.tui")

BROWSE_QUERY = "*"  # every article: the list shown before anything is typed


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """What the search screen asks for; results carry it back so stale ones are dropped."""

    text: str
    person: str = ""
    source: str = ""
    date: str = ""
    sort: str = "relevance"
    limit: int = 50  # hits per page: more load as the list is scrolled
    unread: bool = False  # only articles not read yet

    @property
    def browsing(self) -> bool:
        return not (self.text.strip() or self.person.strip() or self.source.strip() or self.date.strip())


class LibraryService:
    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = folder
        self._library: Library | None = None
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._library is not None

    def open(
        self, progress: ProgressCallback | None = None, on_wait: Callable[[str], None] | None = None
    ) -> Library:
        """Open the library; ``progress`` hears how indexing goes when opening it
        means indexing (the seeds of a new library, an index to rebuild)."""
        from reader.library import Library

        with self._lock:
            if self._library is None:
                started = time.perf_counter()
                self._library = Library.open(self.folder, progress=progress, on_wait=on_wait)
                log.info("library %s open in %.2f s", self._library.folder, time.perf_counter() - started)
                # The reader is open and idle: a good time to merge the index's
                # segments (in a process of its own; readers never wait for it).
                self._library.merge_in_background()
            return self._library

    def close(self) -> None:
        with self._lock:
            if self._library is not None:
                self._library.close()
                self._library = None

    def _lib(self) -> Library:
        if self._library is None:
            raise RuntimeError("the library is not open yet")
        return self._library

    def search(
        self, request: SearchRequest, offset: int = 0, cancelled: Callable[[], bool] | None = None
    ) -> SearchResults:
        """A page of hits from ``offset``; raises SearchCancelled once ``cancelled()``
        (a newer search) turns true, so that the older one's work stops."""
        with self._lock:
            sort = "date" if request.browsing else request.sort
            text = request.text.strip()
            if request.browsing:
                text = BROWSE_QUERY
            return self._lib().search(
                text,
                person=request.person.strip() or None,
                source=request.source.strip() or None,
                date=request.date.strip() or None,
                sort=sort,
                limit=request.limit,
                unread=request.unread,
                offset=offset,
                cancelled=cancelled,
                # The first page comes without the full count (it can cost as much
                # again); the screen asks count() for it right after.
                count=False,
            )

    def count(self, request: SearchRequest, cancelled: Callable[[], bool] | None = None) -> int:
        with self._lock:
            return self._lib().count(
                BROWSE_QUERY if request.browsing else request.text.strip(),
                person=request.person.strip() or None,
                source=request.source.strip() or None,
                date=request.date.strip() or None,
                cancelled=cancelled,
            )

    def article(self, ref: str) -> StoredArticle:
        with self._lock:
            return self._lib().article(ref)

    def related(self, ref: str, limit: int = 12) -> list[tuple[RelatedPiece, StoredArticle]]:
        with self._lock:
            return self._lib().related(ref, limit=limit)

    # -- stories ----------------------------------------------------------------

    def story(self, ref: str) -> Story:
        with self._lock:
            return self._lib().story(ref)

    def story_coverage(self, story: Story) -> Coverage:
        # Only reads the story's own articles: no library call, no lock needed.
        return self._lib().story_coverage(story)

    def copies_of(self, ids: list[str]) -> dict[str, list[StoredArticle]]:
        with self._lock:
            return self._lib().copies(ids)

    def export_story(self, ref: str) -> MarkdownExport:
        from reader.export import export_story  # loaded on first use: start-up

        with self._lock:
            return export_story(self._lib(), ref)

    def people_names(self, limit: int = 2000) -> list[str]:
        """Canonical names of the library's people, most mentioned first.

        Straight from the store's name counts: ``Library.people`` also works out who
        appears with whom, seconds of work on a large library that a list of names
        for completion does not need (and the lock would hold searches meanwhile)."""
        with self._lock:
            return self._lib().person_names(limit)

    def correct_people(self, action: str, name: str, other: str = "") -> str:
        """Make one correction to people (or undo the last, ``action="undo"``); returns
        what was done, for the status line."""
        with self._lock:
            if action == "undo":
                undone = self._lib().undo_people()
                return f"undone: {undone.describe()}" if undone else "no correction to undo"
            return self._lib().correct_people(action, name, other).describe()

    # -- who said what -------------------------------------------------------------

    def quoted_people(self) -> list[QuotedPerson]:
        with self._lock:
            return self._lib().quoted_people()

    def quotes_of(self, person: str, words: str = "", partial: bool = False) -> PersonQuotes:
        with self._lock:
            return self._lib().quotes_of(person, words=words or None, partial=partial)

    def highlight_quote(self, hit: QuoteHit) -> Highlight:
        """Keep a quote as a highlight, its speaker in the note."""
        with self._lock:
            library = self._lib()
            return library.highlights.add(library.article(hit.article), hit.start, hit.end, note=hit.speaker)

    def generation(self) -> int:
        """Bumped by every change to the library (an ``add`` in another terminal too)."""
        with self._lock:
            return self._lib().generation

    def merge_progress(self) -> tuple[int, int] | None:
        """(articles merged, of all) while the index is merged in the background."""
        with self._lock:
            return self._lib().merge_progress()

    # -- highlights: the library's own store ------------------------------------

    def highlights_of(self, stored: StoredArticle) -> list[PlacedHighlight]:
        with self._lock:
            return self._lib().highlights_of(stored)

    def all_highlights(self) -> list[ArticleHighlights]:
        with self._lock:
            return self._lib().select_highlights()

    def add_highlight(
        self, stored: StoredArticle, start: int, end: int, note: str = "", tags: tuple[str, ...] = ()
    ) -> Highlight:
        with self._lock:
            return self._lib().highlights.add(stored, start, end, note, tags)

    def delete_highlight(self, highlight_id: str) -> Highlight:
        with self._lock:
            return self._lib().highlights.delete(highlight_id)

    def undo_highlight(self) -> UndoneChange | None:
        with self._lock:
            return self._lib().highlights.undo()

    def edit_highlight(self, highlight_id: str, note: str, tags: tuple[str, ...]) -> Highlight:
        """Set a highlight's note and tags (one step of undo)."""
        with self._lock:
            return self._lib().highlights.edit(highlight_id, note, tags)

    def export_highlights(self, front_matter: bool, words: str = "") -> MarkdownExport | None:
        """Every highlight, or (``words``) those the highlights list's filter shows."""
        from reader.export import export_highlights  # loaded on first use: start-up
        from reader.library import HighlightFilter

        wanted = HighlightFilter(words=words.strip() or None)
        with self._lock:
            return export_highlights(self._lib(), wanted, front_matter=front_matter)

    # -- read and unread --------------------------------------------------------

    def mark_read(self, article_id: str) -> bool:
        """Mark an article read; False when the library cannot be written (a
        read-only copy: nothing is marked, and nothing needs saying)."""
        with self._lock:
            library = self._lib()
            if library.readonly:
                return False
            library.mark_read([article_id])
            return True

    def folder_name(self) -> str:
        return str(self._library.folder) if self._library else str(self.folder or "")

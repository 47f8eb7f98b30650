"""Highlights together with their articles, as the list screen and the export need
them: located in the current text, with the people the passage names, grouped by
article and filtered by what the library knows (search, people).

Reading writes nothing: where a highlight is now is worked out here for what is
shown, and stored only by :func:`reanchor`, which the library runs after a change
to its articles (``add``, ``remove``, ``rebuild``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.highlights.anchor import anchor
from reader.highlights.store import Highlight, HighlightStore, HighlightStoreBusy
from reader.library.records import StoredArticle

if TYPE_CHECKING:
    from reader.library.library import Library


@dataclass(frozen=True, slots=True)
class PlacedHighlight:
    highlight: Highlight
    people: tuple[str, ...]  # canonical names of the people mentioned inside the passage
    speaker: str | None = None  # whose words the passage is, when it is a quote


@dataclass(frozen=True, slots=True)
class ArticleHighlights:
    """One article and the highlights made in it, in reading order (orphaned last)."""

    article_id: str
    title: str
    path: str
    part: int
    source: str | None
    date: str | None
    url: str | None
    highlights: tuple[PlacedHighlight, ...]
    in_library: bool = True  # False: the article was removed; shown from what the highlights remember
    people: tuple[str, ...] = ()  # people of the whole article, in order of first mention

    def to_json(self) -> dict:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "path": self.path,
            "part": self.part,
            "source": self.source,
            "date": self.date,
            "url": self.url,
            "in_library": self.in_library,
            "highlights": [
                {**p.highlight.to_json(), "people": list(p.people), "speaker": p.speaker}
                for p in self.highlights
            ],
        }


@dataclass(frozen=True, slots=True)
class HighlightFilter:
    """What to select; every field given narrows the selection further."""

    article: str | None = None  # an article reference as `show` takes it
    query: str | None = None  # a library search: highlights in the articles it finds
    person: str | None = None  # the quote's or the article's people (aliases resolved)
    since: str | None = None  # ISO date or time: highlights created then or later (UTC)
    tag: str | None = None
    text: str | None = None  # case-blind substring of quote or note
    words: str | None = None  # the reader's list filter, see WordsFilter

    def describe(self) -> dict[str, str]:
        return {name: value for name in self.__slots__ if (value := getattr(self, name))}


@dataclass(frozen=True, slots=True)
class WordsFilter:
    """The filter of the reader's highlights list, as typed: ``#tag`` words name tags
    the highlight must all have; the other words must all be in its quote, note or
    article title (case-blind). The list filters with it as one types, and exports
    with it what the list shows."""

    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> WordsFilter:
        typed = text.lower().split()
        tags = tuple(w.lstrip("#") for w in typed if w.startswith("#") and len(w) > 1)
        return cls(tuple(w for w in typed if not w.startswith("#")), tags)

    def matches(self, group: ArticleHighlights, placed: PlacedHighlight) -> bool:
        highlight = placed.highlight
        own = {t.lower() for t in highlight.tags}
        if any(tag not in own for tag in self.tags):
            return False
        haystack = f"{highlight.quote} {highlight.note} {group.title}".lower()
        return all(word in haystack for word in self.words)


class BadFilter(ReaderError, ValueError):
    """A filter the user must correct (a date that is not a date)."""

    exit_status = 2


def parse_since(text: str) -> str:
    """``2026-11-01`` or ``2026-11-01T08:00`` (UTC) as the store's timestamps spell it."""
    from reader.ingest.metadata import parse_iso_datetime  # loaded on first use: start-up

    moment = parse_iso_datetime(text)
    if moment is None:
        raise BadFilter(f"cannot read the date {text!r}: use YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    if "T" in text or " " in text.strip():
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.date().isoformat()


def select_highlights(library: Library, wanted: HighlightFilter | None = None) -> list[ArticleHighlights]:
    """The live highlights matching ``wanted``, grouped by article; the groups come in
    the order their first highlight was made."""
    wanted = wanted or HighlightFilter()
    since = parse_since(wanted.since) if wanted.since else None
    rows = library.highlights.list(tag=wanted.tag, text=wanted.text, since=since)
    if wanted.article:
        target = library.article(wanted.article)
        rows = [h for h in rows if _belongs_to(h, target)]
    groups = _group(library, rows)
    if wanted.query and groups:
        ids = library.ids_matching(wanted.query, [g.article_id for g in groups])
        groups = [g for g in groups if g.article_id in ids]
    if wanted.person:
        groups = _with_person(library, groups, wanted.person)
    if wanted.words:
        shown = WordsFilter.parse(wanted.words)
        groups = [
            _replace_highlights(group, kept)
            for group in groups
            if (kept := tuple(p for p in group.highlights if shown.matches(group, p)))
        ]
    return groups


def highlights_of_article(library: Library, stored: StoredArticle) -> list[PlacedHighlight]:
    """What the reading view marks in ``stored``: its live highlights located in the
    current text, in reading order, orphaned ones last (they have no place to mark;
    show them in a list). Highlights made in another story of the same file that the
    text now holds (the page was split anew) are found too."""
    placed: list[PlacedHighlight] = []
    for highlight in library.highlights.list(path=stored.article.path):
        home = _find_article(library, highlight)
        if home is None:
            continue
        highlight = _locate(library, highlight, home)
        if highlight.article_id == stored.id:
            placed.append(_placed(stored, highlight))
    placed.sort(key=lambda p: (p.highlight.orphaned, p.highlight.start, p.highlight.end))
    return placed


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    """What :func:`reanchor` did: highlights whose stored place changed, those whose
    quote is no longer in their article, and why it could not run (None when it did)."""

    moved: int = 0
    orphaned: int = 0
    problem: str | None = None

    def to_json(self) -> dict:
        return {"moved": self.moved, "orphaned": self.orphaned, "problem": self.problem}


def reanchor(library: Library, paths: Iterable[str] | None = None) -> ReanchorReport:
    """Locate the live highlights made in ``paths`` (every file when None) in the
    articles as they are now, and store their new places. The library runs this after
    each change to its articles, so that reading never has to write."""
    wanted = None if paths is None else set(paths)
    rows = [h for h in library.highlights.list() if wanted is None or h.path in wanted]
    placed = []
    for highlight in rows:
        home = _find_article(library, highlight)
        placed.append(_locate(library, highlight, home) if home else highlight)
    try:
        moved = library.highlights.remember_places(p for p, h in zip(placed, rows) if p != h)
    except HighlightStoreBusy as exc:
        return ReanchorReport(problem=str(exc))
    return ReanchorReport(moved, sum(p.orphaned for p in placed))


def _belongs_to(highlight: Highlight, stored: StoredArticle) -> bool:
    return highlight.article_id == stored.id or (
        highlight.path == stored.article.path and highlight.part == stored.article.part
    )


def _group(library: Library, rows: Iterable[Highlight]) -> list[ArticleHighlights]:
    placed: dict[str, list[Highlight]] = {}
    articles: dict[str, StoredArticle | None] = {}
    for highlight in rows:
        stored = _find_article(library, highlight)
        if stored is not None:
            highlight = _locate(library, highlight, stored)
            stored = library.article_by_id(highlight.article_id) or stored
        key = stored.id if stored is not None else f"{highlight.path}#{highlight.part}"
        articles.setdefault(key, stored)
        placed.setdefault(key, []).append(highlight)
    groups = []
    for key, highlights in placed.items():
        stored = articles[key]
        highlights.sort(key=lambda h: (h.orphaned, h.start, h.end, h.created))
        groups.append(_make_group(stored, highlights))
    return groups


def _find_article(library: Library, highlight: Highlight) -> StoredArticle | None:
    """The highlight's article: by id, else by file and story position (the id of
    an article changes when its file moves or the cleaner splits a page anew)."""
    found = library.article_by_id(highlight.article_id)
    if found is not None:
        return found
    return library.article_at(highlight.path, highlight.part)


def _locate(library: Library, highlight: Highlight, stored: StoredArticle) -> Highlight:
    placed = HighlightStore.locate(highlight, stored)
    if not placed.orphaned:
        return placed
    # The page may have been split into stories differently: look in its siblings.
    for sibling in library.articles_in_file(stored.article.path):
        if sibling.id != stored.id and anchor(
            sibling.article.body, highlight.quote, highlight.start, highlight.prefix, highlight.suffix
        ):
            return HighlightStore.locate(placed, sibling)
    return placed


def _make_group(stored: StoredArticle | None, highlights: list[Highlight]) -> ArticleHighlights:
    if stored is None:
        first = highlights[0]
        return ArticleHighlights(
            article_id=first.article_id,
            title=os.path.basename(first.path) + (f" #{first.part}" if first.part else ""),
            path=first.path,
            part=first.part,
            source=None,
            date=None,
            url=None,
            highlights=tuple(PlacedHighlight(h, ()) for h in highlights),
            in_library=False,
        )
    article = stored.article
    return ArticleHighlights(
        article_id=stored.id,
        title=article.title,
        path=article.path,
        part=article.part,
        source=article.source,
        date=article.date,
        url=article.url,
        highlights=tuple(_placed(stored, h) for h in highlights),
        people=tuple(stored.names("PERSON")),
    )


def _placed(stored: StoredArticle, highlight: Highlight) -> PlacedHighlight:
    # Loaded on first use: start-up (quotes bring people and the entity tables).
    from reader.library.quotes import speaker_of_passage

    speaker = None if highlight.orphaned else speaker_of_passage(stored, highlight.start, highlight.end)
    return PlacedHighlight(highlight, people_in(stored, highlight), speaker)


def people_in(stored: StoredArticle, highlight: Highlight) -> tuple[str, ...]:
    """Canonical names of the people mentioned in the passage, first mention first; a
    mention cut by the selection ("Kerry" of "John Kerry") counts."""
    if highlight.orphaned:
        return ()
    names: dict[str, None] = {}
    for span in stored.entities:
        if span.label == "PERSON" and span.start < highlight.end and highlight.start < span.end:
            names.setdefault(span.name, None)
    return tuple(names)


def _with_person(library: Library, groups: list[ArticleHighlights], person: str) -> list[ArticleHighlights]:
    """Groups whose article mentions the person: the identity the name means, by
    any alias ("putin" means "Vladimir Putin"). A name the library does not know as
    a person is looked for in the quotes themselves."""
    identity = library.person(person)
    if identity is not None:
        return [g for g in groups if identity.name in g.people]
    needle = person.casefold()
    kept = []
    for group in groups:
        matching = tuple(p for p in group.highlights if needle in p.highlight.quote.casefold())
        if matching:
            kept.append(_replace_highlights(group, matching))
    return kept


def _replace_highlights(
    group: ArticleHighlights, highlights: tuple[PlacedHighlight, ...]
) -> ArticleHighlights:
    return replace(group, highlights=highlights)

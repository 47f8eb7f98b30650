"""A story as the reader shows it: its articles with their outlets and dates, the
most central article (its title is the story's), and the people and organisations
it names."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # the library depends on this package, not the other way round
    from reader.library.records import StoredArticle

NO_OUTLET = "unknown outlet"


def outlet_of(stored: StoredArticle) -> str:
    """Who published the article: its source, else its URL's site, else a
    placeholder."""
    article = stored.article
    if article.source and article.source.strip():
        return " ".join(article.source.split())
    if article.url:
        host = urlsplit(article.url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host
    return NO_OUTLET


@dataclass(frozen=True, slots=True)
class StorySummary:
    id: str
    title: str
    central: str  # the id of its most central article
    first_date: str | None
    last_date: str | None
    outlets: tuple[str, ...]
    articles: int

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "central": self.central,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "outlets": list(self.outlets),
            "articles": self.articles,
        }


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    articles: tuple[StoredArticle, ...]  # in time order, undated last
    central: str
    copy_groups: Mapping[str, str]  # article id -> its copy group (copies only)

    @property
    def central_article(self) -> StoredArticle:
        return next(a for a in self.articles if a.id == self.central)

    @property
    def title(self) -> str:
        return self.central_article.article.title

    def outlets(self) -> list[str]:
        """Outlets in the order of their first article."""
        return list(dict.fromkeys(outlet_of(a) for a in self.articles))

    def dates(self) -> list[str]:
        return sorted(a.article.date for a in self.articles if a.article.date)

    def names(self, label: str) -> list[tuple[str, int]]:
        """Names with ``label`` and the number of the story's articles naming them,
        most named first (then most mentioned)."""
        counts = Counter(name for a in self.articles for name in a.names(label))
        mentions = Counter(span.name for a in self.articles for span in a.entities if span.label == label)
        return sorted(counts.items(), key=lambda item: (-item[1], -mentions[item[0]], item[0]))

    def copies_of(self, article_id: str) -> list[str]:
        group = self.copy_groups.get(article_id)
        if group is None:
            return []
        return [a.id for a in self.articles if a.id != article_id and self.copy_groups.get(a.id) == group]

    def summary(self) -> StorySummary:
        dates = self.dates()
        return StorySummary(
            self.id,
            self.title,
            self.central,
            dates[0] if dates else None,
            dates[-1] if dates else None,
            tuple(self.outlets()),
            len(self.articles),
        )


def in_time_order(articles: Iterable[StoredArticle]) -> tuple[StoredArticle, ...]:
    # Undated or same-day articles by title: an order that does not hang on where the
    # files are (ids are made from paths).
    return tuple(
        sorted(articles, key=lambda a: (a.article.date is None, a.article.date or "", a.article.title, a.id))
    )


def most_central(members: Sequence[str], link_scores: Iterable[tuple[str, str, float]]) -> str:
    """The member with the highest sum of link scores to the others: the article
    that best stands for the story. ``members`` in time order (:func:`in_time_order`):
    of equal sums the first wins, which does not hang on where the files are, as ids
    do. Sums are compared to the precision scores are stored at, so the order they
    were added in cannot tip a tie."""
    # Loaded on first use: start-up (the grouping code is only needed when writing).
    from reader.stories.grouping import SCORE_DIGITS

    totals: dict[str, float] = defaultdict(float)
    for a, b, score in link_scores:
        totals[a] += score
        totals[b] += score
    best = max(round(totals[m], SCORE_DIGITS) for m in members)
    return next(m for m in members if round(totals[m], SCORE_DIGITS) == best)


def day_label(day: int) -> str:
    return date.fromordinal(day).isoformat()

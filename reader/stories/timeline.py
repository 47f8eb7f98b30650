"""A story's timeline as a grid: one row per outlet, time across, each article a
mark in the column of its date (undated articles in a column of their own at the
end). Headless: the reader paints it, ``news-reader story`` prints it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reader.stories.terms import day_number

UNDATED = "undated"


@dataclass(frozen=True, slots=True)
class Mark:
    article_id: str
    row: int
    column: int


@dataclass(frozen=True, slots=True)
class Timeline:
    outlets: tuple[str, ...]  # the rows
    columns: tuple[str, ...]  # each column's label: a date, a date range, or "undated"
    marks: tuple[Mark, ...]  # in reading order: by column, then row

    def mark_of(self, article_id: str) -> Mark | None:
        return next((m for m in self.marks if m.article_id == article_id), None)


def layout(articles: list[tuple[str, str, str | None]], max_columns: int = 12) -> Timeline:
    """``articles`` as (id, outlet, ISO date or None), in time order. Days get a
    column each while they fit in ``max_columns``; longer spans are cut into equal
    ranges of days."""
    outlets = tuple(dict.fromkeys(outlet for _, outlet, _ in articles))
    days = {i: day_number(iso) for i, _, iso in articles}
    dated = sorted(d for d in days.values() if d is not None)
    columns: list[str] = []
    column_of: dict[str, int] = {}
    if dated:
        first, last = dated[0], dated[-1]
        span = last - first + 1
        width = max(1, -(-span // max(1, max_columns - 1)))  # days per column
        count = -(-span // width)
        for number in range(count):
            start = first + number * width
            end = min(last, start + width - 1)
            label = date.fromordinal(start).isoformat()
            if end != start:
                label += " – " + date.fromordinal(end).isoformat()[5:]
            columns.append(label)
        for article_id, day in days.items():
            if day is not None:
                column_of[article_id] = (day - first) // width
    if any(day is None for day in days.values()):
        columns.append(UNDATED)
        for article_id, day in days.items():
            if day is None:
                column_of[article_id] = len(columns) - 1
    marks = [Mark(i, outlets.index(outlet), column_of[i]) for i, outlet, _ in articles]
    marks.sort(key=lambda m: (m.column, m.row, m.article_id))
    return Timeline(outlets, tuple(columns), tuple(marks))

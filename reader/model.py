"""The data that flows through the pipeline: one cleaned article."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned news article.

    ``body`` holds the paragraphs in reading order, separated by one blank line
    ("\\n\\n"); paragraphs themselves contain no newlines. Offsets used by later
    stages (entities, passages, highlights) are character offsets into ``body``.
    """

    path: str
    title: str
    body: str
    date: str | None = None  # ISO 8601: "2015-10-02" or "2016-07-15T08:26"
    source: str | None = None  # agency or outlet named by the page: "AFP", "Albawaba"
    dateline: str | None = None  # place the story was filed from: "New York"
    url: str | None = None
    # Position of the article in its file: several stories can come from one digest
    # page or one JSON Lines file. ``part`` counts from 0; ``lines`` is the 1-based
    # inclusive span of source lines the story came from, when known.
    part: int = 0
    lines: tuple[int, int] | None = None
    author: str | None = None  # as the byline or the format gives it: "Andrew E. Kramer"
    language: str | None = None  # ISO 639-1 code of the article's text: "en", "ru"
    # The body is only the summary a feed gave for the story, not the story itself.
    summary: bool = False

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    def to_json(self) -> dict:
        data = asdict(self)
        data["lines"] = list(self.lines) if self.lines else None
        return data

"""Split a digest page (many stories back to back) into its stories.

First version: every page is one story. The real splitter follows.
"""

from __future__ import annotations

import re

_TITLE_LIMIT = 90


def split_stories(paragraphs: list[str]) -> list[int]:
    """Start indices of the stories in ``paragraphs``; always begins with 0."""
    return [0]


def story_title(lead: str) -> str:
    """A short title made from a story's lead paragraph."""
    text = " ".join(lead.split())
    match = re.search(r"(?<=[.!?])\s+(?=[A-Z\"'“‘(])", text)
    sentence = text[: match.start()] if match else text
    sentence = sentence.rstrip(".")
    if len(sentence) <= _TITLE_LIMIT:
        return sentence
    cut = sentence[:_TITLE_LIMIT].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"

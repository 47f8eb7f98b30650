"""Page furniture left in the text trafilatura extracts, removed line by line.

trafilatura has already cut the page down to its main text with the page's structure
at hand, so what it keeps is trusted: a line goes only when it matches a kind of
furniture explicitly (a notice, a promotion, a cookie banner, a comment-form label,
a photo credit, a share bar, a note about the author, a video player's menus), never for being short, a list
item or in a script without spaces. Above the first paragraph of running text, the
headline it repeats, bylines, date stamps and breadcrumbs go too; and the captions
of a picture gallery ("3/50 ...") go wherever they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from reader.ingest.boilerplate import (
    BYLINE,
    MEDIA_PLAYER,
    boilerplate_reason,
    is_date_line,
    is_published_line,
)
from reader.ingest.metadata import parse_date
from reader.sentences import OTHER_SCRIPTS_STOPS

# boilerplate_reason's kinds that name furniture outright. Left out: its judgements of
# scraped lines that trafilatura's text does not need (a bare link is a reference, a
# line in another script is the article's language, a repeated word is a table cell).
_FURNITURE_KINDS = frozenset(
    {"notice", "comments", "section", "credit", "furniture", "cookies", "promotion", "author-bio"}
)
# Cookie banners are short; a longer paragraph on cookies is an article about tracking.
_COOKIE_BANNER_WORDS = 60
# A copyright notice names the year, the sign or the rights.
_COPYRIGHT_NOTICE = re.compile(r"©|\(c\)|\b(?:19|20)\d{2}\b|rights reserved", re.IGNORECASE)
# Only above the article's text: elsewhere the same shape is a path or an expression.
_HEAD_KINDS = frozenset({"breadcrumb"})

# A picture gallery's captions, numbered "3/50 ..." or "3 of 50 ...".
_SLIDE = re.compile(r"^(?:[-•*]\s*)?(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\b", re.IGNORECASE)
_MIN_SLIDES = 3  # a gallery has at least this many captions, numbered 1, 2, 3...

# A table's header rule in trafilatura's text ("|---|---|"): markup, not text.
_TABLE_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*$")

_MEDIA_PLAYER_CHARS = 200

# Running text: a sentence of this many words, or of this many characters in a
# script written without spaces.
_TEXT_WORDS = 12
_TEXT_CHARS = 40
_SENTENCE_END = re.compile(rf"[.!?。！？…:{OTHER_SCRIPTS_STOPS}][\"'”’)\]]*$")


def words_in(line: str) -> int:
    return line.count(" ") + 1


def is_running_text(line: str) -> bool:
    """A sentence of article text (not a heading, a label or a stamp)."""
    if not _SENTENCE_END.search(line[-4:]):
        return False
    return words_in(line) >= _TEXT_WORDS or (" " not in line[:_TEXT_CHARS] and len(line) >= _TEXT_CHARS)


def furniture_reason(line: str) -> str | None:
    """Why a line of extracted text is furniture wherever it stands, or None."""
    if _TABLE_RULE.match(line):
        return "table-rule"
    if len(line) <= _MEDIA_PLAYER_CHARS and MEDIA_PLAYER.match(line):
        return "media-player"
    words = words_in(line)
    reason = boilerplate_reason(line, words)
    if reason == "cookies" and words > _COOKIE_BANNER_WORDS:
        return None  # a paragraph about cookies and tracking, not a banner
    if line[:9].lower() == "copyright" and not _COPYRIGHT_NOTICE.search(line):
        return None  # "Copyright claims rose last year": news about copyright
    return reason if reason in _FURNITURE_KINDS else None


def head_reason(line: str, is_headline: Callable[[str], bool]) -> str | None:
    """Why a line above the article's first paragraph is not article text, or None."""
    if line.startswith("|"):
        return None  # a table row (an infobox): its dates and names are content
    if is_headline(line):
        return "headline"
    words = words_in(line)
    if words <= 10 and BYLINE.match(line):
        return "byline"
    if is_published_line(line) or (is_date_line(line) and parse_date(line)):
        return "date"
    reason = boilerplate_reason(line, words)
    return reason if reason in _HEAD_KINDS else None


def date_in_head(lines: list[str]) -> str | None:
    """The date of the first date stamp above the article's first paragraph."""
    for line in lines:
        if is_running_text(line):
            return None
        if head_reason(line, lambda _: False) == "date":
            return parse_date(line)
    return None


def gallery_lines(lines: list[str]) -> set[int]:
    """Indexes of a picture gallery's numbered captions and the heading just above them."""
    numbered: dict[str, list[tuple[int, int]]] = {}  # total -> (index, number)
    for index, line in enumerate(lines):
        if match := _SLIDE.match(line):
            number, total = int(match.group(1)), match.group(2)
            if 0 < number <= int(total):
                numbered.setdefault(total, []).append((index, number))
    found: set[int] = set()
    for slides in numbered.values():
        numbers = [number for _, number in slides]
        # captions 1, 2, 3... of one gallery, not fractions in a recipe ("1/2 cup")
        if len(slides) >= _MIN_SLIDES and numbers[:_MIN_SLIDES] == list(range(1, _MIN_SLIDES + 1)):
            indexes = [index for index, _ in slides]
            found.update(indexes)
            heading = indexes[0] - 1
            if heading >= 0 and heading not in found and not is_running_text(lines[heading]):
                found.add(heading)
    return found


def remove_furniture(lines: Iterable[str], is_headline: Callable[[str], bool]) -> list[str]:
    """The lines of extracted text that are article text, in order."""
    lines = list(lines)
    gallery = gallery_lines(lines)
    kept: list[str] = []
    in_head = True
    for index, line in enumerate(lines):
        if index in gallery or furniture_reason(line):
            continue
        if in_head:
            if head_reason(line, is_headline):
                continue
            in_head = not is_running_text(line)
        kept.append(line)
    return kept

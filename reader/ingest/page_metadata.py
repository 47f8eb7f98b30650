"""The article's metadata from the lines around its body: title, date, source, dateline.

The title is the headline-shaped line above the body that the page echoes (a
lower-case URL slug, a "Headline | Site" window title, a hint) or, failing that,
the nearest such line; the date comes from the lines between the title and the
body (never from a list of other headlines with their times); the source from a
"Source:" line, a byline or credit line, or the lead's "(Reuters)"; the dateline
from a standalone "City - Outlet" line or the lead's "WASHINGTON (Reuters) -".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.ingest import metadata as meta
from reader.ingest.body_region import next_to_credit
from reader.ingest.boilerplate import (
    BYLINE,
    LineInfo,
    LineKind,
    boilerplate_reason,
    normalise_key,
)

HEADER_WINDOW = 20  # lines above the body searched for title, date, dateline
_FOOTER_WINDOW = 4  # lines below the body searched for "Source:", "Published ..."


@dataclass(slots=True)
class PageMetadata:
    """What the lines around the body say about the article (hints not yet applied)."""

    title: str | None = None
    date: str | None = None
    source: str | None = None
    dateline: str | None = None


def page_metadata(
    infos: list[LineInfo], start: int, end: int, kept: list[LineInfo], title_index: int | None
) -> PageMetadata:
    page = PageMetadata()
    header = list(range(max(0, start - HEADER_WINDOW), start))
    footer = list(range(end + 1, min(len(infos), end + 1 + _FOOTER_WINDOW)))
    if title_index is not None:
        page.title = _without_site_name(infos[title_index].text)
        header = [i for i in header if i != title_index]
    page.date = _date(infos, header, title_index, start, end, footer)

    # Source: an explicit "Source:" line or byline wins over a credit in the lead.
    for index in [*range(start, end + 1), *footer, *header]:
        info = infos[index]
        if info.words <= 12 and (found := meta.source_from_line(info.text)):
            page.source = found
            break
    lead = kept[0].text if kept else ""
    place, agency = meta.lead_dateline(lead)
    page.source = page.source or agency or meta.agency_in_lead(lead)

    for index in reversed(header[-6:]):
        dateline = meta.dateline_line(infos[index].text)
        if dateline and infos[index].kind != LineKind.GOOD:
            page.dateline = dateline[0]
            page.source = page.source or dateline[1]
            break
    if page.dateline is None and header and infos[header[-1]].repeats == 1:
        page.dateline = meta.place_line(infos[header[-1]].text)
    page.dateline = page.dateline or place
    return page


_SITE_SUFFIX = re.compile(r"\s+[|–—:-]\s+|\s+[|]\s*")


# What follows the words of a URL slug: "...-talks-12345.html".
_SLUG_TAIL = re.compile(r"(?:[-_]\d+)*(?:\.s?html?|\.php)?/?$")


def title_echo_keys(infos: list[LineInfo]) -> set[str]:
    """Keys of lines that echo the headline elsewhere on the page: lower-case URL slugs
    ("russia and us call urgent talks") and window titles ("Headline | Site")."""
    keys = set()
    for info in infos[:HEADER_WINDOW]:
        if info.text == info.text.lower() and (info.words >= 3 or info.text.count("-") >= 2):
            keys.add(normalise_key(_SLUG_TAIL.sub("", info.text)))
        parts = _SITE_SUFFIX.split(info.text)
        if len(parts) > 1:
            keys.add(normalise_key(" ".join(parts[:-1])))
    return keys


def _without_site_name(title: str) -> str:
    """'Headline | Site' (a window title) -> 'Headline'."""
    head, bar, _site = title.partition(" | ")
    return head.strip() if bar and len(head.split()) >= 3 else title


def echoed_headline(infos: list[LineInfo], echoes: set[str]) -> int | None:
    """The first properly cased line that a slug, window title or hint repeats."""
    for index, info in enumerate(infos):
        if info.key in echoes and info.text != info.text.lower():
            return index
    return None


def find_title(infos: list[LineInfo], header: list[int], echoes: set[str]) -> int | None:
    candidates = [*header]
    candidates += [i for i in range(min(3, len(infos))) if i not in header and header and i < header[0]]
    furniture_keys = [info.key for info in infos if info.kind == LineKind.BAD and info.repeats >= 3]
    best_score, best_index = 0.0, None
    body_start = header[-1] + 1 if header else 0
    for index in candidates:
        if next_to_credit(infos, index):
            continue  # a caption: its photo credit sits right above or below it
        score = _title_score(infos[index], body_start - index, echoes, furniture_keys)
        if score is not None and score > best_score:
            best_score, best_index = score, index
    return best_index


def _title_score(info: LineInfo, distance: int, echoes: set[str], furniture_keys: list[str]) -> float | None:
    text, words = info.text, info.words
    if info.kind == LineKind.META or words < 2 or words > 30:
        return None
    if info.repeats >= 3 or text == text.lower() or boilerplate_reason(text, words):
        return None
    if info.caption or BYLINE.match(text) or meta.place_line(text):
        return None
    if text.endswith(".") and words >= 10:
        return None
    key = info.key
    score = 2.0 - 0.12 * distance
    if key in echoes:
        score += 4
    if meta.dateline_line(text):
        score -= 2
    if info.repeats == 2:
        score += 2
    capitalised = sum(1 for word in text.split() if word[:1].isupper())
    if capitalised >= 0.6 * words:
        score += 1
    if 5 <= words <= 20:
        score += 1
    if words <= 3:
        score -= 3
    if any(key.startswith(f) and key != f for f in furniture_keys if f):
        score -= 3
    if info.kind == LineKind.BAD:
        score -= 2
    return score + 3  # offset so that a plain nearby headline scores above zero


def _is_list_date(infos: list[LineInfo], index: int) -> bool:
    """A timestamp in a list of other headlines: more timestamps close around it."""
    low, high = max(0, index - 4), min(len(infos), index + 5)
    others = sum(
        1 for i in range(low, high) if i != index and infos[i].kind == LineKind.META and _has_date(infos[i])
    )
    return others >= 2


def _has_date(info: LineInfo) -> bool:
    return meta.parse_date(info.text) is not None


def _date(
    infos: list[LineInfo],
    header: list[int],
    title_index: int | None,
    start: int,
    end: int,
    footer: list[int],
) -> str | None:
    below_title = [i for i in header if title_index is None or i > title_index]
    above_title = [i for i in reversed(header) if title_index is not None and i < title_index][:3]
    order = below_title + above_title + [i for i in range(start, end + 1) if infos[i].kind == LineKind.META]
    for index in order:
        info = infos[index]
        if info.words > 14 or info.kind == LineKind.GOOD:
            continue
        found = meta.parse_date(info.text)
        if found and not _is_list_date(infos, index):
            return found
    for index in footer:
        info = infos[index]
        if info.kind == LineKind.META and meta.source_from_line(info.text) is None:
            found = meta.parse_date(info.text)
            if found and not _is_list_date(infos, index):
                return found
    return None

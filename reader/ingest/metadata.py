"""Article metadata read from scraped lines: dates, sources, datelines, titles.

Every function here looks at one line (or the lead paragraph) and either finds
the thing or returns None; deciding which lines to look at is the caller's job,
so a date in a list of other headlines is never offered to ``parse_date``.
"""

from __future__ import annotations

import re
from datetime import date

_MONTH_NUMBER = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
    r"aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_TIME = r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)"

_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?:[T ]" + _TIME + r")?")
_MONTH_FIRST = re.compile(
    _MONTH + r"\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE
)
_DAY_FIRST = re.compile(
    r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\.?,?\s+(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# 15.07.2016, 02 - 10 - 2015, 10/02/2015, 2016/07/15
_NUMERIC = re.compile(
    r"(?<![\d.:])(?P<a>\d{1,2})\s*(?P<sep>[./-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<year>(?:19|20)\d{2})(?![\d])"
)
_NUMERIC_YEAR_FIRST = re.compile(
    r"(?<![\d.:])(?P<year>(?:19|20)\d{2})(?P<sep>[./])(?P<mon>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d])"
)
_ANY_TIME = re.compile(r"(?<![\d:])" + _TIME + r"(?!:?\d{2}\s*(?:19|20)\d{2})")

AGENCIES = (
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "Bloomberg", "UPI",
    "dpa", "DPA", "Xinhua", "ANI", "PTI", "IANS", "EFE", "ANSA", "TASS", "RIA Novosti",
    "Anadolu", "Kyodo", "Yonhap", "WAM", "SPA", "KUNA", "MENA", "IRNA", "CNA", "BNS",
    "Interfax", "AAP", "PA", "Jiji", "Bernama", "Antara", "APA", "Trend", "Sputnik", "Itar-Tass",
    # outlets that credit themselves the same way: "WASHINGTON (CNN) —", "By X, BBC News"
    "CNN", "BBC", "BBC News", "Al Jazeera", "NPR", "Sky News", "Euronews", "France 24", "DW",
)  # fmt: skip
_AGENCY_ALT = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
_AGENCY_IN_PARENS = re.compile(r"\((" + _AGENCY_ALT + r")\)")
_BY_AGENCY = re.compile(r"^by\b.{0,60}?[,|/–-]\s*(" + _AGENCY_ALT + r")\s*$", re.IGNORECASE)
_BY_ONLY_AGENCY = re.compile(r"^by\s+(" + _AGENCY_ALT + r")(?:\s+staff)?\s*$", re.IGNORECASE)
_PUBLISHED_IN = re.compile(
    r"^(?i:published|posted|first published|originally published)\s+(?i:in|on|by)\s+"
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})\s+on\b"
)
# A credit alone on its line under the story: "— Reuters", "(AFP)", "With AFP", "AP".
_AGENCY_CREDIT = re.compile(
    r"^[-–—(\s]*(?i:with\s+)?(" + _AGENCY_ALT + r")(?:\s*[/,&]\s*(?:" + _AGENCY_ALT + r"))?[)\s.]*$"
)
# "Source: AFP", "Sources: AFP, Reuters", "Source AFP" (without a colon only a short name,
# so that "Sources would not say ..." stays a sentence).
_SOURCE_LINE = re.compile(
    r"^(?i:source|sources|via)\s*(?:[:\-–]\s*(?P<named>\S.{0,50}?)|\s(?P<bare>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,2}))\.?$"
)

# "WASHINGTON (Reuters) -", "PARIS, Oct 2 (AFP) -", "LONDON —", "Beirut, Lebanon (AP) —"
_PLACE = r"(?P<place>[A-Z][A-Za-z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3})"
_INLINE_DATELINE_AGENCY = re.compile(
    r"^"
    + _PLACE
    + r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\((?P<agency>[^)]{2,40})\)\s*[-–—:]"
)
_INLINE_DATELINE_CAPS = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Z][A-Za-z. ]{2,20})?\s*[-–—:]\s+\S"
)
# A standalone dateline line: "New York - Arab Today", "Paris — AFP"
_DATELINE_LINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})\s+[-–—]\s+(?P<outlet>[A-Z][\w.&'’ -]{1,40})$"
)


# Capitalised labels that open a lead like a dateline but name no place.
_NOT_PLACES = frozenset(
    "UPDATE UPDATED BREAKING WATCH EXCLUSIVE ANALYSIS OPINION EDITORIAL LIVE VIDEO PHOTOS "
    "NOTE CORRECTION CLARIFICATION FACT CHECK REVIEW INTERVIEW COMMENT ALERT URGENT FLASH "
    "RELATED READ MORE ADVERTISEMENT EDITOR'S NOTE".split()
) | {"FACT CHECK", "READ MORE", "EDITOR'S NOTE"}


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _iso(year: int, month: int, day: int, time: tuple[str, str] | None) -> str:
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if time:
        text += f"T{int(time[0]):02d}:{time[1]}"
    return text


def _numeric_order(a: int, b: int, sep: str) -> tuple[int, int] | None:
    """(month, day) from two numbers. Unambiguous when one exceeds 12; otherwise
    slashes read US-style (month first), dots and dashes European (day first)."""
    if a > 12 and b <= 12:
        return b, a
    if b > 12 and a <= 12:
        return a, b
    if a > 12 and b > 12:
        return None
    return (a, b) if sep == "/" else (b, a)


def parse_date(text: str) -> str | None:
    """The first calendar date in ``text`` as ISO 8601, with the time when the
    line gives one ("2016-07-15T08:26"); None when there is no date."""
    found: tuple[int, int, int, int] | None = None  # start, year, month, day
    for pattern in (_ISO, _MONTH_FIRST, _DAY_FIRST, _NUMERIC_YEAR_FIRST, _NUMERIC):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            year = int(groups["year"])
            if "month" in groups and groups.get("month"):
                month = _MONTH_NUMBER[groups["month"][:3].lower()]
                day = int(groups["day"])
            elif "mon" in groups and groups.get("mon"):
                month, day = int(groups["mon"]), int(groups["day"])
            else:
                order = _numeric_order(int(groups["a"]), int(groups["b"]), groups["sep"])
                if order is None:
                    continue
                month, day = order
            if _valid(year, month, day) and (found is None or match.start() < found[0]):
                found = (match.start(), year, month, day)
            break
    if found is None:
        return None
    _, year, month, day = found
    time_match = _ANY_TIME.search(text)
    time = (time_match.group("hour"), time_match.group("minute")) if time_match else None
    return _iso(year, month, day, time)


def proper_case(place: str) -> str:
    """'WASHINGTON' -> 'Washington', 'NEW YORK' -> 'New York'; mixed case is kept."""
    if place != place.upper():
        return place
    return " ".join("-".join(part.capitalize() for part in word.split("-")) for word in place.split())


def _agency_name(text: str) -> str | None:
    for agency in AGENCIES:
        if text.strip().lower() == agency.lower():
            return agency
    return None


def source_from_line(text: str) -> str | None:
    """'Source: AFP', 'Source AFP', 'Published in Albawaba on ...', 'By X, Reuters'."""
    if match := _SOURCE_LINE.match(text):
        name = (match.group("named") or match.group("bare")).strip(" .:")
        if len(name.split()) <= 5:
            return name
    if match := _PUBLISHED_IN.match(text):
        return match.group("name")
    if match := _AGENCY_CREDIT.match(text):
        return _agency_name(match.group(1)) or match.group(1)
    if match := _BY_AGENCY.match(text) or _BY_ONLY_AGENCY.match(text):
        return _agency_name(match.group(1)) or match.group(1)
    return None


def is_source_line(text: str) -> bool:
    """'Source: AFP', 'Source AFP': a credit line, metadata rather than body."""
    return len(text) <= 60 and bool(_SOURCE_LINE.match(text))


def is_agency_credit(text: str) -> bool:
    return len(text) <= 40 and bool(_AGENCY_CREDIT.match(text))


def dateline_line(text: str) -> tuple[str, str] | None:
    """(place, outlet) of a standalone dateline line such as 'New York - Arab Today'."""
    if len(text) > 60:
        return None
    match = _DATELINE_LINE.match(text)
    if not match:
        return None
    outlet = match.group("outlet").strip()
    if len(outlet.split()) > 4:
        return None
    return proper_case(match.group("place")), outlet


_CAPS_PLACE = re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}:?$")


def place_line(text: str) -> str | None:
    """A dateline alone on its line above the lead: 'ISTANBUL', 'NEW DELHI:'."""
    if len(text) > 30 or not _CAPS_PLACE.match(text):
        return None
    place = text.rstrip(":")
    return None if place in _NOT_PLACES or len(place) < 3 else proper_case(place)


def lead_dateline(lead: str) -> tuple[str | None, str | None]:
    """(place, agency) from a dateline at the start of the lead paragraph."""
    head = lead[:160]
    if match := _INLINE_DATELINE_AGENCY.match(head):
        agency = match.group("agency").strip()
        known = _agency_name(agency)
        if known or len(agency.split()) <= 3:
            place = match.group("place").split(",")[0].strip()
            return proper_case(place), known or agency
    if match := _INLINE_DATELINE_CAPS.match(head):
        place = match.group("place")
        if len(place) >= 3 and place.isupper() and place not in _NOT_PLACES:
            return proper_case(place), None
    return None, None


def agency_in_lead(lead: str) -> str | None:
    """An agency credited in parentheses near the start of the lead: '... (AP) -'."""
    if match := _AGENCY_IN_PARENS.search(lead[:200]):
        return _agency_name(match.group(1))
    return None

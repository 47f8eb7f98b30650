"""Article metadata read from scraped lines: dates, sources, datelines, titles.

Every function here looks at one line (or the lead paragraph) and either finds
the thing or returns None; deciding which lines to look at is the caller's job,
so a date in a list of other headlines is never offered to ``parse_date``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

# --- dates ---------------------------------------------------------------------------
#
# parse_date is the project's one reader of dates written as text: lines of pages,
# JSON fields, HTML metadata. It finds the first calendar date of a line in the
# forms news sites print (ISO 8601, "July 15, 2016", "15 July 2016", "15.07.2016",
# "07/15/2016", "2016年7月15日", month names in English, French, German, Spanish,
# Portuguese, Italian, Dutch, Russian, Greek, Hebrew, Turkish, Polish, Czech,
# Indonesian, Swedish, Hindi, Bengali, Urdu, Arabic, Persian and Thai) and the time of
# day when the line gives one ("19:45", "7:45 PM", "11:05 p.m.", "19h45"). Digits may
# be those of the page's script ("١٠ سبتمبر ٢٠١٦", "१० सितंबर २०१६"). Years are
# 1900-2099, 2500-2599 of the Buddhist Era that Thai dates count in (2559 is 2016), or
# 1300-1499 of the Solar Hijri calendar with its month names (in lines of other
# scripts only), so that no run of digits is taken for one and no number is ever too
# large to handle.

# Month names and their usual abbreviations, lower-case, by language.
_MONTH_NAMES = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    # Russian dates use the genitive ("15 июля"); the nominative heads calendars
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "ru-nominative": "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    # Hindi with its two spellings; Arabic as Egypt and the Gulf name the months, then
    # as the Levant and Iraq do ("_" stands for a space inside a name)
    "hi": "जनवरी फ़रवरी|फरवरी मार्च अप्रैल|अप्रेल मई जून जुलाई अगस्त सितंबर|सितम्बर अक्टूबर|अक्तूबर नवंबर|नवम्बर दिसंबर|दिसम्बर",
    "ar": "يناير فبراير مارس أبريل|إبريل مايو يونيو|يونيه يوليو|يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "ar-levant": "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول",
    # Greek (genitive, as dates write them), Hebrew (also with "ב", "in", before it),
    # Turkish, Polish and Czech (genitive), Indonesian and Malay, Swedish
    "el": "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου "
    "οκτωβρίου νοεμβρίου δεκεμβρίου",
    "he": "ינואר|בינואר פברואר|בפברואר מרץ|במרץ אפריל|באפריל מאי|במאי יוני|ביוני יולי|ביולי אוגוסט|באוגוסט ספטמבר|בספטמבר אוקטובר|באוקטובר נובמבר|בנובמבר דצמבר|בדצמבר",
    "tr": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "id": "januari februari maret april mei juni juli agustus september oktober november desember",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    # Bengali ("য়" written as one character or as "য" and its dot: see _month_numbers),
    # Urdu, Thai
    "bn": "জানুয়ারি|জানুয়ারী ফেব্রুয়ারি|ফেব্রুয়ারী মার্চ এপ্রিল মে জুন জুলাই আগস্ট|অগাস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর",
    "ur": "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر",
    "th": "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม",
    # Persian, as it names the months of the common era
    "fa": "ژانویه|ژانویهٔ فوریه|فوریهٔ مارس آوریل مه|مهٔ ژوئن ژوئیه|ژوئیهٔ|جولای اوت|آگوست سپتامبر اکتبر نوامبر دسامبر",
}
# The months of the Solar Hijri calendar, Iran's and Afghanistan's ("۱۹ شهریور ۱۳۹۵" is
# 2016-09-09): Iran's names, then Afghanistan's.
_SOLAR_HIJRI_MONTHS = (
    "فروردین اردیبهشت خرداد تیر مرداد|امرداد شهریور مهر آبان آذر دی بهمن اسفند",
    "حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت",
)
_MONTH_ABBREVIATIONS = {
    "en": "jan feb mar apr may jun jul aug sep|sept oct nov dec",
    "fr": "janv févr|fév mars avr mai juin juil août sept oct nov déc",
    "de": "jan|jän|jänner feb mär|maerz apr mai jun jul aug sep|sept okt nov dez",
    "es": "ene feb mar abr may jun jul ago sep|sept|set oct nov dic",
    "pt": "jan fev mar abr mai jun jul ago set out nov dez",
    "it": "gen feb mar apr mag giu lug ago set ott nov dic",
    "nl": "jan feb mrt apr mei jun jul aug sep|sept okt nov dec",
    "ru": "янв фев мар апр май июн июл авг сен сент окт ноя нояб дек",
    # (their last full stop is read as an abbreviation's)
    "th": "ม.ค ก.พ มี.ค เม.ย พ.ค มิ.ย ก.ค ส.ค ก.ย ต.ค พ.ย ธ.ค",
}


def _month_numbers() -> dict[str, int]:
    numbers: dict[str, int] = {}
    for table in (_MONTH_NAMES, _MONTH_ABBREVIATIONS):
        for names in table.values():
            for number, forms in enumerate(names.split(), start=1):
                for form in forms.split("|"):
                    form = form.replace("_", " ")
                    numbers.setdefault(form, number)
                    # Bengali's "য়" is one character or two (its NFC form) by the page
                    numbers.setdefault(form.replace("\u09af\u09bc", "\u09df"), number)
    return numbers


_MONTH_NUMBER = _month_numbers()
_MONTH = (
    r"(?P<month>"
    + "|".join(re.escape(name) for name in sorted(_MONTH_NUMBER, key=len, reverse=True))
    + r")(?!\w)\.?"
)
_YEAR = r"(?P<year>(?:19|20|25)\d{2})(?!\d)"
_BUDDHIST_ERA = 543  # years the Buddhist Era (Thai dates) counts ahead of the common era
# "15", "15th", "1er" (French), "15." (German), "15º"
_DAY = r"(?<![\w.])(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?"

_ISO_DATE = re.compile(r"(?<!\d)" + _YEAR + r"-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
# "July 15, 2016", "Sept. 5, 2019", "July 15th 2016"
# (a name glued to the word before it by scraping counts: "Associated PressDecember 2, 2016")
_MONTH_FIRST = re.compile(
    r"(?:(?<!\w)|(?<=[a-z])(?=[A-Z]))(?i:" + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+)" + _YEAR
)
# "15 July 2016", "15th of July, 2016", "15 juillet 2016", "15. Juli 2016",
# "15 de julio de 2016", "15 июля 2016 г."
# (Thai may name the era before the year: "15 มกราคม พ.ศ. 2559")
_DAY_FIRST = re.compile(
    _DAY + r"[\s-]*(?:of\s+|de\s+)?" + _MONTH + r"(?:,?\s+|-)(?:de\s+|del\s+|[พค]\.ศ\.\s*)?" + _YEAR,
    re.IGNORECASE,
)
# 15.07.2016, 02 - 10 - 2015, 10/02/2015
_NUMERIC = re.compile(r"(?<![\d.:/])(?P<a>\d{1,2})\s*(?P<sep>[./-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*" + _YEAR)
# 2016/07/15, 2016.07.15
_NUMERIC_YEAR_FIRST = re.compile(
    r"(?<![\d.:/])" + _YEAR + r"(?P<sep>[./])(?P<mon>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d])"
)
# 2016年7月15日 (Chinese, Japanese), 2016년 7월 15일 (Korean)
_EAST_ASIAN = re.compile(_YEAR + r"\s*[年년]\s*(?P<mon>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]")
_DATE_PATTERNS = (_ISO_DATE, _MONTH_FIRST, _DAY_FIRST, _NUMERIC_YEAR_FIRST, _NUMERIC, _EAST_ASIAN)
_ANY_YEAR = re.compile(_YEAR.replace("?P<year>", ""))

# Solar Hijri dates: "19 شهریور 1395"; only in lines of other scripts.
_SOLAR_HIJRI_NUMBER = {
    name: number
    for names in _SOLAR_HIJRI_MONTHS
    for number, forms in enumerate(names.split(), start=1)
    for name in forms.split("|")
}
_SOLAR_HIJRI_YEAR = r"(?P<year>1[34]\d{2})(?!\d)"
_SOLAR_HIJRI_DAY_FIRST = re.compile(
    _DAY
    + r"\s*(?P<solar_month>"
    + "|".join(sorted(_SOLAR_HIJRI_NUMBER, key=len, reverse=True))
    + r")(?!\w)\s*(?:ماه\s+)?,?\s*"
    + _SOLAR_HIJRI_YEAR
)
# (Not "1395/06/19": Arabic pages write the lunar Hijri calendar's dates so, in the
# same range of years.)
_ALL_DATE_PATTERNS = (*_DATE_PATTERNS, _SOLAR_HIJRI_DAY_FIRST)

# "19:45", "7:45 PM", "11:05 p.m.", "7 p.m.", "19h45", "08:26:00"
_TIME = re.compile(
    r"(?<![\d:.,])(?P<hour>[01]?\d|2[0-3])"
    r"(?::(?P<minute>[0-5]\d)(?::[0-5]\d)?(?!\d)|\s?h\s?(?P<h_minute>[0-5]\d)(?!\d)|(?=\s?[ap]\.?\s?m\b))"
    r"(?:\s?(?P<half>[ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except (ValueError, OverflowError):
        return False
    return True


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


def _month_day(groups: dict[str, str | None]) -> tuple[int, int] | None:
    if groups.get("month"):
        month = _MONTH_NUMBER.get(groups["month"].lower().rstrip("."))  # type: ignore[union-attr]
        return (month, int(groups["day"] or 0)) if month else None
    if groups.get("mon"):
        return int(groups["mon"] or 0), int(groups["day"] or 0)
    return _numeric_order(int(groups["a"] or 0), int(groups["b"] or 0), groups["sep"] or "")


def _first_date(text: str, patterns: tuple[re.Pattern[str], ...]) -> tuple[int, int, int, int] | None:
    """(end, year, month, day) of the earliest date in ``text``."""
    found: tuple[int, int, int, int, int] | None = None  # start, end, year, month, day
    for pattern in patterns:
        for match in pattern.finditer(text):
            if found is not None and match.start() >= found[0]:
                break
            groups = match.groupdict()
            year = int(match.group("year"))
            if "solar_month" in groups:
                day = _from_solar_hijri(groups)
                if day is not None:
                    found = (match.start(), match.end(), day.year, day.month, day.day)
                    break
                continue
            month_day = _month_day(groups)
            if year >= 2500:
                year -= _BUDDHIST_ERA
            if month_day and _valid(year, *month_day):
                found = (match.start(), match.end(), year, *month_day)
                break
    return found[1:] if found else None


def _from_solar_hijri(groups: dict[str, str | None]) -> date | None:
    """The day of the common era of a Solar Hijri date, by the calendar's 33-year
    arithmetic (exact for the years news is dated in)."""
    year, day = int(groups["year"] or 0), int(groups["day"] or 0)
    month = _SOLAR_HIJRI_NUMBER[groups["solar_month"] or ""]
    if not 1 <= day <= (31 if month <= 6 else 30):
        return None
    cycle_year = year + 1595
    days = (
        365 * cycle_year
        + (cycle_year // 33) * 8
        + (cycle_year % 33 + 3) // 4
        + day
        + (31 * (month - 1) if month <= 6 else 30 * (month - 7) + 186)
    )
    return date.fromordinal(days - _SOLAR_HIJRI_EPOCH)


_SOLAR_HIJRI_EPOCH = 355668 + 365  # the day count above, less the ordinal of the same day


def _time_of_day(text: str) -> tuple[int, int] | None:
    """(hour, minute) of the first time in ``text``, AM/PM read as a 24-hour clock."""
    for match in _TIME.finditer(text):
        minute = match.group("minute") or match.group("h_minute")
        half = (match.group("half") or "").lower()
        if minute is None and not half:
            continue
        hour = int(match.group("hour"))
        if half and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half == "p" else 0)
        return hour, int(minute or 0)
    return None


def parse_date(text: str) -> str | None:
    """The first calendar date in ``text`` as ISO 8601, with the time when the line
    gives one ("2016-07-15", "2016-07-15T19:45"); None when there is no date."""
    return _parse_short_date(text) if len(text) <= _CACHED_DATE_CHARS else _parse_date(text)


_CACHED_DATE_CHARS = 200  # stamps, bylines, headlines: the lines asked about again


@lru_cache(maxsize=4096)
def _parse_short_date(text: str) -> str | None:
    """parse_date of a short line, remembered: the cleaner asks it of a page's stamps
    and headlines several times (once for each headline they may stand under)."""
    return _parse_date(text)


def forget_dates() -> None:
    """Drop the dates remembered by parse_date (benchmarks time a cold start)."""
    _parse_short_date.cache_clear()


# The digits of other scripts, each run of ten from its zero: Arabic-Indic, Persian and
# Urdu, N'Ko, the Indian scripts, Thai, Lao, Tibetan, Burmese, Khmer, Mongolian, ...,
# and the full-width digits of Chinese and Japanese text.
_DIGIT_ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10,
)  # fmt: skip
_OTHER_DIGIT = re.compile("[" + "".join(f"{chr(zero)}-{chr(zero + 9)}" for zero in _DIGIT_ZEROS) + "]")
_TO_ASCII_DIGITS = str.maketrans(
    {chr(zero + value): str(value) for zero in _DIGIT_ZEROS for value in range(10)}
)


# A year, a Solar Hijri one or a digit of another script that may write one: a single
# scan of a line that is not all ASCII.
_OTHER_SCRIPTS_YEAR = re.compile(f"{_ANY_YEAR.pattern}|1[34]\\d{{2}}(?!\\d)|{_OTHER_DIGIT.pattern}")


def _parse_date(text: str) -> str | None:
    # (every date form holds a year: most lines, with figures or not, have none)
    patterns: tuple[re.Pattern[str], ...]
    if text.isascii():
        if not _ANY_YEAR.search(text):
            return None
        patterns = _DATE_PATTERNS
    else:
        first = _OTHER_SCRIPTS_YEAR.search(text)
        if first is None:
            return None
        if len(first.group()) == 1:  # a digit of another script before any year
            text = text.translate(_TO_ASCII_DIGITS)
        patterns = _ALL_DATE_PATTERNS
    found = _first_date(text, patterns)
    if found is None:
        return None
    _, year, month, day = found
    result = f"{year:04d}-{month:02d}-{day:02d}"
    clock = _time_of_day(text)
    if clock:
        result += f"T{clock[0]:02d}:{clock[1]:02d}"
    return result


# ISO 8601 as this project writes it: a date, maybe a time with seconds and a zone.
_ISO_8601 = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


def parse_iso_datetime(value: str | None) -> datetime | None:
    """A date or time in ISO 8601 ("2016-07-15", "2016-07-15T19:45:00+02:00") as a
    datetime (with its zone when it names one); None for anything else. For dates
    the project has already normalised (``parse_date``'s, the store's) and for
    ISO input typed by a user."""
    if not value or not _ISO_8601.fullmatch(value.strip()):
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except (ValueError, OverflowError):
        return None


# --- sources and datelines ------------------------------------------------------

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


# The patterns source_from_line tries, as one quick first test: most lines match none,
# and one failed match costs less than five.
_ANY_SOURCE_LINE = re.compile(
    "|".join(
        f"(?:{pattern.pattern})" if not pattern.flags & re.IGNORECASE else f"(?i:{pattern.pattern})"
        for pattern in (_SOURCE_LINE, _PUBLISHED_IN, _AGENCY_CREDIT, _BY_AGENCY, _BY_ONLY_AGENCY)
    )
)


def source_from_line(text: str) -> str | None:
    """'Source: AFP', 'Source AFP', 'Published in Albawaba on ...', 'By X, Reuters'."""
    if _ANY_SOURCE_LINE.match(text) is None:
        return None
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


# --- credits, bylines, canonical links (the text cleaner's section) -------------------

# The credit-line patterns above, for callers that test many lines against all of them.
CREDIT_LINE_PATTERNS: tuple[re.Pattern[str], ...] = (_SOURCE_LINE, _AGENCY_CREDIT)

# "By Jane Doe", "Par Jean Dupont et Marie Curie", "Von Hans Müller | 12.03.2019":
# the byline's word, then the name up to what follows it (a date, an outlet, a role).
_BYLINE_AUTHOR = re.compile(
    r"^(?i:by|written by|words by|posted by|reported by|author:?|par|von|por|door|av|af|przez|autor:?|автор:?)"
    r"\s+(?P<names>[^\W\d_][\w.'’-]*(?:\s+(?:[^\W\d_][\w.'’-]*|(?i:and|und|et|y|e|&)\s+))*)"
)
_NAME_STOP = re.compile(
    r"\s+(?:(?i:for|in|at|on|from|with|the|staff|published|updated|posted|special|senior|chief|contributing)\b|"
    r"[A-Z][a-z]+\s+\d{1,2}\b|\d)"
)
_UNSIGNED = re.compile(
    r"^(?i:(?:our |a )?(?:staff|special|own) (?:reporter|correspondent|writer)s?|our (?:correspondent|reporter)s?|"
    r"(?:news|web|monitoring|online|foreign|city|sports) desk|agencies|news agencies|(?:\w+ )?bureau(?: report)?|"
    r"(?:our |the )?(?:\w+ )?staff|editors?|the editors|admin|administrator)$"
)
_MAX_NAME_WORDS = 12


def byline_author(text: str) -> str | None:
    """The name(s) a byline gives: 'By Jane Doe, Reuters' -> 'Jane Doe'; None for an
    unsigned byline ('By Staff Reporter'), an agency alone ('By AFP') or no byline."""
    match = _BYLINE_AUTHOR.match(text)
    if not match:
        return None
    names = text[match.start("names") :]
    for separator in (",", " - ", " – ", " — ", " | ", "|", "@", " ·", "•", "(", ":"):
        names = names.split(separator, 1)[0]
    stop = _NAME_STOP.search(names)
    if stop:
        if names[stop.start() :].strip().lower().startswith("staff"):
            return None  # "By TMZ Staff": the outlet, not a person
        names = names[: stop.start()]
    names = " ".join(names.split()).rstrip(" .&")
    if names.lower().endswith((" and", " und", " et", " y", " e")):
        names = names.rsplit(" ", 1)[0]
    words = names.split()
    if not words or len(words) > _MAX_NAME_WORDS or _UNSIGNED.match(names) or _agency_name(names):
        return None
    if not all(word[:1].isupper() or word.lower() in _NAME_PARTICLES for word in words):
        return None  # "By the time the vote was counted" is a sentence, not a byline
    return names


_NAME_PARTICLES = frozenset(
    "and und et y e & de da di del della van von der den ten ter le la du dos das al el bin ibn".split()
)

# "© 2019 Example Media Ltd. All rights reserved.", "Copyright (C) 2012-2014 Jane Doe."
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    r"(?P<name>[^\W\d_][^,|/()]{0,60}?)\s*(?:\.\s|\.?$|[,|/()]|\s+[-–]\s|\s+all rights)",
    re.IGNORECASE,
)
_COMPANY_SUFFIX = re.compile(
    r"\s*,?\s+(?:inc|ltd|llc|limited|co|corp|corporation|gmbh|plc|s\.?a|a\.?s|ag|company)\.?$", re.IGNORECASE
)


def copyright_holder(text: str) -> str | None:
    """Who a copyright line names: '© 2019 Example Media Ltd. All rights reserved.' ->
    'Example Media'; None when the line is no copyright line or names no one."""
    if len(text) > 400:
        return None
    match = _COPYRIGHT.match(text)
    if not match:
        return None
    words = match.group("name").split()
    # the name ends where the words stop being capitalised: "... Limited or its affiliates"
    for index, word in enumerate(words):
        if index and not word[:1].isupper() and word.lower() not in _NAME_PARTICLES | {"of", "&"}:
            words = words[:index]
            break
    name = _COMPANY_SUFFIX.sub("", " ".join(words))
    if not name[:1].isupper() or len(name.split()) > 6 or name.lower() in ("all", "copyright", "the author"):
        return None
    return name


_URL_LINE = re.compile(r"^(?:[^\W\d_][\w ]{0,30}:\s*)?(?P<url>https?://[^\s/]+\.[^\s/]+/\S+)$", re.IGNORECASE)


def url_in_line(text: str) -> str | None:
    """The address on a line that is only an address, maybe labelled ('URL: https://...')."""
    match = _URL_LINE.match(text)
    if not match:
        return None
    url = match.group("url")
    return None if url.endswith(("...", "…")) else url.rstrip(".,;")


_NAME_LINE = re.compile(
    r"^[A-ZÀ-ÞА-Я][\w'’.-]+(?:\s+(?:[A-ZÀ-ÞА-Я][\w'’.-]*|(?:de|da|di|van|von|der|al|el|bin)\b)){1,3}$"
)


def name_line(text: str) -> str | None:
    """A line that is only a person's name, as sites print a byline without "By":
    two to four capitalised words ('Sarah Gooding', 'Nelson D. Schwartz')."""
    if len(text) > 60 or not _NAME_LINE.match(text) or _agency_name(text) or _UNSIGNED.match(text):
        return None
    return text

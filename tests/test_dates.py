"""parse_date, the project's one reader of dates written as text, and
parse_iso_datetime, its helper for dates already in ISO 8601; every other place
that reads a date (JSON Lines fields, highlight filters, the index) calls them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reader.ingest.jsonl import normalise_date
from reader.ingest.metadata import parse_date, parse_iso_datetime
from reader.library import BadFilter, parse_since
from reader.library.index import naive_datetime


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # ISO 8601 and the numeric forms
        ("Posted on 2015-10-02T09:30:00Z", "2015-10-02T09:30"),
        ("2016-07-15 08:26", "2016-07-15T08:26"),
        ("Politics 08:26 15.07.2016", "2016-07-15T08:26"),
        ("15.07.2016", "2016-07-15"),
        ("Published in Albawaba on 02 - 10 - 2015", "2015-10-02"),
        ("12/25/2019", "2019-12-25"),  # a US date: 25 cannot be a month
        ("25/12/2019", "2019-12-25"),
        ("07/04/2019", "2019-07-04"),  # ambiguous with slashes: read US-style
        ("07.04.2019", "2019-04-07"),  # ...with dots, European
        ("2016/07/15", "2016-07-15"),
        # English month names
        ("October 2, 2015", "2015-10-02"),
        ("Updated Sept. 5, 2019 at 10:22 a.m.", "2019-09-05T10:22"),
        ("July 15th 2016", "2016-07-15"),
        ("2 Oct 2015", "2015-10-02"),
        ("Wednesday 30 September 2015", "2015-09-30"),
        ("the 15th of July, 2016", "2016-07-15"),
        ("15-Jul-2016", "2016-07-15"),
        ("Tue, 15 Nov 1994 08:12:31 GMT", "1994-11-15T08:12"),
        # AM and PM
        ("July 15, 2016 7:45 PM", "2016-07-15T19:45"),
        ("July 15, 2016 12:30 AM", "2016-07-15T00:30"),
        ("July 15, 2016 12:15 PM", "2016-07-15T12:15"),
        ("Nov. 19, 2019 11:05 p.m. EST", "2019-11-19T23:05"),
        ("11/19/19 06:56 AM EST 11/19/2019", "2019-11-19T06:56"),
        ("Posted at 7 p.m. on March 3, 2017", "2017-03-03T19:00"),
        ("March 3, 2017, 9 am", "2017-03-03T09:00"),
        ("March 3, 2017 19:45 PM", "2017-03-03T19:45"),  # a 24-hour clock with a stray PM
        # French, German, Spanish, Portuguese, Italian, Dutch, Russian
        ("Publié le 15 juillet 2016 à 19h45", "2016-07-15T19:45"),
        ("1er août 2016", "2016-08-01"),
        ("15 févr. 2016", "2016-02-15"),
        ("15. Juli 2016, 08:26 Uhr", "2016-07-15T08:26"),
        ("3. März 2016", "2016-03-03"),
        ("15 de julio de 2016", "2016-07-15"),
        ("15 de julho de 2016 às 19:45", "2016-07-15T19:45"),
        ("15 luglio 2016", "2016-07-15"),
        ("15 juli 2016", "2016-07-15"),
        ("15 июля 2016 г.", "2016-07-15"),
        ("1 декабря 2019, 10:15", "2019-12-01T10:15"),
        # Hindi; Arabic, the Egyptian and the Levantine names
        ("नई दिल्ली, 10 सितंबर 2016", "2016-09-10"),
        ("10 सितम्बर 2016, 19:45", "2016-09-10T19:45"),
        ("الجمعة 10 سبتمبر 2016", "2016-09-10"),
        ("دمشق - 3 تشرين الأول 2015", "2015-10-03"),
        # Greek, Hebrew, Turkish, Polish, Czech, Indonesian, Swedish
        ("10 Σεπτεμβρίου 2016", "2016-09-10"),
        ("מאת כתבנו, 10 בספטמבר 2016", "2016-09-10"),
        ("15 Temmuz 2016, 19:45", "2016-07-15T19:45"),
        ("12 marca 2019", "2019-03-12"),
        ("3. září 2016", "2016-09-03"),
        ("17 Agustus 2016", "2016-08-17"),
        ("5 maj 2020", "2020-05-05"),
        # Bengali (its "য়" as one character or two), Urdu; Thai, in the Buddhist Era
        ("১০ সেপ্টেম্বর ২০১৬", "2016-09-10"),
        ("১০ জানু\u09dfারি ২০১৬", "2016-01-10"),
        ("১০ জানু\u09af\u09bcারি ২০১৬", "2016-01-10"),
        ("اسلام آباد، 10 ستمبر 2016", "2016-09-10"),
        ("15 มกราคม 2559", "2016-01-15"),
        ("วันศุกร์ที่ 15 ม.ค. พ.ศ. 2559 เวลา 19:45 น.", "2016-01-15T19:45"),
        ("15/01/2559", "2016-01-15"),
        # Persian: the months of the common era, and the Solar Hijri calendar of Iran
        # and Afghanistan (its years in the 1300s and 1400s)
        ("۱۰ سپتامبر ۲۰۱۶", "2016-09-10"),
        ("۱۹ شهریور ۱۳۹۵ - ۱۰:۴۵", "2016-09-09T10:45"),
        ("پنجشنبه 1 فروردین 1403", "2024-03-20"),
        ("30 اسفند 1403", "2025-03-20"),  # the last day of a leap year
        ("۱۳۹۵/۰۶/۱۹", None),  # the lunar Hijri calendar's years are as many
        ("الجمعة 1437/12/08 هـ", None),
        ("19 اسد 1395", "2016-08-09"),
        ("32 مهر 1395", None),
        ("15 July 1395", None),  # a Solar Hijri year needs a Solar Hijri month
        # the digits of other scripts
        ("السبت ١٠ سبتمبر ٢٠١٦ - ١٠:٤٥", "2016-09-10T10:45"),
        ("۱۰ ستمبر ۲۰۱۶", "2016-09-10"),
        ("१० सितंबर २०१६", "2016-09-10"),
        ("๑๕ มกราคม ๒๕๕๙", "2016-01-15"),
        ("２０１６年９月１０日", "2016-09-10"),
        # Chinese, Japanese, Korean
        ("2016年7月15日", "2016-07-15"),
        ("2016 年 7 月 15 日 19:45", "2016-07-15T19:45"),
        ("2016년 7월 15일", "2016-07-15"),
        # the first date of a line wins
        ("Updated 3 March 2017, first published 1 March 2017", "2017-03-03"),
        # no date
        ("no date here", None),
        ("31.02.2015", None),  # not a day of the calendar
        ("July 2016", None),  # a month is not a date
        ("the 2016 season ended at 7:45 PM", None),
        ("Vol. 12, No. 3", None),
        ("yesterday", None),
        ("Call 2559 or write to PO Box 2016", None),
        ("", None),
    ],
)
def test_each_form(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_huge_numbers_are_not_dates() -> None:
    digits = "9" * 400
    for text in (digits, f"{digits}-07-15", f"2016-07-{digits}", f"15.07.{digits}", f"{digits}年7月15日"):
        assert parse_date(text) is None
    assert parse_date(f"{digits} 15 July 2016") == "2016-07-15"
    assert parse_iso_datetime(f"{digits}-07-15") is None


_ISO_OUT = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?")
_DATE_WORDS = [
    "15", "7", "07", "2016", "1999", "31", "12", "0", "99", "July", "juillet", "Juli", "julio", "июля",
    "Sept.", "de", "of", "年", "月", "日", "7:45", "12:30", "PM", "a.m.", "p.m.", "h", "19h45",
    ".", "/", "-", ",", ":", " ", "T", "Z", "+02:00", "9" * 40,
]  # fmt: skip


def _assert_valid_iso(found: str | None) -> None:
    if found is None:
        return
    assert _ISO_OUT.fullmatch(found), found
    date.fromisoformat(found[:10])  # a real day of the calendar
    if "T" in found:
        hour, minute = map(int, found[11:].split(":"))
        assert 0 <= hour <= 23 and 0 <= minute <= 59


@given(st.text())
@example("12:60 PM 2016-07-15")
@example("2016-07-15 24:00")
@example("0:30 am 15.07.2016")
def test_any_text_gives_a_valid_date_or_none(text: str) -> None:
    _assert_valid_iso(parse_date(text))


@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=12).map("".join))
def test_date_like_text_gives_a_valid_date_or_none(text: str) -> None:
    _assert_valid_iso(parse_date(text))


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.times())
def test_written_dates_come_back(day: date, moment: time) -> None:
    english = f"{day:%B} {day.day}, {day.year} {moment.hour % 12 or 12}:{moment:%M} {'PM' if moment.hour >= 12 else 'AM'}"
    assert parse_date(english) == f"{day.isoformat()}T{moment:%H:%M}"
    assert parse_date(f"{day.day}.{day.month:02d}.{day.year}") == day.isoformat()
    assert parse_date(f"{day.year}年{day.month}月{day.day}日") == day.isoformat()


@pytest.mark.parametrize(
    ("value", "moment"),
    [
        ("2016-07-15", datetime(2016, 7, 15)),
        ("2016-07-15T19:45", datetime(2016, 7, 15, 19, 45)),
        ("2016-07-15 19:45:30", datetime(2016, 7, 15, 19, 45, 30)),
        ("2016-07-15T19:45:00Z", datetime(2016, 7, 15, 19, 45, tzinfo=UTC)),
        ("2016-07-15T19:45+02:00", datetime(2016, 7, 15, 17, 45, tzinfo=UTC)),
        ("2016-02-30", None),
        ("15 July 2016", None),  # not ISO: parse_date's job
        ("", None),
        (None, None),
    ],
)
def test_iso_datetime(value: str | None, moment: datetime | None) -> None:
    assert parse_iso_datetime(value) == moment


@given(st.text())
def test_iso_datetime_never_raises(text: str) -> None:
    parse_iso_datetime(text)


def test_every_reader_of_dates_refuses_a_400_digit_one() -> None:
    # The places that read dates all go through parse_date / parse_iso_datetime.
    digits = "9" * 400
    for text in (digits, f"{digits}-01-01", f"2016-01-{digits}", f"{digits}-01-01T10:00"):
        assert normalise_date(text) is None
        assert naive_datetime(text) is None
        with pytest.raises(BadFilter):
            parse_since(text)
    assert normalise_date(int(digits)) is None
    assert normalise_date(-int(digits)) is None


def test_glued_and_other_scraped_shapes() -> None:
    assert parse_date("Associated PressDecember 2, 2016") == "2016-12-02"
    assert parse_date("March 10, 2015at 9:00") == "2015-03-10T09:00"
    assert parse_date("Omar 5, 2016") is None  # a month name inside a word is not one

"""Turn what the user typed into a Whoosh query, or a clear error.

Syntax: words, "phrases", AND/OR/NOT (and ANDNOT, ANDMAYBE), parentheses, field
queries (title:, person:, org:, place:, source:, date:, said:), date periods and ranges
(date:2015-10, date:[2015-09-01 to 2015-10-31], date:yesterday, date:"last week"),
* wildcards and ~ fuzzy terms (at most two edits). Words search title and body; the
title counts for more (schema boost). ``person:`` terms go through the library's
person aliases so ``person:putin`` finds articles about "Vladimir Putin"; ``said:putin``
finds those that quote him.

Everything that would be a silently different search is refused with a
:class:`QueryError` naming the problem: unbalanced parentheses, brackets or quotes,
an empty or unknown field, an operator with nothing on one side, a boost of 0, an
unreadable date. So is anything that would make the search unbounded: a query over
:data:`MAX_QUERY_CHARS`, more than :data:`MAX_EDITS` edits, a lone ``*``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import islice

from whoosh import query as wq
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser, QueryParser
from whoosh.query import FuzzyTerm

from reader.errors import ReaderError
from reader.letters import WORD_CLASS, WORD_RUN
from reader.library.schema import DATE_FIELD, name_words, search_schema, text_analyzer

DEFAULT_FIELDS = ("title", "body")
QUERY_FIELDS = ("title", "body", "person", "org", "place", "source", "date", "said")
# Fields of people's names: what is typed resolves through the person aliases.
# said: holds everyone quoted in an article (reader.quotes).
PERSON_FIELDS = ("person", "said")
MAX_QUERY_CHARS = 1_000
MAX_EDITS = 2
MAX_EXPANSIONS = 1_000  # index words one wildcard, fuzzy term or word range may stand for

_OPERATORS = ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE")
_BINARY_OPERATORS = ("AND", "OR", "ANDNOT", "ANDMAYBE")
_FIELD_PREFIX = re.compile(r"(?<![\w\"])([A-Za-z_]+):(\S?)")
_FUZZY_WORD = re.compile(r"(\w+)~")
_QUOTED = re.compile(r'"[^"]*"')
_BOOST = re.compile(r"\^(\S*)")
_BOOST_VALUE = re.compile(r"^\d+(\.\d+)?|^\.\d+")
_BARE_WILDCARD = re.compile(r"^(\w+:)?[*?]+$")
_SYNTAX_TOKEN = re.compile(r"[()]|[^\s()]+")
# "person:putin's": the name analyzer would split off an "s" that the parser then
# searches as a second person.
_PERSON_POSSESSIVE = re.compile(r"(?<![\w\"])(person:[^\s\"'’()]+)['’]s?(?=[\s)]|$)", re.IGNORECASE)


class QueryError(ReaderError, ValueError):
    """A query that cannot be run; the message is one line for the user."""

    exit_status = 2


PersonResolver = Callable[[list[str]], list[list[str]]]
"""Maps the words of a person query to the word lists of the canonical names it means."""


def parse_query(
    text: str,
    resolve_person: PersonResolver | None = None,
    *,
    today: date | None = None,
    english: bool = True,
) -> wq.Query:
    """The query for ``text``, its words analysed for the English fields (or, with
    ``english=False``, as the other-language fields analyse them)."""
    text = text.strip()
    if not text:
        raise QueryError("empty query: type some words to search for")
    if text == "*":
        # Everything (the reader's list before anything is typed); parsed, "*" would
        # be a wildcard expanded to every term of every field.
        return wq.Every()
    check_syntax(text)
    text = _PERSON_POSSESSIVE.sub(r"\1", text)
    try:
        parsed = _parser(english).parse(text)
    except Exception as exc:  # the parser's own failures are bugs of the input, for the user
        raise QueryError(f"cannot read the query {text!r}: {exc}") from exc
    if parsed is wq.NullQuery or isinstance(parsed, type(wq.NullQuery)):
        raise QueryError(f"the query {text!r} has nothing to search for")
    parsed = parsed.accept(lambda q: _date_leaf(q, today or date.today()))
    for leaf in parsed.leaves():
        if isinstance(leaf, FuzzyTerm) and leaf.maxdist > MAX_EDITS:
            raise QueryError(
                f"{leaf.text}~{leaf.maxdist}: at most {MAX_EDITS} edits ({leaf.text}~{MAX_EDITS})"
            )
        if isinstance(leaf, FuzzyTerm) and len(leaf.text) < leaf.maxdist + 2:
            # "02~2" stands for every short word of the index: seconds, and no use.
            raise QueryError(f"{leaf.text}~{leaf.maxdist}: too short for {leaf.maxdist} edits")
    if resolve_person is not None:
        parsed = parsed.accept(lambda q: _resolve_person(q, resolve_person))
    return _unstem_fuzzy_terms(parsed, text) if english else parsed


@lru_cache(maxsize=2)
def _parser(english: bool) -> QueryParser:
    # Built once: a parser (its schema and plugins) takes longer to make than a
    # query takes to parse. Parsing keeps no state in the parser.
    parser = MultifieldParser(list(DEFAULT_FIELDS), search_schema(english))
    parser.add_plugin(FuzzyTermPlugin())
    return parser


def check_syntax(text: str) -> None:
    """Refuse what Whoosh would quietly read as something else."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,})")
    if text.count('"') % 2:
        raise QueryError('a phrase is missing its closing quote (")')
    unquoted = _QUOTED.sub('"…"', text)
    _check_brackets(unquoted)
    _check_fields(unquoted)
    _check_operators(unquoted)
    for match in _BOOST.finditer(unquoted):
        value = match.group(1)
        number = _BOOST_VALUE.match(value)
        if not number or float(number.group(0)) <= 0:
            raise QueryError(f"^{value}: a boost needs a number above 0, e.g. putin^2")


def _check_brackets(unquoted: str) -> None:
    depth = 0
    in_range = False
    for char in unquoted:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise QueryError("a ')' has no '(' before it")
        elif char == "[":
            if in_range:
                raise QueryError("a '[' inside a date range: write date:[2015-09-01 to 2015-10-31]")
            in_range = True
        elif char == "]":
            if not in_range:
                raise QueryError("a ']' has no '[' before it")
            in_range = False
    if depth > 0:
        raise QueryError("a '(' is never closed")
    if in_range:
        raise QueryError("a date range is missing its closing ']'")
    if re.search(r"\(\s*\)", unquoted):
        raise QueryError("'()' has nothing to search for inside it")


def _check_fields(unquoted: str) -> None:
    for match in _FIELD_PREFIX.finditer(unquoted):
        field, following = match.group(1), match.group(2)
        if field not in QUERY_FIELDS:
            known = ", ".join(f"{f}:" for f in QUERY_FIELDS if f not in DEFAULT_FIELDS[1:])
            raise QueryError(f"unknown field {field}: (known fields: {known})")
        if not following or following == ")":
            raise QueryError(f"{field}: needs something after it, e.g. {field}:word")


def _check_operators(unquoted: str) -> None:
    tokens = [t for t in _SYNTAX_TOKEN.findall(_without_ranges(unquoted))]
    previous = "("
    for token in [*tokens, ")"]:
        if previous in _BINARY_OPERATORS and (token in _BINARY_OPERATORS or token == ")"):
            raise QueryError(f"{previous} needs words on both sides")
        if previous == "NOT" and (token in _OPERATORS or token == ")"):
            raise QueryError("NOT needs a word after it")
        if token in _BINARY_OPERATORS and previous in ("(", "NOT"):
            raise QueryError(f"{token} needs words on both sides")
        if _BARE_WILDCARD.match(token):
            raise QueryError(f"{token!r} alone would match everything: add letters (syr*) or leave it out")
        previous = token


def _without_ranges(text: str) -> str:
    # "to" inside date:[… to …] is no operator; ranges were checked as brackets.
    return re.sub(r"\[[^\]]*\]", "[…]", text)


# -- dates --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    """The days a date query means, both ends included."""

    first: date
    last: date

    def query(self) -> wq.Query:
        return wq.DateRange(DATE_FIELD, _start_of(self.first), _end_of(self.last))


_DATE_HELP = (
    'use YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, "last week" or a range [2015-09-01 to 2015-10-31]'
)
_ISO_PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_LAST_N = re.compile(r"^last (\d{1,4}) (day|week|month|year)s?$")
_RANGE_WORDS = re.compile(
    r"^\[?\s*(.*?)\s+to\s+(.*?)\s*\]?$|^\[?\s*(.*?)\s+to\s*\]?$|^\[?\s*to\s+(.*?)\s*\]?$"
)


def date_query(value: str, today: date | None = None) -> wq.Query:
    """The query for a date filter as typed in ``--date`` or the reader's date box:
    a period (2015, 2015-10, 2015-10-02, today, yesterday, "last week", "last 7 days")
    or a range ("2015-09-01 to 2015-10-31", with or without brackets, either end open)."""
    value = " ".join(value.split()).strip()
    if value.lower().startswith("date:"):
        value = value[5:].strip()
    value = value.strip('"')
    if not value:
        raise QueryError("the date filter is empty: " + _DATE_HELP)
    day = today or date.today()
    match = _RANGE_WORDS.match(value.lower())
    if value.startswith("[") and not match:
        raise QueryError(f"cannot read the date range {value!r}: write [2015-09-01 to 2015-10-31]")
    if match:
        start, end = match.group(1) or match.group(3), match.group(2) or match.group(4)
        return _range_query(value, start, end, day)
    return period(value, day).query()


def period(value: str, today: date) -> Period:
    """YYYY, YYYY-MM, YYYY-MM-DD, or a relative period: today, yesterday, this/last
    week (Monday to Sunday), this/last month, this/last year, last N days/weeks/…."""
    text = " ".join(value.lower().split())
    iso = _ISO_PERIOD.match(text)
    try:
        if iso:
            year = int(iso.group(1))
            if iso.group(3):
                first = date(year, int(iso.group(2)), int(iso.group(3)))
                return Period(first, first)
            if iso.group(2):
                first = date(year, int(iso.group(2)), 1)
                return Period(first, _month_end(first))
            return Period(date(year, 1, 1), date(year, 12, 31))
    except ValueError:
        raise QueryError(f"cannot read the date {value!r}: no such day or month; {_DATE_HELP}") from None
    relative = _relative_period(text, today)
    if relative is None:
        raise QueryError(f"cannot read the date {value!r}: {_DATE_HELP}")
    return relative


def _relative_period(text: str, today: date) -> Period | None:
    monday = today - timedelta(days=today.weekday())
    month = today.replace(day=1)
    previous_month = (month - timedelta(days=1)).replace(day=1)
    named = {
        "today": Period(today, today),
        "yesterday": Period(today - timedelta(days=1), today - timedelta(days=1)),
        "this week": Period(monday, today),
        "last week": Period(monday - timedelta(days=7), monday - timedelta(days=1)),
        "this month": Period(month, today),
        "last month": Period(previous_month, month - timedelta(days=1)),
        "this year": Period(date(today.year, 1, 1), today),
        "last year": Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
    }
    if text in named:
        return named[text]
    last = _LAST_N.match(text)
    if last:
        count, unit = int(last.group(1)), last.group(2)
        days = count * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
        return Period(today - timedelta(days=days - 1), today)
    return None


def _range_query(typed: str, start: str | None, end: str | None, today: date) -> wq.Query:
    if not (start or end):
        raise QueryError(f"cannot read the date range {typed!r}: write [2015-09-01 to 2015-10-31]")
    first = period(start, today).first if start else None
    last = period(end, today).last if end else None
    if first and last and first > last:
        raise QueryError(f"the date range {typed!r} ends before it starts")
    return wq.DateRange(DATE_FIELD, _start_of(first) if first else None, _end_of(last) if last else None)


def _date_leaf(q: wq.Query, today: date) -> wq.Query:
    """The parser reads date: values as plain text; make them date ranges here."""
    if q.field() != DATE_FIELD or not q.is_leaf():
        return q
    if type(q) is wq.Term:
        return date_query(str(q.text), today)
    if type(q) is wq.TermRange:
        start, end = q.start, q.end
        return _range_query(f"[{start or ''} to {end or ''}]", start, end, today)
    raise QueryError(f"cannot read the date in {q}: {_DATE_HELP}")


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min)


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time.max)


def _month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


# -- bounds at search time ------------------------------------------------------


def expand_terms(q: wq.Query, reader, limit: int = MAX_EXPANSIONS) -> wq.Query:
    """``q`` with each wildcard, fuzzy term and word range replaced by the words of
    the index it stands for (looked up once, across all segments, instead of once
    per segment and again for the marks). One that stands for more than ``limit``
    words is refused: searching them all takes seconds."""

    def expand(leaf: wq.Query) -> wq.Query:
        if not isinstance(leaf, wq.MultiTerm):
            return leaf
        found = list(islice(leaf.expanded_terms(reader), limit + 1))
        if len(found) > limit:
            raise QueryError(f"{_typed(leaf)} stands for more than {limit:,} words: make it more specific")
        words = sorted({w.decode("utf-8") if isinstance(w, bytes) else w for _, w in found})
        # Every multi-term query Whoosh's parser makes (prefix, wildcard, fuzzy, range)
        # has a field and a boost; the base class declares neither.
        fieldname, boost = str(leaf.field()), getattr(leaf, "boost", 1.0)
        terms = [wq.Term(fieldname, word, boost=boost) for word in words]
        if not terms:
            return wq.NullQuery
        return terms[0] if len(terms) == 1 else wq.Or(terms)

    return q.accept(expand)


def _typed(leaf: wq.Query) -> str:
    if isinstance(leaf, FuzzyTerm):
        return f"{leaf.text}~{leaf.maxdist}"
    if isinstance(leaf, wq.Prefix):
        return f"{leaf.text}*"
    return str(getattr(leaf, "text", leaf))


# -- fields -----------------------------------------------------------------------


def person_query(name: str, resolve_person: PersonResolver | None) -> wq.Query:
    """The query for ``--person NAME``: every canonical name NAME may mean."""
    words = name_words(name)
    if not words:
        raise QueryError("--person needs a name")
    return _names_query(words, resolve_person)


def source_query(source: str) -> wq.Query:
    words = name_words(source)
    if not words:
        raise QueryError("--source needs a name")
    return wq.Term("source", words[0]) if len(words) == 1 else wq.Phrase("source", words)


class StemmedFuzzyTerm(FuzzyTerm):
    """A fuzzy term on a stemmed field: near the word as typed or near its stem.

    The parser hands FuzzyTerm the stem ("wikets~" -> "wiket"); here ``text`` is the
    word as typed, and the index terms near either it or its stem match, so both
    "wikets~" (stem one edit from "wicket") and "lavorv~" (typed word two edits from
    "lavrov", its stem three) find what was meant."""

    def _btexts(self, ixreader):
        found = set(super()._btexts(ixreader))
        for token in text_analyzer()(self.text, removestops=False):
            if token.text != self.text:
                found.update(
                    ixreader.terms_within(self.fieldname, token.text, self.maxdist, prefix=self.prefixlength)
                )
        return sorted(found)


def _unstem_fuzzy_terms(parsed: wq.Query, text: str) -> wq.Query:
    if "~" not in text:  # no fuzzy term: spare every query making an analyzer
        return parsed
    analyzer = text_analyzer()
    typed: dict[str, str] = {}
    for word in _FUZZY_WORD.findall(text):
        for token in analyzer(word, removestops=False):
            typed.setdefault(token.text, word.lower())

    def swap(q: wq.Query) -> wq.Query:
        if type(q) is FuzzyTerm:
            return StemmedFuzzyTerm(
                q.fieldname,
                typed.get(q.text, q.text),
                boost=q.boost,
                maxdist=q.maxdist,
                # The first letter is taken as typed: looking up every word of the
                # index within two edits takes seconds, those with its first letter
                # a tenth of that.
                prefixlength=max(q.prefixlength, 1),
            )
        return q

    return parsed.accept(swap)


def _resolve_person(q: wq.Query, resolve_person: PersonResolver) -> wq.Query:
    if isinstance(q, wq.Term) and q.fieldname in PERSON_FIELDS:
        return _names_query([q.text], resolve_person, boost=q.boost, field=q.fieldname)
    if isinstance(q, wq.Phrase) and q.fieldname in PERSON_FIELDS:
        return _names_query(list(q.words), resolve_person, boost=q.boost, field=q.fieldname)
    return q


def _names_query(
    words: list[str], resolve_person: PersonResolver | None, boost: float = 1.0, field: str = "person"
) -> wq.Query:
    meanings = resolve_person(words) if resolve_person else []
    if not meanings:
        meanings = [words]
    alternatives = [
        wq.Term(field, m[0], boost=boost) if len(m) == 1 else wq.Phrase(field, m, boost=boost)
        for m in meanings
    ]
    return alternatives[0] if len(alternatives) == 1 else wq.Or(alternatives)


_QUERY_TOKEN = re.compile(rf"[{WORD_CLASS}:*?~^\[\]\"'-]+")


def plain_words(text: str) -> list[str]:
    """The bare words of a query (no fields, operators, wildcards or fuzzy marks):
    the candidates for "did you mean"."""
    words: list[str] = []
    for token in _QUERY_TOKEN.findall(_without_ranges(text)):
        bare = token.strip('"')
        if ":" in bare or any(c in bare for c in "*?~^[]…") or bare in _OPERATORS:
            continue
        words.extend(w for w in WORD_RUN.findall(bare) if not w.isdigit())
    return words

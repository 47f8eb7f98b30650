"""Turn what the user typed into a Whoosh query, or a clear error.

Syntax: words, "phrases", AND/OR/NOT, parentheses, field queries (title:, person:,
org:, place:, source:, date:, said:), date ranges (date:2015-10, date:[2015-09-01 to
2015-10-31]), * wildcards and ~ fuzzy terms. Words search title and body; the title
counts for more (schema boost). ``person:`` terms go through the library's person
aliases so ``person:putin`` finds articles about "Vladimir Putin"; ``said:putin``
finds those that quote him.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from whoosh import query as wq
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.query import FuzzyTerm

from reader.errors import ReaderError
from reader.library.schema import build_schema, name_words, text_analyzer

DEFAULT_FIELDS = ("title", "body")
QUERY_FIELDS = ("title", "body", "person", "org", "place", "source", "date", "said")
# Fields of people's names: what is typed resolves through the person aliases.
# said: holds everyone quoted in an article (reader.quotes).
PERSON_FIELDS = ("person", "said")
_FIELD_PREFIX = re.compile(r"(?<![\w\"])([A-Za-z_]+):(\S?)")
_FUZZY_WORD = re.compile(r"(\w+)~")
_QUOTED = re.compile(r'"[^"]*"')
_DATE_RANGE = re.compile(r"date:\[([^\]]*)\]", re.IGNORECASE)
_RANGE_SPLIT = re.compile(r"\s*\bto\b\s*", re.IGNORECASE)
_ISO_DAY_PREFIX = re.compile(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$")
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
) -> wq.Query:
    text = text.strip()
    if not text:
        raise QueryError("empty query: type some words to search for")
    if text == "*":
        # Everything (the reader's list before anything is typed); parsed, "*" would
        # be a wildcard expanded to every term of every field.
        return wq.Every()
    _check_fields(text)
    _check_date_ranges(text)
    text = _PERSON_POSSESSIVE.sub(r"\1", text)
    bad_dates: list[str] = []
    parser = MultifieldParser(list(DEFAULT_FIELDS), build_schema())
    parser.add_plugin(DateParserPlugin(callback=bad_dates.append))
    parser.add_plugin(FuzzyTermPlugin())
    try:
        parsed = parser.parse(text)
    except Exception as exc:  # the parser's own failures are bugs of the input, for the user
        raise QueryError(f"cannot read the query {text!r}: {exc}") from exc
    if bad_dates:
        raise QueryError(
            f"cannot read the date {bad_dates[0]!r}: use YYYY, YYYY-MM, YYYY-MM-DD "
            "or a range such as date:[2015-09-01 to 2015-10-31]"
        )
    if parsed is wq.NullQuery or isinstance(parsed, type(wq.NullQuery)):
        raise QueryError(f"the query {text!r} has nothing to search for")
    if text.count('"') % 2:
        raise QueryError('a phrase is missing its closing quote (")')
    if resolve_person is not None:
        parsed = parsed.accept(lambda q: _resolve_person(q, resolve_person))
    return _unstem_fuzzy_terms(parsed, text)


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


def _check_fields(text: str) -> None:
    unquoted = _QUOTED.sub('"…"', text)
    for match in _FIELD_PREFIX.finditer(unquoted):
        field, following = match.group(1), match.group(2)
        if field not in QUERY_FIELDS:
            known = ", ".join(f"{f}:" for f in QUERY_FIELDS if f not in DEFAULT_FIELDS[1:])
            raise QueryError(f"unknown field {field}: (known fields: {known})")
        if not following:
            raise QueryError(f"{field}: needs something after it, e.g. {field}:word")


def _check_date_ranges(text: str) -> None:
    # Whoosh reads an unreadable range end as "now" without a word; say it instead.
    for match in _DATE_RANGE.finditer(text):
        ends = _RANGE_SPLIT.split(match.group(1).strip())
        if len(ends) != 2:
            raise QueryError(
                f"cannot read the date range {match.group(0)!r}: write date:[2015-09-01 to 2015-10-31]"
            )
        for end in ends:
            if end and not _ISO_DAY_PREFIX.match(end.strip()):
                raise QueryError(
                    f"cannot read the date {end!r} in {match.group(0)!r}: use YYYY, YYYY-MM or YYYY-MM-DD"
                )


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
    analyzer = text_analyzer()
    typed = {}
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
                prefixlength=q.prefixlength,
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


def plain_words(text: str) -> list[str]:
    """The bare words of a query (no fields, operators, wildcards or fuzzy marks):
    the candidates for "did you mean"."""
    words = []
    for token in re.findall(r'[\w:*?~\[\]"\'-]+', text):
        bare = token.strip('"')
        if ":" in bare or any(c in bare for c in "*?~[]") or bare in ("AND", "OR", "NOT", "TO", "to"):
            continue
        words.extend(w for w in re.findall(r"\w+", bare) if not w.isdigit())
    return words

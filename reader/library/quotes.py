"""Who said what across the library: a person's quotes, newest first, the same quote
in several outlets grouped, and the people who are quoted.

Quotes are derived data, like mentions: found at ingest (``reader.quotes``) and kept
in the store with their article, so ``rebuild`` keeps them and re-adding a file finds
them again. When the quote finder changes, :func:`refresh_quotes` finds them anew
from the stored bodies and mentions, without cleaning anything again.

A quote's speaker is the entity mention its ``speaker_at`` points at; this module
reads the speaker's name through that mention, so a person's quotes follow whatever
library-wide name the person has.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.errors import ReaderError
from reader.ingest.metadata import parse_date
from reader.library.people import PeopleDirectory
from reader.library.records import StoredArticle
from reader.library.schema import name_words, text_analyzer
from reader.library.store import Store
from reader.quotes import find_quotes
from reader.quotes.same import Change, differences, group_same

REFRESH_BATCH = 1000
_analyzer = text_analyzer()


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One quote of a person: where it is and what it says."""

    article: str  # article id
    title: str
    source: str | None
    date: str | None
    path: str
    start: int  # offsets of the quoted words in the article body
    end: int
    text: str
    partial: bool
    speaker: str
    how: str  # see reader.quotes: named, pronoun, continued
    cue: str  # how the text names the speaker there: "Mr. Lavrov", "he"

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "article": self.article,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "partial": self.partial,
            "speaker": self.speaker,
            "how": self.how,
        }


@dataclass(frozen=True, slots=True)
class AlsoQuoted:
    """The same quote in another article; ``changes`` marks where its words differ
    from the first version shown (empty: word for word the same)."""

    hit: QuoteHit
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """A quote and the other articles that carry it."""

    hit: QuoteHit
    also: tuple[AlsoQuoted, ...] = ()

    def outlets(self) -> list[str]:
        """The other outlets, each once: "also quoted by Arab Today, Albawaba"."""
        seen: dict[str, None] = {}
        for other in self.also:
            seen.setdefault(other.hit.source or f"“{other.hit.title}”", None)
        return list(seen)


@dataclass(frozen=True, slots=True)
class PersonQuotes:
    person: str  # the canonical name, or what was asked when nobody fits
    groups: tuple[QuoteGroup, ...] = ()
    found: bool = True  # False: no person of the library has that name
    others: tuple[str, ...] = ()  # other people the name could mean

    @property
    def quotes(self) -> list[QuoteHit]:
        """Every quote, newest first."""
        return newest_first(hit for group in self.groups for hit in (group.hit, *(a.hit for a in group.also)))

    def to_json(self) -> dict:
        group_of = {}
        for number, group in enumerate(self.groups):
            for hit in (group.hit, *(a.hit for a in group.also)):
                group_of[(hit.article, hit.start)] = number
        return {
            "person": self.person,
            "quotes": [{**hit.to_json(), "group": group_of[(hit.article, hit.start)]} for hit in self.quotes],
        }


@dataclass(frozen=True, slots=True)
class QuotedPerson:
    """A person of the library as the People view lists them."""

    name: str
    articles: int
    quotes: int  # statements and fragments
    statements: int  # quotes that are not partial
    aliases: tuple[str, ...] = ()  # other forms seen in articles, most frequent first
    roles: tuple[str, ...] = ()  # titles written before the name
    first: str | None = None  # dates of the first and last article naming them
    last: str | None = None

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "articles": self.articles,
            "quotes": self.quotes,
            "statements": self.statements,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "first": self.first,
            "last": self.last,
        }


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    since: str | None = None  # a date as parse_date reads it: quotes from articles of then or later
    source: str | None = None  # words of the outlet's name
    words: str | None = None  # words the quote must hold (stemmed as search stems them)
    partial: bool = False  # fragments too, not only statements

    def keeps(self, hit: QuoteHit, since: str | None) -> bool:
        if hit.partial and not self.partial:
            return False
        if since and (hit.date is None or hit.date[: len(since)] < since):
            return False
        if self.source and not _has_words(hit.source or "", self.source):
            return False
        return not self.words or quote_holds(hit.text, self.words)


class BadDate(ReaderError, ValueError):
    """A ``--since`` that is no date; the message is one line for the user."""

    exit_status = 2


def since_date(text: str | None) -> str | None:
    """``--since`` as an ISO date, read by the project's date parser."""
    if not text:
        return None
    parsed = parse_date(text)
    if parsed is None:
        raise BadDate(f"cannot read the date {text!r}: write 2015-10-01, 1 October 2015 or 10/01/2015")
    return parsed[:10]


def quote_holds(text: str, words: str) -> bool:
    """Whether every word of ``words`` is in ``text``, as search matches words (by
    stem: "strikes" finds "striking"; stop words count for nothing)."""
    wanted = {token.text for token in _analyzer(words)}
    return not wanted or wanted <= {token.text for token in _analyzer(text)}


def quoted_directory(store: Store, words: list[str] | None = None) -> PeopleDirectory:
    """The people who are quoted, as a directory that resolves what is typed ("putin",
    "Mr. Putin") to one of them, the most quoted first. With ``words``, only those
    whose names hold the words: a handful of names, quick to build for one question."""
    counts: Counter[str] = Counter()
    forms = []
    for raw, name, quotes in store.quoted_names("PERSON", words or ()):
        counts[name] += quotes
        forms.append((raw, name))
    return PeopleDirectory(list(counts.items()), forms)


def person_quotes(store: Store, person: str, others: tuple[str, ...], wanted: QuoteFilter) -> PersonQuotes:
    """The quotes of the library's person ``person`` (a canonical name), grouped."""
    since = since_date(wanted.since)
    hits = [
        QuoteHit(
            article=article_id,
            title=title,
            source=source,
            date=date,
            path=path,
            start=start,
            end=end,
            text=text,
            partial=bool(partial),
            speaker=person,
            how=how,
            cue=cue,
        )
        for article_id, start, end, partial, how, cue, title, source, date, path, text in store.quotes_by(
            "PERSON", store.raw_person_names_of(person)
        )
    ]
    hits = newest_first(h for h in hits if wanted.keeps(h, since))
    return PersonQuotes(person, group_quotes(hits), others=others)


def group_quotes(hits: list[QuoteHit]) -> tuple[QuoteGroup, ...]:
    """Quotes with the same words grouped; the first of each group (the newest) is
    shown, the others with the outlets that carry them and what they changed."""
    groups = []
    for members in group_same([hit.text for hit in hits]):
        first = hits[members[0]]
        also = tuple(AlsoQuoted(hits[i], differences(first.text, hits[i].text)) for i in members[1:])
        groups.append(QuoteGroup(first, also))
    return tuple(groups)


def newest_first(hits: Iterable[QuoteHit]) -> list[QuoteHit]:
    """Newest article first, undated ones last; within an article in reading order.
    Ties go by outlet and title, never by article id: an id hashes the file's path, so
    the order would change with where the library's files are."""
    ordered = sorted(hits, key=lambda h: (h.source or "", h.title, os.path.basename(h.path), h.start))
    dated = sorted((h for h in ordered if h.date), key=lambda h: h.date or "", reverse=True)  # stable
    return dated + [h for h in ordered if not h.date]


def _has_words(name: str, words: str) -> bool:
    have = set(name_words(name))
    return all(w in have for w in name_words(words))


def quoted_people(store: Store, limit: int | None = None) -> list[QuotedPerson]:
    """The library's people with what the People view shows of them: the quoted
    first (most quotes first), then the others by the number of articles naming
    them."""
    counts = store.quote_counts("PERSON")
    articles: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for name, text, role, article_id, date in store.mention_facts("PERSON"):
        articles[name].add(article_id)
        if text != name:
            forms[name][text] += 1
        if role:
            roles[name][role] += 1
        if date:
            day = date[:10]
            if name not in first or day < first[name]:
                first[name] = day
            if name not in last or day > last[name]:
                last[name] = day
    people = [
        QuotedPerson(
            name=name,
            articles=len(ids),
            quotes=counts.get(name, (0, 0))[0],
            statements=counts.get(name, (0, 0))[1],
            aliases=_most_frequent(forms[name]),
            roles=_most_frequent(roles[name]),
            first=first.get(name),
            last=last.get(name),
        )
        for name, ids in articles.items()
    ]
    people.sort(key=lambda p: (-p.statements, -p.quotes, -p.articles, p.name))
    return people if limit is None else people[:limit]


def _most_frequent(counts: Counter[str], limit: int = 6) -> tuple[str, ...]:
    return tuple(sorted(counts, key=lambda k: (-counts[k], k))[:limit])


def speaker_of_passage(stored: StoredArticle, start: int, end: int) -> str | None:
    """The speaker whose words a passage of the article is: the one named speaker of
    the quotes it overlaps, when they cover most of it (a highlight made of a quote
    and its tag, '"…," Mr. Putin said', counts)."""
    speakers: set[str] = set()
    covered = 0
    for quote in stored.quotes:
        if quote.start < end and start < quote.end:
            span = stored.speaker(quote)
            if span is None:
                return None  # words of someone unnamed are in it too
            speakers.add(span.name)
            covered += min(end, quote.end) - max(start, quote.start)
    if len(speakers) != 1 or covered * 2 < end - start:
        return None
    return speakers.pop()


@dataclass(slots=True)
class QuoteRefresh:
    articles: int = 0
    changed: list[str] = field(default_factory=list)  # ids whose speakers changed: re-index


def refresh_quotes(store: Store, articles: Iterable[StoredArticle]) -> QuoteRefresh:
    """Find the quotes of stored articles again (the quote finder changed) and store
    them; the articles whose speakers changed are queued for the index."""
    report = QuoteRefresh()
    batch: list[StoredArticle] = []
    changed: list[str] = []

    def flush() -> None:
        if batch:
            store.replace_quotes(batch, changed)
            report.changed += changed
            batch.clear()
            changed.clear()

    for stored in articles:
        report.articles += 1
        found = tuple(find_quotes(stored.article.body, stored.entities))
        if found == stored.quotes:
            continue
        fresh = StoredArticle(stored.id, stored.article, stored.entities, found)
        batch.append(fresh)
        if fresh.speakers() != stored.speakers():
            changed.append(stored.id)
        if len(batch) >= REFRESH_BATCH:
            flush()
    flush()
    return report

"""Clean a scraped news page (one visible block per line) down to its article(s).

The algorithm, in four steps:

1. Every non-blank line is described (words, stop-word density, sentence shape)
   and classified on its own as GOOD (running text), NEAR_GOOD (a short sentence),
   SHORT (a fragment), BAD (furniture: navigation, share bars, comment forms,
   cookie banners, footers, credits, tickers) or META (a date stamp, a "Source:"
   line, a byline). Lines that repeat on the page (site names, slugs, headline
   lists) are furniture unless they are long sentences.
2. The article is the contiguous run of lines with the highest total score
   (Kadane's maximum subarray, as in Finn's Body Text Extraction): running text
   scores by its length, everything else costs a little, so an advert or a
   crosshead inside the body does not split it, while a headline list does.
   One headline with a date stamp inside that run (a sidebar ran into the
   article) marks where the article starts. When the run holds under 60 words,
   the article may be a table (earnings, prices): ``reader.ingest.data_block``
   looks for a run where fragments carrying figures count too.
3. Inside that run, furniture and metadata lines go; a fragment stays only when
   running text surrounds it (a crosshead, a short quote), and caption lines
   (fragments that repeat a nearby sentence, credits) go.
4. Metadata comes from the lines just above the body (title, date, dateline,
   byline) and just below it ("Source: AFP"), and from the lead's dateline.
   Pages holding many stories are split by ``reader.ingest.stories``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.ingest import metadata as meta
from reader.ingest.body_region import (
    best_region,
    body_lines,
    bridge_small_gaps,
    describe_page,
    headline_shape,
    is_text,
)
from reader.ingest.boilerplate import BAD, META, SHORT, STOPWORDS, LineInfo, normalise_key
from reader.ingest.data_block import data_lines, data_region, is_data_line
from reader.ingest.language import detect_language, stopwords
from reader.ingest.metadata import parse_date
from reader.ingest.page_metadata import (
    TITLE_WINDOW,
    PageMetadata,
    body_terms,
    echoed_headline,
    find_title,
    page_metadata,
    title_echo_keys,
)
from reader.ingest.stories import is_sectioned, split_stories, story_title
from reader.model import Article

_MIN_BODY_WORDS = 15
# Below this many words the prose found may be the note under a table, not the article.
_SMALL_BODY_WORDS = 60
# A table away from that prose must have this many times its words to win over it.
_ELSEWHERE_FACTOR = 2


@dataclass(frozen=True, slots=True)
class PageHints:
    """Metadata known from elsewhere (HTML meta tags, JSON fields, a web archive's
    record headers); wins over guesses."""

    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None

    def over(self, fallback: PageHints) -> PageHints:
        """These hints, with ``fallback``'s values where these have none."""
        return PageHints(
            **{name: getattr(self, name) or getattr(fallback, name) for name in self.__dataclass_fields__}
        )


def clean_text_page(text: str, path: str, hints: PageHints | None = None) -> list[Article]:
    """The article(s) on a scraped page; [] when the page holds no article."""
    hints = hints or PageHints()
    language = hints.language or detect_language(text)
    infos = describe_page(text, language)
    if not infos:
        return []
    echoes = title_echo_keys(infos)
    if hints.title:
        echoes.add(normalise_key(hints.title))
    page = _Page(infos, echoes, stopwords(language) or STOPWORDS)
    # When the headline is known (echoed by a slug, a window title or a hint), the
    # article follows it: look for the body there first.
    headline = echoed_headline(infos, echoes)
    first = headline + 1 if headline is not None else 0
    found = _prose_body(page, first)
    if found is None and first:
        found = _prose_body(page, 0)
    if found is None or _words(found) < _SMALL_BODY_WORDS or _next_to_rows(infos, found):
        # Few sentences, or table rows right next to them: maybe the article is a table
        # (earnings, prices) that the prose search cannot see, or its notes.
        region = data_region(infos, first) or (data_region(infos, 0) if first else None)
        found = _table_body(page, region, found) or found
    if found is None:
        return []
    start, end, kept, title_index = found
    kept = _without_copies(kept)
    if sum(info.words for info in kept) < _MIN_BODY_WORDS:
        return []
    metadata = page_metadata(infos, start, end, kept, title_index)
    sectioned = is_sectioned(_section_view(infos, start, end, kept))
    return _articles(kept, metadata, path, hints.over(PageHints(language=language)), sectioned)


def _section_view(infos: list[LineInfo], start: int, end: int, kept: list[LineInfo]) -> list[str]:
    """The body's paragraphs with the numbers that head its sections ("4", "6"), which
    are not kept as text (they read as date stamps) but make it one article."""
    kept_lines = {id(info) for info in kept}
    return [
        info.text
        for info in infos[start : end + 1]
        if id(info) in kept_lines or (info.kind == META and _SECTION_NUMBER.match(info.text))
    ]


_SECTION_NUMBER = re.compile(r"^\d{1,3}\.?$")


@dataclass(frozen=True, slots=True)
class _Page:
    infos: list[LineInfo]
    echoes: set[str]  # keys of the lines that repeat the headline (slug, window title, hint)
    stops: frozenset[str]  # the stop list of the page's language


_COPY_RUN = 3  # paragraphs in a row that all repeat earlier ones: a second copy of the text
_COPY_WORDS = 8


def _without_copies(kept: list[LineInfo]) -> list[LineInfo]:
    """The body without a second copy of its text (three or more paragraphs in a row
    that each repeat an earlier one: the page shows the article twice). A single
    repeated paragraph stays: a digest repeats its background lines, and a page may
    show a caption or a quote twice."""
    seen: set[str] = set()
    copies: list[int] = []
    drop: set[int] = set()
    for index, info in enumerate(kept):
        if info.key in seen and is_text(info) and info.words >= _COPY_WORDS:
            copies.append(index)
            continue
        if len(copies) >= _COPY_RUN:
            drop.update(copies)
        copies = []
        seen.add(info.key)
    if len(copies) >= _COPY_RUN:
        drop.update(copies)
    return [info for index, info in enumerate(kept) if index not in drop]


# First and last line index of the body, the lines kept, the headline's index.
Body = tuple[int, int, list[LineInfo], int | None]


def _title_above(page: _Page, start: int, end: int, opening: bool = True) -> int | None:
    """The headline of the body running from ``start`` to ``end``: above it, or among
    the lines that open it before its lead (a headline shaped like a sentence, a
    headline shown as a first paragraph) unless the body is a table."""
    infos = page.infos
    # what the headline announces: the running text, or a table's rows and notes
    lines = infos[start : end + 1]
    body_lines_ = [info for info in lines if (is_text(info) if opening else info.kind not in _NOT_BODY)]
    body = body_terms(body_lines_, page.stops)
    header = list(range(max(0, start - TITLE_WINDOW), start))
    if opening:
        header += _opening_lines(infos, start, end)
    return find_title(infos, header, page.echoes, body, page.stops, inside_from=start, table=not opening)


_NOT_BODY = (BAD, META)
_LEAD_WORDS = 15  # a paragraph this long is the lead, not a headline
_MAX_OPENING_LINES = 4


def _opening_lines(infos: list[LineInfo], start: int, end: int) -> list[int]:
    """The lines at the top of a body run before its first long paragraph."""
    opening = []
    for index in range(start, min(end, start + _MAX_OPENING_LINES)):
        if infos[index].words >= _LEAD_WORDS:
            break
        opening.append(index)
    return opening


def _prose_body(page: _Page, first: int) -> Body | None:
    """The best run of running text from ``first`` on, with bridged gaps."""
    infos = page.infos
    region = best_region(infos, first)
    if region is None:
        return None
    start, end = region
    title_index = _title_above(page, start, end)
    if title_index is not None and title_index >= start:
        start = title_index + 1  # the headline opened the run
    elif (after := _after_other_header(infos, start, end)) is not None:
        start = after  # another story's headline and byline opened the run (a teaser)
    start, end = bridge_small_gaps(infos, start, end, title_index)
    if not first and (header := _header_inside(infos, start, end)) is not None:
        # a sidebar or another article ran into this one's headline and date stamp:
        # the article is what follows its header
        start, title_index = header + 2, header
    if title_index is None or title_index >= start or title_index < start - TITLE_WINDOW:
        # the body reached over what looked like the headline (an in-body "Related"
        # block): the headline is above the body as it now stands
        title_index = _title_above(page, start, end)
        if title_index is not None and title_index >= start:
            start = title_index + 1
    return start, end, body_lines(infos, start, end), title_index


def _after_other_header(infos: list[LineInfo], start: int, end: int) -> int | None:
    """Where the body goes on after a header that opens its run when that header is not
    the article's (its headline is above): a line with a byline or a date under it."""
    for index in _opening_lines(infos, start, end):
        below = index + 1
        while below <= end and infos[below].kind == META:
            below += 1
        if below > index + 1 and below <= end:
            return below
    return None


def _words(body: Body) -> int:
    return sum(info.words for info in body[2])


def _next_to_rows(infos: list[LineInfo], body: Body) -> bool:
    """Table rows within two lines above or below the body."""
    start, end = body[0], body[1]
    return any(is_data_line(info) for info in infos[max(0, start - 2) : start] + infos[end + 1 : end + 3])


def _header_inside(infos: list[LineInfo], start: int, end: int) -> int | None:
    """The one headline inside a body run that a date stamp follows, with running text
    right above it and after it; None when there is none or several (a digest). A
    teaser for another story inside an article comes under a label ("Read also"),
    which is not running text."""
    found = None
    for index in range(start + 1, end - 1):
        info, below = infos[index], infos[index + 1]
        if below.kind == META and headline_shape(info) and info.kind == SHORT and parse_date(below.text):
            if found is not None:
                return None
            found = index
    if found is None or not (is_text(infos[found - 1]) and is_text(infos[found + 2])):
        return None
    after = sum(info.words for info in infos[found + 2 : end + 1] if is_text(info))
    return found if after >= _MIN_BODY_WORDS else None


def _table_body(page: _Page, region: tuple[int, int] | None, prose: Body | None) -> Body | None:
    """The best run of text and table rows when it says more than the little prose found:
    a run that takes that prose in (the note under a table), or one elsewhere on the
    page that is much longer (the prose was a caption or a reader's comment)."""
    if region is None:
        return None
    start, end = region
    takes_it_in = prose is not None and start <= prose[0] and prose[1] <= end
    if takes_it_in and prose is not None and prose[3] is not None and prose[3] <= start:
        # one article (a listicle, a review with its specs): the prose's headline heads it
        title_index: int | None = prose[3]
        start = max(start, prose[3] + 1)
    else:
        title_index = _title_above(page, start, end, opening=False)
    table = (start, end, data_lines(page.infos, start, end), title_index)
    if prose is None:
        return table
    if takes_it_in and not _rows_beyond(page.infos, start, end, prose):
        return None  # the prose and its headline or date stamp, which hold figures
    if _words(table) > (_words(prose) if takes_it_in else _ELSEWHERE_FACTOR * _words(prose)):
        return table
    return None


def _rows_beyond(infos: list[LineInfo], start: int, end: int, prose: Body) -> int:
    """Table rows in the region outside the prose, its headline and date stamps aside."""
    outside = [*range(start, prose[0]), *range(prose[1] + 1, end + 1)]
    return sum(
        1
        for index in outside
        if index != prose[3] and is_data_line(infos[index]) and not _stamp(infos[index])
    )


_STAMP_WORDS = 8


def _stamp(info: LineInfo) -> bool:
    """A date stamp, maybe in words ("1 de diciembre de 2017 3:00 AM PST")."""
    return info.words <= _STAMP_WORDS and parse_date(info.text) is not None


# --- assembling the articles -------------------------------------------------------


def _story_starts(paragraphs: list[str]) -> list[int]:
    """Story boundaries from the stories module. A failure there is a bug: it is
    reported with the file by the reader that called us, not hidden by a guess."""
    return sorted({s for s in split_stories(paragraphs) if 0 <= s < len(paragraphs)} | {0})


def _story_title(lead: str) -> str:
    return story_title(lead) or " ".join(lead.split()[:12])


def _articles(
    kept: list[LineInfo], page: PageMetadata, path: str, hints: PageHints, sectioned: bool
) -> list[Article]:
    paragraphs = [info.text for info in kept]
    starts = [0] if sectioned else _story_starts(paragraphs)
    bounds = list(zip(starts, [*starts[1:], len(paragraphs)]))
    many = len(bounds) > 1
    articles: list[Article] = []
    for part, (first, last) in enumerate(bounds):
        story = kept[first:last]
        lead = story[0].text
        place, agency = meta.lead_dateline(lead)
        if many:
            title = _story_title(lead)
            dateline = place
            source = hints.source or agency or meta.agency_in_lead(lead) or page.source
        else:
            title = hints.title or page.title or _story_title(lead)
            dateline = page.dateline
            source = hints.source or page.source
        articles.append(
            Article(
                path=path,
                title=title,
                body="\n\n".join(info.text for info in story),
                date=hints.date or page.date,
                source=source,
                dateline=dateline,
                url=hints.url or page.url,
                part=part,
                lines=(story[0].number, story[-1].end),
                author=hints.author or page.author,
                language=hints.language,
            )
        )
    return articles

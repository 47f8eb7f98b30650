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
from reader.ingest.boilerplate import (
    BYLINE,
    LineInfo,
    LineKind,
    classify,
    describe,
    boilerplate_reason,
    is_caption_shape,
    normalise_key,
)
from reader.model import Article

# How much each kind of line adds to a candidate body region.
_PENALTY = {LineKind.SHORT: -1.0, LineKind.BAD: -2.0, LineKind.META: -0.5}
_NEAR_GOOD_SCORE = 0.3
_HEADER_WINDOW = 20  # lines above the body searched for title, date, dateline
_FOOTER_WINDOW = 4  # lines below the body searched for "Source:", "Published ..."
_CAPTION_WINDOW = 10  # lines around a caption searched for the sentence it repeats
_MIN_BODY_WORDS = 15
_MAX_CROSSHEAD_WORDS = 10


@dataclass(frozen=True, slots=True)
class PageHints:
    """Metadata known from elsewhere (HTML meta tags, JSON fields); wins over guesses."""

    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass(slots=True)
class _PageMetadata:
    title: str | None = None
    date: str | None = None
    source: str | None = None
    dateline: str | None = None


def clean_text_page(text: str, path: str, hints: PageHints | None = None) -> list[Article]:
    """The article(s) on a scraped page; [] when the page holds no article."""
    hints = hints or PageHints()
    infos = _describe_lines(text)
    if not infos:
        return []
    echoes = _title_echo_keys(infos)
    if hints.title:
        echoes.add(normalise_key(hints.title))
    # When the headline is known (echoed by a slug, a window title or a hint), the
    # article follows it: look for the body there first.
    headline = _echoed_headline(infos, echoes)
    region = _best_region(infos, headline + 1) if headline is not None else None
    region = region or _best_region(infos)
    if region is None:
        return []
    start, end = region
    title_index = _title_index(infos, list(range(max(0, start - _HEADER_WINDOW), start)), echoes)
    start, end = _bridge_small_gaps(infos, start, end, title_index)
    kept = _body_lines(infos, start, end)
    if sum(info.words for info in kept) < _MIN_BODY_WORDS:
        return []
    page = _page_metadata(infos, start, end, kept, title_index)
    return _articles(kept, page, path, hints)


# --- step 1: describe and classify -------------------------------------------------


def _describe_lines(text: str) -> list[LineInfo]:
    infos: list[LineInfo] = []
    raw_lines: list[str] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        info = describe(number, raw)
        if info is not None:
            infos.append(info)
            raw_lines.append(raw)
    counts: dict[str, int] = {}
    keys = [normalise_key(info.text) for info in infos]
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    for info, raw, key in zip(infos, raw_lines, keys):
        info.kind = classify(info, raw)
        info.repeats = counts[key] if key else 1
        if info.repeats >= 2 and _repetition_is_furniture(info):
            info.kind = LineKind.BAD
    _mark_teaser_lists(infos)
    return infos


_MIN_TEASERS = 3


def _mark_teaser_lists(infos: list[LineInfo]) -> None:
    """Lists of other stories shown as headline + one teaser sentence (+ a date),
    three or more in a row: the teasers read like text but are furniture."""
    index = 0
    while index < len(infos):
        items, end = 0, index
        while (item_end := _teaser_item_end(infos, end)) is not None:
            items, end = items + 1, item_end
        if items >= _MIN_TEASERS:
            for i in range(index, end):
                infos[i].kind, infos[i].reason = LineKind.BAD, "teasers"
            index = end
        else:
            index += 1


def _teaser_item_end(infos: list[LineInfo], index: int) -> int | None:
    """End (exclusive) of a headline + single teaser item starting at ``index``."""
    if index >= len(infos) or infos[index].kind != LineKind.SHORT or not _headline_shape(infos[index]):
        return None
    index += 1
    while index < len(infos) and infos[index].kind == LineKind.META:
        index += 1
    if index >= len(infos) or not _is_text(infos[index]):
        return None
    index += 1
    if index < len(infos) and _is_text(infos[index]):
        return None  # two paragraphs under a heading: that is an article section
    while index < len(infos) and infos[index].kind == LineKind.META:
        index += 1
    return index


def _repetition_is_furniture(info: LineInfo) -> bool:
    """Site names and headline lists repeat; a digest may repeat a whole sentence."""
    if info.kind == LineKind.META:
        return False
    if info.kind == LineKind.GOOD:
        return info.repeats >= 3
    return True


# --- step 2: the body region -------------------------------------------------------


def _line_score(info: LineInfo) -> float:
    if info.kind == LineKind.GOOD:
        return max(1.0, min(info.words, 60) / 10)
    if info.kind == LineKind.NEAR_GOOD:
        return _NEAR_GOOD_SCORE
    return _PENALTY[info.kind]


def _best_region(infos: list[LineInfo], first: int = 0) -> tuple[int, int] | None:
    """Indices (inclusive) of the maximum-scoring contiguous run of lines from ``first`` on."""
    best_total, best = 0.0, None
    total, run_start = 0.0, first
    for index in range(first, len(infos)):
        info = infos[index]
        if total <= 0:
            total, run_start = 0.0, index
        total += _line_score(info)
        if total > best_total:
            best_total, best = total, (run_start, index)
    if best is None:
        return None
    start, end = best
    if not any(infos[i].kind == LineKind.GOOD for i in range(start, end + 1)):
        return None
    return best


_SMALL_GAP = 2  # caption + credit, or an advert: bridged towards any paragraph
_LIST_GAP = 6  # an in-body "Related" block: bridged only towards substantial text
_LIST_GAP_TEXT_WORDS = 30


def _bridge_small_gaps(
    infos: list[LineInfo], start: int, end: int, title_index: int | None
) -> tuple[int, int]:
    """Take in running text cut off from the body by a caption and its credit, an
    advert, or a short "Related" block. A gap holding the headline or a date stamp
    is the article's header, not part of its body, and is never crossed."""
    start = _bridge(infos, start, -1, title_index)
    end = _bridge(infos, end, +1, title_index)
    return start, end


def _bridge(infos: list[LineInfo], edge: int, step: int, title_index: int | None) -> int:
    """Move ``edge`` outwards (``step`` = -1 up, +1 down) over bridgeable gaps."""
    while (beyond := _bridgeable_gap_end(infos, edge, step, title_index)) is not None:
        edge = beyond
        # and the paragraphs that follow on without a gap
        while 0 <= edge + step < len(infos) and _is_text(infos[edge + step]):
            edge += step
    return edge


def _bridgeable_gap_end(
    infos: list[LineInfo], edge: int, step: int, title_index: int | None
) -> int | None:
    """The first paragraph beyond a bridgeable gap next to ``edge``, or None."""
    headline_seen = False
    for width in range(1, _LIST_GAP + 1):
        gap_last = edge + width * step
        beyond = gap_last + step
        if not 0 <= beyond < len(infos):
            return None
        if infos[gap_last].kind not in (LineKind.SHORT, LineKind.BAD):
            return None  # text or a date stamp: not a gap we may cross
        if infos[gap_last].reason == "comments":
            return None  # what follows a comment heading is readers' text
        headline_seen = headline_seen or gap_last == title_index
        if infos[beyond].kind != LineKind.GOOD:
            continue
        if width <= _SMALL_GAP and not _has_section_heading(infos, edge + step, beyond):
            return None if headline_seen else beyond
        # A wider gap is an in-body "Related" block: one heading and its links.
        if (
            _furniture_count(infos, edge + step, beyond) <= 1
            and _text_words_from(infos, beyond, step) >= _LIST_GAP_TEXT_WORDS
        ):
            return beyond
    return None


def _furniture_count(infos: list[LineInfo], first: int, stop: int) -> int:
    """BAD lines in a gap: a "Related" block has one (its heading), a footer many."""
    step = 1 if stop > first else -1
    return sum(1 for i in range(first, stop, step) if infos[i].kind == LineKind.BAD)


def _has_section_heading(infos: list[LineInfo], first: int, stop: int) -> bool:
    step = 1 if stop > first else -1
    return any(infos[i].reason == "section" for i in range(first, stop, step))


def _text_words_from(infos: list[LineInfo], index: int, step: int) -> int:
    """Words of running text from ``index`` on, across caption-sized gaps. A headline
    between two texts costs as much as a teaser earns: a list of headlines with
    teasers is not the rest of the article."""
    words, gap = 0, 0
    while 0 <= index < len(infos) and gap <= _SMALL_GAP:
        info = infos[index]
        if _is_text(info):
            words, gap = words + info.words, 0
        elif info.kind == LineKind.SHORT or (info.kind == LineKind.BAD and info.reason != "section"):
            gap += 1
            if info.kind == LineKind.SHORT and _headline_shape(info):
                words -= _HEADLINE_COST
        else:
            break
        index += step
    return words


_HEADLINE_COST = 25


def _headline_shape(info: LineInfo) -> bool:
    """Three or more words, no closing punctuation, mostly capitalised, no credit."""
    if info.sentence_end or info.words < 3 or is_caption_shape(info.text, info.words):
        return False
    capitalised = sum(1 for word in info.text.split() if word[:1].isupper())
    return capitalised >= 0.5 * info.words


# --- step 3: the body lines --------------------------------------------------------


def _body_lines(infos: list[LineInfo], start: int, end: int) -> list[LineInfo]:
    kept: list[LineInfo] = []
    for index in range(start, end + 1):
        info = infos[index]
        if info.kind in (LineKind.GOOD, LineKind.NEAR_GOOD):
            if not _is_caption(infos, index):
                kept.append(info)
        elif info.kind == LineKind.SHORT and _is_crosshead(infos, index, start, end) and not _is_caption(infos, index):
            kept.append(info)
    return kept


def _is_text(info: LineInfo) -> bool:
    return info.kind in (LineKind.GOOD, LineKind.NEAR_GOOD)


def _is_crosshead(infos: list[LineInfo], index: int, start: int, end: int) -> bool:
    """A fragment between paragraphs of running text: a crosshead or a short quote."""
    info = infos[index]
    if info.words > _MAX_CROSSHEAD_WORDS or is_caption_shape(info.text, info.words):
        return False
    if index == start or index == end:
        return False
    return _is_text(infos[index - 1]) and _is_text(infos[index + 1])


def _content_words(text: str) -> set[str]:
    return {word for word in normalise_words(text) if len(word) > 2}


def normalise_words(text: str) -> list[str]:
    return [w for w in (normalise_key(token) for token in text.split()) if w]


def _is_caption(infos: list[LineInfo], index: int) -> bool:
    """A picture caption in the body: no closing punctuation, and it repeats a nearby
    sentence ("X has won a third term" next to "X has won a third term in office.")."""
    info = infos[index]
    if info.sentence_end:
        return False
    words = _content_words(info.text)
    if len(words) < 3:
        return False
    low, high = max(0, index - _CAPTION_WINDOW), min(len(infos), index + _CAPTION_WINDOW + 1)
    for other_index in range(low, high):
        other = infos[other_index]
        if other_index == index or not other.sentence_end or other.words < info.words * 0.8:
            continue
        shared = len(words & _content_words(other.text))
        if shared >= 0.75 * len(words):
            return True
    return False


# --- step 4: metadata --------------------------------------------------------------


def _page_metadata(
    infos: list[LineInfo], start: int, end: int, kept: list[LineInfo], title_index: int | None
) -> _PageMetadata:
    page = _PageMetadata()
    header = list(range(max(0, start - _HEADER_WINDOW), start))
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
        found = meta.dateline_line(infos[index].text)
        if found and infos[index].kind != LineKind.GOOD:
            page.dateline = found[0]
            page.source = page.source or found[1]
            break
    page.dateline = page.dateline or place
    return page


_SITE_SUFFIX = re.compile(r"\s+[|–—:-]\s+|\s+[|]\s*")


def _title_echo_keys(infos: list[LineInfo]) -> set[str]:
    """Keys of lines that echo the headline elsewhere on the page: lower-case URL slugs
    ("russia and us call urgent talks") and window titles ("Headline | Site")."""
    keys = set()
    for info in infos[:_HEADER_WINDOW]:
        if info.text == info.text.lower() and info.words >= 3:
            keys.add(normalise_key(info.text))
        parts = _SITE_SUFFIX.split(info.text)
        if len(parts) > 1:
            keys.add(normalise_key(" ".join(parts[:-1])))
    return keys


def _without_site_name(title: str) -> str:
    """'Headline | Site' (a window title) -> 'Headline'."""
    head, bar, _site = title.partition(" | ")
    return head.strip() if bar and len(head.split()) >= 3 else title


def _echoed_headline(infos: list[LineInfo], echoes: set[str]) -> int | None:
    """The first properly cased line that a slug, window title or hint repeats."""
    for index, info in enumerate(infos):
        if info.text != info.text.lower() and normalise_key(info.text) in echoes:
            return index
    return None


def _title_index(infos: list[LineInfo], header: list[int], echoes: set[str]) -> int | None:
    candidates = [*header]
    candidates += [i for i in range(min(3, len(infos))) if i not in header and header and i < header[0]]
    furniture_keys = [
        normalise_key(info.text) for info in infos if info.kind == LineKind.BAD and info.repeats >= 3
    ]
    best_score, best_index = 0.0, None
    body_start = header[-1] + 1 if header else 0
    for index in candidates:
        score = _title_score(infos[index], body_start - index, echoes, furniture_keys)
        if score is not None and score > best_score:
            best_score, best_index = score, index
    return best_index


def _title_score(
    info: LineInfo, distance: int, echoes: set[str], furniture_keys: list[str]
) -> float | None:
    text, words = info.text, info.words
    if info.kind == LineKind.META or words < 2 or words > 30:
        return None
    if info.repeats >= 3 or text == text.lower() or boilerplate_reason(text, words):
        return None
    if is_caption_shape(text, words) or BYLINE.match(text):
        return None
    if text.endswith(".") and words >= 10:
        return None
    key = normalise_key(text)
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


# --- assembling the articles -------------------------------------------------------


def _story_starts(paragraphs: list[str]) -> list[int]:
    """Story boundaries from the stories module, checked so a bad answer cannot crash us."""
    from reader.ingest.stories import split_stories  # the stories helper's module

    try:
        starts = split_stories(paragraphs)
    except Exception:  # a splitter failure must not lose the page
        return [0]
    valid = sorted({s for s in starts if isinstance(s, int) and 0 <= s < len(paragraphs)} | {0})
    return valid


def _story_title(lead: str) -> str:
    from reader.ingest.stories import story_title

    try:
        title = story_title(lead)
    except Exception:
        title = ""
    return title or " ".join(lead.split()[:12])


def _articles(
    kept: list[LineInfo], page: _PageMetadata, path: str, hints: PageHints
) -> list[Article]:
    paragraphs = [info.text for info in kept]
    starts = _story_starts(paragraphs)
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
                url=hints.url,
                part=part,
                lines=(story[0].number, story[-1].number),
            )
        )
    return articles

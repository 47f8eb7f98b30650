"""Where the article is on a scraped page: the lines of its body.

The page's lines are described and classified (``reader.ingest.boilerplate``),
lists of teasers and repeated lines are marked as furniture, and the body is the
contiguous run of lines with the highest total score (Kadane's maximum subarray,
as in Finn's Body Text Extraction): running text scores by its length, everything
else costs a little. Short gaps inside the body (a caption and its credit, an
advert, a "Related" block) are then bridged, and inside the run only running text,
crossheads and short quotes are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from itertools import pairwise

from reader.ingest.boilerplate import (
    BAD,
    GOOD,
    MEDIA_PLAYER,
    META,
    NEAR_GOOD,
    SHORT,
    STOPWORDS,
    LineInfo,
    boilerplate_reason,
    described_lines,
    holds_any,
    is_relative_time,
    is_ticker,
    reads_like_caption,
)
from reader.ingest.language import ascii_form, ascii_letter_runs, is_spaceless, stopwords, uses_latin_script

# How much each kind of line adds to a candidate body region.
_PENALTY = {SHORT: -1.0, BAD: -2.0, META: -0.5}
_NEAR_GOOD_SCORE = 0.3
_BARRIER = -1e9
# Lines that end an article or start what follows it: "Related", a promotion, wire
# credits, an author's note, a copyright line, the dates of a list of other stories.
_END_MARKS = frozenset({"section", "promotion", "author-bio", "notice", "list-date"})
_BARRIERS = frozenset({"comments"})
_END_MARK_COST = -4.0
_CAPTION_WINDOW = 10  # lines around a caption searched for the sentence it repeats
_MAX_CROSSHEAD_WORDS = 10


# --- step 1: describe and classify -------------------------------------------------


def describe_page(text: str, language: str | None = None) -> list[LineInfo]:
    """The page's non-blank lines, described and classified for a page in ``language``
    (an ISO 639 code; None: unknown). A paragraph wrapped over several lines is one line."""
    stops = stopwords(language) or STOPWORDS
    spaceless = is_spaceless(language)
    latin = uses_latin_script(language)
    infos = described_lines(_logical_lines(text, stops), stops, spaceless, latin)
    counts = Counter([info.key for info in infos])
    for info in infos:
        info.repeats = counts[info.key] if info.key else 1
        if info.repeats >= 2 and _repetition_is_furniture(info):
            info.kind = BAD
    _mark_contents(infos)
    # (the few lines the line patterns flagged: the passes below look for headings and labels among them)
    flagged = [index for index, info in enumerate(infos) if info.reason is not None]
    _mark_teaser_lists(infos, stops, flagged)
    _mark_dated_lists(infos, flagged)
    _mark_galleries(infos)
    _mark_media_players(infos)
    _mark_separated_menus(infos)
    _mark_charts(infos)
    _mark_flattened_tables(infos)
    _mark_listings(infos)
    _mark_lists(infos)
    _mark_link_lists(infos, stops)
    return infos


_MIN_CONTENTS = 3  # entries of a table of contents at least


def _mark_contents(infos: list[LineInfo]) -> None:
    """A table of contents: short lines in a row, each the crosshead of a section further
    down (a line that running text follows). Entries and crossheads are the article's,
    though each shows twice."""
    twice = [index for index, info in enumerate(infos) if info.repeats == 2]
    later = {infos[index].key: index for index in twice}  # the second copy
    index = 0
    for candidate in twice:  # (no other line is an entry: the lines between are skipped)
        if candidate < index:
            continue
        index = end = candidate
        while end < len(infos) and _section_heading_below(infos, end, later) is not None:
            end += 1
        if end - index >= _MIN_CONTENTS:
            for entry in range(index, end):
                heading = later[infos[entry].key]
                infos[entry].kind, infos[entry].reason = SHORT, "list-item"
                infos[heading].kind, infos[heading].reason = SHORT, None
        index = max(end, index + 1)


def _section_heading_below(infos: list[LineInfo], index: int, later: dict[str, int]) -> int | None:
    """Where the entry at ``index`` heads a section further down, if it does."""
    info = infos[index]
    if info.repeats != 2 or info.words > _MAX_CROSSHEAD_WORDS or info.sentence_end:
        return None
    heading = later.get(info.key, index)
    if heading <= index + 1 or heading + 1 >= len(infos) or not is_text(infos[heading + 1]):
        return None
    return heading


def runs_of(flags: list[bool], least: int) -> Iterator[tuple[int, int]]:
    """(start, end) (``end`` exclusive) of each run of at least ``least`` true flags in a
    row, longest runs only. (The passes below test every line before marking any run:
    a test reads only its own line, and a pass marks the lines of a run or just above
    it, never one ahead, so testing first finds the runs that testing along would.)"""
    return ((found.start(), found.end()) for found in _run_pattern(least).finditer(bytes(flags)))


@cache
def _run_pattern(least: int) -> re.Pattern[bytes]:
    return re.compile(b"\x01{%d,}" % least)


_LINK_RUN = 3  # headlines in a row at least
_LINK_WORDS = (5, 16)
_LABEL_WORDS_ABOVE = 4
_LINK_FIGURES = 0.5


def _mark_link_lists(infos: list[LineInfo], stops: frozenset[str]) -> None:
    """Three or more headlines in a row (unfinished lines of five to sixteen words that
    are no list items) are links to other stories, in any language; the short label
    above them ("Artículos relacionados") goes with them."""
    low, high = _LINK_WORDS
    shaped = [
        low <= info.words <= high and info.kind == SHORT and _link_shaped(info, stops) for info in infos
    ]  # (the quick tests of _link_shaped first: most lines fail them)
    for index, end in runs_of(shaped, _LINK_RUN):
        if _with_figures(infos, index, end) < _LINK_FIGURES * (end - index):  # not table rows
            label = index - 1
            if label >= 0 and infos[label].kind == SHORT and infos[label].words <= _LABEL_WORDS_ABOVE:
                index = label
            for info in infos[index:end]:
                info.kind, info.reason = BAD, "links"


def _link_shaped(info: LineInfo, stops: frozenset[str]) -> bool:
    """A headline: no line of wrapped prose, which stops on a function word as often as not."""
    low, high = _LINK_WORDS
    if not (
        info.kind == SHORT
        and info.reason is None
        and low <= info.words <= high
        and not info.sentence_end
        and not info.caption
    ):
        return False
    last = info.text.rsplit(" ", 1)[-1].lower()
    return (
        not (len(last) <= _FUNCTION_WORD_LETTERS and last in stops)
        and not _LIST_MARKER.match(info.text)
        and not _holds_code(info.text)
    )


_MAX_ITEM_WORDS = 10
# Under a sentence that leads in ("The president also said:"), the items may be clauses.
_MAX_CLAUSE_ITEM_WORDS = 16
_MAX_ITEMS = 40


def _mark_lists(infos: list[LineInfo]) -> None:
    """The short lines under a lead-in ("What you'll need:", "Specifications:", "In the
    interview he also said:") are the items of its list, with or without bullets."""
    for index, info in enumerate(infos):
        if not info.text.endswith(_LEAD_IN):
            continue  # (the quick test of _is_lead_in first: most lines end otherwise)
        if not (is_text(info) or info.kind == SHORT) or not _is_lead_in(info):
            continue
        longest = (
            _MAX_CLAUSE_ITEM_WORDS if is_text(info) and info.text.endswith((":", "：")) else _MAX_ITEM_WORDS
        )
        for item in infos[index + 1 : index + 1 + _MAX_ITEMS]:
            if item.kind != SHORT or item.words > longest or item.caption:
                break
            item.reason = "list-item"


def _is_lead_in(info: LineInfo) -> bool:
    return info.words >= 2 and info.text.endswith(_LEAD_IN) and not info.text.isupper()


_CHART_RUN = 8  # lines of a chart's labels in a row at least
_CHART_LABEL_WORDS = 3
_CHART_FIGURES = 0.6  # share of its lines that hold a figure
_DIGIT = re.compile(r"\d")


def _with_figures(infos: list[LineInfo], start: int, end: int) -> int:
    """How many of the lines from ``start`` to ``end`` (exclusive) hold a figure."""
    return sum(1 for info in infos[start:end] if _DIGIT.search(info.text))


def _mark_charts(infos: list[LineInfo]) -> None:
    """A chart or an interactive graphic inside the article, scraped as a column of its
    labels ("$915", "billion", "’17", "’18"...): furniture the body runs on across."""
    labels = [
        info.words <= _CHART_LABEL_WORDS
        and info.reason != "list-date"
        and not _LIST_MARKER.match(info.text)  # "1. Finland": a ranked list is text
        for info in infos
    ]
    for index, end in runs_of(labels, _CHART_RUN):
        if _with_figures(infos, index, end) >= _CHART_FIGURES * (end - index):
            for info in infos[index:end]:
                info.kind, info.reason = BAD, "gallery"


_TABLE_RUN = 8  # cells in a row at least
_TABLE_CELL_WORDS = 4
_TABLE_SIDE_WORDS = 10  # words of the paragraphs right above and right below, at least


def _mark_flattened_tables(infos: list[LineInfo]) -> None:
    """A table of labels scraped one cell to a line inside the article (a progress
    matrix, a list of settings): a run of short plain lines with a paragraph right
    above it and right below it. The body runs on across it, as across a chart.
    (Menus and tag lists stand at a page's edges, or hold furniture labels.)"""
    cells = [
        info.words <= _TABLE_CELL_WORDS
        and (info.kind == SHORT or is_text(info))
        and info.reason is None
        and not info.caption
        for info in infos
    ]
    for index, end in runs_of(cells, _TABLE_RUN):
        if index > 0 and end < len(infos) and _paragraph(infos[index - 1]) and _paragraph(infos[end]):
            for info in infos[index:end]:
                info.kind, info.reason = BAD, "gallery"


def _paragraph(info: LineInfo) -> bool:
    return is_text(info) and info.words >= _TABLE_SIDE_WORDS


_LISTING_LINE_WORDS = 12
_MIN_CODE_LINES = 2
_CODE_SHARE = 0.3
# Lines of code, of a formula or of a program's output: an identifier, a box rule
# (written as _CODE_ANYWHERE is, see there).
_CODE_LIKE = r"_(?<=[a-z0-9]_)[a-z0-9]|│|┼|─"
# Furniture a listing never runs over.
_LISTING_STOPS = frozenset({"comments", "section", "notice", "promotion", "author-bio", "list-date"})
_LISTING_KINDS = (SHORT, BAD)


def _mark_listings(infos: list[LineInfo]) -> None:
    """A code listing, a formula or a program's output scraped a token or a line at a
    time ("SELECT", "*,", "FROM", "x", "=", "{\\displaystyle x}"): the run of short
    lines holding two lines of code or more, at least a third of it. Its lines are the
    article's, however often they repeat, and a body runs on across them."""
    listing = [
        info.words <= _LISTING_LINE_WORDS
        and info.kind in _LISTING_KINDS
        and info.reason not in _LISTING_STOPS
        and not info.caption
        for info in infos
    ]
    for index, end in runs_of(listing, _MIN_CODE_LINES):
        needed = max(_MIN_CODE_LINES, _CODE_SHARE * (end - index))
        code = 0
        for position in range(index, end):
            if code + end - position < needed:
                break  # the lines left cannot make it a listing (a menu, a list of labels)
            code += _code_line(infos[position])
        if code >= needed:
            for info in infos[index:end]:
                info.kind, info.reason = SHORT, "code"


def _code_line(info: LineInfo) -> bool:
    return _holds_code(info.text, _CODE_LINE)


_GALLERY_STEP = 6  # lines between two counters of one gallery at most


def _mark_galleries(infos: list[LineInfo]) -> None:
    """A picture gallery inside a page ("1 of 4", a caption, a credit, "2 of 4"...):
    its title, pictures' captions and credits are all furniture, and the article
    runs on across it."""
    counters = [i for i, info in enumerate(infos) if info.reason == "gallery"]
    groups: list[list[int]] = []
    for index in counters:
        if groups and index - groups[-1][-1] <= _GALLERY_STEP:
            groups[-1].append(index)
        else:
            groups.append([index])
    for group in groups:
        if len(group) < 2:
            continue
        item = max(1, (group[-1] - group[0]) // (len(group) - 1))  # lines per picture
        first = group[0] - 1 if group[0] and infos[group[0] - 1].kind != GOOD else group[0]
        # the last picture's lines, unless the article resumes (two paragraphs in a row)
        last = group[-1]
        while (
            last + 1 < len(infos)
            and last + 1 < group[-1] + item
            and not (is_text(infos[last + 1]) and last + 2 < len(infos) and is_text(infos[last + 2]))
        ):
            last += 1
        for i in range(first, last + 1):
            infos[i].kind, infos[i].reason = BAD, "gallery"


_PLAYER_STEP = 80  # lines between two of one player's entries at most (its settings dialog)
_PLAYER_REACH = 30  # its buttons before the first entry and after the last, in lines at most
_PLAYER_ENTRY_WORDS = 20  # "This is a modal window. This modal can be closed by pressing…"


def _mark_media_players(infos: list[LineInfo]) -> None:
    """An embedded video player inside the article: its buttons, menus and dialogs
    ("Play", "Current Time 0:00", "captions off, selected", "This is a modal window.")
    are a hundred short lines, furniture that the article runs on across, as across
    a gallery. Only a player with text on both sides and none inside: one above the
    text is the article's header, where the headline is. Its entries are furniture
    wherever they are."""
    entries = [
        i
        for i, info in enumerate(infos)
        if info.words <= _PLAYER_ENTRY_WORDS and MEDIA_PLAYER.match(info.text)
    ]
    groups: list[list[int]] = []
    for index in entries:
        previous = groups[-1][-1] if groups else None
        if (
            previous is not None
            and index - previous <= _PLAYER_STEP
            and not any(is_text(infos[i]) for i in range(previous + 1, index))
        ):
            groups[-1].append(index)
        else:
            groups.append([index])
    for index in entries:
        infos[index].kind, infos[index].reason = BAD, "furniture"
    for group in groups:
        if len(group) < 2:
            continue
        first, last = group[0], group[-1]
        while first > 0 and group[0] - first < _PLAYER_REACH and not is_text(infos[first - 1]):
            first -= 1
        while last + 1 < len(infos) and last - group[-1] < _PLAYER_REACH and not is_text(infos[last + 1]):
            last += 1
        if (
            first == 0
            or last + 1 == len(infos)
            or not (is_text(infos[first - 1]) and is_text(infos[last + 1]))
        ):
            continue
        for i in range(first, last + 1):
            infos[i].kind, infos[i].reason = BAD, "gallery"


# A menu or a list of links saved on one line: "Politique ▪ Société ▪ Économie ▪ Culture".
_MENU_SEPARATOR = re.compile(r"\s[▪•·|›»]\s")
_MENU_SEPARATOR_CHARS = ("▪", "•", "·", "|", "›", "»")
_MENU_ITEMS = 5
_MENU_ITEM_WORDS = 5  # on average: a list of sentences is no menu


def _mark_separated_menus(infos: list[LineInfo]) -> None:
    """Lines of five or more short items between separators are a site's menus and
    link lists (its sections, services, sister sites), however many words they add
    up to: in French or German their stop words made some of them read as text."""
    for info in infos:
        if info.kind == BAD or info.words < _MENU_ITEMS or not holds_any(info.text, _MENU_SEPARATOR_CHARS):
            continue
        items = _MENU_SEPARATOR.split(info.text)
        if len(items) >= _MENU_ITEMS and info.words <= _MENU_ITEM_WORDS * len(items):
            info.kind, info.reason = BAD, "furniture"


_LIST_DATE_WINDOW = 4  # lines on each side searched for the other dates of a list
_LIST_DATES = 2  # other dates near a date that make it part of a list


def _mark_dated_lists(infos: list[LineInfo], flagged: list[int]) -> None:
    """Date stamps that come every few lines (other stories with their times, a live
    feed beside the article) are the list's furniture, not the article's date."""
    stamps = [i for i, info in enumerate(infos) if info.kind == META and _is_stamp(info)]
    for position, index in enumerate(stamps):
        near = sum(
            1
            for other in stamps[max(0, position - _LIST_DATES) : position + _LIST_DATES + 1]
            if other != index and abs(other - index) <= _LIST_DATE_WINDOW
        )
        if near >= _LIST_DATES:
            infos[index].reason = "list-date"
    # Below a "Related" or "Latest" heading that follows running text, a stamp dates
    # another story of the list, however far apart the list's stamps are.
    first_text = next((index for index, info in enumerate(infos) if is_text(info)), len(infos))
    scanned = 0  # (a heading among lines already scanned has nothing left to mark: linear time)
    for heading in flagged:
        if heading > first_text and heading >= scanned and infos[heading].reason == "section":
            scanned = heading + 1
            while scanned < len(infos) and not is_text(info := infos[scanned]):
                if info.kind == META and _is_stamp(info):
                    info.reason = "list-date"
                scanned += 1


_STAMP = re.compile(
    r"\d{1,2}[:.h]\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
    r"\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\bago\b|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}",
    re.IGNORECASE,
)


def _is_stamp(info: LineInfo) -> bool:
    """A time or a day of a month, not a bare year (a table of films by year is no list
    of other stories)."""
    return bool(_STAMP.search(info.text)) or is_relative_time(info.text)


_SENTENCE_STOP = (".", "!", "?", ":", ";", "…", '"', "”", "»", ")", "]", "。", "！", "？", "」")
# A sentence going on after a break: "-- adorned in pearls --", "... and then".
_CONTINUATIONS = ("-- ", "... ", "… ")
_MIN_JOINED_WORDS = 6
_MIN_CUT_WORDS = 6  # "Supported by" is a label; a sentence cut after "of" is longer
_FUNCTION_WORD_LETTERS = 4  # "of", "the", "de", "und": stop lists also hold frequent nouns
# The opening of a list item or a labelled line: "3. ", "March 3, 2021: ", "Q: ".
_ITEM_OPENING = re.compile(r"^(?:\d{1,3}[.)]\s|[^:]{1,25}:\s)")


# "by Jane Doe @jdoe February 1, 2016" or a label "by:" over the name: a byline under a
# headline, not its last words
_BYLINE_START = re.compile(r"^(?i:by|par|von|por|door|av|af|przez)(?:\s+[A-ZÀ-ÞА-Я]|\s*:$)")


def _furniture_label(line: str) -> bool:
    """A button or a label ("share", "tweet", "read more") that no sentence runs on into."""
    words = line.count(" ") + 1
    return words <= _LABEL_WORDS and boilerplate_reason(line, words) is not None


_LABEL_WORDS = 4
_MIN_JOINED_STOP_DENSITY = 0.15
_WORD_TOKEN = re.compile(r"[^\W\d_]+")


def _logical_lines(text: str, stops: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """(first line number, last line number, text) of each block of the page. A line
    that stops mid-sentence and the line after it that goes on in lower case (a
    paragraph hard-wrapped by the page or the scraper) make one block."""
    block: list[str] = []
    first = last = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if (
            block
            and stripped
            # (the quick test that opens _continues: most lines open in capitals)
            and (stripped[0].islower() or stripped[0].isdigit() or stripped.startswith(_CONTINUATIONS))
            and _continues(block, stripped, stops)
        ):
            block.append(stripped)
            last = number
            continue
        if block:
            yield first, last, " ".join(block) if len(block) > 1 else block[0]
        block, first, last = ([raw], number, number) if stripped else ([], 0, 0)
    if block:
        yield first, last, " ".join(block) if len(block) > 1 else block[0]


def _continues(block: list[str], line: str, stops: frozenset[str]) -> bool:
    previous = block[-1].rstrip()
    if not previous or previous.endswith(_SENTENCE_STOP):
        return False
    if not (line[0].islower() or line.startswith(_CONTINUATIONS)):
        # a line cut after a function word goes on in a number ("... in November of" "1998").
        # A capital after it would as often open a paragraph under a crosshead.
        if not line[0].isdigit():
            return False
        head, _, last = previous.rpartition(" ")
        cut = (
            head.count(" ") + 2 >= _MIN_CUT_WORDS
            and last.islower()
            and len(last) <= _FUNCTION_WORD_LETTERS
            and last in stops
        )
        if not cut or _LIST_MARKER.match(block[0]) or _ITEM_OPENING.match(line):
            return False  # a list item ends with its line
    if " " not in line and line.endswith((":", "：")):
        return False  # one word and a colon: a label ("by:", "from:"), not the rest of a line
    if is_ticker(previous) or is_ticker(line) or _BYLINE_START.match(line):
        return False
    # (already a wrapped paragraph, or two lines that read as one; tested before the
    # line's labels, the dearest test, which lower-case menus then skip)
    return (len(block) > 1 or _reads_on(previous, line, stops)) and not _furniture_label(line)


def _reads_on(previous: str, line: str, stops: frozenset[str]) -> bool:
    """Two lines that make a sentence's words together: menus and tag lists in lower
    case hold no stop words."""
    joined = f"{previous} {line}".lower()
    in_ascii = ascii_form(joined)
    tokens = _WORD_TOKEN.findall(joined) if in_ascii is None else ascii_letter_runs(in_ascii)
    if len(tokens) < _MIN_JOINED_WORDS:
        return False
    return sum(map(stops.__contains__, tokens)) >= _MIN_JOINED_STOP_DENSITY * len(tokens)


_MIN_TEASERS = 3


def _mark_teaser_lists(infos: list[LineInfo], stops: frozenset[str], flagged: list[int]) -> None:
    """Lists of other stories shown as headline + one teaser sentence (+ a date),
    three or more in a row: the teasers read like text but are furniture."""
    # an item opens with a headline: the lines between two headlines are skipped (the
    # lines marked are behind the search, so the headlines ahead are found before it)
    headlines = [
        i
        for i, (info, below) in enumerate(pairwise(infos))
        if below.kind in _TEXT_OR_META  # (the quick tests first: most lines fail them)
        and 3 <= info.words <= _MAX_HEADLINE_WORDS
        and info.kind == SHORT
        and headline_shape(info)
    ]
    index = 0
    for start in headlines:
        if start < index:
            continue
        index = start
        items, end = 0, index
        while (item_end := _teaser_item_end(infos, end)) is not None:
            items, end = items + 1, item_end
        if items >= _MIN_TEASERS:
            for i in range(index, end):
                infos[i].kind, infos[i].reason = BAD, "teasers"
            index = end
    # Under a heading such as "Latest news" or "Related coverage", the headlines may be
    # in sentence case ("Weight loss: how important is breakfast?"), as many sites write them.
    for heading in flagged:
        if infos[heading].reason != "section":
            continue
        items, end = 0, heading + 1
        while (item_end := _teaser_item_end(infos, end, under_heading=True)) is not None:
            items, end = items + 1, item_end
        if items < _MIN_TEASERS:
            end = _glued_teasers_end(infos, heading + 1, stops)
        if end - heading - 1 >= _MIN_TEASERS:
            for i in range(heading + 1, end):
                infos[i].kind, infos[i].reason = BAD, "teasers"
    # A box promoting one other story inside the article: its headline, one sentence and
    # a link's label under them ("Read now", "Read more").
    for label in flagged:
        info = infos[label]
        if label >= 2 and info.reason in _LABEL_REASONS and info.words <= 2 and _READ_LABEL.match(info.text):
            summary = infos[label - 1]
            if _teaser_headline(infos[label - 2]) and is_text(summary) and summary.words <= _TEASER_MAX_WORDS:
                for i in range(label - 2, label + 1):
                    infos[i].kind, infos[i].reason = BAD, "teasers"


# A teaser's headline run into its summary, the summary's first word a capitalised stop
# word: "Pets benefit our mental health A systematic review lists the ways ...".
_GLUE = re.compile(r"[a-z'’)] +([A-Z][a-z]*) +[a-z]")  # (not "in The Hague", "class A shares")
_GLUED_WORDS = 45  # a teaser's words at most
_GLUE_WORDS = 16  # words of a headline before its summary at most
_TEXT_OR_SHORT = (GOOD, NEAR_GOOD, SHORT)


def _glued_teasers_end(infos: list[LineInfo], start: int, stops: frozenset[str]) -> int:
    """End (exclusive) of a run of short paragraphs from ``start``, at least two and half
    of which are a headline run into its summary, ended by furniture or the page's end;
    ``start`` when there is none. (Paragraphs of the article do not read so, and run
    on into more of them.)"""
    end, glued = start, 0
    while end < len(infos) and infos[end].kind in _TEXT_OR_SHORT and infos[end].words <= _GLUED_WORDS:
        glued += _glued(infos[end].text, stops)
        end += 1
    ended = end == len(infos) or infos[end].kind == BAD
    return end if glued >= max(2, (end - start + 1) // 2) and ended else start


def _glued(text: str, stops: frozenset[str]) -> bool:
    head = " ".join(text.split(" ", _GLUE_WORDS)[:_GLUE_WORDS])
    return any(
        len(word := found.group(1)) <= _FUNCTION_WORD_LETTERS and word.lower() in stops
        for found in _GLUE.finditer(head)
    )  # (stop lists also hold frequent nouns: "Group", "System")


_LABEL_REASONS = ("furniture", "section")  # "Read now", "Read more" as the line patterns file them
_READ_LABEL = re.compile(r"^(?:read|watch|listen) (?:now|more|next|here)\W*$", re.IGNORECASE)
_TEXT_OR_META = (GOOD, NEAR_GOOD, META)


def _teaser_item_end(infos: list[LineInfo], index: int, under_heading: bool = False) -> int | None:
    """End (exclusive) of a headline + single teaser item starting at ``index``.
    ``under_heading``: below a "Related" or "Latest news" heading, where a headline
    may be in sentence case and the next item's headline follows the teaser."""
    if index >= len(infos) or not (
        _teaser_headline(infos[index])
        if under_heading
        else infos[index].kind == SHORT and headline_shape(infos[index])
    ):
        return None
    index += 1
    while index < len(infos) and infos[index].kind == META:
        index += 1
    if index >= len(infos) or not _is_teaser(infos[index]):
        return None
    index += 1
    if (
        index < len(infos)
        and is_text(infos[index])
        and not (_teaser_headline(infos[index]) if under_heading else _capitalised(infos[index]))
    ):
        return None  # two paragraphs under a heading: that is an article section
    while index < len(infos) and infos[index].kind == META:
        index += 1
    return index


_TEASER_MAX_WORDS = 35
_TEASER_HEADLINE_WORDS = 14


def _teaser_headline(info: LineInfo) -> bool:
    """A headline in any case: a short line, no sentence of running text."""
    return info.kind in (SHORT, NEAR_GOOD) and 3 <= info.words <= _TEASER_HEADLINE_WORDS and not info.caption


_INNER_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’]?\s+[A-Z\"“]")


def _is_teaser(info: LineInfo) -> bool:
    """One sentence of running text: a paragraph under a crosshead is usually longer."""
    return is_text(info) and info.words <= _TEASER_MAX_WORDS and not _INNER_SENTENCE_BREAK.search(info.text)


_MAX_TEXT_REPEATS = 3  # an article shown two or three times over (a summary, a print copy)


def _repetition_is_furniture(info: LineInfo) -> bool:
    """Site names, menus and headline lists repeat; the article's own text may show
    two or three times (a dek repeating the lead, a digest repeating background,
    a second copy of the page), and code and list items repeat too."""
    if info.kind == META:
        return False
    if is_text(info):
        return info.repeats > _MAX_TEXT_REPEATS
    return not is_body_fragment(info)


_LIST_MARKER = re.compile(r"^(?:[-*•·▪►◦–—+]|\d{1,3}[.)]|[a-zA-Z][.)]|\(\w{1,3}\))\s+\S")
# Code anywhere in a line: an operator, a call "f(", a tag, a comment. Each branch
# opens with a literal character ("\w(" is written as "(" with the word character
# before it looked back at): then re scans a line for those characters alone, at C
# speed, instead of trying every branch at each of its positions (several times dearer
# on a paragraph).
_CODE_ANYWHERE = r"=|;|\{|\}|\((?<=\w\()|::|->|</?\w+>|//|:\s*[\[{(]$"
_CODE = re.compile(_CODE_ANYWHERE)
_CODE_LINE = re.compile(f"{_CODE_ANYWHERE}|{_CODE_LIKE}")  # one search for both
# ...and code that opens the line: a prompt ("$ ls"), a line of brackets and commas.
_CODE_START = re.compile(r"[$#>%]\s|[\[\](){}<>,;.…]+$")


def _holds_code(text: str, pattern: re.Pattern[str] = _CODE) -> bool:
    """``pattern`` (_CODE or _CODE_LINE) found in ``text``, or _CODE_START at its start."""
    return pattern.search(text) is not None or _CODE_START.match(text) is not None


_LEAD_IN = (",", ";", ":", "：", "，")
_FRAGMENT_REASONS = frozenset({"list-item", "code"})
_FRAGMENT_STOP_DENSITY = 0.25


def is_body_fragment(info: LineInfo) -> bool:
    """A fragment that belongs to a body rather than to the page around it: a list
    item, a clause of running text, a lead-in to a list, a line of code."""
    if info.kind != SHORT or info.caption:
        return False
    text = info.text
    if info.reason in _FRAGMENT_REASONS or (info.words >= 2 and _LIST_MARKER.match(text)):
        return True
    if info.words >= 4 and info.stop_density >= _FRAGMENT_STOP_DENSITY:
        return True
    if _is_lead_in(info):
        return True  # "The actions it exposes are:" (but "NEW DELHI:" is a dateline)
    return _holds_code(text)


# --- step 2: the body region -------------------------------------------------------


def _line_score(info: LineInfo) -> float:
    if info.kind == GOOD:
        return max(1.0, min(info.words, 60) / 10)
    if info.kind == NEAR_GOOD:
        return _NEAR_GOOD_SCORE
    if info.reason == "gallery":
        return 0.0  # an article runs on across a gallery of pictures
    if info.reason in _BARRIERS:
        return _BARRIER  # readers' comments follow: the article does not run on past it
    if info.reason in _END_MARKS:
        return _END_MARK_COST
    if info.kind == SHORT:
        # list items and code cost nothing: they do not split a body (a fragment is short)
        return 0.0 if is_body_fragment(info) else _SHORT_COST
    return _BAD_COST if info.kind == BAD else _META_COST


_SHORT_COST, _BAD_COST, _META_COST = (_PENALTY[kind] for kind in (SHORT, BAD, META))


def max_scoring_run(
    infos: list[LineInfo], first: int, score: Callable[[LineInfo], float]
) -> tuple[int, int] | None:
    """Indices (inclusive) of the contiguous run of lines from ``first`` on with the
    highest total ``score`` (Kadane), or None when no line scores above zero."""
    best_total, best = 0.0, None
    total, run_start = 0.0, first
    for index, line_score in enumerate([score(info) for info in infos[first:]], start=first):
        if total <= 0:
            total, run_start = 0.0, index
        total += line_score
        if total > best_total:
            best_total, best = total, (run_start, index)
    return best


def best_region(infos: list[LineInfo], first: int = 0) -> tuple[int, int] | None:
    """Indices (inclusive) of the maximum-scoring contiguous run of lines from ``first`` on."""
    best = max_scoring_run(infos, first, _line_score)
    if best is None:
        return None
    start, end = best
    if not any(infos[i].kind == GOOD for i in range(start, end + 1)):
        return None
    return _with_fragments(infos, start, end, None)


_SMALL_GAP = 2  # caption + credit, or an advert: bridged towards any paragraph
_LIST_GAP = 16  # an in-body "Related" block or a video widget: bridged only towards substantial text
_LIST_GAP_TEXT_WORDS = 30
_WORDS_PER_GAP_LINE = 8  # text beyond a wide gap must outweigh its furniture


def bridge_small_gaps(
    infos: list[LineInfo], start: int, end: int, title_index: int | None
) -> tuple[int, int]:
    """Take in running text cut off from the body by a caption and its credit, an
    advert, or a "Related" block. A gap holding the headline or a date stamp
    is the article's header, not part of its body, and is never crossed."""
    start = _bridge(infos, start, -1, title_index)
    end = _bridge(infos, end, +1, title_index)
    return _with_fragments(infos, start, end, title_index)


def _with_fragments(infos: list[LineInfo], start: int, end: int, title_index: int | None) -> tuple[int, int]:
    """The run with the list items or code that open or close it (not a headline)."""
    while start > 0 and start - 1 != title_index and _extends_body(infos[start - 1], infos[start]):
        start -= 1
    while end + 1 < len(infos) and _extends_body(infos[end + 1], infos[end]):
        end += 1
    return start, end


def _extends_body(info: LineInfo, neighbour: LineInfo) -> bool:
    """A list item or a line of code (a clause alone may be a promotion or a headline).
    An item with the same bullet as the body's item beside it is of the same list
    however many capitals it holds ("+ Added Prismarine and Sea Lantern blocks")."""
    if not is_body_fragment(info):
        return False
    item = info.words >= 2 and _LIST_MARKER.match(info.text) is not None
    if _capitalised(info) and not (item and _same_bullet(info, neighbour)):
        return False
    return item or _holds_code(info.text)


def _same_bullet(info: LineInfo, other: LineInfo) -> bool:
    """Both open with one symbol bullet ("•", "-", "+"); numbered items are not
    compared: a numbered list of headlines ("1. Oil falls...") often follows a body."""
    bullet = info.text[:1]
    return not bullet.isalnum() and bullet != "(" and other.text[:2] == info.text[:2]


def _bridge(infos: list[LineInfo], edge: int, step: int, title_index: int | None) -> int:
    """Move ``edge`` outwards (``step`` = -1 up, +1 down) over bridgeable gaps."""
    while (beyond := _bridgeable_gap_end(infos, edge, step, title_index)) is not None:
        edge = beyond
        # and the paragraphs that follow on without a gap
        while 0 <= edge + step < len(infos) and is_text(infos[edge + step]):
            edge += step
    return edge


def _bridgeable_gap_end(infos: list[LineInfo], edge: int, step: int, title_index: int | None) -> int | None:
    """The first paragraph beyond a bridgeable gap next to ``edge``, or None."""
    headline_seen = False
    headings = costly = 0
    for width in range(1, _LIST_GAP + 1):
        gap_last = edge + width * step
        beyond = gap_last + step
        if not 0 <= beyond < len(infos):
            return None
        info = infos[gap_last]
        if is_text(info) or (info.kind == META and info.reason != "list-date"):
            return None  # text or the article's own date stamp: not a gap we may cross
        if info.reason == "comments":
            return None  # what follows a comment heading is readers' text
        headline_seen = headline_seen or gap_last == title_index
        headings += info.reason == "section"
        costly += not is_body_fragment(info) and info.reason != "gallery"
        if infos[beyond].kind != GOOD:
            continue
        if width <= _SMALL_GAP and not headings:
            return None if headline_seen else beyond
        # A wider gap is an in-body "Related" block: one heading and its links.
        needed = max(_LIST_GAP_TEXT_WORDS, _WORDS_PER_GAP_LINE * costly)
        if (
            headings <= 1
            and not (step > 0 and _under_own_header(infos, beyond))
            and _text_words_from(infos, beyond, step) >= needed
        ):
            return beyond
    return None


def _under_own_header(infos: list[LineInfo], index: int) -> bool:
    """A headline and a date stamp, in either order, right above ``index``: the text
    there is another story of a list or a live feed, not the article going on. (The
    headline in any case: "Praha postaví tři stovky bytů" is one in Czech.)"""
    above = infos[max(0, index - 2) : index]
    return (
        len(above) == 2
        and any(info.kind == META and _is_stamp(info) for info in above)
        and any(info.kind == SHORT and info.words >= 3 and not info.sentence_end for info in above)
    )


def _text_words_from(infos: list[LineInfo], index: int, step: int) -> int:
    """Words of running text from ``index`` on, across caption-sized gaps. A headline
    between two texts costs as much as a teaser earns: a list of headlines with
    teasers is not the rest of the article."""
    words, gap = 0, 0
    while 0 <= index < len(infos) and gap <= _SMALL_GAP:
        info = infos[index]
        if is_text(info):
            words, gap = words + info.words, 0
        elif info.kind == SHORT or (info.kind == BAD and info.reason != "section"):
            gap += 1
            if info.kind == SHORT and headline_shape(info):
                words -= _HEADLINE_COST
        else:
            break
        index += step
    return words


_HEADLINE_COST = 25


def headline_shape(info: LineInfo) -> bool:
    """Three or more words, no closing punctuation, mostly capitalised, no credit."""
    return not info.sentence_end and _capitalised(info)


_MAX_HEADLINE_WORDS = 20


def _capitalised(info: LineInfo) -> bool:
    """Three to twenty words, mostly capitalised, no credit: a headline, maybe ending
    on an abbreviation's full stop."""
    if info.words < 3 or info.words > _MAX_HEADLINE_WORDS or info.caption:
        return False
    capitalised = sum(1 for word in info.text.split() if word[:1].isupper())
    return capitalised >= 0.5 * info.words


# --- step 3: the body lines --------------------------------------------------------


def body_lines(infos: list[LineInfo], start: int, end: int) -> list[LineInfo]:
    """The lines of the body run that are the article: running text, and the
    fragments among it (list items, crossheads, code), but not captions nor the
    links under a "Related" heading."""
    kept: list[LineInfo] = []
    under_heading = False  # the links of a "Related" or "Read more" block
    words_of: dict[int, frozenset[str]] = {}
    for index in range(start, end + 1):
        forget_words_behind(words_of, index)
        info = infos[index]
        if info.kind in (GOOD, NEAR_GOOD):
            under_heading = False
            if not _is_caption(infos, index, words_of) and not _is_captioned_sentence(infos, index):
                kept.append(info)
        elif info.kind == BAD:
            under_heading = under_heading or info.reason == "section"
        elif (
            info.kind == SHORT
            and not under_heading
            and (is_body_fragment(info) or _is_crosshead(infos, index, start, end))
            and not next_to_credit(infos, index)
            and not _is_caption(infos, index, words_of)
        ):
            kept.append(info)
    return kept


def is_caption_line(infos: list[LineInfo], index: int, words_of: dict[int, frozenset[str]]) -> bool:
    """A picture caption: it repeats a nearby sentence, or describes the picture above a
    credit. ``words_of`` keeps the lines' content words for the next call."""
    return _is_caption(infos, index, words_of) or _is_captioned_sentence(infos, index)


def _is_captioned_sentence(infos: list[LineInfo], index: int) -> bool:
    """A whole-sentence caption: right above a photo credit and describing, in the
    present tense, what the picture shows."""
    following = infos[index + 1] if index + 1 < len(infos) else None
    if following is None or following.reason != "credit":
        return False
    info = infos[index]
    return reads_like_caption(info.text, info.words)


def is_text(info: LineInfo) -> bool:
    return info.kind in (GOOD, NEAR_GOOD)


_CONTEXT = 3  # lines searched on each side of a fragment for the text around it


def _is_crosshead(infos: list[LineInfo], index: int, start: int, end: int) -> bool:
    """A fragment with body text close above and below it: a crosshead, a short
    quote, an item of a list."""
    if infos[index].caption or index in (start, end):
        return False
    above = range(max(start, index - _CONTEXT), index)
    below = range(index + 1, min(end, index + _CONTEXT) + 1)
    return any(_is_body_text(infos[i]) for i in above) and any(_is_body_text(infos[i]) for i in below)


_CREDIT_WORDS = 5  # "Benoit Tessier/Reuters", "AFP PHOTO / STR": a credit alone


def next_to_credit(infos: list[LineInfo], index: int, credit_alone: bool = False) -> bool:
    """Right above or below a photo credit: a caption. With ``credit_alone``, only a
    credit on a line of its own counts (a caption that ends on its credit, "The cabaret
    in Paris Benoit Tessier/Reuters", is whole: the lead picture's, a headline under it)."""
    neighbours = (infos[i] for i in (index - 1, index + 1) if 0 <= i < len(infos))
    return any(
        info.reason == "credit" or (info.caption and not (credit_alone and info.words > _CREDIT_WORDS))
        for info in neighbours
    )


def _is_body_text(info: LineInfo) -> bool:
    return is_text(info) or is_body_fragment(info)


_CONTENT_WORD = re.compile(r"[^\W_]{3,}")
# The same on ASCII text, where its letters and digits are these ranges (quicker to test)
_ASCII_CONTENT_WORD = re.compile(r"[A-Za-z0-9]{3,}")


_CAPTION_CHARS = 1_000  # a caption is short; a sentence it repeats starts within this


def _content_words(text: str) -> frozenset[str]:
    """Words of three letters or more, lower-cased: what a caption shares with its sentence."""
    lowered = text[:_CAPTION_CHARS].lower()
    if (in_ascii := ascii_form(lowered)) is not None:
        return frozenset(_ASCII_CONTENT_WORD.findall(in_ascii))
    return frozenset(_CONTENT_WORD.findall(lowered))


def forget_words_behind(words_of: dict[int, frozenset[str]], index: int) -> None:
    """Called at each line in turn: drop the content words of the line that has left the
    window a caption is compared across, so that a huge page keeps only a window's."""
    words_of.pop(index - _CAPTION_WINDOW - 1, None)


def _content_words_at(
    infos: list[LineInfo], index: int, words_of: dict[int, frozenset[str]]
) -> frozenset[str]:
    words = words_of.get(index)
    if words is None:
        words = words_of[index] = _content_words(infos[index].text)
    return words


def _is_caption(infos: list[LineInfo], index: int, words_of: dict[int, frozenset[str]]) -> bool:
    """A picture caption in the body: no closing punctuation, and it repeats a nearby
    sentence ("X has won a third term" next to "X has won a third term in office.").
    ``words_of`` keeps the content words of the lines compared, for the next line."""
    info = infos[index]
    if info.sentence_end or _LIST_MARKER.match(info.text):
        return False  # a sentence, or an item of a list summing up the text
    low, high = max(0, index - _CAPTION_WINDOW), min(len(infos), index + _CAPTION_WINDOW + 1)
    least = info.words * 0.8
    sentences = [
        other_index
        for other_index in range(low, high)
        if infos[other_index].sentence_end and infos[other_index].words >= least and other_index != index
    ]
    if not sentences:
        return False  # (before the words are read: no sentence near to repeat)
    words = _content_words_at(infos, index, words_of)
    if len(words) < 3:
        return False
    for other_index in sentences:
        shared = len(words & _content_words_at(infos, other_index, words_of))
        if shared >= 0.75 * len(words):
            return True
    return False

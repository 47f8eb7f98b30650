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
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import chain, filterfalse

from reader.ingest import metadata as meta
from reader.ingest.body_region import is_text, next_to_credit
from reader.ingest.boilerplate import BAD, BYLINE, GOOD, META, SHORT, LineInfo, normalise_key
from reader.ingest.data_block import is_data_line
from reader.ingest.language import ascii_form

HEADER_WINDOW = 20  # lines above the body searched for date and dateline
_FOOTER_WINDOW = 4  # lines below the body searched for "Source:", "Published ..."


@dataclass(slots=True)
class PageMetadata:
    """What the lines around the body say about the article (hints not yet applied)."""

    title: str | None = None
    date: str | None = None
    source: str | None = None
    dateline: str | None = None
    author: str | None = None
    url: str | None = None


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
        if dateline and infos[index].kind != GOOD:
            page.dateline = dateline[0]
            page.source = page.source or dateline[1]
            break
    if page.dateline is None and header and infos[header[-1]].repeats == 1:
        page.dateline = meta.place_line(infos[header[-1]].text)
    page.dateline = page.dateline or place
    page.author = _author(infos, header, title_index, start, end, footer)
    page.url = _canonical_url(infos, page.title)
    page.source = page.source or _copyright_holder(infos, end)
    return page


_BYLINE_WORDS = 25  # a byline with a date and a role is still short
_OPENING_LINES = 6  # lines at the top of the body run where a byline may sit


def _author(
    infos: list[LineInfo], header: list[int], title_index: int | None, start: int, end: int, footer: list[int]
) -> str | None:
    """The name a byline gives: under the headline first, then at the top of the body
    run, then under the body."""
    under_title = [i for i in header if title_index is None or i > title_index]
    opening = range(start, min(end + 1, start + _OPENING_LINES))
    for index in [*under_title, *opening, *footer]:
        info = infos[index]
        if info.words <= _BYLINE_WORDS and info.kind != GOOD and (name := meta.byline_author(info.text)):
            return name
    # a name alone under the headline, next to the date stamp: a byline without "By"
    if title_index is not None:
        for index in under_title[:_NAME_LINES]:
            info = infos[index]
            if (
                info.repeats < 3
                and info.reason is None
                and meta.name_line(info.text)
                and _next_to_stamp(infos, index)
            ):
                return info.text
    return None


_NAME_LINES = 4  # lines under the headline where a bare name is a byline


def _next_to_stamp(infos: list[LineInfo], index: int) -> bool:
    return any(
        infos[i].kind == META and _has_date(infos[i])
        for i in (index - 1, index + 1, index + 2)
        if 0 <= i < len(infos)
    )


_MAX_URL_LINE_WORDS = 3


def _canonical_url(infos: list[LineInfo], title: str | None) -> str | None:
    """The page's own address when the text shows it: a labelled address line, or an
    address line whose path spells the headline (a canonical link)."""
    if not title:
        return None
    title_words = set(_SLUG_WORD.findall(_ascii_fold(title.lower())))
    best, best_shared = None, 1
    for info in infos:
        if (
            info.words > _MAX_URL_LINE_WORDS
            or "://" not in info.text  # (every address url_in_line takes holds one)
            or (url := meta.url_in_line(info.text)) is None
        ):
            continue
        path = url.split("://", 1)[-1].partition("/")[2]
        shared = len(title_words & set(_SLUG_WORD.findall(_ascii_fold(path.lower()))))
        if shared > best_shared:
            best, best_shared = url, shared
    return best


_SLUG_WORD = re.compile(r"[a-z0-9]{3,}")


def _ascii_fold(text: str) -> str:
    """'taça' -> 'taca': slugs drop accents."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _copyright_holder(infos: list[LineInfo], end: int) -> str | None:
    """The copyright line under the body names the outlet."""
    for info in infos[end + 1 :]:
        if info.reason == "notice" and (holder := meta.copyright_holder(info.text)):
            return holder
    return None


_SITE_SUFFIX = re.compile(r"\s+[|–—:-]\s+|\s*[|]\s*")


# What follows the words of a URL slug: "...-talks-12345.html".
_SLUG_TAIL = re.compile(r"(?:[-_]\d+)*(?:\.s?html?|\.php)?/?$")


def title_echo_keys(infos: list[LineInfo]) -> set[str]:
    """Keys of lines that echo the headline elsewhere on the page: lower-case URL slugs
    ("russia and us call urgent talks") and window titles ("Headline | Site")."""
    keys = set()
    for info in infos[:_WINDOW_TITLE_LINES]:
        # a window title without a site name: the headline, shown again over the article
        if 2 <= info.repeats <= 3 and info.words >= 2 and info.kind not in (BAD, META):
            keys.add(info.key)
    for info in infos[:HEADER_WINDOW]:
        if info.words > _MAX_ECHO_WORDS:
            continue  # a window title or a slug is a line of a few words
        if info.text.islower() and (info.words >= 3 or info.text.count("-") >= 2):
            keys.add(normalise_key(_SLUG_TAIL.sub("", info.text)))
        parts = _SITE_SUFFIX.split(info.text)
        if len(parts) > 1:
            keys.add(normalise_key(" ".join(parts[:-1])))
            # "Section | Headline" as well as "Headline | Site": the headline is the longer part
            longest = max(parts, key=len)
            if len(longest.split()) >= _MIN_ECHO_WORDS:
                keys.add(normalise_key(longest))
    return keys


_MIN_ECHO_WORDS = 3
_WINDOW_TITLE_LINES = 3  # lines at the top of the page where its window title may show
_MAX_ECHO_WORDS = 40


def _without_site_name(title: str) -> str:
    """'Headline | Site' (a window title) -> 'Headline'."""
    head, bar, _site = title.partition(" | ")
    return head.strip() if bar and len(head.split()) >= 3 else title


def echoed_headline(infos: list[LineInfo], echoes: set[str]) -> int | None:
    """The first properly cased line that a slug, window title or hint repeats."""
    for index, info in enumerate(infos):
        if info.key in echoes and not info.text.islower():
            return index
    return None


TITLE_WINDOW = 40  # lines above the body searched for its headline
_TERM = re.compile(r"[^\W\d_]{3,}")
# The same on ASCII text, where its letters are A to Z: a range is quicker to test than
# the class written as "no non-word, digit or underscore"
_ASCII_TERM = re.compile(r"[A-Za-z]{3,}")
_SPACELESS_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}")
_TERMS_CHARS = 20_000  # of one line: a huge line's opening says what it is about
_BODY_TERMS_WORDS = 1500  # enough of the body to hold what its headline announces


def content_terms(text: str, stops: frozenset[str]) -> set[str]:
    """The words of a text that carry its subject (no stop words), or its character
    pairs in scripts written without spaces."""
    lowered = text[:_TERMS_CHARS].lower()
    if (in_ascii := ascii_form(lowered)) is not None:  # (no script without spaces then)
        # (one set built, of the words that are no stop words)
        return set(filterfalse(stops.__contains__, _ASCII_TERM.findall(in_ascii)))
    terms = set(_TERM.findall(lowered)).difference(stops)
    for run in _SPACELESS_RUN.findall(lowered):
        terms.update(run[i : i + 2] for i in range(len(run) - 1))
    return terms


def body_terms(lines: list[LineInfo], stops: frozenset[str]) -> Counter[str]:
    """The content terms of the first few hundred words of a body, with the number of
    lines that use each."""
    chosen: list[set[str]] = []
    words = 0
    for info in lines:
        chosen.append(content_terms(info.text, stops))
        words += info.words
        if words >= _BODY_TERMS_WORDS:
            break
    return Counter(chain.from_iterable(chosen))  # (one count: an update per line costs more)


def find_title(
    infos: list[LineInfo],
    header: list[int],
    echoes: set[str],
    body: Counter[str],
    stops: frozenset[str],
    inside_from: int | None = None,
    table: bool = False,
) -> int | None:
    """The headline among the ``header`` lines of a body whose content terms are
    ``body`` (from body_terms): a headline-shaped line that announces what the body is about, close
    above it, echoed by the page's window title or URL slug when there is one.
    Lines from ``inside_from`` on open the body itself: one of them is the headline
    only with more evidence (echoed, shown twice, or a byline or date under it).
    Above a ``table``, its rows are never the headline."""
    candidates = [*header]
    signed = {index for index in header if _signed(infos, index)}
    if header:
        # the page's first lines (a window title), and further up a line signed by a
        # byline or date stamp: the article's header over a gallery, a video player or
        # a box of figures
        far = range(max(0, header[0] - _SIGNED_WINDOW), header[0])
        signed.update(i for i in far if _signed(infos, i))
        candidates += [i for i in range(min(3, header[0])) if i not in far]
        candidates += [i for i in far if i < 3 or i in signed]
    furniture_keys = {info.key for info in infos if info.kind == BAD and info.repeats >= 3}
    best_score, best_index = 0.0, None
    body_start = inside_from if inside_from is not None else (header[-1] + 1 if header else 0)
    related = max((i for i in candidates if infos[i].reason == "section"), default=None)
    widget_titles = _widget_titles(infos, candidates)
    shaped = {index: _title_shape(infos[index], index in signed) for index in candidates}
    overlaps: dict[int, float] = {}
    for index in candidates:
        if (
            not shaped[index]
            or next_to_credit(infos, index, credit_alone=True)
            or (table and _row(infos[index]))
            # (a headline a byline or date stands under is the article's, next to a label or not)
            or (infos[index].key in widget_titles and index not in signed)
        ):
            continue  # a caption (its photo credit sits right above or below it), a row
        if index >= body_start and not _heads_its_body(infos, index, echoes):
            continue
        # a line that opens the body is among the lines its terms were counted on: it
        # cannot vouch for itself (a teaser's headline read as a first paragraph)
        own = 1 if index >= body_start and is_text(infos[index]) else 0
        overlaps[index] = _overlap(content_terms(infos[index].text, stops), body, own)
        distance = body_start - index
        score = _title_score(infos[index], distance, echoes, furniture_keys)
        if index in signed:
            # the headline is what the byline and date stamp stand under, however far
            # above the body a gallery or a player pushed it
            score += _SIGNED_BONUS + _DISTANCE_COST * max(0, distance - TITLE_WINDOW)
        score += _OVERLAP_WEIGHT * overlaps[index]
        if _in_a_menu(infos, index):
            score -= _MENU_COST
        if related is not None and related < index < body_start:
            score -= _TEASER_COST  # under "Related": another story's headline
        above = _line_above(infos, index)
        if (
            overlaps.get(above, 0.0) >= _DEK_OVERLAP
            and infos[above].words >= _MIN_HEADLINE_WORDS
            and infos[index].key not in infos[above].key
        ):
            score -= _DEK_COST  # the standfirst under the headline (maybe under its date)
        if score > best_score:
            best_score, best_index = score, index
    if (heading := _document_heading(infos, body_start, body, stops)) is not None:
        return heading
    if best_index is not None:
        # the headline shown twice over its article (a window title, the page's own
        # heading): the copy nearest the body heads it
        best_index = max(i for i in candidates if infos[i].key == infos[best_index].key)
    return best_index


# The label over a table of contents, in the languages of the stop lists most used.
_CONTENTS_LABELS = frozenset(
    {"contents", "tableofcontents", "inhalt", "inhaltsverzeichnis", "sommaire", "contenido",
     "contenidos", "índice", "indice", "conteúdo", "indholdsfortegnelse", "inhoud", "目次", "目录", "목차"}
)  # fmt: skip
_MAX_HEADING_WORDS = 12
_LEAD_LINES = 10  # the contents may follow the lead


def _document_heading(
    infos: list[LineInfo], body_start: int, body: Counter[str], stops: frozenset[str]
) -> int | None:
    """On a page with a table of contents above the body or after its lead (an
    encyclopedia's or a manual's), the headline is the page's first line when the page shows it again as
    a line of its own before the contents (the name over an infobox) and the body
    uses each of its words (a site name it does not): a name of one or two words,
    which no other headline test accepts."""
    end = min(body_start + _LEAD_LINES, len(infos))
    label = next((i for i in range(end) if infos[i].key in _CONTENTS_LABELS), None)
    if label is None or not infos:
        return None
    first = infos[0]
    if (
        first.words > _MAX_HEADING_WORDS
        or first.text.islower()
        or first.reason is not None
        or first.kind == META
    ):
        return None
    terms = content_terms(first.text, stops)
    if not terms or any(body[term] == 0 for term in terms):
        return None
    shown_again = any(info.key == first.key for info in infos[1:label])
    return 0 if shown_again else None


_SIGNED_WINDOW = 120  # lines above the title window searched for a signed headline
_SIGNATURE_LINES = 3  # a dek and a name may stand between a headline and its date stamp
_SIGNED_BONUS = 3.0
_MAX_TITLE_WORDS = 30
_MIN_SIGNED_WORDS = 3  # "Resize Text" above share buttons and a byline is no headline
_STAMP_WORDS = 14  # "30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)"


def _signed(infos: list[LineInfo], index: int) -> bool:
    """A byline or a date stamp under the line, maybe under a dek, a name or a kicker:
    the article's header. (A line that is a date itself, or the stamps of a list of
    other headlines, sign nothing.)"""
    if not _MIN_SIGNED_WORDS <= infos[index].words <= _MAX_TITLE_WORDS or infos[index].kind == META:
        return False
    for below in range(index + 1, min(len(infos), index + 1 + _SIGNATURE_LINES)):
        info = infos[below]
        if info.kind == BAD and info.reason is not None:
            return False  # share buttons, a comment count: furniture, no header
        if info.repeats > 2 or info.reason == "list-date":
            return False  # the bylines and dates of a list of other stories
        if _stamp(info):
            return not _is_list_date(infos, below) and not _has_date(infos[index])
        if info.kind == META and meta.byline_author(info.text) is not None:
            return not _has_date(infos[index])
    return False


_DIGIT = re.compile(r"\d")


def _stamp(info: LineInfo) -> bool:
    """A date stamp: metadata that holds a date, or a short line with figures that is
    one ("30 avril 2015 à 07:19 (Mis à jour : ...)")."""
    if info.kind == META:
        return _has_date(info)
    return (
        info.kind != GOOD
        and info.words <= _STAMP_WORDS
        and _DIGIT.search(info.text) is not None
        and _has_date(info)
    )


# The labels of a video player's playlist: the line next to one is a video's title.
_PLAYER_LABEL = re.compile(
    r"(?:now (?:playing|watching)|up next|next up|watch next|next video)\b", re.IGNORECASE
)


def _widget_titles(infos: list[LineInfo], candidates: list[int]) -> set[str]:
    """Keys of a player's labels and of the titles next to them (each copy of such a
    title goes: a player shows its video's title twice)."""
    keys: set[str] = set()
    for index in candidates:
        if infos[index].words <= _MAX_LABEL_WORDS and _PLAYER_LABEL.match(infos[index].text):
            keys.update(infos[i].key for i in (index - 1, index, index + 1) if 0 <= i < len(infos))
    return keys


_MAX_LABEL_WORDS = 6  # "Next video starts in : 7"


def _heads_its_body(infos: list[LineInfo], index: int, echoes: set[str]) -> bool:
    """Evidence that a line opening a body is its headline rather than its first
    paragraph: the page echoes it or shows it twice, or a byline or date follows.
    A short sentence there (an interstitial "Wait a second to continue.") or a line
    that opens on a dateline ("CAIRO — Gunmen opened fire ...") is the body's own
    text unless the page echoes it as its title."""
    info = infos[index]
    if info.key in echoes:
        return True
    if _full_stop(info.text) or meta.lead_dateline(info.text)[0]:
        return False
    if info.repeats == 2:
        return True
    return any(other.kind == META for other in infos[index + 1 : index + 3])


_FIGURES = re.compile(r"\d[\d.,/]*")


def _row(info: LineInfo) -> bool:
    """A row of a table: a line of figures ("Net 1.2 mln vs 1.0 mln")."""
    return is_data_line(info) and len(_FIGURES.findall(info.text)) >= 2


_OVERLAP_WEIGHT = 4.0
_DEK_OVERLAP = 0.3
_DEK_COST = 2.0
_MIN_HEADLINE_WORDS = 4


_MENU_WORDS = 3
_MENU_COST = 2.0
_TEASER_COST = 3.0


def _in_a_menu(infos: list[LineInfo], index: int) -> bool:
    """A few words next to other lines of a few words: a menu or a list of tags."""
    if infos[index].words > _MENU_WORDS + 1:
        return False
    neighbours = (infos[i] for i in (index - 1, index + 1) if 0 <= i < len(infos))
    return any(other.words <= _MENU_WORDS and other.kind in (SHORT, BAD) for other in neighbours)


def _line_above(infos: list[LineInfo], index: int) -> int:
    """The nearest line above that is not a date stamp or byline."""
    above = index - 1
    while above >= 0 and infos[above].kind == META:
        above -= 1
    return above


_MIN_TERMS = 3  # a line of one or two content words says little about its body


def _overlap(terms: set[str], body: Counter[str], own: int = 0) -> float:
    """Share of the line's content terms that the body uses (on more than ``own`` lines)."""
    return sum(1 for term in terms if body[term] > own) / max(len(terms), _MIN_TERMS)


_MAX_SIGNED_CAPTION_WORDS = 15


def _title_shape(info: LineInfo, signed: bool = False) -> bool:
    """``signed``: a byline or date stamp follows, which no caption has."""
    text, words = info.text, info.words
    if info.kind == META or words < 2 or words > _MAX_TITLE_WORDS:
        return False
    if text.islower():
        return False  # a URL slug (a script without case is never lower case)
    if info.kind == BAD and info.reason != "links" and (info.reason is not None or info.repeats < 2):
        return False  # furniture, unless the headline shown more than once or among headlines
    # (the furniture patterns were tried when the line was classified: a line they
    # flag is BAD with their reason, refused above)
    if (
        # ("Headline (Photos)" may be signed; a sentence ending in its photo credit is not)
        (info.caption and (not signed or words > _MAX_SIGNED_CAPTION_WORDS))
        or BYLINE.match(text)
        or _GLUED_CREDIT.match(text)
        or meta.place_line(text)
    ):
        return False
    if _contents_entry(info) or _LIST_ITEM.match(text) or _CODE.search(text):
        return False  # an item of a list or a table of contents, a line of code or a formula
    # a sentence, unless its full stop closes an abbreviation ("... Underneath N.Y.C.")
    return not (text.endswith(".") and words >= 10 and not _ABBREVIATION_END.search(text))


def _contents_entry(info: LineInfo) -> bool:
    """An entry of a table of contents: a list item shown again as its section's crosshead."""
    return info.reason == "list-item" and info.repeats == 2


def _full_stop(text: str) -> bool:
    """Ends on a full stop that is not an abbreviation's ("... Underneath N.Y.C.")."""
    return text.endswith(".") and not _ABBREVIATION_END.search(text)


# (a numbered section, "4.5 Developer Network", is a crosshead or a contents entry)
_LIST_ITEM = re.compile(r"^(?:[-*•·▪►◦–—+]\s|\d{1,3}[.)]\s|\d{1,3}(?:\.\d{1,3})+\.?\s)")
# A photo credit whose label the page hides from view but the text keeps, glued to
# the name: "CreditJane Doe/Getty Images", "PhotoJohn Roe for The Times".
_GLUED_CREDIT = re.compile(r"(?i:credit|photo|foto)s?[A-ZÀ-Þ][a-zß-ÿ]")
# (not "<ACME>": a ticker in a headline. Each branch opens with a literal character,
# "\w(" looked back at from its "(": re then scans for those characters alone.)
_CODE = re.compile(r"\{|\}|=|\\|\((?<=\w\()\w*\)|::|->")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$")


def _title_score(info: LineInfo, distance: int, echoes: set[str], furniture_keys: set[str]) -> float:
    """How much a line looks like a headline, whatever the body says."""
    text, words = info.text, info.words
    key = info.key
    score = _BASE_SCORE - _DISTANCE_COST * distance
    if key in echoes:
        score += 4
    if meta.dateline_line(text):
        score -= 2
    if info.repeats == 2:
        score += 1
    elif info.repeats > 2:
        # menus repeat; a headline shows two or three times (a window title, a share text)
        score -= min(info.repeats - 2, _MAX_REPEAT_COST)
    capitalised = sum(1 for word in text.split() if word[:1].isupper())
    if capitalised >= 0.6 * words:
        score += 0.5
    if 5 <= words <= 20:
        score += 0.5
    if words <= 3:
        score -= 2
    if _full_stop(text):
        score -= _FULL_STOP_COST  # a headline seldom ends on a full stop; a caption does
    if any(key.startswith(f) and key != f for f in furniture_keys if f):
        score -= 3
    return score


_BASE_SCORE = 5.0  # so that a plain nearby headline scores above zero
_MAX_REPEAT_COST = 3
_FULL_STOP_COST = 1.0
_DISTANCE_COST = 0.06


def _is_list_date(infos: list[LineInfo], index: int) -> bool:
    """A timestamp in a list of other headlines: more timestamps close around it."""
    low, high = max(0, index - 4), min(len(infos), index + 5)
    others = sum(1 for i in range(low, high) if i != index and infos[i].kind == META and _has_date(infos[i]))
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
    order = below_title + above_title + [i for i in range(start, end + 1) if infos[i].kind == META]
    for index in order:
        info = infos[index]
        if info.words > 14 or info.kind == GOOD:
            continue
        found = meta.parse_date(info.text)
        if found and not _is_list_date(infos, index):
            return found
    for index in footer:
        info = infos[index]
        if info.kind == META and meta.source_from_line(info.text) is None:
            found = meta.parse_date(info.text)
            if found and not _is_list_date(infos, index):
                return found
    return None

"""Sentences and paragraphs of an article body, as character spans: the project's
one sentence splitter (the reading view's cursor, side by side, quotes).

The reading view moves its cursor by these units and grows a selection with them, so
the spans must be ordered, must not overlap, must stay inside the text and must
cover every non-space character (nothing can be unreachable by the cursor).

Sentence ends are full stops, question and exclamation marks (and ellipses) followed
by optional closing quotes or brackets, then white space, then something that can
start a sentence. News text is full of full stops that end nothing: titles ("Mr."),
initials ("Vladimir V. Putin"), dotted abbreviations ("U.S.", "a.m."), month and
company abbreviations; those do not end a sentence unless the next word is one that
typically opens one ("... in the U.S. The talks ...").

A sentence does not end inside a quotation that closes later in the same paragraph:
``Kerry said: "I don't right now. Maybe later."`` is one sentence, so a selection by
sentences never leaves a quotation open.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

Span = tuple[int, int]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

# The full stops of Indian scripts, Urdu, Armenian, Burmese, Khmer and Ethiopic, and
# the Arabic question mark: sentence ends like ".!?", for the splitter and the cleaners.
OTHER_SCRIPTS_STOPS = "।॥۔؟։။។።"

# A candidate end: terminal punctuation, closing quotes/brackets, then white space
# and the first character of what follows. (Chinese and Japanese full stops need no
# space after them.)
_CANDIDATE_END = re.compile(
    rf"(?:[.!?{OTHER_SCRIPTS_STOPS}]+|…)[\"'”’»)\]]*(?=\s+(\S))|[。！？]+[\"”’」』）)]*(?=\s*(\S))"
)

# Titles before a name: a full stop after them never ends a sentence ("Mr. Putin").
_TITLES = frozenset(
    """
    mr mrs ms messrs mme dr prof gen col lt sgt capt cmdr adm maj cpl pvt gov sen rep
    rev fr hon pres supt insp det amb
    """.split()
)
# Other abbreviations (compared lower-case, without the full stop): they end a
# sentence only before a word that typically opens one ("... Standard and Poor's
# Corp. The issue ...", "... in Jan. The ...").
_ABBREVIATIONS = frozenset(
    """
    st sr jr inc ltd co corp plc bros dept univ assn est approx
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols pp fig figs ed eds op cit ibid etc vs v cf al
    mt ft ave blvd rd hwy
    """.split()
)

# After these, "U.S." or "a.m." ends the sentence after all.
_SENTENCE_OPENERS = frozenset(
    """
    a an the he she it its they we i you this that these those there their his her
    but and or so yet in on at for from by with after before when while if as
    however meanwhile still also then now later earlier some many most one two
    mr mrs ms dr president officials
    """.split()
)

_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_NEXT_WORD = re.compile(r"[\w’']+")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){1,}[A-Za-z]?$")


def paragraph_spans(body: str) -> list[Span]:
    """The paragraphs (separated by blank lines), trimmed of surrounding white space."""
    spans: list[Span] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        _append_trimmed(spans, body, start, match.start())
        start = match.end()
    _append_trimmed(spans, body, start, len(body))
    return spans


def sentence_spans(body: str) -> list[Span]:
    """The sentences of every paragraph, in order; a sentence never crosses a
    paragraph break."""
    spans: list[Span] = []
    for para_start, para_end in paragraph_spans(body):
        paragraph = body[para_start:para_end]
        start = 0
        closes = _quote_closings(paragraph)
        for match in _CANDIDATE_END.finditer(paragraph):
            if _ends_sentence(paragraph, match) and not _inside_quotation(closes, match.end()):
                _append_trimmed(spans, paragraph, start, match.end(), offset=para_start)
                start = match.end()
        _append_trimmed(spans, paragraph, start, len(paragraph), offset=para_start)
    return spans


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation in a paragraph: ``opening`` is the offset of its opening mark,
    ``end`` that of its closing mark when ``closed``; otherwise where it stops: the
    next opening mark (the writer forgot to close it) or the end of the paragraph (a
    quote that goes on in the next one)."""

    opening: int
    end: int
    closed: bool = True


# Where a straight mark stands tells which way it faces: after a space or an opening
# bracket it opens, before a space or punctuation it closes.
_OPENS_AFTER = frozenset(" \t\n([{\u00a0—–-/")
_CLOSES_BEFORE = frozenset(" \t\n)]},.;:!?\u00a0—–-/…")
_DOUBLE_MARK = re.compile('["“”«»„]')
# German quotes: „so“ and »so«, whose closing marks open in English and French.
_CLOSED_BY = {"„": "“”", "»": "«"}
_SINGLE_MARK = re.compile("['‘’]")


def quotations(paragraph: str, singles: bool = True) -> list[Quotation]:
    """The top-level quotations of a paragraph, in order. Curly quotes and
    guillemets say which way they face (German's „…“ and »…« too, by the mark that
    opened); a straight double quote faces the way its
    neighbours say (opening after a space, closing before one), else it alternates.
    An opening mark inside an open quotation means the writer forgot to close the
    first: it ends there. Single quotes are read only in a paragraph without double
    ones (British style), where an apostrophe between letters is never a mark, and
    only when they close: an opening one left open is an apostrophe ("the '80s")."""
    doubles = [m.start() for m in _DOUBLE_MARK.finditer(paragraph)]
    if doubles or not singles:
        marks = [(i, _facing(paragraph, i, "“«„", "”»")) for i in doubles]
    else:
        singles_at = (m.start() for m in _SINGLE_MARK.finditer(paragraph))
        marks = [(i, _facing(paragraph, i, "‘", "’", single=True)) for i in singles_at]
        marks = [(i, facing) for i, facing in marks if facing != "apostrophe"]
    found: list[Quotation] = []
    open_at: int | None = None
    for index, facing in marks:
        char = paragraph[index]
        if open_at is not None and char in _CLOSED_BY.get(paragraph[open_at], ""):
            facing = "close"
        elif open_at is None and char == "»" and paragraph[index + 1 : index + 2].isalnum():
            facing = "open"  # »Wir …«
        if facing == "either":
            facing = "close" if open_at is not None else "open"
        if facing == "open":
            if open_at is not None:
                found.append(Quotation(open_at, index, closed=False))
            open_at = index
        elif open_at is not None:
            found.append(Quotation(open_at, index))
            open_at = None
    if open_at is not None:
        found.append(Quotation(open_at, len(paragraph), closed=False))
    if not doubles:
        found = [q for q in found if q.closed]
    return found


def _facing(text: str, index: int, openers: str, closers: str, single: bool = False) -> str:
    char = text[index]
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if char in openers:
        return "open"
    if char in closers and not single:
        return "close"
    opens = before in _OPENS_AFTER or before in openers
    closes = after in _CLOSES_BEFORE or after in closers
    if single:
        if before.isalnum() and after.isalnum():
            return "apostrophe"  # "don't", "Nacco's"
        if char == "‘" or (opens and after.isalnum()):
            return "open" if not closes else "either"
        if closes and (before in ".,!?" or before.isalpha()):
            return "close"
        return "apostrophe"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _quote_closings(paragraph: str) -> list[tuple[int, int]]:
    """The stretches of a paragraph inside quotations that close in it, as disjoint
    (opening, closing) offsets in order."""
    return [(q.opening, q.end) for q in quotations(paragraph, singles=False) if q.closed]


def _inside_quotation(quotations: list[tuple[int, int]], offset: int) -> bool:
    index = bisect.bisect_left(quotations, (offset, -1)) - 1
    return index >= 0 and quotations[index][0] < offset <= quotations[index][1]


def _word_before(text: str, end: int) -> str:
    """What ``_WORD_BEFORE.search(text, 0, end)`` finds, "" for nothing, read from a
    stretch just before ``end``, widened while the word may begin before it (a
    search from the start of the text tries every offset of it, at every stop)."""
    start = max(0, end - 64)
    while True:
        found = _WORD_BEFORE.search(text, start, end)
        if found is None:
            return ""  # a word ending at ``end`` would have been found in any stretch
        if found.start() > start or start == 0:
            return found.group(1)
        start = max(0, start - 4 * (end - start))


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    following = match.group(1) or match.group(2)
    punctuation = match.group(0)
    # (a letter of a script without capitals, Arabic, Hindi or Chinese, may open one)
    caseless = following.isalpha() and not following.islower() and not following.isupper()
    if not (following.isupper() or caseless or following.isdigit() or following in "\"'“‘«([—–-"):
        return False  # "e.g. the", "... said. and": a lower-case word continues
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return True  # ? ! and ellipses end the sentence before a capital
    if len(punctuation) > 1:
        return True  # a closing quote or bracket after the stop: "... said “No.” Then"
    word = _word_before(text, match.start()).lstrip("'’-")
    if not word:
        return True
    bare = word.rstrip(".").lower()
    # The lookahead's group is the first character after the blanks that follow.
    next_word = _NEXT_WORD.match(text, match.start(1))
    next_lower = next_word.group(0).lower() if next_word else ""
    if len(word) == 1 and word.isupper():
        # An initial: "Vladimir V. Putin", "George W. Bush"; a lone capital then an
        # opener ("Plan B. The ...") still ends the sentence.
        return next_lower in _SENTENCE_OPENERS
    if _DOTTED.match(word + "."):
        # "U.S.", "a.m.", "U.N.": part of the sentence unless a new one clearly begins.
        return next_lower in _SENTENCE_OPENERS
    if "." not in word and bare in _TITLES:
        return False
    if "." not in word and bare in _ABBREVIATIONS:
        return next_lower in _SENTENCE_OPENERS
    return True


def _append_trimmed(spans: list[Span], text: str, start: int, end: int, offset: int = 0) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start + offset, end + offset))

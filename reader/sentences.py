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

Span = tuple[int, int]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

# A candidate end: terminal punctuation, closing quotes/brackets, then white space
# and the first character of what follows.
_CANDIDATE_END = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s+(\S))")

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


def _quote_closings(paragraph: str) -> list[tuple[int, int]]:
    """The stretches of a paragraph inside quotations that close in it, as disjoint
    (opening, closing) offsets in order: curly quotes pair up by nesting, straight
    double quotes by alternation."""
    spans: list[tuple[int, int]] = []
    curly_open: list[int] = []
    straight_open: int | None = None
    for index, char in enumerate(paragraph):
        if char == "“":
            curly_open.append(index)
        elif char == "”" and curly_open:
            spans.append((curly_open.pop(), index))
        elif char == '"':
            if straight_open is None:
                straight_open = index
            else:
                spans.append((straight_open, index))
                straight_open = None
    merged: list[tuple[int, int]] = []
    for opening, closing in sorted(spans):
        if merged and opening <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(closing, merged[-1][1]))
        else:
            merged.append((opening, closing))
    return merged


def _inside_quotation(quotations: list[tuple[int, int]], offset: int) -> bool:
    index = bisect.bisect_left(quotations, (offset, -1)) - 1
    return index >= 0 and quotations[index][0] < offset <= quotations[index][1]


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    following = match.group(1)
    punctuation = match.group(0)
    if not (following.isupper() or following.isdigit() or following in "\"'“‘«([—–-"):
        return False  # "e.g. the", "... said. and": a lower-case word continues
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return True  # ? ! and ellipses end the sentence before a capital
    if len(punctuation) > 1:
        return True  # a closing quote or bracket after the stop: "... said “No.” Then"
    word_match = _WORD_BEFORE.search(text, 0, match.start())
    word = word_match.group(1) if word_match else ""
    word = word.lstrip("'’-")
    if not word:
        return True
    bare = word.rstrip(".").lower()
    next_word = re.match(r"[\w’']+", text[match.end() :].lstrip())
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

"""``extract(text)``: the people, organisations and places named in a text."""

from __future__ import annotations

import re
from dataclasses import replace

from reader.entities import lexicon
from reader.entities.finder import find_candidates
from reader.entities.mention import Mention
from reader.entities.resolve import resolve

# Two words in capitals in a row: the text may hold a headline written in capitals.
# (The lookahead first lets the regex engine skip other positions at once.)
_CAPS_HINT = re.compile(r"(?=[A-Z])\b[A-Z][A-Z'’.&-]+[ \u00a0]+[A-Z][A-Z'’.&-]+\b")
_LINE = re.compile(r"[^\n]+")
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'’.&-]*[A-Z]|[A-Z]")


def extract(text: str) -> list[Mention]:
    """Mentions of PERSON, ORG and PLACE in ``text``, in order, never overlapping.

    Offsets are character offsets into ``text``; ``text[m.start:m.end] == m.text``.
    Names are canonical within this text: "Putin", "Mr. Putin" and "Vladimir V. Putin"
    all get ``name="Vladimir Putin"`` when the full name appears.
    """
    if not text:
        return []
    caps_lines = _caps_lines(text) if _CAPS_HINT.search(text) else []
    if caps_lines:
        normal = list(text)
        shadow = [" "] * len(text)
        for start, end in caps_lines:
            normal[start:end] = " " * (end - start)
            shadow[start:end] = _case_shadow(text[start:end])
        candidates = find_candidates("".join(normal))
        caps = find_candidates("".join(shadow), all_caps=True)
        for candidate in caps:
            candidate.text = text[candidate.start : candidate.end]
            candidate.tokens = tuple(candidate.text.split())
        candidates = sorted(candidates + caps, key=lambda c: c.start)
    else:
        candidates = find_candidates(text)
    mentions = resolve(candidates, text)
    if caps_lines:
        mentions = [_caps_name(m) for m in mentions]
    return mentions


def _caps_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in capitals, where case tells nothing about names."""
    lines = []
    for line in _LINE.finditer(text):
        segment = line.group()
        upper = len(_UPPER.findall(segment))
        lower = len(_LOWER.findall(segment))
        if upper >= 6 and upper >= 4 * lower:
            lines.append((line.start(), line.end()))
    return lines


def _case_shadow(segment: str) -> str:
    """Same length as ``segment``: ordinary words in lower case, others capitalised."""
    common = lexicon.common_words()

    def recase(match: re.Match[str]) -> str:
        word = match.group()
        lower = word.lower()
        if lower in common or lower in _CAPS_FUNCTION_WORDS:
            return lower
        return word[0] + word[1:].lower()

    return _CAPS_WORD.sub(recase, segment)


# Headline words that the corpus list may miss as ordinary words.
_CAPS_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for by with from and or but as is are was be it its his her "
    "meets meet says said urges warns visits calls tells sees backs slams quits wins hails "
    "asks vows denies rejects talks seeks plans buys sells sets cuts raises".split()
)


def _caps_name(mention: Mention) -> Mention:
    if mention.name.isupper() and len(mention.name) > 3 and mention.label != "ORG":
        return Mention(
            mention.start, mention.end, mention.label, mention.name.title(), mention.text, mention.role
        )
    return mention


def extract_article(title: str, body: str) -> tuple[list[Mention], list[Mention]]:
    """Mentions of an article's title and body, read together so that each names the
    other's people: "Asma" in a title links to "Asma al-Assad" in the body.

    Offsets are into ``title`` and into ``body`` respectively.
    """
    if not title:
        return [], extract(body)
    if not body:
        return extract(title), []
    # A blank line keeps the title a paragraph of its own, as the cleaner writes bodies.
    joined = f"{title}\n\n{body}"
    offset = len(title) + 2
    in_title: list[Mention] = []
    in_body: list[Mention] = []
    for mention in extract(joined):
        if mention.end <= len(title):
            in_title.append(mention)
        elif mention.start >= offset:
            in_body.append(replace(mention, start=mention.start - offset, end=mention.end - offset))
    return in_title, in_body

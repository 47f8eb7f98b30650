"""The line openings gathered by their first character match where the patterns do."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest import boilerplate
from reader.ingest.openings import _openings, _split, by_first_character


@pytest.mark.parametrize(
    ("pattern", "openings"),
    [
        ("(?:the )?foo", [("t", "he foo"), ("f", "oo")]),
        ("(?:ab|ac|d)e", [("a", "(?:b|c)e"), ("d", "e")]),
        (r"\d+ comments?$", [(r"\d", r"\d* comments?$")]),
        (r"\d{1,3} of", [(r"\d", r"\d{0,2} of")]),
        (r"\(?photo:", [(r"\(", "photo:"), ("p", "hoto:")]),
        (r"[(\[]?x", [(r"[(\[]", "x"), ("x", "")]),
        (r"\s*now$", [(r"\s", r"\s*now$"), ("n", "ow$")]),
        ("^(?:a|b)", [("a", ""), ("b", "")]),
        # openings that cannot be read are kept whole
        (r"(?=a)b", [(None, r"(?=a)b")]),
        (r"\bword", [(None, r"\bword")]),
        (r"(?:ab)*c", [(None, r"(?:ab)*c")]),
        ("a??b", [(None, "a??b")]),
        (r"x{0,2}y", [(None, r"x{0,2}y")]),
    ],
)
def test_each_branch_opens_with_one_character_or_class(pattern: str, openings: list) -> None:
    assert [pair for branch in _split(pattern) for pair in _openings(branch)] == openings


def test_every_line_opening_opens_with_a_character_or_class() -> None:
    # (a branch that does not is tried on every line: the reason the openings are gathered)
    built = boilerplate._LINE_OPENING.sensitive.pattern
    assert all(not branch.startswith("(?:") for branch in _split(built))


_PATTERNS = (
    r"^(?:disclaimer\s*:|©|(?:image|media) caption\b|(?:please )?wait (?:\d+|a|one) seconds?\b)",
    r"^(?:image |photo )?\d{1,3}\s*(?:/|of)\s*\d{1,3}$",
    r"^[(\[]?(?:additional )?(?:reporting|writing) (?:by|and)\b",
    r"^(?:related(?: articles| news)?|(?:à )?lire aussi|more (?:from|news)\b.{0,30})\s*:?\s*$",
    r"^(?:(?:updated|posted)\s*:?\s*)?(?:about |an? |\d+\s*)(?:min|hour)s?\.? ago$|^(?:updated)?\s*(?:today)$",
    r"^(?:(?=x)xy|\bz|q??r)",
)
_PIECES = ("disclaimer", ":", " ", "©", "image", "media", "caption", "please", "wait", "3", "12", "a", "one",
           "seconds", "photo", "/", "of", "(", "[", "additional", "reporting", "writing", "by", "and", "related",
           "articles", "news", "à", "lire", "aussi", "more", "from", "updated", "posted", "about", "an", "min",
           "hours", ".", "ago", "today", "x", "y", "z", "q", "r", "é")  # fmt: skip


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_the_gathered_openings_match_where_the_patterns_do(text: str) -> None:
    joined = re.compile("|".join(f"(?:{pattern})" for pattern in _PATTERNS))
    gathered = re.compile(by_first_character(_PATTERNS))
    assert (gathered.match(text) is None) == (joined.match(text) is None)


_LINE_PATTERNS = [pattern.pattern for pattern in (
    boilerplate._NOTICE, boilerplate._COMMENT_FORM, boilerplate.GALLERY_COUNTER, boilerplate._WIRE_CREDIT,
    boilerplate._PHOTO_CAPTION, boilerplate._SECTION_HEADING, boilerplate._CREDIT_LINE,
    boilerplate._FURNITURE_ALWAYS, boilerplate._CREDIT_LABEL, boilerplate._FURNITURE_LABEL,
    boilerplate._RELATIVE_TIME.sensitive, boilerplate._PUBLISHED.sensitive,
)]  # fmt: skip
_LINE_JOINED = re.compile("|".join(f"(?:{pattern})" for pattern in _LINE_PATTERNS))
# Openings of the line patterns, cut short or run on, and lines of news that begin with their words.
_OPENING_WORDS = ("photo", "image", "read more", "share", "related", "updated", "posted", "© 2020",
                  "3 comments", "1 of 4", "(photo: afp)", "reuters / jane doe", "wait 5 seconds",
                  "reporting by", "[reporting by", "5 min read", "just now", "2 hours ago", "lire aussi",
                  "à lire aussi", "los más leídos", "sign in to", "login or", "follow @x", "← previous:",
                  "your video will play in", "main navigation", "navigation", "foto: dpa", "コメント",
                  "in this photo", "copyright", "the", "and", ":", " ", "s", "?", "$")  # fmt: skip


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_OPENING_WORDS), min_size=1, max_size=4).map(" ".join), st.booleans())
def test_the_line_openings_match_where_their_patterns_do(text: str, short: bool) -> None:
    for candidate in (text, text[:-1] if short else text + "s"):
        found = boilerplate._LINE_OPENING.sensitive.match(candidate)
        assert (found is None) == (_LINE_JOINED.match(candidate) is None)

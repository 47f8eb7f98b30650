"""The shortcuts the line tests of the text cleaner take for speed give exactly what the
plain patterns give: case-insensitive patterns run on lower-cased text, word patterns run
on an ASCII form of the text, a remembered line's findings."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest import boilerplate
from reader.ingest import language as language_module
from reader.ingest.body_region import _CODE, _CODE_LINE, _content_words, _holds_code
from reader.ingest.boilerplate import (
    STOPWORDS,
    Caseless,
    LineInfo,
    classify,
    describe,
    described_line,
    lower_for_patterns,
)
from reader.ingest.language import ascii_form, ascii_letter_runs, letters_in_ascii, stopwords
from reader.ingest.page_metadata import _CODE as _TITLE_CODE
from reader.ingest.page_metadata import content_terms

# Letters, marks and spaces that pages hold, with the ones that fold oddly (İ ı ſ K).
_ALPHABET = st.sampled_from(
    list("abcxyzABCXYZ0129 .,:;''\"-/|()!?@©_") + list("’‘“”–—…«»•·\u00a0\t")
    + list("éÉüÜßçñøÅ") + list("İıſK") + list("приветПРИВЕТ") + list("日本語ひらがなカタカナ")
)  # fmt: skip
_TEXTS = st.text(_ALPHABET, max_size=80)
_WORDISH = st.lists(
    st.sampled_from(
        ["share", "Photo", "by", "Reuters", "the", "don’t", "l’été", "cookies", "privacy", "you", "©", "2019",
         "Posted", "updated", "3 hours ago", "1 of 4", "Related", "Home", ">", "|", "İstanbul", "ſome", "café",
         "we'll", "US", "Our", "this site", "Subscribe", "newsletter"]
    ),
    max_size=12,
).map(" ".join)  # fmt: skip


def _cased(code: int) -> bool:
    char = chr(code)
    return char.lower() != char or char.upper() != char or char.casefold() != char


def test_lower_casing_folds_as_ignorecase_on_every_letter_it_accepts() -> None:
    atoms = [*"abcdefghijklmnopqrstuvwxyz", "[a-z]", r"\w", r"\d", r"\s", r"\b\w"]
    insensitive = [re.compile(atom, re.IGNORECASE) for atom in atoms]
    sensitive = [re.compile(atom) for atom in atoms]
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF or not _cased(code):
            continue
        char = chr(code)
        lowered = lower_for_patterns(char)
        if lowered is None:
            continue
        assert len(lowered) == 1, hex(code)
        for plain, quick in zip(insensitive, sensitive):
            assert bool(plain.fullmatch(char)) == bool(quick.fullmatch(lowered)), (hex(code), plain.pattern)


_CASELESS = {name: value for name, value in vars(boilerplate).items() if isinstance(value, Caseless)}


def test_caseless_patterns_are_written_in_lower_case() -> None:
    assert len(_CASELESS) >= 8
    for name, caseless in _CASELESS.items():
        letters = re.sub(r"\\.|\(\?P<\w+>", "", caseless.sensitive.pattern)
        assert letters == letters.lower(), name


@settings(max_examples=300)
@given(st.one_of(_TEXTS, _WORDISH))
def test_caseless_patterns_match_as_their_case_insensitive_selves(text: str) -> None:
    lowered = lower_for_patterns(text)
    for name, caseless in _CASELESS.items():
        for plain, quick in (
            (caseless.insensitive.match(text), caseless.match(text, lowered)),
            (caseless.insensitive.search(text), caseless.search(text, lowered)),
        ):
            assert (plain is None) == (quick is None), name
            if plain is not None and quick is not None:
                assert plain.span() == quick.span(), name
        assert caseless.sub(" ", text, lowered).lower() == caseless.insensitive.sub(" ", text).lower(), name


@settings(max_examples=300)
@given(st.one_of(_TEXTS, _WORDISH), st.sampled_from(["en", "fr", "de", "ru"]))
def test_words_and_keys_in_ascii_are_the_plain_ones(text: str, language: str) -> None:
    stops = stopwords(language)
    lowered = text.lower()
    words, key = boilerplate._words_and_key(lowered, stops)
    plain = boilerplate._WORD.findall(lowered)
    assert len(words) == len(plain)
    assert sum(word in stops for word in words) == sum(word in stops for word in plain)
    assert key == boilerplate._NOT_ALNUM.sub("", lowered)
    assert language_module._words(text) == language_module._WORD.findall(text)  # as written
    assert _content_words(text) == frozenset(re.findall(r"[^\W_]{3,}", text.lower()))
    terms = content_terms(text, stops)
    if ascii_form(lowered) is not None:
        assert terms == {w for w in re.findall(r"[^\W\d_]{3,}", lowered) if w not in stops}


@settings(max_examples=300)
@given(st.one_of(_TEXTS, _WORDISH))
def test_letter_runs_in_ascii_are_the_plain_ones(text: str) -> None:
    lowered = text.lower()
    if (in_ascii := ascii_form(lowered)) is not None:
        assert ascii_letter_runs(in_ascii) == re.findall(r"[^\W\d_]+", lowered)
    if letters_in_ascii(text):
        assert not boilerplate._NON_LATIN_LETTER.search(text)
        assert not boilerplate.mostly_foreign_script(text)


_ADDRESSISH = st.lists(
    st.sampled_from(["12", "4b,", "Main", "Street", "St.", "P.O. Box", "po box", "Tel:", "telephone .", "fax.",
                     "Phone :", "Suite", "Avenue", "ave", "Rd.", "FLOOR", "building", "ſtreet", "١٢"]),
    max_size=8,
).map(" ".join)  # fmt: skip


@settings(max_examples=300)
@given(st.one_of(_TEXTS, _WORDISH, _ADDRESSISH))
def test_a_line_the_address_hints_pass_over_holds_no_address(text: str) -> None:
    for_patterns = lower_for_patterns(text)
    if not boilerplate._may_hold_address(text, text.lower()):
        assert boilerplate._ADDRESS.search(text, for_patterns) is None


_BIOISH = st.lists(
    st.sampled_from(["Jane", "Doe", "O’Neil", "Smith-Jones,", "is", "a", "an", "senior", "reporter", "covers",
                     "the", "economy", "for", "The", "Times", "AP.", "at", "Reuters"]),
    max_size=12,
).map(" ".join)  # fmt: skip


@settings(max_examples=300)
@given(st.one_of(_TEXTS, _WORDISH, _BIOISH))
def test_a_line_without_the_author_note_hints_is_no_author_note(text: str) -> None:
    if not boilerplate.holds_any(text, boilerplate._AUTHOR_BIO_HINTS):
        assert boilerplate._AUTHOR_BIO.match(text) is None


def _fields(info: LineInfo | None) -> tuple[object, ...] | None:
    if info is None:
        return None
    return (info.number, info.text, info.words, info.stop_density, info.sentence_end, info.kind,
            info.reason, info.caption, info.key, info.end, info.spaceless)  # fmt: skip


@settings(max_examples=200)
@given(st.one_of(_TEXTS, _WORDISH), st.booleans())
def test_a_remembered_line_is_what_describing_it_again_gives(raw: str, latin: bool) -> None:
    plain = describe(3, raw, STOPWORDS)
    if plain is not None:
        plain.end = 4
        plain.kind = classify(plain, raw, latin)
        assert plain.text == " ".join(raw.split())
    assert _fields(described_line(3, 4, raw, STOPWORDS, False, latin)) == _fields(plain)
    assert _fields(described_line(3, 4, raw, STOPWORDS, False, latin)) == _fields(plain)  # remembered


@settings(max_examples=300)
@given(st.one_of(_TEXTS, _WORDISH))
def test_a_line_whose_words_do_not_speak_to_the_reader_matches_no_pattern_that_needs_them(raw: str) -> None:
    described = boilerplate._describe(1, raw, STOPWORDS, False)
    if described is None:
        return
    info, _lower, words = described
    for_patterns = lower_for_patterns(info.text)
    if boilerplate._may_address_reader(for_patterns, words):
        return
    assert for_patterns is not None
    found = boilerplate._ADDRESSES_READER.search(info.text, for_patterns)
    assert found is None or for_patterns.startswith(boilerplate._READER_ORDERS)
    found = boilerplate._ABOUT_THIS_SITE.search(info.text, for_patterns)
    assert found is None or "site" in for_patterns


_OPENINGS = ["Copyright 2021", "© AFP", "Reporting by Jane Doe;", "In this March 3 file photo", "Image caption",
             "Please wait 5 seconds", "Comments (3)", "Related", "Share this", "Posted 3 hours ago", "Updated 12:30",
             "Read more", "Photo: Reuters", "Home >", "1 of 4", "Reuters / Jane Doe"]  # fmt: skip
_PARAGRAPHS = st.tuples(
    st.sampled_from(_OPENINGS), st.lists(st.one_of(_TEXTS, _WORDISH), min_size=1, max_size=12).map(" ".join)
).map(" ".join)


@settings(max_examples=300)
@given(_PARAGRAPHS)
def test_a_paragraph_is_furniture_by_the_paragraph_openings_alone(raw: str) -> None:
    text = " ".join(raw.split())
    words = text.count(" ") + 1
    if words <= boilerplate._MAX_LABEL_WORDS or len(text) < boilerplate._MAX_STAMP_CHARS:
        return
    lowered = lower_for_patterns(text)
    assert not boilerplate._is_published_line(text, lowered)
    # (as _boilerplate_reason asks: on lines of up to _MAX_OPENING_WORDS words)
    if words <= boilerplate._MAX_OPENING_WORDS and boilerplate._opening_reason(text, words):
        assert boilerplate._PARAGRAPH_OPENING.match(text, lowered) is not None


# The code patterns as first written, one search each: _holds_code gives the same.
_PLAIN_CODE = re.compile(r"[=;{}]|\w\(|^[$#>%]\s|::|->|</?\w+>|//|:\s*[\[{(]$|^[\[\](){}<>,;.…]+$")
_PLAIN_CODE_LINE = re.compile(f"{_PLAIN_CODE.pattern}|[a-z0-9]_[a-z0-9]|[│┼─]")
_CODE_ALPHABET = st.sampled_from(list("ab_Z1 (){}[]<>=;:-/$#%,.…│┼─\t\\") + ["é", "x(", "$ ", "</b>"])


@settings(max_examples=1000)
@given(st.one_of(st.lists(_CODE_ALPHABET, max_size=10).map("".join), _TEXTS))
def test_code_is_found_where_the_plain_patterns_find_it(text: str) -> None:
    assert _holds_code(text, _CODE) == (_PLAIN_CODE.search(text) is not None)
    assert _holds_code(text, _CODE_LINE) == (_PLAIN_CODE_LINE.search(text) is not None)


_PLAIN_TITLE_CODE = re.compile(r"[{}=\\]|\w\(\w*\)|::|->")


@settings(max_examples=1000)
@given(st.one_of(st.lists(_CODE_ALPHABET, max_size=10).map("".join), _TEXTS))
def test_code_in_a_headline_is_found_where_the_plain_pattern_finds_it(text: str) -> None:
    assert (_TITLE_CODE.search(text) is None) == (_PLAIN_TITLE_CODE.search(text) is None)

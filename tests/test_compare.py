"""reader.compare: sentence splitting, shared quotes, paraphrases, on the seeds too."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.compare import Alignment, align, content_words
from reader.library import Library
from reader.sentences import sentence_spans as split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_split_at_full_stops_not_at_titles_or_initials() -> None:
    text = "Mr. Kerry met Vladimir V. Putin in Moscow. They talked for hours!\n\n“It went well,” he said. Then he left."
    assert _sentences(text) == [
        "Mr. Kerry met Vladimir V. Putin in Moscow.",
        "They talked for hours!",
        "“It went well,” he said.",
        "Then he left.",
    ]


def test_sentences_never_cross_paragraphs() -> None:
    text = "A first paragraph without a stop\n\nA second one."
    assert _sentences(text) == ["A first paragraph without a stop", "A second one."]


def test_content_words_drop_function_words_and_stem() -> None:
    assert content_words("The talks were held in Moscow, the Kremlin's talks") == [
        "talk",
        "held",
        "moscow",
        "kremlin",
        "talk",
    ]
    assert content_words("Al-Nusra") == ["al", "nusra"]


def test_a_shared_quote_is_matched_word_for_word() -> None:
    left = "He said: “We will never give up the fight for our city,” before leaving."
    right = "The mayor told reporters that we will never give up the fight for our city and left."
    (pair,) = align(left, right)
    assert pair.kind == "quote"
    assert left[pair.left_start : pair.left_end] == "We will never give up the fight for our city"
    assert right[pair.right_start : pair.right_end] == "we will never give up the fight for our city"
    assert pair.score == 10.0  # words shared


def test_a_quote_in_the_right_article_is_found_too() -> None:
    left = "Officials said the ceasefire would hold until the end of the month at least."
    right = 'A spokesman said "the ceasefire would hold until the end of the month" on Monday.'
    (pair,) = align(left, right)
    assert pair.kind == "quote"
    assert left[pair.left_start : pair.left_end] == "the ceasefire would hold until the end of the month"


def test_paraphrases_are_matched_and_unrelated_sentences_are_not() -> None:
    left = (
        "Secretary of State John Kerry flew to Moscow for talks with President Vladimir Putin.\n\n"
        "Farmers in Kansas expect a record wheat harvest this summer."
    )
    right = (
        "Vladimir Putin received John Kerry, the US Secretary of State, for talks in Moscow.\n\n"
        "The central bank left interest rates unchanged."
    )
    (pair,) = align(left, right)
    assert pair.kind == "similar"
    assert left[pair.left_start : pair.left_end].startswith("Secretary of State John Kerry flew")
    assert right[pair.right_start : pair.right_end].startswith("Vladimir Putin received")
    assert 0.2 <= pair.score <= 1.0


def test_each_sentence_is_paired_at_most_once_and_pairs_follow_the_left_article() -> None:
    left = "Kerry met Putin in Moscow on Thursday night.\n\nKerry met Putin in Moscow again later."
    right = "Putin met Kerry in Moscow on Thursday."
    pairs = align(left, right, threshold=0.1)
    assert len(pairs) == 1
    assert len({(p.right_start, p.right_end) for p in pairs}) == len(pairs)


@given(st.text(max_size=300), st.text(max_size=300))
def test_alignments_are_valid_spans_in_both_texts(left: str, right: str) -> None:
    pairs = align(left, right)
    assert pairs == sorted(pairs, key=lambda a: (a.left_start, a.right_start))
    for pair in pairs:
        assert 0 <= pair.left_start < pair.left_end <= len(left)
        assert 0 <= pair.right_start < pair.right_end <= len(right)
        assert pair.kind in ("quote", "similar")


@pytest.fixture(scope="module")
def seed_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    with Library.open(tmp_path_factory.mktemp("compare-library")) as library:
        return library.article("001").article.body, library.article("002").article.body


def test_seeds_001_and_002_share_the_joint_command_report_and_the_kerry_putin_meeting(seed_pair) -> None:
    left, right = seed_pair
    pairs = align(left, right)
    texts = [(left[p.left_start : p.left_end], right[p.right_start : p.right_end]) for p in pairs]
    assert any(
        "joint command and control centre" in lt and "first reported by The Washington Post" in rt
        for lt, rt in texts
    )
    assert any(
        lt.startswith("US Secretary of State John Kerry, who was on his way to Moscow")
        and rt.startswith("Secretary of State John Kerry met with President Vladimir V. Putin in Moscow")
        for lt, rt in texts
    )
    assert all(isinstance(p, Alignment) for p in pairs)
    assert len(pairs) <= 6  # the shared facts, not every sentence about Syria

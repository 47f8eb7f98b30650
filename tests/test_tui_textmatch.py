"""reader.textmatch (query highlights) and the article view's line wrapping."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st
from rich._wrap import divide_line

from reader.library.passages import matched_spans
from reader.textmatch import best_match_offset, find_all, query_matches, query_terms
from reader.tui.widgets.article_view import wrap_offsets

TEXT = "Strikes hit Aleppo. The strike was striking, U.S. officials said; PUTIN and Putin's aides (person:obama)."


def _words(spans: list[tuple[int, int]], text: str = TEXT) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_query_words_match_by_stem_and_case_insensitively() -> None:
    assert _words(query_matches(TEXT, "strikes putin")) == ["Strikes", "strike", "striking", "PUTIN", "Putin"]


def test_field_queries_and_operators_are_not_highlighted() -> None:
    assert query_terms("person:obama AND aleppo NOT date:2015") == frozenset({"aleppo"})
    assert _words(query_matches(TEXT, "person:obama aleppo")) == ["Aleppo"]


@given(
    st.text(alphabet=st.sampled_from("abs tring.Ssky,y'\n"), max_size=120),
    st.sampled_from(["strings", "sky", "a.b", "ring tyings"]),
)
def test_the_fast_path_finds_what_the_index_analyzer_finds(text: str, query: str) -> None:
    assert query_matches(text, query) == matched_spans(text, query_terms(query))


def test_the_best_passage_is_where_most_matches_gather() -> None:
    text = "Putin spoke. " + "Filler words here. " * 40 + "Putin met Kerry; Putin and Kerry agreed."
    assert best_match_offset(text, "putin kerry") == text.index("Putin met")
    assert best_match_offset(text, "zzz") is None


def test_find_is_literal_and_case_insensitive() -> None:
    assert _words(find_all(TEXT, "putin")) == ["PUTIN", "Putin"]
    assert find_all(TEXT, "  ") == []
    assert _words(find_all("Straße STRASSE", "straße"), "Straße STRASSE") == ["Straße"]


@given(st.text(alphabet=st.sampled_from("ab cdefgh  "), max_size=200), st.integers(min_value=8, max_value=60))
def test_ascii_wrapping_breaks_where_rich_does(text: str, width: int) -> None:
    longest = max((len(w) for w in text.split()), default=0)
    if longest <= width:  # Rich folds over-long words a little differently
        assert wrap_offsets(text, width) == divide_line(text, width, fold=True)


@given(st.text(max_size=200), st.integers(min_value=1, max_value=40))
def test_wrapped_lines_fit_the_width(text: str, width: int) -> None:
    text = text.replace("\n", " ")
    edges = [0, *wrap_offsets(text, width), len(text)]
    assert edges == sorted(edges)
    if text.isascii():
        for start, end in itertools.pairwise(edges):
            assert len(text[start:end].rstrip(" ")) <= width


@given(
    st.text(alphabet=st.sampled_from("ab cdéfgh  漢"), max_size=200), st.integers(min_value=4, max_value=60)
)
def test_rich_private_divide_line_still_breaks_as_public_text_wrap(text: str, width: int) -> None:
    """The reader wraps with ``rich._wrap.divide_line`` (private): this fails loudly
    when a Rich release changes what it does, by comparing it with the public
    ``Text.wrap`` that is built on it."""
    from rich.console import Console
    from rich.text import Text

    console = Console(width=width, legacy_windows=False)
    lines = Text(text).wrap(console, width, overflow="fold")
    offsets = [0, *divide_line(text, width, fold=True), len(text)]
    pieces = [text[start:end] for start, end in itertools.pairwise(offsets)]
    assert [line.plain.rstrip(" ") for line in lines] == [piece.rstrip(" ") for piece in pieces]


PHRASES = "Urgent military talks were called. The military said the talks could wait; talks of the military went on."


def test_a_phrase_is_marked_where_its_words_stand_in_a_row() -> None:
    # The article matched the phrase, not its words one by one: those alone are not marked.
    assert _words(query_matches(PHRASES, '"military talks"'), PHRASES) == ["military talks"]
    assert _words(query_matches(PHRASES, '"military talks" wait'), PHRASES) == ["military talks", "wait"]


def test_stop_words_may_stand_inside_a_phrase_as_the_index_drops_them() -> None:
    text = "The rule of law, the rule and the law, rule the law."
    assert _words(query_matches(text, '"rule of law"'), text) == [
        "rule of law",
        "rule and the law",
        "rule the law",
    ]


def test_a_field_value_in_quotes_is_no_phrase_of_the_text() -> None:
    assert query_matches(PHRASES, 'source:"military talks"') == []


def test_the_best_passage_of_a_phrase_query_holds_the_phrase() -> None:
    text = (
        "Military talks began. "
        + "Filler words here. " * 40
        + "The military held talks; talks by the military went on."
    )
    assert best_match_offset(text, '"military talks"') == 0

"""Query syntax, errors, person aliases, snippets and "did you mean" on a small library."""

from __future__ import annotations

import re

import pytest
import query_fuzz
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_library_support import small_library

from reader.library import QueryError
from reader.library.schema import composed_text_analyzer, text_analyzer


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    lib = small_library(tmp_path_factory.mktemp("search"))
    yield lib
    lib.close()


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


def found(library, query: str, **options) -> set[str]:
    return {hit.path.rsplit("/", 1)[-1] for hit in library.search(query, limit=20, **options).hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("putin", {"kerry-putin.txt", "second-day.txt"}),
        ("kerry putin", {"kerry-putin.txt"}),  # words are ANDed
        ("kerry OR cricket", {"kerry-putin.txt", "washington.txt", "cricket.txt"}),
        ("kerry NOT putin", {"washington.txt"}),
        ('"second day"', {"second-day.txt"}),
        ('"day second"', set()),
        ("title:moscow", {"kerry-putin.txt"}),
        ("moscow", {"kerry-putin.txt"}),
        ("strike", {"strikes.txt"}),  # stemming: strikes, striking
        ("person:putin", {"kerry-putin.txt", "second-day.txt"}),
        ('person:"vladimir putin"', {"kerry-putin.txt", "second-day.txt"}),
        # one person, never a union of strangers: John Kerry and Kerry Washington tie
        # at one article each, and the name in order comes first
        ("person:kerry", {"kerry-putin.txt"}),
        ('person:"President Vladimir Putin"', {"kerry-putin.txt", "second-day.txt"}),  # a surface form
        ("org:islamic", {"strikes.txt"}),
        ("place:moscow", {"kerry-putin.txt"}),
        ("source:reuters", {"strikes.txt"}),
        ('source:"arab today"', {"washington.txt"}),
        ("date:2015-10", {"second-day.txt"}),
        ("date:2015", {"strikes.txt", "second-day.txt"}),
        ("date:2015-09-30", {"strikes.txt"}),
        ("date:[2015-09-01 to 2015-10-31]", {"strikes.txt", "second-day.txt"}),
        ("date:[2012 to 2015-09]", {"strikes.txt", "washington.txt"}),
        ("russia date:2015-10", {"second-day.txt"}),
        ("crick*", {"cricket.txt"}),
        ("wicket~", {"cricket.txt"}),
        ("wikets~", {"cricket.txt"}),
        ("(putin OR england) AND NOT cricket", {"kerry-putin.txt", "second-day.txt"}),
    ],
)
def test_query_syntax(library, query, expected):
    assert found(library, query) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty query"),
        ("   ", "empty query"),
        ("author:smith", "unknown field author:"),
        ("title:", "title: needs something after it"),
        ('"air strikes', "missing its closing quote"),
        ("date:yesterdayish", "cannot read the date 'yesterdayish'"),
        ("date:[soon to 2015]", "cannot read the date 'soon'"),
        ("date:[2015]", "cannot read the date range"),
        ("AND", "AND needs words on both sides"),
        ("NOT", "NOT needs a word after it"),
        ("the", "nothing to search for"),
        ("title:(", "a '(' is never closed"),
        ("(putin", "a '(' is never closed"),
        ("putin)", "a ')' has no '(' before it"),
        ("title:()", "'()' has nothing to search for"),
        ("title: putin", "title: needs something after it"),
        ("date:[2015-09-01 to 2015-10-31", "missing its closing ']'"),
        ("putin]", "a ']' has no '[' before it"),
        ("putin AND", "AND needs words on both sides"),
        ("OR putin", "OR needs words on both sides"),
        ("putin AND OR kerry", "AND needs words on both sides"),
        ("putin NOT", "NOT needs a word after it"),
        ("said^0", "a boost needs a number above 0"),
        ("said^x", "a boost needs a number above 0"),
        ("date:2015-13", "cannot read the date '2015-13': no such day or month"),
        ("date:2015-02-30", "no such day or month"),
        ("date:[2015-10 to 2015-09]", "ends before it starts"),
        ("date:2015-10-02~", "cannot read the date"),
        ("date:201*", "cannot read the date"),
        ("putin~9", "at most 2 edits"),
        ("02~2", "02~2: too short for 2 edits"),
        ("Obama *", "'*' alone would match everything"),
        ("putin title:*", "'title:*' alone would match everything"),
        ("x" * 100_001, "the query is too long (100,001 characters; at most 1,000)"),
    ],
)
def test_bad_queries_say_why(library, query, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        library.search(query)


def test_title_counts_more_than_body(library):
    # "raids" is in the title of one article and only in the body of none other;
    # "russia" is in a title and in bodies: the title match ranks first.
    results = library.search("russia")
    assert results.hits[0].title == "Russia begins air strikes in Syria"


def test_person_and_source_options(library):
    assert found(library, "", person="putin") == {"kerry-putin.txt", "second-day.txt"}
    assert found(library, "", person="Vladimir Putin") == {"kerry-putin.txt", "second-day.txt"}
    assert found(library, "jihadists", person="kerry") == {"kerry-putin.txt"}
    assert found(library, "", source="Albawaba") == {"second-day.txt"}
    assert found(library, "", source="Arab-Today") == {"washington.txt"}  # split as the index splits
    assert found(library, "putin", source="afp") == {"kerry-putin.txt"}


def test_sort_by_date_newest_first(library):
    results = library.search("russia OR kerry OR england", sort="date", limit=10)
    dates = [hit.date for hit in results.hits]
    assert dates == sorted(dates, reverse=True)
    assert len(dates) == 5


def test_hits_carry_passages_with_offsets_into_the_body(library):
    hit = library.search("strikes").hits[0]
    body = library.article(hit.id).article.body
    marked = [body[start:end] for passage in hit.passages for start, end in passage.marks]
    assert marked == ["strikes", "striking"]  # stems: both forms are marked
    for passage in hit.passages:
        assert 0 <= passage.start <= passage.end <= len(body)
    assert "**strikes**" in hit.snippet and "**striking**" in hit.snippet


def test_a_word_found_only_in_bodies_is_marked(library):
    # No title has "wickets": the body match must still give passages and a marked snippet.
    hit = library.search("wickets").hits[0]
    body = library.article(hit.id).article.body
    assert [body[start:end] for passage in hit.passages for start, end in passage.marks] == ["wickets"]
    assert "six **wickets** at Lord's" in hit.snippet


def test_snippet_of_a_field_only_match_is_the_opening(library):
    hit = library.search("source:bbc").hits[0]
    assert hit.passages == ()
    assert hit.snippet.startswith("England beat Australia")


def test_did_you_mean(library):
    results = library.search("Lavorv")
    assert results.hits == ()
    assert results.suggestion == "Lavrov"
    assert library.search("Lavrov").suggestion is None
    assert library.search("Lavrov wikcets").suggestion == "Lavrov wickets"


def test_json_shape(library):
    data = library.search("putin", limit=1).to_json()
    assert set(data) == {"query", "total", "total_exact", "hits"}
    assert len(data["hits"]) == 1
    # More matches than the limit: the total still counts every one of them.
    assert (data["total"], data["total_exact"]) == (2, True)
    hit = data["hits"][0]
    assert {"id", "path", "title", "source", "date", "score", "people", "snippet", "passages"} <= set(hit)
    assert library.search("Lavorv").to_json()["suggestion"] == "Lavrov"


def test_everything_newest_first(library):
    results = library.search("*", limit=3)
    assert results.total == 5
    assert [hit.date for hit in results.hits] == ["2016-07-15", "2015-10-02", "2015-09-30"]


def test_people_with_article_counts_and_who_appears_with_whom(library):
    people = [(p.name, p.articles, p.cooccurring) for p in library.people()]
    assert people == [
        ("Vladimir Putin", 2, (("John Kerry", 1),)),
        ("John Kerry", 1, (("Vladimir Putin", 1),)),
        ("Kerry Washington", 1, ()),
        ("Sergei Lavrov", 1, ()),
    ]
    assert [p.name for p in library.people(limit=1)] == ["Vladimir Putin"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=query_fuzz.queries())
def test_any_query_gives_results_or_a_query_error(library, text):
    # On CI derandomized (conftest); benchmarks/fuzz.py runs the same for thousands.
    query_fuzz.check_query(library, text)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab Isthe.,'-\n*3é中国x"), max_size=60),
    positions=st.booleans(),
    chars=st.booleans(),
    removestops=st.booleans(),
    start_pos=st.integers(0, 3),
)
def test_the_one_loop_analyzer_gives_the_chains_tokens(text, positions, chars, removestops, start_pos):
    def tokens(analyzer):
        options = {"positions": positions, "chars": chars, "removestops": removestops, "start_pos": start_pos}
        return [
            (
                t.text,
                t.stopped,
                getattr(t, "pos", None),
                getattr(t, "startchar", None),
                getattr(t, "endchar", None),
            )
            for t in analyzer(text, **options)
        ]

    assert tokens(text_analyzer()) == tokens(composed_text_analyzer())

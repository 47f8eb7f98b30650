"""Sentence and paragraph spans for the reading view's cursor."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.highlights.units import paragraph_spans, selection_span, sentence_spans, span_at
from reader.library.library import Library


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_abbreviations_initials_and_decimals_do_not_end_sentences():
    text = (
        "Mr. Putin met Vladimir V. Putin's envoy at 10 a.m. in the U.S. capital. "
        "Growth was 3.5 percent, said Dr. Smith of Acme Inc. in Jan. last year. "
        "It ended."
    )
    assert sentences(text) == [
        "Mr. Putin met Vladimir V. Putin's envoy at 10 a.m. in the U.S. capital.",
        "Growth was 3.5 percent, said Dr. Smith of Acme Inc. in Jan. last year.",
        "It ended.",
    ]


def test_dotted_abbreviation_before_a_sentence_opener_ends_the_sentence():
    assert sentences("Talks were held in the U.S. The next round is in Geneva.") == [
        "Talks were held in the U.S.",
        "The next round is in Geneva.",
    ]


def test_quotes_after_the_stop_and_other_marks():
    text = "He said: “We will not go.” Then he left! Did he? “Yes,” she said. Wait… What?"
    assert sentences(text) == [
        "He said: “We will not go.”",
        "Then he left!",
        "Did he?",
        "“Yes,” she said.",
        "Wait…",
        "What?",
    ]


def test_lower_case_after_a_stop_continues_and_numbers_start_sentences():
    assert sentences("See e.g. the report. 2015 was worse. it goes on") == [
        "See e.g. the report.",
        "2015 was worse. it goes on",
    ]


def test_sentences_never_cross_paragraphs():
    text = "First paragraph without a stop\n\nSecond one. Two sentences."
    assert sentences(text) == ["First paragraph without a stop", "Second one.", "Two sentences."]
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "First paragraph without a stop",
        "Second one. Two sentences.",
    ]


def test_selection_grows_by_units_either_way():
    text = "One. Two. Three.\n\nFour."
    spans = sentence_spans(text)
    assert text[slice(*selection_span(spans, 1, 3))] == "Two. Three.\n\nFour."
    assert selection_span(spans, 2, 0) == (0, len("One. Two. Three."))
    # switching the cursor from sentences to paragraphs keeps its place
    paragraphs = paragraph_spans(text)
    assert span_at(paragraphs, spans[3][0]) == 1


def test_span_at():
    spans = [(0, 5), (7, 10), (12, 20)]
    assert [span_at(spans, o) for o in (0, 4, 5, 6, 7, 11, 19, 25)] == [0, 0, 1, 1, 1, 2, 2, 2]
    assert span_at([], 3) == -1


def test_seed_sentences(tmp_path):
    with Library.open(tmp_path / "lib") as library:
        first = sentences(library.article("001").article.body)
        second = sentences(library.article("002").article.body)
    assert len(first) == 12
    # a sentence ends after the closing quote, never inside the quotation
    assert first[6:8] == [
        "Asked if he wanted to comment on the reported US offer of a military pact, Kerry said: \"I don't right now. "
        "I'll have comments. I'm going to Moscow, meeting with President Putin tonight, and we'll have plenty of "
        'time to talk about it."',
        '"I\'ll give you all a sense of where we are," he added.',
    ]
    assert second[0].startswith(
        "Secretary of State John Kerry met with President Vladimir V. Putin in Moscow"
    )
    assert "“The Russians want Assad to stay,” Mr. Tabler said." in second
    assert any(s.startswith("Andrew J. Tabler of the Washington Institute") for s in second)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "abc",
                "XYZ",
                ".",
                "?",
                "!",
                "…",
                "“",
                "”",
                '"',
                "'",
                "’",
                ")",
                "(",
                " ",
                "  ",
                "\n",
                "\n\n",
                "\t",
                "3.5",
                "Mr.",
                "U.S.",
                " V. ",
                "The",
                "e.g.",
            ]
        ),
        max_size=80,
    ).map("".join)
)
def test_spans_are_ordered_disjoint_inside_and_cover_every_visible_character(text):
    for spans in (sentence_spans(text), paragraph_spans(text)):
        previous_end = 0
        for start, end in spans:
            assert previous_end <= start < end <= len(text)
            assert not text[start].isspace() and not text[end - 1].isspace()
            previous_end = end
        covered = set()
        for start, end in spans:
            covered.update(range(start, end))
        assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
    # every sentence lies inside one paragraph
    paragraphs = paragraph_spans(text)
    for start, end in sentence_spans(text):
        assert any(ps <= start and end <= pe for ps, pe in paragraphs)


def test_company_and_month_abbreviations_end_a_sentence_before_an_opener():
    assert sentences(
        "It was rated by Standard and Poor's Corp. The issue was raised. Talks began in Jan. Smith left."
    ) == [
        "It was rated by Standard and Poor's Corp.",
        "The issue was raised.",
        "Talks began in Jan. Smith left.",
    ]
    assert sentences("He met Gen. The Hague envoy. He saw St. Louis.") == [
        "He met Gen. The Hague envoy.",
        "He saw St. Louis.",
    ]


def test_a_sentence_never_ends_inside_a_quotation_that_closes_in_the_paragraph():
    assert sentences('He said: "No. Not now." Then he left.') == ['He said: "No. Not now."', "Then he left."]
    assert sentences("“We won. We will win again,” she said. It rained.") == [
        "“We won. We will win again,” she said.",
        "It rained.",
    ]
    # a quotation that runs on into the next paragraph (no closing quote here) splits as usual
    assert sentences('He said: "Yes. Not now.\n\nLater."') == ['He said: "Yes.', "Not now.", 'Later."']

"""Re-anchoring: a highlight finds its passage again after the article text moved."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader.highlights.anchor import anchor, context_of, find_quote, occurrences

BODY = (
    "Talks opened in Geneva on Monday.\n\n"
    "The minister said the talks would go on. Officials said the talks would go on.\n\n"
    "Nobody expected a deal before the summer."
)


def test_exact_offsets_are_kept():
    start = BODY.index("Nobody")
    assert anchor(BODY, "Nobody expected", start) == (start, start + len("Nobody expected"))


def test_shifted_text_is_found_again():
    quote = "Nobody expected a deal"
    start = BODY.index(quote)
    prefix, suffix = context_of(BODY, start, start + len(quote))
    shifted = "A new first paragraph the old cleaner dropped.\n\n" + BODY
    new_start = shifted.index(quote)
    assert anchor(shifted, quote, start, prefix, suffix) == (new_start, new_start + len(quote))


def test_repeated_quote_goes_to_the_occurrence_with_matching_context():
    quote = "said the talks would go on"
    second = BODY.rindex(quote)
    prefix, suffix = context_of(BODY, second, second + len(quote))
    shifted = "Preface.\n\n" + BODY
    # The old offset now points near the first occurrence; the context picks the second.
    found = anchor(shifted, quote, second - 30, prefix, suffix)
    assert found == (shifted.rindex(quote), shifted.rindex(quote) + len(quote))
    first = BODY.index(quote)
    prefix, suffix = context_of(BODY, first, first + len(quote))
    assert anchor(shifted, quote, first, prefix, suffix)[0] == shifted.index(quote)


def test_folded_quotes_dashes_and_spaces():
    old = 'He said "we will not go" - and left.'
    new = "Preface. He said “we will  not go” — and left."
    quote = '"we will not go" - and'
    start = old.index(quote)
    span = anchor(new, quote, start, *context_of(old, start, start + len(quote)))
    assert span is not None
    assert new[span[0] : span[1]] == "“we will  not go” — and"


def test_missing_quote_is_none():
    assert anchor(BODY, "a sentence the new cleaner removed", 10) is None
    assert anchor(BODY, "", 0) is None


def test_find_quote_as_typed():
    body = "Russia’s foreign minister met Russia’s allies. Russia's line held."
    assert find_quote(body, "Russia's") == [(47, 55)]  # exact wins
    assert find_quote(body, " Russia’s ") == [(0, 8), (30, 38)]
    assert find_quote("Russia’s  foreign", "russia's foreign") == []
    assert find_quote("Russia’s  foreign", "Russia's foreign") == [(0, 17)]
    assert find_quote(body, "   ") == []


words = st.sampled_from(
    ["talks", "Geneva", "minister", "said", "the", "deal", "on", "Monday", "peace", "“", "”", "—"]
)
text = st.lists(words, min_size=0, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    before=text,
    quote=st.lists(words, min_size=1, max_size=8).map(" ".join),
    after=text,
    inserted=text,
    cut=st.integers(min_value=0, max_value=400),
    where=st.floats(min_value=0, max_value=1),
)
def test_inserting_or_deleting_text_before_the_quote_reanchors_to_the_quote(
    before, quote, after, inserted, cut, where
):
    body = f"{before} {quote} {after}"
    start = len(before) + 1
    prefix, suffix = context_of(body, start, start + len(quote))
    # insert at some point before the quote, or delete a stretch before it
    point = int(where * start)
    for new_body, expected in (
        (body[:point] + inserted + body[point:], start + len(inserted)),
        (body[: max(0, point - cut)] + body[point:], start - (point - max(0, point - cut))),
    ):
        span = anchor(new_body, quote, start, prefix, suffix)
        assert span is not None
        assert new_body[span[0] : span[1]] == quote
        if len(occurrences(new_body, quote)) == 1:  # overlapping ones count too
            assert span[0] == expected


@settings(max_examples=200, deadline=None)
@given(
    head=st.text(max_size=60),
    quote=st.text(min_size=1, max_size=30),
    tail=st.text(max_size=60),
    shift=st.text(max_size=60),
)
def test_anchor_returns_the_quote_or_none(head, quote, tail, shift):
    assume(quote.strip())
    body = head + quote + tail
    prefix, suffix = context_of(body, len(head), len(head) + len(quote))
    span = anchor(shift + body, quote, len(head), prefix, suffix)
    assert span is not None and (shift + body)[span[0] : span[1]] == quote
    other = anchor(head + tail, quote, len(head), prefix, suffix)
    if other is not None:
        assert 0 <= other[0] < other[1] <= len(head + tail)


def test_a_copy_of_the_quote_at_the_old_offset_does_not_capture_the_highlight():
    # The new cleaner keeps a standfirst that repeats the lead: the old offset (0) now
    # holds a copy, but the passage the user chose is the lead after it.
    body = "Talks opened in Geneva on Monday. Nobody expected a deal."
    quote = "Talks opened in Geneva on Monday."
    prefix, suffix = context_of(body, 0, len(quote))
    with_standfirst = quote + "\n\n" + body
    assert anchor(with_standfirst, quote, 0, prefix, suffix) == (len(quote) + 2, 2 * len(quote) + 2)

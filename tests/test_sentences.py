"""The sentence splitter's look at the word before a stop."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.sentences import _word_before, sentence_spans

WORD_BEFORE = re.compile(r"([\w.'’-]+)$")


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab.'’- \n\tX1é"), max_size=400),
    cut=st.floats(min_value=0.0, max_value=1.0),
)
def test_the_word_before_is_the_longest_run_a_search_from_the_start_finds(text, cut):
    end = round(cut * len(text))
    found = WORD_BEFORE.search(text, 0, end)
    assert _word_before(text, end) == (found.group(1) if found else "")


def test_a_dotted_abbreviation_longer_than_the_first_look_is_read_whole():
    # The stop after "A.B.A.B.…": an abbreviation, not the end of a sentence, before a
    # capitalised word that opens none. Read from 64 characters back only, the word
    # would start at a dot and be taken for no abbreviation.
    run = "A.B." * 40
    body = f"They met at {run} Office. Then they left."
    assert [body[start:end] for start, end in sentence_spans(body)] == [
        f"They met at {run} Office.",
        "Then they left.",
    ]


def test_sentences_of_scripts_without_capitals_or_spaces_after_the_stop():
    # Before a letter with no case (Arabic, Devanagari, Chinese) a stop ends the
    # sentence; "।" and "؟" are stops; Chinese and Japanese stops need no space.
    for body, expected in [
        (
            "लावरोव ने कहा कि रूस तैयार है। केरी ने कहा कि यह आखिरी मौका है।",
            ["लावरोव ने कहा कि रूस तैयार है।", "केरी ने कहा कि यह आखिरी मौका है।"],
        ),
        ("قال كيري إن الاتفاق مهم. هل ينجح؟ ربما", ["قال كيري إن الاتفاق مهم.", "هل ينجح؟", "ربما"]),
        (
            "政府今年不会提高税收。财政部长说，预算状况良好！",
            ["政府今年不会提高税收。", "财政部长说，预算状况良好！"],
        ),
        ("He said so. and then left.", ["He said so. and then left."]),
        # Armenian (which has capitals), Burmese, Khmer and Amharic full stops
        (
            "Լավրովը հանդիպեց Քերիին։ Նրանք խոսեցին Սիրիայի մասին։",
            ["Լավրովը հանդիպեց Քերիին։", "Նրանք խոսեցին Սիրիայի մասին։"],
        ),
        ("လာဗရော့ဗ် ပြောသည်။ ကယ်ရီ ပြန်ဖြေသည်။", ["လာဗရော့ဗ် ပြောသည်။", "ကယ်ရီ ပြန်ဖြေသည်။"]),
        ("ឡាវរ៉ូវ បាននិយាយ។ ឃែរី បានឆ្លើយ។", ["ឡាវរ៉ូវ បាននិយាយ។", "ឃែរី បានឆ្លើយ។"]),
        ("ላቭሮቭ ተናገሩ። ኬሪ መለሱ።", ["ላቭሮቭ ተናገሩ።", "ኬሪ መለሱ።"]),
    ]:
        assert [body[start:end] for start, end in sentence_spans(body)] == expected

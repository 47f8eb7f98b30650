"""Words with combining marks: one definition of a word for the cleaner and the index."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from whoosh.analysis import RegexTokenizer

from reader.letters import INDEX_WORD, LETTER_WORD, MARKS, WORD_RUN


def test_vowel_signs_and_viramas_stay_inside_their_word() -> None:
    assert LETTER_WORD.findall("सीरिया में युद्धविराम") == ["सीरिया", "में", "युद्धविराम"]
    assert INDEX_WORD.findall("বাংলাদেশের প্রধানমন্ত্রী 3.5") == ["বাংলাদেশের", "প্রধানমন্ত্রী", "3.5"]
    assert WORD_RUN.findall("ข้อตกลง, ทั่วประเทศ") == ["ข้อตกลง", "ทั่วประเทศ"]
    # an accent typed as a mark of its own, as some systems save text
    assert LETTER_WORD.findall("cafe\u0301 crème") == ["cafe\u0301", "crème"]


def test_the_marks_are_the_combining_marks_of_unicode() -> None:
    # (every one Unicode 3.2 had and still has; newer ones as Python 3.11's Unicode 14 has them)
    mark = re.compile(f"[{MARKS}]")
    for code in range(0x10000):
        char = chr(code)
        if mark.match(char):
            assert unicodedata.category(char).startswith("M"), hex(code)
        elif unicodedata.ucd_3_2_0.category(char).startswith("M") and unicodedata.category(char).startswith(
            "M"
        ):
            raise AssertionError(f"{code:#x} is a mark")


# Text without marks: letters, digits, punctuation and spaces of many scripts.
unmarked = st.text(
    st.characters(blacklist_categories=("Mn", "Mc", "Me", "Cs")) | st.sampled_from(list("'’. -3a")),
    max_size=60,
)


@given(unmarked)
def test_text_without_marks_reads_as_python_and_whoosh_read_it(text: str) -> None:
    assert LETTER_WORD.findall(text) == re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text)
    assert [m.group() for m in INDEX_WORD.finditer(text)] == [
        m.group() for m in RegexTokenizer().expression.finditer(text)
    ]
    assert WORD_RUN.findall(text) == re.findall(r"\w+", text)

"""clean_control_chars / terminal_safe: nothing a page holds may reach a terminal as a
control sequence, and ordinary text passes untouched."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.ingest.sanitize import clean_control_chars, terminal_safe

FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("a \x1b[31mred\x1b[0m word", "a red word"),  # SGR colour
        ("x\x1b[?25l\x1b[2Jy", "xy"),  # private-mode CSI, erase screen
        ("before\x1b]0;title\x07after", "beforeafter"),  # OSC retitle, BEL-terminated
        ("a\x1b]8;;http://x.example\x1b\\link\x1b]8;;\x1b\\z", "alinkz"),  # OSC 8 hyperlink, ST
        ("\x1bPq#0;2;0;0;0\x1b\\after", "after"),  # DCS (sixel) string
        ("\x1b_apc payload\x1b\\x", "x"),  # APC
        ("p\x9b2Jq", "pq"),  # 8-bit CSI
        ("p\x9d0;evil\x9cq", "pq"),  # 8-bit OSC ended by 8-bit ST
        ("a\x1b(Bb\x1b7c\x1bcd", "abcd"),  # charset select, save cursor, reset
        ("cut\x1b[31", "cut"),  # CSI cut off at the end of the text
        ("lone\x1b", "lone"),
        ("nul\x00bell\x07del\x7f", "nulbelldel"),
        ("l1\r\nl2\rl3", "l1\nl2\nl3"),
        ("page\x0cbreak\x0bvt", "page\nbreak\nvt"),
        ("para\u2029next\u2028line", "para\n\nnext\nline"),
        ("\ufeffbom\u200bzero\u2060joiner", "bomzerojoiner"),
        ("soft\u00adhyphen", "softhyphen"),
        ("abc\u202egnp.exe\u202c", "abcgnp.exe"),  # right-to-left override
        ("x\u2066isolated\u2069y", "xisolatedy"),
        ("lone\ud800surrogate", "lonesurrogate"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
    ],
)
def test_removes_sequences_and_controls(dirty: str, clean: str) -> None:
    assert clean_control_chars(dirty) == clean


def test_unterminated_c1_string_introducer_keeps_the_rest_of_the_line() -> None:
    # A stray 8-bit OSC must not swallow the paragraph after it.
    assert clean_control_chars("x\x9dthe rest stays\nnext") == "xthe rest stays\nnext"


def test_keeps_joiners_that_scripts_and_emoji_need() -> None:
    text = "family \U0001f468\u200d\U0001f469\u200d\U0001f467, Persian \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert clean_control_chars(text) == text


def test_terminal_safe_one_line() -> None:
    assert terminal_safe("Title\n\n  second\tline \x1b[1m!", one_line=True) == "Title second line !"
    assert terminal_safe("a\n\nb") == "a\n\nb"


@given(st.text())
def test_output_never_holds_controls_and_cleaning_is_idempotent(text: str) -> None:
    cleaned = clean_control_chars(text)
    assert not FORBIDDEN.search(cleaned)
    assert "\x1b" not in cleaned and "\r" not in cleaned
    assert clean_control_chars(cleaned) == cleaned


@given(
    st.lists(
        st.sampled_from(
            ["\x1b[", "\x1b]", "\x1b", "\x9b", "\x9d", "\x07", "\x1b\\", "\x9c", "0;", "31m", "2J", "x", "\n"]
        ),
        max_size=30,
    ).map("".join)
)
def test_escape_fragments_in_any_order_leave_no_control(text: str) -> None:
    cleaned = clean_control_chars(text)
    assert not FORBIDDEN.search(cleaned)
    assert clean_control_chars(cleaned) == cleaned


@given(
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"), blacklist_characters="\u180e"
        )
        | st.sampled_from("\n\t")
    )
)
def test_printable_text_is_unchanged(text: str) -> None:
    assert clean_control_chars(text) == text
    assert terminal_safe(text) == text

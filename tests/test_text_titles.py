"""The headline of a scraped text page, one small page per error class found on real
pages (issue 9): the title is the line the page shows as the article's headline."""

from __future__ import annotations

from test_text_page import BODY, page

from reader.ingest.text_page import clean_text_page

MENU = ["Home", "World", "Business", "Markets", "Sport", "Sign in"]
HEADLINE = "Central Bank Raises Rates for First Time in Two Years"


def test_a_sentence_leading_in_to_clauses_is_no_comment_header_and_the_clauses_are_body() -> None:
    # "..., the governor also said:" reads like "Jane on May 4 said:" but is the
    # article's; the clauses under it (no full stops) are its list, not headlines.
    clauses = [
        "Inflation would be back at the target within two years at the latest",
        "The bank is ready to act again if energy prices keep on rising",
        "Wages are growing faster than the bank expected at the start of the year",
    ]
    text = page(MENU, HEADLINE, "March 3, 2021", BODY[:2], "In a wide-ranging interview, the governor also said:",
                clauses, "Read the full transcript of the interview", BODY[2:], ["Related Articles", "Privacy Policy"])  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == HEADLINE
    assert article.paragraphs == [
        *BODY[:2],
        "In a wide-ranging interview, the governor also said:",
        *clauses,
        *BODY[2:],
    ]

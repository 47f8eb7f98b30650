"""HTML pages: the article's text and metadata, none of the page furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest.errors import SkippedFile
from reader.ingest.files import clean_file
from reader.ingest.html_page import clean_html_page, looks_like_html

PAGES = Path(__file__).parent / "data" / "inputs"

HARBOUR_BODY = [
    "The harbour bridge reopened to traffic on Sunday morning, two years after engineers closed it when cracks were found in two of its steel supports.",
    "The mayor, Anna Berg, cut a ribbon at the northern end of the bridge shortly after nine o'clock, watched by several hundred residents who had gathered despite the rain.",
    "\u201cThis bridge is the backbone of the town,\u201d she said. \u201cTwo years without it have been hard for the shops on the waterfront and for everyone who commutes.\u201d",
    "The repairs cost 48 million crowns, about a third more than first planned, because the contractor found corrosion in parts of the deck that inspectors had not been able to reach.",
    "Traffic will be limited to 30 kilometres an hour for the first month while sensors installed during the repairs record how the structure behaves under load.",
    "Ferry services that ran in place of the bridge will stop at the end of March, the regional transport authority said.",
]

CAFE_BODY = [
    "Owners of caf\u00e9s along the river walk closed their terraces for an hour on Tuesday in protest at new rules that limit outdoor seating to ten tables per business.",
    "\u201cWe were not consulted,\u201d said Ren\u00e9e Dubois, who has run the Petit Pont caf\u00e9 for eleven years. \u201cHalf of our customers in summer sit outside.\u201d",
    "The city council says the limit is needed to keep the path wide enough for cyclists and for emergency vehicles, which had trouble reaching a boathouse fire last August.",
    "A council spokesman said the rules would be reviewed after one season, and that businesses could apply for exceptions on wider parts of the walk.",
    "The owners\u2019 association plans to present a petition with more than 3,000 signatures at the council meeting on 18 June.",
]


def test_news_page_body_and_metadata() -> None:
    path = PAGES / "article_news.html"
    [article] = clean_file(path)
    assert article.title == "Harbour bridge reopens after two years of repairs"
    assert article.paragraphs == HARBOUR_BODY
    assert article.date == "2021-03-14"
    assert article.source == "The Coastal Herald"
    assert article.url == "https://coastalherald.example/news/2021/03/harbour-bridge-reopens"
    assert article.path == str(path) and article.part == 0 and article.lines is None


def test_legacy_encoded_page_with_sidebar_newsletter_and_tags() -> None:
    # Raw cp1252 bytes (declared in a <meta>) and &#147;-style references both decode.
    [article] = clean_file(PAGES / "cafe_cp1252.html")
    assert article.title == "Caf\u00e9 owners protest new terrace rules"
    assert article.paragraphs == CAFE_BODY
    assert (article.date, article.source) == ("2019-06-04", "Riverside Daily")


@pytest.mark.parametrize("name", ["article_news.html", "cafe_cp1252.html"])
def test_furniture_stays_out(name: str) -> None:
    [article] = clean_file(PAGES / name)
    text = article.title + "\n" + article.body
    for furniture in (
        "cookie",
        "Subscribe",
        "Related stories",
        "Finally!",
        "Leave a comment",
        "Share on",
        "All rights reserved",
        "newsletter",
        "Most read",
        "Advertisement",
        "Tags:",
        "Log in",
        "briefing",
    ):
        assert furniture.lower() not in text.lower()


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<<<>>>",
        "<html><body><div><p></div></body>",
        "<p>" * 5000,
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<?xml version='1.0'?><!DOCTYPE html [<!ENTITY x 'y'>]><html>&x;</html>",
    ],
)
def test_broken_or_empty_html_is_skipped_with_a_reason(html: str) -> None:
    with pytest.raises(SkippedFile) as caught:
        articles = clean_html_page(html, "broken.html")
        assert articles == []  # if extraction finds nothing, that is fine too
        raise SkippedFile("no article")
    assert caught.value.reason


def test_unclosed_tags_still_give_the_text() -> None:
    html = (
        "<html><head><title>Storm closes ports</title><body><div><p>Storm Ciara closed three"
        " ports on the east coast on Sunday as winds reached 140 kilometres an hour, the coastguard"
        " said.<p>Ferries will not sail before Tuesday, operators said, and trucks are queueing"
        " on the motorway outside the harbour.<div><b>unclosed"
    )
    [article] = clean_html_page(html, "storm.html")
    assert article.title == "Storm closes ports"
    assert article.paragraphs[:2] == [
        "Storm Ciara closed three ports on the east coast on Sunday as winds reached 140 kilometres an hour, the coastguard said.",
        "Ferries will not sail before Tuesday, operators said, and trucks are queueing on the motorway outside the harbour.",
    ]


def test_escape_sequences_written_as_character_references_do_not_survive() -> None:
    story = " ".join(["The council met on Monday to approve the budget for the next year."] * 4)
    html = (
        "<html><head><title>&#27;[31mBudget &#x9b;2Japproved&#27;]0;pwned&#7;</title></head><body><article>"
        f"<h1>Budget approved</h1><p>{story} &#27;[2J&#x1b;]0;title&#x7;</p><p>{story}</p></article></body></html>"
    )
    [article] = clean_html_page(html, "esc.html")
    for field in (article.title, article.body, article.source or "", article.date or ""):
        assert "\x1b" not in field and "\x9b" not in field and "\x07" not in field
    assert article.title == "Budget approved"


def test_html_sniffing() -> None:
    assert looks_like_html("\n  <!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("<html lang='en'><p>x")
    assert looks_like_html("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>")
    assert looks_like_html("<div class='a'><p>text</p></div>")
    assert not looks_like_html("Prices <b>rose</b> on Monday")
    assert not looks_like_html("<AP> Stocks fell on Tuesday.")


def test_text_file_that_is_really_html_is_read_as_html(tmp_path: Path) -> None:
    saved = tmp_path / "saved_page.txt"
    saved.write_bytes((PAGES / "article_news.html").read_bytes())
    [article] = clean_file(saved)
    assert article.paragraphs == HARBOUR_BODY and article.source == "The Coastal Herald"


def test_page_of_short_lines_trusts_the_extracted_block() -> None:
    # Earnings tables are short lines the text cleaner alone would drop as furniture.
    rows = [
        "Shr 63 cts vs 50 cts",
        "Net 73.8 mln vs 62.3 mln",
        "Sales 664.2 mln vs 600.6 mln",
        "Nine mths",
        "Shr 2.06 dlrs vs 1.67 dlrs",
        "Net 241.2 mln vs 205.9 mln",
        "Sales 2.04 billion vs 1.80 billion",
        "Avg shrs 117.1 mln vs 123.4 mln",
    ]
    paragraphs = "".join(f"<p>{row}</p>" for row in rows)
    html = (
        "<html><head><title>ACME CORP 3RD QTR NET</title><meta property='og:site_name' content='Wire'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/markets'>Markets</a></nav>"
        f"<article><h1>ACME CORP 3RD QTR NET</h1>{paragraphs}</article>"
        "<footer>&copy; Wire</footer></body></html>"
    )
    [article] = clean_html_page(html, "earnings.html")
    assert (article.title, article.source) == ("ACME CORP 3RD QTR NET", "Wire")
    assert article.paragraphs == rows

"""trafilatura's metadata read apart from its text: the fields an article uses are the
ones trafilatura's own ``extract_metadata`` gives, on hand-written and real pages."""

from __future__ import annotations

import json

import pytest
import trafilatura
from pages_dev import pages
from shared_data import PAGES_DEV
from trafilatura.metadata import extract_metadata

from reader.ingest.html_extracted import extracted_metadata

DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2024-01-01"}
FIELDS = ("title", "author", "url", "date", "sitename")
BODY = "<p>The harbour bridge reopened to traffic on Sunday morning, two years after it closed.</p>"


def fields(document: trafilatura.settings.Document) -> dict[str, str | None]:
    return {name: getattr(document, name) for name in FIELDS}


def trafilaturas(page: str) -> dict[str, str | None]:
    return fields(extract_metadata(trafilatura.load_html(page), None, dict(DATE_PARAMS), False, None))


def ours(page: str, *, with_author: bool = True) -> dict[str, str | None]:
    return fields(extracted_metadata(trafilatura.load_html(page), DATE_PARAMS, with_author=with_author))


def article(**item: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps({'@type': 'NewsArticle', **item})}</script>"


PAGES = [
    # meta tags: a one-word author is dropped, a handle loses its "@", a lower-case name is capitalised
    "<html><head><meta property='og:title' content='Bridge reopens'><meta name='author' content='herald'>"
    "<meta name='twitter:site' content='@herald'><link rel='canonical' href='https://herald.example/a/1'>"
    f"</head><body>{BODY}</body></html>",
    # JSON-LD article: headline, authors, date, publisher
    "<html><head><title>Bridge reopens | Herald</title>"
    + article(
        headline="Bridge reopens",
        author=[{"@type": "Person", "name": "Stella Kim"}, {"@type": "Person", "name": "Jo Jett"}],
        datePublished="2021-03-14T08:00:00Z",
        publisher={"@type": "Organization", "name": "The Herald"},
    )
    + f"</head><body>{BODY}</body></html>",
    # a byline in the markup only, a date stamp in the text, the site in the window title
    "<html><head><title>Bridge reopens - herald.example</title></head><body><h1>Bridge reopens</h1>"
    f"<p class='byline'>By <span class='author'>Maria Lindqvist</span></p><time datetime='2020-05-02'>2 May</time>{BODY}"
    "</body></html>",
    # nothing declared: the title from the only heading, the site from nowhere
    f"<html><body><h1>Bridge reopens</h1>{BODY}</body></html>",
    # a relative canonical link completed from the og:url, and broken JSON-LD
    "<html><head><meta property='og:url' content='https://herald.example/x'><link rel='canonical' href='/a/2'>"
    "<meta name='author' content='Jane Doe'>"
    f"<script type='application/ld+json'>{{\"@type\": </script></head><body>{BODY}</body></html>",
]


@pytest.mark.parametrize("page", PAGES)
def test_the_fields_are_trafilaturas(page: str) -> None:
    assert ours(page) == trafilaturas(page)


@pytest.mark.parametrize("page", PAGES)
def test_without_the_author_the_other_fields_stay(page: str) -> None:
    assert ours(page, with_author=False) == {**trafilaturas(page), "author": None}


def test_the_fields_are_trafilaturas_on_real_pages() -> None:
    if not PAGES_DEV.exists():
        pytest.skip(f"pages-dev not present at {PAGES_DEV}")
    for page in pages("html"):
        text = page.path.read_text(encoding="utf-8", errors="replace")
        assert ours(text) == trafilaturas(text), page.name

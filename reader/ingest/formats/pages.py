"""What every wrapper format does with the pages inside it: clean a page with the
format's metadata as hints, fill in a fallback date, number the articles."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from reader.ingest.decode import decode_bytes
from reader.ingest.errors import SkippedFile
from reader.ingest.html_page import clean_html_page
from reader.ingest.jsonl import normalise_paragraphs
from reader.ingest.sanitize import clean_control_chars
from reader.ingest.stories import story_title
from reader.ingest.text_page import PageHints
from reader.model import Article


def html_articles(
    html: str,
    path: str,
    hints: PageHints,
    parts: Iterator[int],
    fallback_date: str | None = None,
) -> list[Article]:
    """The articles of one page inside a file; ``hints`` win over the page's own
    metadata, ``fallback_date`` (a fetch or save date) is used where the page has
    none. Each article gets the next number from ``parts`` (its place in the file).

    Raises :class:`SkippedFile` when the page holds no article."""
    articles = clean_html_page(html, path, hints=hints)
    if not articles:
        raise SkippedFile("no article found")
    return [
        replace(article, part=next(parts), date=article.date or fallback_date, lines=None)
        for article in articles
    ]


def decode_page(data: bytes, declared: str | None) -> str:
    """A page's bytes as text: with the charset its headers declare when that decodes,
    otherwise as any file is decoded (BOM, UTF-8, meta charset, a guess)."""
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def plain_article(text: str, path: str, hints: PageHints, part: int, summary: bool = False) -> Article:
    """An article from text taken as it is (a feed's summary, a PDF's text that the
    line cleaner would not keep): paragraphs normalised, title from the hints or the
    lead."""
    body = normalise_paragraphs(clean_control_chars(text))
    if not body:
        raise SkippedFile("no article text")
    return Article(
        path=path,
        title=hints.title or story_title(body.split("\n\n", 1)[0]),
        body=body,
        date=hints.date,
        source=hints.source,
        url=hints.url,
        part=part,
        author=hints.author,
        language=hints.language,
        summary=summary,
    )


def one_line(value: object) -> str | None:
    """A metadata value as one clean line, or None."""
    if not isinstance(value, str):
        return None
    text = " ".join(clean_control_chars(value).split())
    return text or None

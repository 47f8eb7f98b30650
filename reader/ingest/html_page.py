"""Saved HTML pages: trafilatura finds the main text and the metadata, then the text
goes through the same cleaner as scraped text pages, with the metadata as hints."""

from __future__ import annotations

import os
import re
from dataclasses import replace

import trafilatura

from reader.ingest.errors import SkippedFile
from reader.ingest.jsonl import normalise_paragraphs
from reader.ingest.sanitize import clean_control_chars
from reader.ingest.stories import story_title
from reader.ingest.text_page import PageHints, clean_text_page
from reader.model import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

# Signs, near the top of a file, that its text is HTML whatever its name says.
_HTML_OPENINGS = ("<!doctype html", "<html", "<?xml")
_HTML_TAGS = ("<head", "<body", "<meta ", "<title>", "<div", "<p>", "<article")


def looks_like_html(text: str) -> bool:
    """True when a file's text is an HTML document (a .txt that is really a saved page)."""
    head = text[:2048].lstrip().lower()
    if head.startswith(_HTML_OPENINGS):
        return head.startswith(("<!doctype html", "<html")) or "<html" in head
    if not head.startswith("<"):
        return False
    return sum(tag in head for tag in _HTML_TAGS) >= 2


def clean_html_page(html: str, path: str | os.PathLike[str], hints: PageHints | None = None) -> list[Article]:
    """The articles of an HTML page ([] when its main text holds no article).
    ``hints`` (from the file format around the page: a web archive's URL and date)
    win over what the page's own metadata says.

    Raises :class:`SkippedFile` when nothing can be extracted from the page.
    """
    html = _drop_control_references(clean_control_chars(html))
    if not html.strip():
        raise SkippedFile("empty file")
    document = extract_main_text(html)
    if document is None or not (document.text or "").strip():
        raise SkippedFile("no article text found in the HTML")
    hints = (hints or PageHints()).over(
        PageHints(
            title=_one_line(document.title),
            date=_one_line(document.date),
            source=_one_line(document.sitename),
            url=_one_line(document.url),
            author=_one_line(document.author),
            language=_one_line(document.language),
        )
    )
    text = _as_text_page(document.text or "", hints.title)
    articles = clean_text_page(text, str(path), hints=hints)
    if not articles and len(text.split()) >= _TRUSTED_EXTRACTION_WORDS:
        # The text cleaner judges lines one by one and drops pages made of short lines
        # (earnings tables, lists of results). trafilatura has already cut the page
        # down to its main block with the page's structure at hand: trust it.
        articles = [_article_from_extraction(text, str(path), hints)]
    # Line numbers would count lines of the extracted text, not of the HTML source.
    return [replace(article, lines=None) for article in articles]


# Enough words for trafilatura's main block to be an article rather than a stub.
_TRUSTED_EXTRACTION_WORDS = 30


def _article_from_extraction(text: str, path: str, hints: PageHints) -> Article:
    body = normalise_paragraphs(text)
    return Article(
        path=path,
        title=hints.title or story_title(body.split("\n\n", 1)[0]),
        body=body,
        date=hints.date,
        source=hints.source,
        url=hints.url,
        author=hints.author,
        language=hints.language,
    )


def extract_main_text(html: str) -> trafilatura.settings.Document | None:
    """trafilatura's main text and metadata for a page, or None."""
    try:
        document = trafilatura.bare_extraction(
            html,
            # Reader comments and "related" lists are not the article.
            include_comments=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
        )
    except Exception as exc:  # any page, however broken, must not stop a run
        raise SkippedFile(f"cannot parse HTML ({type(exc).__name__}: {exc})") from None
    # as_dict=False (the default) gives a Document; a dict would mean an API change
    return document if isinstance(document, trafilatura.settings.Document) else None


_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _drop_control_references(html: str) -> str:
    """Remove character references to control characters ("&#27;[31m"): lxml refuses
    the whole page over one of them, and they are escape sequences in disguise."""

    def replace_reference(match: re.Match[str]) -> str:
        hex_digits, decimal = match.groups()
        code = int(hex_digits, 16) if hex_digits else int(decimal)
        unwanted = (code < 32 and code not in (9, 10, 13)) or code == 127
        invalid = code > 0x10FFFF or 0xD800 <= code <= 0xDFFF
        return "" if unwanted or invalid else match.group()

    if "&#" not in html:
        return html
    return _CHARACTER_REFERENCE.sub(replace_reference, html)


def _as_text_page(text: str, title: str | None) -> str:
    """trafilatura's text (one block per line) as a scraped text page: paragraphs
    separated by blank lines, without the headline it repeats at the top."""
    blocks = [" ".join(line.split()) for line in clean_control_chars(text).split("\n")]
    blocks = [block for block in blocks if block]
    if title and blocks and _same_words(blocks[0], title):
        blocks = blocks[1:]
    return "\n\n".join(blocks)


def _same_words(first: str, second: str) -> bool:
    return first.casefold().split() == second.casefold().split()


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    text = " ".join(clean_control_chars(value).split())
    return text or None

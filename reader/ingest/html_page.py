"""Saved HTML pages: trafilatura finds the main text, explicit furniture lines it let
through are removed, and the metadata comes from what the page declares.

trafilatura's extraction is the floor: its text is kept as it is except for lines
that match a kind of furniture (``reader.ingest.html_furniture``); nothing is cut
for being short, a list or in a script without spaces. It runs in its recall mode,
which keeps the whole article where the balanced mode's comparison with other
algorithms sometimes swaps it for a page's sidebar or drops its lists (chosen on
../shared/pages-dev: body F1 0.961 against 0.952 balanced and 0.955 precision, with
the same furniture removal; ``benchmarks/html_bench.py``). On a page where it keeps
little of what the page's paragraphs hold (a teaser or a notice is all it finds),
the balanced mode runs too and wins when it finds much more. The headline, language and site come from the page's
declarations (``reader.ingest.html_declared``); an undeclared language is the text's.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import date

import trafilatura

from reader.ingest import metadata as meta
from reader.ingest.errors import SkippedFile
from reader.ingest.html_declared import DeclaredMetadata, PageTree, declared_metadata, fold, page_author
from reader.ingest.html_extracted import extracted_metadata
from reader.ingest.html_furniture import date_in_head, remove_furniture
from reader.ingest.html_layout import unwrap_layout_tables
from reader.ingest.language import detect_language
from reader.ingest.sanitize import clean_control_chars
from reader.ingest.stories import split_stories, story_title
from reader.ingest.text_page import PageHints
from reader.model import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

# Signs, near the top of a file, that its text is HTML whatever its name says.
_HTML_OPENINGS = ("<!doctype html", "<html", "<?xml")
_HTML_TAGS = ("<head", "<body", "<meta ", "<title>", "<div", "<p>", "<article")

# htmldate's extensive search reads dates out of any text with dateparser, which
# took most of the time on real pages; a date stamp in the article's head is read
# by parse_date instead (``date_in_head``).
_DATE_SEARCH = {"original_date": True, "extensive_search": False}
# An article has at least a sentence: fewer letters (of any script) are markup debris.
_MIN_LETTERS = 20
# Below this many characters, the recall mode may have found only a teaser or a
# notice (a page of links, a paywall); when the page's paragraphs hold this many
# times as much, the balanced mode (which compares its result with other
# algorithms') runs too, and wins when it finds that many times as much.
_LITTLE_TEXT = 1000
_MUCH_MORE = 2


def looks_like_html(text: str) -> bool:
    """True when a file's text is an HTML document (a .txt that is really a saved page)."""
    head = text[:2048].lstrip().lower()
    if head.startswith(_HTML_OPENINGS):
        return head.startswith(("<!doctype html", "<html")) or "<html" in head
    if not head.startswith("<"):
        return False
    return sum(tag in head for tag in _HTML_TAGS) >= 2


def clean_html_page(html: str, path: str | os.PathLike[str], hints: PageHints | None = None) -> list[Article]:
    """The articles of an HTML page: one, or several when it holds stories back to back.
    ``hints`` (from the file format around the page: a web archive's URL and date)
    win over what the page's own metadata says.

    Raises :class:`SkippedFile` when nothing can be extracted from the page.
    """
    html = _drop_control_references(clean_control_chars(html))
    if not html.strip():
        raise SkippedFile("empty file")
    tree = _parse(html)
    declared = declared_metadata(tree)
    unwrap_layout_tables(tree)
    # trafilatura's byline search is wanted only where the page's JSON-LD names no author
    found = _extracted_metadata(tree, with_author=not declared.article_authors)
    document = extract_main_text(tree)
    if document is None or not (document.text or "").strip():
        raise SkippedFile("no article text found in the HTML")
    lines = [" ".join(line.split()) for line in clean_control_chars(document.text or "").split("\n")]
    lines = [line for line in lines if line]
    hints = (hints or PageHints()).over(_page_hints(found, declared, lines))
    paragraphs = remove_furniture(lines, _headline_test(hints.title, declared))
    if sum(map(str.isalpha, "".join(paragraphs))) < _MIN_LETTERS:
        raise SkippedFile("no article text found in the HTML")
    # A page that declares one article's headline is never split; an undeclared one may
    # be a digest of stories back to back, as scraped text pages can be.
    starts = [0] if declared.names_one_article else split_stories(paragraphs)
    return _articles(paragraphs, starts, str(path), hints)


def _parse(html: str) -> PageTree:
    try:
        tree = trafilatura.load_html(html)
    except Exception as exc:  # any page, however broken, must not stop a run
        raise SkippedFile(f"cannot parse HTML ({type(exc).__name__}: {exc})") from None
    if tree is None:
        raise SkippedFile("cannot parse HTML")
    return tree


def extract_main_text(tree: PageTree) -> trafilatura.settings.Document | None:
    """trafilatura's main text for a parsed page, or None."""
    document = _extract(tree, recall=True)
    found = len(document.text or "") if document is not None else 0
    if found >= _LITTLE_TEXT or _paragraph_chars(tree) < _MUCH_MORE * found:
        return document  # enough text, or about all the page's paragraphs hold
    balanced = _extract(tree, recall=False)
    if balanced is None:
        return document
    if document is None:
        return balanced
    if len(balanced.text or "") >= _MUCH_MORE * len(document.text or ""):
        document.text = balanced.text
    return document


def _paragraph_chars(tree: PageTree) -> int:
    return sum(len(paragraph.text_content()) for paragraph in tree.iter("p"))


def _extracted_metadata(tree: PageTree, *, with_author: bool) -> trafilatura.settings.Document:
    try:
        date_params = {**_DATE_SEARCH, "max_date": date.today().isoformat()}
        return extracted_metadata(tree, date_params, with_author=with_author)
    except Exception as exc:  # any page, however broken, must not stop a run
        raise SkippedFile(f"cannot parse HTML ({type(exc).__name__}: {exc})") from None


def _extract(tree: PageTree, *, recall: bool) -> trafilatura.settings.Document | None:
    try:
        # trafilatura copies a tree it is given, so each run starts from the same page
        document = trafilatura.bare_extraction(
            tree,
            favor_recall=recall,
            # Reader comments are not the article; inline formatting, links and images
            # are not plain text. Tables are (results, prices, specifications).
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            # Deduplication works across the documents of a run and drops repeated
            # paragraphs, which an article may really have (a refrain, a repeated quote).
            deduplicate=False,
            # the metadata is read apart, once (``reader.ingest.html_extracted``)
            with_metadata=False,
        )
    except Exception as exc:  # any page, however broken, must not stop a run
        raise SkippedFile(f"cannot parse HTML ({type(exc).__name__}: {exc})") from None
    # as_dict=False (the default) gives a Document; a dict would mean an API change
    return document if isinstance(document, trafilatura.settings.Document) else None


def _page_hints(
    found: trafilatura.settings.Document, declared: DeclaredMetadata, lines: list[str]
) -> PageHints:
    return PageHints(
        title=_one_line(declared.headline) or _one_line(found.title),
        date=meta.parse_date(found.date or "") or date_in_head(lines),
        source=_one_line(found.sitename),
        url=_one_line(found.url) or _one_line(declared.url),
        author=_one_line(page_author(declared, found.author)),
        # Undeclared (one page in five of pages-dev), it is the text's: an article's
        # language decides its stop words and whether the index stems it as English.
        language=declared.language or detect_language("\n".join(lines)),
    )


def _headline_test(title: str | None, declared: DeclaredMetadata) -> Callable[[str], bool]:
    """Whether a line repeats the page's headline: its title, title meta tag or only <h1>
    (of several <h1>, some are sections or captions)."""
    headings = declared.headings if len(declared.headings) == 1 else []
    keys = {fold(text) for text in (title, declared.meta_title, *headings) if text}
    keys.discard("")
    return lambda line: fold(line) in keys


def _articles(paragraphs: list[str], starts: list[int], path: str, hints: PageHints) -> list[Article]:
    bounds = list(zip(starts, [*starts[1:], len(paragraphs)]))
    many = len(bounds) > 1
    articles = []
    for part, (first, last) in enumerate(bounds):
        story = paragraphs[first:last]
        place, agency = meta.lead_dateline(story[0])
        articles.append(
            Article(
                path=path,
                title=story_title(story[0]) if many or not hints.title else hints.title,
                body="\n\n".join(story),
                date=hints.date,
                source=hints.source or agency or meta.agency_in_lead(story[0]),
                dateline=place,
                url=hints.url,
                part=part,
                author=hints.author,
                language=hints.language,
            )
        )
    return articles


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


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    text = " ".join(clean_control_chars(value).split())
    return text or None

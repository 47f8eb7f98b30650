"""RSS and Atom feeds saved to disk: one article per item, read with ``feedparser``.

An item's full text (``content:encoded``, Atom ``content``) is cleaned as an HTML
page; an item that has only a summary (``description``, Atom ``summary``) is kept
as it is and marked as a summary (``Article.summary``), since it is not the story
itself. The item's link, published date and author, and the feed's title (as the
source) and language, are the article's metadata.

The file is streamed: lxml's incremental parser cuts it into items, each item is
handed to feedparser on its own (wrapped in an empty copy of the feed's root) and
then dropped, so a feed of any number of items takes the memory of one. Broken XML
is read as far as the parser can recover; a feed the streaming parser cannot read
at all, and no larger than a single page, is given to feedparser whole, whose
lenient parser reads most of what is left.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from copy import deepcopy
from typing import Any

import feedparser
from lxml import etree

from reader.ingest.decode import open_regular, read_bytes
from reader.ingest.errors import SkippedFile
from reader.ingest.formats.pages import html_articles, one_line, plain_article
from reader.ingest.metadata import parse_date
from reader.ingest.text_page import PageHints
from reader.model import Article

ProblemHandler = Callable[[str], None]

_ATOM = "{http://www.w3.org/2005/Atom}"
_ATOM_03 = "{http://purl.org/atom/ns#}"
_RSS_10 = "{http://purl.org/rss/1.0/}"
_ITEM_TAGS = frozenset({"item", f"{_RSS_10}item", f"{_ATOM}entry", f"{_ATOM_03}entry"})
_CHANNEL_TAGS = frozenset({"channel", f"{_RSS_10}channel"})
_TITLE_TAGS = frozenset({"title", f"{_RSS_10}title", f"{_ATOM}title", f"{_ATOM_03}title"})
_LANGUAGE_TAGS = frozenset({"language", "{http://purl.org/dc/elements/1.1/}language"})
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Block elements of a summary's HTML: each starts a paragraph of the text.
_BLOCKS = frozenset({"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"})


def read_feed(path: str | os.PathLike[str], on_problem: ProblemHandler, max_bytes: int) -> Iterator[Article]:
    items = _Items(os.fspath(path), on_problem)
    try:
        with open_regular(path) as handle:
            yield from items.stream(handle)
    except etree.XMLSyntaxError as exc:
        if items.count:
            on_problem(f"broken XML after item {items.count} ({exc}); the items before it were kept")
            return
        # Nothing readable to lxml: feedparser's lenient parser, on a page-sized file.
        yield from items.whole(read_bytes(path, max_bytes), exc)


class _Items:
    def __init__(self, path: str, on_problem: ProblemHandler) -> None:
        self.path = path
        self.on_problem = on_problem
        self.count = 0
        self.parts = itertools.count()
        self.feed = PageHints()

    def stream(self, handle) -> Iterator[Article]:
        parser = etree.iterparse(
            handle,
            events=("start", "end"),
            recover=True,
            resolve_entities=False,
            no_network=True,
            remove_comments=True,
        )
        root: Any = None
        for event, element in parser:
            if root is None:
                root = element
                self.feed = PageHints(language=one_line(element.get(_XML_LANG)))
                if not isinstance(element.tag, str) or _local(element.tag) not in ("rss", "feed", "RDF"):
                    raise SkippedFile(f"XML document, not a news feed (root element <{_local(element.tag)}>)")
                continue
            if event != "end" or not isinstance(element.tag, str):
                continue
            if element.tag in _ITEM_TAGS:
                self.count += 1
                yield from self._item(_wrapped(root, element), self.count)
                element.clear()
                # Items already read are dropped from the tree: memory stays one item.
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
            elif self.count == 0:
                self._feed_metadata(element)
        if root is None:
            raise SkippedFile("empty feed")
        if parser.error_log and self.count:
            self.on_problem(f"broken XML, read as far as it could be ({parser.error_log[0].message.strip()})")
        if self.count == 0:
            raise SkippedFile("feed with no items")

    def _feed_metadata(self, element: Any) -> None:
        parent = element.getparent()
        at_top = parent is not None and (parent.tag in _CHANNEL_TAGS or parent.getparent() is None)
        if not at_top:
            return
        if element.tag in _TITLE_TAGS and self.feed.source is None:
            self.feed = PageHints(source=one_line(element.text), language=self.feed.language)
        elif element.tag in _LANGUAGE_TAGS and self.feed.language is None:
            self.feed = PageHints(source=self.feed.source, language=one_line(element.text))

    def whole(self, data: bytes, error: Exception) -> Iterator[Article]:
        parsed = feedparser.parse(data)  # bytes: feedparser never takes them for a URL
        if not parsed.entries:
            raise SkippedFile(f"broken feed XML ({error})")
        self.on_problem(f"broken XML ({error}); read with a lenient parser")
        feed = parsed.get("feed", {})
        self.feed = PageHints(source=one_line(feed.get("title")), language=one_line(feed.get("language")))
        for entry in parsed.entries:
            self.count += 1
            yield from self._entry(entry, self.count)

    def _item(self, document: bytes, number: int) -> Iterator[Article]:
        parsed = feedparser.parse(document)
        if not parsed.entries:
            self.on_problem(f"item {number}: cannot be read")
            return
        yield from self._entry(parsed.entries[0], number)

    def _entry(self, entry: Any, number: int) -> Iterator[Article]:
        published = one_line(entry.get("published") or entry.get("updated"))
        hints = PageHints(
            title=one_line(entry.get("title")),
            date=parse_date(published) if published else None,
            url=one_line(entry.get("link")),
            author=one_line(entry.get("author")),
        ).over(self.feed)
        label = f"item {number}" + (f" ({hints.url})" if hints.url else "")
        content = _longest(entry.get("content") or [])
        if content:
            try:
                yield from html_articles(_as_page(content, hints.title), self.path, hints, self.parts)
                return
            except SkippedFile:
                # Too short for the page cleaner: the feed's full text stands as it is.
                text, summary = _html_text(content), False
        else:
            text, summary = _html_text(entry.get("summary") or ""), True
        if not text.strip():
            self.on_problem(f"{label}: no text")
            return
        yield plain_article(text, self.path, hints, next(self.parts), summary=summary)


def _wrapped(root: Any, item: Any) -> bytes:
    """One item as a feed of its own: an empty copy of the root (its namespaces and
    version), with an empty channel for RSS 2.0."""
    shell = etree.Element(root.tag, attrib=dict(root.attrib), nsmap=root.nsmap)
    holder = etree.SubElement(shell, "channel") if _local(root.tag) == "rss" else shell
    holder.append(deepcopy(item))
    return bytes(etree.tostring(shell))


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _longest(contents: list) -> str:
    values = [c.get("value") or "" for c in contents if isinstance(c, dict)]
    return max(values, key=len, default="")


def _as_page(content: str, title: str | None) -> str:
    head = f"<title>{_escape(title)}</title>" if title else ""
    return f"<html><head>{head}</head><body><article>{content}</article></body></html>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html_text(fragment: str) -> str:
    """The text of an HTML fragment, a paragraph per block element."""
    if "<" not in fragment:
        return fragment
    try:
        tree = etree.fromstring(f"<div>{fragment}</div>", etree.HTMLParser(recover=True, no_network=True))
    except (etree.XMLSyntaxError, ValueError):
        return fragment
    if tree is None:
        return ""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
        elif element.tag == "br":
            element.tail = "\n" + (element.tail or "")
    return "".join(tree.itertext())

"""Safari web archives (``.webarchive``: what Safari's "Save As…" writes by default):
a property list whose ``WebMainResource`` holds the page's bytes, its address and its
text encoding, beside every picture and style sheet of the page. Read with Python's
``plistlib``; only the main resource is used.
"""

from __future__ import annotations

import itertools
import os
import plistlib
from collections.abc import Callable, Iterator

from reader.ingest.decode import read_bytes
from reader.ingest.errors import SkippedFile
from reader.ingest.formats.pages import decode_page, html_articles, one_line
from reader.ingest.text_page import PageHints
from reader.model import Article

_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_webarchive(
    path: str | os.PathLike[str], on_problem: Callable[[str], None], max_bytes: int
) -> Iterator[Article]:
    # A saved page is one document: read whole, within the size cap of a page.
    main = _main_resource(read_bytes(path, max_bytes))
    data = main.get("WebResourceData")
    if not isinstance(data, bytes) or not data.strip():
        raise SkippedFile("Safari web archive with an empty page")
    kind = one_line(main.get("WebResourceMIMEType")) or "text/html"
    if kind.lower() not in _PAGE_TYPES:
        raise SkippedFile(f"Safari web archive of a {kind} file, not a page")
    html = decode_page(data, one_line(main.get("WebResourceTextEncodingName")))
    hints = PageHints(url=one_line(main.get("WebResourceURL")))
    yield from html_articles(html, os.fspath(path), hints, itertools.count())


def _main_resource(data: bytes) -> dict:
    try:
        archive = plistlib.loads(data)
    except Exception:  # a broken property list raises any of a dozen errors; it costs only itself
        raise SkippedFile("broken Safari web archive (not a readable property list)") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict):
        raise SkippedFile("property list, not a Safari web archive (no main resource)")
    return main

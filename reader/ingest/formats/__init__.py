"""Readers for the formats that wrap pages: MHTML, Safari web archives, mail, WARC and
WACZ web archives, feeds, JSON, PDF.

Each module reads one format and gives its articles one at a time (a web archive or
a feed may hold any number), through the same cleaners as plain pages: the HTML
cleaner for pages, the text cleaner for text, with what the format records (URL,
date, title, author, outlet) as hints. ``reader.ingest.files.sniff`` says which
format a file is; :func:`reader_of` gives its reader.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator

from reader.model import Article

Reader = Callable[[str | os.PathLike[str], Callable[[str], None], int], Iterator[Article]]

_READERS = {
    "mhtml": ("mhtml", "read_mhtml"),
    "webarchive": ("webarchive", "read_webarchive"),
    "email": ("email_message", "read_email"),
    "mbox": ("email_message", "read_mbox"),
    "warc": ("warc", "read_warc"),
    "wacz": ("warc", "read_wacz"),
    "feed": ("feed", "read_feed"),
    "json": ("json_file", "read_json"),
    "pdf": ("pdf", "read_pdf"),
}


def reader_of(kind: str) -> Reader:
    """The reader of a format named by ``sniff``: (path, on_problem, max_bytes) ->
    articles. Modules load on first use (warcio, feedparser and pypdf are not needed
    for plain pages)."""
    module_name, function = _READERS[kind]
    module = importlib.import_module(f"{__name__}.{module_name}")
    reader: Reader = getattr(module, function)
    return reader

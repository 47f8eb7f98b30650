"""The metadata trafilatura reads out of a page, for the fields an article uses.

``trafilatura.bare_extraction(with_metadata=True)`` runs the whole of
``trafilatura.metadata.extract_metadata``, which also looks for categories, tags and a
licence (a fifth of the HTML path's own time, beyond the text extraction, on
../shared/pages-dev) and searches the page's markup for a byline even where the
page's JSON-LD article names its authors, which win (``html_declared.page_author``).
This runs the same steps in the same order, and only those: title, author (when asked
for), URL, date and site name, trimmed as trafilatura trims them. The steps are
trafilatura's own functions; ``tests/test_html_extracted.py`` checks that the result
is the one ``extract_metadata`` gives.
"""

from __future__ import annotations

import contextlib
from typing import Any

from htmldate import find_date
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document

from reader.ingest.html_declared import PageTree


def extracted_metadata(tree: PageTree, date_params: dict[str, Any], *, with_author: bool) -> Document:
    """trafilatura's title, author (None unless ``with_author``), URL, date and site name
    of a parsed page (``extract_metadata`` without a URL known beforehand)."""
    metadata = examine_meta(tree)
    # a one-word author meta tag is a handle or a site, not a name
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    # trafilatura's own bugs on odd JSON-LD: it goes on without, and so does this
    with contextlib.suppress(Exception):
        metadata = extract_meta_json(tree, metadata)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not with_author:
        metadata.author = None
    elif not metadata.author:
        metadata.author = extract_author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree)
    metadata.date = find_date(tree, **{**date_params, "url": metadata.url})
    metadata.sitename = _site_name(tree, metadata)
    metadata.clean_and_trim()
    return metadata


def _site_name(tree: PageTree, metadata: Document) -> str | None:
    sitename = metadata.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
        return sitename
    if metadata.url and (match := META_URL.match(metadata.url)):
        return match[1]
    return None

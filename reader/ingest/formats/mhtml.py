"""MHTML (``.mhtml``, ``.mht``: a browser's "save as single file"): a MIME message
whose first HTML part is the page, read with Python's ``email`` package.

The page's address comes from ``Snapshot-Content-Location`` (Chrome) or the HTML
part's ``Content-Location``; the message's ``Date`` (when it was saved) is the date
only for a page that gives none.
"""

from __future__ import annotations

import email
import email.policy
import itertools
import os
from collections.abc import Callable, Iterator
from email.message import EmailMessage, Message

from reader.ingest.decode import read_bytes
from reader.ingest.errors import SkippedFile
from reader.ingest.formats.pages import decode_page, html_articles, one_line
from reader.ingest.metadata import parse_date
from reader.ingest.text_page import PageHints
from reader.model import Article


def read_mhtml(
    path: str | os.PathLike[str], on_problem: Callable[[str], None], max_bytes: int
) -> Iterator[Article]:
    # A saved page is one document: read whole, within the size cap of a page.
    message = email.message_from_bytes(read_bytes(path, max_bytes), policy=email.policy.default)
    page = first_part(message, ("text/html", "application/xhtml+xml"))
    if page is None:
        raise SkippedFile("MHTML without an HTML part")
    payload = page.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise SkippedFile("MHTML with an empty HTML part")
    url = header_text(message, "Snapshot-Content-Location") or header_text(page, "Content-Location")
    saved = header_text(message, "Date")
    html = decode_page(payload, page.get_content_charset())
    yield from html_articles(
        html,
        os.fspath(path),
        PageHints(url=url),
        itertools.count(),
        fallback_date=parse_date(saved) if saved else None,
    )


def first_part(message: EmailMessage | Message, content_types: tuple[str, ...]) -> Message | None:
    """The first part of a MIME message, in the order it holds them, with one of
    ``content_types``."""
    for part in message.walk():
        if part.get_content_type() in content_types:
            return part
    return None


def header_text(message: EmailMessage | Message, name: str) -> str | None:
    """A header's value as one clean line, or None when it is missing or so malformed
    that the email package fails to parse it (it raises IndexError on "From: <")."""
    try:
        return one_line(message.get(name))
    except Exception:  # any header, however broken, costs only itself
        return None

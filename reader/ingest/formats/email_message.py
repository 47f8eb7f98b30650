"""Mail saved to disk, read with Python's ``email`` package: one message (``.eml``: a
newsletter, an alert, a story sent by a colleague) or a mailbox of them (mbox: a mail
client's folder, a Google Takeout export), read a message at a time.

The HTML part, when there is one, goes through the HTML cleaner (newsletters are
written in HTML; their plain part is a rendering of it); otherwise the plain part
goes through the text cleaner (which rejoins lines the mail wrapped). The
subject is the title of a single article, the sender's name its source, and the
``Date`` header the date when the text gives none.
"""

from __future__ import annotations

import email
import email.policy
import itertools
import mailbox
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from email.headerregistry import Address
from email.message import EmailMessage, Message

from reader.ingest.decode import format_size, read_bytes
from reader.ingest.errors import SkippedFile
from reader.ingest.formats.mhtml import first_part, header_text
from reader.ingest.formats.pages import decode_page, html_articles, one_line
from reader.ingest.metadata import parse_date
from reader.ingest.sanitize import clean_control_chars
from reader.ingest.text_page import PageHints, clean_text_page
from reader.model import Article


def read_email(
    path: str | os.PathLike[str], on_problem: Callable[[str], None], max_bytes: int
) -> Iterator[Article]:
    message = email.message_from_bytes(read_bytes(path, max_bytes), policy=email.policy.default)
    yield from _message_articles(message, os.fspath(path), itertools.count())


def read_mbox(
    path: str | os.PathLike[str], on_problem: Callable[[str], None], max_bytes: int
) -> Iterator[Article]:
    """Every message of a mailbox; one that holds no article, is too large or cannot be
    read is reported by its number and subject, and the others are read."""
    path = os.fspath(path)
    box = mailbox.mbox(path, create=False)
    parts = itertools.count()
    try:
        for number, key in enumerate(box.iterkeys(), start=1):
            with box.get_file(key) as handle:
                data = handle.read(max_bytes + 1)  # never more than a page's cap in memory
            if len(data) > max_bytes:
                on_problem(f"message {number}: larger than {format_size(max_bytes)}")
                continue
            message = email.message_from_bytes(data, policy=email.policy.default)
            try:
                yield from _message_articles(message, path, parts)
            except SkippedFile as skip:
                subject = header_text(message, "Subject")
                on_problem(f"message {number}{f' ({subject})' if subject else ''}: {skip.reason}")
    finally:
        box.close()


def _message_articles(message: EmailMessage | Message, path: str, parts: Iterator[int]) -> Iterator[Article]:
    saved = header_text(message, "Date")
    hints = PageHints(title=header_text(message, "Subject"), source=_sender_name(message))
    fallback_date = parse_date(saved) if saved else None
    page = first_part(message, ("text/html", "application/xhtml+xml"))
    if page is not None and (html := _text_of(page)).strip():
        yield from html_articles(html, path, hints, parts, fallback_date=fallback_date)
        return
    plain = first_part(message, ("text/plain",))
    text = clean_control_chars(_text_of(plain)) if plain is not None else ""
    if not text.strip():
        raise SkippedFile("mail without a text or HTML part")
    articles = clean_text_page(text, path, hints=hints)
    if not articles:
        raise SkippedFile("no article found")
    for article in articles:
        yield replace(article, part=next(parts), date=article.date or fallback_date, lines=None)


def _text_of(part: EmailMessage | Message) -> str:
    payload = part.get_payload(decode=True)
    return decode_page(payload, part.get_content_charset()) if isinstance(payload, bytes) else ""


def _sender_name(message: EmailMessage | Message) -> str | None:
    """The display name of the sender ("The Morning" of "The Morning <news@…>"), or
    None for a bare address: an address names a mailbox, not an outlet."""
    try:
        addresses: tuple[Address, ...] = getattr(message.get("From"), "addresses", ())
    except Exception:  # as in header_text: a malformed sender costs only itself
        return None
    return one_line(addresses[0].display_name) if addresses else None

"""Web archives: WARC, WARC.gz and WACZ (a zip holding WARCs), read with ``warcio``.

One article per HTML page the archive holds: response records with status 200 and
an HTML content type. A page archived twice (a revisit record, or a second response
for the same address) counts once. The address is the record's
``WARC-Target-URI``; the ``WARC-Date`` (when it was fetched) is the date only for a
page that gives none.

Records are streamed: only one page is in memory at a time, and a page larger than
the size cap of a single document is passed over (with a problem reported) without
being read. A truncated or broken archive keeps the pages read before the break.
"""

from __future__ import annotations

import itertools
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from reader.ingest.decode import format_size, open_regular
from reader.ingest.errors import SkippedFile
from reader.ingest.formats.pages import decode_page, html_articles, one_line
from reader.ingest.metadata import parse_date
from reader.ingest.text_page import PageHints
from reader.model import Article

ProblemHandler = Callable[[str], None]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# What a broken or cut archive raises from inside warcio and the decompressors.
_BROKEN = (ArchiveLoadFailed, zlib.error, EOFError, ValueError, zipfile.BadZipFile)


def read_warc(path: str | os.PathLike[str], on_problem: ProblemHandler, max_bytes: int) -> Iterator[Article]:
    with open_regular(path) as handle:
        yield from _ArchiveReader(os.fspath(path), on_problem, max_bytes).articles(handle)


def read_wacz(path: str | os.PathLike[str], on_problem: ProblemHandler, max_bytes: int) -> Iterator[Article]:
    with open_regular(path) as handle:
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError) as exc:
            raise SkippedFile(f"broken ZIP archive ({exc})") from None
        with archive:
            members = [info for info in archive.infolist() if _is_warc_name(info.filename)]
            if not members:
                raise SkippedFile(_not_an_archive(archive))
            reader = _ArchiveReader(os.fspath(path), on_problem, max_bytes)
            for member in members:
                try:
                    stream = archive.open(member)
                except (*_BROKEN, OSError, NotImplementedError) as exc:
                    on_problem(f"{one_line(member.filename)}: cannot be opened ({exc})")
                    continue
                with stream:
                    yield from reader.articles(stream, member=one_line(member.filename))


def _is_warc_name(name: str) -> bool:
    return name.lower().endswith((".warc", ".warc.gz")) and not name.endswith("/")


class _ArchiveReader:
    """Pages of one or more WARC streams, with one record of what was already seen
    (a WACZ may hold the same page in two of its WARCs) and one article count."""

    def __init__(self, path: str, on_problem: ProblemHandler, max_bytes: int) -> None:
        self.path = path
        self.on_problem = on_problem
        self.max_bytes = max_bytes
        self.parts = itertools.count()
        self.seen: set[str] = set()

    def articles(self, stream: IO[bytes], member: str | None = None) -> Iterator[Article]:
        where = f"{member}: " if member else ""
        number = 0
        try:
            for record in ArchiveIterator(stream):
                number += 1
                page = self._page(record, f"{where}record {number}")
                if page is None:
                    continue
                html, hints, fetched, label = page
                try:
                    yield from html_articles(html, self.path, hints, self.parts, fallback_date=fetched)
                except SkippedFile as skip:
                    self.on_problem(f"{label}: {skip.reason}")
        except _BROKEN as exc:
            problem = f"broken or truncated after {number} records ({type(exc).__name__}: {exc})"
            if number <= 1 and not member:
                raise SkippedFile(f"not a readable web archive ({type(exc).__name__}: {exc})") from None
            self.on_problem(f"{where}{problem}")

    def _page(self, record, label: str) -> tuple[str, PageHints, str | None, str] | None:
        """The HTML, hints, fetch date and a label of a record that is a new page."""
        if record.rec_type != "response" or record.http_headers is None:
            return None  # requests, metadata, revisits (a page already seen), ...
        if record.http_headers.get_statuscode() != "200":
            return None
        content_type = (record.http_headers.get_header("Content-Type") or "").lower()
        if not content_type.startswith(_HTML_TYPES):
            return None
        url = one_line(record.rec_headers.get_header("WARC-Target-URI"))
        label = f"{label} ({url})" if url else label
        if url is not None:
            if url in self.seen:
                return None
            self.seen.add(url)
        data = record.content_stream().read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            # The rest of the record is skipped by warcio without being kept.
            self.on_problem(f"{label}: larger than {format_size(self.max_bytes)}")
            return None
        missing = getattr(record.raw_stream, "limit", 0)
        if missing:
            # warcio ends a cut archive without an error: the record is short.
            self.on_problem(f"{label}: truncated ({format_size(missing)} missing)")
            return None
        if not data.strip():
            return None
        try:
            html = decode_page(data, _charset(content_type))
        except SkippedFile as skip:
            self.on_problem(f"{label}: {skip.reason}")
            return None
        fetched = record.rec_headers.get_header("WARC-Date")
        return html, PageHints(url=url), parse_date(fetched) if fetched else None, label


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


# Documents that are zip files by their telltale members (Office Open XML) or by
# the media type stored first (OpenDocument, EPUB).
_OFFICE_FOLDERS = {"word/": "Word document", "xl/": "Excel workbook", "ppt/": "PowerPoint presentation"}
_STORED_TYPES = {
    "application/epub+zip": "EPUB book",
    "application/vnd.oasis.opendocument.text": "OpenDocument text",
    "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument spreadsheet",
    "application/vnd.oasis.opendocument.presentation": "OpenDocument presentation",
}


def _not_an_archive(archive: zipfile.ZipFile) -> str:
    """Why a zip with no WARC inside is skipped: the document it is, when it is one
    (a reader's saved article may be a Word file), with what to do instead."""
    names = archive.namelist()
    kind = next(
        (kind for folder, kind in _OFFICE_FOLDERS.items() if any(n.startswith(folder) for n in names)), None
    )
    if kind is None and "mimetype" in names:
        try:
            kind = _STORED_TYPES.get(archive.read("mimetype")[:100].decode("ascii", "replace").strip())
        except (*_BROKEN, OSError, NotImplementedError):
            kind = None
    if kind is None:
        return "ZIP archive that is not a web archive (no WARC file inside)"
    return f"{kind}, not read: save it as text, HTML or PDF to add it"

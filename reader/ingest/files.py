"""Files and folders to articles: walk the inputs, tell each file's format by its
content, and hand it to the reader of that format.

Formats (see :func:`sniff`): scraped text pages, HTML, MHTML, Safari web archives,
WARC / WARC.gz / WACZ web archives, RSS and Atom feeds, JSON and JSON Lines of
articles, PDF with a text layer. Anything else is skipped with a one-line reason, never indexed.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.ingest.decode import (
    DEFAULT_MAX_BYTES,
    describe_os_error,
    open_regular,
    read_text,
)
from reader.ingest.errors import SkippedFile
from reader.ingest.jsonl import is_jsonl_path, iter_jsonl
from reader.ingest.sanitize import clean_control_chars
from reader.model import Article
from reader.wording import counted

# Names that are certainly not pages: passed over in silence when walking a folder.
# A file named on the command line is always tried, and reported if it fails.
# (.pdf and .zip are not here: a PDF with a text layer and a WACZ web archive are
# read; a zip of anything else is reported. Office documents are reported too: a
# reader may have saved an article as one.)
NON_INPUT_SUFFIXES = frozenset(
    """
    .png .jpg .jpeg .gif .webp .bmp .ico .svg .tif .tiff .heic .avif
    .tar .tgz .bz2 .xz .7z .rar .zst
    .mp3 .mp4 .m4a .wav .ogg .flac .mov .avi .mkv .webm
    .exe .dll .so .dylib .o .a .pyc .class .jar .wasm
    .db .sqlite .sqlite3 .woff .woff2 .ttf .otf .eot
    .css .js .mjs .map .lock .part .crdownload .swp
    """.split()
)

# Looked at to tell a format: enough for any header, cheap on any file.
_HEAD_BYTES = 64 * 1024

ProblemHandler = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What became of one input file: its articles, or why it was skipped.

    ``problems`` lists parts of a file that were passed over while the rest loaded
    (bad lines of a JSON Lines file: "line 7: invalid JSON (...)").
    """

    path: str
    articles: list[Article]
    skipped: str | None = None
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.skipped is None and not self.problems


def iter_input_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Every input file under ``paths``: files as given, folders walked recursively in
    sorted order, without hidden files and folders or files that are obviously not
    pages. Each file comes once; symbolic links to folders are not followed (no loops).
    Paths that do not exist, and special files (FIFOs, devices), are yielded too, so
    the caller reports them; they are never opened."""
    seen: set[str] = set()
    for given in paths:
        given = os.fspath(given)
        candidates = _walk(given) if os.path.isdir(given) else iter((given,))
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                yield candidate


def _walk(folder: str) -> Iterator[str]:
    unreadable: list[str] = []
    # A folder that cannot be listed is yielded like a file, so it gets reported.
    for root, dirnames, filenames in os.walk(folder, onerror=lambda exc: unreadable.append(exc.filename)):
        yield from unreadable
        unreadable.clear()
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and _may_be_input(name):
                yield os.path.join(root, name)
    yield from unreadable


def _may_be_input(name: str) -> bool:
    suffix = Path(name.lower().removesuffix(".gz")).suffix
    return suffix not in NON_INPUT_SUFFIXES


# The formats a file can be read as; "text" covers scraped text pages and HTML, which
# are told apart after decoding.
MHTML, WEBARCHIVE, EMAIL, MBOX, WARC, WACZ, FEED, JSON, JSONL, PDF, TEXT = (
    "mhtml",
    "webarchive",
    "email",
    "mbox",
    "warc",
    "wacz",
    "feed",
    "json",
    "jsonl",
    "pdf",
    "text",
)
# Formats that may hold any number of articles: read them as a stream, in slices.
STREAM_FORMATS = frozenset({WARC, WACZ, FEED, JSONL, MBOX})

_WARC_START = (b"WARC/1.", b"WARC/0.")
_MIME_HEADER = re.compile(
    rb"^(?:mime-version|content-type|content-location|snapshot-content-location|from|subject|date)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
_MULTIPART = re.compile(rb"content-type\s*:\s*multipart/related", re.IGNORECASE)
_XML_ROOT = re.compile(rb"^(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z_][\w.:-]*)", re.DOTALL)
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf:rdf", b"rdf"})


def sniff(path: str | os.PathLike[str]) -> str:
    """The format of a file, told by its first bytes (its name only breaks ties:
    ``.jsonl`` is JSON Lines, ``.mht`` may lack a MIME-Version header).

    Raises :class:`SkippedFile` for a file that is none of the known formats (a
    zip that is not a web archive, XML that is not a feed) or cannot be opened."""
    with open_regular(path) as handle:
        head = handle.read(_HEAD_BYTES)
    name = os.fspath(path).lower()
    if head.startswith(b"\x1f\x8b"):
        return _sniff_compressed(_inflate_head(head), name)
    if head.startswith(b"PK\x03\x04"):
        return WACZ  # the WACZ reader says so when the zip holds no web archive
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"bplist"):
        return WEBARCHIVE  # Safari's; its reader says so when the property list is another
    if head.startswith(b"{\\rtf"):
        raise SkippedFile("RTF document, not read: save it as text, HTML or PDF to add it")
    return _sniff_plain(head, name)


def _sniff_compressed(inner: bytes, name: str) -> str:
    if inner.startswith(_WARC_START):
        return WARC
    if is_jsonl_path(name) or _sniff_plain(inner, name.removesuffix(".gz")) in (JSON, JSONL):
        return JSONL  # a compressed JSON file can only be read as a stream of lines
    return TEXT  # decompressed and judged by read_text


def _sniff_plain(head: bytes, name: str) -> str:
    if head.startswith(_WARC_START):
        return WARC
    if is_jsonl_path(name):
        return JSONL
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"{") or _JSON_ARRAY.match(text):
        return JSONL if _first_line_is_an_object(text) else JSON
    if _looks_like_mhtml(text, name):
        return MHTML
    if _looks_like_email(text, name):
        return MBOX if text.startswith(b"From ") else EMAIL
    root = _xml_root(text)
    if root is not None and root.lower() in _FEED_ROOTS:
        return FEED
    if root == b"plist":
        return WEBARCHIVE  # a web archive written as XML rather than binary
    if root is not None and root.lower() != b"html" and text.startswith(b"<?xml"):
        raise SkippedFile(f"XML document, not a news feed (root element <{root.decode('ascii', 'replace')}>)")
    return TEXT


# A JSON array opens on a value; "[Docs] [txt|pdf]" opens a scraped text page.
_JSON_ARRAY = re.compile(rb"\[\s*(?:[\[{\"\]\-0-9]|true|false|null)")


def _first_line_is_an_object(text: bytes) -> bool:
    """JSON Lines rather than one JSON document: a whole object on the first line
    and more after it."""
    first, newline, rest = text.partition(b"\n")
    if not newline or not rest.strip() or not first.rstrip().endswith(b"}"):
        return False
    import json

    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def _looks_like_mhtml(text: bytes, name: str) -> bool:
    header_block = text.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    if not _MIME_HEADER.match(header_block):
        return False
    return bool(_MULTIPART.search(header_block)) or name.endswith((".mht", ".mhtml"))


# A header field: a name of printable characters but the colon, then a colon.
_HEADER_FIELD = re.compile(rb"[!-9;-~]+:")


def _looks_like_email(text: bytes, name: str) -> bool:
    """A mail saved to disk: a block of header fields (continued on indented lines)
    up to the first blank line, with a sender and a subject; a ``.eml`` file needs
    only the block. A mailbox (mbox) opens on a "From " line before the block."""
    header_block = text.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    lines = header_block.splitlines()
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]
    if not lines or not all(_HEADER_FIELD.match(line) or line[:1] in (b" ", b"\t") for line in lines):
        return False
    fields = {line.split(b":", 1)[0].lower() for line in lines if line[:1] not in (b" ", b"\t")}
    return {b"from", b"subject"} <= fields or (name.endswith(".eml") and bool(fields))


def _xml_root(text: bytes) -> bytes | None:
    match = _XML_ROOT.match(text[:8192])
    return match.group(1) if match else None


def _inflate_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(head, _HEAD_BYTES)
    except zlib.error:
        return b""


def read_articles(
    path: str | os.PathLike[str],
    on_problem: ProblemHandler | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """The cleaned articles of one file, one at a time, read according to its format
    (see :func:`sniff`); nothing holds more than one document of the file at once.

    Raises :class:`SkippedFile` when the file cannot be read or holds no article, and
    only before the first article: a part that fails later (a bad line, a truncated
    record, an archive cut short) goes to ``on_problem`` and the articles read before
    it stand. Nothing else is raised."""
    report = on_problem or (lambda problem: None)
    problems: list[str] = []

    def note(problem: str) -> None:
        if len(problems) < 2:
            problems.append(problem)
        report(problem)

    count = 0
    try:
        for article in _articles_by_format(os.fspath(path), note, max_bytes):
            count += 1
            yield article
    except SkippedFile as skip:
        if not count:
            raise
        note(f"stopped after {counted(count, 'article')}: {skip.reason}")
    except Exception as exc:  # a bug or an input no reader foresaw must not stop a run
        reason = f"failed while cleaning ({type(exc).__name__}: {exc})"
        if not count:
            raise SkippedFile(reason) from None
        note(f"stopped after {counted(count, 'article')}: {reason}")
    if not count:
        more = " and more" if len(problems) > 1 else ""
        raise SkippedFile(f"no article found ({problems[0]}{more})" if problems else "no article found")


def _articles_by_format(path: str, on_problem: ProblemHandler, max_bytes: int) -> Iterator[Article]:
    if os.path.isdir(path):
        raise SkippedFile(_folder_problem(path))
    kind = sniff(path)
    if kind == JSONL:
        yield from iter_jsonl(path, on_problem)
    elif kind == TEXT:
        yield from _text_or_html(path, max_bytes)
    else:
        from reader.ingest.formats import reader_of

        yield from reader_of(kind)(path, on_problem, max_bytes)


def _text_or_html(path: str, max_bytes: int) -> list[Article]:
    # Loaded here, not with this module: ``add`` of JSON Lines or archives reads
    # files in its main process and never needs the page cleaners (trafilatura
    # alone took a second to load there).
    from reader.ingest.html_page import HTML_SUFFIXES, clean_html_page, looks_like_html
    from reader.ingest.text_page import clean_text_page

    text = clean_control_chars(read_text(path, max_bytes))
    name = path.lower().removesuffix(".gz")
    if name.endswith(HTML_SUFFIXES) or looks_like_html(text):
        return clean_html_page(text, path)
    return clean_text_page(text, path)


def is_stream(path: str | os.PathLike[str]) -> bool:
    """True for a file whose format may hold any number of articles (JSON Lines, web
    archives, feeds): read it with :func:`read_articles` a slice at a time rather
    than all at once. False for a single document and for what cannot be read."""
    try:
        return sniff(path) in STREAM_FORMATS
    except SkippedFile:
        return False


def clean_file(
    path: str | os.PathLike[str],
    on_problem: ProblemHandler | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Article]:
    """All the articles of one file (see :func:`read_articles`, which streams them)."""
    return list(read_articles(path, on_problem, max_bytes))


def _folder_problem(path: str) -> str:
    try:
        os.scandir(path).close()
    except OSError as exc:
        return "cannot read folder: " + describe_os_error(exc, path).removeprefix("cannot read: ")
    return "is a directory"


def clean_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[FileOutcome]:
    """One :class:`FileOutcome` per input file under ``paths`` (see
    :func:`iter_input_files`), in order; a failing file never stops the run. Each
    outcome holds all its file's articles: to print or index a large collection, use
    :func:`read_articles` on each file instead."""
    for path in iter_input_files(paths):
        problems: list[str] = []
        try:
            articles = clean_file(path, problems.append)
        except SkippedFile as skip:
            yield FileOutcome(path, [], skip.reason, tuple(problems))
        else:
            yield FileOutcome(path, articles, None, tuple(problems))

"""JSON Lines input: one article per line, plain or gzip-compressed (streamed).

A line is an object such as ``{"title", "body" | "text", "date", "source", "url"}``;
other keys are ignored. Articles keep their place in the file: ``part`` is the
0-based line index and ``lines`` the 1-based line number twice, so a skipped bad line
does not shift the identity of the articles after it.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import IO

from reader.ingest.decode import binary_signature, format_excess, format_size, open_regular
from reader.ingest.errors import SkippedFile
from reader.ingest.metadata import parse_date, parse_iso_datetime
from reader.ingest.sanitize import clean_control_chars
from reader.ingest.stories import story_title
from reader.model import Article

# JSON Lines files are whole collections (the bundled corpus is 22 MB decompressed),
# so they get a larger cap than single pages; it counts decompressed bytes.
JSONL_MAX_BYTES = 1024**3
# One article per line: a longer line is a broken file or a dump, not an article.
MAX_LINE_BYTES = 8 * 1024**2

SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")

# The keys of this project's JSON Lines first, then those of the scrapers people use:
# news-please (maintext, date_publish, authors, source_domain), trafilatura (text,
# raw_text, date, author, sitename, source = the URL), newspaper (text, publish_date,
# authors, source_url).
_TITLE_KEYS = ("title", "headline")
_BODY_KEYS = ("body", "text", "maintext", "content", "raw_text")
_DATE_KEYS = ("date", "date_publish", "publish_date", "published", "published_at", "date_published")
_URL_KEYS = ("url", "link", "source_url")
_SOURCE_KEYS = ("source", "source_domain", "sitename", "source-hostname", "hostname")
_AUTHOR_KEYS = ("author", "authors", "byline")
_LANGUAGE_KEYS = ("language", "lang")

ProblemHandler = Callable[[str], None]


def is_jsonl_path(path: str | os.PathLike[str]) -> bool:
    return str(path).lower().endswith(SUFFIXES)


def load_jsonl(
    path: str | os.PathLike[str],
    on_problem: ProblemHandler | None = None,
    max_bytes: int = JSONL_MAX_BYTES,
) -> list[Article]:
    """All articles of a JSON Lines file.

    Bad lines (invalid JSON, no body...) are passed over; each is reported to
    ``on_problem`` as "line N: reason". Raises :class:`SkippedFile` when the file
    cannot be read, is binary or too large, or holds no article at all.
    """
    problems: list[str] = []

    def note(problem: str) -> None:
        problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    articles = list(iter_jsonl(path, note, max_bytes))
    if not articles:
        if problems:
            more = f" and {len(problems) - 1} more bad lines" if len(problems) > 1 else ""
            raise SkippedFile(f"no article found ({problems[0]}{more})")
        raise SkippedFile("no article found")
    return articles


def iter_jsonl(
    path: str | os.PathLike[str],
    on_problem: ProblemHandler | None = None,
    max_bytes: int = JSONL_MAX_BYTES,
) -> Iterator[Article]:
    """The articles of a JSON Lines file, one at a time (see :func:`load_jsonl`)."""
    report = on_problem or (lambda problem: None)
    with _open_lines(path, max_bytes) as handle:
        total = 0
        line_number = 0
        while True:
            raw = handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                break
            line_number += 1
            total += len(raw)
            too_long = len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n")
            if too_long:
                report(f"line {line_number}: longer than {format_size(MAX_LINE_BYTES)}")
                total += _skip_rest_of_line(handle, max_bytes - total)
            if total > max_bytes:
                raise SkippedFile(f"larger than {format_size(max_bytes)} (decompressed)")
            if too_long:
                continue
            try:
                article = parse_line(raw, path, line_number)
            except ValueError as exc:
                report(f"line {line_number}: {exc}")
                continue
            except Exception as exc:  # one odd line never costs the rest of the file
                report(f"line {line_number}: cannot be read ({type(exc).__name__})")
                continue
            if article is not None:
                yield article


def _skip_rest_of_line(handle: _LineReader, allowed: int) -> int:
    """Read past the rest of an over-long line, at most ``allowed`` bytes and one
    more (the caller stops the file there); the number of bytes read."""
    skipped = 0
    while skipped <= allowed:
        chunk = handle.readline(MAX_LINE_BYTES)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            break
    return skipped


class _LineReader:
    """A binary handle that turns read errors into :class:`SkippedFile`."""

    def __init__(self, handle: IO[bytes] | gzip.GzipFile) -> None:
        self._handle = handle

    def readline(self, limit: int) -> bytes:
        try:
            return self._handle.readline(limit)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise SkippedFile(f"broken gzip file ({exc})") from None
        except OSError as exc:
            raise SkippedFile(f"cannot read: {exc.strerror or exc}") from None

    def __enter__(self) -> _LineReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._handle.close()


def _open_lines(path: str | os.PathLike[str], max_bytes: int) -> _LineReader:
    handle = open_regular(path)
    try:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            raise SkippedFile("empty file")
        head = handle.peek(16)[:16] if hasattr(handle, "peek") else b""
        if head.startswith(b"\x1f\x8b"):
            # Compressed or not is told by the content, not the name.
            return _LineReader(gzip.GzipFile(fileobj=handle, mode="rb"))
        kind = binary_signature(head)
        if kind:
            raise SkippedFile(f"binary file ({kind})")
        if size > max_bytes:
            raise SkippedFile(f"larger than {format_size(max_bytes)} ({format_excess(size, max_bytes)})")
    except BaseException:
        handle.close()
        raise
    return _LineReader(handle)


def parse_line(raw: bytes, path: str | os.PathLike[str], line_number: int) -> Article | None:
    """The article on one line; None for a blank line; ValueError saying what is wrong."""
    try:
        line = raw.decode("utf-8-sig" if line_number == 1 else "utf-8")
    except UnicodeDecodeError:
        line = raw.decode("cp1252", errors="replace")
    line = line.strip()  # without the newline, error columns are on this line
    if not line:
        return None
    record = parse_json(line, where="column")
    return article_from_record(record, path, line_number - 1, (line_number, line_number))


def parse_json(text: str, where: str = "line") -> object:
    """A JSON document, or ValueError "invalid JSON (what, where)": at "column N" for
    one line, at "line N column M" for a whole file."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"column {exc.colno}" if where == "column" else f"line {exc.lineno} column {exc.colno}"
        raise ValueError(f"invalid JSON ({exc.msg} at {at})") from None
    except RecursionError:
        raise ValueError("invalid JSON (nested too deeply)") from None


def article_from_record(
    record: object, path: str | os.PathLike[str], part: int, lines: tuple[int, int] | None = None
) -> Article:
    """The article one JSON object describes, in the keys of this project's JSON
    Lines and of the common scrapers (news-please, trafilatura, newspaper); ValueError
    saying what is wrong when it is no article.

    A ``source`` that is a web address is the article's URL (trafilatura writes the
    URL there), not the name of the outlet."""
    if not isinstance(record, dict):
        raise ValueError(f"not a JSON object (a {type(record).__name__})")
    body = normalise_paragraphs(_text_field(record, _BODY_KEYS, "body", as_paragraphs=True))
    if not body:
        raise ValueError('no article text ("body", "text" or "maintext" missing or empty)')
    title = " ".join(clean_control_chars(_text_field(record, _TITLE_KEYS, "title")).split())
    source = _optional_text(_first_present(record, _SOURCE_KEYS))
    url = _optional_text(_first_present(record, _URL_KEYS))
    if source is not None and _WEB_ADDRESS.match(source):
        url, source = url or source, _optional_text(_first_present(record, _SOURCE_KEYS[1:]))
    return Article(
        path=str(path),
        title=title or story_title(body.split("\n\n", 1)[0]),
        body=body,
        date=normalise_date(_first_present(record, _DATE_KEYS)),
        source=source,
        dateline=_optional_text(record.get("dateline")),
        url=url,
        part=part,
        lines=lines,
        author=_names(_first_present(record, _AUTHOR_KEYS)),
        language=_optional_text(_first_present(record, _LANGUAGE_KEYS)),
    )


_WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)


def _names(value: object) -> str | None:
    """An author field as one line: "A. Writer" or ["A. Writer", "B. Other"]."""
    if isinstance(value, list):
        names = [name for name in (_optional_text(item) for item in value) if name]
        return ", ".join(names) or None
    return _optional_text(value)


def _first_present(record: dict, keys: tuple[str, ...]) -> object:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", []):
            return value
    return None


def _text_field(record: dict, keys: tuple[str, ...], name: str, as_paragraphs: bool = False) -> str:
    value = _first_present(record, keys)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if as_paragraphs and isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "\n\n".join(value)
    raise ValueError(f'"{name}" is not text (a {type(value).__name__})')


def _optional_text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(clean_control_chars(value).split())
    return text or None


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def normalise_paragraphs(text: str) -> str:
    """Paragraphs separated by exactly one blank line, each on one line.

    Blank lines separate paragraphs when there are any; otherwise each line is a
    paragraph (some exports put one paragraph per line).
    """
    text = clean_control_chars(text)
    blocks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    paragraphs = (" ".join(block.split()) for block in blocks)
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def normalise_date(value: object) -> str | None:
    """ISO 8601 for a date given as ISO text (kept as written, a space separator
    becoming "T"), any date ``parse_date`` reads ("Tue, 15 Nov 1994 08:12:31 GMT",
    "March 11, 1987"), or Unix seconds; None when not a date."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_timestamp(value)
    if not isinstance(value, str):
        return None
    text = " ".join(clean_control_chars(value).split())
    if parse_iso_datetime(text) is not None:
        return text.replace(" ", "T", 1)
    return parse_date(text)


def _from_timestamp(number: float) -> str | None:
    try:
        seconds = float(number)  # an int of 400 digits is too large for a float
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        return _format_datetime(datetime.fromtimestamp(seconds, tz=UTC))
    except (OverflowError, OSError, ValueError):
        return None


def _format_datetime(moment: datetime) -> str:
    timespec = "minutes" if moment.second == 0 and moment.microsecond == 0 else "seconds"
    return moment.isoformat(timespec=timespec)

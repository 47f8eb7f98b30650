"""PDF documents with a text layer, read with ``pypdf``; the text goes through the
text cleaner like a scraped page, with the title, author and creation date of the
PDF's metadata as hints. A PDF without text (a scan) or with a password is skipped
with the reason.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from reader.ingest.decode import format_excess, format_size, open_regular
from reader.ingest.errors import SkippedFile
from reader.ingest.formats.pages import one_line, plain_article
from reader.ingest.metadata import parse_date
from reader.ingest.sanitize import clean_control_chars
from reader.ingest.text_page import PageHints, clean_text_page
from reader.model import Article

# pypdf reads a PDF by seeking to its objects, not whole, so a PDF may be larger than
# a page's size cap (pictures make up most of it); its text is held to that cap.
PDF_SIZE_FACTOR = 10
# Enough words for the text to be a document rather than a cover or a form.
_TRUSTED_TEXT_WORDS = 30


def read_pdf(
    path: str | os.PathLike[str], on_problem: Callable[[str], None], max_bytes: int
) -> Iterator[Article]:
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        limit = max_bytes * PDF_SIZE_FACTOR
        if size > limit:
            raise SkippedFile(f"larger than {format_size(limit)} ({format_excess(size, limit)})")
        try:
            reader = PdfReader(handle)
            _unlock(reader)
            hints = _hints(reader)
            text = _text(reader, max_bytes, on_problem)
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise SkippedFile(f"broken PDF ({type(exc).__name__}: {exc})") from None
    if not text.strip():
        raise SkippedFile("no text layer (scanned?)")
    path = os.fspath(path)
    articles = clean_text_page(_paragraphs(text), path, hints=hints)
    if not articles and len(text.split()) >= _TRUSTED_TEXT_WORDS:
        # A report or a paper is the document itself, even where the line cleaner,
        # made for web pages, finds no article run in it.
        articles = [plain_article(_paragraphs(text), path, hints, 0)]
    yield from (replace(article, lines=None) for article in articles)


def _unlock(reader: PdfReader) -> None:
    if not reader.is_encrypted:
        return
    try:
        # Many PDFs are encrypted only to restrict printing, with an empty password.
        if reader.decrypt(""):
            return
    except DependencyError:
        raise SkippedFile("encrypted PDF (its cipher needs the 'cryptography' package)") from None
    except (FileNotDecryptedError, PdfReadError, NotImplementedError):
        pass
    raise SkippedFile("encrypted PDF (needs a password)")


def _hints(reader: PdfReader) -> PageHints:
    info = reader.metadata
    if info is None:
        return PageHints()
    try:
        created = info.creation_date
    except (ValueError, TypeError):
        created = None
    return PageHints(
        title=one_line(info.title),
        author=one_line(info.author),
        date=parse_date(created.isoformat()) if created else None,
    )


def _text(reader: PdfReader, max_bytes: int, on_problem: Callable[[str], None]) -> str:
    pages: list[str] = []
    total = 0
    for number, page in enumerate(reader.pages, start=1):
        try:
            # The layout mode keeps the gaps between paragraphs as blank lines.
            text = page.extract_text(extraction_mode="layout") or ""
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, ZeroDivisionError) as exc:
            on_problem(f"page {number}: text cannot be read ({type(exc).__name__})")
            continue
        total += len(text)
        if total > max_bytes:
            on_problem(f"text beyond page {number - 1} passed over (over {format_size(max_bytes)})")
            break
        pages.append(clean_control_chars(text).strip("\n"))
    # A paragraph may go on over a page break: pages join like lines, and the
    # paragraph rules below tell whether one ended there.
    return "\n".join(pages)


_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")


def _paragraphs(text: str) -> str:
    """A PDF's text, whose lines break where the layout did, as a page of paragraphs:
    a line joins the one before unless that one ended a sentence short of the full
    width, or a blank line separates them."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        width = max(len(line) for line in lines)
        current = lines[0]
        for previous, line in itertools.pairwise(lines):
            ends_paragraph = _SENTENCE_END.search(previous) and len(previous) < 0.8 * width
            if ends_paragraph:
                paragraphs.append(current)
                current = line
            elif current.endswith("-") and line[:1].islower():
                current = current[:-1] + line
            else:
                current += " " + line
        paragraphs.append(current)
    return "\n\n".join(paragraphs)

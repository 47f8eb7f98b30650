"""Files and folders to articles: walk the inputs, pick the reader for each file."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.ingest.decode import DEFAULT_MAX_BYTES, describe_os_error, read_text
from reader.ingest.errors import SkippedFile
from reader.ingest.html_page import HTML_SUFFIXES, clean_html_page, looks_like_html
from reader.ingest.jsonl import is_jsonl_path, load_jsonl
from reader.ingest.sanitize import clean_control_chars
from reader.ingest.text_page import clean_text_page
from reader.model import Article

# Names that are certainly not pages: passed over in silence when walking a folder.
# A file named on the command line is always tried, and reported if it fails.
NON_INPUT_SUFFIXES = frozenset(
    """
    .png .jpg .jpeg .gif .webp .bmp .ico .svg .tif .tiff .heic .avif
    .pdf .zip .tar .tgz .bz2 .xz .7z .rar .zst
    .mp3 .mp4 .m4a .wav .ogg .flac .mov .avi .mkv .webm
    .doc .docx .xls .xlsx .ppt .pptx .odt .ods .epub
    .exe .dll .so .dylib .o .a .pyc .class .jar .wasm
    .db .sqlite .sqlite3 .woff .woff2 .ttf .otf .eot
    .css .js .mjs .map .lock .part .crdownload .swp
    """.split()
)


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
    Paths that do not exist are yielded as given, so the caller reports them."""
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


def clean_file(
    path: str | os.PathLike[str],
    on_problem: Callable[[str], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Article]:
    """The cleaned articles of one file, read according to its kind: JSON Lines
    (.jsonl, .ndjson, optionally .gz), HTML (.html, .htm, .xhtml, or any text file that
    is really HTML), otherwise a scraped text page.

    Raises :class:`SkippedFile` when the file cannot be read or holds no article. Bad
    lines of a JSON Lines file go to ``on_problem`` and the rest still loads.
    """
    path = os.fspath(path)
    if os.path.isdir(path):
        raise SkippedFile(_folder_problem(path))
    if is_jsonl_path(path):
        return load_jsonl(path, on_problem)
    text = clean_control_chars(read_text(path, max_bytes))
    name = path.lower().removesuffix(".gz")
    if name.endswith(HTML_SUFFIXES) or looks_like_html(text):
        articles = clean_html_page(text, path)
    else:
        articles = clean_text_page(text, path)
    if not articles:
        raise SkippedFile("no article found")
    return articles


def _folder_problem(path: str) -> str:
    try:
        os.scandir(path).close()
    except OSError as exc:
        return "cannot read folder: " + describe_os_error(exc, path).removeprefix("cannot read: ")
    return "is a directory"


def clean_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[FileOutcome]:
    """One :class:`FileOutcome` per input file under ``paths`` (see
    :func:`iter_input_files`), in order; a failing file never stops the run."""
    for path in iter_input_files(paths):
        problems: list[str] = []
        try:
            articles = clean_file(path, problems.append)
        except SkippedFile as skip:
            yield FileOutcome(path, [], skip.reason, tuple(problems))
        except Exception as exc:
            reason = f"failed while cleaning ({type(exc).__name__}: {exc})"
            yield FileOutcome(path, [], reason, tuple(problems))
        else:
            yield FileOutcome(path, articles, None, tuple(problems))

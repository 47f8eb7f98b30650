"""Input: files and folders to cleaned articles.

The public API is re-exported here and loaded on first use, so that importing one
step (say ``reader.ingest.sanitize``) does not pull in trafilatura and lxml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from reader.ingest.decode import DEFAULT_MAX_BYTES, read_text
    from reader.ingest.errors import SkippedFile
    from reader.ingest.files import FileOutcome, clean_file, clean_paths, iter_input_files
    from reader.ingest.html_page import clean_html_page
    from reader.ingest.jsonl import load_jsonl
    from reader.ingest.sanitize import clean_control_chars, terminal_safe
    from reader.ingest.text_page import PageHints, clean_text_page

_EXPORTS = {
    "SkippedFile": "errors",
    "clean_control_chars": "sanitize",
    "terminal_safe": "sanitize",
    "DEFAULT_MAX_BYTES": "decode",
    "read_text": "decode",
    "load_jsonl": "jsonl",
    "clean_html_page": "html_page",
    "PageHints": "text_page",
    "clean_text_page": "text_page",
    "FileOutcome": "files",
    "clean_file": "files",
    "clean_paths": "files",
    "iter_input_files": "files",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(
    __name__, {name: (f"{__name__}.{module}", name) for name, module in _EXPORTS.items()}, globals()
)

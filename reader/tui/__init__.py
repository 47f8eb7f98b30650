"""The terminal reader (Textual). Only this package imports Textual."""

from __future__ import annotations

from pathlib import Path


def run(library: str | Path | None = None) -> int:
    from reader.tui.app import NewsReaderApp

    NewsReaderApp(library).run()
    return 0

"""The terminal reader (Textual). Only this package imports Textual."""

from __future__ import annotations

from pathlib import Path


def run(library: str | Path | None = None) -> int:
    from reader.tui.app import NewsReaderApp

    NewsReaderApp(library).run()
    return 0


def theme_names() -> list[str]:
    """The reader's themes (Textual's built-in ones), for ``news-reader config``."""
    from textual.theme import BUILTIN_THEMES

    return list(BUILTIN_THEMES)

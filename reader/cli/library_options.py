"""What the library commands share: the --library option, opening the library with
the lock message on stderr, and turning library errors into one-line messages."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import wraps

from rich.text import Text

from reader.cli.output import error, warn
from reader.ingest.sanitize import terminal_safe

LIBRARY_HELP = (
    "the library folder (default: $NEWS_READER_HOME, else the platform's data folder, "
    "e.g. ~/.local/share/news-reader)"
)


def add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", metavar="PATH", help=LIBRARY_HELP)


def add_json_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--json", action="store_true", help=f"print {what} as one JSON object")


def open_library(args: argparse.Namespace, seed: bool = True, lock_timeout: float | None = None):
    from reader.library import DEFAULT_LOCK_TIMEOUT, Library

    return Library.open(
        args.library,
        seed=seed,
        lock_timeout=DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout,
        on_wait=warn,
    )


def library_command(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Report the expected failures (every :class:`ReaderError`) as one line on
    stderr with the error's exit status (2 for a query or date the user must
    rewrite, 1 otherwise), never as a traceback."""

    @wraps(run)
    def wrapper(args: argparse.Namespace) -> int:
        from reader.errors import ReaderError
        from reader.library import QueryError

        try:
            return run(args)
        except QueryError as exc:
            error(f"bad query: {exc.message}")
            return exc.exit_status
        except ReaderError as exc:
            error(exc.message)
            return exc.exit_status

    return wrapper


def report_highlights(report) -> None:
    """After a change to articles: say which highlights moved or lost their passage,
    and why they could not be updated (they are then located again when read)."""
    if report.problem:
        warn(f"highlights not updated: {report.problem}")
    elif report.moved or report.orphaned:
        warn(
            f"highlights: {report.moved} updated to the articles' new text"
            + (f", {report.orphaned} no longer found in their article" if report.orphaned else "")
        )


def safe_line(text: str | None) -> str:
    return terminal_safe(text or "", one_line=True)


def marked_snippet(snippet: str, mark: str = "**", style: str = "bold reverse") -> Text:
    """A search snippet with the ``**word**`` marks shown as a style instead."""
    text = Text()
    for number, piece in enumerate(safe_line(snippet).split(mark)):
        text.append(piece, style=style if number % 2 else "")
    return text

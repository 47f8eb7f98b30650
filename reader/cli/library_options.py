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
    from reader.library import Library
    from reader.library.library import DEFAULT_LOCK_TIMEOUT

    return Library.open(
        args.library,
        seed=seed,
        lock_timeout=DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout,
        on_wait=warn,
    )


def library_command(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Report the library's expected failures as one line on stderr, exit code 1
    (2 for a query the user must rewrite), never as a traceback."""

    @wraps(run)
    def wrapper(args: argparse.Namespace) -> int:
        from reader.library import ArticleNotFound, LibraryBusy, QueryError
        from reader.library.schema import WrongWhoosh
        from reader.library.store import StoreError

        try:
            return run(args)
        except QueryError as exc:
            error(f"bad query: {exc}")
            return 2
        except (ArticleNotFound, LibraryBusy, StoreError, WrongWhoosh) as exc:
            error(str(exc.args[0] if isinstance(exc, LookupError) else exc))
            return 1

    return wrapper


def safe_line(text: str | None) -> str:
    return terminal_safe(text or "", one_line=True)


def marked_snippet(snippet: str, mark: str = "**", style: str = "bold reverse") -> Text:
    """A search snippet with the ``**word**`` marks shown as a style instead."""
    text = Text()
    for number, piece in enumerate(safe_line(snippet).split(mark)):
        text.append(piece, style=style if number % 2 else "")
    return text

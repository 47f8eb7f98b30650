"""The ``news-reader`` command line.

Each subcommand lives in its own module under ``reader.cli`` and exposes
``register(subparsers)``; the module sets ``func`` on its parser. Commands return
an exit code: 0 success, 1 when some input failed or nothing was found, 2 for
usage errors (argparse's own convention).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli import add, people, quotes, rebuild, related, remove, search, show, stats
from reader.cli import clean as clean_command
from reader.cli import config as config_command
from reader.cli import entities as entities_command
from reader.cli import export as export_command
from reader.cli import highlights as highlights_command
from reader.cli.output import drop_stdout, error, warn
from reader.ingest.sanitize import terminal_safe

# In the order `--help` lists them: the pipeline first, then the library, then notes.
COMMANDS = (
    clean_command,
    entities_command,
    add,
    remove,
    rebuild,
    stats,
    search,
    people,
    quotes,
    related,
    show,
    highlights_command,
    export_command,
    config_command,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="news-reader",
        description=(
            "A keyboard-driven terminal reader for scraped news pages. "
            "Run without a command to open the reader on your library "
            "(the bundled sample pages on a fresh machine)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"news-reader {__version__}")
    parser.add_argument(
        "--library",
        dest="reader_library",
        metavar="PATH",
        help="the library to open or work on (before or after the command)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="write a debug log (its path is printed; `news-reader config` shows it too)",
    )
    parser.add_argument(
        "--dev",
        action="store_true",
        help="run the reader connected to Textual's dev console (`textual console` in another terminal; "
        "needs `pip install textual-dev`)",
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.debug and not _start_debug_log():
        return 1
    func = getattr(args, "func", None)
    if func is None:
        return open_default(args)
    if getattr(args, "library", None) is None and args.reader_library:
        args.library = args.reader_library  # `news-reader --library X search …`
    try:
        return func(args)
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error for the user.
        drop_stdout()
        sys.stderr.close()
        return 0
    except Exception as exc:
        where = _disk_full_at(exc, args)
        if where is None:
            raise
        drop_stdout()
        error(f"disk full while writing {where}; nothing was lost, run the command again when there is space")
        return 1


def _disk_full_at(exc: Exception, args: argparse.Namespace) -> str | None:
    """Where the disk filled up, when ``exc`` says it did (None otherwise). Every
    write of the library is a transaction and every file is written whole or not at
    all, so what was committed before stays."""
    from reader.errors import is_disk_full

    folder = getattr(args, "library", None) or os.environ.get("NEWS_READER_HOME")
    if not is_disk_full(exc, folder or "."):
        return None
    filename = getattr(exc, "filename", None)
    if filename:
        return terminal_safe(str(filename), one_line=True)
    return "the library" if getattr(args, "library", None) is not None else "the output"


def _start_debug_log() -> bool:
    from reader.logs import start_debug_log

    try:
        path = start_debug_log()
    except OSError as exc:
        error(f"cannot write the debug log: {exc.strerror or exc}")
        return False
    warn(f"debug log: {path}")
    return True


def open_default(args: argparse.Namespace) -> int:
    """No command given: open the reader on the library. Without a terminal (input
    or output piped) there is nothing to draw on: say so rather than guess."""
    if args.dev and not _dev_console_ready():
        return 2
    if sys.stdin.isatty() and sys.stdout.isatty():
        from reader.tui import run

        return run(args.reader_library)
    error(
        "the reader needs a terminal; without one, use a command such as "
        "`news-reader search QUERY` or `news-reader show ARTICLE` (see --help)"
    )
    return 2


def _dev_console_ready() -> bool:
    """Textual connects to its dev console when ``TEXTUAL`` has ``devtools``; the
    client for it comes with the textual-dev package."""
    import importlib.util

    if importlib.util.find_spec("textual_dev") is None:
        error(
            "--dev needs Textual's dev tools: `pip install textual-dev`, then `textual console` "
            "in another terminal and `news-reader --dev` here"
        )
        return False
    features = {f.strip() for f in os.environ.get("TEXTUAL", "").split(",") if f.strip()}
    os.environ["TEXTUAL"] = ",".join(sorted(features | {"devtools", "debug"}))
    return True

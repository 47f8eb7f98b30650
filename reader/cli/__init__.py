"""The ``news-reader`` command line.

Each subcommand lives in its own module under ``reader.cli`` and exposes
``register(subparsers)``; the module sets ``func`` on its parser. Commands return
an exit code: 0 success, 1 when some input failed or nothing was found, 2 for
usage errors (argparse's own convention).

Only the module of the command being run is imported (``--help`` and the reader
import none): the modules pull in the cleaner, the entity finder, Whoosh and Rich,
which take most of a second to load. :data:`COMMANDS` lists each command's name
and one-line help for the top-level ``--help``; a test checks the modules agree.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from reader import __version__

# In the order `--help` lists them: the pipeline first, then the library, then notes.
COMMANDS: dict[str, tuple[str, str]] = {
    "clean": ("reader.cli.clean", "print the cleaned articles of pages, folders and JSON Lines files"),
    "entities": ("reader.cli.entities", "list the people, organisations and places named in files"),
    "add": ("reader.cli.add", "add files and folders to the library"),
    "remove": ("reader.cli.remove", "remove files or folders from the library"),
    "rebuild": ("reader.cli.rebuild", "rebuild the search index"),
    "stats": ("reader.cli.stats", "counts and sizes of the library"),
    "search": ("reader.cli.search", "search the library"),
    "people": ("reader.cli.people", "people in the library, with article counts; corrections to them"),
    "quotes": ("reader.cli.quotes", "what a person said, across the library"),
    "related": ("reader.cli.related", "articles related to one article"),
    "show": ("reader.cli.show", "print one article with its people, organisations and places marked"),
    "highlights": ("reader.cli.highlights", "list, add and remove highlighted passages"),
    "export": ("reader.cli.export", "export highlights as Markdown"),
    "stories": ("reader.cli.stories", "stories: the same event across outlets"),
    "story": ("reader.cli.story", "one story: its articles, timeline, shared and unique passages"),
    "config": ("reader.cli.config", "where the library, config and logs live; the settings in effect"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with ``command`` complete (every command with None) and the others
    as names with their help, enough for the top-level ``--help``."""
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
    for name, (module, help_text) in COMMANDS.items():
        if command is None or name == command:
            import_module(module).register(subparsers)
        else:
            subparsers.add_parser(name, help=help_text, add_help=False)
    return parser


def command_in(argv: Sequence[str]) -> str | None:
    """The command named on the command line: its first word that is not an option
    or the value of ``--library``."""
    skip_value = False
    for word in argv:
        if skip_value:
            skip_value = False
        elif word == "--library":
            skip_value = True
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    command = command_in(words)
    parser = build_parser(command or "")
    args = parser.parse_args(words)
    if args.debug and not _start_debug_log():
        return 1
    func = getattr(args, "func", None)
    if func is None:
        return open_default(args)
    if getattr(args, "library", None) is None and args.reader_library:
        args.library = args.reader_library  # `news-reader --library X search …`
    from reader.cli.output import drop_stdout, error

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
    from reader.ingest.sanitize import terminal_safe

    folder = getattr(args, "library", None) or os.environ.get("NEWS_READER_HOME")
    if not is_disk_full(exc, folder or "."):
        return None
    filename = getattr(exc, "filename", None)
    if filename:
        return terminal_safe(str(filename), one_line=True)
    return "the library" if getattr(args, "library", None) is not None else "the output"


def _start_debug_log() -> bool:
    from reader.cli.output import error, warn
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
    from reader.cli.output import error

    error(
        "the reader needs a terminal; without one, use a command such as "
        "`news-reader search QUERY` or `news-reader show ARTICLE` (see --help)"
    )
    return 2


def _dev_console_ready() -> bool:
    """Textual connects to its dev console when ``TEXTUAL`` has ``devtools``; the
    client for it comes with the textual-dev package."""
    import importlib.util

    from reader.cli.output import error

    if importlib.util.find_spec("textual_dev") is None:
        error(
            "--dev needs Textual's dev tools: `pip install textual-dev`, then `textual console` "
            "in another terminal and `news-reader --dev` here"
        )
        return False
    features = {f.strip() for f in os.environ.get("TEXTUAL", "").split(",") if f.strip()}
    os.environ["TEXTUAL"] = ",".join(sorted(features | {"devtools", "debug"}))
    return True

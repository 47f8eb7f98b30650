"""``news-reader export``: highlights as Markdown notes, on stdout or in a file."""

from __future__ import annotations

import argparse
import sys

from reader.cli.highlights import add_filter_options, filter_from
from reader.cli.library_options import add_library_option, library_command, open_library
from reader.cli.output import drop_stdout, error, stderr
from reader.errors import is_disk_full

EPILOG = """\
examples:
  news-reader export > notes.md
  news-reader export --out syria.md --query syria --front-matter
  news-reader export --person putin --since 2026-11-01 --out putin.md --force
  news-reader export --by person > who-said-what.md
  news-reader export --story 002 --out kerry-moscow.md

Filters combine: --query keeps highlights in the articles a library search finds
(same syntax as `search`), --person those in articles mentioning the person (aliases
work: putin means Vladimir Putin), --since those made on or after DATE (UTC).

A passage that is one person's quote says so ("Said by"); --by person groups the
passages by speaker, the most highlighted first, each with its article.

The file is written whole or not at all (a temporary file renamed into place), and an
existing file is never replaced without --force.

exit status: 0 written; 1 nothing matched or the file cannot be written; 2 bad
query or date."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export highlights as Markdown",
        description=(
            "Write highlighted passages as Markdown: one section per article (title, "
            "source, date, file or URL), each passage a block quote with its note, tags "
            "and the people it names. Standard output unless --out is given."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_filter_options(parser)
    parser.add_argument(
        "--story",
        metavar="STORY",
        help="a brief of one story instead (a story id or one of its articles): its timeline, "
        "who said what, your highlights in it",
    )
    parser.add_argument("--front-matter", action="store_true", help="start with YAML front matter")
    parser.add_argument(
        "--by",
        choices=("article", "person"),
        default="article",
        help="one section per article (default), or per person whose words the passages are",
    )
    parser.add_argument("--title", default="Highlights", metavar="TEXT", help="the document's title")
    add_library_option(parser)
    parser.set_defaults(func=run_export)


@library_command
def run_export(args: argparse.Namespace) -> int:
    from reader.export import ExportError, MarkdownExport, export_highlights, export_story, write_atomically
    from reader.library import parse_since

    wanted = filter_from(args)
    if wanted.since:
        parse_since(wanted.since)  # a bad date is a usage error before any work
    with open_library(args) as library:
        export: MarkdownExport | None
        if args.story:
            export = export_story(library, args.story)
        else:
            export = export_highlights(
                library, wanted, front_matter=args.front_matter, title=args.title, by=args.by
            )
    if export is None:
        stderr.print("no highlights match; nothing exported", markup=False)
        return 1
    if not args.out or args.out == "-":
        try:
            sys.stdout.write(export.text)
            sys.stdout.flush()
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            drop_stdout()
            error(
                "disk full while writing standard output; nothing was lost, run the export again when there is space"
            )
            return 1
        return 0
    try:
        written = write_atomically(args.out, export.text, force=args.force)
    except ExportError as exc:
        error(str(exc))
        return 1
    what = f"{export.passages} passage{'s' if export.passages != 1 else ''} from {export.articles} "
    what += f"article{'s' if export.articles != 1 else ''}"
    if args.story:
        what = f"the story's brief (with {what} highlighted)"
    stderr.print(f"wrote {what} to {written}", markup=False, soft_wrap=True)
    return 0

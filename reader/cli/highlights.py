"""``news-reader highlights``: list, add, remove highlights from scripts; the same
store the reader uses (``highlights.sqlite3`` in the library folder)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from reader.cli.library_options import (
    add_json_option,
    add_library_option,
    library_command,
    open_library,
    safe_line,
)
from reader.cli.output import error, print_json_line, stderr, stdout, warn
from reader.highlights.store import HighlightError

if TYPE_CHECKING:  # the library pulls in Whoosh: loaded when a command runs
    from reader.library import HighlightFilter

EPILOG = """\
examples:
  news-reader highlights add 002 --quote "met with President Vladimir V. Putin" --tag kerry
  news-reader highlights add 003#1 --quote "Fifty-nine Tomahawk cruise missiles" --note "the strike"
  news-reader highlights add 000 --quote "Putin" --occurrence 2
  news-reader highlights edit 1a2b3c4d --note "checked against AP" --tag strike --tag us
  news-reader highlights list --tag kerry
  news-reader highlights list --json | jq '.highlights[].quote'
  news-reader highlights remove 1a2b3c4d
  news-reader highlights undo

ARTICLE is what `show` takes: an id, a prefix of one, a source path or the start of a
file name (NAME#N for story N of a digest). A quote must be text of the article;
straight and curly quotes, dashes and runs of spaces count as the same.

--json (list) prints {"highlights": [{"id", "article_id", "title", "path", "part",
"start", "end", "quote", "note", "tags", "people", "created", "updated",
"orphaned"}]}; start and end are character offsets into the article body."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "highlights",
        help="list, add and remove highlighted passages",
        description="Highlighted passages: the store the reader keeps, for scripts and other tools.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION")

    listing = actions.add_parser("list", help="list highlights (all articles)")
    add_filter_options(listing)
    listing.add_argument("--text", metavar="S", help="only highlights whose quote or note contains S")
    add_json_option(listing, "the highlights")
    add_library_option(listing)
    listing.set_defaults(func=run_list)

    adding = actions.add_parser("add", help="highlight a passage of an article")
    adding.add_argument("article", metavar="ARTICLE")
    adding.add_argument("--quote", required=True, metavar="TEXT", help="exact text from the article")
    adding.add_argument("--note", default="", metavar="N", help="a note on the passage")
    adding.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeat for several)")
    adding.add_argument(
        "--occurrence",
        type=_positive,
        metavar="N",
        help="the Nth place the quote occurs (default: the first)",
    )
    add_json_option(adding, "the new highlight")
    add_library_option(adding)
    adding.set_defaults(func=run_add)

    editing = actions.add_parser("edit", help="change the note or the tags of a highlight")
    editing.add_argument("id", metavar="ID", help="highlight id or a unique prefix of one")
    editing.add_argument("--note", metavar="N", help='the new note ("" clears it)')
    editing.add_argument(
        "--tag", action="append", metavar="T", help="the new tags, replacing the old (repeat for several)"
    )
    editing.add_argument("--no-tags", action="store_true", help="remove every tag")
    add_library_option(editing)
    editing.set_defaults(func=run_edit)

    removing = actions.add_parser("remove", help="delete highlights (undo brings them back)")
    removing.add_argument("ids", nargs="+", metavar="ID", help="highlight id or a unique prefix of one")
    add_library_option(removing)
    removing.set_defaults(func=run_remove)

    undoing = actions.add_parser("undo", help="take back the last change to the highlights")
    add_library_option(undoing)
    undoing.set_defaults(func=run_undo)

    parser.set_defaults(func=lambda args: _usage(parser))


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The options that choose highlights, shared by ``highlights list`` and ``export``."""
    parser.add_argument("--article", metavar="ARTICLE", help="only highlights of this article")
    parser.add_argument("--tag", metavar="T", help="only highlights with this tag")
    parser.add_argument("--query", metavar="Q", help="only highlights in articles this search finds")
    parser.add_argument("--person", metavar="NAME", help="only highlights in articles mentioning NAME")
    parser.add_argument("--since", metavar="DATE", help="only highlights made on or after DATE (YYYY-MM-DD)")


def filter_from(args: argparse.Namespace) -> HighlightFilter:
    from reader.library import HighlightFilter

    return HighlightFilter(
        article=args.article,
        query=args.query,
        person=args.person,
        since=args.since,
        tag=args.tag,
        text=getattr(args, "text", None),
    )


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage()
    error("highlights: give an action: list, add, edit, remove or undo")
    return 2


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


@library_command
def run_list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        groups = library.select_highlights(filter_from(args))
    rows = [(group, placed) for group in groups for placed in group.highlights]
    if args.json:
        print_json_line(
            {
                "highlights": [
                    {**placed.highlight.to_json(), "title": group.title, "people": list(placed.people)}
                    for group, placed in rows
                ]
            }
        )
        return 0 if rows else 1
    if not rows:
        stderr.print("no highlights found", markup=False)
        return 1
    table = Table(
        title=f"{len(rows)} highlight{'s' if len(rows) != 1 else ''} in {len(groups)} article{'s' if len(groups) != 1 else ''}"
    )
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("article", ratio=2)
    table.add_column("passage", ratio=4)
    table.add_column("note", ratio=2)
    table.add_column("tags", ratio=1)
    for group, placed in rows:
        highlight = placed.highlight
        passage = Text(_shorten(safe_line(highlight.quote), 160))
        if highlight.orphaned:
            passage.append(" (not found in the current text)", style="yellow")
        table.add_row(
            highlight.id,
            highlight.created[:10],
            safe_line(group.title),
            passage,
            safe_line(highlight.note),
            safe_line(", ".join(highlight.tags)),
        )
    stdout.print(table)
    return 0


@library_command
def run_add(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        stored = library.article(args.article)
        highlight, places = library.highlights.add_quote(
            stored, args.quote, occurrence=args.occurrence or 1, note=args.note, tags=args.tag
        )
    if places > 1 and args.occurrence is None:
        warn(f"the quote occurs {places} times; highlighted the first (--occurrence N picks another)")
    if args.json:
        print_json_line({**highlight.to_json(), "title": stored.article.title})
        return 0
    stdout.print(
        f"added {highlight.id} in {stored.id} “{safe_line(_shorten(stored.article.title, 60))}” "
        f"(characters {highlight.start}-{highlight.end})",
        markup=False,
        soft_wrap=True,
    )
    return 0


@library_command
def run_remove(args: argparse.Namespace) -> int:
    failed = 0
    with open_library(args) as library:
        for wanted in args.ids:
            try:
                removed = library.highlights.delete(wanted)
            except HighlightError as exc:
                error(str(exc))
                failed += 1
                continue
            stdout.print(
                f"removed {removed.id} (`news-reader highlights undo` brings it back)",
                markup=False,
                soft_wrap=True,
            )
    return 1 if failed else 0


@library_command
def run_edit(args: argparse.Namespace) -> int:
    if args.note is None and args.tag is None and not args.no_tags:
        error("highlights edit: give --note, --tag or --no-tags")
        return 2
    if args.tag and args.no_tags:
        error("highlights edit: --tag and --no-tags contradict each other")
        return 2
    with open_library(args) as library:
        store = library.highlights
        highlight = store.get(args.id)
        tags = (args.tag or []) if args.tag is not None or args.no_tags else None
        highlight = store.edit(highlight.id, args.note, tags)
    tags = ", ".join(highlight.tags) or "none"
    stdout.print(
        Text(f"edited {highlight.id}: note “{safe_line(highlight.note)}”, tags: {safe_line(tags)}"),
        soft_wrap=True,
    )
    return 0


@library_command
def run_undo(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        undone = library.highlights.undo()
    if undone is None:
        stderr.print("nothing to undo", markup=False)
        return 1
    verb = {
        "add": "adding",
        "delete": "removing",
        "undelete": "restoring",
        "note": "the note of",
        "tags": "the tags of",
        "edit": "the edit of",
    }
    stdout.print(
        f"undid {verb.get(undone.action, undone.action)} {undone.highlight.id}", markup=False, soft_wrap=True
    )
    return 0


def _shorten(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"

"""``news-reader stories`` and ``news-reader story``: events followed across outlets."""

from __future__ import annotations

import argparse

from rich.table import Table

from reader.cli.library_options import (
    add_json_option,
    add_library_option,
    library_command,
    open_library,
    safe_line,
)
from reader.cli.output import print_json_line, stderr, stdout

STORIES_EPILOG = """\
A story is the articles about one event: they share people, places and distinctive
words and were published within days of each other; copies of one text (the same
page saved twice, a wire story reprinted) are always in the same story.

examples:
  news-reader stories
  news-reader stories --query syria --since 2015-10-01
  news-reader stories --person kerry --json | jq '.stories[].id'

--json prints {"stories": [{"id", "title", "central", "first_date", "last_date",
"outlets", "articles"}]}; the title is the most central article's.

exit status: 0 stories found; 1 none; 2 bad query or date."""


def register(subparsers: argparse._SubParsersAction) -> None:
    listing = subparsers.add_parser(
        "stories",
        help="stories: the same event across outlets",
        description="List the stories of the library (two articles or more), newest first.",
        epilog=STORIES_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.add_argument("--query", metavar="WORDS", help="stories with an article this search finds")
    listing.add_argument("--person", metavar="NAME", help="stories with an article naming this person")
    listing.add_argument("--since", metavar="DATE", help="stories with an article on or after DATE")
    listing.add_argument("--limit", type=int, default=None, metavar="N", help="at most N stories")
    add_json_option(listing, "the stories")
    add_library_option(listing)
    listing.set_defaults(func=run_stories)


@library_command
def run_stories(args: argparse.Namespace) -> int:
    from reader.library import parse_since

    since = parse_since(args.since)[:10] if args.since else None
    with open_library(args) as library:
        found = library.stories(query=args.query, person=args.person, since=since, limit=args.limit)
    if args.json:
        print_json_line({"stories": [s.to_json() for s in found]})
        return 0 if found else 1
    if not found:
        stderr.print("no stories (two articles or more about one event) match", markup=False)
        return 1
    table = Table(title=f"{len(found)} stor{'y' if len(found) == 1 else 'ies'}")
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("dates", no_wrap=True)
    table.add_column("articles", justify="right")
    table.add_column("outlets", max_width=30)
    table.add_column("title", style="bold", ratio=1)
    for story in found:
        table.add_row(
            story.id,
            date_range(story.first_date, story.last_date),
            str(story.articles),
            safe_line(", ".join(story.outlets)),
            safe_line(story.title),
        )
    stdout.print(table)
    return 0


def date_range(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    if not last or last[:10] == first[:10]:
        return first[:10]
    return f"{first[:10]} – {last[:10]}"

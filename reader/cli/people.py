"""``news-reader people``: the people of the library, most mentioned first."""

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


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "people",
        help="people in the library, with article counts",
        description=(
            "List the people of the library by canonical name, with the number of "
            "articles that mention them and the people most often mentioned with them. "
            'With --json: {"people": [{"name", "articles", "cooccurring": [{"name", "articles"}]}]}.'
        ),
    )
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the N most mentioned")
    add_json_option(parser, "the people")
    add_library_option(parser)
    parser.set_defaults(func=run_people)


@library_command
def run_people(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        people = library.people(limit=args.limit)
    if args.json:
        print_json_line({"people": [p.to_json() for p in people]})
        return 0
    if not people:
        stderr.print("no people in the library yet", markup=False)
        return 0
    table = Table()
    table.add_column("person", style="bold")
    table.add_column("articles", justify="right")
    table.add_column("often with", ratio=1)
    for person in people:
        table.add_row(
            safe_line(person.name),
            str(person.articles),
            safe_line(", ".join(f"{name} ({count})" for name, count in person.cooccurring)),
        )
    stdout.print(table)
    return 0

"""``news-reader people``: the people of the library, most mentioned first, and the
user's corrections to them (merge, split, rename, not a person, undo)."""

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
from reader.cli.output import error, print_json_line, stderr, stdout

EPILOG = """\
corrections (kept in the library apart from the index: rebuild, re-adding and a new
cleaner keep them; applied to search, the reader and exports):
  news-reader people merge "James Wright" "Jim Wright"   # one person, named James Wright
  news-reader people split "Tony Blair" "Blair"          # a form seen for him is someone else
  news-reader people rename "Bob Dole" "Robert Dole"
  news-reader people not-a-person "Vera Drake"           # a film, an organisation, a place...
  news-reader people undo                                # take the last correction back
  news-reader people corrections                         # list them
  news-reader people show blair                          # who a name means, and the aliases

A name may be any form seen in an article or any word of a name ("putin", "Mr.
Putin"); a word several people share picks the most mentioned, and says so."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "people",
        help="people in the library, with article counts; corrections to them",
        description=(
            "List the people of the library by canonical name, with the number of "
            "articles that mention them and the people most often mentioned with them. "
            'With --json: {"people": [{"name", "articles", "cooccurring": [{"name", "articles"}]}]}.'
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the N most mentioned")
    add_json_option(parser, "the people")
    add_library_option(parser)
    parser.set_defaults(func=run_people)
    actions = parser.add_subparsers(title="corrections", metavar="ACTION")

    def action(name: str, help: str, *arguments: tuple[str, str]) -> None:
        sub = actions.add_parser(name, help=help, description=help)
        for argument, argument_help in arguments:
            sub.add_argument(argument, metavar=argument.upper(), help=argument_help)
        add_library_option(sub)
        sub.set_defaults(func=run_correction, action=name)

    action("merge", "B is the same person as A (shown as A)", ("a", "a person"), ("b", "another person"))
    action(
        "split",
        "B, a name seen for A, is someone else",
        ("a", "a person"),
        ("b", "a name or form seen for A"),
    )
    action("rename", "show person A as B", ("a", "a person"), ("b", "the new name"))
    action("not-a-person", "A is no person (an organisation, a place, a title...)", ("a", "a name"))
    undo = actions.add_parser("undo", help="take back the last correction")
    add_library_option(undo)
    undo.set_defaults(func=run_undo)
    listing = actions.add_parser("corrections", help="the corrections made, oldest first")
    add_json_option(listing, "the corrections")
    add_library_option(listing)
    listing.set_defaults(func=run_corrections)
    show = actions.add_parser("show", help="the person a name means, with aliases and the others it fits")
    show.add_argument("name", metavar="NAME")
    add_json_option(show, "the person")
    add_library_option(show)
    show.set_defaults(func=run_show)


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


@library_command
def run_correction(args: argparse.Namespace) -> int:
    from reader.library import PersonCorrectionError

    with open_library(args) as library:
        try:
            made = library.correct_people(args.action, args.a, getattr(args, "b", "") or "")
        except PersonCorrectionError as exc:
            error(str(exc))
            return 1
    stdout.print(safe_line(made.describe()), markup=False)
    return 0


@library_command
def run_undo(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        undone = library.undo_people()
    if undone is None:
        stderr.print("no correction to undo", markup=False)
        return 1
    stdout.print(f"undone: {safe_line(undone.describe())}", markup=False)
    return 0


@library_command
def run_corrections(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        made = library.person_corrections()
    if args.json:
        print_json_line(
            {"corrections": [{"action": c.action, "name": c.name, "other": c.other} for c in made]}
        )
        return 0
    if not made:
        stderr.print("no corrections", markup=False)
    for correction in made:
        stdout.print(safe_line(correction.describe()), markup=False)
    return 0


@library_command
def run_show(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        match = library.person_match(args.name)
    if args.json:
        print_json_line(
            {
                "query": args.name,
                "person": match.person.to_json() if match.person else None,
                "others": [p.to_json() for p in match.others],
            }
        )
        return 0 if match.person else 1
    if match.person is None:
        error(match.note())
        return 1
    stdout.print(safe_line(match.note()), markup=False)
    if match.person.aliases:
        stdout.print(f"aliases: {safe_line(', '.join(match.person.aliases))}", markup=False)
    return 0

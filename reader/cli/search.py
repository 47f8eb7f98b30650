"""``news-reader search``: full-text search of the library."""

from __future__ import annotations

import argparse

from rich.table import Table
from rich.text import Text

from reader.cli.library_options import (
    add_json_option,
    add_library_option,
    library_command,
    marked_snippet,
    open_library,
    safe_line,
)
from reader.cli.output import print_json_line, stderr, stdout

EPILOG = """\
query syntax:
  putin kerry                     both words (stemmed: "strikes" finds "striking")
  "air strikes"                   a phrase
  putin OR obama, syria NOT isis  operators (upper case), parentheses to group
  title:moscow                    in the title only
  person:putin  org:nato  place:aleppo  source:reuters
  said:lavrov                     articles that quote Lavrov (see `news-reader quotes`)
  date:2015-10  date:[2015-09-01 to 2015-10-31]  date:yesterday  date:"last week"
  syr*  lavrov~  lavrov~2         wildcard, fuzzy (edit distance 1 or 2, first letter as typed)
  putin^2                         count a word double

limits: at most 1,000 characters, 2 edits, and 1,000 index words for one wildcard
or fuzzy term; a query past them, or one that cannot be read (an unclosed "(" or
quote, an empty or unknown field, a bad date), is refused with the reason.

examples:
  news-reader search 'russia "air strikes" date:2015-10'
  news-reader search --person putin --sort date --limit 20
  news-reader search oil --date 2015-10 --offset 10   # hits 11 to 20
  news-reader search --json kerry | jq '.hits[].id'

--json prints {"query", "total", "total_exact", "hits": [{"id", "path", "part", "title", "source",
"date", "score", "people", "snippet", "passages", "read"}], "suggestion"?}; snippets mark
matched words as **word**; passages give character offsets into the article body;
read is true for an article opened in the reader (titles of those are dim in the table).

exit status: 0 something found; 1 nothing found; 2 bad query."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search the library",
        description="Search the articles of the library; best matches first.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", nargs="*", metavar="QUERY", help="words and operators (see below)")
    parser.add_argument(
        "--person", metavar="NAME", help="only articles mentioning this person (aliases work)"
    )
    parser.add_argument("--source", metavar="S", help="only articles from this source")
    parser.add_argument(
        "--unread",
        action="store_true",
        help="only articles not opened in the reader yet (see `read` in --json)",
    )
    parser.add_argument(
        "--date",
        metavar="WHEN",
        help='only articles of this period: 2015, 2015-10, 2015-10-02, today, yesterday, "last week", '
        '"last 30 days", or a range "2015-09-01 to 2015-10-31" (either end may be left out)',
    )
    parser.add_argument("--sort", choices=("relevance", "date"), default="relevance", help="order of hits")
    parser.add_argument("--limit", type=_positive, default=10, metavar="N", help="at most N hits (10)")
    parser.add_argument(
        "--offset", type=_not_negative, default=0, metavar="N", help="skip the first N hits (for paging)"
    )
    add_json_option(parser, "the hits")
    add_library_option(parser)
    parser.set_defaults(func=run_search)


def _positive(value: str) -> int:
    number = _integer(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _not_negative(value: str) -> int:
    number = _integer(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def _integer(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None


@library_command
def run_search(args: argparse.Namespace) -> int:
    text = " ".join(args.query)
    if not text.strip() and args.unread:
        text = "*"  # every unread article, newest first
    with open_library(args) as library:
        results = library.search(
            text,
            person=args.person,
            source=args.source,
            date=args.date,
            sort=args.sort,
            limit=args.limit,
            offset=args.offset,
            unread=args.unread,
        )
    if args.json:
        print_json_line(results.to_json())
        return 0 if results.hits else 1
    if results.suggestion:
        stderr.print(f"did you mean: {safe_line(results.suggestion)}", markup=False, style="yellow")
    for note in results.person_notes:
        stderr.print(safe_line(note), markup=False, style="yellow")
    if not results.hits:
        past = f" past the first {results.total}" if results.total else ""
        stderr.print(f"no articles found{past}", markup=False)
        return 1
    found = f"{results.total}" if results.total_exact else f"about {results.total}"
    first = results.offset + 1
    shown = (
        f"{first} to {first + len(results.hits) - 1} shown"
        if results.offset
        else f"{len(results.hits)} shown"
    )
    table = Table(show_lines=True, title=f"{found} found, {shown}")
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("source", max_width=14)
    table.add_column("title", style="bold", max_width=40)
    table.add_column("snippet", ratio=1)
    for hit in results.hits:
        table.add_row(
            hit.id,
            (hit.date or "")[:10],
            safe_line(hit.source),
            Text(safe_line(hit.title), style="dim" if hit.read else ""),
            marked_snippet(hit.snippet),
        )
    stdout.print(table)
    return 0

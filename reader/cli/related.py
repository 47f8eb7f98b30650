"""``news-reader related``: the pieces most like one article."""

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

EPILOG = """\
ARTICLE is an id (as `search` prints it), a prefix of one, a source path, or the
start of a file name ("001" on the seeds); NAME#N picks story N of a digest page.

Pieces are ranked by text similarity, shared people and closeness in time.
--json prints {"article": {...}, "hits": [{"id", "path", "part", "title", "source",
"date", "score", "people", "snippet", "shared_people", "days_apart"}]}."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "related",
        help="articles related to one article",
        description="List the library's articles most related to ARTICLE.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("article", metavar="ARTICLE")
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="at most N pieces (10)")
    add_json_option(parser, "the related pieces")
    add_library_option(parser)
    parser.set_defaults(func=run_related)


def _opening(body: str, chars: int = 200) -> str:
    text = " ".join(body[:chars].split())
    return text + ("…" if len(body) > chars else "")


@library_command
def run_related(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        stored = library.article(args.article)
        related = library.related(stored.id, limit=args.limit)
    if args.json:
        hits = [
            {
                "id": piece.id,
                "path": other.article.path,
                "part": other.article.part,
                "title": other.article.title,
                "source": other.article.source,
                "date": other.article.date,
                "score": round(piece.score, 4),
                "people": other.names("PERSON"),
                "snippet": _opening(other.article.body),
                "shared_people": list(piece.shared_people),
                "days_apart": None if piece.days_apart is None else round(piece.days_apart, 2),
            }
            for piece, other in related
        ]
        article = {"id": stored.id, "path": stored.article.path, "title": stored.article.title}
        print_json_line({"article": article, "hits": hits})
        return 0 if hits else 1
    if not related:
        stderr.print("no related articles", markup=False)
        return 1
    table = Table(title=f"related to: {safe_line(stored.article.title)}")
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("score", justify="right")
    table.add_column("date", no_wrap=True)
    table.add_column("source", max_width=14)
    table.add_column("title", style="bold", ratio=1)
    table.add_column("shared people", max_width=30)
    for piece, other in related:
        table.add_row(
            piece.id,
            f"{piece.score:.2f}",
            (other.article.date or "")[:10],
            safe_line(other.article.source),
            safe_line(other.article.title),
            safe_line(", ".join(piece.shared_people)),
        )
    stdout.print(table)
    return 0

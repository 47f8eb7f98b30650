"""``news-reader stats``: what the library holds."""

from __future__ import annotations

import argparse

from rich.table import Table

from reader.cli.library_options import add_json_option, add_library_option, library_command, open_library
from reader.cli.output import print_json_line, stdout


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="counts and sizes of the library",
        description="Show where the library is and what it holds.",
    )
    add_json_option(parser, "the figures")
    add_library_option(parser)
    parser.set_defaults(func=run_stats)


@library_command
def run_stats(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        stats = library.stats()
    if args.json:
        print_json_line(stats.to_json())
        return 0
    table = Table(show_header=False, box=None)
    table.add_column(style="dim")
    table.add_column()
    rows = [
        ("library", stats.folder),
        ("files", f"{stats.sources:,} ({stats.skipped_sources:,} skipped)"),
        ("articles", f"{stats.articles:,} ({stats.index_documents:,} in the index)"),
        ("people", f"{stats.people:,}"),
        ("organisations", f"{stats.organisations:,}"),
        ("places", f"{stats.places:,}"),
        ("store", f"{stats.store_bytes / 1e6:.1f} MB, generation {stats.generation}"),
        (
            "index",
            f"{stats.index_bytes / 1e6:.1f} MB, generation {stats.index_generation}, {_segments(stats)}",
        ),
    ]
    if stats.stale_articles:
        rows.append(
            ("stale", f"{stats.stale_articles:,} articles from an older cleaner: run `news-reader rebuild`")
        )
    for name, value in rows:
        table.add_row(name, value)
    stdout.print(table)
    return 0


def _segments(stats) -> str:
    text = f"{stats.index_segments} segment{'s' if stats.index_segments != 1 else ''}"
    if stats.merging:
        done, total = stats.merging
        step = "writing the merged segment" if done >= total else f"{done:,} of {total:,} articles read"
        text += f", merging: {step}"
    return text

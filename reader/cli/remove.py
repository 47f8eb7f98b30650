"""``news-reader remove``: take files or folders out of the library."""

from __future__ import annotations

import argparse
import os

from reader.cli.library_options import add_library_option, library_command, open_library, report_highlights
from reader.cli.output import error, stdout


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "remove",
        help="remove files or folders from the library",
        description="Forget the articles of these files, or of every file under these folders "
        "(the files themselves are not touched). A path the library holds nothing from is "
        "named with the reason. Exit status 1 when nothing matched.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    add_library_option(parser)
    parser.set_defaults(func=run_remove)


@library_command
def run_remove(args: argparse.Namespace) -> int:
    with open_library(args, seed=False) as library:
        report = library.remove(args.paths)
        library.merge_in_background()
    for path in report.not_in_library:
        error(f"{path}: {_why_not_in_library(path)}")
    stdout.print(f"removed {report.sources} files, {report.articles} articles", markup=False)
    report_highlights(report.highlights)
    return 0 if report.sources else 1


def _why_not_in_library(path: str) -> str:
    if not os.path.lexists(path):
        return "not in the library, and there is no such file or folder"
    if os.path.isdir(path):
        return "no file under this folder is in the library"
    return "not in the library (never added, or removed already)"

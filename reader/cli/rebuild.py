"""``news-reader rebuild``: rebuild the index (and re-clean what needs it)."""

from __future__ import annotations

import argparse

from reader.cli.add import ProgressReporter, progress_display
from reader.cli.library_options import add_library_option, library_command, open_library, report_highlights
from reader.cli.output import stdout


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rebuild",
        help="rebuild the search index",
        description=(
            "Rebuild the search index from the stored articles. Files cleaned by an older "
            "version of the cleaner or entity finder are cleaned again from their sources "
            "(when they still exist); --from-sources cleans every file again."
        ),
    )
    parser.add_argument("--from-sources", action="store_true", help="clean every source file again")
    add_library_option(parser)
    parser.set_defaults(func=run_rebuild)


@library_command
def run_rebuild(args: argparse.Namespace) -> int:
    with progress_display() as progress, open_library(args, seed=False) as library:
        report = library.rebuild(
            from_sources=args.from_sources, progress=ProgressReporter(progress, "cleaning")
        )
        library.merge_in_background()
    stdout.print(
        f"index rebuilt: {report.articles:,} articles ({report.recleaned_sources} files cleaned again) "
        f"in {report.seconds:.1f} s",
        markup=False,
    )
    report_highlights(report.highlights)
    return 0

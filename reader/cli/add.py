"""``news-reader add``: bring files and folders into the library."""

from __future__ import annotations

import argparse
import os

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from reader.cli.library_options import (
    add_json_option,
    add_library_option,
    library_command,
    open_library,
    report_highlights,
)
from reader.cli.output import error, print_json_line, stderr, stdout, warn
from reader.ingest.sanitize import readable_path
from reader.library import INDEX_CHUNK
from reader.wording import counted

EPILOG = """\
Reads everything 'clean' reads (text and HTML pages, MHTML, Safari web
archives, mail, WARC and WACZ web archives, RSS and Atom feeds, JSON and JSON
Lines, PDF); folders are walked
recursively. Adding is incremental: files whose content is already in the
library are not read again (but those an older cleaner skipped are); changed
files replace their old articles. A second news-reader writing the same library
makes this one wait (--wait seconds, then give up); readers are never blocked.

exit status: 0 every file was added or unchanged; 1 some file was skipped."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "add",
        help="add files and folders to the library",
        description="Clean, find entities in and index files and folders into the library.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument(
        "--workers",
        type=int,
        default=min(2, os.cpu_count() or 1),
        metavar="N",
        help="processes that clean and extract (default: 2 or the number of cores)",
    )
    parser.add_argument(
        "--batch",
        type=int,
        default=INDEX_CHUNK,
        metavar="N",
        help=f"articles per indexing batch; each batch is one index segment and one commit unit ({INDEX_CHUNK})",
    )
    parser.add_argument(
        "--wait", type=float, default=None, metavar="SECONDS", help="how long to wait for another writer (30)"
    )
    add_json_option(parser, "the summary")
    add_library_option(parser)
    parser.set_defaults(func=run_add)


MERGING = (
    "news-reader: merging the index in the background for faster searches (`news-reader stats` shows how far)"
)


def progress_display() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[unit]}{task.fields[articles]} · {task.fields[rate]}/s"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
    )


class ProgressReporter:
    """Feeds the library's progress callback into a Rich progress bar. Adding, the
    bar counts files, the one number known from the start; articles are counted as
    they are found (a file may hold one or thousands) and as they are indexed.
    Rebuilding the index, it counts articles."""

    def __init__(self, progress: Progress, description: str) -> None:
        self.progress = progress
        self.task = progress.add_task(description, total=None, rate="0", unit="files", articles="")

    def __call__(self, state) -> None:
        task = self.progress.tasks[self.task]
        elapsed = task.elapsed or 0.0
        rate = state.articles_done / elapsed if elapsed > 0 else 0.0
        if state.stage == "index":
            done, total, unit, articles = state.articles_done, state.articles_total, "articles indexed", ""
        else:
            done, total, unit = state.files_done, state.files_total, "files"
            articles = f" · {state.articles_total:,} articles found, {state.articles_done:,} indexed"
        self.progress.update(
            self.task,
            description="indexing" if state.stage == "index" else task.description,
            completed=done,
            total=total or None,
            rate=f"{rate:,.0f} articles",
            unit=unit,
            articles=articles,
        )


@library_command
def run_add(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not os.path.exists(p)]
    for path in missing:
        error(f"no such file or folder: {readable_path(path)}")
    paths = [p for p in args.paths if os.path.exists(p)]
    # No seeds for a library whose first use is an add: it opens on what was added.
    with progress_display() as progress, open_library(args, seed=False, lock_timeout=args.wait) as library:
        report = library.add(
            paths,
            workers=max(1, args.workers),
            progress=ProgressReporter(progress, "adding"),
            batch_size=max(1, args.batch),
        )
        merging = library.merge_in_background()
    if args.json:
        data = report.to_json()
        data["missing"] = [readable_path(path) for path in missing]
        print_json_line(data)
    else:
        print_summary(report)
        report_highlights(report.highlights)
        if merging:
            stderr.print(MERGING, markup=False, style="dim")
    return 1 if (report.skipped or missing) else 0


def print_summary(report) -> None:
    rate = report.articles / report.seconds if report.seconds > 0 else 0.0
    stdout.print(
        f"added {counted(len(report.added), 'file')}, replaced {len(report.replaced)}, "
        f"unchanged {len(report.unchanged)}, skipped {len(report.skipped)}: "
        f"{counted(report.articles, 'article')} in {report.seconds:.1f} s ({rate:,.0f}/s)",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    # warn() prints each on one line, never wrapped: piped into grep or a log, a
    # reason stays on the line of its file.
    for path, reason in report.skipped:
        warn(f"skipped {readable_path(path)}: {reason}")
    for path, problem in report.problems[:20]:
        warn(f"{readable_path(path)}: {problem}")
    if len(report.problems) > 20:
        warn(f"… and {len(report.problems) - 20} more problems")

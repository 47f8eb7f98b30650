"""``news-reader story``: one story's articles, timeline, shared and unique passages."""

from __future__ import annotations

import argparse

from rich.table import Table
from rich.text import Text

from reader.cli.library_options import (
    add_json_option,
    add_library_option,
    library_command,
    open_library,
    safe_line,
)
from reader.cli.output import print_json_line, stdout
from reader.cli.stories import date_range
from reader.wording import counted

STORY_EPILOG = """\
STORY is a story id (as `stories` prints it, a prefix works) or any article of it
(an id, a file-name prefix such as "001", NAME#N for story N of a digest page).

--json prints {"story": {...as in stories}, "articles": [{"id", "title", "outlet",
"date", "path", "part", "copies"}], "timeline": {"outlets", "columns", "marks":
[{"article", "row", "column"}]}, "shared": [{"article", "start", "end", "text",
"outlets", "quote"}], "by_outlet": [{"outlet", "article", "own": [{"start", "end",
"text", "quote"}], "own_people"}]}.

exit status: 0 shown; 1 no such story."""


def register(subparsers: argparse._SubParsersAction) -> None:
    one = subparsers.add_parser(
        "story",
        help="one story: its articles, timeline, shared and unique passages",
        description="Show one story: its articles by outlet and date, what the outlets share, what only one has.",
        epilog=STORY_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    one.add_argument("story", metavar="STORY")
    add_json_option(one, "the story")
    add_library_option(one)
    one.set_defaults(func=run_story)


@library_command
def run_story(args: argparse.Namespace) -> int:
    from reader.library import outlet_of, timeline_layout

    with open_library(args) as library:
        story = library.story(args.story)
        covered = library.story_coverage(story)
    timeline = timeline_layout([(a.id, outlet_of(a), a.article.date) for a in story.articles])
    if args.json:
        summary = story.summary()
        print_json_line(
            {
                "story": summary.to_json(),
                "articles": [
                    {
                        "id": a.id,
                        "title": a.article.title,
                        "outlet": outlet_of(a),
                        "date": a.article.date,
                        "path": a.article.path,
                        "part": a.article.part,
                        "copies": story.copies_of(a.id),
                    }
                    for a in story.articles
                ],
                "timeline": {
                    "outlets": list(timeline.outlets),
                    "columns": list(timeline.columns),
                    "marks": [
                        {"article": m.article_id, "row": m.row, "column": m.column} for m in timeline.marks
                    ],
                },
                "shared": [
                    {
                        "article": p.article_id,
                        "start": p.start,
                        "end": p.end,
                        "text": p.text,
                        "outlets": list(p.outlets),
                        "quote": p.quote,
                    }
                    for p in covered.shared
                ],
                "by_outlet": [
                    {
                        "outlet": o.outlet,
                        "article": o.article_id,
                        "own": [
                            {"start": p.start, "end": p.end, "text": p.text, "quote": p.quote} for p in o.own
                        ],
                        "own_people": o.own_people,
                    }
                    for o in covered.by_outlet
                ],
            }
        )
        return 0
    summary = story.summary()
    stdout.print(Text(safe_line(story.title), style="bold"))
    stdout.print(
        Text(
            f"{story.id} · {date_range(summary.first_date, summary.last_date)} · "
            f"{counted(summary.articles, 'article')} · "
            f"{counted(len(summary.outlets), 'outlet')}",
            style="dim",
        )
    )
    people = ", ".join(f"{safe_line(n)} ({c})" for n, c in story.names("PERSON")[:8])
    if people:
        stdout.print(Text("people: " + people))
    table = Table(box=None, padding=(0, 1))
    table.add_column("date", no_wrap=True)
    table.add_column("outlet", max_width=20)
    table.add_column("title", ratio=1)
    table.add_column("id", style="dim", no_wrap=True)
    for stored in story.articles:
        copies = story.copies_of(stored.id)
        title = safe_line(stored.article.title) + (f" (copy of {', '.join(copies)})" if copies else "")
        table.add_row((stored.article.date or "undated")[:10], safe_line(outlet_of(stored)), title, stored.id)
    stdout.print(table)
    stdout.print(Text("\ntimeline", style="bold"))
    for line in _timeline_lines(timeline):
        stdout.print(Text(line))
    every = covered.shared_by_all() if covered.outlets > 1 else []
    if covered.shared:
        title = "shared by every outlet" if every else "shared by other outlets"
        stdout.print(Text(f"\n{title}", style="bold"))
        for passage in every or covered.shared[:8]:
            mark = "quote" if passage.quote else f"{len(passage.outlets) + 1} outlets"
            stdout.print(Text(f"- [{mark}] {safe_line(passage.text)}"))
    for outlet in covered.by_outlet:
        if not (outlet.own or outlet.own_people):
            continue
        stdout.print(Text(f"\nonly {safe_line(outlet.outlet)}", style="bold"))
        if outlet.own_people:
            stdout.print(Text("people: " + ", ".join(safe_line(p) for p in outlet.own_people)))
        for passage in outlet.own:
            stdout.print(Text(f"- {'[quote] ' if passage.quote else ''}{safe_line(passage.text)}"))
    return 0


def _timeline_lines(timeline) -> list[str]:
    width = max((len(c) for c in timeline.columns), default=1)
    label = max((len(o) for o in timeline.outlets), default=1)
    label = min(label, 24)
    lines = [" " * label + " │ " + " ".join(c.ljust(width) for c in timeline.columns)]
    for row, outlet in enumerate(timeline.outlets):
        cells = []
        for column in range(len(timeline.columns)):
            count = sum(1 for m in timeline.marks if m.row == row and m.column == column)
            cells.append(("●" * min(count, width) if count else "·").ljust(width))
        lines.append(safe_line(outlet)[:label].ljust(label) + " │ " + " ".join(cells))
    return lines

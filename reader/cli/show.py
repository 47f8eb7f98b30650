"""``news-reader show``: one cleaned article with its entities marked."""

from __future__ import annotations

import argparse

from rich.text import Text

from reader.cli.library_options import (
    add_json_option,
    add_library_option,
    library_command,
    open_library,
    safe_line,
)
from reader.cli.output import print_json_line, stdout
from reader.ingest.sanitize import terminal_safe
from reader.paths import seed_name

ENTITY_STYLES = {"PERSON": "bold cyan", "ORG": "bold magenta", "PLACE": "bold green"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "show",
        help="print one article with its people, organisations and places marked",
        description=(
            "Print the cleaned text of ARTICLE (an id, a prefix of one, a source path or "
            "the start of a file name; NAME#N for story N of a digest) with entities marked. "
            'With --json: {"id", "path", "part", "title", "date", "source", "dateline", "url", '
            '"body", "entities": [{"start", "end", "label", "name", "text"}]}.'
        ),
    )
    parser.add_argument("article", metavar="ARTICLE")
    add_json_option(parser, "the article and its entities")
    add_library_option(parser)
    parser.set_defaults(func=run_show)


@library_command
def run_show(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        stored = library.article(args.article)
    article = stored.article
    if args.json:
        data = {"id": stored.id, **article.to_json()}
        data["entities"] = [
            {"start": s.start, "end": s.end, "label": s.label, "name": s.name, "text": s.text}
            for s in stored.entities
        ]
        print_json_line(data)
        return 0
    stdout.print(Text(safe_line(article.title), style="bold underline"))
    seed = seed_name(article.path)
    where = f"sample page {seed}" if seed else article.path
    facts = [article.date, article.source, article.dateline, where, f"id {stored.id}"]
    stdout.print(Text(" · ".join(safe_line(f) for f in facts if f), style="dim"))
    stdout.print()
    stdout.print(marked_body(article.body, stored.entities))
    legend = Text("\n")
    for label, style in ENTITY_STYLES.items():
        legend.append(f" {label.lower()} ", style=style)
    stdout.print(legend)
    return 0


def marked_body(body: str, entities) -> Text:
    """The body with each entity mention styled by its label. Offsets index the
    stored body, so the text is made safe piece by piece, never shifted as a whole."""
    text = Text()
    cursor = 0
    for span in sorted(entities, key=lambda s: (s.start, -s.end)):
        if span.start < cursor or span.end > len(body):
            continue  # overlapping or stale mention: show the text plainly
        text.append(terminal_safe(body[cursor : span.start]))
        text.append(terminal_safe(body[span.start : span.end]), style=ENTITY_STYLES.get(span.label, "bold"))
        cursor = span.end
    text.append(terminal_safe(body[cursor:]))
    return text

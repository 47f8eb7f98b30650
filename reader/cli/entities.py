"""``news-reader entities``: the people, organisations and places named in files."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.table import Table
from rich.text import Text

from reader.cli.output import error, print_json_line, stderr, stdout
from reader.ingest.sanitize import terminal_safe

EPILOG = """\
examples:
  news-reader entities seeds/                  everyone named in the sample pages
  news-reader entities --label PERSON page.txt people only
  news-reader entities --json news.jsonl | jq '.entities[0]'

Cleans the files as `news-reader clean` does, finds the names in each article's
title and body, and gives each person one name across all the files read:
"Putin", "Mr. Putin" and "President Vladimir V. Putin" count as "Vladimir Putin";
a lone surname joins the one full name it fits.

The table lists each entity with its label, how often it is mentioned and in how
many articles, most mentioned first. --json prints one object:
  {"entities": [{"name", "label", "count", "forms": [...],
                 "articles": [{"path", "part", "title"}, ...]}, ...]}
where "forms" are the ways the texts wrote the name and "part" numbers the
articles of a file from 0.

exit status: 0 every file was read; 1 some file was skipped, or no article was
found; 2 usage error."""

LABEL_STYLES = {"PERSON": "bold", "ORG": "italic", "PLACE": ""}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "entities",
        help="list the people, organisations and places named in files",
        description="List the people, organisations and places named in cleaned articles.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    parser.add_argument("--json", action="store_true", help="print one JSON object (see below)")
    parser.add_argument(
        "--label", choices=("PERSON", "ORG", "PLACE"), action="append", help="only this label (repeatable)"
    )
    parser.add_argument("--top", type=int, default=0, metavar="N", help="only the N most mentioned")
    parser.set_defaults(
        func=lambda args: run_entities(args.paths, as_json=args.json, labels=args.label, top=args.top)
    )


@dataclass
class EntitySummary:
    name: str
    label: str
    count: int = 0
    forms: set[str] = field(default_factory=set)
    articles: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "label": self.label,
            "count": self.count,
            "forms": sorted(self.forms),
            "articles": self.articles,
        }


def run_entities(
    paths: Sequence[str], as_json: bool, labels: Sequence[str] | None = None, top: int = 0
) -> int:
    from reader.entities import extract_article, resolve_library
    from reader.ingest.files import clean_paths

    articles = []
    per_article = []
    files_seen = files_skipped = 0
    for outcome in clean_paths(paths):
        files_seen += 1
        if outcome.skipped is not None:
            shown = terminal_safe(outcome.path, one_line=True)
            error(f"skipped {shown}: {terminal_safe(outcome.skipped, one_line=True)}")
            files_skipped += 1
            continue
        for article in outcome.articles:
            articles.append(article)
            in_title, in_body = extract_article(article.title, article.body)
            per_article.append(in_title + in_body)
    if not articles:
        error("no input files found" if files_seen == 0 else "no article found")
        return 1
    resolved = resolve_library(per_article)
    summaries = summarise(articles, resolved, labels)
    if top > 0:
        summaries = summaries[:top]
    if as_json:
        print_json_line({"entities": [s.to_json() for s in summaries]})
    else:
        print_table(summaries, len(articles))
    return 0 if files_skipped == 0 else 1


def summarise(articles, per_article_mentions, labels: Sequence[str] | None = None) -> list[EntitySummary]:
    """Entities across articles, most mentioned first (then by label and name)."""
    table: dict[tuple[str, str], EntitySummary] = {}
    for article, mentions in zip(articles, per_article_mentions):
        seen_here: set[tuple[str, str]] = set()
        for mention in mentions:
            if labels and mention.label not in labels:
                continue
            key = (mention.name, mention.label)
            summary = table.get(key)
            if summary is None:
                summary = table[key] = EntitySummary(mention.name, mention.label)
            summary.count += 1
            summary.forms.add(mention.text)
            if key not in seen_here:
                seen_here.add(key)
                summary.articles.append({"path": article.path, "part": article.part, "title": article.title})
    return sorted(table.values(), key=lambda s: (-s.count, s.label, s.name))


def print_table(summaries: list[EntitySummary], article_count: int) -> None:
    table = Table(title=f"Entities in {article_count} article{'s' if article_count != 1 else ''}")
    table.add_column("Name")
    table.add_column("Label")
    table.add_column("Mentions", justify="right")
    table.add_column("Articles", justify="right")
    table.add_column("Written as")
    for summary in summaries:
        forms = sorted(summary.forms - {summary.name})
        table.add_row(
            Text(terminal_safe(summary.name, one_line=True), style=LABEL_STYLES[summary.label]),
            summary.label,
            str(summary.count),
            str(len(summary.articles)),
            Text(terminal_safe(", ".join(forms[:4]) + (" ..." if len(forms) > 4 else ""), one_line=True)),
        )
    stdout.print(table)
    if not summaries:
        stderr.print(Text("no entities found", style="dim"))

"""``news-reader quotes PERSON``: what a person said across the library."""

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
from reader.cli.output import print_json_line, stderr, stdout

EPILOG = """\
examples:
  news-reader quotes lavrov
  news-reader quotes lavrov --query ceasefire --since 2016-02-01
  news-reader quotes "Josh Earnest" --source albawaba --partial
  news-reader quotes putin --json | jq -r '.quotes[].text'

PERSON is any name or alias the library knows (putin, "Mr. Putin", "Vladimir V.
Putin"); a name several people share means the most mentioned, and the others are
named. Quotes come newest first, each with outlet, date and article id (for `show`
and `highlights add`). The same quote in several articles is shown once, "also
quoted by" the others; where another outlet's words differ, its version follows
with the words it dropped as [-…-] and those it added as {+…+}.

Only statements are listed: fragments and scare quotes ("backfire") come with
--partial. A query field finds articles where someone is quoted: `news-reader
search 'said:lavrov ceasefire'`.

--json prints {"person": NAME, "quotes": [{"text", "article", "title", "source",
"date", "start", "end", "partial", "speaker", "how", "group"}]}: start and end are
offsets into the article body, "group" numbers the quote (the same number: the same
quote in several articles), "how" says how the speaker was found (named, pronoun,
continued).

exit status: 0 quotes found; 1 none (or no such person); 2 bad date."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "quotes",
        help="what a person said, across the library",
        description="List a person's quotes across the library, newest first.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("person", metavar="PERSON", help="a person's name or alias")
    parser.add_argument("--since", metavar="DATE", help="only from articles of DATE or later")
    parser.add_argument("--source", metavar="S", help="only from this outlet or agency")
    parser.add_argument("--query", metavar="WORDS", help="only quotes holding these words")
    parser.add_argument("--partial", action="store_true", help="fragments and scare quotes too")
    add_json_option(parser, "the quotes")
    add_library_option(parser)
    parser.set_defaults(func=run_quotes)


@library_command
def run_quotes(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        found = library.quotes_of(
            args.person, since=args.since, source=args.source, words=args.query, partial=args.partial
        )
    if args.json:
        print_json_line(found.to_json())
        return 0 if found.groups else 1
    if not found.found:
        stderr.print(Text(f"no person called {safe_line(args.person)!r} in the library"))
        return 1
    if found.others:
        shown = ", ".join(safe_line(name) for name in found.others[:5])
        stderr.print(Text(f"{safe_line(args.person)}: {safe_line(found.person)}; also {shown}", style="dim"))
    count = len(found.quotes)
    if not count:
        filtered = args.since or args.source or args.query or not args.partial
        what = "match" if filtered else "in the library"
        stderr.print(Text(f"no quotes of {safe_line(found.person)} {what}"))
        return 1
    heading = Text(safe_line(found.person), style="bold")
    heading.append(f" · {count} quote{'s' if count != 1 else ''}, {len(found.groups)} different", style="dim")
    stdout.print(heading)
    for group in found.groups:
        stdout.print()
        stdout.print(quote_text(group.hit.text, group.hit.partial))
        stdout.print(Text("  " + facts(group.hit), style="dim"))
        outlets = group.outlets()
        if outlets:
            stdout.print(Text("  also quoted by " + ", ".join(safe_line(o) for o in outlets), style="dim"))
        for other in group.also:
            if other.changes:
                line = Text("  ")
                line.append(f"{safe_line(other.hit.source) or 'another article'}: ", style="dim")
                line.append_text(changes_text(other.changes))
                stdout.print(line)
    return 0


def quote_text(text: str, partial: bool) -> Text:
    shown = Text(f"“{safe_line(text)}”", style="italic")
    if partial:
        shown.append("  (fragment)", style="dim")
    return shown


def facts(hit) -> str:
    parts = [hit.source, (hit.date or "")[:10], hit.article, hit.title]
    return safe_line(" · ".join(p for p in parts if p))


def changes_text(changes) -> Text:
    """Another outlet's version: dropped words as [-…-], added ones as {+…+}."""
    text = Text()
    for change in changes:
        piece = safe_line(change.text)
        if change.kind == "removed":
            text.append(f"[-{piece}-]", style="red strike")
        elif change.kind == "added":
            text.append(f"{{+{piece}+}}", style="green bold")
        else:
            text.append(piece)
    return text

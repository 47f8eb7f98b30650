"""``news-reader clean``: print the cleaned articles of files and folders."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from rich.text import Text

from reader.cli.output import print_json_line, stderr, stdout, warn
from reader.ingest.sanitize import readable_path, terminal_safe
from reader.model import Article
from reader.wording import counted

EPILOG = """\
examples:
  news-reader clean seeds/                 every page in a folder, recursively
  news-reader clean page.txt saved.html    single files (text, HTML)
  news-reader clean crawl.warc.gz feed.xml report.pdf
  news-reader clean --json news.jsonl.gz | jq .title

Reads scraped text pages, saved HTML pages, MHTML, Safari web archives
(.webarchive), mail (.eml, mbox: newsletters, alerts), web archives (WARC,
WARC.gz, WACZ), RSS and Atom feeds, JSON and JSON Lines of articles
(news-please, trafilatura, newspaper keys; optionally gzip-compressed) and PDF
with a text layer; the format is told by the content, not the name. Hidden files and files that are obviously not pages (images, audio...)
are passed over when walking a folder; documents (Word, RTF...) are reported. Each
file or part of one that cannot be used is reported on stderr as
"news-reader: skipped PATH: REASON".

--json prints one object per article per line:
  {"path", "part", "lines", "title", "date", "source", "dateline", "url",
   "author", "language", "summary", "body"}
with the body's paragraphs separated by blank lines ("\\n\\n"); "date" is ISO 8601
("2016-07-15" or "2016-07-15T19:45"), "language" an ISO 639-1 code ("fr");
"summary" is true for a feed item that gave only a summary, not the story; fields
the page does not give are null.

exit status: 0 every file was cleaned; 1 some file or line was skipped, or no
input file was found; 2 usage error."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "clean",
        help="print the cleaned articles of pages, folders and JSON Lines files",
        description=(
            "Clean scraped news pages down to their articles and print them: "
            "title, date, author, source, dateline, language and body."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to clean")
    parser.add_argument("--json", action="store_true", help="print one JSON object per article per line")
    parser.set_defaults(func=lambda args: run_clean(args.paths, as_json=args.json))


def run_clean(paths: Sequence[str], as_json: bool) -> int:
    """Clean ``paths`` and print the articles; the exit code (0 all clean, 1 otherwise).
    Articles are printed as they are read: a file of any size is never held whole."""
    # Imported here: trafilatura and lxml take a while to load and other commands
    # (and --help) do not need them.
    from reader.ingest.errors import SkippedFile
    from reader.ingest.files import iter_input_files, read_articles

    articles = files_cleaned = files_skipped = bad_parts = 0
    for path in iter_input_files(paths):
        shown_path = terminal_safe(readable_path(path), one_line=True)

        def report(problem: str, shown_path: str = shown_path) -> None:
            nonlocal bad_parts
            warn(f"skipped {shown_path}: {problem}")
            bad_parts += 1

        try:
            for article in read_articles(path, report):
                articles += 1
                if as_json:
                    print_json_line(article_json(article))
                else:
                    print_article(article)
        except SkippedFile as skip:
            warn(f"skipped {shown_path}: {skip.reason}")
            files_skipped += 1
            continue
        files_cleaned += 1
    if files_cleaned + files_skipped == 0:
        warn("no input files found")
        return 1
    if not as_json:
        stderr.print(
            Text(_summary(articles, files_cleaned, files_skipped, bad_parts), style="dim"), soft_wrap=True
        )
    return 0 if files_skipped == 0 and bad_parts == 0 else 1


def article_json(article: Article) -> dict:
    """The --json record of an article: every text passed through terminal_safe."""
    return {
        "path": terminal_safe(readable_path(article.path), one_line=True),
        "part": article.part,
        "lines": list(article.lines) if article.lines else None,
        "title": terminal_safe(article.title, one_line=True),
        "date": article.date,
        "source": _safe_field(article.source),
        "dateline": _safe_field(article.dateline),
        "url": _safe_field(article.url),
        "author": _safe_field(article.author),
        "language": _safe_field(article.language),
        "summary": article.summary,
        "body": terminal_safe(article.body),
    }


def print_article(article: Article) -> None:
    """An article for reading: title, a line of metadata, where it came from, body."""
    # One Text and one print per article: Rich's cost is per call.
    text = Text()
    text.append(terminal_safe(article.title, one_line=True) or "(untitled)", style="bold")
    details = [article.date, article.author, article.source, article.dateline, article.language]
    if article.summary:
        details.append("summary only (the feed gave no full text)")
    facts = " · ".join(terminal_safe(item, one_line=True) for item in details if item)
    if facts:
        text.append("\n" + facts, style="cyan")
    text.append("\n" + _origin(article), style="dim")
    text.append("\n\n" + terminal_safe(article.body) + "\n")
    # Lines as they are: a path or URL broken at the terminal's width cannot be
    # copied, and a pipe gets the text unwrapped.
    stdout.print(text, soft_wrap=True)


def _origin(article: Article) -> str:
    where = terminal_safe(readable_path(article.path), one_line=True)
    if article.lines:
        first, last = article.lines
        where += f":{first}" if first == last else f":{first}-{last}"
    if article.url:
        where += f"  {terminal_safe(article.url, one_line=True)}"
    return where


def _safe_field(value: str | None) -> str | None:
    return terminal_safe(value, one_line=True) if value else None


def _summary(articles: int, cleaned: int, skipped: int, bad_parts: int) -> str:
    summary = f"{counted(articles, 'article')} from {counted(cleaned, 'file')}, {skipped} skipped"
    if bad_parts:
        summary += f", {counted(bad_parts, 'bad line')}"
    return summary

"""How fast the input side runs, on the shared corpus, on real pages and on huge pages.

    python benchmarks/clean_bench.py [--corpus PATH] [--html-sample N] [--only corpus|pages-dev|huge]

Prints:
- pages-dev: the text cleaner on the 84 real pages of ../shared/pages-dev/text
  (pages/s of wall and CPU time, best of three rounds, with the load average);
- huge pages: a page of 1, 5, 10 and 20 MB cleaned in a fresh process each, with
  CPU time, seconds per MB (linear: the same for every size) and peak memory, for
  three shapes: unique prose paragraphs (the story splitter's worst case), the
  seed pages over and over (menus, comments, lists), and one 20 MB line;
- JSON Lines load rate (articles/s) for the whole corpus file;
- text cleaner rate (pages/s): each corpus article rendered as a scraped text page
  (site name and navigation, section and time line, title, body, share line, a
  "latest news" list of other headlines, copyright), timed through clean_text_page;
- HTML rate (pages/s) on a sample, each article rendered in one of two page
  templates (cookie banner, navigation, aside with related links, comments with a
  form, footer), timed through clean_html_page;
- sanitizer time on 2 MB of hostile escape fragments (must stay linear);
- for both, word-level precision/recall/F1 of the cleaned bodies against the
  corpus bodies (micro-averaged), so a speed-up that loses text shows up here.
Target: >= 1,000 text pages/s. Rates per second of CPU time are printed too: on a
busy machine they say more than the wall-clock ones.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.ingest.boilerplate import forget_lines
from reader.ingest.errors import SkippedFile
from reader.ingest.html_page import clean_html_page
from reader.ingest.jsonl import load_jsonl
from reader.ingest.sanitize import clean_control_chars
from reader.ingest.text_page import clean_text_page
from reader.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from shared_data import CORPUS, PAGES_DEV

REPO = Path(__file__).resolve().parents[1]

SITES = ("Daily Courier", "Arab Today", "Eurasia Press", "The Coastal Herald", "Metro Wire")
SECTIONS = ("Politics", "World", "Business", "Economy", "Sport", "Culture")


def page_date(article: Article, rng: random.Random) -> tuple[str, str]:
    """(time, date) as sites print them, from the article's date or an invented one."""
    if article.date and len(article.date) >= 10:
        year, month, day = article.date[:4], article.date[5:7], article.date[8:10]
    else:
        year, month, day = "2005", f"{rng.randint(1, 12):02d}", f"{rng.randint(1, 28):02d}"
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", f"{day}.{month}.{year}"


def text_page(article: Article, others: list[Article], rng: random.Random) -> str:
    site = rng.choice(SITES)
    clock, day = page_date(article, rng)
    lines = [
        f"{article.title} - {site}",
        "Home | World | Business | Sport | Culture | Contact",
        "",
        f"{rng.choice(SECTIONS)} {clock} {day}",
        "",
        article.title,
        "",
    ]
    for paragraph in article.paragraphs:
        lines += [paragraph, ""]
    lines += ["Share this article: Facebook Twitter Email", "", "Latest news", ""]
    for other in rng.sample(others, 6):
        lines += [other.title, f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} {day}"]
    lines += ["", f"\u00a9 {day[-4:]} {site}. All rights reserved."]
    return "\n".join(lines)


def html_page(article: Article, others: list[Article], rng: random.Random) -> str:
    site = html.escape(rng.choice(SITES))
    title = html.escape(article.title)
    date = article.date[:10] if article.date else "2005-03-01"
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
    related = "".join(
        f'<li><a href="/n/{i}">{html.escape(o.title)}</a></li>' for i, o in enumerate(rng.sample(others, 5))
    )
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in SECTIONS)
    head = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title} | {site}</title>"
        f"<meta property='og:site_name' content='{site}'>"
        f"<meta property='article:published_time' content='{date}'></head><body>"
        "<div class='cookie-banner'><p>We use cookies to give you the best experience. "
        "<button>Accept</button></p></div>"
        f"<header><a class='logo' href='/'>{site}</a><nav><ul>{nav}</ul></nav></header>"
    )
    if rng.random() < 0.5:
        main = (
            f"<main><article><h1>{title}</h1><p class='byline'>By Staff Reporter, {date}</p>"
            f"<div class='article-body'>{body}</div>"
            "<div class='share'>Share: <a href='#'>Facebook</a> <a href='#'>Twitter</a></div></article>"
            f"<aside><h2>Related stories</h2><ul>{related}</ul></aside>"
            "<section class='comments'><h2>Comments</h2><div class='comment'><p>Great article, thanks!</p></div>"
            "<form><textarea></textarea><button>Post comment</button></form></section></main>"
        )
    else:
        main = (
            f"<div id='wrap'><div class='content'><h1>{title}</h1><div class='date'>{date}</div>"
            f"<div class='text'>{body}<div class='promo'>Sign up for our daily newsletter.</div></div></div>"
            f"<div class='sidebar'><h3>Most read</h3><ol>{related}</ol><div class='ad'>Advertisement</div></div></div>"
        )
    footer = f"<footer><p>&copy; {site}. All rights reserved.</p><a href='/privacy'>Privacy</a></footer>"
    return head + main + footer + "</body></html>"


def trafilatura_alone(page: str, path: str) -> list[Article]:
    """trafilatura's own extraction with its defaults, for reference."""
    text = trafilatura.extract(page)
    return [Article(path=path, title="", body=text)] if text else []


def word_overlap(predicted: str, gold: str) -> tuple[int, int, int]:
    got, want = Counter(predicted.split()), Counter(gold.split())
    return sum((got & want).values()), sum(got.values()), sum(want.values())


def run_cleaner(
    name: str,
    pages: list[tuple[str, Article]],
    clean: Callable[[str, str], list[Article]],
) -> None:
    overlap = predicted = gold = empty = 0
    clean(pages[0][0], "warm-up")  # first calls build caches and compile patterns
    start, cpu_start = time.perf_counter(), time.process_time()
    results = []
    for index, (page, _) in enumerate(pages):
        try:
            results.append(clean(page, f"page{index}"))
        except SkippedFile:
            results.append([])
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    for articles, (_, original) in zip(results, pages):
        if not articles:
            empty += 1
        o, p, g = word_overlap(" ".join(a.body for a in articles), original.body)
        overlap, predicted, gold = overlap + o, predicted + p, gold + g
    precision = overlap / predicted if predicted else 0.0
    recall = overlap / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{name:26s} {len(pages):6,d} pages {elapsed:6.2f} s {len(pages) / elapsed:7,.0f} pages/s"
        f" ({len(pages) / cpu:,.0f}/s of CPU time)"
        f"   body words P {precision:.3f} R {recall:.3f} F1 {f1:.3f}   no article: {empty}"
    )


# --- real pages and huge pages --------------------------------------------------------


def pages_dev_speed(rounds: int = 3) -> None:
    """The text cleaner on the real pages of pages-dev, in this process."""
    folder = PAGES_DEV / "text"
    if not folder.is_dir():
        print(f"pages-dev: not found at {folder}")
        return
    pages = [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.txt"))]
    clean_text_page(pages[0][1], "warm-up")
    load = os.getloadavg()[0]
    best_wall = best_cpu = float("inf")
    for _ in range(rounds):
        forget_lines()  # each round cleans the pages afresh, as a first run would
        start, cpu_start = time.perf_counter(), time.process_time()
        for name, text in pages:
            clean_text_page(text, name)
        best_wall = min(best_wall, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu_start)
    print(
        f"{'pages-dev text':26s} {len(pages):6,d} pages {best_wall:6.2f} s {len(pages) / best_wall:7,.0f} pages/s"
        f" ({len(pages) / best_cpu:,.0f}/s of CPU time, {1000 * best_cpu / len(pages):.1f} ms a page)"
        f"   load average {load:.1f} before, {os.getloadavg()[0]:.1f} after"
    )


HUGE_SIZES_MB = (1, 5, 10, 20)
HUGE_SHAPES = ("prose", "pages", "one line")


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted((REPO / "seeds").glob("*.txt"))]


def huge_page(shape: str, size: int) -> str:
    """A page of ``size`` characters built from the seeds, deterministically."""
    seeds = seed_texts()
    if shape == "prose":
        # every paragraph different (two or three seed sentences), one per line: nothing
        # repeats, nothing is furniture, and the story splitter reads it all
        sentences = sorted(
            {
                s
                for text in seeds
                for line in text.split("\n")
                for s in SENTENCE.split(line.strip())
                if len(s.split()) >= 8
            }
        )
        rng = random.Random(size)
        lines: list[str] = []
        total = 0
        while total < size:
            line = " ".join(rng.sample(sentences, rng.choice((2, 3))))
            lines.append(line)
            total += len(line) + 1
        return "\n".join(lines)[:size]
    page = "\n".join(seeds)
    page = (page * (size // len(page) + 1))[:size]
    return page.replace("\n", " ") if shape == "one line" else page


SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def clean_one_huge_page(shape: str, megabytes: float) -> None:
    """Run in a fresh process: build one huge page, clean it, print the figures."""
    page = huge_page(shape, int(megabytes * 1_000_000))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu_start = time.perf_counter(), time.process_time()
    articles = clean_text_page(page, "huge.txt")
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    print(f"{cpu:.3f} {wall:.3f} {peak / 1024:.0f} {before / 1024:.0f} {len(articles)}")


def huge_pages() -> None:
    """Each size in a fresh process, so that peak memory is that page's."""
    print(f"huge pages (load average {os.getloadavg()[0]:.1f}): CPU s, s/MB, peak memory of the process")
    for shape in HUGE_SHAPES:
        for megabytes in HUGE_SIZES_MB:
            run = subprocess.run(
                [sys.executable, __file__, "--one-huge-page", shape, str(megabytes)],
                capture_output=True,
                text=True,
                check=False,
            )
            if run.returncode:
                print(f"  {shape:9s} {megabytes:3d} MB  failed: {run.stderr.strip().splitlines()[-1:]}")
                continue
            cpu, wall, peak, before, count = run.stdout.split()
            print(
                f"  {shape:9s} {megabytes:3d} MB  {float(cpu):6.2f} s CPU ({float(wall):6.2f} s wall)"
                f"  {float(cpu) / megabytes:5.2f} s/MB  peak {peak:>4s} MB (page built: {before} MB)"
                f"  {count} article(s)"
            )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="text pages to time (0: whole corpus)")
    parser.add_argument("--html-sample", type=int, default=500)
    parser.add_argument("--only", choices=("corpus", "pages-dev", "huge"), help="run one part only")
    parser.add_argument("--one-huge-page", nargs=2, metavar=("SHAPE", "MB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_huge_page:
        clean_one_huge_page(args.one_huge_page[0], float(args.one_huge_page[1]))
        return 0
    if args.only in (None, "pages-dev"):
        pages_dev_speed()
    if args.only in (None, "huge"):
        huge_pages()
    if args.only not in (None, "corpus"):
        return 0

    start = time.perf_counter()
    articles = load_jsonl(args.corpus)
    elapsed = time.perf_counter() - start
    rate = len(articles) / elapsed
    print(f"{'jsonl load':26s} {len(articles):6,d} lines {elapsed:6.2f} s {rate:7,.0f} articles/s")

    # Hostile input must stay linear: stray 8-bit string introducers, unterminated OSC.
    for label, hostile in (("stray C1", "abcdefghi\x9d" * 200_000), ("open OSC", "abcdefghi\x1b]" * 200_000)):
        start = time.perf_counter()
        clean_control_chars(hostile)
        elapsed = time.perf_counter() - start
        print(f"{'sanitize ' + label:26s} {len(hostile) / 1e6:6.1f} MB  {elapsed:6.2f} s")

    rng = random.Random(1987)
    chosen = articles[: args.limit] if args.limit else articles
    text_pages = [(text_page(a, articles, rng), a) for a in chosen]
    run_cleaner("text pages", text_pages, clean_text_page)

    sample = rng.sample(articles, min(args.html_sample, len(articles)))
    html_pages = [(html_page(a, articles, rng), a) for a in sample]
    run_cleaner("html pages", html_pages, clean_html_page)
    run_cleaner("html: trafilatura alone", html_pages, trafilatura_alone)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Exact expectations for the five sample pages, and token F1 against hand-made gold bodies.

The gold bodies in tests/data/seed_gold/NNN.txt hold, one paragraph per line, what a
careful reader keeps of each page: the article paragraphs and crossheads, without
the headline, captions, credits, "Source:" lines, comment forms, headline lists,
footers and cookie banners. For the digest page (003) it is all story bodies in order.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest
from token_scoring import token_f1

from reader.ingest.stories import story_title
from reader.ingest.text_page import clean_text_page
from reader.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "data" / "seed_gold"


def seed_path(number: str) -> Path:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path


def clean_seed(number: str) -> list[Article]:
    path = seed_path(number)
    return clean_text_page(path.read_text(encoding="utf-8"), str(path))


def gold_paragraphs(number: str) -> list[str]:
    return (GOLD / f"{number}.txt").read_text(encoding="utf-8").strip().split("\n")


def whole_body(articles: list[Article]) -> str:
    return "\n\n".join(article.body for article in articles)


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_body_matches_gold(number: str) -> None:
    articles = clean_seed(number)
    gold = "\n\n".join(gold_paragraphs(number))
    assert token_f1(whole_body(articles), gold) >= 0.97


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_every_paragraph_is_an_input_line(number: str) -> None:
    lines = {" ".join(line.split()) for line in seed_path(number).read_text(encoding="utf-8").split("\n")}
    for article in clean_seed(number):
        for paragraph in article.paragraphs:
            assert paragraph in lines


def single(number: str) -> Article:
    articles = clean_seed(number)
    assert len(articles) == 1
    article = articles[0]
    assert article.path == str(seed_path(number))
    assert article.part == 0
    return article


EXPECTED = {
    "000": dict(
        title="Russia and US call urgent talks",
        date=None,  # the page gives only "Last Updated : GMT 06:49:16"
        source="AFP",
        dateline="New York",
        count=31,
        first="Russia and United States agreed Wednesday to call urgent military talks",
        last="according to a recent poll by the Levada Centre.",
        kept=("- 'Backfire' -", "- 'Holy battle' -"),
        gone=(
            "Name *", "E-mail *", "Security Code", "GMT 07:08", "Arab Today, arab today",
            "Source: AFP", "John Kerry (R)", "New York - Arab Today", "Publishing Terms",
            "Nureyev", "All rights reserved", "arabstoday", "Last Updated", "After Syria strikes",
        ),
    ),
    "001": dict(
        title="US to offer Russia anti-terror pact in Syria",
        date=None,
        source="AFP",
        dateline="Paris",
        count=12,
        first="The United States is to offer to cooperate with Russia",
        last="negotiated political settlement to the civil war.",
        kept=(),
        gone=("Source AFP", "Emiratesvoice", "Fighters from Al-Qaeda", "Paris - Arab Today", "GMT 10:18", "cartoon seven"),
    ),
    "002": dict(
        title="John Kerry Meets Vladimir Putin to Discuss New Syria Plan",
        date="2016-07-15T08:26",
        source=None,
        dateline=None,
        count=17,
        first="Secretary of State John Kerry met with President Vladimir V. Putin",
        last="differences remained over Ukraine and Crimea.",
        kept=(),
        gone=("News line", "23:42 24.04.2024", "Antonov", "Hamısı", "Politics 08:26", "PHOTOS/VIDEO"),
    ),
    "004": dict(
        title="Russia admits targeting non-Isis groups in Syria as airstrikes continue",
        date="2015-10-02",
        source="Albawaba",
        dateline=None,
        count=32,
        first="Russian combat aircraft have carried out a second day of airstrikes",
        last="What I'll say is our focus is Isil and I'll leave it there,\" Warren said.",
        kept=(),
        gone=(
            "Thank you for reporting", "automatically disabled", "Clic here", "Published in Albawaba",
            "Apple, 1st brand", "EGX closes",
        ),
    ),
}  # fmt: skip


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_single_article_page(number: str) -> None:
    want = EXPECTED[number]
    article = single(number)
    assert article.title == want["title"]
    assert article.date == want["date"]
    assert article.source == want["source"]
    assert article.dateline == want["dateline"]
    paragraphs = article.paragraphs
    assert len(paragraphs) == want["count"]
    assert paragraphs[0].startswith(want["first"])
    assert paragraphs[-1].endswith(want["last"])
    for kept in want["kept"]:
        assert kept in paragraphs
    for gone in want["gone"]:
        assert gone not in article.body


def test_line_span_of_single_article() -> None:
    assert single("000").lines == (19, 79)


def test_digest_page() -> None:
    articles = clean_seed("003")
    assert articles, "the digest holds stories"
    assert [article.part for article in articles] == list(range(len(articles)))
    assert all(article.path == str(seed_path("003")) for article in articles)
    spans = [article.lines for article in articles]
    assert spans[0][0] == 1
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))
    assert spans[-1][1] == 393  # the cookie banner after line 393 is not a story
    assert articles[0].body.startswith("Secretary of State Rex Tillerson is holding talks in Russia")
    assert articles[-1].body.endswith("allow unrestricted humanitarian access.")
    if len(articles) > 1:
        for article in articles:
            assert article.title == story_title(article.paragraphs[0])
    body = whole_body(articles)
    for gone in (
        "Iamge source", "Photo AP", "Photo AFP", "Photo Getty Images", "cookies", "Privacy Overview",
        "President Bashar al-Assad has won a third term in office after securing 88.7 percent of votes\n",
    ):  # fmt: skip
        assert gone not in body + "\n"
    assert sum(len(article.paragraphs) for article in articles) == len(gold_paragraphs("003"))


def test_digest_story_starts_within_one_line_of_the_true_ones() -> None:
    # The bar: 25 of the 26 hand-marked stories start within one line of a story the
    # cleaner returns, 24 on the very line (through the whole pipeline, captions
    # removed), and no more than four stories start where none does. Before the
    # lead-above-a-restatement, background-then-lead and short-last-story rules:
    # 24 near, 20 exact.
    gold = json.loads((Path(__file__).parent / "data" / "digest_003_gold.json").read_text())
    true_starts = [story["line"] for story in gold["stories"]]
    found_starts = [article.lines[0] for article in clean_seed("003")]
    near = [line for line in true_starts if any(abs(line - found) <= 1 for found in found_starts)]
    assert len(near) >= math.ceil(0.96 * len(true_starts)), sorted(set(true_starts) - set(near))
    assert len(set(true_starts) & set(found_starts)) >= 24
    false = [found for found in found_starts if not any(abs(line - found) <= 1 for line in true_starts)]
    assert len(false) <= 4, false

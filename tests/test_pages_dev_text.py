"""The text cleaner on the 84 real pages of ../shared/pages-dev (scraped text), scored
the way ../shared/tools/score_cleaning.py scores `news-reader clean --input text`:
word 4-gram shingles matched as multisets, tp/fp/fn normalised per page, precision
the mean over pages with output, recall the mean over all pages, F1 from the two.
The floors are what the cleaner reaches; a regression of an error class shows here."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from shared_data import PAGES_DEV

from reader.ingest.text_page import clean_text_page
from reader.model import Article

F1_FLOOR = 0.935
TITLES_FLOOR = 53  # of 84: the reference title is a line of the text on only 54 pages

_WORD = re.compile(r"\w+")


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text or "")
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words[i : i + n])


def _counts(gold: str, predicted: str) -> tuple[float, float, float]:
    g, p = _shingles(gold), _shingles(predicted)
    tp, fp, fn = sum((g & p).values()), sum((p - g).values()), sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _fold(title: str | None) -> str:
    return " ".join(_WORD.findall((title or "").casefold()))


@pytest.fixture(scope="module")
def cleaned() -> list[tuple[dict, list[Article]]]:
    folder = PAGES_DEV / "text"
    if not folder.is_dir():
        pytest.skip(f"pages-dev not found at {PAGES_DEV} (set NEWS_READER_SHARED)")
    results = []
    for gold_path in sorted((PAGES_DEV / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = (folder / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        results.append((gold, clean_text_page(page, gold_path.stem)))
    return results


def test_pages_dev_body_f1(cleaned: list[tuple[dict, list[Article]]]) -> None:
    precisions, recalls = [], []
    for gold, articles in cleaned:
        tp, fp, fn = _counts(gold["body"], "\n\n".join(article.body for article in articles))
        recall = 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
        recalls.append(recall)
        if any(article.body.strip() for article in articles):
            precisions.append(1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp)))
    precision = sum(precisions) / max(1, len(precisions))
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall)
    assert len(cleaned) == 84
    assert f1 >= F1_FLOOR, (f1, precision, recall)


def test_pages_dev_every_page_gives_one_article(cleaned: list[tuple[dict, list[Article]]]) -> None:
    empty = [gold["title"] for gold, articles in cleaned if not articles]
    split = [gold["title"] for gold, articles in cleaned if len(articles) > 1]
    assert empty == [] and split == []


def test_pages_dev_titles(cleaned: list[tuple[dict, list[Article]]]) -> None:
    right = sum(
        bool(articles) and _fold(articles[0].title) == _fold(gold["title"]) for gold, articles in cleaned
    )
    assert right >= TITLES_FLOOR, right

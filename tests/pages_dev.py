"""The real pages of ``../shared/pages-dev`` and the metric of its score tool
(``../shared/tools/score_cleaning.py``): body word 4-gram shingles matched as
multisets, true and false positives normalised per page, P the mean over pages with
output, R the mean over all pages, F1 from the two means; titles equal after case
and punctuation are folded."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from shared_data import PAGES_DEV

from reader.model import Article

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    name: str
    path: Path
    gold: dict


@dataclass(frozen=True)
class Scores:
    f1: float
    precision: float
    recall: float
    titles_right: int
    empty: int
    split: int
    pages: int


def pages(kind: str) -> Iterator[Page]:
    """The pages of one input kind ("html" or "text") with their reference."""
    for gold in sorted((PAGES_DEV / "gold").glob("*.json")):
        suffix = ".html" if kind == "html" else ".txt"
        yield Page(gold.stem, PAGES_DEV / kind / f"{gold.stem}{suffix}", json.loads(gold.read_text()))


def _shingles(text: str, n: int = 4) -> Counter:
    words = _WORD.findall(text or "")
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words[i : i + n])


def _fold(title: str | None) -> str:
    return " ".join(_WORD.findall((title or "").casefold()))


def page_scores(gold: str, predicted: str) -> tuple[float, float]:
    """(precision, recall) of one page's body."""
    want, got = _shingles(gold), _shingles(predicted)
    tp, fp, fn = sum((want & got).values()), sum((got - want).values()), sum((want - got).values())
    if fp == fn == 0:
        return 1.0, 1.0
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def score(kind: str, clean: Callable[[Path], list[Article]]) -> Scores:
    precisions, recalls = [], []
    titles = empty = split = count = 0
    for page in pages(kind):
        articles = clean(page.path)
        body = "\n\n".join(article.body for article in articles)
        precision, recall = page_scores(page.gold["body"], body)
        recalls.append(recall)
        count += 1
        if body.strip():
            precisions.append(precision)
        else:
            empty += 1
        split += len(articles) > 1
        titles += bool(articles) and _fold(articles[0].title) == _fold(page.gold.get("title"))
    p = sum(precisions) / max(1, len(precisions))
    r = sum(recalls) / max(1, count)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(f1, p, r, titles, empty, split, count)

"""Shared helpers for the library tests (no tests here): a small library written
straight through the store, so index and search are tested without the cleaner."""

from __future__ import annotations

from pathlib import Path

from reader.library import EntitySpan, Library, StoredArticle
from reader.library.records import article_id
from reader.library.spelling import count_words
from reader.library.store import SourceRecord
from reader.model import Article

# (file, title, body, date, source, people)
DOCS = [
    (
        "kerry-putin.txt",
        "Kerry meets Putin in Moscow",
        "Secretary of State John Kerry met President Vladimir Putin in Moscow.\n\n"
        "The two men discussed military cooperation against jihadists in Syria.",
        "2016-07-15",
        "AFP",
        [("John Kerry", "John Kerry"), ("Vladimir Putin", "President Vladimir Putin")],
    ),
    (
        "strikes.txt",
        "Russia begins air strikes in Syria",
        "Russian warplanes carried out strikes near Homs on Wednesday.\n\n"
        "Foreign Minister Sergei Lavrov said the striking aircraft targeted Isis.",
        "2015-09-30",
        "Reuters",
        [("Sergei Lavrov", "Sergei Lavrov")],
    ),
    (
        "second-day.txt",
        "Second day of Russian raids",
        "Russia struck rebel positions for a second day. Putin defended the campaign.\n\n"
        "Washington said the raids hit moderate rebels rather than jihadists.",
        "2015-10-02",
        "Albawaba",
        [("Vladimir Putin", "Putin")],
    ),
    (
        "cricket.txt",
        "England win the cricket test",
        "England beat Australia by six wickets at Lord's on a sunny afternoon.\n\n"
        "The crowd cheered as the captain hit the winning runs.",
        "2005-07-21",
        "BBC",
        [],
    ),
    (
        "washington.txt",
        "Kerry Washington stars in new drama",
        "The actress Kerry Washington takes the lead in a political drama.",
        "2012-04-05",
        "Arab Today",
        [("Kerry Washington", "Kerry Washington")],
    ),
]


def stored_docs(folder: Path) -> list[StoredArticle]:
    result = []
    for name, title, body, date, source, people in DOCS:
        path = str(folder / name)
        article = Article(path=path, title=title, body=body, date=date, source=source)
        spans = []
        for canonical, surface in people:
            start = body.index(surface)
            spans.append(EntitySpan(start, start + len(surface), "PERSON", canonical, surface))
        if "Moscow" in body:
            start = body.index("Moscow")
            spans.append(EntitySpan(start, start + 6, "PLACE", "Moscow", "Moscow"))
        if "Isis" in body:
            start = body.index("Isis")
            spans.append(EntitySpan(start, start + 4, "ORG", "Islamic State", "Isis"))
        result.append(StoredArticle(article_id(path, 0), article, tuple(spans)))
    return result


def write_articles(library: Library, articles: list[StoredArticle], commit: bool = True) -> None:
    with library.writing() as sync:
        for stored in articles:
            record = SourceRecord(stored.article.path, "hash-" + stored.id, 1, 1, "test", None, 1)
            words = count_words([(stored.article.title, stored.article.body)])
            replaced = library.store.replace_source(record, [stored], words)
            sync.apply(replaced, [stored])
        if commit:
            sync.commit()
        else:
            sync.cancel()


def small_library(tmp_path: Path) -> Library:
    library = Library.open(tmp_path / "lib", seed=False)
    write_articles(library, stored_docs(tmp_path / "docs"))
    return library


def corpus_sample(folder: Path, articles: int) -> Path:
    """The first ``articles`` lines of the shared corpus as a JSON Lines file in
    ``folder`` (the test is skipped when the corpus is not there)."""
    import gzip
    import itertools

    import pytest
    from shared_data import CORPUS

    if not CORPUS.exists():
        pytest.skip("the shared corpus is not beside the checkout")
    sample = folder / "sample.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        sample.write_text("".join(itertools.islice(handle, articles)))
    return sample

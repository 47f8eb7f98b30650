"""The bulk scorer (reader.library.ranking) against Whoosh's own walk of the same
matchers: the same documents, the same scores bit for bit, the same order and count,
on a corpus sample in several segments, one of them with deleted documents. This
also guards the Whoosh internals ranking.py reads (leaf matchers, length columns)."""

from __future__ import annotations

import itertools

import pytest
from test_library_support import corpus_sample
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.collectors import TopCollector

from reader.library import Library
from reader.library.query import expand_terms
from reader.library.ranking import RankingCancelled, _read_block, _unfiltered, top_matches
from reader.library.search import SearchQuery, build_query

QUERIES = [
    "oil",
    "oil prices",
    "oil OR gas OR coal OR wheat",
    '"interest rates"',
    '"new york stock exchange"',
    '"net profit" OR "net loss"',
    "oil AND NOT prices",
    "oil ANDNOT gas",
    "opec ANDMAYBE oil",
    "NOT oil AND wheat",
    '(grain OR wheat) ANDMAYBE "crop" AND NOT china',
    "oil^2 prices",
    'title:"oil prices"^3 body:crude',
    "title:oil",
    "pric*",
    "minster~",
    "(bank OR banks) AND rates",
    "date:1987-03 oil",
    "date:[1987-03-01 to 1987-03-15]",
    "date:1987-03 OR opec",
    "source:reuters bank",
    "person:reagan OR place:japan",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ranking")
    sample = corpus_sample(folder, 1500).read_text().splitlines(keepends=True)
    files = folder / "files"
    files.mkdir()
    lib = Library.open(folder / "lib", seed=False)
    for number, start in enumerate(range(0, 1500, 500)):
        (files / f"part{number}.jsonl").write_text("".join(sample[start : start + 500]))
        lib.add([files], workers=1)  # a segment each
    # A changed file replaces its articles: deleted documents inside a segment.
    (files / "part1.jsonl").write_text("".join(sample[500:750]))
    lib.add([files], workers=1)
    yield lib
    lib.close()


def whoosh_walk(searcher, q) -> tuple[list[tuple[float, int]], int]:
    collector = TopCollector(10**6, usequality=False, replace=0)
    searcher.search_with_collector(q, collector)
    return [(hit.score, hit.docnum) for hit in collector.results()], collector.count()


def parsed(library, text):
    searcher = library.engine.searcher()
    return searcher, expand_terms(build_query(SearchQuery(text)), searcher.reader())


def test_the_sample_has_segments_with_deletions(library):
    searcher = library.engine.searcher()
    segments = [sub.reader() for sub, _ in searcher.leaf_searchers()]
    assert len(segments) >= 3
    assert any(reader.has_deletions() for reader in segments)


@pytest.mark.parametrize("text", QUERIES)
def test_bulk_scores_are_whooshs_scores(library, text):
    searcher, q = parsed(library, text)
    expected, count = whoosh_walk(searcher, q)
    assert count > 0
    assert top_matches(searcher, q, 10**6) == (expected, count)
    for limit in (1, 10):
        assert top_matches(searcher, q, limit) == (expected[:limit], count)


def test_excluded_documents_are_neither_ranked_nor_counted(library):
    searcher, q = parsed(library, "oil prices")
    expected, count = whoosh_walk(searcher, q)
    excluded = {docnum for _, docnum in itertools.islice(expected, 0, None, 3)}
    kept = [item for item in expected if item[1] not in excluded]
    assert top_matches(searcher, q, 10**6, excluded) == (kept, count - len(excluded))


def test_cancelled_ranking_stops(library):
    searcher, q = parsed(library, "oil prices")
    with pytest.raises(RankingCancelled):
        top_matches(searcher, q, 10, cancelled=lambda: True)


def test_blocks_read_in_part_are_whooshs_blocks(library):
    """Every posting block of every word of the sample, its ids and weights read
    without its values (partly decompressed), or with its values as text, is what
    Whoosh reads."""
    searcher = library.engine.searcher()
    blocks = 0
    for sub, _ in searcher.leaf_searchers():
        reader = sub.reader()
        for fieldname in ("title", "body", "person"):
            for text in reader.lexicon(fieldname):
                ours = _unfiltered(reader.postings(fieldname, text))
                if type(ours) is not W3LeafMatcher:
                    continue  # a word of one article, kept in the term table
                whooshs = _unfiltered(reader.postings(fieldname, text))
                while ours.is_active():
                    with_values = blocks % 2 == 1
                    read = _read_block(ours, with_values)
                    assert read is not None
                    whooshs._read_ids()
                    whooshs._read_weights()
                    whooshs._read_values()
                    assert (list(read[0]), list(read[1])) == (list(whooshs._ids), list(whooshs._weights))
                    if with_values:
                        assert [text.encode("latin-1") for text in read[2]] == list(whooshs._values)
                    ours._next_block()
                    whooshs._next_block()
                    blocks += 1
    assert blocks > 10_000

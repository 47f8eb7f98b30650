"""Every match of a query scored, in bulk: the exact top N and the exact count.

Whoosh scores a match by walking its matcher tree document by document: a dozen
Python calls per match and per term, and a file read for each field length. Its
shortcuts for the top N (skipping posting blocks whose best score seems too low)
are not exact: a union or intersection skips one term's block judging by the other
term's *current* block only, while the documents of the skipped block may meet a
better block of the other term further on (block boundaries differ from term to
term), so better hits were lost (4 of the benchmark's 33 queries on the corpus).

Here each segment's matcher tree, as Whoosh builds it, is evaluated a posting list
at a time instead: a term's postings are read block by block and scored in one
loop with BM25F's own formula, unions and intersections merge dictionaries, and
phrases check positions only for the documents that hold every word (all their
positions unpickled at once), then score only those where the words stand in a
row. A block is read for its document numbers and weights alone: its positions,
most of its bytes, are neither decompressed nor unpickled unless a phrase needs
them, and then kept as pickled text until a phrase decodes them. The best N are picked in C from the scores at or above the N-th best. The tree's
shape is kept, so each score is the same floating-point sum Whoosh computes (the
tests compare them, bit for bit, with Whoosh's own walk). Any matcher this module
does not know is walked the way Whoosh walks it, so the answer never depends on
which path was taken.

This reads Whoosh's leaf matchers, posting blocks and length columns below their documented API
(the version is pinned: :data:`reader.library.schema.WHOOSH_VERSION`), guarded by
``tests/test_search_ranking.py``.
"""

from __future__ import annotations

import heapq
import pickle
import re
import weakref
import zlib
from array import array
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from itertools import accumulate, compress
from typing import Any

from whoosh import formats
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, W3PerDocReader, _lenfield
from whoosh.columns import FixedBytesColumn
from whoosh.formats import Positions
from whoosh.matching import (
    AndMaybeMatcher,
    AndNotMatcher,
    FilterMatcher,
    IntersectionMatcher,
    InverseMatcher,
    ListMatcher,
    NullMatcherClass,
    UnionMatcher,
    WrappingMatcher,
)
from whoosh.query import ConstantScoreQuery, NumericRange, Query
from whoosh.query.spans import SpanNear2
from whoosh.reading import SegmentReader
from whoosh.scoring import BM25FScorer
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

Cancelled = Callable[[], bool]
Scores = dict[int, float]  # segment document number -> score

_CHECK_EVERY = 4096  # postings or documents between two looks at ``cancelled``
_PHRASE = SpanNear2.SpanNear2Matcher


class RankingCancelled(Exception):
    """``cancelled`` said stop."""


def top_matches(
    searcher: Searcher,
    q: Query,
    limit: int,
    excluded: Collection[int] = (),
    cancelled: Cancelled | None = None,
) -> tuple[list[tuple[float, int]], int]:
    """The best ``limit`` matches of ``q`` as (score, document number), best first
    (equal scores in document order, as Whoosh's collector keeps them), and the
    number of all matches. Documents in ``excluded`` (top-level numbers) are
    neither ranked nor counted."""
    stop = cancelled or (lambda: False)
    context = searcher.context()
    q = _ranges_read_in_bulk(q, searcher.reader())
    best: list[tuple[float, int]] = []  # (score, -docnum), the best first
    total = 0
    for subsearcher, offset in searcher.leaf_searchers():
        if stop():
            raise RankingCancelled
        matcher = q.matcher(subsearcher, context)
        scores = _Evaluator(subsearcher.reader(), stop).scores(matcher)
        if excluded:
            scores = {d: s for d, s in scores.items() if d + offset not in excluded}
        total += len(scores)
        chosen: Iterable[tuple[int, float]] = scores.items()
        if len(scores) > limit:
            # Only the scores as high as the segment's limit-th best can be among
            # the best: picked out in C, the others are never made into tuples.
            lowest = heapq.nlargest(limit, scores.values())[-1]
            chosen = compress(chosen, map(lowest.__le__, scores.values()))
        best.extend([(score, -(docnum + offset)) for docnum, score in chosen])
        best = heapq.nlargest(limit, best)
    return [(score, -negated) for score, negated in best], total


class _Evaluator:
    """Scores of every document a matcher tree matches, in one segment."""

    def __init__(self, reader: Any, cancelled: Cancelled) -> None:
        self.reader = reader
        self.cancelled = cancelled
        self.lengths: Callable[[str], bytes | None] = lambda fieldname: _read_lengths(reader, fieldname)

    def scores(self, m: Any, read: dict[int, tuple[list[int], list[float]]] | None = None) -> Scores:
        """``read``: postings already read (by the leaf's ``id``), for a phrase's
        words; their matchers stand at their end, so activity is not asked then."""
        if read is None and not m.is_active():
            return {}
        kind = type(m)
        if kind is UnionMatcher:
            a = self.scores(m.a, read)
            b = self.scores(m.b, read)
            if len(a) < len(b):
                merged = dict(b)
                for docnum, score in a.items():
                    other = merged.get(docnum)
                    merged[docnum] = score if other is None else score + other
                return merged
            merged = dict(a)
            for docnum, score in b.items():
                other = merged.get(docnum)
                merged[docnum] = score if other is None else other + score
            return merged
        if kind is IntersectionMatcher:
            a = self.scores(m.a, read)
            b = self.scores(m.b, read) if a else {}
            if len(b) < len(a):
                return {docnum: a[docnum] + score for docnum, score in b.items() if docnum in a}
            return {docnum: score + b[docnum] for docnum, score in a.items() if docnum in b}
        if kind is WrappingMatcher or kind is FilterMatcher:
            child = self.scores(m.child, read)
            if kind is FilterMatcher:
                ids, exclude = m._ids, m._exclude
                child = {d: s for d, s in child.items() if (d in ids) != exclude}
            boost = m.boost
            return {d: s * boost for d, s in child.items()}
        if kind is AndNotMatcher:  # a's matches not in b, scored as a scores them
            a = self.scores(m.a, read)
            b = self.scores(m.b, read) if a else {}
            return {docnum: score for docnum, score in a.items() if docnum not in b}
        if kind is AndMaybeMatcher:  # a's matches, plus b's score where b matches too
            a = self.scores(m.a, read)
            b = self.scores(m.b, read) if a else {}
            return {docnum: score + b[docnum] if docnum in b else score for docnum, score in a.items()}
        if kind is InverseMatcher:  # every document from here on not missing nor matched
            child = self.scores(m.child, read)
            missing, weight = m.missing, m._weight
            return {d: weight for d in range(m._id, m.limit) if d not in child and not missing(d)}
        if kind is _PHRASE and self._exact_phrase(m):
            return self._phrase(m)
        leaf = self._bulk_leaf(m)
        if leaf is not None:
            return self._leaf(m, leaf, read)
        if kind is ListMatcher and m._scorer is None:  # a score of its own (date ranges)
            ids, weights, _ = _postings(m, False)
            return dict(zip(ids, weights))
        return self._walk(m)

    def _walk(self, m: Any) -> Scores:
        """Document by document, as Whoosh's collector goes."""
        found: Scores = {}
        cancelled = self.cancelled
        count = 0
        while m.is_active():
            found[m.id()] = m.score()
            m.next()
            count += 1
            if count % _CHECK_EVERY == 0 and cancelled():
                raise RankingCancelled
        return found

    # -- terms ----------------------------------------------------------------

    def _bulk_leaf(self, m: Any) -> tuple[tuple, float, float] | None:
        """For a term's postings scored by BM25F: the length norms of its field
        (by length byte), its idf and K1 + 1; None for anything else."""
        kind = type(m)
        if kind is W3LeafMatcher:
            scorer = m.scorer
        elif kind is ListMatcher:
            scorer = m._scorer
            if m._values is not None and any(isinstance(v, list) for v in m._values):
                return None  # combined values of several terms: let Whoosh read them
        else:
            return None
        if type(scorer) is not BM25FScorer:
            return None
        fieldname = m.term()[0]
        lengths = self.lengths(fieldname)
        if lengths is None:
            return None
        return _norms(scorer.K1, scorer.B, scorer.avgfl), scorer.idf, scorer.K1 + 1

    def _leaf(self, m: Any, leaf: tuple[tuple, float, float], read: dict | None) -> Scores:
        norms, idf, k1_plus_1 = leaf
        if read is not None:
            ids, weights = read[id(m)]
        else:
            ids, weights, _ = _postings(m, False)
        if len(ids) > _CHECK_EVERY and self.cancelled():
            raise RankingCancelled
        lengths = self.lengths(m.term()[0])
        assert lengths is not None
        # scoring.bm25(idf, tf, fl, avgfl, B, K1), term for term.
        return {d: idf * ((tf * k1_plus_1) / (tf + norms[lengths[d]])) for d, tf in zip(ids, weights)}

    # -- phrases ----------------------------------------------------------------

    def _exact_phrase(self, m: Any) -> bool:
        """Words next to each other in order (what Phrase asks of SpanNear2), each a
        term this module reads in bulk."""
        if not (m.slop == 1 and m.ordered and m.mindist == 1 and len(m.ms) >= 2):
            return False
        return all(self._bulk_leaf(_unfiltered(sub)) is not None for sub in m.ms)

    def _phrase(self, m: Any) -> Scores:
        leaves = [_unfiltered(sub) for sub in m.ms]
        postings = [_postings(leaf, True) for leaf in leaves]
        if self.cancelled():
            raise RankingCancelled
        # Positions are read only for the documents holding every word, and only
        # the documents where the words stand in a row are scored.
        common = set(postings[0][0]).intersection(*(ids for ids, _, _ in postings[1:]))
        words = []
        for shift, (leaf, (ids, _, values)) in enumerate(zip(leaves, postings)):
            holding = list(map(common.__contains__, ids))
            words.append(_shifted_positions(leaf, list(compress(values, holding)), shift))
        in_a_row = _in_a_row(sorted(common), words)
        read = {}
        for leaf, (ids, weights, _) in zip(leaves, postings):
            kept = list(map(in_a_row.__contains__, ids))
            read[id(leaf)] = (list(compress(ids, kept)), list(compress(weights, kept)))
        # Scored as the phrase matcher scores them: its child, times its boost.
        found = self.scores(m.child, read)
        boost = m.boost
        return {d: s * boost for d, s in found.items()}


def _in_a_row(docnums: list[int], words: list[Any]) -> set[int]:
    """The documents where the words stand in a row: where some position is in
    every word's positions, each shifted back by the word's place in the phrase."""
    found = set()
    if len(words) == 2:
        for docnum, first, second in zip(docnums, *words):
            if not set(first).isdisjoint(second):
                found.add(docnum)
        return found
    for docnum, first, *others in zip(docnums, *words):
        starts = set(first)
        for positions in others:
            starts.intersection_update(positions)
            if not starts:
                break
        else:
            found.add(docnum)
    return found


# -- ranges ---------------------------------------------------------------------


def _ranges_read_in_bulk(q: Query, reader: Any) -> Query:
    """``q`` with each numeric (date) range replaced by the query Whoosh makes of
    it, whose matches are read in bulk: Whoosh walks the union of the range's
    terms document by document (most of a second for a month of a 50,000-article
    library)."""

    def swap(leaf: Query) -> Query:
        if isinstance(leaf, NumericRange) and leaf.constantscore:
            compiled = leaf._compile_query(reader)
            if type(compiled) is ConstantScoreQuery:
                return _BulkConstantScore(compiled.child, compiled.score)
        return leaf

    return q.accept(swap)


class _BulkConstantScore(ConstantScoreQuery):
    """Whoosh's ConstantScoreQuery, the documents its child matches read a posting
    list at a time."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        m = self.child.matcher(searcher, context)
        if isinstance(m, NullMatcherClass) or not _ids_readable(m) or (context and context.needs_current):
            return super().matcher(searcher, context)
        return ListMatcher(array("I", sorted(_matching_ids(m))), all_weights=self.score, term=m.term())


def _ids_readable(m: Any) -> bool:
    kind = type(m)
    if kind is UnionMatcher:
        return _ids_readable(m.a) and _ids_readable(m.b)
    if kind is FilterMatcher:
        return _ids_readable(m.child)
    return kind is W3LeafMatcher or kind is ListMatcher or isinstance(m, NullMatcherClass)


def _matching_ids(m: Any) -> set[int]:
    """The documents a tree of unions and term postings matches (see
    :func:`_ids_readable`), from where its matchers stand."""
    kind = type(m)
    if kind is UnionMatcher:
        return _matching_ids(m.a) | _matching_ids(m.b)
    if kind is FilterMatcher:
        ids, exclude = m._ids, m._exclude
        return {d for d in _matching_ids(m.child) if (d in ids) != exclude}
    if isinstance(m, NullMatcherClass):
        return set()
    return set(_postings(m, False)[0])


@lru_cache(maxsize=64)
def _norms(K1: float, B: float, avgfl: float) -> tuple:
    """BM25's length part as ``scoring.bm25`` computes it, by length byte. Byte 0
    (no length) is None: Whoosh's scorer fails there too (TypeError)."""
    return (None, *(K1 * ((1 - B) + B * byte_to_length(lbyte) / avgfl) for lbyte in range(1, 256)))


def _shifted_positions(m: Any, values: list[str], shift: int) -> Any:
    """For each posting value (as text, see :func:`_postings`), an iterable of the
    positions it holds minus ``shift``; for Whoosh's Positions format all values
    are unpickled at once and summed in C."""
    fmt = m.format if type(m) is W3LeafMatcher else m._format
    if type(fmt) is Positions:
        deltas = _position_deltas(values)
        if deltas is not None:
            if shift:
                for listed in deltas:
                    listed[0] -= shift  # the first "delta" is the first position
            return map(accumulate, deltas)
    decode = fmt.decoder("positions")
    return ([p - shift for p in decode(value.encode("latin-1"))] for value in values)


_PICKLE_START = formats._INT_SIZE + 2  # the count, then PROTO 2


def _position_deltas(values: list[str]) -> list[list[int]] | None:
    """``Positions.decode_positions`` before its running sum, for many values in
    one unpickling: each value is the count, then the pickle (protocol 2) of a list
    of deltas; their bodies between one MARK and LIST make the list of lists."""
    body = "".join([v[_PICKLE_START:-1] if v[-1:] == "." else v[_PICKLE_START:] for v in values])
    try:
        deltas = pickle.loads(b"\x80\x02(" + body.encode("latin-1") + b"l.")
    except pickle.UnpicklingError:
        return None
    return deltas if len(deltas) == len(values) else None


def _unfiltered(m: Any) -> Any:
    while type(m) is FilterMatcher:
        m = m.child
    return m


def _postings(m: Any, with_values: bool) -> tuple[list[int], list[float], list[str]]:
    """The rest of a term's postings from where the matcher stands: document
    numbers, weights and (if asked) values, each value's bytes as the text of the
    same code points (how a block's pickle holds them, see :func:`_value_texts`);
    the matcher is left at its end."""
    ids: list[int] = []
    weights: list[float] = []
    texts: list[str] = []
    if type(m) is ListMatcher:
        start = m._i
        ids = list(m._ids[start:])
        if m._all_weights:
            weights = [m._all_weights] * len(ids)
        elif m._weights:
            weights = list(m._weights[start:])
        else:
            weights = [1.0] * len(ids)
        if with_values:
            texts = [v.decode("latin-1") for v in m._values[start:]] if m._values else [""] * len(ids)
        m._i = len(m._ids)
        return ids, weights, texts
    while m.is_active():
        start = m._i
        if start == 0 and m._data is None and not m._byteids:
            block = _read_block(m, with_values)
            if block is not None:
                ids.extend(block[0])
                weights.extend(block[1])
                texts.extend(block[2])
                m._next_block()
                continue
        block_ids = m._ids
        if block_ids is None:  # W3LeafMatcher._read_ids, the running sum in C
            if m._data is None:
                m._read_data()
            block_ids = m._data[0] if m._byteids else tuple(accumulate(m._data[0]))
        if m._weights is None:
            m._read_weights()
        ids.extend(block_ids[start:])
        weights.extend(m._weights[start:])
        if with_values:
            if m._values is None:
                m._read_values()
            texts.extend([v.decode("latin-1") for v in m._values[start:]])
        m._next_block()
    return ids, weights, texts


# A whoosh3 posting block is the pickle (protocol 2) of (ids, weights, values),
# mostly zlib-compressed: the ids a tuple of ints (deltas), the weights None, one
# float or a tuple of them. Matched up to the end of the weights, a block gives its
# ids and weights without unpickling its values (byte strings, each a call to
# _codecs.encode in the pickle), and without decompressing them (most of the
# block): the two costs of Whoosh's reading of a block.
_INT = rb"(?:K.|M..|J....)"
_FLOAT = rb"(?:G.{8})"
_MEMO = rb"(?:q.|r....)?"
_IDS = rb"(?:\(%s*+t%s|%s{1,3}[\x85-\x87]%s|\))" % (_INT, _MEMO, _INT, _MEMO)
# A single weight (all equal) is told from the first of a tuple of up to three
# (TUPLE1-3 after their elements) by what follows it.
_WEIGHTS = rb"(?:\(%s*+t%s|%s{1,3}[\x85-\x87]%s|\)|N|G.{8}(?![G\x85-\x87]))" % (_FLOAT, _MEMO, _FLOAT, _MEMO)
_IDS_AND_WEIGHTS = re.compile(rb"\x80\x02%s%s" % (_IDS, _WEIGHTS), re.DOTALL)
_TUPLE2_STOP = b"\x86."
_BYTES_PER_POSTING = 11  # an id under 256 (2 bytes) and a weight (9): most blocks


def _read_block(m: W3LeafMatcher, with_values: bool) -> tuple[Any, Any, list[str]] | None:
    """The document numbers and weights of the matcher's current block, as
    ``_read_ids`` and ``_read_weights`` give them, and (if asked) its values as
    text; None where the block is not laid out as this module expects (``m._data``
    is then read Whoosh's way)."""
    data = m._postfile.get(m._dataoffset, m._nextoffset - m._dataoffset)
    count = m._blocklength
    inflate = None
    if m._compression and with_values:
        data = zlib.decompress(data)
    elif m._compression:
        inflate = zlib.decompressobj()
        data = inflate.decompress(data, count * _BYTES_PER_POSTING + 16)
    found = _IDS_AND_WEIGHTS.match(data)
    if found is None and inflate is not None:
        data += inflate.decompress(inflate.unconsumed_tail)
        inflate = None
        found = _IDS_AND_WEIGHTS.match(data)
    if found is not None:
        deltas, weights = pickle.loads(data[: found.end()] + _TUPLE2_STOP)
        texts = _value_texts(data, found.end(), count) if with_values else []
        if (
            len(deltas) == count
            and (not isinstance(weights, tuple) or len(weights) == count)
            and texts is not None
        ):
            if weights is None:
                weights = array("f", (1.0,)) * count
            elif isinstance(weights, float):
                weights = array("f", (weights,)) * count
            return accumulate(deltas), weights, texts
    if inflate is not None:
        data += inflate.decompress(inflate.unconsumed_tail)
    m._data = pickle.loads(data)
    return None


# Each value (bytes) is pickled as _codecs.encode(text, "latin1"): a codec lookup
# per posting. With builtins.slice in its place each becomes slice(text,
# "latin1"), which only keeps the text; phrases encode the few texts they need.
_ENCODE = b"c_codecs\nencode\n"
_KEEP_TEXT = b"cbuiltins\nslice\n"
_TWO_PLACES = b"\x80\x02NN"  # the ids and weights, already read, for the TUPLE3 at the end
_UNPICKLING_ERRORS = (pickle.UnpicklingError, EOFError, IndexError, TypeError, ValueError, AttributeError)


def _value_texts(data: bytes, end: int, count: int) -> list[str] | None:
    """The values of a block whose ids and weights end at ``end``, each as text."""
    if data.startswith(b"(" + _ENCODE, end):  # MARK, the values, TUPLE
        rest = b"(" + _KEEP_TEXT + data[end + 1 + len(_ENCODE) :]
    elif data.startswith(_ENCODE, end):  # up to three values, then TUPLE1-3
        rest = _KEEP_TEXT + data[end + len(_ENCODE) :]
    else:
        return None
    try:  # (a value pickled another way is no slice: AttributeError)
        texts = [value.start for value in pickle.loads(_TWO_PLACES + rest)[2]]
    except _UNPICKLING_ERRORS:
        return None
    return texts if len(texts) == count else None


# Per segment reader (the searcher keeps its readers while the index is unchanged).
_LENGTH_CACHE: weakref.WeakKeyDictionary[Any, dict[str, Any]] = weakref.WeakKeyDictionary()


def _read_lengths(reader: Any, fieldname: str) -> bytes | None:
    """The field's length byte of every document of the segment, read once; None
    where Whoosh's length column is not what this module reads."""
    if type(reader) is not SegmentReader or type(reader._perdoc) is not W3PerDocReader:
        return None
    by_field = _LENGTH_CACHE.setdefault(reader, {})
    if fieldname not in by_field:
        by_field[fieldname] = _length_bytes(reader, fieldname)
    return by_field[fieldname]


def _length_bytes(reader: Any, fieldname: str) -> bytes | None:
    column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None or not isinstance(column, FixedBytesColumn.Reader) or column._fixedlen != 1:
        return None
    doccount = reader.doc_count_all()
    stored = column._dbfile.get(column._basepos, column._count) if column._count else b""
    # Documents past the column's end have its default length byte, 0.
    return bytes(stored[:doccount]) + bytes(max(0, doccount - len(stored)))

"""Whoosh's segment writer, made cheaper for a worker's batch of new articles.

Profiling a worker showed most of its indexing time in Whoosh's per-posting
machinery rather than in the index itself: a Token object per word, a tuple per
posting put in a pool and sorted whole, and, when the segment is written, every
posting's field length read back from the file just written. This writer keeps
the postings grouped by term as they come (documents arrive in order, so only the
terms need sorting), keeps the field lengths it wrote in memory, and reads English
text through :meth:`reader.library.schema.EnglishAnalyzer.positions`. With
Whoosh's default codec it writes the postings and the term table itself, a block
at a time (Whoosh's posting writer made a few calls per posting). It writes the
same segment as Whoosh's own writer, byte for byte in its postings and lengths
(``tests/test_library_batch_writer.py`` compares them); every other field goes
through Whoosh's own code.
"""

from __future__ import annotations

from array import array
from functools import partial
from operator import sub
from pickle import dumps
from struct import Struct
from zlib import compress

from whoosh.codec.whoosh3 import (
    COMPRESSION_MIN_SIZE,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3TermInfo,
)
from whoosh.filedb.filetables import md5_hash
from whoosh.formats import Positions
from whoosh.system import pack_int, pack_long, pack_uint, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from reader.library.schema import EnglishAnalyzer, name_analyzer, name_positions


class BatchWriter(SegmentWriter):
    """A writer for a new segment of new documents only (no deletions, no updates),
    as :func:`reader.library.index.build_segment` needs."""

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        if not isinstance(self.codec, W3Codec) or self.codec._inlinelimit > 1:
            raise ValueError("the batch writer writes Whoosh's default codec only")
        # field -> term -> its postings (docnum, weight, encoded value), in docnum order
        self._postings: dict[str, dict[str | bytes, list[tuple[int, float, bytes]]]] = {}
        self._lengths: dict[str, dict[int, int]] = {}

    def add_document(self, **fields) -> None:
        self._check_state()
        perdoc = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        fieldnames = sorted(fields)
        self._check_fields(schema, fieldnames)
        perdoc.start_doc(docnum)
        for fieldname in fieldnames:
            value = fields[fieldname]
            if value is None:
                continue
            field = schema[fieldname]
            if field.separate_spelling() or field.vector:
                raise ValueError(f"{fieldname}: the batch writer writes no spelling or vector fields")
            length = 0
            if field.indexed:
                terms = self._postings.get(fieldname)
                if terms is None:
                    terms = self._postings[fieldname] = {}
                length = _add_postings(terms, docnum, field, value)
                if not field.scorable:
                    length = 0
            perdoc.add_field(fieldname, field, value if field.stored else None, length)
            if length:
                # What the lengths column gives back: one byte, so a rounded length.
                self._lengths.setdefault(fieldname, {})[docnum] = byte_to_length(length_to_byte(length))
            column = field.column_type
            if column:
                perdoc.add_column_value(fieldname, column, field.to_column_value(value))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        _write_postings(self.fieldwriter, self.codec, self.schema, self._lengths, self._postings)
        self.fieldwriter.close()


def _add_postings(terms: dict, docnum: int, field, value) -> int:
    """Add the postings of document ``docnum``'s ``value`` of ``field`` to ``terms``;
    returns the number of its tokens. Terms of text in English and in name fields
    are read the quick way and kept as text (sorted as text they sort as their UTF-8
    does, in code point order); other fields' terms stay bytes (dates are not UTF-8)."""
    found = _quick_positions(field, value)
    length = 0
    if found is None:
        as_text = isinstance(field.analyzer, EnglishAnalyzer)  # text with CJK: terms as text
        for term, freq, weight, vbytes in field.index(value):
            length += freq
            _add(terms, term.decode() if as_text else term, (docnum, weight, vbytes))
        return length
    fmt = field.format
    boost = fmt.field_boost
    encode = _encode_positions if type(fmt) is Positions else fmt.encode
    small, append_stop = _AT_SMALL_POSITION, _APPEND_STOP
    for term, positions in found.items():
        count = len(positions)
        length += count
        if count == 1 and encode is _encode_positions and positions[0] < 256:
            vbytes = small[positions[0]] + append_stop  # _encode_positions, inlined
        else:
            vbytes = encode(positions)
        # Whoosh sums a boost of 1.0 per token, then applies the field's boost.
        entry = (docnum, float(count) * boost, vbytes)
        postings = terms.get(term)
        if postings is None:
            terms[term] = [entry]
        else:
            postings.append(entry)
    return length


def _add(terms: dict, term, entry: tuple[int, float, bytes]) -> None:
    postings = terms.get(term)
    if postings is None:
        terms[term] = [entry]
    else:
        postings.append(entry)


def _quick_positions(field, value) -> dict[str, list[int]] | None:
    """The terms and positions of ``value`` as ``field`` indexes them, for text in
    English (but with CJK) and in name fields; None for the rest."""
    if not isinstance(value, str):
        return None
    analyzer = field.analyzer
    if isinstance(analyzer, EnglishAnalyzer):
        return analyzer.positions(value)  # None for text with CJK
    if analyzer == _NAME_ANALYZER:
        return name_positions(value)
    return None


_NAME_ANALYZER = name_analyzer()
_ONE = pack_uint(1)
# What Positions.encode gives for one position under 256, but for the pickle's last
# two opcodes (APPEND, STOP): ``pack_uint(1) + dumps([position], 2)``.
_AT_SMALL_POSITION = [_ONE + dumps([position], 2)[:-2] for position in range(256)]
_APPEND_STOP = b"a."


def _encode_positions(positions: list[int]) -> bytes:
    """``whoosh.formats.Positions.encode``: the count, then the gaps pickled."""
    if len(positions) == 1:
        position = positions[0]
        if position < 256:
            # A new object each time, as dumps() makes: the block's pickle would
            # write one object met twice as a reference to the first.
            return _AT_SMALL_POSITION[position] + _APPEND_STOP
        return _ONE + dumps(positions, 2)
    gaps = [position - before for position, before in zip(positions, [0, *positions])]
    return pack_uint(len(gaps)) + dumps(gaps, 2)


_KEY_VALUE_LENGTHS = Struct("!ii")  # of a row of the term table (whoosh.filedb.filetables)
_TERM_INFO = W3TermInfo._struct
_FLOAT32 = Struct("f")
_HASH_SLOT = Struct("!Iq")  # a slot of the term table's hash tables: hash, row position


def _write_postings(fieldwriter: W3FieldWriter, codec, schema, lengths, postings) -> None:
    """Write the postings and the term table as Whoosh's field writer does
    (``W3FieldWriter``, ``W3PostingsWriter``, ``OrderedHashWriter``), in one loop:
    each block's bytes made at once rather than posting by posting, and both
    files written in large pieces, their offsets counted rather than asked of the
    file. Whoosh never inlines postings in its default codec (inlinelimit 1), so
    neither does this."""
    blocklimit, level = codec._blocklimit, codec._compression
    postfile, table = fieldwriter._postfile, fieldwriter._tindex
    fieldmap = fieldwriter._fieldmap
    posts, rows = bytearray(), bytearray()
    posts_start, rows_start = postfile.tell(), table.dbfile.tell()
    buckets, row_starts = table.buckets, table.index
    pack_row = _KEY_VALUE_LENGTHS.pack
    lastkey = table.lastkey
    for fieldname, terms in sorted(postings.items()):
        if fieldname not in fieldmap:
            fieldmap[fieldname] = len(fieldmap)
        fieldid = pack_ushort(fieldmap[fieldname])
        fixedsize = schema[fieldname].format.fixed_value_size()
        field_length = lengths.get(fieldname, {}).get
        for term in sorted(terms):
            entries = terms.pop(term)
            start = posts_start + len(posts)
            posts += WHOOSH3_HEADER_MAGIC
            count = len(entries)
            if count == 1:  # most terms of a batch
                value = _one_posting(posts, start, entries[0], fixedsize, field_length, level)
            else:
                info = W3TermInfo()
                for first in range(0, count, blocklimit):
                    block = entries[first : first + blocklimit] if count > blocklimit else entries
                    _add_block(
                        posts, info, block, fixedsize, field_length, level, first + blocklimit >= count
                    )
                info.set_extent(start, posts_start + len(posts) - start)
                value = info.to_bytes()
            row_key = fieldid + (term.encode() if isinstance(term, str) else term)
            if row_key <= lastkey:
                raise ValueError(f"Keys must increase: {lastkey!r}..{row_key!r}")
            position = rows_start + len(rows)
            row_starts.append(position)
            rows += pack_row(len(row_key), len(value))
            rows += row_key
            rows += value
            hashed = md5_hash(row_key)
            buckets[hashed & 255].append((hashed, position))
            lastkey = row_key
    table.lastkey = lastkey
    postfile.write(posts)
    table.dbfile.write(rows)
    table._write_hashes = partial(_write_hash_tables, table)  # called by table.close()


def _write_hash_tables(table) -> None:
    """``HashWriter._write_hashes``, written in one piece instead of a write per slot."""
    dbfile = table.dbfile
    position = dbfile.tell()
    pack_slot = _HASH_SLOT.pack
    empty = pack_slot(0, 0)
    out = bytearray()
    for entries in table.buckets:
        numslots = 2 * len(entries)
        table.directory.append((position + len(out), numslots))
        slots: list[tuple[int, int] | None] = [None] * numslots
        for hashval, row_position in entries:
            slot = (hashval >> 8) % numslots
            while slots[slot] is not None:
                slot = (slot + 1) % numslots
            slots[slot] = (hashval, row_position)
        for found in slots:
            out += empty if found is None else pack_slot(*found)
    dbfile.write(out)


def _one_posting(posts: bytearray, start: int, entry, fixedsize, field_length, level: int) -> bytes:
    """The block of a term with one posting, as :func:`_add_block` writes it; returns
    its term info, as ``W3TermInfo.to_bytes`` gives it."""
    docnum, weight, vbytes = entry
    stored_weight = _FLOAT32.unpack(_FLOAT32.pack(weight))[0]  # Whoosh keeps weights as 32-bit floats
    if fixedsize is None or fixedsize < 0:
        values: tuple | bytes | None = (vbytes,) if vbytes else ()
    elif fixedsize == 0:
        values = None
    else:
        values = vbytes
    data = dumps(((docnum,), None if stored_weight == 1.0 else stored_weight, values), 2)
    comp = level if len(data) >= COMPRESSION_MIN_SIZE else 0
    if comp:
        data = compress(data, comp)
    length_byte = length_to_byte(field_length(docnum, 0))
    maxweight = weight if weight > 0 else 0
    head = dumps((1, docnum, maxweight, comp, length_byte, length_byte), 2)
    size = len(head) + len(data)
    posts += pack_int(-size)
    posts += head
    posts += data
    extent = len(WHOOSH3_HEADER_MAGIC) + 4 + size
    info = _TERM_INFO.pack(False, stored_weight, 1, length_byte, length_byte, maxweight, docnum, docnum)
    return info + pack_long(start) + pack_int(extent)


def _add_block(
    posts: bytearray, info: W3TermInfo, block, fixedsize, field_length, level: int, last: bool
) -> None:
    """One block of a term's postings, as ``W3PostingsWriter._write_block`` writes it."""
    docnums, raw_weights, raw_values = zip(*block)
    weights = array("f", raw_weights)  # Whoosh keeps them as 32-bit floats
    top = max(raw_weights)  # the first of the largest, as Whoosh's running maximum from 0
    maxweight = top if top > 0 else 0
    lengths = [field_length(docnum, 0) for docnum in docnums]
    maxlength = max(lengths)
    minlength = min([length for length in lengths if length], default=None)
    if len(docnums) == 1:
        deltas: tuple = docnums
    else:
        deltas = tuple(map(sub, docnums, (0, *docnums)))
    first_weight = weights[0]
    if first_weight == 1.0 and weights.count(1.0) == len(weights):
        mini_weights = None
    elif weights.count(first_weight) == len(weights):
        mini_weights = first_weight
    else:
        mini_weights = tuple(weights)
    values: tuple | bytes | None
    if fixedsize is None or fixedsize < 0:
        values = raw_values if all(raw_values) else tuple([vbytes for vbytes in raw_values if vbytes])
    elif fixedsize == 0:
        values = None
    else:
        values = b"".join(raw_values)
    data = dumps((deltas, mini_weights, values), 2)
    comp = level if len(data) >= COMPRESSION_MIN_SIZE else 0
    if comp:
        data = compress(data, comp)
    head = dumps(
        (len(docnums), docnums[-1], maxweight, comp, length_to_byte(minlength), length_to_byte(maxlength)), 2
    )
    size = len(head) + len(data)
    posts += pack_int(-size if last else size)
    posts += head
    posts += data
    # W3TermInfo.add_block, from the block's figures
    info._weight += sum(weights)
    info._df += len(docnums)
    if info._minlength is None:
        info._minlength = minlength
    else:
        info._minlength = min(info._minlength, minlength)
    info._maxlength = max(info._maxlength, maxlength)
    info._maxweight = max(info._maxweight, maxweight)
    if info._minid is None:
        info._minid = docnums[0]
    info._maxid = docnums[-1]

"""Whoosh's segment writer, made cheaper for a worker's batch of new articles.

Profiling a worker showed most of its indexing time in Whoosh's per-posting
machinery rather than in the index itself: a Token object per word, a tuple per
posting put in a pool and sorted whole, and, when the segment is written, every
posting's field length read back from the file just written. This writer keeps
the postings grouped by term as they come (documents arrive in order, so only the
terms need sorting), keeps the field lengths it wrote in memory, and reads English
text through :meth:`reader.library.schema.EnglishAnalyzer.positions`. It writes
the same segment as Whoosh's own writer, byte for byte in its postings and
lengths (``tests/test_library_batch_writer.py`` compares them); every other field goes
through Whoosh's own code.
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from reader.library.schema import EnglishAnalyzer


class BatchWriter(SegmentWriter):
    """A writer for a new segment of new documents only (no deletions, no updates),
    as :func:`reader.library.index.build_segment` needs."""

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        self._postings: dict[tuple[str, bytes], list[tuple[int, float, bytes]]] = {}
        self._lengths: dict[str, dict[int, int]] = {}

    def add_document(self, **fields) -> None:
        self._check_state()
        perdoc = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        postings = self._postings
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
                for tbytes, freq, weight, vbytes in _items(field, value):
                    if field.scorable:
                        length += freq
                    key = (fieldname, tbytes)
                    if key in postings:
                        postings[key].append((docnum, weight, vbytes))
                    else:
                        postings[key] = [(docnum, weight, vbytes)]
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
        self.fieldwriter.add_postings(self.schema, _Lengths(self._lengths), self._sorted_postings())
        self.fieldwriter.close()

    def _sorted_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        # Whoosh's pool sorts (field, term, docnum, ...) tuples; documents were added
        # in docnum order, so sorting the (field, term) keys gives the same order.
        postings = self._postings
        for key in sorted(postings):
            fieldname, tbytes = key
            for docnum, weight, vbytes in postings.pop(key):
                yield fieldname, tbytes, docnum, weight, vbytes


def _items(field, value) -> Iterator[tuple[bytes, int, float, bytes]]:
    """What ``field.index(value)`` gives, the quick way for English text."""
    analyzer = field.analyzer
    if isinstance(analyzer, EnglishAnalyzer) and isinstance(value, str):
        found = analyzer.positions(value)
        if found is not None:
            fmt = field.format
            encode, boost = fmt.encode, fmt.field_boost
            # Whoosh sums a boost of 1.0 per token, then applies the field's boost.
            return (
                (term.encode("utf-8"), len(poses), float(len(poses)) * boost, encode(poses))
                for term, poses in found.items()
            )
    return field.index(value)


class _Lengths:
    """The field lengths the writer wrote, for Whoosh's posting writer (which would
    otherwise read each posting's from the lengths file)."""

    def __init__(self, lengths: dict[str, dict[int, int]]) -> None:
        self.lengths = lengths

    def doc_field_length_reader(self, fieldname: str):
        return self.lengths.get(fieldname, {}).get

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        return self.lengths.get(fieldname, {}).get(docnum, default)

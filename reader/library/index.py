"""The Whoosh index: derived from the store, written by the single writer.

The index folder holds a ``generation`` file next to Whoosh's own files: the store
generation the index has caught up with, written after each Whoosh commit. Whoosh's
files are not crash-safe, so anything odd (missing, unreadable, ahead of the store)
leads to a rebuild from the store.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.writing import NO_MERGE, IndexWriter

from reader.library.records import StoredArticle
from reader.library.schema import (
    ENGLISH_FIELDS,
    NAME_FIELDS,
    OTHER_FIELDS,
    SCHEMA_VERSION,
    build_schema,
    is_english,
)

INDEX_CHUNK = 5000  # articles per worker task: one Whoosh segment each (fewer, faster queries)
_GENERATION_FILE = "generation"
_SCHEMA_FILE = "schema-version"  # of reader.library.schema: another one means rebuild
_WRITER_TIMEOUT = 10.0  # our own flock already serialises writers; this covers stragglers
_WRITER_MEMORY_MB = 128  # Whoosh's posting pool spills to temporary files past this


class IndexUnusable(Exception):
    """The index is missing or cannot be read; rebuild it from the store."""


def open_index(folder: Path) -> whoosh_index.Index:
    try:
        if not whoosh_index.exists_in(str(folder)):
            raise IndexUnusable(f"no index in {folder}")
        ix = whoosh_index.open_dir(str(folder))
        ix.doc_count()
    except IndexUnusable:
        raise
    except Exception as exc:  # Whoosh raises many kinds on damaged files
        raise IndexUnusable(f"{folder}: {exc}") from exc
    if set(ix.schema.names()) != set(build_schema().names()) or _schema_version(folder) != SCHEMA_VERSION:
        ix.close()
        raise IndexUnusable(f"{folder}: index from another version of news-reader")
    return ix


def _schema_version(folder: Path) -> str | None:
    try:
        return (folder / _SCHEMA_FILE).read_text().strip()
    except OSError:
        return None


def create_index(folder: Path) -> whoosh_index.Index:
    folder.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(folder), build_schema())
    (folder / _SCHEMA_FILE).write_text(SCHEMA_VERSION)
    return ix


def index_generation(folder: Path) -> int | None:
    try:
        return int((folder / _GENERATION_FILE).read_text().strip())
    except (OSError, ValueError):
        return None


def write_generation(folder: Path, generation: int) -> None:
    tmp = folder / f".{_GENERATION_FILE}.tmp"
    with open(tmp, "w") as handle:
        handle.write(str(generation))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, folder / _GENERATION_FILE)


def open_writer(ix: whoosh_index.Index, limitmb: int = _WRITER_MEMORY_MB) -> IndexWriter:
    # compound=False: a segment stays a set of files instead of being copied into
    # one. Opening a compound segment maps and touches all of it (190 MB of memory
    # to open a 50k index); separate files are read as needed (30 MB), and a
    # commit or merge skips the copy.
    return ix.writer(timeout=_WRITER_TIMEOUT, limitmb=limitmb, compound=False)


def build_segment(staging: Path, articles: Iterable[StoredArticle]):
    """Index ``articles`` into a new index in the empty folder ``staging`` (in a
    worker process); returns its one Whoosh segment, for :func:`adopt_segment`.

    This is how indexing runs on every core: Whoosh's own multi-process writer
    pickles each document to its sub-writers and came out slower than one writer."""
    from reader.library.batch_writer import BatchWriter

    ix = create_index(staging)
    # Whoosh's posting pool stays empty: the batch writer keeps its own, in memory.
    writer = BatchWriter(ix, timeout=_WRITER_TIMEOUT, limitmb=1, compound=False)
    try:
        for stored in articles:
            writer.add_document(**document(stored))
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    with ix.reader() as reader:
        segment = reader.segment()
    ix.close()
    return segment


def adopt_segment(folder: Path, staging: Path, segment) -> None:
    """Move a worker's segment files into the index folder (not yet in its table of
    contents: until a commit lists them they are leftovers Whoosh cleans away)."""
    prefix = segment.segment_id()
    for file in staging.iterdir():
        if file.name.startswith(prefix):
            os.replace(file, folder / file.name)
    shutil.rmtree(staging, ignore_errors=True)


def commit_with(writer: IndexWriter, adopted: list) -> None:
    """Commit ``writer`` with the adopted segments added to the index. Small
    segments are not merged here (merging is the slow part of a Whoosh commit) but
    in the background afterwards (:mod:`reader.library.merge`)."""
    writer.commit(mergetype=lambda writer, segments: NO_MERGE(writer, segments) + list(adopted))


LEFTOVER_SUFFIXES = (".staging", ".new", ".old")  # of adds and rebuilds cut short


def remove_leftovers(folder: Path) -> bool:
    """Remove what a killed writer left beside the index; True if there was any.
    Only the holder of the writer lock may call this."""
    found = False
    for suffix in LEFTOVER_SUFFIXES:
        leftover = folder.with_name(folder.name + suffix)
        if leftover.exists():
            shutil.rmtree(leftover, ignore_errors=True)
            found = True
    return found


def has_leftovers(folder: Path) -> bool:
    return any(folder.with_name(folder.name + suffix).exists() for suffix in LEFTOVER_SUFFIXES)


def document(stored: StoredArticle) -> dict:
    article = stored.article
    title, body = ENGLISH_FIELDS if is_english(article.language) else OTHER_FIELDS
    doc: dict = {"id": stored.id, title: article.title, body: article.body}
    for label, field in NAME_FIELDS.items():
        names = stored.names(label)
        if names:
            # A comma keeps one name's last word and the next name's first apart in
            # the field's token stream only loosely; phrases across names are rare.
            doc[field] = ", ".join(names)
    speakers = stored.speakers()
    if speakers:
        doc["said"] = ", ".join(speakers)
    if article.source:
        doc["source"] = article.source
    when = naive_datetime(article.date)
    if when is not None:
        doc["date"] = when
    return doc


def naive_datetime(value: str | None) -> datetime | None:
    """An article's ISO 8601 date as the zone-less datetime Whoosh's DATETIME holds."""
    from reader.ingest.metadata import parse_iso_datetime  # loaded on first use: start-up

    parsed = parse_iso_datetime(value)
    return parsed.replace(tzinfo=None) if parsed else None


def apply_changes(
    writer: IndexWriter,
    deleted_ids: Iterable[str],
    articles: Iterable[StoredArticle],
) -> None:
    """Delete, then (re)add: running it twice gives the same index (crash recovery)."""
    for article_id in deleted_ids:
        writer.delete_by_term("id", article_id)
    for stored in articles:
        writer.update_document(**document(stored))


def build_fresh(
    folder: Path,
    articles: Iterable[StoredArticle],
    generation: int,
    segments: Iterable[tuple[Path, object]] = (),
) -> None:
    """Write a whole new index into a sibling folder, then swap it in. ``articles``
    are indexed here; ``segments`` (staging folder, segment) were built by workers."""
    staging = folder.with_name(folder.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    ix = create_index(staging)
    writer = open_writer(ix)
    adopted = []
    try:
        for stored in articles:
            writer.add_document(**document(stored))
        for segment_staging, segment in segments:
            adopt_segment(staging, segment_staging, segment)
            adopted.append(segment)
    except BaseException:
        writer.cancel()
        raise
    commit_with(writer, adopted)
    ix.close()
    write_generation(staging, generation)
    retired = folder.with_name(folder.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if folder.exists():
        os.replace(folder, retired)
    os.replace(staging, folder)
    shutil.rmtree(retired, ignore_errors=True)

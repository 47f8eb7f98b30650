"""JSON files of articles, as scrapers write them: one object (news-please,
trafilatura, newspaper) or a list of objects, mapped through the same keys as JSON
Lines (see :func:`reader.ingest.jsonl.article_from_record`). A JSON file is one
document, read whole within the size cap of a page; a collection belongs in JSON
Lines, which is streamed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from reader.ingest.decode import decode_bytes, read_bytes
from reader.ingest.errors import SkippedFile
from reader.ingest.jsonl import article_from_record, parse_json
from reader.model import Article


def read_json(
    path: str | os.PathLike[str], on_problem: Callable[[str], None], max_bytes: int
) -> Iterator[Article]:
    text = decode_bytes(read_bytes(path, max_bytes))
    try:
        document = parse_json(text)
    except ValueError as exc:
        raise SkippedFile(str(exc)) from None
    if isinstance(document, dict):
        try:
            yield article_from_record(document, path, 0)
        except ValueError as exc:
            reason = str(exc)
            raise SkippedFile("JSON with " + reason if reason.startswith("no ") else reason) from None
        return
    if not isinstance(document, list):
        raise SkippedFile(f"JSON with no article text (a {type(document).__name__})")
    for index, record in enumerate(document):
        try:
            yield article_from_record(record, path, index)
        except ValueError as exc:
            on_problem(f"item {index + 1}: {exc}")

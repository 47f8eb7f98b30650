"""The work a worker process does for ``add``: clean files, find entities.

Both steps are pure functions of their input, run in a process pool so that two
cores clean and extract at once while the main process alone writes the store and
the index. Cleaning is per file; entity extraction is per chunk of articles, so one
big JSON Lines file still keeps every core busy.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reader.library.records import EntitySpan
from reader.model import Article

_PIPELINE_PACKAGES = ("ingest", "entities")


@dataclass(slots=True)
class CleanedFile:
    path: str
    articles: list[Article]
    skipped: str | None = None
    problems: tuple[str, ...] = field(default=())


def clean_one(path: str) -> CleanedFile:
    from reader.ingest.errors import SkippedFile
    from reader.ingest.files import clean_file

    problems: list[str] = []
    try:
        articles = clean_file(path, problems.append)
    except SkippedFile as skip:
        return CleanedFile(path, [], skip.reason, tuple(problems))
    except Exception as exc:  # noqa: BLE001 - one page's cleaner bug must not end the add
        return CleanedFile(path, [], f"failed while cleaning ({type(exc).__name__}: {exc})", tuple(problems))
    return CleanedFile(path, articles, None, tuple(problems))


def extract_many(bodies: list[str]) -> list[list[EntitySpan]]:
    from reader.entities import extract

    return [
        [
            EntitySpan(m.start, m.end, m.label, m.name, m.text, getattr(m, "role", None))
            for m in extract(body)
        ]
        for body in bodies
    ]


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A fingerprint of the cleaner and entity code (and their data files): when it
    changes, ``rebuild`` cleans the sources again instead of reusing stored articles."""
    digest = hashlib.sha256()
    package_root = Path(__file__).resolve().parent.parent
    for package in _PIPELINE_PACKAGES:
        folder = package_root / package
        if not folder.is_dir():
            continue
        for file in sorted(folder.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(package_root)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def file_digest(path: str) -> tuple[str, int, int]:
    """(sha256, size, mtime_ns) of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        stat = os.fstat(handle.fileno())
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest(), stat.st_size, stat.st_mtime_ns

"""What a long write of the library reports as it goes: adding files, or rebuilding
the search index from the store (on ``rebuild``, or when a library opens with an
index to rebuild)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class AddProgress:
    files_done: int = 0
    files_total: int = 0
    articles_done: int = 0
    articles_total: int = 0  # grows as files are cleaned
    stage: str = "add"  # "add": files cleaned and indexed; "index": the index rebuilt from the store


ProgressCallback = Callable[[AddProgress], None]

"""Where the shared, read-only data lives: ``../shared`` beside the checkout (as CI
has it), or the folder ``$NEWS_READER_SHARED`` names. Tests and benchmarks take
every path to it from here."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWS_READER_SHARED") or REPO.parent / "shared")
CORPUS = SHARED / "corpus" / "news.jsonl.gz"
PAGES_DEV = SHARED / "pages-dev"

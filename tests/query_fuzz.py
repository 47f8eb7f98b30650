"""The query fuzzer shared by the suite (a few hundred examples) and
``benchmarks/fuzz.py`` (thousands): hypothesis strategies for what people and
accidents type into a search box, and the one property every query must have.
No tests here."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from hypothesis import strategies as st

from reader.library import Library, QueryError

PIECES = [
    "putin", "Kerry", "russia", "strikes", "the", "said", "oil", "中国经济", "Путин", "é",
    "AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO", "to", "(", ")", "[", "]", "{", "}", '"', "'",
    "*", "?", "~", "~2", "~9", "^", "^0", "^2", ":", "-", "+", "/", "\\", "title:", "body:",
    "person:", "org:", "place:", "source:", "date:", "author:", "date:2015", "date:2015-13",
    "date:yesterday", 'date:"last week"', "date:[2015 to", "2015-10-02", "syr*", "*a*", "lavrov~",
    "\x00", "\x1b[2J", "\u202e", " ", "  ", "\t", "\n",
]  # fmt: skip


def queries() -> st.SearchStrategy[str]:
    piece = st.sampled_from(PIECES) | st.text(max_size=6)
    joined = st.lists(piece, max_size=12).flatmap(
        lambda parts: st.sampled_from(["", " "]).map(lambda sep: sep.join(parts))
    )
    return joined | st.text(max_size=40) | st.just("x" * 5000)


@dataclass
class FuzzTally:
    runs: int = 0
    refused: int = 0  # QueryError: a message for the user
    found: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (query, traceback line)
    slow: list[tuple[str, float]] = field(default_factory=list)


def check_query(library: Library, text: str, tally: FuzzTally | None = None, slow_after: float = 2.0) -> None:
    """Search ``text`` every way the reader and the CLI do: only QueryError may come
    out, and with a one-line message."""
    tally = tally if tally is not None else FuzzTally()
    for options in ({}, {"sort": "date", "offset": 3}, {"date": text[:20]}):
        started = time.perf_counter()
        tally.runs += 1
        try:
            results = library.search(text, limit=5, **options)  # type: ignore[arg-type]
        except QueryError as exc:
            tally.refused += 1
            assert str(exc) and "\n" not in str(exc), repr(str(exc))
        else:
            tally.found += bool(results.hits)
            assert results.total >= len(results.hits)
        seconds = time.perf_counter() - started
        if seconds > slow_after:
            tally.slow.append((text, seconds))

"""The reader's start-up loads only what its first screen needs (issue 13's quick
start): checked by which modules a fresh process has imported, never by timing
(benchmarks/startup_bench.py times it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import reader.library
from reader.library import Library

# What adding, cleaning, entity extraction, quotes and story grouping need: none of
# it is read before the first results of an indexed library.
WRITERS_ONLY = (
    "reader.library.adder",
    "reader.ingest.files",
    "reader.ingest.html_page",
    "reader.entities.finder",
    "reader.entities.extract",
    "reader.quotes.finder",
    "reader.library.stories",
    "reader.stories.grouping",
    "reader.stories.coverage",
    "reader.library.people",
    "reader.export",
    "trafilatura",
    "lxml",
)
# The screens shown later, loaded when first shown.
LATER_SCREENS = (
    "reader.tui.screens.reading",
    "reader.tui.screens.compare",
    "reader.tui.screens.dialogs",
    "reader.tui.screens.help",
    "reader.tui.screens.highlights",
    "reader.tui.screens.people",
    "reader.tui.screens.related",
    "reader.tui.screens.story",
)

FIRST_RESULTS = """
import asyncio, json, sys
from reader.tui.app import NewsReaderApp

async def main():
    app = NewsReaderApp(sys.argv[1])
    async with app.run_test(size=(120, 36)):
        results = app.screen.query_one("#results")
        while not results.option_count:
            await asyncio.sleep(0.01)
        print(json.dumps({"screen": app.screen.id, "shown": results.option_count, "modules": sorted(sys.modules)}))

asyncio.run(main())
"""


def imported_by(code: str, *args: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_importing_the_reader_loads_neither_the_library_nor_the_later_screens():
    modules = imported_by("import json, sys; import reader.tui.app; print(json.dumps(sorted(sys.modules)))")
    assert "reader.tui.screens.search" in modules
    loaded = [m for m in (*WRITERS_ONLY, *LATER_SCREENS) if m in modules]
    assert loaded == []
    # The library (Whoosh, the store) loads in the worker that opens it, while the
    # first screen is drawn.
    assert [m for m in ("reader.library.library", "whoosh") if m in modules] == []


def test_the_first_results_need_no_writer_code_and_no_other_screen(library_dir: Path):
    with Library.open(library_dir) as library:
        articles = library.stats().articles
    found = imported_by(FIRST_RESULTS, str(library_dir))
    assert found["screen"] == "search"
    assert found["shown"] == articles  # the seeds' articles, newest first (fewer than a page)
    modules = found["modules"]
    assert "reader.library.library" in modules and "whoosh" in modules
    assert [m for m in (*WRITERS_ONLY, *LATER_SCREENS) if m in modules] == []


def test_every_name_the_library_exports_is_there_on_first_use():
    exported = reader.library.__all__
    assert sorted(exported) == sorted(reader.library._EXPORTS)
    for name in exported:
        module_name, attribute = reader.library._EXPORTS[name]
        assert getattr(reader.library, name) is getattr(sys.modules[module_name], attribute), name
    assert set(exported) <= set(dir(reader.library))
    try:
        reader.library.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")

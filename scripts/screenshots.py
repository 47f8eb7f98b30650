"""Make the README screenshots: the reader's main screens on the seeds, as SVG.

Runs the real app headless at a fixed size on a fresh library of the bundled seeds
(a temporary folder, so your own library is untouched) and writes
screenshots/<scene>.svg: search results for "putin", an article with its entities
highlighted, seeds 001/002 side by side at a shared passage, help, John Kerry's
quotes in the People view, the story of seed 004, and a passage highlighted with the
sentence cursor below it.

    .venv/bin/python scripts/screenshots.py [--size 120x36] [--out screenshots]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

from reader.library import Library
from reader.tui.app import NewsReaderApp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from tui_scenes import SCENES

TITLES = {
    "search": "news-reader: search as you type",
    "article": "news-reader: reading, entities highlighted",
    "side_by_side": "news-reader: side by side, shared passages marked",
    "help": "news-reader: every key",
    "story": "news-reader: one story, every outlet on a timeline",
    "highlight": "news-reader: a highlighted passage and the sentence cursor",
    "people": "news-reader: who said what, the same remark in two outlets",
}


async def shoot(library: Path, scene: str, size: tuple[int, int]) -> str:
    app = NewsReaderApp(library)
    async with app.run_test(size=size) as pilot:
        await SCENES[scene](pilot)
        return app.export_screenshot(title=TITLES.get(scene, scene))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="120x36", help="terminal size, WIDTHxHEIGHT (120x36)")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "screenshots"))
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        # The user's own config (keys, theme) stays out of the pictures.
        os.environ["NEWS_READER_CONFIG"] = str(Path(folder) / "config.toml")
        library = Path(folder) / "library"
        Library.open(library).close()  # index the seeds once
        for scene in SCENES:
            svg = asyncio.run(shoot(library, scene, (width, height)))
            target = out / f"{scene}.svg"
            target.write_text(svg, encoding="utf-8")
            print(f"{target} ({len(svg) // 1024} KiB)")


if __name__ == "__main__":
    main()

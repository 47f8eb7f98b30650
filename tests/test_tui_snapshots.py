"""SVG snapshots of the main screens at 120x36, compared with tests/snapshots/.

After an intended change of the look, refresh them with
``NEWS_READER_UPDATE_SNAPSHOTS=1 pytest tests/test_tui_snapshots.py`` and review the
SVGs (open them in a browser) before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_tui_support import SIZE, make_app
from tui_scenes import SCENES

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("NEWS_READER_UPDATE_SNAPSHOTS") == "1"


@pytest.mark.parametrize("scene", sorted(SCENES))
async def test_main_screens_look_as_stored(scene: str, library_dir: Path, tmp_path: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await SCENES[scene](pilot)
        svg = app.export_screenshot(title=f"news-reader {scene}")
    stored = SNAPSHOTS / f"{scene}.svg"
    if UPDATE or not stored.exists():
        if not UPDATE:
            pytest.fail(f"no stored snapshot {stored}; make it with NEWS_READER_UPDATE_SNAPSHOTS=1")
        stored.write_text(svg, encoding="utf-8")
        return
    if svg != stored.read_text(encoding="utf-8"):
        actual = tmp_path / f"{scene}.svg"
        actual.write_text(svg, encoding="utf-8")
        pytest.fail(
            f"{scene} looks different from {stored}; see {actual} (update: NEWS_READER_UPDATE_SNAPSHOTS=1)"
        )

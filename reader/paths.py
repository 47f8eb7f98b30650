"""Where the bundled data lives."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def seeds_dir() -> Path:
    """The five sample pages: inside the wheel, or at the top of a source checkout."""
    bundled = _PACKAGE_DIR / "_seeds"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent / "seeds"

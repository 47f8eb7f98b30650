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


def seed_name(path: str) -> str | None:
    """The file name of a bundled sample page (None for any other file): exported
    notes and listings name a seed by it, not by a path inside the installed package
    that the user never chose and may not be able to open."""
    candidate = Path(path)
    try:
        inside = candidate.parent.resolve() == seeds_dir()
    except (OSError, RuntimeError):
        return None
    return candidate.name if inside else None

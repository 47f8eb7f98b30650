"""The TUI holds no business logic and the core knows nothing of the TUI: only
reader/tui/ may import Textual, and nothing outside it imports reader.tui."""

from __future__ import annotations

import ast
from pathlib import Path

READER = Path(__file__).resolve().parent.parent / "reader"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_tui_imports_textual() -> None:
    offenders = []
    for path in READER.rglob("*.py"):
        if "tui" in path.relative_to(READER).parts:
            continue
        if any(name == "textual" or name.startswith("textual.") for name in _imports(path)):
            offenders.append(str(path.relative_to(READER)))
    assert offenders == []


def test_the_core_never_imports_the_tui() -> None:
    offenders = []
    for path in READER.rglob("*.py"):
        parts = path.relative_to(READER).parts
        if "tui" in parts or parts[0] == "cli":  # the CLI launches the reader
            continue
        if any(name == "reader.tui" or name.startswith("reader.tui.") for name in _imports(path)):
            offenders.append(str(path.relative_to(READER)))
    assert offenders == []

"""The static checks of scripts/check, run by the test suite so CI runs them too:
formatting and lint (ruff), types (mypy) and the import contracts in pyproject.toml
(import-linter: the core never imports the reader or Textual, the reader and the
command line use only the library's public API, no import cycles)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SOURCES = ["reader", "tests", "benchmarks", "scripts"]

CHECKS = {
    "ruff format": [str(BIN / "ruff"), "format", "--check", *SOURCES],
    "ruff check": [str(BIN / "ruff"), "check", *SOURCES],
    "mypy": [str(BIN / "mypy")],
    "import contracts": [str(BIN / "lint-imports"), "--no-cache"],
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_static_check_passes(name: str) -> None:
    run = subprocess.run(CHECKS[name], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, f"{name} failed:\n{run.stdout}\n{run.stderr}"

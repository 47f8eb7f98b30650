"""How long the reader takes to start: medians of fresh processes.

Prints, each a median of ``--runs`` fresh Python processes:

- python: the interpreter alone (``python -c pass``), a reference measured in the
  same run, since a loaded machine slows every figure;
- import: ``import reader.tui.app`` (what the reader loads before its first frame);
- --help: ``python -m reader --help``;
- first screen / first results: from launch until the search screen is up / until
  its list shows articles, measured by library_bench's ``FIRST_SCREEN`` script (one
  definition for both benchmarks).

The library is one built from the seeds in a temporary folder, or ``--library PATH``
(an indexed library; it is only read: the merge the reader starts when idle is not
waited for). The load average is printed before and after.

The processes run with compiled bytecode, as an installed reader does: a warm-up
run writes the ``.pyc`` files even where PYTHONDONTWRITEBYTECODE is set (compiling
every module at each start would add a few tenths of a second). ``--no-bytecode``
keeps that setting instead.

    python benchmarks/startup_bench.py [--library benchmarks/.cache/library/corpus/library] [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from library_bench import FIRST_SCREEN, PYTHON, ROOT

IMPORT = "import sys, time; t = time.perf_counter(); import reader.tui.app; print(time.perf_counter() - t)"


ENV = dict(os.environ)


def run(*args: str) -> str:
    return subprocess.run(
        [PYTHON, *args], capture_output=True, text=True, check=True, cwd=ROOT, env=ENV
    ).stdout


def timed(*args: str) -> float:
    started = time.perf_counter()
    run(*args)
    return time.perf_counter() - started


def measure(library: Path, runs: int) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {
        "python": [],
        "import": [],
        "--help": [],
        "first screen": [],
        "first results": [],
    }
    for _ in range(runs):  # taking turns, so that a burst of load hits every figure alike
        figures["python"].append(timed("-c", "pass"))
        figures["import"].append(float(run("-c", IMPORT).strip().splitlines()[-1]))
        figures["--help"].append(timed("-m", "reader", "--help"))
        out = run("-c", FIRST_SCREEN, str(library), str(time.time()))
        data = json.loads(out.strip().splitlines()[-1])
        figures["first screen"].append(data["first_screen_s"])
        figures["first results"].append(data["first_results_s"])
    return figures


def seeds_library(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from reader.library import Library

    library = folder / "library"
    Library.open(library).close()  # indexes the seeds
    return library


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--library", type=Path, help="an indexed library (default: the seeds, in a temp folder)"
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE if set")
    args = parser.parse_args()
    if not args.no_bytecode:
        ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        library = args.library.resolve() if args.library else seeds_library(Path(folder))
        run("-c", FIRST_SCREEN, str(library), str(time.time()))  # warm the file cache and the .pyc files
        before = os.getloadavg()
        figures = measure(library, args.runs)
        after = os.getloadavg()
    bytecode = "not written" if "PYTHONDONTWRITEBYTECODE" in ENV else "compiled"
    print(f"library: {args.library or 'the seeds (temporary)'}; {args.runs} runs each, fresh processes")
    print(f"bytecode: {bytecode}")
    print(f"load average before {before[0]:.2f} {before[1]:.2f}, after {after[0]:.2f} {after[1]:.2f}")
    for name, values in figures.items():
        print(
            f"{name:>14}: median {statistics.median(values):.3f} s   min {min(values):.3f}   max {max(values):.3f}"
        )


if __name__ == "__main__":
    main()

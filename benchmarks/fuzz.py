"""Fuzzing at length: the suite's fuzzers run for thousands of inputs, with counts.

    python benchmarks/fuzz.py --n 10000              # every section
    python benchmarks/fuzz.py --n 2000 queries       # one section (or: files)

Sections are independent functions in SECTIONS: queries through the search API
(tests/query_fuzz.py) and files through the readers and cleaners
(tests/fuzz_inputs.py), the same fuzzers the suite runs a few hundred examples of.
Each prints one JSON object: inputs tried, tracebacks or faults (with the first few
inputs that gave them) and inputs over 2 s.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from query_fuzz import FuzzTally, check_query, queries  # noqa: E402
from shared_data import CORPUS  # noqa: E402

from reader.library import Library  # noqa: E402

SLOW_SECONDS = 2.0


def fuzz_queries(n: int, work: Path) -> dict:
    """Queries through Library.search on a library of 2,000 corpus articles."""
    sample = work / "sample.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        sample.write_text("".join(itertools.islice(handle, 2000)))
    library = Library.open(work / "library", seed=False)
    library.add([sample])
    tally = FuzzTally()

    @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(text=queries())
    def run(text: str) -> None:
        try:
            check_query(library, text, tally, SLOW_SECONDS)
        except Exception:
            tally.failures.append((text, traceback.format_exc().strip().splitlines()[-1]))

    run()
    library.close()
    return {
        "inputs": n,
        "searches": tally.runs,
        "refused_with_a_message": tally.refused,
        "with_hits": tally.found,
        "tracebacks": len(tally.failures),
        "tracebacks_first": tally.failures[:5],
        "over_2_s": len(tally.slow),
        "slowest": sorted(tally.slow, key=lambda s: -s[1])[:5],
    }


def fuzz_files(n: int, work: Path) -> dict:
    """Files of every format, encoding and breakage through the readers."""
    from fuzz_inputs import faults, input_file, read_one

    failures: list[tuple[str, str]] = []
    slow: list[tuple[str, float]] = []
    counter = itertools.count()

    @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(named_bytes=input_file)
    def run(named_bytes: tuple[str, bytes]) -> None:
        name, data = named_bytes
        folder = work / str(next(counter))
        folder.mkdir()
        path = folder / name
        path.write_bytes(data)
        try:
            outcome = read_one(str(path))
        except Exception:
            failures.append((name, traceback.format_exc().strip().splitlines()[-1]))
            return
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        failures.extend((name, fault) for fault in faults(outcome))
        if outcome.seconds > SLOW_SECONDS:
            slow.append((name, outcome.seconds))

    run()
    return {
        "inputs": n,
        "tracebacks_or_faults": len(failures),
        "first": failures[:5],
        "over_2_s": len(slow),
        "slowest": sorted(slow, key=lambda s: -s[1])[:5],
    }


SECTIONS: dict[str, Callable[[int, Path], dict]] = {"queries": fuzz_queries, "files": fuzz_files}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10_000, help="inputs per section")
    parser.add_argument("sections", nargs="*", choices=[*SECTIONS, []], help="all when none is named")
    args = parser.parse_args()
    for name in args.sections or SECTIONS:
        work = Path(tempfile.mkdtemp(prefix=f"fuzz-{name}-"))
        try:
            figures = {
                "section": name,
                "load_average_before": os.getloadavg(),
                **SECTIONS[name](args.n, work),
            }
            figures["load_average_after"] = os.getloadavg()
            print(json.dumps(figures, ensure_ascii=True), flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

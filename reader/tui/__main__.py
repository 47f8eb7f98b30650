"""``python -m reader.tui [LIBRARY]``: open the reader (the CLI's default does the same)."""

import sys

from reader.tui import run

raise SystemExit(run(sys.argv[1] if len(sys.argv) > 1 else None))

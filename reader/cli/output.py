"""Console output shared by the commands: stdout for results, stderr for messages.

Text from pages is printed as plain ``rich.text.Text`` (never parsed as markup) and
passed through :func:`reader.ingest.sanitize.terminal_safe` first, so nothing a page
contains can reach the terminal as a control sequence.
"""

from __future__ import annotations

import json
import sys

from rich.console import Console

stdout = Console(highlight=False, soft_wrap=False)
stderr = Console(stderr=True, highlight=False)


def error(message: str) -> None:
    stderr.print(f"news-reader: {message}", markup=False, style="red")


def warn(message: str) -> None:
    stderr.print(f"news-reader: {message}", markup=False, style="yellow")


def print_json_line(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")

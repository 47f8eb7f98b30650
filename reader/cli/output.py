"""Console output shared by the commands: stdout for results, stderr for messages.

Text from pages is printed as plain ``rich.text.Text`` (never parsed as markup) and
passed through :func:`reader.ingest.sanitize.terminal_safe` first, so nothing a page
contains can reach the terminal as a control sequence.
"""

from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.text import Text

from reader.ingest.sanitize import terminal_safe

stdout = Console(highlight=False, soft_wrap=False)
stderr = Console(stderr=True, highlight=False)


def _message(message: str, style: str) -> None:
    # One line, never wrapped, so it stays one line for grep and logs; a Text, so a
    # file named "a :fire: [b].txt" is shown as named, without emoji codes or markup.
    line = Text(f"news-reader: {terminal_safe(message, one_line=True)}", style=style)
    stderr.print(line, soft_wrap=True)


def error(message: str) -> None:
    _message(message, "red")


def warn(message: str) -> None:
    _message(message, "yellow")


def print_json_line(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")

"""Console output shared by the commands: stdout for results, stderr for messages.

Text from pages is printed as plain ``rich.text.Text`` (never parsed as markup) and
passed through :func:`reader.ingest.sanitize.terminal_safe` first, so nothing a page
contains can reach the terminal as a control sequence.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys

from rich.console import Console
from rich.text import Text

from reader.ingest.sanitize import clean_control_chars, terminal_safe

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


def drop_stdout() -> None:
    """After a failed write to stdout (a closed pipe, a full disk): whatever is still
    buffered cannot be written; without this the interpreter's exit reports the same
    error again as "Exception ignored"."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def print_json_line(obj: object) -> None:
    """``obj`` as one line of JSON, every string in it sanitized first: JSON would
    escape an ESC, but ``jq -r`` and every other consumer decodes it again, and C1
    controls and bidi overrides are not escaped at all."""
    sys.stdout.write(json.dumps(json_safe(obj), ensure_ascii=False) + "\n")


def json_safe(obj: object) -> object:
    if isinstance(obj, str):
        return clean_control_chars(obj)
    if isinstance(obj, dict):
        return {json_safe(key): json_safe(value) for key, value in obj.items()}
    if isinstance(obj, list | tuple):
        return [json_safe(item) for item in obj]
    return obj

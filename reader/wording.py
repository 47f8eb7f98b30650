"""How counts are worded, for the command line, the reader and exports alike."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """A count with its noun, singular for one: "1 article", "2,345 articles"."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"

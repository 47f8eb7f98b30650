"""Text boxes that leave the reader's own keys alone.

An ``Input`` claims every printable key, so Textual hides bindings such as ``?``
while one has focus. Here ``?`` (help) and ``/`` (search) stay keys of the reader:
a user looking for help from the query box gets it. (``?`` as a one-letter wildcard
is rare in a news search; ``*`` does the same job.)"""

from __future__ import annotations

from textual.widgets import Input

RESERVED_CHARACTERS = frozenset("?/")


class ReaderInput(Input):
    def check_consume_key(self, key: str, character: str | None) -> bool:
        if character in RESERVED_CHARACTERS:
            return False
        return super().check_consume_key(key, character)

"""The one exception every input step raises when a file cannot become articles."""

from __future__ import annotations

from reader.errors import ReaderError


class SkippedFile(ReaderError):
    """A file (or a whole input) was passed over; ``reason`` is one line for the user.

    Examples of reasons: "empty file", "binary file (PNG image)",
    "larger than 20 MB (34.1 MB)", "cannot read: permission denied".
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

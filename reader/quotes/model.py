"""What the quote finder returns: one quotation in an article body and who said it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

# How the speaker of a quote was found.
NAMED = "named"  # a name next to the quote: "…," Kerry said / said Khaled Khoja / Kerry said: "…"
PRONOUN = "pronoun"  # "…," he said: the person named as the subject nearby
CONTINUED = "continued"  # a quote going on after the speaker's earlier one, with no new speaker
UNNAMED = "unnamed"  # a speaker the text does not name: "the analyst said", "a spokesman for Putin said"


class MentionLike(Protocol):
    """What the finder reads of an entity mention (``reader.entities.Mention`` and the
    library's ``EntitySpan`` both fit): offsets into the body, label, canonical name."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def label(self) -> str: ...

    @property
    def name(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``body[start:end]`` is the quoted text, without its marks.

    ``speaker_at`` is the start offset of the entity mention that names the speaker
    (for "he said", the mention of the person "he" stands for): the library reads the
    speaker's identity from that mention, so a person's quotes follow the person's
    name wherever the library resolves it. None when the speaker is not named.
    ``cue`` is how the text points at the speaker beside the quote ("Mr. Putin",
    "he", "the analyst"); ``partial`` marks a fragment (a scare quote, a few words
    inside the writer's own sentence) rather than a statement.
    """

    start: int
    end: int
    partial: bool = False
    speaker_at: int | None = None
    how: str = ""  # NAMED, PRONOUN, CONTINUED, UNNAMED, or "" (no speaker found)
    cue: str = ""

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "partial": self.partial,
            "speaker_at": self.speaker_at,
            "how": self.how,
            "cue": self.cue,
        }

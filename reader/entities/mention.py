"""What the entity layer returns: one mention of a person, organisation or place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Label = Literal["PERSON", "ORG", "PLACE"]
LABELS: tuple[Label, ...] = ("PERSON", "ORG", "PLACE")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in a text: ``text[start:end] == mention.text``.

    ``name`` is the canonical name within the text ("Vladimir Putin" for "Mr. Putin");
    ``role`` is the title written before a person's name, when there is one
    ("Secretary of State" for "US Secretary of State John Kerry").
    """

    start: int
    end: int
    label: Label
    name: str
    text: str
    role: str | None = None

    def to_json(self) -> dict:
        data = {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "name": self.name,
            "text": self.text,
        }
        if self.role:
            data["role"] = self.role
        return data

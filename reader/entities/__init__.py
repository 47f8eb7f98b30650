"""The entity layer: people, organisations and places named in plain text.

``extract(text)`` finds mentions with exact offsets and a canonical name within the
text; ``PersonRegistry`` / ``resolve_library`` give each person one name across the
whole library. Gazetteers load on first use, so importing this package is cheap.
"""

from __future__ import annotations

from reader.entities.aliases import PersonRegistry, mostly_things, resolve_library, unknown_lone_names
from reader.entities.extract import extract, extract_article
from reader.entities.mention import LABELS, Label, Mention
from reader.entities.names import bare_name_words

__all__ = [
    "LABELS",
    "Label",
    "Mention",
    "PersonRegistry",
    "bare_name_words",
    "extract",
    "extract_article",
    "mostly_things",
    "resolve_library",
    "unknown_lone_names",
]

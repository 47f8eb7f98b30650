"""The Whoosh schema of the library index and its analyzers.

Only ``id`` is stored: titles, bodies and entities come from the store, which keeps
the index small and its segments quick to write.
"""

from __future__ import annotations

import whoosh
from whoosh import fields
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer

from reader.errors import ReaderError

# The Whoosh distribution this code was written and tested against (see pyproject);
# other forks install the same package name with different bugs.
WHOOSH_VERSION = "3.54.0"

TITLE_BOOST = 2.5
NAME_FIELDS = {"PERSON": "person", "ORG": "org", "PLACE": "place"}


class WrongWhoosh(ReaderError, RuntimeError):
    pass


def check_whoosh() -> None:
    found = whoosh.versionstring()
    if found != WHOOSH_VERSION:
        raise WrongWhoosh(
            f"news-reader needs whoosh3=={WHOOSH_VERSION}, found Whoosh {found}; "
            f"reinstall with: pip install 'whoosh3=={WHOOSH_VERSION}'"
        )


def text_analyzer():
    # Unbounded stem cache: stemming dominates indexing time and the vocabulary of a
    # news library is small enough to keep.
    return StemmingAnalyzer(cachesize=-1)


def name_analyzer():
    # Names are matched word by word without stemming: person:putin, source:"arab today".
    return RegexTokenizer() | LowercaseFilter()


_NAME_TOKENIZER = name_analyzer()


def name_words(name: str) -> list[str]:
    """A name as the index holds it: "Bashar al-Assad" -> bashar, al, assad. The one
    tokenizer for names, used by queries, the people directory and related pieces."""
    return [token.text for token in _NAME_TOKENIZER(name)]


def build_schema() -> fields.Schema:
    text = text_analyzer()
    names = name_analyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=text, field_boost=TITLE_BOOST),
        body=fields.TEXT(analyzer=text),
        person=fields.TEXT(analyzer=names),
        said=fields.TEXT(analyzer=names),  # everyone quoted: said:lavrov
        org=fields.TEXT(analyzer=names),
        place=fields.TEXT(analyzer=names),
        source=fields.TEXT(analyzer=names),
        date=fields.DATETIME(sortable=True),
    )

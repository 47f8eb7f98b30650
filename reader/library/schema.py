"""The Whoosh schema of the library index and its analyzers.

Only ``id`` is stored: titles, bodies and entities come from the store, which keeps
the index small and its segments quick to write.

Text is indexed in one of two pairs of fields by the article's language: English
(or unknown) text in ``title``/``body``, stemmed with the English stemmer; other
languages in ``title_other``/``body_other``, lower-cased only, since the English
stemmer would mangle them. In both, scripts written without spaces between words
(Chinese, Japanese, Korean, Thai, Lao, Burmese, Khmer) are split into overlapping
character pairs, so a clause is searchable by any word in it. A word's combining
marks are part of it (``reader.letters``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import whoosh
from whoosh import fields
from whoosh.analysis import (
    STOP_WORDS,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
    Tokenizer,
)
from whoosh.lang.porter import stem

from reader.errors import ReaderError
from reader.letters import INDEX_WORD, SOUTHEAST_ASIAN_LETTERS

# The Whoosh distribution this code was written and tested against (see pyproject);
# other forks install the same package name with different bugs.
WHOOSH_VERSION = "3.54.0"

# Bump when the analyzers or fields change: an index written with another version is
# rebuilt from the store on open.
SCHEMA_VERSION = "4"

TITLE_BOOST = 2.5
NAME_FIELDS = {"PERSON": "person", "ORG": "org", "PLACE": "place"}
DATE_FIELD = "date"
ENGLISH_FIELDS = ("title", "body")
OTHER_FIELDS = ("title_other", "body_other")
OTHER_FIELD = dict(zip(ENGLISH_FIELDS, OTHER_FIELDS))

# Han, Hiragana, Katakana, Hangul (and their compatibility and extension blocks);
# Thai, Lao, Burmese and Khmer.
UNSPACED = re.compile(
    f"[{SOUTHEAST_ASIAN_LETTERS}"
    "\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3130-\u318f\u3190-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002fa1f]+"
)


class WrongWhoosh(ReaderError, RuntimeError):
    pass


def check_whoosh() -> None:
    found = whoosh.versionstring()
    if found != WHOOSH_VERSION:
        raise WrongWhoosh(
            f"news-reader needs whoosh3=={WHOOSH_VERSION}, found Whoosh {found}; "
            f"reinstall with: pip install 'whoosh3=={WHOOSH_VERSION}'"
        )


def is_english(language: str | None) -> bool:
    """Unknown counts as English: the cleaners mark what they recognise as other."""
    return not language or language.lower().split("-")[0] == "en"


class WordTokenizer(Tokenizer):
    """Whoosh's word tokenizer, with runs of CJK characters split into overlapping
    pairs ("中国经济" -> 中国, 国经, 经济), each pair a position of its own so that
    a clause typed as a query becomes a phrase of pairs. Text without those scripts
    (one regex scan) goes through untouched."""

    def __init__(self) -> None:
        self.words = RegexTokenizer(INDEX_WORD)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __call__(self, value: str, **kwargs) -> Iterator[Token]:
        tokens = self.words(value, **kwargs)
        if not UNSPACED.search(value):
            return tokens
        return _pairs(tokens)


def _pairs(tokens: Iterator[Token]) -> Iterator[Token]:
    shift = 0
    for token in tokens:
        text = token.text
        if token.positions:
            token.pos += shift
        if not UNSPACED.search(text):
            yield token
            continue
        first_char = token.startchar if token.chars else 0
        first_pos = token.pos if token.positions else 0
        count = 0
        for offset, piece in _runs(text):
            for gram_offset, gram in _grams(piece):
                token.text = gram
                if token.chars:
                    token.startchar = first_char + offset + gram_offset
                    token.endchar = token.startchar + len(gram)
                if token.positions:
                    token.pos = first_pos + count
                count += 1
                yield token
        shift += count - 1


def _runs(text: str) -> Iterator[tuple[int, str]]:
    cursor = 0
    for match in UNSPACED.finditer(text):
        if match.start() > cursor:
            yield cursor, text[cursor : match.start()]
        yield match.start(), match.group(0)
        cursor = match.end()
    if cursor < len(text):
        yield cursor, text[cursor:]


def _grams(piece: str) -> Iterator[tuple[int, str]]:
    if len(piece) < 2 or not UNSPACED.match(piece):
        yield 0, piece
        return
    for start in range(len(piece) - 1):
        yield start, piece[start : start + 2]


def composed_text_analyzer():
    """English: words, CJK pairs, lower case, stop words, Porter stems, as a chain
    of Whoosh's own parts (:class:`EnglishAnalyzer` does the same in one loop)."""
    return WordTokenizer() | LowercaseFilter() | StopFilter() | StemFilter(cachesize=-1)


class EnglishAnalyzer(Tokenizer):
    """:func:`composed_text_analyzer` in one loop instead of four chained
    generators: the same tokens (tests compare them), in about half the time,
    which is a tenth of indexing. Text with CJK goes through the chain."""

    def __init__(self) -> None:
        self.chain = composed_text_analyzer()

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ) -> Iterator[Token]:
        if not tokenize or UNSPACED.search(value):
            yield from self.chain(
                value,
                positions=positions,
                chars=chars,
                keeporiginal=keeporiginal,
                removestops=removestops,
                start_pos=start_pos,
                start_char=start_char,
                tokenize=tokenize,
                mode=mode,
                **kwargs,
            )
            return
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        kept_pos = None  # StopFilter renumbers the words it keeps: stop words take no position
        for number, match in enumerate(INDEX_WORD.finditer(value)):
            original = match.group(0)
            word = original.lower()
            if len(word) < _STOPPED_BELOW or word in STOP_WORDS:
                if removestops:
                    continue
                token.text = word
                token.stopped = True
                if positions:
                    token.pos = start_pos + number
            else:
                token.text = _english_stem(word)
                token.stopped = False
                if positions:
                    kept_pos = start_pos + number if kept_pos is None else kept_pos + 1
                    token.pos = kept_pos
            token.boost = 1.0
            if keeporiginal:
                token.original = original  # type: ignore[attr-defined]
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token

    def positions(self, value: str) -> dict[str, list[int]] | None:
        """Each term of ``value`` with its positions, as indexing reads it (the
        tokens of ``positions=True``, stop words removed), without making a Token
        per word; None for text with CJK, which goes through the chain."""
        if UNSPACED.search(value):
            return None
        found: dict[str, list[int]] = {}
        terms = _INDEXED_AS
        if len(terms) > _MAX_INDEXED_AS:
            terms.clear()
        kept_pos = None
        for number, word in enumerate(INDEX_WORD.findall(value)):
            term = terms.get(word, _UNSEEN)
            if term is _UNSEEN:
                term = terms[word] = _kept_term(word)
            if term is None:
                continue
            kept_pos = number if kept_pos is None else kept_pos + 1
            if term in found:
                found[term].append(kept_pos)
            else:
                found[term] = [kept_pos]
        return found


def text_analyzer():
    """English: words, CJK pairs, lower case, stop words, Porter stems."""
    return EnglishAnalyzer()


def other_text_analyzer():
    """Other languages: words and CJK pairs in lower case, nothing removed or stemmed."""
    return WordTokenizer() | LowercaseFilter()


def analyzer_for(language: str | None):
    return _ENGLISH if is_english(language) else _OTHER


def name_analyzer():
    # Names are matched word by word without stemming: person:putin, source:"arab today".
    return RegexTokenizer(INDEX_WORD) | LowercaseFilter()


_NAME_TOKENIZER = name_analyzer()


def name_positions(value: str) -> dict[str, list[int]]:
    """Each term of a name field's ``value`` with its positions, the tokens
    :func:`name_analyzer` gives with ``positions=True``, without a Token per word."""
    found: dict[str, list[int]] = {}
    for number, word in enumerate(INDEX_WORD.findall(value)):
        term = word.lower()
        if term in found:
            found[term].append(number)
        else:
            found[term] = [number]
    return found


def name_words(name: str) -> list[str]:
    """A name as the index holds it: "Bashar al-Assad" -> bashar, al, assad. The one
    tokenizer for names, used by queries, the people directory and related pieces."""
    return [token.text for token in _NAME_TOKENIZER(name)]


def build_schema() -> fields.Schema:
    english = text_analyzer()
    other = other_text_analyzer()
    names = name_analyzer()
    # A word that analyses to several tokens (a CJK clause, "e-mail") is a phrase.
    phrase = "phrase"
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=english, field_boost=TITLE_BOOST, multitoken_query=phrase),
        body=fields.TEXT(analyzer=english, multitoken_query=phrase),
        title_other=fields.TEXT(analyzer=other, field_boost=TITLE_BOOST, multitoken_query=phrase),
        body_other=fields.TEXT(analyzer=other, multitoken_query=phrase),
        person=fields.TEXT(analyzer=names),
        said=fields.TEXT(analyzer=names),  # everyone quoted: said:lavrov
        org=fields.TEXT(analyzer=names),
        place=fields.TEXT(analyzer=names),
        source=fields.TEXT(analyzer=names),
        date=fields.DATETIME(sortable=True),
    )


def search_schema(english: bool = True) -> fields.Schema:
    """The schema queries are parsed with: the index's, except that ``date:`` values
    are read as plain text (the query module makes them date ranges, relative dates
    included) and, for the other-language fields, title and body analyse as they do."""
    schema = build_schema()
    schema.remove(DATE_FIELD)
    schema.add(DATE_FIELD, fields.ID())
    if not english:
        for name in ENGLISH_FIELDS:
            schema.remove(name)
            schema.add(name, schema[OTHER_FIELD[name]])
    return schema


_ENGLISH = text_analyzer()
_OTHER = other_text_analyzer()
_STOPPED_BELOW = StopFilter().min  # shorter words are stop words too
_english_stem = lru_cache(maxsize=None)(stem)
# Each word as written -> the term English text indexes it as (None: a stop word).
# Indexing asks it of every word; most are seen many times, in their case.
_INDEXED_AS: dict[str, str | None] = {}
_MAX_INDEXED_AS = 200_000  # words; past this the table starts again
_UNSEEN = "\0"  # no word: words are runs of word characters


def _kept_term(word: str) -> str | None:
    word = word.lower()
    if len(word) < _STOPPED_BELOW or word in STOP_WORDS:
        return None
    return _english_stem(word)


def analysed_words(text: str, language: str | None) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) for every word of ``text`` as the index's analyzer for
    ``language`` reads it, stop words included (lower-cased, never stemmed, as the
    analyzer leaves them). The same as running the analyzer with ``chars=True,
    removestops=False``, several times faster: passages read whole bodies."""
    if UNSPACED.search(text):
        analyzer = analyzer_for(language)
        for token in analyzer(text, chars=True, mode="query", removestops=False):
            yield token.startchar, token.endchar, token.text
        return
    english = is_english(language)
    for match in INDEX_WORD.finditer(text):
        yield match.start(), match.end(), _term(match.group(), english)


def is_stop_word(word: str, language: str | None) -> bool:
    """True for a word the index for ``language`` leaves out (and closes the gap it
    leaves, so a phrase matches across it)."""
    return is_english(language) and (len(word) < _STOPPED_BELOW or word.lower() in STOP_WORDS)


def analysed_word(word: str, language: str | None) -> str:
    """The term one word (no CJK) is indexed as, or its lower case if a stop word."""
    return _term(word, is_english(language))


def _term(word: str, english: bool) -> str:
    word = word.lower()
    if english and len(word) >= _STOPPED_BELOW and word not in STOP_WORDS:
        return _english_stem(word)
    return word

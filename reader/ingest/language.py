"""The language of a text, from jusText's stop-word lists (about 100 languages) and,
for scripts written without spaces between words, from the script itself.

The detector looks at the page's longer lines (running text rather than menus),
finds the script most of their letters are written in, and among the languages
jusText has a stop list for in that script picks the one whose most frequent
words cover most of the text's words. Chinese and Japanese (no stop list, no
spaces) are told apart by their kana; Thai, Lao, Khmer and Burmese by their script.

Codes are ISO 639-1 where the language has one ("en", "ru", "ja"), else ISO 639-3
("ast" for Asturian). Pure functions; the stop lists are read once, on first use.
"""

from __future__ import annotations

import pkgutil
import re
import unicodedata
from collections import Counter, defaultdict
from functools import cache

from justext import get_stoplist, get_stoplists

from reader.letters import LETTER_WORD as _WORD

# jusText's stop-list names and the codes they stand for.
_CODES = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Aragonese": "an", "Armenian": "hy",
    "Aromanian": "rup", "Asturian": "ast", "Azerbaijani": "az", "Basque": "eu", "Belarusian": "be",
    "Belarusian_Taraskievica": "be", "Bengali": "bn", "Bishnupriya_Manipuri": "bpy", "Bosnian": "bs",
    "Breton": "br", "Bulgarian": "bg", "Catalan": "ca", "Cebuano": "ceb", "Chuvash": "cv",
    "Croatian": "hr", "Czech": "cs", "Danish": "da", "Dutch": "nl", "English": "en", "Esperanto": "eo",
    "Estonian": "et", "Finnish": "fi", "French": "fr", "Galician": "gl", "Georgian": "ka",
    "German": "de", "Greek": "el", "Gujarati": "gu", "Haitian": "ht", "Hebrew": "he", "Hindi": "hi",
    "Hungarian": "hu", "Icelandic": "is", "Ido": "io", "Igbo": "ig", "Indonesian": "id", "Irish": "ga",
    "Italian": "it", "Javanese": "jv", "Kannada": "kn", "Kazakh": "kk", "Korean": "ko", "Kurdish": "ku",
    "Kyrgyz": "ky", "Latin": "la", "Latvian": "lv", "Lithuanian": "lt", "Lombard": "lmo",
    "Low_Saxon": "nds", "Luxembourgish": "lb", "Macedonian": "mk", "Malay": "ms", "Malayalam": "ml",
    "Maltese": "mt", "Marathi": "mr", "Neapolitan": "nap", "Nepali": "ne", "Newar": "new",
    "Norwegian_Bokmal": "nb", "Norwegian_Nynorsk": "nn", "Occitan": "oc", "Persian": "fa",
    "Piedmontese": "pms", "Polish": "pl", "Portuguese": "pt", "Quechua": "qu", "Romanian": "ro",
    "Russian": "ru", "Samogitian": "sgs", "Serbian": "sr", "Serbo_Croatian": "sh", "Sicilian": "scn",
    "Simple_English": "en", "Slovak": "sk", "Slovenian": "sl", "Spanish": "es", "Sundanese": "su",
    "Swahili": "sw", "Swedish": "sv", "Tagalog": "tl", "Tamil": "ta", "Telugu": "te", "Turkish": "tr",
    "Turkmen": "tk", "Ukrainian": "uk", "Urdu": "ur", "Uzbek": "uz", "Vietnamese": "vi",
    "Volapuk": "vo", "Walloon": "wa", "Waray_Waray": "war", "Welsh": "cy", "West_Frisian": "fy",
    "Western_Panjabi": "pnb", "Yoruba": "yo",
}  # fmt: skip
# Where two lists give one code, the stop list used for the code is the main one.
_MAIN_LIST = {"en": "English", "be": "Belarusian"}

# Scripts written without spaces between words, by the Unicode name of their letters.
_SPACELESS_SCRIPTS = {"THAI": "th", "LAO": "lo", "KHMER": "km", "MYANMAR": "my"}
_CJK_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA"})
_KANA = frozenset({"HIRAGANA", "KATAKANA"})
SPACELESS_LANGUAGES = frozenset({"zh", "ja", *_SPACELESS_SCRIPTS.values()})
# Japanese prose is about a third kana; Chinese has none.
_MIN_KANA_SHARE = 0.05

_TOP_WORDS = 100  # the most frequent words of each list: enough to tell languages apart
_MIN_DISTINCT_WORDS = 2
_MIN_COVERAGE = 0.08  # share of the text's words the winning list must cover
_MOSTLY_CAPITALS = 3  # under a third of the words in lower case: a text in capitals
_SAMPLE_CHARS = 3_000  # enough text to decide; keeps detection cheap on any page
_FEW_NON_ASCII = 0.1
_LONG_LINE = 40  # characters: lines at least this long are running text more often than menus
_MIN_SAMPLE = 200
_LETTER = re.compile(r"[^\W\d_]")
_LINE = re.compile(r"[^\n\r]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# _WORD on ASCII text; and tables for bytes.translate that keep ASCII letters (and
# apostrophes) and make every other byte a space: splitting the result finds the same
# words faster.
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
_ASCII_LETTERS = bytes(i if chr(i).isascii() and chr(i).isalpha() else 32 for i in range(256))
_ASCII_LETTERS_AND_APOSTROPHES = bytes(i if i == ord("'") else b for i, b in enumerate(_ASCII_LETTERS))
# Beyond ASCII, the punctuation and spaces common in Latin-script text.
_PUNCTUATION_BEYOND_ASCII = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb\u00a9\u2022\u00b7\u00a0"
_LETTER_BEYOND_ASCII = re.compile(f"[^\\x00-\\x7f{_PUNCTUATION_BEYOND_ASCII}]")  # or a digit, a symbol...


def ascii_form(lowered: str) -> str | None:
    """A lower-cased text in ASCII when its letters and digits all are, the marks beyond
    ASCII (curly quotes, dashes) made "?", which no word pattern takes in; else None.
    Word patterns compiled with re.ASCII find the same words in it several times faster."""
    if lowered.isascii():
        return lowered
    if letters_in_ascii(lowered):
        return lowered.encode("ascii", "replace").decode("ascii")
    return None


def letters_in_ascii(text: str) -> bool:
    """Every letter and digit of ``text`` is ASCII (beyond it, only curly quotes, dashes
    and such marks): it holds no letter of another script."""
    return _LETTER_BEYOND_ASCII.search(text) is None


def ascii_words(in_ascii: str, encoded: bytes | None = None) -> list[str]:
    """The words _WORD finds in an ASCII text: its runs of letters, an apostrophe
    between two letters joining them ("don't"). ``encoded``: the text as bytes, when
    the caller has them."""
    if encoded is None:
        encoded = in_ascii.encode("ascii")
    if "'" not in in_ascii:
        return encoded.translate(_ASCII_LETTERS).decode("ascii").split()  # (ascii_letter_runs)
    runs = encoded.translate(_ASCII_LETTERS_AND_APOSTROPHES).decode("ascii")
    if "''" in runs or " '" in runs or "' " in runs or runs[:1] == "'" or runs[-1:] == "'":
        return _ASCII_WORD.findall(in_ascii)  # an apostrophe that joins no two letters
    return runs.split()


def ascii_letter_runs(in_ascii: str) -> list[str]:
    """The runs of letters of an ASCII text (what [^\\W\\d_]+ finds in it), found by
    splitting where every other character is made a space: several times faster."""
    return in_ascii.encode("ascii").translate(_ASCII_LETTERS).decode("ascii").split()


def _words(text: str) -> list[str]:
    """The words of ``text`` (_WORD) as written, found in ASCII where that finds the same."""
    curly = "’" in text
    if curly and "'" in text:
        return _WORD.findall(text)  # ASCII has one apostrophe for the two
    in_ascii = ascii_form(text.replace("’", "'") if curly else text)  # ’ joins words as ' does
    if in_ascii is None:
        return _WORD.findall(text)
    words = ascii_words(in_ascii)
    return [word.replace("'", "’") for word in words] if curly else words


def _function_words(words: list[str]) -> list[str]:
    """The words that may be a language's function words, lower-cased: those not
    written with a capital. Names and month names are capitalised, and the stop lists
    of small Wikipedias hold English ones ("april", "july" in Igbo's); function words
    are not. A text mostly in capitals is taken whole."""
    lower = [word.lower() for word in words if not word[0].isupper()]
    return lower if len(lower) * _MOSTLY_CAPITALS >= len(words) else [word.lower() for word in words]


@cache
def _script(char: str) -> str:
    """The script of a letter, as the first word of its Unicode name ("LATIN", "CJK")."""
    name = unicodedata.name(char, "")
    first, _, rest = name.partition(" ")
    if first in ("HALFWIDTH", "FULLWIDTH"):
        first = rest.partition(" ")[0]
    return first


def _main_script(text: str) -> tuple[str | None, Counter[str]]:
    # Letters beyond ASCII take two bytes or more in UTF-8: when they are few, the
    # text is in the Latin script whatever else it holds ("©", a curly quote).
    beyond_ascii = len(text.encode("utf-8", "replace")) - len(text)
    if beyond_ascii <= _FEW_NON_ASCII * len(text):
        return ("LATIN", Counter({"LATIN": 1})) if _ASCII_LETTER.search(text) else (None, Counter())
    counts = Counter(map(_script, _LETTER.findall(text)))
    if not counts:
        return None, counts
    script = counts.most_common(1)[0][0]
    if script in _CJK_SCRIPTS:
        return "CJK", counts
    return script, counts


@cache
def _top_words() -> tuple[dict[str, list[tuple[str, int]]], dict[str, str]]:
    """For each frequent stop word, the lists it is among the top words of, with its
    rank in each; and each list's script."""
    by_word: dict[str, list[tuple[str, int]]] = {}
    scripts: dict[str, str] = {}
    for name in sorted(get_stoplists()):
        data = pkgutil.get_data("justext", f"stoplists/{name}.txt") or b""
        words = [w.lower() for w in data.decode("utf-8").split()[:_TOP_WORDS]]
        scripts[name] = _main_script(" ".join(words))[0] or ""
        for rank, word in enumerate(words):  # "the" and "The" both: the best rank counts
            by_word.setdefault(word, []).append((name, rank))
    return by_word, scripts


@cache
def _words_in_script(script: str) -> dict[str, tuple[tuple[str, float], ...]]:
    """For each frequent stop word, the languages written in ``script`` whose lists hold
    it, each once, with how much the word tells of the language: less the lower it
    ranks in the language's list. Two lists of one language (English and Simple
    English) must not halve its words' weight against a language with one list; and
    the English words that the lists of small Wikipedias hold ("the", "of", "from"
    in Sundanese's) rank below the language's own, so an English text whose words
    both lists hold is English."""
    by_word, scripts = _top_words()
    index: dict[str, tuple[tuple[str, float], ...]] = {}
    for word, entries in by_word.items():
        ranks: dict[str, int] = {}
        for name, rank in entries:
            if scripts[name] == script:
                code = _CODES[name]
                ranks[code] = min(rank, ranks.get(code, rank))
        if ranks:
            index[word] = tuple((code, 1 - rank / (2 * _TOP_WORDS)) for code, rank in sorted(ranks.items()))
    return index


@cache
def _only_language(script: str) -> str | None:
    """The code of the one language jusText has a list for in ``script``, if only one."""
    _by_word, scripts = _top_words()
    codes = {_CODES[name] for name, written_in in scripts.items() if written_in == script}
    return codes.pop() if len(codes) == 1 else None


def _sample(text: str) -> str:
    """The page's longer lines, up to a bound; all of its text when those are too few."""
    chosen: list[str] = []
    size = 0
    for match in _LINE.finditer(text):
        if match.end() - match.start() >= _LONG_LINE:
            line = text[match.start() : match.start() + _SAMPLE_CHARS - size]
            chosen.append(line)
            size += len(line)
            if size >= _SAMPLE_CHARS:
                break
    if size >= _MIN_SAMPLE:
        return "\n".join(chosen)
    return text[:_SAMPLE_CHARS]


def detect_language(text: str) -> str | None:
    """The ISO 639 code of the language most of ``text`` is written in, or None
    when there is too little text or no list fits."""
    sample = _sample(text)
    script, counts = _main_script(sample)
    if script is None:
        return None
    if script == "CJK":
        kana = sum(counts[name] for name in _KANA)
        han_and_kana = sum(counts[name] for name in _CJK_SCRIPTS)
        return "ja" if kana >= _MIN_KANA_SHARE * han_and_kana else "zh"
    if script in _SPACELESS_SCRIPTS:
        return _SPACELESS_SCRIPTS[script]
    tokens = _function_words(_words(sample))
    if not tokens:
        return None
    if (only := _only_language(script)) is not None:
        return only  # the one language written in this script
    index = _words_in_script(script)
    hits: defaultdict[str, int] = defaultdict(int)
    weights: defaultdict[str, float] = defaultdict(float)
    distinct: defaultdict[str, int] = defaultdict(int)
    counts = Counter(tokens)
    for token in filter(index.__contains__, counts):
        count, languages = counts[token], index[token]
        share = count / len(languages)  # a word many related languages share says little
        for code, strength in languages:
            hits[code] += count
            weights[code] += share * strength
            distinct[code] += 1
    # One word is no evidence: a word of another language's list turns up in any text
    # ("aid" is an Azerbaijani function word).
    candidates = [(weights[code], hits[code], code) for code in hits if distinct[code] >= _MIN_DISTINCT_WORDS]
    if not candidates:
        return None
    _weight, hit_count, code = max(candidates)
    if hit_count < _MIN_COVERAGE * len(tokens):
        return None
    return code


def uses_latin_script(language: str | None) -> bool:
    """True for languages written in the Latin script, and when the language is unknown."""
    if language is None:
        return True
    if language in SPACELESS_LANGUAGES:
        return False
    _by_word, scripts = _top_words()
    return any(
        scripts[name] == "LATIN" for name, code in _CODES.items() if code == language and name in scripts
    )


def is_spaceless(language: str | None) -> bool:
    """True for languages written without spaces between words (Chinese, Japanese, Thai...)."""
    return language in SPACELESS_LANGUAGES


def length_label(text: str, language: str | None) -> str:
    """How long a text is for a reader: its words, or its characters in a language written
    without spaces, where splitting on spaces would count clauses."""
    if is_spaceless(language):
        return f"{sum(not char.isspace() for char in text):,} characters"
    return f"{len(text.split()):,} words"


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """jusText's stop list for the language's code; empty when it has none."""
    if language is None:
        return frozenset()
    name = _MAIN_LIST.get(language) or next((n for n, code in _CODES.items() if code == language), None)
    if name is None or name not in get_stoplists():
        return frozenset()
    return get_stoplist(name)

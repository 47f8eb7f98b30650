"""Regular expressions that find candidate names: runs of capitalised words.

Compiled once at import; everything here is plain ``re`` so the finder runs at C speed
and Python only looks at the few dozen runs of an article.
"""

from __future__ import annotations

import re

# Upper-case letters of Latin-1 and Latin Extended-A/B: names like "Érdoğan", "Ōtake".
_UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
UPPER = f"[{re.escape(_UPPER)}]"
LETTER = r"[^\W\d_]"

# "US-led", "Assad-backed": the hyphenated tail is no part of the name.
_HYPHEN_TAILS = (
    "led|backed|based|born|controlled|held|linked|affiliated|run|owned|made|style|era|"
    "type|friendly|allied|leaning|funded|sponsored|inspired|dominated|supported|bound|wide"
)
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Maj|Adm|Gov|Sen|Rep|Rev|Prof|Jr|Sr|Mt|Ft|Co|Corp|"
    "Inc|Ltd|Bros|Cos|Cmdr|Brig|Messrs|Pte|Cpl|Supt|Insp|Fr"
)
_WORD = (
    # A bare capital ("Plan B", "England A") is no name word; "O'Brien" is.
    rf"(?:(?:al|el|Al|El|ad|ash|as|ar|at|an|az|ud|ul)-)?{UPPER}(?:{LETTER}+|(?=['’]{UPPER}))"
    rf"(?:['’]{UPPER}{LETTER}*)?"
    rf"(?:-(?!(?:{_HYPHEN_TAILS}|[a-z]+ed)\b){LETTER}+)*"
)
# Lookaheads that rule out at once the alternatives below that cannot match: a token
# opens with a capital or an Arabic article ("al-", "ud-"); an abbreviation is a
# capital, a few small letters and a period. They change no match, only the time.
_TOKEN_FIRST = rf"(?=[{re.escape(_UPPER)}aeu])"
_ABBREVIATION_SHAPE = rf"(?=[A-Z][a-z]{{1,{max(map(len, _ABBREVIATIONS.split('|'))) - 1}}}\.)"
assert all(re.fullmatch("[A-Z][a-z]+", a) for a in _ABBREVIATIONS.split("|"))
_TOKEN = (
    rf"{_TOKEN_FIRST}"
    rf"(?:{_ABBREVIATION_SHAPE}(?:{_ABBREVIATIONS})\.(?!\w)"  # "Mr.", "Corp."
    rf"|(?:{UPPER}\.){{1,3}}(?![\w-])"  # initials "V.", "U.S."
    rf"|{UPPER}+&{UPPER}+"  # "AT&T"
    rf"|{_WORD})"
    r"(?![\w@]|-\d|\.[a-z])"  # not "Su-24", not "Kremlin.ru"
)
# Lower-case words that join the parts of one name: "Bank of England", "Staffan de Mistura".
CONNECTORS = frozenset(
    "of|for|and|&|of the|for the|de|du|da|di|del|della|dos|das|do|van|von|der|den|la|le|bin|ibn|y|al|el|bint".split(
        "|"
    )
)
# A capital without its period between two name words: "George W Bush".
_BARE_INITIAL = rf"{UPPER}(?=[ \u00a0]{UPPER}[a-z])"
_CONNECTOR = "|".join(sorted((re.escape(c) for c in CONNECTORS), key=len, reverse=True))
_PARTICLE = "de|van|von|der|den|du|da|di|dos|al|el|bin|ibn"
_SPACE = r"[ \u00a0]"

# A run's first letter is a capital or opens a particle ("de", "van") or an Arabic
# article ("al-", "ud-"). Testing it first lets the regex engine pass over other
# positions at once: a third less time for the finder's scan, same matches.
_RUN_FIRST = rf"(?=[{re.escape(_UPPER)}abdeiuv])"

RUN = re.compile(
    rf"{_RUN_FIRST}(?<![\w'’\-.@/])(?:(?:{_PARTICLE}){_SPACE}(?={UPPER}))?{_TOKEN}"
    rf"(?:(?:{_SPACE}(?:{_CONNECTOR}){_SPACE}|{_SPACE})(?:{_TOKEN}|(?<=[a-z.][ \u00a0]){_BARE_INITIAL}))*"
)
# The parts of a run: tokens and the connectors between them.
PART = re.compile(rf"{_TOKEN}|(?<=[a-z.][ \u00a0]){_BARE_INITIAL}|(?<![\w'’-])(?:{_CONNECTOR})(?!\w)")

# Where a sentence starts: start of text or line, or after closing punctuation or a quote.
SENTENCE_START = re.compile(r"(?:^|[\n.!?:;\"“”‘(\[•—–-])[\s\"“‘'(\[]*$")

# Right after a possessive ("Putin's" -> the run ends before the apostrophe).
POSSESSIVE_AFTER = re.compile(r"['’](?:s\b|(?![\w]))")
ACRONYM = re.compile(rf"^{UPPER}{{2,6}}$|^(?:{UPPER}\.){{2,4}}$")
INITIAL = re.compile(rf"^(?:{UPPER}\.)+$")
# A middle initial as names are compared: "W." and "W" (of "George W Bush") alike.
NAME_INITIAL = re.compile(rf"^(?:{UPPER}\.)+$|^{UPPER}$")
WORDS_BEFORE = re.compile(r"([A-Za-z][\w-]*)\W*$")
APPOSITION = re.compile(r"^,\s+(?:(?:a|an|the|his|her|its|their|our|one|another)\s+)?([^,;.()\"“”]{0,60})")

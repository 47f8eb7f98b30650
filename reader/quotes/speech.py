"""The words around a quotation that say someone is speaking: verbs of saying,
"according to", "quoted X as saying", pronouns, and the lower-case words that may
stand before a name at the start of a sentence ("former foreign minister ...").

Plain ``re`` patterns compiled once; the finder only runs them on the few dozen
characters around each quotation.
"""

from __future__ import annotations

import re

# Verbs that report speech. Forms that are as often nouns ("claims", "notes",
# "comments", "states") are left out: a wrong verb gives a wrong speaker.
_FINITE = (
    """
said says say told tells added adds asked asks stated announced announces warned warns
noted argued argues insisted insists declared wrote writes explained explains replied
replies responded responds urged urges stressed stresses claimed acknowledged
acknowledges admitted admits predicted predicts suggested suggests confirmed confirms
complained complains commented remarked recalled recalls agreed concluded cautioned
conceded concedes emphasised emphasized emphasises emphasizes observed joked quipped
tweeted vowed pledged promised boasted countered retorted maintained maintains
reiterated reiterates reported continued testified affirmed assured
""".split()
    + [
        # The same in the languages of other news (French, Spanish, Portuguese, German,
        # Italian), which mostly put the verb first: '«…», a ajouté Laurent Fabius'. Forms
        # that are English words too ("dice", "assure") are left out.
        *"a dit|a déclaré|a ajouté|a affirmé|a indiqué|a expliqué|a souligné|a estimé|a assuré|a précisé|a répondu|"
        "a lancé|a rappelé|a averti|a insisté|a reconnu|déclare|ajoute|affirme|explique|souligne|estime|précise|"
        "insiste|poursuit|raconte".split("|"),
        *"dijo|afirmó|señaló|declaró|explicó|aseguró|añadió|agregó|indicó|sostuvo|manifestó|advirtió|subrayó|"
        "destacó|apuntó|comentó|insistió|reconoció|afirma|asegura|explica|señala|añade|agrega|indica|sostiene|"
        "advierte|subraya|apunta|comenta".split("|"),
        *"disse|afirmou|declarou|explicou|acrescentou|garantiu|ressaltou|destacou|avaliou|completou|diz|"
        "acrescenta|ressalta|destaca|avalia".split("|"),
        *"sagte|erklärte|betonte|meinte|warnte|kritisierte|versicherte|schrieb|sagt|erklärt|betont|meint|"
        "warnt".split("|"),
        *"ha detto|ha dichiarato|ha aggiunto|ha spiegato|ha affermato|ha sottolineato|ha precisato|"
        "ha commentato|dichiara|aggiunge|sottolinea".split("|"),
    ]
)
# Participles: their subject is the sentence's ("Carter ... telling reporters: ...").
PARTICIPLES = frozenset(
    """
    saying telling adding noting writing declaring warning insisting arguing explaining
    stressing stating announcing claiming complaining asking replying responding
    """.split()
)
_VERBS = r"(?:was|were|is|are|been) quoted as saying|(?:went|goes) on|" + "|".join(
    sorted(_FINITE + sorted(PARTICIPLES), key=len, reverse=True)
)
SPEECH_VERB = re.compile(rf"\b(?:{_VERBS})\b")
# A sentence ending in a tag: "…, Kaufman noted." / "…, he said on Monday."
FINAL_TAG = re.compile(rf",\s*(?P<who>[^,;:\"“”]{{1,60}}?)\s+(?P<verb>{_VERBS})\b[^,;:\"“”]{{0,40}}$")
# A verb of saying that takes the speaker after it: '…," said Khaled Khoja'.
VERB_FIRST = re.compile(
    r"\s*,?\s*(?:" + "|".join(sorted(_FINITE, key=len, reverse=True)) + r")\b(?=\s+[^\s,.;:])"
)
# French puts a pronoun after the verb: '«…», a-t-il ajouté', '«…», dit-elle'.
_FRENCH_PAST = (
    "dit|déclaré|ajouté|affirmé|indiqué|expliqué|souligné|estimé|assuré|précisé|répondu|lancé|"
    "rappelé|averti|insisté|reconnu|confié|poursuivi|raconté"
)
_FRENCH_PRESENT = (
    "dit|déclare|ajoute|affirme|explique|souligne|estime|précise|insiste|poursuit|raconte|assure|"
    "lance|répond|rappelle|confie|indique"
)
INVERTED_PRONOUN = re.compile(
    rf"\s*,?\s*(?:a-t-(?P<pronoun>il|elle)\s+(?:{_FRENCH_PAST})|(?:{_FRENCH_PRESENT})(?:-t)?-(?P<after>il|elle))\b"
)
FRENCH_PRONOUNS = {"il": "he", "elle": "she"}
# '…," Russia Today quoted Lavrov as saying.'
QUOTED_AS_SAYING = re.compile(r"\bquoted\s+(?P<who>[^,;:.\"“”]{1,80}?)\s+as\s+saying\b")
_ACCORDING_TO = r"(?:according to|selon|según|segundo|laut|secondo)"
ACCORDING_TO = re.compile(rf"\b{_ACCORDING_TO}\s+(?P<who>[^;:\"“”]{{1,80}}?)\s*,?\s*$", re.IGNORECASE)
ACCORDING_TO_AFTER = re.compile(rf"^\s*,?\s*{_ACCORDING_TO}\s+(?P<who>[^,;:\"“”.]{{1,80}})")

# What may stand between a speaker and the verb: adverbs, auxiliaries, a day.
_GAP = (
    r"also|then|later|again|earlier|once|too|now|still|previously|separately|"
    r"has|had|have|would|will|had also|has also|yesterday|today|tonight|[a-z]+ly|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
GAP_WORDS = re.compile(rf"(?:\s+(?:{_GAP}))+\s*$")
# After a name: it does the saying ("Lavrov emphatically denied", "Warren, a
# spokesman for the command, said").
SPEAKS_AFTER = re.compile(rf"(?:\s*,[^,;:\"“”]{{1,100}}?,)?(?:\s+(?:{_GAP}))*\s+(?:{_VERBS})\b")
# Full stops that end no sentence: "Mr.", initials.
ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Maj|Adm|Gov|Sen|Rep|Rev|Prof|Jr|Sr|Mt|Ft|[A-Z])\."
)
# Between a verb of saying and a fragment: another clause, with its own speaker.
CLAUSE_BETWEEN = re.compile(r"[;:]|,\s*\S|\s(?:but|while|whereas|although)\s")
CLAUSE_BREAK = re.compile(r"[;:!?\"“”]|\.(?:\s|$)")
# A tag never starts a new clause: '"…" and the spokesman said the …' is no tag.
JOINERS = frozenset(
    "and but or while which who whom that as because when where if although though so".split()
)
# Words after which a name is no speaker but the object of something else:
# "a spokesman for Putin said", "talks with Putin, he said".
PREPOSITIONS = frozenset(
    """
    for of at from with to by in on about against between alongside among toward towards
    into under behind near over after before without via per like than
    """.split()
)
# "The results were announced by X": X did the saying (a passive, not "said a win
# by Mr Kerry would …").
SAID_BY = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?"
    r"(?:announced|declared|read out|read|delivered|issued|given|made|written|reported)"
    r"\s+by\s+[^.;:,]*$"
)
# What may follow an organisation that is itself the speaker: "said Le Figaro newspaper".
ORG_HEAD_AFTER = re.compile(
    r"\s*(?:(?:news\s+)?(?:newspaper|paper|daily|agency|magazine|channel|network|group|company|"
    r"ministry|office|government|statement|website|radio|television))?[\s.]*"
)
# Nouns whose "X spokesman"/"spokesman for X" make an organisation the speaker.
OFFICE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople official
    officials statement source sources representative representatives office ministry
    """.split()
)
PRONOUNS = {"he": "he", "she": "she", "He": "he", "She": "she"}
PRONOUN_BEFORE = re.compile(r"(?:^|[\s,(—–-])(he|she|He|She)\s*$")
PRONOUN_SUBJECT = re.compile(
    r"^(?:(?:But|And|Yet|So|However|Meanwhile|Still|Later|Earlier|Then|Instead|Also|Now)\b,?\s+)?(He|She)\b"
)
# Speakers the text describes without naming: "the analyst", "one civil defence
# volunteer", "a spokesman for Putin".
DESCRIBED = re.compile(
    r"^(?:the|a|an|one|another|his|her|its|their|this|that|some|several|two|three|many|both|most|"
    r"other|officials|analysts|experts|sources|witnesses|residents|police|critics|diplomats)\b"
    r"[^,;:.!?\"“”]{0,60}$",
    re.IGNORECASE,
)
# An appositive that describes the name before it (", who …,", ", the press
# secretary,") starts in lower case; one that names ("Minister, Jean-Yves Le Drian,") does not.
DESCRIBING = re.compile(r"[a-z]")
# Words that make what stands before a name a clause of its own.
CLAUSE_WORDS = frozenset(
    """
    is was were are be been has had have said says told will would can could did does
    do when after before while as if because although though since during with that
    which who whom whose where until unless whether
    """.split()
)
WORD = re.compile(r"\w+(?:[’'.-]\w+)*")
TITLE_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Mme|Madam|Sir|Dame|Lord|Lady)\.?\s+)$")
MALE_TITLE = re.compile(r"\b(?:Mr|Sir|Lord)\.?\s+$")
FEMALE_TITLE = re.compile(r"\b(?:Mrs|Ms|Miss|Mme|Madam|Dame|Lady)\.?\s+$")


def subject_prefix_ok(prefix: str) -> bool:
    """Whether what stands before a name at the start of a sentence leaves it the
    subject: titles and describing words ("Beach Boys veteran", "The US defence
    secretary,"), an opening phrase ("On Monday,"), but no clause of its own ("After
    meeting", "As") and no preposition right before it ("talks with")."""
    if len(prefix) > 120 or any(mark in prefix for mark in '"“”«»:;()'):
        return False
    words = [w.lower() for w in WORD.findall(prefix)]
    if len(words) > 14 or any(w in CLAUSE_WORDS for w in words):
        return False
    return word_before_titles(prefix) not in PREPOSITIONS


def word_before_titles(text: str) -> str:
    """The last lower-case word of ``text`` (what stands before a name) once the
    name's titles are set aside: "for" in "a spokesman for General"; none in "US
    Secretary of State". Only the last clause counts: "…with Putin, Kerry said"."""
    words = WORD.findall(CLAUSE_END.split(text)[-1])
    index = len(words) - 1
    while index >= 0:
        word = words[index]
        if word[:1].isupper():
            index -= 1
        elif word in _TITLE_JOINERS and index > 0 and words[index - 1][:1].isupper():
            index -= 1  # "Secretary of State", "Minister for Europe"
        elif word == "the" and index > 0:
            index -= 1
        else:
            return word.lower()
    return ""


_TITLE_JOINERS = frozenset("of for the and de".split())
CLAUSE_END = re.compile(r"[,;:()\"“”—–]")

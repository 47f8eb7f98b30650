"""First pass: split capitalised runs into candidate names and label what the run and
its neighbours say about each one.

A run such as "US Secretary of State John Kerry" becomes a place ("US"), a role
("Secretary of State") and a name ("John Kerry"). Each candidate gets a label and a
strength: how sure the evidence is. Candidates without evidence keep ``label=None``;
the second pass (``resolve``) may still label them from the rest of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from reader.entities import lexicon
from reader.entities.lexicon import fold
from reader.entities.patterns import (
    ACRONYM,
    APPOSITION,
    INITIAL,
    PART,
    POSSESSIVE_AFTER,
    RUN,
    WORDS_BEFORE,
)

# Evidence strengths: a later, stronger reading of the same name wins (see resolve.py).
CURATED = 6  # in a curated list of organisations, outlets or places
KEYWORD = 5  # "... Front", "Bank of ...", "... Valley"
CONTEXT = 4  # "X province", "the town of X", "X, a rebel group"
TITLE = 4  # "President X", "Mr. X"
PLACE_SURE = 4  # a country, a big city
FIRST_NAME = 3  # "Sergei Lavrov"
CUE = 2  # "spokesman X", "X said", "X, who"
PLACE_WEAK = 1  # a small city whose name could be a surname
GUESS = 1  # an acronym


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    text: str
    tokens: tuple[str, ...]  # name tokens, connectors kept ("Staffan", "de", "Mistura")
    label: str | None = None
    strength: int = 0
    role: str | None = None
    sentence_start: bool = False
    possessive: bool = False
    # Read and found to be no name ("Syrian", "Monday"): later passes leave it alone.
    blocked: bool = False
    # Named as a work ("the film Vera Drake", "the band Franz Ferdinand"): the same name
    # elsewhere in the text is no person either.
    work: bool = False
    # Start of an ordinary word dropped before this candidate at a sentence start
    # ("Ban" of "Ban Ki-moon said"): put back if the text names "Ban Ki-moon" elsewhere.
    extend_from: int | None = None


class _Part(NamedTuple):
    """A token or connector of a run (a tuple: thousands are made per article)."""

    start: int
    end: int
    text: str
    connector: bool
    word: str  # the text without a period that is no part of it ("Corp." -> "Corp", "V." kept)


@cache
def _lists() -> dict[str, frozenset[str]]:
    return {
        "titles": lexicon.word_set("titles.txt"),
        "honorifics": lexicon.word_set("honorifics.txt"),
        "role_objects": lexicon.word_set("role_objects.txt"),
        "org_suffixes": lexicon.word_set("org_suffixes.txt"),
        "weak_org_suffixes": lexicon.word_set("weak_org_suffixes.txt"),
        "org_prefixes": lexicon.word_set("org_prefixes.txt"),
        "place_suffixes": lexicon.word_set("place_suffixes.txt"),
        "demonyms": lexicon.word_set("demonyms.txt"),
        "non_entities": lexicon.word_set("non_entities.txt"),
        "role_nouns": lexicon.word_set("role_nouns.txt"),
        "org_nouns": lexicon.word_set("org_nouns.txt"),
        "place_nouns": lexicon.word_set("place_nouns.txt"),
        "speech_verbs": lexicon.word_set("speech_verbs.txt"),
        "org_heads": lexicon.word_set("org_heads.txt"),
        "corporate": lexicon.word_set("corporate_suffixes.txt"),
        "events": lexicon.word_set("event_suffixes.txt"),
    }


_PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "outside", "inside", "across", "around", "towards", "toward", "into"}
)
# "flew to Sarajevo from Zagreb": for a name the gazetteer knows as a town only.
_MOTION_PREPOSITIONS = frozenset({"to", "from", "via"})
_PLACE_OF_NOUNS = frozenset(
    "city town village province region capital district suburb port county state island governorate "
    "neighbourhood neighborhood".split()
)
_WHO_AFTER = re.compile(r"(?:,|\s[-–—])\s+(?:who|whose)\b")
# A Reuters ticker after a company's name: "Societe Generale <SGEN.PA>".
_TICKER_AFTER = re.compile(r"\s*<[A-Z0-9.&-]{1,12}>")
_EMPLOYER_ROLE = re.compile(r" ((?:chief )?[a-z]+) (?:[A-Z][a-z]|Mr|Ms|Dr)")
_REGION_AFTER = re.compile(r", ([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[ ,.;:)]|$)")
_KIN = frozenset(
    {
        "wife",
        "husband",
        "son",
        "daughter",
        "father",
        "mother",
        "brother",
        "sister",
        "uncle",
        "aunt",
        "cousin",
        "widow",
        "colleague",
        "colleagues",
        "counterpart",
        "number",
        "rival",
        "successor",
        "predecessor",
    }
)
# Roles of a sports club's people: "Chelsea striker Didier Drogba" names the club.
_CLUB_ROLES = frozenset(
    {"manager", "boss", "striker", "midfielder", "defender", "goalkeeper", "winger", "skipper", "coach"}
)
_NEXT_WORDS = re.compile(r"\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?")
_SPEECH_AFTER = re.compile(r"(?:,[^,]{1,80},\s+|,?\s+)([a-z]+)\b")
_OPENING = frozenset(" \t\u00a0\"'“‘([")
_SENTENCE_END = frozenset('\n.!?:;"“”(•—–-')
_TITLE_MODIFIERS = frozenset(
    {
        "Former",
        "Acting",
        "Ex",
        "Interim",
        "Outgoing",
        "Incoming",
        "Senior",
        "Junior",
        "Special",
        "Grand",
        "First",
        "Deputy",
        "Vice",
        "Chief",
        "Executive",
        "Managing",
        "Supreme",
        "Head",
    }
)
# An office's department or field: a title with its head word ("Defence Minister",
# "Foreign Secretary"), or before a full name ("... Industry and Trade Cahit Aral"), but
# not alone before one word: "Defence Arrangements", "Trade Classification".
_DEPARTMENTS = frozenset(
    "Agriculture Crown Defence Defense Economics Economy Energy Field Finance Foreign Health Home "
    "Interior Labor Labour Oil Opposition State Trade Treasury Affairs Relations".split()
)
# Titles that are also ordinary words opening names of things: "General Electric",
# "General Agreement on Tariffs", "Major League", "Private Eye". They are a title only
# before a first name or a surname-like word.
_AMBIGUOUS_TITLES = frozenset(
    {"General", "Major", "Private", "Premier", "Marshal", "Justice", "Agent", "Dean", "Judge", "Chancellor"}
)
# Nouns that name a work or a group before its title: "the film Vera Drake".
_WORK_NOUNS = frozenset(
    "film films movie movies album albums single song songs novel novels book books play plays musical "
    "opera series show shows sitcom documentary documentaries band bands thriller comedy drama "
    "programme".split()
)
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "one", "another"})
_SPEECH_BEFORE_VERBS = frozenset({"said", "says", "told", "added", "asked"})
# In a headline in capitals: "PUTIN MEETS KERRY", "OBAMA TALKS WITH CASTRO".
# "PUTIN SAYS ...", but not "PORSCHE RECALLS 892 CARS".
_HEADLINE_SUBJECT_VERBS = frozenset(
    {
        "says",
        "said",
        "tells",
        "told",
        "urges",
        "warns",
        "meets",
        "met",
        "visits",
        "quits",
        "resigns",
        "dies",
        "vows",
        "denies",
        "insists",
        "slams",
        "hails",
        "backs",
        "rejects",
        "calls",
        "phones",
    }
)
_HEADLINE_OBJECT_VERBS = frozenset(
    {
        "said",
        "says",
        "told",
        "meets",
        "meet",
        "met",
        "with",
        "visits",
        "urges",
        "backs",
        "slams",
        "hails",
        "tells",
        "warns",
        "asks",
        "calls",
        "thanks",
        "invites",
        "phones",
        "replaces",
        "names",
        "appoints",
        "fires",
        "sacks",
    }
)


def _state_after_city(text: str, start: int, end: int, surface: str) -> Candidate | None:
    """ "Miami, Fla.": a state's abbreviation after a city and a comma, with its period."""
    written = surface if surface.endswith(".") else surface + "."
    if written not in lexicon.state_abbreviations():
        return None
    if not surface.endswith("."):
        if text[end : end + 1] != ".":
            return None
        end += 1
    if not _CITY_COMMA_BEFORE.search(text, 0, start):
        return None
    return Candidate(start, end, text[start:end], (written,), "PLACE", CURATED)


@cache
def _state_stems() -> frozenset[str]:
    """ "Fla" of "Fla.": a state's abbreviation without its period."""
    return frozenset(written[:-1] for written in lexicon.state_abbreviations() if written.endswith("."))


_CITY_COMMA_BEFORE = re.compile(r"[A-Za-z], $")


def _at_sentence_start(text: str, position: int) -> bool:
    index = position - 1
    while index >= 0 and text[index] in _OPENING:
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


@lru_cache(maxsize=16)
def _previous_words(before: str) -> tuple[tuple[str, ...], bool]:
    """The last three words before a name, and whether a comma ends them. Cached: the
    readings of one candidate ask for the same words several times."""
    tail = before.rstrip()
    comma = tail.endswith(",")
    if comma:
        tail = tail[:-1]
    words = tail.rsplit(maxsplit=3)[-3:]  # the same three as split()[-3:], without splitting the rest
    return tuple([w.strip("\"'“”‘’()") for w in words]), comma


def _strip_period(word: str) -> str:
    return word[:-1] if word.endswith(".") and not INITIAL.match(word) else word


@lru_cache(maxsize=1 << 14)
def _run_parts(surface: str) -> tuple[tuple[int, int, str, bool, str], ...]:
    """A run's parts as offsets into it: the same runs ("Vladimir Putin", "United
    States") come back in article after article, split once."""
    return tuple(
        (m.start(), m.end(), m.group(), m.group() in _CONNECTOR_WORDS, _strip_period(m.group()))
        for m in PART.finditer(surface)
    )


def find_candidates(text: str, all_caps: bool = False) -> list[Candidate]:
    """Candidates in ``text`` (or in a title-cased copy of a line written in capitals)."""
    candidates: list[Candidate] = []
    state_stems = _state_stems()
    for run in RUN.finditer(text):
        offset = run.start()
        surface = run.group()
        if " " not in surface and "\u00a0" not in surface:
            # The stems sift out at once the words that cannot be a state's abbreviation.
            if surface in state_stems or surface[:-1] in state_stems:
                state = _state_after_city(text, offset, run.end(), surface)
                if state is not None:
                    candidates.append(state)
                    continue
            if not all_caps and (
                surface in _NEVER_ALONE or (surface in _no_name_alone() and not _known_label(surface, False))
            ):
                continue  # "The", "He", "Monday", "British": read only as part of a longer name
            parts = [_Part(offset, run.end(), surface, surface in _CONNECTOR_WORDS, _strip_period(surface))]
            _split_run(text, parts, candidates, all_caps)
            continue
        parts = [
            _Part(start + offset, end + offset, part, connector, word)
            for start, end, part, connector, word in _run_parts(surface)
        ]
        # No name is this long: a run of dozens of capitalised words is a headline or a
        # list; reading it in pieces keeps the work (and the recursion) bounded.
        for begin in range(0, len(parts), _MAX_RUN_PARTS):
            _split_run(text, parts[begin : begin + _MAX_RUN_PARTS], candidates, all_caps)
    if "\n" in text:
        _join_across_line_breaks(text, candidates)
    if "(" in text:
        _join_bracketed_legal_forms(text, candidates)
    return candidates


_BRACKETED_LEGAL_FORM = re.compile(
    r"[ \u00a0]\([A-Z][^()\n]{0,30}\)[ \u00a0]+(?:Ltd|Limited|Inc|Corp|Co|Plc|PLC|Pty|Bhd|SA|AG|NV|BV)\b\.?"
)


def _join_bracketed_legal_forms(text: str, candidates: list[Candidate]) -> None:
    """ "City Resources (Asia) Ltd", "James Capel (Far East) Ltd": the place in brackets
    is part of the company's name."""
    index = 0
    while index < len(candidates):
        candidate = candidates[index]
        found = _BRACKETED_LEGAL_FORM.match(text, candidate.end)
        if found and not candidate.role and candidate.tokens:
            end = found.end()
            candidate.end, candidate.text = end, text[candidate.start : end]
            candidate.tokens = tuple(candidate.text.split())
            candidate.label, candidate.strength = "ORG", KEYWORD
            candidate.blocked = False
            while index + 1 < len(candidates) and candidates[index + 1].start < end:
                del candidates[index + 1]
        index += 1


def _join_across_line_breaks(text: str, candidates: list[Candidate]) -> None:
    """ "Foreign Minister Klaus\nKinkel": a given name ending a line and a surname
    opening the next are one name (text wrapped at a fixed width)."""
    index = 0
    while index < len(candidates) - 1:
        first, second = candidates[index], candidates[index + 1]
        if (
            text[first.end : second.start] == "\n"
            and first.label in (None, "PERSON")
            and first.tokens
            and _is_first_name(first.tokens[-1])
            and len(second.tokens) == 1
            and second.label in (None, "PERSON")
            and not second.blocked
            and not is_ordinary(second.tokens[0])
            and not _is_first_name(second.tokens[0])
        ):
            first.end, first.text = second.end, text[first.start : second.end]
            first.tokens = first.tokens + second.tokens
            first.label, first.strength = "PERSON", max(first.strength, FIRST_NAME)
            first.possessive = second.possessive
            del candidates[index + 1]
        index += 1


_MAX_RUN_PARTS = 16


# Words that open sentences and never names, even before an organisation's keyword.
_FUNCTION_WORDS = frozenset(
    "the a an in on at but and as if when while after before for from with by to of this that these those "
    "it its his her their our my your we they he she i you there here so or nor yet also then since although "
    "though because until unless meanwhile however speaking according last next every each some many most all "
    "both no not what which who how why where once even only just still now today yesterday".split()
)
# Words that are never a name on their own, capitalised: skipped before any reading.
_NEVER_ALONE = frozenset(
    {w.capitalize() for w in _FUNCTION_WORDS}
    | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)


@cache
def _no_name_alone() -> frozenset[str]:
    """Words that, alone, the reading below always blocks: "January", "British",
    "President" (titles that are no surname too)."""
    lists = _lists()
    titles = {t for t in lists["titles"] if t not in _AMBIGUOUS_TITLES}
    return lists["non_entities"] | lists["demonyms"] | frozenset(titles)


_CONNECTOR_WORDS = frozenset(
    "of|for|and|&|of the|for the|de|du|da|di|del|della|dos|das|do|van|von|der|den|la|le|bin|ibn|y|al|el|bint".split(
        "|"
    )
)
_NAME_PARTICLES = frozenset(
    "de|du|da|di|del|della|dos|das|do|van|von|der|den|la|le|bin|ibn|y|al|el|bint".split("|")
)
_SPLITTING_CONNECTORS = frozenset({"of", "for", "and", "&", "of the", "for the"})


def _split_run(text: str, parts: list[_Part], out: list[Candidate], all_caps: bool) -> None:
    """Cut a run into organisation, place, role and name pieces, then label each."""
    lists = _lists()
    # A leading connector cannot start a name ("and", "of"), but a particle can ("de Mistura");
    # before a given name it is a preposition ("la attitude de Jamie Bell").
    while parts and parts[0].connector and (parts[0].text not in _NAME_PARTICLES or _given_name_next(parts)):
        parts = parts[1:]
    while parts and parts[-1].connector:
        parts = parts[:-1]
    # A name in capitals opening a paragraph runs into its first words ("LAURIE OAKES IT
    # was said…", "SUSIE O'BRIEN THE good thing…"): no name ends in a function word.
    while len(parts) > 2 and not all_caps and _capitals_function_word(parts[-1]) and _in_capitals(parts):
        parts = parts[:-1]
    if not parts:
        return
    first = parts[0]
    if (
        first.start > 0
        and text[first.start - 1] == "<"
        and len(parts) == 1
        and (all_caps or first.text.isupper())
        and text[first.end : first.end + 1] in (">", ".")
    ):
        return  # a ticker: "<SGEN.PA>", "Union Carbide <UK>"
    sentence_start = _at_sentence_start(text, first.start)
    whole = text[first.start : parts[-1].end]
    known = _known_label(whole, all_caps)
    if known and not (sentence_start and len(parts) == 1 and is_ordinary(first.text, all_caps)):
        out.append(_candidate(text, parts, known[0], known[1], sentence_start=sentence_start))
        return
    # An ordinary word opening a sentence ("Speaking", "Meanwhile", "The") is no name,
    # unless it opens an organisation's name ("Joint Implementation Group").
    if first.text == "The" and len(parts) > 1:
        _split_run(text, parts[1:], out, all_caps)
        return
    if (sentence_start or all_caps) and not first.connector:
        word = first.word
        if (
            (is_ordinary(word, all_caps) or word in lists["non_entities"])
            and word not in lists["titles"]
            and word not in lists["honorifics"]
            and word not in lists["org_heads"]
            and (
                word.lower() in _FUNCTION_WORDS
                or all_caps
                or not _has_org_suffix([p.word for p in parts[1:]])
            )
        ):
            before = len(out)
            _split_run(text, parts[1:], out, all_caps)
            if (
                len(out) > before
                and len(parts) > 1
                and out[before].start == parts[1].start
                and word.lower() not in _FUNCTION_WORDS
            ):
                out[before].extend_from = first.start
            return
    words = [p.word for p in parts]
    # "Sydney Olympics", "Australian Open", "World Cup": an event, no entity.
    if len(parts) >= 2 and words[-1] in lists["events"]:
        return
    if len(parts) == 1:
        # One word (most runs): nothing below splits it and no keyword spans it.
        _split_titles(text, parts, words, out, all_caps, sentence_start)
        return
    # Ordinary words inside a run split it ("John Kerry Meets Vladimir Putin"), except the
    # last word after a first name ("John Major") and words of organisation names.
    for index in range(1, len(parts)):
        word = words[index]
        if parts[index].connector or word in lists["titles"] or word in lists["org_suffixes"]:
            continue
        # After a title comes a name, even one that is also a word ("Secretary General Ban Ki-moon").
        previous = words[index - 1]
        if previous in lists["titles"] or previous in lists["honorifics"]:
            continue
        if word in lists["place_suffixes"]:
            continue
        if is_ordinary(word, all_caps) or word in lists["non_entities"]:
            if not all_caps and _inside_known_phrase(text, parts, index):
                continue
            after_given_name = _is_first_name(words[index - 1]) and not all_caps
            if after_given_name and index == len(parts) - 1:
                continue  # a surname that is also a word ("Gary Speed")
            if after_given_name and word.lower() in _NAME_PARTICLES:
                continue  # a particle inside a name ("Carlo De Benedetti", "Robert De Niro")
            if _has_org_suffix(words[index:]) and not all_caps:
                continue
            if not all_caps and _in_organisation_tail(words, parts, index):
                continue
            _split_run(text, parts[:index], out, all_caps)
            _split_run(text, parts[index + 1 :], out, all_caps)
            return
    org = _organisation_span(words, parts, all_caps, text)
    if org is not None:
        begin, end = org
        if begin > 0:
            _split_run(text, parts[:begin], out, all_caps)
        out.append(
            _candidate(text, parts[begin:end], "ORG", KEYWORD, sentence_start=sentence_start and begin == 0)
        )
        if end < len(parts):
            _split_run(text, parts[end:], out, all_caps)
        return
    # "and" between names: "Germany, France and Italy", "Kerry and Lavrov"; Spanish "y"
    # between places ("Perú y Colombia"), never inside a name ("José Ortega y Gasset",
    # "Asociación Bienestar y Desarrollo").
    for index, part in enumerate(parts):
        if part.connector and (
            part.text in ("and", "&") or (part.text == "y" and _joins_places(parts, index))
        ):
            if (
                0 < index < len(parts) - 1
                and words[index - 1] in lists["role_objects"]
                and words[index + 1] in lists["role_objects"]
                and any(w in lists["titles"] for w in words[:index])
            ):
                continue  # "Minister of Energy and Mines Subroto": one office
            _split_run(text, parts[:index], out, all_caps)
            _split_run(text, parts[index + 1 :], out, all_caps)
            return
    _split_titles(text, parts, words, out, all_caps, sentence_start)


def _joins_places(parts: list[_Part], index: int) -> bool:
    """A connector between two words the gazetteer knows as places."""
    if not 0 < index < len(parts) - 1:
        return False
    return all(
        _known_label(parts[side].word, False) == ("PLACE", PLACE_SURE) for side in (index - 1, index + 1)
    )


def _given_name_next(parts: list[_Part]) -> bool:
    return len(parts) > 2 and not parts[1].connector and _is_first_name(parts[1].word)


_POSSESSIVE_END = re.compile(r"['’][sS]$")


def _capitals_function_word(part: _Part) -> bool:
    return part.text.isupper() and _POSSESSIVE_END.sub("", part.word).lower() in _FUNCTION_WORDS


def _in_capitals(parts: list[_Part]) -> bool:
    return all(p.connector or p.text.isupper() for p in parts)


def _split_titles(
    text: str,
    parts: list[_Part],
    words: list[str],
    out: list[Candidate],
    all_caps: bool,
    sentence_start: bool,
) -> None:
    lists = _lists()
    index = 0
    # A place or organisation before a title or a name: "US Secretary ...", "UN Nikki Haley".
    prefix = _longest_known_prefix(text, parts, all_caps) if len(parts) > 1 else None
    if prefix:
        length, label, strength = prefix
        rest = words[length:]
        if rest and (
            rest[0] in lists["titles"]
            or rest[0] in lists["honorifics"]
            or (len(rest) >= 2 and _is_first_name(rest[0]))
        ):
            if label:
                out.append(_candidate(text, parts[:length], label, strength, sentence_start=sentence_start))
            index = length
        elif (
            rest
            and (label == "PLACE" or (label == "ORG" and strength == CURATED and not rest[0].isupper()))
            and strength >= PLACE_SURE
            and not parts[length].connector
            # "Reuters Sandoz (had made)": split; "Paris Hilton", "Jordan Henderson": a person.
            and (not _is_first_name(rest[0]) or (len(rest) == 1 and not _is_first_name(words[0])))
            and words[-1] not in lists["place_suffixes"]
        ):
            # "U.S. Motorcycle (industry)": the place, then whatever follows on its own.
            out.append(_candidate(text, parts[:length], label, strength, sentence_start=sentence_start))
            before = len(out)
            _split_titles(text, parts[length:], words[length:], out, all_caps, False)
            after_place = out[before:]
            if (
                len(after_place) == 1
                and len(after_place[0].tokens) == 1
                and after_place[0].label == "PERSON"
                and after_place[0].strength <= CUE
                and not after_place[0].role
            ):
                # "the China Daily said": a word after a place in one run is no person
                # on the strength of a speech verb alone.
                after_place[0].label, after_place[0].strength = None, 0
            return
    elif len(parts) >= 3:
        # A title inside the run: "Carib Chief Charles Williams".
        for position in range(1, len(parts) - 1):
            word = words[position]
            if (word in lists["titles"] or word in lists["honorifics"]) and not parts[position].connector:
                if _is_first_name(words[position + 1]) or words[position + 1] in lists["titles"]:
                    _split_run(text, parts[:position], out, all_caps)
                    _split_titles(text, parts[position:], words[position:], out, all_caps, False)
                    return
                break
    title_start = index
    honorific_only = True
    while index < len(parts):
        word = words[index]
        if parts[index].connector:
            # "Secretary of State", "Chief of Staff": "of" + an office word stays in the title.
            # "Minister of Energy and Mines": "and" + another office word too.
            if (
                (
                    parts[index].text in ("of", "for", "of the")
                    or (parts[index].text in ("and", "&") and index >= title_start + 2)
                )
                and index > title_start
                and index + 1 < len(parts)
                and words[index + 1] in lists["role_objects"]
            ):
                index += 2
                continue
            break
        if _is_title(word) or word in lists["honorifics"]:
            # "Prime Minister Major", "Mr Major": the last word after a title is the
            # name even when it is a title too.
            if index == len(parts) - 1 and index > title_start and word in _AMBIGUOUS_TITLES:
                break
            # After another title it is one ("Secretary General", "Attorney General").
            if (
                word in _AMBIGUOUS_TITLES
                and index == title_start
                and not _ambiguous_title_fits(words, parts, index, all_caps)
            ):
                if len(parts) == 1 and not all_caps:
                    # "Major said": the surname of a person the text may name in full.
                    out.append(_candidate(text, parts, None, 0, sentence_start=sentence_start))
                    return
                # "General Electric": no title; the whole run is some other name.
                if index == title_start:
                    _label_thing(text, parts[index:], out, sentence_start and index == 0)
                    return
                break
            if word not in lists["honorifics"]:
                honorific_only = False
            index += 1
            continue
        break
    role = None
    # "Former", "Acting" alone make no title: "Former Worldcom boss ..." names a company.
    not_heads = _TITLE_MODIFIERS | _DEPARTMENTS if len(parts) - index == 1 else _TITLE_MODIFIERS
    has_title = index > title_start and any(
        w not in not_heads for w in words[title_start:index] if _is_title(w) or w in lists["honorifics"]
    )
    if has_title:
        if not honorific_only:
            role_parts = [p for p in parts[title_start:index] if p.word not in lists["honorifics"]]
            role = text[role_parts[0].start : role_parts[-1].end] if role_parts else None
            if role:
                role = _strip_period(role)
        # "President of Kyrgyzstan": the office alone, then a place.
        if index < len(parts) and parts[index].connector and parts[index].text in _SPLITTING_CONNECTORS:
            _split_run(text, parts[index + 1 :], out, all_caps)
            return
        # A title and nothing else ("Secretary of State") names an office, not a person;
        # a lone title that is also a surname ("Major said") may still be one, if the
        # text names that person in full (see resolve).
        if index >= len(parts):
            if len(parts) == 1 and words[0] in _AMBIGUOUS_TITLES and not all_caps:
                out.append(_candidate(text, parts, None, 0, sentence_start=sentence_start))
            return
        # Honorifics alone ("Mr") could be a word in caps text; a title needs a name after it.
        if all(_strip_period(w) in lists["titles"] for w in words[title_start:index]) and index == len(parts):
            return
    name_parts = parts[index:]
    name_words = words[index:]
    # "Alexander Konovalov of the ..." reached here only without an organisation: split.
    for offset, part in enumerate(name_parts):
        if part.connector and part.text in _SPLITTING_CONNECTORS:
            _split_titles(
                text, name_parts[:offset], name_words[:offset], out, all_caps, sentence_start and index == 0
            )
            _split_run(text, name_parts[offset + 1 :], out, all_caps)
            return
    if not name_parts:
        return
    candidate = _candidate(text, name_parts, None, 0, sentence_start=sentence_start and index == 0)
    candidate.role = role
    _label_name(text, candidate, name_words, has_title, all_caps)
    out.append(candidate)


# An office not yet taken up: "President-elect", "Prime Minister-designate".
_TITLE_STATUS = frozenset({"elect", "designate"})


@lru_cache(maxsize=1 << 16)
def _is_title(word: str) -> bool:
    """ "Secretary", and hyphenated ones: "Secretary-General", "Vice-President",
    "President-elect"."""
    titles = _lists()["titles"]
    if word in titles:
        return True
    if "-" not in word:
        return False
    parts = word.split("-")
    if len(parts) > 1 and parts[-1].lower() in _TITLE_STATUS:
        parts = parts[:-1]
    return all(part in titles or part.title() in titles for part in parts)


def _ambiguous_title_fits(words: list[str], parts: list[_Part], index: int, all_caps: bool) -> bool:
    """ "General Colin Powell", "Judge Ito": a name follows; "General Electric Co",
    "General Agreement": something else does."""
    rest = words[index + 1 :]
    if not rest or parts[index + 1].connector:
        return False
    following = rest[0]
    lists = _lists()
    if following in lists["titles"] or following in lists["honorifics"] or _is_first_name(following):
        return True
    return (
        len(rest) == 1
        and not is_ordinary(following, all_caps)
        and not _known_label(following, all_caps)
        and not ACRONYM.match(following)
    )


def _label_thing(text: str, parts: list[_Part], out: list[Candidate], sentence_start: bool) -> None:
    """A run that names no person ("General Electric Co"): an organisation when a
    keyword says so, else nothing the finder labels."""
    words = [p.word for p in parts]
    if _has_org_suffix(words) or _has_legal_form(words):
        out.append(_candidate(text, parts, "ORG", KEYWORD, sentence_start=sentence_start))
        return
    candidate = _candidate(text, parts, None, 0, sentence_start=sentence_start)
    candidate.blocked = True
    out.append(candidate)


# A word with a capital inside ("OpenOffice", "ChemLawn", "PayPal") is a brand, unless
# the capital follows a prefix of names: "McConnell", "DeSantis", "LaGuardia", "DuBois".
_BRAND_WORD = re.compile(
    r"(?!(?:Mc|Mac|O'|O’|D'|D’|Di|De|Da|Del|Le|La|Lu|Van|Von|Du|St|Fitz|Ja|Ke|Ta|Sha|Ra)[A-Z])"
    r"[A-Z][a-z]+[A-Z]"
)


def _place_and_word(tokens: list[str], all_caps: bool) -> bool:
    """ "China Daily": a sure place, then one word that is no given name and no known name."""
    return (
        len(tokens) == 2
        and bool(lexicon.places().get(tokens[0]))
        # "Paris Hilton", "Jordan Henderson": a place that is a common given name too
        and lexicon.given_births(tokens[0]) < _COMMON_GIVEN_BIRTHS
        and not _is_first_name(tokens[1])
        and not _known_label(tokens[1], all_caps)
        and not is_ordinary(tokens[1], all_caps)
    )


_COMMON_GIVEN_BIRTHS = 10_000
_OWNED_BY_NAME = re.compile(r"[A-Z][\w-]*['’]s?[ \u00a0]$")
# How a text ends before its owner's name can match: tested first, the search is rare.
_OWNER_ENDINGS = tuple(f"{mark}{s}{space}" for mark in "'’" for s in ("", "s") for space in " \u00a0")
_CORPORATE_AFTER = re.compile(
    # "James Capel (Far East) Ltd": a place in brackets may come first.
    r",?[ \u00a0]+(?:\([^()\n]{1,30}\)[ \u00a0]+)?(?:Inc|Corp|Co|Ltd|Plc|PLC|LLC|AG|SA|NV|Incorporated|Corporation|Limited)\b\.?"
)


@cache
def _corporate_folded() -> frozenset[str]:
    """Legal-form words however they are cased: "Inc", "INc", "CORP"."""
    return frozenset(fold(w) for w in _lists()["corporate"])


def _has_legal_form(words: list[str]) -> bool:
    return not _corporate_folded().isdisjoint(map(fold, words))


def _label_name(text: str, candidate: Candidate, words: list[str], has_title: bool, all_caps: bool) -> None:
    lists = _lists()
    tokens = [w for w in words if w not in _NAME_PARTICLES]
    if candidate.start > 0 and text[candidate.start - 1] == "<" and candidate.text.isupper():
        candidate.blocked = True  # a ticker: "<SGEN.PA>"
        return
    known = _known_label(candidate.text, all_caps)
    if known:
        if has_title and known[0] == "ORG" and known[1] < CURATED:
            candidate.label, candidate.strength = "PERSON", TITLE  # "President Ford"
        elif has_title and known[0] == "PLACE" and not lexicon.places().get(candidate.text, False):
            candidate.label, candidate.strength = "PERSON", TITLE
        elif has_title and known[0] == "PLACE":
            candidate.label, candidate.strength = "PLACE", known[1]
            candidate.role = None
        else:
            candidate.label, candidate.strength = known
            candidate.role = None
        return
    if candidate.text in lists["demonyms"] or (all_caps and candidate.text.title() in lists["demonyms"]):
        candidate.blocked = True
        return
    # "Asia Ltd", "National Amusements, Inc": a legal form is never part of a person's name.
    if _has_legal_form(tokens):
        if len(tokens) >= 2:
            candidate.label, candidate.strength = "ORG", KEYWORD
        else:
            candidate.blocked = True
        return
    before = text[max(0, candidate.start - 60) : candidate.start]
    previous_words, previous_comma = _previous_words(before)
    following = _NEXT_WORDS.match(text, candidate.end)
    if not has_title and (
        (previous_words and not previous_comma and previous_words[-1].lower() in _WORK_NOUNS)
        or (following and following.group(1) in _WORK_NOUNS and not candidate.possessive)
    ):
        # "the film Vera Drake", "the first Harry Potter film"
        candidate.blocked = candidate.work = True
        return
    # "China Daily": a place and a word that is no given name name an organisation,
    # not a person called "Daily".
    if not has_title and len(tokens) == 2 and _place_and_word(tokens, all_caps):
        candidate.label, candidate.strength = "ORG", CUE
        return
    # "National Amusements, Inc": a legal form right after the name.
    if not has_title and _CORPORATE_AFTER.match(text, candidate.end):
        candidate.label, candidate.strength = "ORG", KEYWORD
        return
    if tokens and (
        tokens[0] in lists["non_entities"]
        or (
            len(tokens) == 1
            and tokens[0] in lists["titles"]
            and not (has_title and tokens[0] in _AMBIGUOUS_TITLES)
        )
    ):
        candidate.blocked = True
        return
    if words[-1] in lists["place_suffixes"] and len(tokens) >= 2:
        candidate.label, candidate.strength = "PLACE", KEYWORD
        return
    after = text[candidate.end : candidate.end + 80]
    noun_label = _noun_cue(before, after, candidate.possessive)
    if noun_label == "CLUB" and not has_title and not (len(tokens) >= 2 and _is_first_name(tokens[0])):
        candidate.label, candidate.strength = "ORG", CONTEXT
        return
    if noun_label in ("ORG_WEAK", "CLUB") and not has_title:
        if not (len(tokens) >= 2 and _is_first_name(tokens[0])) and candidate.text not in lexicon.places():
            candidate.label, candidate.strength = "ORG", CUE
            return
    elif noun_label and not has_title:
        candidate.label, candidate.strength = noun_label, CONTEXT
        return
    if has_title:
        candidate.label, candidate.strength = "PERSON", TITLE
        return
    first = tokens[0] if tokens else ""
    if not all_caps and any(_BRAND_WORD.match(token) for token in tokens):
        # "Apache OpenOffice", "GenCorp said": a capital inside a word marks a brand
        if (len(tokens) >= 2 and _is_first_name(first)) or _person_cue(
            before, after, candidate, tokens, all_caps
        ):
            candidate.label, candidate.strength = "ORG", CUE
        return
    if (
        len(tokens) >= 2
        and _is_first_name(first)
        and not all(is_ordinary(t, all_caps) for t in tokens)
        and tokens[-1] not in lists["demonyms"]  # "Royal Dutch" is no person
        and not (len(tokens) == 2 and INITIAL.match(tokens[1]))
    ):
        candidate.label, candidate.strength = "PERSON", FIRST_NAME
        return
    if (
        _person_cue(before, after, candidate, tokens, all_caps)
        and _looks_like_name(tokens, all_caps)
        and (len(tokens) >= 2 or not lexicon.places().get(candidate.text, False))
    ):
        candidate.label, candidate.strength = "PERSON", CUE if len(tokens) >= 2 else CUE - 1
        return
    place = lexicon.places().get(candidate.text)
    if place:
        candidate.label, candidate.strength = "PLACE", PLACE_SURE
        return
    if place is not None:
        # A small town's name ("Young", "Larne") is a place only where the text says so:
        # "in Young", "Young, New South Wales"; a list with places settles it later.
        previous, comma = _previous_words(before)
        if (previous and not comma and previous[-1] in _PLACE_PREPOSITIONS | _MOTION_PREPOSITIONS) or (
            candidate.possessive is False and _REGION_AFTER.match(after)
        ):
            candidate.label, candidate.strength = "PLACE", PLACE_WEAK
        return
    if not all_caps and len(tokens) == 1 and ACRONYM.match(candidate.text):
        candidate.label, candidate.strength = "ORG", GUESS
        return
    previous, comma = _previous_words(before)
    if (
        (
            not candidate.possessive
            and previous
            and not comma
            and previous[-1] in _PLACE_PREPOSITIONS
            and not _is_first_name(first)
        )
        and not all_caps
        and not ACRONYM.match(candidate.text)
    ):
        candidate.label, candidate.strength = "PLACE", GUESS
        return


def _looks_like_name(tokens: list[str], all_caps: bool) -> bool:
    """Words a person's name could be made of: no acronym ("MSF France"), no place last."""
    if not tokens:
        return False
    if not all_caps and any(len(t) > 1 and t.isupper() for t in tokens):
        return False
    # "Data General said": a title word ends no person's name.
    if len(tokens) >= 2 and tokens[-1] in _lists()["titles"]:
        return False
    return len(tokens) == 1 or tokens[-1] not in lexicon.places()


def _noun_cue(before: str, after: str, possessive: bool) -> str | None:
    """ "Homs province", "the town of Khan Sheikhoun", "Al-Mayadeen, a ... TV channel"."""
    lists = _lists()
    if _TICKER_AFTER.match(after):
        return "ORG"
    previous, comma = _previous_words(before)
    if previous and not comma and previous[-1].lower() in lists["org_nouns"]:
        return "ORG"
    # "an analyst with Jupiter Research", "economist at Nomura": where someone works.
    if (
        len(previous) >= 2
        and not comma
        and previous[-1] in ("with", "at")
        and previous[-2].lower() in lists["role_nouns"]
        and not possessive
    ):
        return "ORG"
    if not possessive:
        following = _NEXT_WORDS.match(after)
        if following:
            for word in following.groups():
                if word is None:
                    break
                if word in lists["place_nouns"]:
                    return "PLACE"
                if word in lists["org_nouns"]:
                    return "ORG"
                if word in lists["role_nouns"] or word in lists["speech_verbs"]:
                    break
        employer = _EMPLOYER_ROLE.match(after)
        if employer and employer.group(1) in lists["role_nouns"] and employer.group(1) not in _KIN:
            if employer.group(1) in _CLUB_ROLES:
                return "CLUB"  # "Sunderland manager Mick McCarthy": the club, even named as its town
            return "ORG_WEAK"  # "Qwest chairman Richard Notebaert"
        # It opens with a comma: most names skip the regex.
        region = _REGION_AFTER.match(after) if after[:1] == "," else None
        if (
            region
            and (
                region.group(1) in lexicon.places() or region.group(1) + "." in lexicon.state_abbreviations()
            )
            and after[region.end() : region.end() + 1] not in ("'", "’")
        ):
            return "PLACE"  # "Murdochville, Quebec"
    if not comma and len(previous) >= 2 and previous[-1] == "of" and previous[-2] in _PLACE_OF_NOUNS:
        return "PLACE"
    apposition = APPOSITION.match(after) if after[:1] == "," else None
    if apposition and apposition.group(0)[1:].lstrip().split(" ", 1)[0] in ("a", "an", "the"):
        for word in apposition.group(1).split()[:6]:
            word = word.strip("'’").lower()
            if word in lists["role_nouns"]:
                return None
            if word in lists["org_nouns"]:
                return "ORG"
            if word in ("city", "town", "village", "province", "region", "district", "country", "capital"):
                return "PLACE"
    return None


def _person_cue(before: str, after: str, candidate: Candidate, tokens: list[str], all_caps: bool) -> bool:
    lists = _lists()
    previous, comma = _previous_words(before)
    last = previous[-1] if previous else ""
    if last in ("the", "The"):
        return False
    # "spokesman X", "his wife, X", "chief of staff X", "secretary of state X"
    if last in lists["role_nouns"]:
        return True
    if (
        not comma
        and len(previous) == 3
        and previous[1] == "of"
        and previous[0] in lists["role_nouns"]
        and last.title() in lists["role_objects"]
    ):
        return True
    if _WHO_AFTER.match(after) or (not comma and previous[-2:] == ("according", "to")):
        return True
    apposition = APPOSITION.match(after) if after[:1] == "," else None  # it opens with a comma
    if apposition:
        # ", a spokesman for ...", ", president of ...", ", former president ..." but not
        # ", was named president ...": a verb first makes no apposition.
        determiner = apposition.group(0)[1:].lstrip().split(" ", 1)[0] in _DETERMINERS
        for position, word in enumerate(apposition.group(1).split()[:7]):
            word = word.strip("'’").lower()
            if word in lists["role_nouns"]:
                return determiner or position <= 1
            if word in lists["org_nouns"] or word in lists["place_nouns"]:
                break
    # A lone unknown word before "said" may be a company ("Nationwide said"): it counts
    # only when it is no ordinary word, no acronym, no known organisation or place, and
    # not owned by a name before it ("the People's Daily said"). The library drops
    # such a word when it names an organisation more often (people.py).
    single_ok = (
        len(tokens) == 1
        and not is_ordinary(tokens[0])
        and not ACRONYM.match(tokens[0])
        and tokens[0] not in lexicon.places()
        and tokens[0] not in lexicon.organisations()
        and not (before.endswith(_OWNER_ENDINGS) and _OWNED_BY_NAME.search(before))
    )
    if all_caps and (len(candidate.text) < 4 or tokens[-1] in lists["titles"]):
        return False  # "SAYS EC WOULD", "NAMES NEW PRESIDENT"
    if len(tokens) >= 2 or candidate.possessive or all_caps or single_ok:
        said = _SPEECH_AFTER.match(after)
        if said and said.group(1) in (_HEADLINE_SUBJECT_VERBS if all_caps else lists["speech_verbs"]):
            return True
        if not comma and last in (_HEADLINE_OBJECT_VERBS if all_caps else _SPEECH_BEFORE_VERBS):
            # "..., said Mourinho." but not "said Hmeimim and ... would continue".
            return len(tokens) >= 2 or all_caps or not after[:1].isspace()
    return False


_THE_BEFORE = re.compile(r"\b[Tt]he[ \u00a0]$")


def _after_the(text: str, start: int) -> bool:
    return _THE_BEFORE.search(text, max(0, start - 4), start) is not None


def _organisation_span(
    words: list[str], parts: list[_Part], all_caps: bool = False, text: str = ""
) -> tuple[int, int] | None:
    """Where a run names an organisation by a keyword: "Free Syrian Army", "Bank of England".
    ``text``: what the run is part of (to see whether "the" stands before it)."""
    lists = _lists()
    suffixes, prefixes = lists["org_suffixes"], lists["org_prefixes"]
    if words[0] not in lists["org_heads"] and suffixes.isdisjoint(words) and prefixes.isdisjoint(words):
        return None  # no keyword: the common case, settled at once
    count = len(words)
    if (count >= 2 and words[0] in lists["org_heads"] and not parts[1].connector) or (
        count >= 3 and words[0] in lists["org_heads"] and parts[1].text in _NAME_PARTICLES
    ):
        return 0, count
    for index, word in enumerate(words):
        if parts[index].connector:
            continue
        is_prefix = (
            word in prefixes
            and index + 2 < count
            and parts[index + 1].connector
            and parts[index + 1].text in ("of", "for", "of the", "for the")
        )
        is_suffix = (
            word in suffixes
            and index >= 1
            and (
                not parts[index - 1].connector
                # "Smith Barney, Harris Upham and Co": a legal form after "and" ends a firm's name
                or (parts[index - 1].text in ("and", "&") and word in lists["corporate"] and index >= 2)
            )
        )
        if not (is_prefix or is_suffix):
            continue
        if is_suffix and not is_prefix:
            # "Samantha Power", "Frank Church": a first name and a surname-like keyword;
            # but no person is "the Seattle Times" or "the Morris Trust". A title before
            # the name is no part of it ("Senator Frank Church").
            name_tokens = [w for i, w in enumerate(words[: index + 1]) if not parts[i].connector]
            while len(name_tokens) > 2 and (
                name_tokens[0] in lists["titles"] or name_tokens[0] in lists["honorifics"]
            ):
                name_tokens = name_tokens[1:]
            if (
                word in lists["weak_org_suffixes"]
                and len(name_tokens) == 2
                and _is_first_name(name_tokens[0])
                and (index + 1 == count or words[index + 1] not in suffixes)
                and not (index + 1 == count and _after_the(text, parts[0].start))
            ):
                return None
        # The organisation starts after the last "of"/"for" before its keyword
        # ("Alexander Konovalov of the Strategic Analysis Institute") and after titles.
        begin = 0
        for back in range(index - 1, -1, -1):
            if parts[back].connector and parts[back].text in _SPLITTING_CONNECTORS:
                # "Defense and Electronic Systems Center" is one name; "Russia and Daiwa
                # Securities" or "Kerry and Acme Corp" are two.
                if parts[back].text in ("and", "&") and back == index - 1:
                    continue
                if (
                    parts[back].text in ("and", "&")
                    and back >= 1
                    and not _known_label(words[back - 1], False)
                    and not _is_first_name(words[0])
                    and not any(p.connector for p in parts[:back])
                ):
                    continue
                begin = back + 1
                break
        end = index + 1
        while end < count and not parts[end].connector and words[end] in suffixes:
            end += 1
        # "Washington Institute for Near East Policy": the "of/for ..." tail belongs to it,
        # up to a title that starts the next name ("Bank of England Governor Robin ...").
        if (
            end < count
            and parts[end].connector
            and parts[end].text in ("of", "for", "of the", "for the")
            and words[end - 1] not in lists["corporate"]
        ):
            tail = end + 1
            while tail < count and not (words[tail] in lists["titles"] and tail > end + 1):
                if parts[tail].connector and parts[tail].text in ("and", "&"):
                    break
                tail += 1
                # In capitals "BANK OF JAPAN INTERVENES": the name ends with the place.
                if all_caps and _known_label(words[tail - 1], True) == ("PLACE", CURATED):
                    break
            end = tail
        return begin, end
    return None


def _inside_known_phrase(text: str, parts: list[_Part], index: int) -> bool:
    """ "New South Wales", "Latin America": an ordinary word inside a known name."""
    count = len(parts)
    for begin in range(max(0, index - 3), index + 1):
        for end in range(max(index + 1, begin + 2), min(count, begin + 5) + 1):
            if _known_label(text[parts[begin].start : parts[end - 1].end], False):
                return True
    return False


def _in_organisation_tail(words: list[str], parts: list[_Part], index: int) -> bool:
    """ "Washington Institute for Near East Policy": "Near" follows "<keyword> for"."""
    lists = _lists()
    for back in range(index - 1, 0, -1):
        if parts[back].connector:
            if parts[back].text not in ("of", "for", "of the", "for the"):
                return False
            head = words[back - 1]
            return head in lists["org_suffixes"] or head in lists["org_prefixes"]
    return False


def _has_org_suffix(words: list[str]) -> bool:
    return not _lists()["org_suffixes"].isdisjoint(words)


def _longest_known_prefix(
    text: str, parts: list[_Part], all_caps: bool
) -> tuple[int, str | None, int] | None:
    """The longest place, organisation or nationality that opens the run."""
    demonyms = _lists()["demonyms"]
    for length in range(min(len(parts) - 1, 4), 0, -1):
        if parts[length - 1].connector:
            continue
        span = text[parts[0].start : parts[length - 1].end]
        if span in demonyms or (all_caps and span.title() in demonyms):
            return length, None, 0
        known = _known_label(span, all_caps)
        if known:
            return length, known[0], known[1]
    return None


@lru_cache(maxsize=1 << 16)
def _known_label(span: str, all_caps: bool) -> tuple[str, int] | None:
    if all_caps:
        label = lexicon.folded_known().get(fold(span))
        return (label, CURATED) if label else None
    if span in lexicon.organisations():
        # A company's name can be a surname too ("Ford", "Sharp"): weaker than a person's
        # full name seen in the same text.
        curated = span in lexicon.word_set("organisations.txt") or span in lexicon.word_set("outlets.txt")
        return "ORG", (CURATED if curated else FIRST_NAME)
    place = lexicon.places().get(span)
    if place:
        return "PLACE", PLACE_SURE if span not in lexicon.word_set("places.txt") else CURATED
    if not span.isascii() and lexicon.folded_known().get(fold(span)) == "PLACE":
        # Written with the accents of the page's language: "México", "Perú", "Sénégal".
        return "PLACE", PLACE_SURE
    return None


@lru_cache(maxsize=1 << 16)
def is_ordinary(word: str, all_caps: bool = False) -> bool:
    # In mixed-case text a word in capitals is an acronym ("US", "IT"), never "us", "it".
    if not all_caps and len(word) > 1 and word.isupper():
        return False
    lower = word.lower()
    return lower in lexicon.common_words() or lower in _FUNCTION_WORDS


@lru_cache(maxsize=1 << 16)
def _is_first_name(word: str) -> bool:
    given = lexicon.first_names()
    folded = fold(word)
    if folded in given:
        return word.lower() not in lexicon.common_words()
    # "Jean-Yves", "Abdel-Aziz": a hyphenated given name whose first part is one.
    head, dash, _ = folded.partition("-")
    return bool(dash) and head in given and len(head) >= 3


_APOSTROPHES = ("'", "’")


def _candidate(
    text: str, parts: list[_Part], label: str | None, strength: int, sentence_start: bool
) -> Candidate:
    start, end = parts[0].start, parts[-1].end
    surface = text[start:end]
    # Name tokens keep a trailing period only when it is part of them ("Inc.", "V.").
    if surface.endswith(".") and not INITIAL.match(surface.split()[-1]) and label != "ORG":
        end -= 1
        surface = surface[:-1]
    tokens = tuple([p.word for p in parts])
    # Only an apostrophe opens a possessive: most names skip the regex.
    possessive = text[end : end + 1] in _APOSTROPHES and bool(POSSESSIVE_AFTER.match(text, end))
    return Candidate(start, end, surface, tokens, label, strength, None, sentence_start, possessive)


__all__ = ["WORDS_BEFORE", "Candidate", "find_candidates"]

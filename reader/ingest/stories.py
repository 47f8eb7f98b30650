"""Split a digest page (many news stories back to back) into its stories.

Some scraped pages hold dozens of stories one after another with no title or rule
between them. A story opens with a news lead ("A Russian military helicopter has
been shot down by rebels in Idlib, Russia has said.") and its following paragraphs
keep talking about what the lead introduced; the next lead brings words
the previous paragraphs never used.

Splitting a real single article is much worse than leaving a digest whole, so the
splitter is conservative:

1. a cheap gate: pages under ``_MIN_PARAGRAPHS`` paragraphs are never split;
2. every paragraph gets a boundary score that weighs two kinds of evidence: does it
   read like a lead (news tense, end attribution "..., officials say.", a titled
   full name; no pronoun, quote, connective or "also"/"added" opening; not a
   background line the page repeats elsewhere), and does the text turn there
   (its words look forward to the next ~150 content words rather than back to
   the previous ~150, judged with page-local weights and against the page's
   typical paragraph, so that a digest on one war can still be cut);
3. boundaries are picked strongest first, every story keeping at least
   ``_MIN_STORY`` paragraphs and ``_MIN_STORY_WORDS`` content words;
4. the page is split only if the picked boundaries look like a digest's: enough
   of them strong enough (``_DIGEST_EVIDENCE``), asking for more on long pages.

Figures (seed 003, corpus false splits, synthetic digests) come from
benchmarks/stories_eval.py.
"""

from __future__ import annotations

import bisect
import math
import re
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from reader.ingest.boilerplate import boilerplate_reason

# --- gate and selection --------------------------------------------------------

# Digest pages worth splitting hold several stories of several paragraphs each.
_MIN_PARAGRAPHS = 12
# Paragraphs per story at least: a one-paragraph "story" is usually a quote or aside.
_MIN_STORY = 3
# ...and content words per story at least, so one-sentence-per-line pages need longer runs.
_MIN_STORY_WORDS = 80
# A boundary is kept when its score reaches this value...
_KEEP = 1.0
# ...but only on pages that look like a digest: for some (count, score) pair, at least
# `count` of the chosen boundaries score `score` or more. Single articles of the corpus
# reach at most about (2, 2.6), (3, 1.7), (4, 1.25), (5, 1.1): these steps keep a margin.
_DIGEST_EVIDENCE = ((2, 3.2), (3, 2.0), (4, 1.6), (5, 1.4))
# A long single article has more chances of a few strong-looking turns: every this
# many content words, each step asks for one boundary more.
_WORDS_PER_EXTRA_EVIDENCE = 3000
# ...and the last story of a page at least this many (digests often end on a brief).
_MIN_LAST_STORY_WORDS = 25
# A lead right above a stronger boundary opens the story when it scores within this.
_LEAD_MARGIN = 1.0
# Cohesion windows before and after a candidate lead, in content words.
_WINDOW_WORDS = 150
# ...and in paragraphs at most, so pages of empty or one-word lines stay linear.
_WINDOW_PARAGRAPHS = 40

# Weights over _LEAD_FEATURES + [repeated] + _TURN_FEATURES. Set by hand (a logistic fit
# on synthetic corpus digests leaned on topic change alone and missed same-topic digests
# such as seed 003), then checked with benchmarks/stories_eval.py.
_BIAS = 0.0
_WEIGHTS = (
    -2.25,
    -1.5,
    -0.75,
    -2.25,
    -1.125,
    0.375,
    -0.75,
    0.75,
    0.375,
    0.375,
    0.375,
    0.6,
    0.225,
    -3.5,
    3,
    2,
    -2,
    -2,
)

# --- lexical normalisation ------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘'(]?[A-Z0-9])")

_STOPWORDS = frozenset(
    """a about above after again against all also although am among an and any are
    aren't as at be because been before being below between both but by can could
    did do does doing down during each either else even ever every few for from
    further had has have having he her here hers herself him himself his how however
    i if in into is it its itself just last least less like made make many may me
    meanwhile might more most much must my myself near new no nor not now of off
    often on once one only or other others our ours out over own per said same say
    says she should since so some still such than that the their theirs them
    themselves then there these they this those though through thus to told too two
    under until up upon us very was we were what when where whether which while who
    whom whose why will with within without would year years yet you your mr mrs ms
    according added adding told tell first second three four five six week weeks
    month months day days time times people percent pct mln billion million""".split()
)

_PRONOUN_OPENERS = frozenset(
    "he she it they we i you his her its their our this that these those such".split()
)
# Openers that continue the running story rather than start one.
_CONNECTIVE_OPENERS = frozenset(
    """but and or so however meanwhile also earlier later separately still yet
    nevertheless nonetheless instead then thus therefore moreover besides
    furthermore indeed similarly likewise otherwise though although while
    asked speaking both neither either another other others the""".split()
)
# "The" is only weakly connective: many leads start "The US has ...". It is listed
# above but scored separately below.

_SCENE_OPENERS = frozenset("in on at during after before last since until when as if for".split())

_TITLES = frozenset(
    """president minister secretary chancellor premier prime king queen prince
    princess pope ambassador envoy spokesman spokeswoman spokesperson general
    governor mayor senator chairman chairwoman chief director leader commander
    judge sheikh emir sultan dr professor""".split()
)

_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+|not\s+|also\s+|now\s+|just\s+|already\s+|again\s+)*"
    r"(?:been\s+)?(?:\w+ed|\w+en|made|won|lost|met|held|said|told|sent|left|led|paid|"
    r"sold|bought|begun|begun|set|cut|put|hit|shot|struck|brought|fought|thought|"
    r"found|kept|built|spent|run|come|become|gone|done|seen|taken|given|grown|"
    r"shown|known|drawn|risen|fallen|chosen|spoken|broken|stolen|frozen|won|swept)\b",
    re.IGNORECASE,
)
_PROGRESSIVE = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:\w+ing|to\s+\w+)\b", re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:will|is set to|are set to|plans to|is expected to|are expected to)\b", re.IGNORECASE
)
# "..., the Syrian Observatory for Human Rights says." / "..., Russia has said."
_ATTRIBUTION_END = re.compile(
    r",\s*(?:[^,]{2,80}?\s)?(?:says|say|said|reports|reported|has said|have said|"
    r"has announced|announced|has warned|warned|claims|has confirmed|confirmed|"
    r"revealed|reveals|report|according to [^,]{2,60})\s*\.?[\"”’']?\s*$"
)
_CASUALTIES = re.compile(
    r"^(?:At least|More than|Up to|Nearly|Almost|Some|About|Around)\s+[\w,.]+\s+(?:people|\w+)\b",
)


@dataclass(frozen=True, slots=True)
class _Paragraph:
    text: str
    words: tuple[str, ...]  # normalised content words of the whole paragraph


def _stem(word: str) -> str:
    """Light normalisation so that 'strikes'/'strike', 'killed'/'killing' meet."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, minimum in (("ies", 5), ("ing", 6), ("ed", 5), ("es", 5), ("s", 4)):
        if w.endswith(suffix) and len(w) >= minimum and not w.endswith("ss"):
            w = w[: -len(suffix)]
            break
    return w


_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Gen|Col|Lt|Capt|Sgt|Gov|Sen|Rep|Rev|Prof|No|Co|Corp|Inc|Ltd|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$"
)


def _first_sentence(text: str) -> str:
    for match in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text[: match.start()]):
            return text[: match.start()]
    return text


def _analyse(text: str) -> _Paragraph:
    stems = (_content_stem(token) for token in _WORD.findall(text) if len(token) > 2)
    return _Paragraph(text, tuple(stem for stem in stems if stem))


@lru_cache(maxsize=1 << 16)
def _content_stem(token: str) -> str | None:
    """The stem of a content word, None for a stop word. Cached: a page uses a few
    thousand words many times over, and equal stems then share one string."""
    if token.lower().replace("’", "'") in _STOPWORDS:
        return None
    return _stem(token)


# --- per-paragraph scores ------------------------------------------------------


_LEAD_FEATURES = (
    "quote_or_pronoun",  # opens with a quote, bullet or pronoun: continues a story
    "connective",  # "But", "However", "Meanwhile", ...
    "scene_setting",  # "In ...", "On ...", "After ...": often mid-story background
    "also_early",  # "The White House also says": refers back
    "short",  # first sentence under 8 words
    "long",  # first sentence of 15 words or more
    "unfinished",  # first sentence without a full stop (caption, heading, question)
    "news_tense",  # present perfect / progressive / "is to" near the start
    "future",
    "attribution_end",  # "..., the Observatory says."
    "casualties",  # "At least 30 people ..."
    "titled_name",  # "Russian President Vladimir Putin", "Secretary of State Rex Tillerson"
    "indefinite",  # "A Russian military helicopter", "Two Jordanian journalists"
)

# Words early in a sentence that lean on what came before: "The White House also says",
# "Vladimir Putin added that ...".
_BACK_REFERENCES = frozenset("also meanwhile however too added adding further".split())

_NUMBER_WORDS = frozenset(
    "a an two three four five six seven eight nine ten dozens hundreds thousands".split()
)


def _lead_features(paragraph: _Paragraph) -> list[float]:
    """Lead-style evidence of the paragraph's first sentence, one value per _LEAD_FEATURES."""
    sentence = _first_sentence(paragraph.text).strip()
    values = dict.fromkeys(_LEAD_FEATURES, 0.0)
    tokens = sentence.split()
    if not tokens or sentence[0] in "\"“‘'(-–—•*[" or tokens[0].lower().strip(",:;") in _PRONOUN_OPENERS:
        values["quote_or_pronoun"] = 1.0
        return list(values.values())
    first = tokens[0].lower().strip(",:;")
    values["connective"] = float(first in _CONNECTIVE_OPENERS and first != "the")
    values["scene_setting"] = float(first in _SCENE_OPENERS)
    values["also_early"] = float(any(t.lower().strip(",") in _BACK_REFERENCES for t in tokens[1:8]))
    values["short"] = float(len(tokens) < 8)
    values["long"] = float(len(tokens) >= 15)
    values["unfinished"] = float(
        sentence.endswith(("?", ":")) or not sentence.rstrip("\"”’'").endswith((".", "!"))
    )
    head = " ".join(tokens[:14])
    values["news_tense"] = float(bool(_PERFECT.search(head) or _PROGRESSIVE.search(head)))
    values["future"] = float(bool(_FUTURE.search(head)))
    values["attribution_end"] = float(bool(_ATTRIBUTION_END.search(sentence)))
    values["casualties"] = float(bool(_CASUALTIES.search(sentence)))
    for index, token in enumerate(tokens[:12]):
        if (
            token.lower() in _TITLES
            and index + 2 < len(tokens)
            and all(t[:1].isupper() for t in tokens[index + 1 : index + 3])
        ):
            values["titled_name"] = 1.0
            break
    values["indefinite"] = float(first in _NUMBER_WORDS or first[:1].isdigit())
    return list(values.values())


def _weights(paragraphs: list[_Paragraph]) -> dict[str, float]:
    """Page-local inverse document frequency: the page's common topic words weigh little."""
    document_frequency = Counter(w for p in paragraphs for w in set(p.words))
    n = len(paragraphs)
    return {w: math.log((n + 1) / (df + 0.5)) for w, df in document_frequency.items()}


class _Window:
    """The weighted word vector of a run of paragraphs that slides down the page:
    paragraphs join at one end and leave at the other, so each step costs the words
    that move rather than the whole run."""

    __slots__ = ("counts", "norm2", "weights")

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights
        self.counts: dict[str, int] = {}
        self.norm2 = 0.0

    def add(self, paragraph: _Paragraph, sign: int = 1) -> None:
        counts, weights = self.counts, self.weights
        norm2 = self.norm2
        for word in paragraph.words:
            old = counts.get(word, 0)
            new = old + sign
            weight = weights[word]
            norm2 += (new * new - old * old) * weight * weight
            if new:
                counts[word] = new
            else:
                del counts[word]
        self.norm2 = norm2

    def remove(self, paragraph: _Paragraph) -> None:
        self.add(paragraph, -1)

    def dot(self, other: _Window) -> float:
        small, large = (self, other) if len(self.counts) <= len(other.counts) else (other, self)
        weights, counts = self.weights, large.counts
        return sum(c * counts[w] * weights[w] ** 2 for w, c in small.counts.items() if w in counts)

    def norm(self) -> float:
        return math.sqrt(max(self.norm2, 0.0))


def _cosine_of(dot: float, norm_a: float, norm_b: float) -> float:
    return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0


def _span_before(paragraphs: list[_Paragraph], i: int, words: int) -> int:
    """Start of the run of paragraphs just before ``i`` holding about ``words`` content words."""
    j, count = i, 0
    while j > 0 and count < words and i - j < _WINDOW_PARAGRAPHS:
        j -= 1
        count += len(paragraphs[j].words)
    return j


def _span_after(paragraphs: list[_Paragraph], i: int, words: int) -> int:
    """End (exclusive) of the run of paragraphs from ``i`` holding about ``words`` content words."""
    j, count = i, 0
    while j < len(paragraphs) and count < words and j - i < _WINDOW_PARAGRAPHS:
        count += len(paragraphs[j].words)
        j += 1
    return j


_TURN_FEATURES = (
    "looks_forward",  # cos(lead, after) - cos(lead, before)
    "brings_words",  # weighted share of the lead's words found after it and not before
    "drops_words",  # weighted share of the lead's words found before it and not after
    "across",  # cos(before, lead + after): low when the whole text changes subject
)


def _turn_features(paragraphs: list[_Paragraph]) -> list[array[float]]:
    """For each paragraph i, how much the text turns there: one column per
    _TURN_FEATURES, one value per paragraph (index 0 unused).

    Windows are measured in content words, not paragraphs, so that pages of
    one-sentence lines and pages of long paragraphs are judged alike. Both windows
    only move forward as i does, so they slide: the work is linear in the page.
    """
    weights = _weights(paragraphs)
    n = len(paragraphs)
    columns = [array("d", bytes(8 * n)) for _ in _TURN_FEATURES]
    looks_forward, brings, drops, across = columns
    before, after = _Window(weights), _Window(weights)
    # before holds paragraphs[low:i], after paragraphs[i + 1 : high]; both ends only grow
    low, high = 0, 1
    for i in range(1, n):
        if i < high:
            after.remove(paragraphs[i])  # the new lead leaves the window after it
        else:
            high = i + 1
        stop = _span_after(paragraphs, i + 1, _WINDOW_WORDS)
        while high < stop:
            after.add(paragraphs[high])
            high += 1
        before.add(paragraphs[i - 1])
        start = _span_before(paragraphs, i, _WINDOW_WORDS)
        while low < start:
            before.remove(paragraphs[low])
            low += 1
        lead = _Window(weights)
        lead.add(paragraphs[i])
        lead_words = lead.counts
        total = sum(weights[w] for w in lead_words) or 1.0
        brought = sum(weights[w] for w in lead_words if w in after.counts and w not in before.counts)
        left_behind = sum(weights[w] for w in lead_words if w in before.counts and w not in after.counts)
        lead_after, lead_before, before_after = lead.dot(after), lead.dot(before), before.dot(after)
        rest_norm = math.sqrt(max(lead.norm2 + after.norm2 + 2 * lead_after, 0.0))
        looks_forward[i] = _cosine_of(lead_after, lead.norm(), after.norm()) - _cosine_of(
            lead_before, lead.norm(), before.norm()
        )
        brings[i] = brought / total
        drops[i] = left_behind / total
        across[i] = _cosine_of(lead_before + before_after, before.norm(), rest_norm)  # lead and what follows
    # Pages differ in how much all their paragraphs share (a digest on one war
    # shares a lot): judge each turn against the page's typical paragraph.
    if n > 1:
        for column in columns:
            median = sorted(column[1:])[(n - 1) // 2]
            for i in range(1, n):
                column[i] -= median
    return columns


_MAX_REPEAT_CANDIDATES = 50  # bounds the work on pages that repeat one line many times


def _repeated(paragraphs: list[_Paragraph]) -> list[float]:
    """1.0 for paragraphs whose words recur almost all in another full paragraph of the page.

    Digests repeat their background lines from story to story ("Syria's civil war
    has raged for four years ..."), and captions repeat a sentence without its full
    stop; neither opens a story. A copy that is itself caption-like (unfinished)
    does not count, so a lead repeated by its photo caption stays a lead.
    """
    document_frequency = Counter(w for p in paragraphs for w in set(p.words))
    by_word: dict[str, list[int]] = {}
    for index, paragraph in enumerate(paragraphs):
        distinct = set(paragraph.words)
        if len(distinct) >= 4:
            rarest = min(distinct, key=lambda w: (document_frequency[w], w))
            by_word.setdefault(rarest, []).append(index)
    flags = [0.0] * len(paragraphs)
    # the word sets of the paragraphs met as candidates, made when first needed (a huge
    # page's sets are never all held at once)
    sets: dict[int, frozenset[str]] = {}
    for index, paragraph in enumerate(paragraphs):
        words = frozenset(paragraph.words)
        if len(words) < 4:
            continue
        low, high = index - _REPEAT_REACH, index + _REPEAT_REACH
        candidates = set()
        for w in words:
            holders = by_word.get(w)
            if holders:
                first = bisect.bisect_left(holders, low)
                last = min(bisect.bisect_right(holders, high), first + _MAX_REPEAT_CANDIDATES)
                candidates.update(holders[first:last])
        candidates.discard(index)
        for j in sorted(candidates):
            other = sets.get(j)
            if other is None:
                if len(sets) >= _MAX_HELD_SETS:
                    sets.clear()
                other = sets[j] = frozenset(paragraphs[j].words)
            overlap = len(words & other) / len(words | other)
            if overlap >= 0.6 and paragraphs[j].text.rstrip("\"”’' ").endswith((".", "!", "?")):
                flags[index] = 1.0
                break
    return flags


_MAX_HELD_SETS = 4096
# Copies searched this many paragraphs around a paragraph at most: any page a digest
# fits in is searched whole, and a huge page costs time in proportion to its size.
_REPEAT_REACH = 500


def _feature_rows(analysed: list[_Paragraph]) -> Iterator[list[float]]:
    """The features of each paragraph in turn, one row at a time (a huge page's rows
    are never all held at once)."""
    turns = _turn_features(analysed)
    repeated = _repeated(analysed)
    for i, paragraph in enumerate(analysed):
        yield _lead_features(paragraph) + [repeated[i]] + [column[i] for column in turns]


_LONG, _NEWS_TENSE, _REPEATED = (
    _LEAD_FEATURES.index("long"),
    _LEAD_FEATURES.index("news_tense"),
    len(_LEAD_FEATURES),
)
# Openings that lean on what came before: never a lead after a background line.
_LEANING = tuple(_LEAD_FEATURES.index(name) for name in ("quote_or_pronoun", "connective", "also_early"))
# A digest closes a story on a background line it repeats from story to story: a
# news lead right after one opens the next story, however close its subject.
_AFTER_BACKGROUND = 1.25


def _scores_and_leads(analysed: list[_Paragraph]) -> tuple[list[float], list[bool]]:
    """Each paragraph's boundary score, and whether it reads as a full news lead (a long
    first sentence in news tense)."""
    scores = [0.0] * len(analysed)
    leads = [False] * len(analysed)
    previous_repeated = False
    for i, row in enumerate(_feature_rows(analysed)):
        if i:
            scores[i] = _BIAS + sum(w * x for w, x in zip(_WEIGHTS, row))
            leads[i] = bool(row[_LONG] and row[_NEWS_TENSE])
            if (
                previous_repeated
                and row[_NEWS_TENSE]
                and not row[_REPEATED]
                and not any(row[k] for k in _LEANING)
            ):
                scores[i] += _AFTER_BACKGROUND
        previous_repeated = bool(row[_REPEATED])
    return scores, leads


def split_stories(paragraphs: list[str]) -> list[int]:
    """Start indices of the stories in ``paragraphs``; always begins with 0."""
    if len(paragraphs) < _MIN_PARAGRAPHS or is_sectioned(paragraphs):
        return [0]
    analysed = [_analyse(p) for p in paragraphs]
    scores, leads = _scores_and_leads(analysed)
    # Content words before each paragraph, to keep stories long enough (the last
    # story of a page may be shorter: digests often end on a brief).
    offsets = [0]
    for paragraph in analysed:
        offsets.append(offsets[-1] + len(paragraph.words))
    total = offsets[-1]

    def far_enough(i: int, j: int, words: int = _MIN_STORY_WORDS) -> bool:
        low, high = min(i, j), max(i, j)
        return high - low >= _MIN_STORY and offsets[high] - offsets[low] >= words

    # Greedy: strongest boundaries first; none too close to another or to the ends.
    # Distance only grows away from a boundary, so the nearest chosen one on each
    # side is the only one to check (kept sorted: linear-logarithmic on huge pages).
    chosen: list[int] = []
    anchors: list[int] = []  # the chosen boundaries, and the ones they were moved up from

    def fits(i: int) -> bool:
        if not (far_enough(0, i) and far_enough(i, len(scores), _MIN_LAST_STORY_WORDS)):
            return False
        at = bisect.bisect_left(anchors, i)
        return all(far_enough(i, anchors[j]) for j in (at - 1, at) if 0 <= j < len(anchors))

    for i in sorted(range(1, len(scores)), key=lambda k: (-scores[k], k)):
        if scores[i] < _KEEP or not fits(i):
            if scores[i] < _KEEP:
                break
            continue
        # A story's second paragraph often restates its lead in more detail and
        # scores a little higher: the lead right above it opens the story (and the
        # next boundary keeps its distance from both).
        lead = i - 1
        moved = (
            lead > 0 and leads[lead] and scores[lead] >= max(_KEEP, scores[i] - _LEAD_MARGIN) and fits(lead)
        )
        bisect.insort(anchors, i)
        if moved:
            bisect.insort(anchors, lead)
            i = lead
        bisect.insort(chosen, i)
    ranked = sorted((scores[i] for i in chosen), reverse=True)
    extra = total // _WORDS_PER_EXTRA_EVIDENCE
    if not any(
        len(ranked) >= count + extra and ranked[count + extra - 1] >= score
        for count, score in _DIGEST_EVIDENCE
    ):
        return [0]
    return [0, *sorted(chosen)]


_HEADING_WORDS = 12
_SECTIONED = 2  # headings (or runs of headings) that make a page one article in sections
_CLOSING = (".", "!", "?", "…", "。", "！", "？")
_CAPTION_REACH = 3  # paragraphs on each side searched for the sentence a caption repeats
_CAPTION_SHARE = 0.75


def is_sectioned(paragraphs: list[str]) -> bool:
    """A page with headings between its paragraphs ("History", "4", "What comes next")
    is one article in sections or a list, never a digest: the stories of a digest run
    on back to back, each opened by its lead. A run of headings counts once (a
    banner's), and a picture caption that repeats a nearby sentence is no heading."""
    runs = 0
    previous_was_heading = False
    words_of: dict[int, set[str]] = {}  # of the paragraphs compared, for the next headings
    for index, paragraph in enumerate(paragraphs):
        words_of.pop(index - _CAPTION_REACH - 1, None)  # out of reach from here on
        heading = _is_heading(paragraph) and not _repeats_a_neighbour(paragraphs, index, words_of)
        if heading and not previous_was_heading:
            runs += 1
            if runs >= _SECTIONED:
                return True
        previous_was_heading = heading
    return False


def _is_heading(paragraph: str) -> bool:
    """Short and unfinished, and not a photo credit or a page label left in."""
    text = paragraph.rstrip(" \"'”’»)]")
    words = paragraph.count(" ") + 1
    if not text or words > _HEADING_WORDS or text.endswith(_CLOSING):
        return False
    return boilerplate_reason(paragraph, words) is None


def _lower_words(text: str) -> set[str]:
    """{w.lower() for w in _WORD.findall(text)}: on ASCII text, lower-casing first finds
    the same words with one call."""
    if text.isascii():
        return set(_WORD.findall(text.lower()))
    return {w.lower() for w in _WORD.findall(text)}


def _repeats_a_neighbour(paragraphs: list[str], index: int, words_of: dict[int, set[str]]) -> bool:
    """``words_of`` keeps each paragraph's lower-cased words: headings close together
    compare with the same neighbours."""
    text = paragraphs[index]
    if text.isascii():  # (lower-casing keeps the length of ASCII words only)
        words = {w for w in _lower_words(text) if len(w) > 2}
    else:
        words = {w.lower() for w in _WORD.findall(text) if len(w) > 2}
    if not words:
        return False
    low, high = max(0, index - _CAPTION_REACH), min(len(paragraphs), index + _CAPTION_REACH + 1)
    for other in range(low, high):
        if other != index:
            if (other_words := words_of.get(other)) is None:
                other_words = words_of[other] = _lower_words(paragraphs[other])
            if len(words & other_words) >= _CAPTION_SHARE * len(words):
                return True
    return False


# --- titles --------------------------------------------------------------------

_TITLE_LIMIT = 90


_DANGLING = frozenset(
    "a an the and or but of in on at to for with by from as that which who whose its their his her".split()
)


def story_title(lead: str) -> str:
    """A short title made from a story's lead paragraph.

    The lead's first sentence, without its full stop; when longer than about 90
    characters it is cut at the last clause break (comma, dash, semicolon) that
    leaves at least 40 characters, else at a word boundary that does not split a
    name or leave a dangling "of"/"the", and ends with "…". Words are never added.
    """
    sentence = _first_sentence(" ".join(lead.split())).rstrip(".")
    if len(sentence) <= _TITLE_LIMIT:
        return sentence
    head = sentence[: _TITLE_LIMIT + 1]
    clause = max(head.rfind(", "), head.rfind("; "), head.rfind(" – "), head.rfind(" — "))
    if clause >= 40:
        return sentence[:clause].rstrip(" ,;–—") + "…"
    words = head.split(" ")[:-1]  # the last piece is cut or empty
    following = sentence[len(" ".join(words)) :].split()[:1]
    # Keep names whole: drop a run of capitalised words that continues past the cut.
    if following and following[0][:1].isupper():
        while len(words) > 4 and words[-1][:1].isupper():
            words.pop()
    while len(words) > 4 and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:–—") + "…"

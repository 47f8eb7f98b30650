"""``find_quotes(body, mentions)``: the quotations of an article and who said them.

A quotation is what stands between quotation marks (:func:`reader.sentences.quotations`
pairs them). Its speaker comes from the words around it, in this order:

1. a tag after it: '"…," Kerry said', '"…," said Khaled Khoja, head of …', '"…,"
   Russia Today quoted Lavrov as saying';
2. a frame before it: 'Kerry said: "…"', 'Mr. Kerry responded: "…"', 'Kerry told
   reporters "…"', 'according to Kerry, "…"', 'Carter …, telling reporters: "…"';
3. for a quotation standing alone as a sentence: the speaker of the quote just
   before it, when nothing else comes between ('"…," Mr. Tabler said. "…"'), or a
   name with a verb of saying right after it ('"…" Peskov said the …').

A speaker is a name (an entity mention: a person, or an organisation or country
speaking as such), a pronoun, which stands for the person who is the subject of the
nearest sentence before it that has one (and for nobody when that is two people or
the title says another sex), or a description ("the analyst"), which names nobody.
A name after a preposition or before a possessive is not the speaker: "a spokesman
for Putin said" names nobody.

A quotation is ``partial`` unless it is a statement: framed by the sentence (or a
frame or tag) on both sides, beginning with a capital and at least three words long.
Scare quotes and fragments inside the writer's own sentence are partial; they keep a
speaker when a verb of saying in their sentence names one ('Lavrov said there was a
need to "establish channels …"').
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.quotes import speech
from reader.quotes.model import CONTINUED, NAMED, PRONOUN, UNNAMED, MentionLike, Quote
from reader.sentences import paragraph_spans, quotations, sentence_spans

Span = tuple[int, int]

_ANY_MARK = re.compile("[\"“”«»„‘’']")
_DOUBLE_OR_CURLY = re.compile("[\"“”«»„‘]|(?:^|\\s)'")
_LETTER = re.compile(r"[^\W\d_]")
_EDGE = " \t-—–•*·"
_CLOSING_PUNCTUATION = " .,;:!?)]}…-—–'\"’”»“«"
MIN_STATEMENT_WORDS = 3
_ANTECEDENT_SENTENCES = 4
_ANTECEDENT_PARAGRAPHS = 2


@dataclass(frozen=True, slots=True)
class _Speaker:
    at: int | None  # start of the entity mention naming the speaker
    how: str
    cue: str
    pronoun: str = ""  # "he"/"she": resolved against earlier sentences
    role: str = ""  # "president" in "the president said": resolved likewise
    cue_at: int = -1  # where the pronoun or description stands
    speaks: bool = False  # as a sentence's subject: with a verb of saying


_NOBODY = _Speaker(None, "", "")  # a tag or frame that names nobody


@dataclass(slots=True)
class _Found:
    paragraph: int
    opening: int  # offsets of the marks in the body
    end: int
    closed: bool
    sentence: int = -1  # index into the paragraph's sentences
    speaker: _Speaker | None = None
    quote: Quote | None = None


def find_quotes(body: str, mentions: Sequence[MentionLike]) -> list[Quote]:
    """The quotations in ``body`` in order, with their speakers; ``mentions`` are
    the body's entity mentions (offsets into ``body``)."""
    if not _DOUBLE_OR_CURLY.search(body):
        return []
    return _Article(body, mentions).quotes()


class _Article:
    def __init__(self, body: str, mentions: Sequence[MentionLike]) -> None:
        self.body = body
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.by_end = {m.end: m for m in self.mentions}
        self.by_start = {m.start: m for m in self.mentions}
        self.paragraphs = paragraph_spans(body)
        self._sentences: dict[int, list[Span]] = {}
        self._subjects: dict[tuple[int, int], _Speaker | None] = {}
        self.found: list[_Found] = []
        self.quoted: list[Span] = []

    # -- text units ---------------------------------------------------------

    def sentences(self, paragraph: int) -> list[Span]:
        spans = self._sentences.get(paragraph)
        if spans is None:
            start, end = self.paragraphs[paragraph]
            spans = [(s + start, e + start) for s, e in sentence_spans(self.body[start:end])]
            self._sentences[paragraph] = spans
        return spans

    def sentence_at(self, paragraph: int, offset: int) -> int:
        spans = self.sentences(paragraph)
        index = bisect.bisect_right(spans, (offset, len(self.body) + 1)) - 1
        return max(index, 0)

    def mentions_in(self, start: int, end: int) -> list[MentionLike]:
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def inside_quote(self, offset: int) -> bool:
        index = bisect.bisect_right(self.quoted, (offset, len(self.body) + 1)) - 1
        return index >= 0 and self.quoted[index][0] <= offset < self.quoted[index][1]

    # -- the quotations -----------------------------------------------------

    def quotes(self) -> list[Quote]:
        body = self.body
        for number, (start, end) in enumerate(self.paragraphs):
            if not _ANY_MARK.search(body, start, end):
                continue
            for q in quotations(body[start:end]):
                self.found.append(_Found(number, start + q.opening, start + q.end, q.closed))
        self.quoted = [(f.opening, f.end + 1) for f in self.found]
        result = []
        for index, found in enumerate(self.found):
            quote = self._read(index, found)
            if quote is not None:
                found.quote = quote
                result.append(quote)
        return result

    def _read(self, index: int, found: _Found) -> Quote | None:
        body = self.body
        start, end = found.opening + 1, found.end
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1] in " \t\n,":
            end -= 1
        inner = body[start:end]
        letter = _LETTER.search(inner)
        if letter is None:
            return None
        found.sentence = self.sentence_at(found.paragraph, found.opening)
        s_start, s_end = self.sentences(found.paragraph)[found.sentence]
        previous = self.found[index - 1] if index else None
        following = self.found[index + 1] if index + 1 < len(self.found) else None
        same_sentence_before = (
            previous is not None
            and previous.paragraph == found.paragraph
            and previous.end >= s_start
            and previous.sentence == found.sentence
        )
        clause_start = previous.end + 1 if same_sentence_before and previous is not None else s_start
        right_end = s_end
        if following is not None and following.paragraph == found.paragraph and following.opening < s_end:
            right_end = following.opening
        left = body[clause_start : found.opening]
        right = body[found.end + 1 : right_end] if found.closed else ""

        opens = not left.strip(_EDGE)
        final = not right.strip(_CLOSING_PUNCTUATION)
        frame = self._left_frame(found.paragraph, clause_start, found.opening)
        if opens and found.sentence == 0 and found.paragraph > 0:
            # 'Pedreira wrote in the newspaper last week: ⏎⏎ "…"'
            p_start, p_end = self.paragraphs[found.paragraph - 1]
            if body[p_start:p_end].endswith(":"):
                last_start = self.sentences(found.paragraph - 1)[-1][0]
                frame = self._left_frame(found.paragraph - 1, last_start, p_end)
        tag = self._tag(found.end + 1, right_end) if found.closed and not final else None
        words = len(speech.WORD.findall(inner))
        statement = (
            (opens or frame is not None)
            and (final or tag is not None)
            and (letter.group().isupper() or inner[:1].isdigit())
            and words >= MIN_STATEMENT_WORDS
        )
        framed = frame if frame is not None and frame.how else None
        tag_speaker = tag if tag is not None and tag.how else None
        if statement:
            speaker = tag_speaker or framed
        else:
            # A fragment is the words of whoever its sentence says is speaking.
            speaker = (
                self._verb_in_sentence(s_start, found.opening, found.end + 1, s_end) or tag_speaker or framed
            )
        if speaker is None and statement and opens and final:
            speaker = self._continuing(previous, found) or self._named_next(found) or self._introduced(found)
        if speaker is not None and (speaker.pronoun or speaker.role):
            speaker = self._resolve_reference(speaker, found)
        found.speaker = speaker
        if speaker is None:
            return Quote(start, end, partial=not statement)
        return Quote(start, end, not statement, speaker.at, speaker.how, speaker.cue)

    # -- frames and tags ----------------------------------------------------

    def _left_frame(self, paragraph: int, clause_start: int, opening: int) -> _Speaker | None:
        """A frame that introduces the quotation; its ``how`` is empty when the frame
        names nobody ("The message was clear: …")."""
        body = self.body
        left = body[clause_start:opening]
        according = speech.ACCORDING_TO.search(left)
        if according is not None:
            who_start = clause_start + according.start("who")
            return self._speaker_after(who_start, clause_start + according.end("who")) or _Speaker(
                None, "", ""
            )
        stripped = left.rstrip()
        colon = stripped.endswith(":")
        verbs = list(speech.SPEECH_VERB.finditer(left))
        verb = verbs[-1] if verbs else None
        if verb is None:
            return _Speaker(None, "", "") if colon else None
        tail = left[verb.end() :]
        tail_words = speech.WORD.findall(tail)
        if speech.SPEECH_VERB.search(tail) or "that" in tail_words or len(tail_words) > 8:
            return _Speaker(None, "", "") if colon else None
        ends_clause = colon or stripped.endswith(",") or not tail.strip()
        if not ends_clause and len(tail_words) > 5:
            return None
        verb_start = clause_start + verb.start()
        if verb.group() in speech.PARTICIPLES:
            subject = self._sentence_subject(
                paragraph, self.sentence_at(paragraph, opening), before=verb_start
            )
        else:
            sentence_start = self.sentences(paragraph)[self.sentence_at(paragraph, verb_start)][0]
            subject = self._subject_before(min(sentence_start, clause_start), verb_start)
        return subject or _Speaker(None, "", "")

    def _tag(self, start: int, end: int) -> _Speaker | None:
        """A tag after a closing mark: '," Kerry said', '," said X', '," Y quoted X
        as saying'."""
        body = self.body
        segment = body[start:end]
        quoted = speech.QUOTED_AS_SAYING.search(segment)
        if quoted is not None and quoted.start() < 80:
            return self._speaker_after(start + quoted.start("who"), start + quoted.end("who")) or _NOBODY
        according = speech.ACCORDING_TO_AFTER.match(segment)
        if according is not None:
            return (
                self._speaker_after(start + according.start("who"), start + according.end("who")) or _NOBODY
            )
        inverted = speech.INVERTED_PRONOUN.match(segment)
        if inverted is not None:
            group = "pronoun" if inverted.group("pronoun") else "after"
            word = inverted.group(group)
            return _Speaker(
                None, PRONOUN, word, speech.FRENCH_PRONOUNS[word], cue_at=start + inverted.start(group)
            )
        verb_first = speech.VERB_FIRST.match(segment)
        if verb_first is not None:
            return self._speaker_after(start + verb_first.end(), end) or _NOBODY
        lead = len(segment) - len(segment.lstrip(" ,"))
        verb = speech.SPEECH_VERB.search(segment, lead, lead + 120)
        if verb is None:
            return None
        between = speech.ABBREVIATION.sub("", segment[lead : verb.start()])
        words = speech.WORD.findall(between)
        if (
            speech.CLAUSE_BREAK.search(between)
            or len(words) > 12
            or (words and words[0].lower() in speech.JOINERS)
        ):
            return None
        return self._subject_before(start + lead, start + verb.start()) or _NOBODY

    def _verb_in_sentence(self, s_start: int, opening: int, after: int, s_end: int) -> _Speaker | None:
        """The speaker of a fragment: the subject of a verb of saying before it in its
        sentence, or of a tag ending the sentence (', he said.')."""
        body = self.body
        verb = None
        for match in speech.SPEECH_VERB.finditer(body, s_start, opening):
            if not self.inside_quote(match.start()):
                verb = match
        between = body[verb.end() : opening] if verb is not None else ""
        if speech.CLAUSE_BETWEEN.search(between):
            return None  # 'X said …, a claim the Pentagon dismissed as "…"'
        if verb is not None and verb.group() not in speech.PARTICIPLES:
            clause = max(
                s_start,
                max((e for s, e in self.quoted if s_start <= s and e <= verb.start()), default=s_start),
            )
            return self._subject_before(clause, verb.start())
        tail = re.search(
            r",\s*(?P<who>[^,;:\"“”]{1,60}?)\s+(?P<verb>said|says|told\s+\w+|added)\b[^,;:\"“”]{0,40}$",
            body[after:s_end],
        )
        if tail is not None and not self.inside_quote(after + tail.start()):
            return self._subject_before(after + tail.start("who"), after + tail.start("verb"))
        return None

    def _continuing(self, previous: _Found | None, found: _Found) -> _Speaker | None:
        """The speaker of the quotation right before, when this one goes on from it:
        in the next sentence, or at the start of the next paragraph, with nothing in
        between but the earlier quotation's tag."""
        if previous is None or previous.speaker is None or not previous.speaker.how:
            return None
        if not previous.closed and previous.end == found.opening:
            adjacent = True  # the writer never closed the first: one quotation
        else:
            last = self.sentence_at(previous.paragraph, previous.end)
            if found.paragraph == previous.paragraph:
                adjacent = found.sentence == last + 1
            else:
                adjacent = (
                    found.paragraph == previous.paragraph + 1
                    and found.sentence == 0
                    and last == len(self.sentences(previous.paragraph)) - 1
                )
        if not adjacent:
            return None
        how = CONTINUED if previous.speaker.at is not None else UNNAMED
        return _Speaker(previous.speaker.at, how, previous.speaker.cue)

    def _named_next(self, found: _Found) -> _Speaker | None:
        """'"…?" Peskov asked.' / '"…." Peskov said the …': a name and a verb of
        saying right after a quotation that ends its sentence."""
        body = self.body
        after = found.end + 1
        lead = len(body[after : after + 4]) - len(body[after : after + 4].lstrip())
        mention = self.by_start.get(after + lead) if lead and "\n" not in body[after : after + lead] else None
        if mention is None or mention.label == "PLACE":
            return None
        if speech.SPEAKS_AFTER.match(body, mention.end) is None:
            return None
        # Only between two sentences naming the same person: after "He also defended
        # …", '"…" Graham Robb … said' begins someone else's words.
        before = self._sentence_before(found)
        if before is None or not any(m.name == mention.name for m in self.mentions_in(*before)):
            return None
        return _Speaker(mention.start, NAMED, body[mention.start : mention.end])

    def _sentence_before(self, found: _Found) -> Span | None:
        """The sentence before a quotation's own, in its paragraph or the one before."""
        if found.sentence > 0:
            return self.sentences(found.paragraph)[found.sentence - 1]
        if found.paragraph == 0:
            return None
        return self.sentences(found.paragraph - 1)[-1]

    def _introduced(self, found: _Found) -> _Speaker | None:
        """'Putin added that … \n\n"…."': a statement right after a sentence in which
        a named person does the saying goes on with that person's words."""
        paragraph, sentence = found.paragraph, found.sentence - 1
        if sentence < 0:
            paragraph -= 1
            if paragraph < 0:
                return None
            sentence = len(self.sentences(paragraph)) - 1
        subject = self._sentence_subject(paragraph, sentence)
        if subject is None or subject.at is None or not subject.speaks:
            return None
        return _Speaker(subject.at, CONTINUED, subject.cue)

    # -- speakers -------------------------------------------------------------

    def _subject_before(self, region_start: int, verb_start: int) -> _Speaker | None:
        """Who does the saying in '<region> said': a name right before the verb (past
        adverbs and an appositive between commas), a pronoun, or a description."""
        body = self.body
        region = body[region_start:verb_start]
        core = region.rstrip()
        gap = speech.GAP_WORDS.search(" " + core)
        if gap is not None:
            core = core[: max(0, len(core) - len(gap.group()) + 1)].rstrip()
        candidates = [core]
        if core.endswith(","):
            # "Ash Carter, said", "Minister, Jean-Yves Le Drian, told", "Josh Earnest,
            # the White House press secretary, said", "Weitz, who directed … About A
            # Boy, said": a describing appositive follows the speaker's name.
            named_last = core[:-1].rstrip()
            appositive = core[:-1].rfind(",")
            if appositive > 0 and len(core) - appositive < 110:
                before = core[:appositive].rstrip()
                describes = speech.DESCRIBING.match(core[appositive + 1 :].lstrip())
                candidates += [before, named_last] if describes else [named_last, before]
            else:
                candidates.append(named_last)
        found = [self.by_end.get(region_start + len(text)) for text in candidates]
        mentions = [m for m in found if m is not None and m.start >= region_start]
        if mentions:
            # "David Higdon, Vice President of the ATP, admitted": the person
            people = [m for m in mentions if m.label == "PERSON"]
            return self._named(region_start, people[0] if people else mentions[0])
        pronoun = speech.PRONOUN_BEFORE.search(core)
        if pronoun is not None:
            word = pronoun.group(1)
            return _Speaker(
                None, PRONOUN, word.lower(), speech.PRONOUNS[word], cue_at=region_start + pronoun.start(1)
            )
        return self._described(region_start, region_start + len(core))

    def _speaker_after(self, start: int, end: int) -> _Speaker | None:
        """Who is named after a verb ('said Indosuez chief economist Jean Cheval, …') or
        in 'according to …': the last person in the phrase not after a preposition
        ('said Dudley Heer of Duff and Phelps'), else an organisation or country
        leading it, else a description."""
        body = self.body
        stop = re.search(
            r"[,;(]|\s(?:who|which|whose|in a|at a|on a|during|when|after|before)\s", body[start:end]
        )
        limit = start + stop.start() if stop else end
        phrase = body[start:limit]
        pronoun = re.fullmatch(r"\s*(him|her|he|she)\s*", phrase)
        if pronoun is not None:  # "the paper quoted him as saying"
            word = "she" if pronoun.group(1) in ("her", "she") else "he"
            return _Speaker(None, PRONOUN, pronoun.group(1), word, cue_at=start + pronoun.start(1))
        mentions = self.mentions_in(start, limit)
        people = [
            m
            for m in mentions
            if m.label == "PERSON"
            and speech.word_before_titles(body[start : m.start]) not in speech.PREPOSITIONS
        ]
        if people:
            return self._named(start, people[-1])
        # An organisation speaks when it is what the phrase names ("said the Kremlin",
        # "said Le Figaro newspaper"), not when it describes someone ("said one
        # London-based broker").
        heads = [m for m in mentions if speech.ORG_HEAD_AFTER.fullmatch(body, m.end, limit)]
        if heads:
            return self._named(start, heads[0])
        return self._described(start, limit) if phrase.strip() else None

    def _named(self, region_start: int, mention: MentionLike) -> _Speaker | None:
        """``mention`` as the speaker, unless the words before it make it the object of
        something ('a spokesman for Putin') or one of two ('Kerry and Lavrov')."""
        body = self.body
        before = body[region_start : mention.start]
        title = speech.TITLE_BEFORE.search(before)
        head = before[: title.start()] if title else before
        words = speech.WORD.findall(head)
        if title:  # "Speaking in Harrogate Mr Kennedy": the word right before the title
            last = words[-1].lower() if words and not speech.CLAUSE_END.search(head[-2:]) else ""
        else:
            last = speech.word_before_titles(head)
        cue = body[region_start + (title.start() if title else len(before)) : mention.end]
        if mention.label != "PERSON":
            # "Alan Ackerman of Gruntal and Co said": the person of the organisation
            of = re.search(r",?\s+(?:of|at|from|with)\s+(?:the\s+)?$", before)
            person = self.by_end.get(region_start + of.start()) if of else None
            if person is not None and person.label == "PERSON" and person.start >= region_start:
                return self._named(region_start, person)
        elif last == "the" and " " not in mention.name.strip():
            # "the Wisconsin Democrat said": a description, whatever the name finder read
            return self._described(region_start, mention.end)
        if last in ("and", "or", "&"):
            # "Kerry and Lavrov said" is two speakers; "… strike and Benitez said" one
            joined = re.search(r"(\S+)\s+(?:and|or|&)\s+$", head)
            if joined is not None and (
                region_start + joined.end(1) in self.by_end
                or joined.group(1).lower() in ("he", "she", "i", "we")
            ):
                return None
            last = ""
        if last in speech.PREPOSITIONS:
            if mention.label != "PERSON" and any(w.lower() in speech.OFFICE_NOUNS for w in words[-4:]):
                return _Speaker(mention.start, NAMED, body[region_start : mention.end].strip())
            return self._described(region_start, mention.end)
        if body[mention.end : mention.end + 2] in ("'s", "’s"):
            return self._described(region_start, mention.end)
        return _Speaker(mention.start, NAMED, cue)

    def _described(self, start: int, end: int) -> _Speaker | None:
        """A speaker the text describes: an organisation's office ('a State Department
        spokesman') speaks for it; anyone else ('the analyst') is named nowhere."""
        body = self.body
        phrase = body[start:end].strip(" ,.!?")
        comma = phrase.rfind(",")
        if comma >= 0:
            start += body[start:end].find(phrase) + comma + 1
            phrase = phrase[comma + 1 :].strip()
        if not phrase or not speech.DESCRIBED.match(phrase):
            return None
        words = speech.WORD.findall(phrase)
        if words and words[-1].lower() in speech.OFFICE_NOUNS:
            offices = [m for m in self.mentions_in(start, end) if m.label == "ORG"]
            if offices:
                return _Speaker(offices[-1].start, NAMED, phrase)
        if len(words) <= 4 and words[0].lower() == "the" and words[-1].islower():
            # "the president": the person with that title the text has just named
            return _Speaker(None, UNNAMED, phrase, role=words[-1], cue_at=start)
        return _Speaker(None, UNNAMED, phrase)

    # -- pronouns -------------------------------------------------------------

    def _resolve_reference(self, speaker: _Speaker, found: _Found) -> _Speaker:
        subject = self._antecedent(
            found.paragraph, found.sentence, speaker.cue_at, speaker.pronoun, speaker.role, 0
        )
        if subject is None or subject.at is None:
            return _Speaker(None, UNNAMED, speaker.cue)
        return _Speaker(subject.at, PRONOUN, speaker.cue)

    def _antecedent(
        self, paragraph: int, sentence: int, position: int, pronoun: str, role: str, depth: int
    ) -> _Speaker | None:
        """The person a pronoun (or "the president") at ``position`` stands for: an
        earlier quotation's speaker in its own sentence, else the subject of the
        nearest sentence before it that has a person as subject."""
        for earlier in reversed(self.found):
            if earlier.opening >= position or earlier.speaker is None:
                continue
            if (
                earlier.paragraph == paragraph
                and earlier.sentence == sentence
                and earlier.speaker.at is not None
            ):
                return self._checked(earlier.speaker, pronoun, role)
            break
        seen = 0
        p, s = paragraph, sentence
        while seen < _ANTECEDENT_SENTENCES:
            s -= 1
            if s < 0:
                p -= 1
                if p < 0 or paragraph - p > _ANTECEDENT_PARAGRAPHS:
                    return None
                s = len(self.sentences(p)) - 1
                if s < 0:
                    continue
            seen += 1
            subject = self._sentence_subject(p, s)
            if role and (subject is None or subject.pronoun):
                # "the president" is the subject of the sentence just before, or nobody:
                # further back it may as well be anyone with that title.
                return None
            if subject is None:
                continue
            if subject.pronoun:
                if (pronoun and subject.pronoun != pronoun) or depth >= 3:
                    return None
                return self._antecedent(p, s, subject.cue_at, subject.pronoun, role, depth + 1)
            if subject.at is None:
                return None  # two people, or someone unnamed: "he" is not sure
            return self._checked(subject, pronoun, role)
        return None

    def _checked(self, subject: _Speaker, pronoun: str, role: str) -> _Speaker | None:
        """``subject`` unless its titles in this article say another sex ("Mrs"), or,
        for "the president", it has no such title."""
        if subject.at is None:
            return None
        mention = self.by_start.get(subject.at)
        if mention is None or mention.label != "PERSON":
            return None
        same = [m for m in self.mentions if m.name == mention.name]
        if role:
            titles = " ".join(getattr(m, "role", None) or "" for m in same).lower().split()
            return subject if role.lower() in titles else None
        wrong = speech.FEMALE_TITLE if pronoun == "he" else speech.MALE_TITLE
        if any(wrong.search(self.body[max(0, m.start - 8) : m.start]) for m in same):
            return None
        return subject

    def _sentence_subject(self, paragraph: int, sentence: int, before: int | None = None) -> _Speaker | None:
        """The person a sentence is about: a quotation's speaker in it, a name that
        opens it (after titles), a name doing the saying ('…, Hollande said'), or a
        leading "he"/"she". ``_Speaker(None, …)`` when that is two people."""
        key = (paragraph, sentence)
        if before is None and key in self._subjects:
            return self._subjects[key]
        s_start, s_end = self.sentences(paragraph)[sentence]
        end = s_end if before is None else before
        subject = self._find_subject(paragraph, sentence, s_start, end)
        if before is None:
            self._subjects[key] = subject
        return subject

    def _find_subject(self, paragraph: int, sentence: int, s_start: int, end: int) -> _Speaker | None:
        body = self.body
        for earlier in self.found:
            if (
                earlier.paragraph == paragraph
                and earlier.sentence == sentence
                and earlier.opening < end
                and earlier.speaker is not None
                and earlier.speaker.at is not None
                and earlier.speaker.how != CONTINUED
            ):
                return earlier.speaker
        final_tag = speech.FINAL_TAG.search(body, s_start, end)
        if final_tag is not None and not self.inside_quote(final_tag.start()):
            # "…, Kaufman noted." is about Kaufman's view, whoever else it names
            said = self._subject_before(final_tag.start("who"), final_tag.start("verb"))
            named = self.by_start.get(said.at) if said is not None and said.at is not None else None
            # A person, not an agency reporting it: "Ward said …, the PA reported."
            if said is not None and named is not None and named.label == "PERSON" and said.how == NAMED:
                return replace(said, speaks=True)
        pronoun = speech.PRONOUN_SUBJECT.match(body, s_start, end)
        if pronoun is not None:
            word = pronoun.group(1)
            speaks = speech.SPEAKS_AFTER.match(body, pronoun.end(1), end) is not None
            return _Speaker(
                None, PRONOUN, word.lower(), speech.PRONOUNS[word], cue_at=pronoun.start(1), speaks=speaks
            )
        people = [
            m
            for m in self.mentions_in(s_start, end)
            if m.label == "PERSON" and not self.inside_quote(m.start)
        ]
        if not people:
            # Someone speaks here whom the text does not name ("Another worker …
            # said …"), or whose name was not found: a pronoun after this sentence may
            # stand for them, so it cannot reach past it.
            verb = speech.SPEECH_VERB.search(body, s_start, end)
            if verb is not None and not self.inside_quote(verb.start()):
                speaker = self._subject_before(s_start, verb.start())
                if speaker is not None and speaker.pronoun:
                    return speaker
                return _Speaker(None, UNNAMED, speaker.cue if speaker else "")
            return None
        first = people[0]
        possessive = body[first.end : first.end + 2] in ("'s", "’s")
        if not possessive and speech.subject_prefix_ok(body[s_start : first.start]):
            following = body[first.end : first.end + 6]
            if re.match(r"\s+(?:and|&)\s", following) and len(people) > 1:
                return _Speaker(None, UNNAMED, "")
            speaks = speech.SPEAKS_AFTER.match(body, first.end, end) is not None
            return _Speaker(first.start, NAMED, first.name, speaks=speaks)
        unsure = False
        for mention in people:
            if speech.SAID_BY.search(body, max(s_start, mention.start - 80), mention.start):
                return _Speaker(mention.start, NAMED, mention.name, speaks=True)  # "announced by X"
            if body[mention.end : mention.end + 2] in ("'s", "’s"):
                continue  # "Bashar al-Assad's government"
            unsure = True
            if (
                speech.word_before_titles(body[max(s_start, mention.start - 80) : mention.start])
                in speech.PREPOSITIONS
            ):
                continue  # "with a spokesman for Putin saying"
            if speech.SPEAKS_AFTER.match(body, mention.end, end) is not None:
                return _Speaker(mention.start, NAMED, mention.name, speaks=True)
        # People named, none of them surely the subject ("… met a cool reception from
        # Jacques Chirac"): a pronoun after it cannot be sure to skip them.
        return _Speaker(None, UNNAMED, "") if unsure else None

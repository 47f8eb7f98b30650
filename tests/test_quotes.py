"""The quote finder on sentences written for each pattern it reads.

Mentions are given by hand (``said()`` marks every occurrence of the names it is
told), so each test says exactly which names the text holds and checks only how
quotes and speakers are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.quotes import CONTINUED, NAMED, PRONOUN, UNNAMED, find_quotes
from reader.quotes.same import ADDED, REMOVED, SAME, Change, differences, group_same
from reader.sentences import quotations


@dataclass(frozen=True)
class M:
    start: int
    end: int
    label: str
    name: str
    role: str | None = None


def mentions(text: str, **names: str) -> list[M]:
    """Every occurrence of each surface form: ``PERSON="John Kerry=John Kerry|Kerry=John
    Kerry"``; ``role:`` after a name gives its title ("Kerry=John Kerry:Secretary")."""
    found: list[M] = []
    for label, spec in names.items():
        for item in spec.split("|"):
            surface, _, rest = item.partition("=")
            name, _, role = (rest or surface).partition(":")
            for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                if not any(m.start <= match.start() < m.end for m in found):
                    found.append(M(match.start(), match.end(), label, name, role or None))
    return sorted(found, key=lambda m: m.start)


def said(text: str, **names: str) -> list[tuple[str, str | None, bool, str]]:
    """(quoted text, speaker's name, partial, how) of every quote."""
    spans = mentions(text, **names)
    by_start = {m.start: m for m in spans}
    result = []
    for quote in find_quotes(text, spans):
        speaker = by_start.get(quote.speaker_at) if quote.speaker_at is not None else None
        result.append(
            (text[quote.start : quote.end], speaker.name if speaker else None, quote.partial, quote.how)
        )
    return result


# -- speakers named next to the quote --------------------------------------


def test_tag_after_the_quote():
    assert said('"We will meet again next week," Kerry said.', PERSON="Kerry=John Kerry") == [
        ("We will meet again next week", "John Kerry", False, NAMED)
    ]


def test_verb_then_name_with_a_title_after_it():
    text = '"The Russians struck northern Homs today," said Khaled Khoja, head of the National Coalition.'
    assert said(text, PERSON="Khaled Khoja", ORG="National Coalition") == [
        ("The Russians struck northern Homs today", "Khaled Khoja", False, NAMED)
    ]


def test_frame_before_the_quote():
    assert said('Kerry said: "I don\'t right now. Maybe later."', PERSON="Kerry") == [
        ("I don't right now. Maybe later.", "Kerry", False, NAMED)
    ]
    text = "Mr. Kerry responded: “Hopefully, we’ll be able to make some progress.”"
    quote = find_quotes(text, mentions(text, PERSON="Kerry"))[0]
    assert (quote.how, quote.cue) == (NAMED, "Mr. Kerry")


def test_told_reporters_and_according_to():
    assert said('Kirby told reporters "The coalition will keep flying."', PERSON="Kirby") == [
        ("The coalition will keep flying.", "Kirby", False, NAMED)
    ]
    assert said('According to Lavrov, "the targets are well known."', PERSON="Lavrov") == [
        ("the targets are well known.", "Lavrov", True, NAMED)  # lower case: a fragment
    ]
    assert said(
        '"Our targets are solely Isil," Russia Today quoted Lavrov as saying.',
        PERSON="Lavrov",
        ORG="Russia Today",
    ) == [("Our targets are solely Isil", "Lavrov", False, NAMED)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("«Pour certains d’entre eux on est très interrogatif», a ajouté Laurent Fabius.", "Laurent Fabius"),
        ('"No vamos a subir los impuestos este año", dijo el presidente Pedro Sánchez.', "Pedro Sánchez"),
        ('"Não vamos aumentar os impostos este ano", afirmou Jair Bolsonaro.', "Jair Bolsonaro"),
        ('"Wir werden die Steuern nicht erhöhen", sagte Angela Merkel am Montag.', "Angela Merkel"),
        # German marks: „…“ and »…«, whose closing marks open a quote in English and French
        ("„Wir werden die Steuern nicht erhöhen“, sagte Angela Merkel am Montag.", "Angela Merkel"),
        ("»Wir werden die Steuern nicht erhöhen«, sagte Angela Merkel am Montag.", "Angela Merkel"),
        ('"Non aumenteremo le tasse quest\'anno", ha detto Mario Draghi.', "Mario Draghi"),
        ('Según Pedro Sánchez, "No habrá recortes este año."', "Pedro Sánchez"),
    ],
)
def test_tags_in_the_languages_of_other_news(text: str, name: str) -> None:
    [(quoted, speaker, partial, how)] = said(text, PERSON=name)
    assert (speaker, how, partial) == (name, NAMED, False)  # each a statement
    assert quoted in text and not set(quoted) & set('"“”«»„')  # the words, not the marks


@pytest.mark.parametrize(
    "tag", ["a-t-il ajouté", "a-t-il déclaré", "dit-il", "ajoute-t-il", "explique-t-il", "poursuit-il"]
)
def test_a_french_pronoun_after_its_verb_is_the_subject_before(tag: str) -> None:
    text = f"Laurent Fabius est arrivé lundi à Katmandou.\n\n«Nous allons aider les familles des victimes», {tag}."
    assert said(text, PERSON="Laurent Fabius")[0][1:] == ("Laurent Fabius", False, PRONOUN)


def test_quoted_him_as_saying_and_a_person_of_a_firm():
    text = 'Abdul Fattah al-Bader spoke to a paper.\n\n"Exports go on as before," the paper quoted him as saying.'
    assert said(text, PERSON="Abdul Fattah al-Bader")[0][1:] == ("Abdul Fattah al-Bader", False, PRONOUN)
    text = (
        'New York analyst William Raferty, of Smith Barney Harris Upham said "We are still in a bull market."'
    )
    assert said(text, PERSON="William Raferty", ORG="Smith Barney Harris Upham")[0][1] == "William Raferty"


def test_an_appositive_between_name_and_verb():
    text = 'Josh Earnest, the White House press secretary, said: "Much work remains to be done."'
    assert said(text, PERSON="Josh Earnest", ORG="White House")[0][1] == "Josh Earnest"
    # the appositive names the speaker
    text = 'France’s Defense Minister, Jean-Yves Le Drian, told lawmakers: "They did not hit it."'
    assert said(text, PERSON="Jean-Yves Le Drian", PLACE="France")[0][1] == "Jean-Yves Le Drian"
    # a clause about the speaker that names someone else
    text = 'Weitz, who directed About A Boy, said: "There may be some changes to the script."'
    assert said(text, PERSON="Weitz|Boy")[0][1] == "Weitz"
    text = 'David Higdon, Vice President of the ATP, admitted: "I agree with Greg on this one."'
    assert said(text, PERSON="David Higdon", ORG="ATP")[0][1] == "David Higdon"


def test_two_speakers_in_one_paragraph():
    text = (
        "Both men said they were hopeful. “I hope after today’s consultations you’ll advise him,” "
        "Mr. Putin said, referring to conversations between Mr. Kerry and President Obama. "
        "Mr. Kerry responded: “Hopefully, we’ll be able to make some genuine progress.”"
    )
    found = said(text, PERSON="Putin=Vladimir Putin|Kerry=John Kerry|Obama=Barack Obama")
    assert [(q[0][:10], q[1]) for q in found] == [
        ("I hope aft", "Vladimir Putin"),
        ("Hopefully,", "John Kerry"),
    ]


# -- quotes going on ---------------------------------------------------------


def test_a_quote_going_on_in_the_next_sentence_and_paragraph():
    text = (
        "“The Russians want Assad to stay,” Mr. Tabler said. “They’re very upfront about that.”\n\n"
        "“And by giving in, we’re buying into that.”"
    )
    assert said(text, PERSON="Tabler=Andrew Tabler") == [
        ("The Russians want Assad to stay", "Andrew Tabler", False, NAMED),
        ("They’re very upfront about that.", "Andrew Tabler", False, CONTINUED),
        ("And by giving in, we’re buying into that.", "Andrew Tabler", False, CONTINUED),
    ]


def test_a_quote_over_paragraphs_without_closing_marks():
    text = 'Asma told Rossiya 24: "I have been here since the beginning.\n\n"Yes, I was offered a way out.\n\n"I said no to it."'
    assert [(q[1], q[3]) for q in said(text, PERSON="Asma")] == [
        ("Asma", NAMED),
        ("Asma", CONTINUED),
        ("Asma", CONTINUED),
    ]


def test_no_continuation_across_someone_elses_sentence():
    text = '"We will win the vote," Smith said. Jones disagreed with him. "The vote is lost already."'
    assert said(text, PERSON="Smith|Jones")[1][1] is None


def test_a_name_before_and_after_a_lone_quote():
    text = (
        "Peskov was dismissive of the rebels when asked on Wednesday. "
        '"Does it exist at all? Most of them switched sides." Peskov said the strikes went on.'
    )
    assert said(text, PERSON="Peskov")[0][1] == "Peskov"
    # the name after the quote alone is someone else answering
    text = 'He defended the decision. "We had to show who was behind it." Robb said the campaign was in the gutter.'
    assert said(text, PERSON="Robb")[0][1] is None


def test_a_statement_after_a_sentence_in_which_someone_speaks():
    text = 'Putin added that Russia would send no ground troops.\n\n"We are not going to plunge into this conflict."'
    assert said(text, PERSON="Putin") == [
        ("We are not going to plunge into this conflict.", "Putin", False, CONTINUED)
    ]


# -- pronouns and descriptions ------------------------------------------------


def test_a_pronoun_is_the_subject_nearby():
    text = 'NATO Secretary General Jens Stoltenberg expressed consternation.\n\n"I am especially concerned," he said.'
    assert said(text, PERSON="Jens Stoltenberg") == [
        ("I am especially concerned", "Jens Stoltenberg", False, PRONOUN)
    ]


def test_a_pronoun_skips_a_name_that_is_no_subject():
    text = (
        "John Kerry, the US secretary of state, suggested he would welcome Russian action. "
        'Appearing alongside Lavrov after their meeting, he said: "It is one thing to target Isil."'
    )
    assert said(text, PERSON="John Kerry|Lavrov")[0][1] == "John Kerry"


def test_a_pronoun_that_could_be_two_people_is_nobody():
    text = 'Kerry and Lavrov met in Geneva on Friday.\n\n"We made real progress today," he said.'
    assert said(text, PERSON="Kerry|Lavrov") == [("We made real progress today", None, False, UNNAMED)]
    # someone unnamed spoke in between
    text = (
        'Villager Li said the factory was built in 1975. "We borrowed money," he said.\n\n'
        "Another worker in the collective said before that nobody worked hard.\n\n"
        '"The laziest used to laugh at us," she said.'
    )
    assert said(text, PERSON="Villager Li")[1][1] is None
    # "said a win by Mr Kerry …": Kerry is not the one speaking
    text = (
        "Menzies Campbell said a win by Mr Kerry would have given Mr Blair a fresh start.\n\n"
        '"Europeans must hope his administration will be more multilateral."'
    )
    assert said(text, PERSON="Kerry|Blair")[0][1] is None
    # someone whose name was not found spoke in between
    text = (
        'Salmond said the party got a boost. "Labour\'s arrogance undid them," he said. '
        'However, Labour MP George Foulkes said it would make no difference. "A soldier knows it is right," he said.'
    )
    assert said(text, PERSON="Salmond")[1][1] is None
    # an agency reporting what a person said is not the one speaking
    text = 'Ward said Guinness had belittled his work, the PA reported.\n\n"I wish to stress that the fee was large."'
    assert said(text, PERSON="Ward", ORG="PA")[0][1] == "Ward"
    # a title that says another sex
    text = 'Mrs Thatcher spoke to reporters in London.\n\n"We will not change course now," he said.'
    assert said(text, PERSON="Thatcher")[0][1] is None


def test_the_president_is_the_president_named_just_before():
    text = (
        "Turkey’s President Recep Tayyip Erdogan said the attack was likely. "
        '"Those who attack us will not succeed!" the president said.'
    )
    assert (
        said(text, PERSON="Recep Tayyip Erdogan=Recep Tayyip Erdogan:President")[0][1]
        == "Recep Tayyip Erdogan"
    )
    # the title-holder named further back is not sure to be the one meant
    text = (
        "He woke to discover Mr Bush had won. His words about President Bush met a cool reception "
        'from Jacques Chirac. The French president told reporters: "Europe needs to reinforce itself."'
    )
    assert said(text, PERSON="Bush=George Bush:President|Jacques Chirac")[0][1] is None
    # nobody with that title: a description only
    text = 'Smith arrived late. "The stakes are very high," the analyst said.'
    assert said(text, PERSON="Smith") == [("The stakes are very high", None, False, UNNAMED)]


def test_an_office_speaks_for_its_organisation_not_for_a_person():
    assert said('"Talks will go on," a State Department spokesman said.', ORG="State Department")[0][1] == (
        "State Department"
    )
    assert said('"The strikes continue," the Kremlin said.', ORG="Kremlin")[0][1] == "Kremlin"
    text = 'A spokesman for Putin spoke on Thursday. "The targets are chosen with Syria," the spokesman said.'
    assert said(text, PERSON="Putin")[0][1] is None
    assert (
        said('"The targets are chosen with Syria," a spokesman for Putin said.', PERSON="Putin")[0][1] is None
    )
    text = '"The market is strong today," Alan Ackerman of Gruntal and Co said.'
    assert said(text, PERSON="Alan Ackerman", ORG="Gruntal and Co")[0][1] == "Alan Ackerman"


# -- fragments ----------------------------------------------------------------


def test_scare_quotes_and_short_fragments_are_partial():
    text = (
        'They said they would hold "de-confliction" talks. Russia\'s arrival would "backfire", Carter warned.'
    )
    assert [(q[0], q[2]) for q in said(text, PERSON="Carter")] == [
        ("de-confliction", True),
        ("backfire", True),
    ]
    assert said('The church called it a "holy battle".', ORG="Church") == [("holy battle", None, True, "")]


def test_a_fragment_keeps_the_speaker_its_sentence_names():
    text = 'Lavrov said there was a need to "establish channels of communication".'
    assert said(text, PERSON="Lavrov") == [("establish channels of communication", "Lavrov", True, NAMED)]
    # another clause comes between: its own speaker said it
    text = 'Haddad said the US was to blame, a claim the Pentagon dismissed as "patently false".'
    assert said(text, PERSON="Haddad", ORG="Pentagon")[0][1] is None


def test_british_single_quotes_and_apostrophes():
    text = "'We will win the seat back,' he said. It's the voters' choice, not the '80s any more."
    found = said(text)
    assert [(q[0], q[2]) for q in found] == [("We will win the seat back", False)]


def test_no_quotation_marks_no_quotes():
    assert find_quotes("Kerry said the talks went well.", mentions("Kerry said", PERSON="Kerry")) == []


# -- quotation marks ------------------------------------------------------------


def test_marks_face_the_way_their_neighbours_say():
    text = 'Mr Mates added: "We discovered it. "And this may be one," he said.'
    first, second = text.index('"We'), text.index('"And')
    found = quotations(text)
    # the first is never closed: it ends where the next opens
    assert [(q.opening, q.end, q.closed) for q in found] == [
        (first, second, False),
        (second, text.index('" he'), True),
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \"“”'‘’.,:\n")), max_size=80))
def test_quotes_stay_inside_the_text_and_in_order(text):
    quotes = find_quotes(text, [])
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


# -- the same quote in several articles -------------------------------------------


def test_the_same_quote_cut_or_with_a_word_changed_is_one():
    texts = [
        "We agreed on the imperative of talks as soon as possible.",
        "We agreed on the imperative of military talks as soon as possible",
        "Something else entirely is said here today by someone",
        "agreed on the imperative of talks",
    ]
    assert group_same(texts) == [[0, 1, 3], [2]]
    assert differences(texts[0], texts[1]) == (
        Change(SAME, "We agreed on the imperative of "),
        Change(ADDED, "military"),
        Change(SAME, " talks as soon as possible"),
    )
    assert differences(texts[0], texts[0].upper()) == ()
    replaced = differences("We agreed on the imperative of talks.", "We agreed on the need of talks.")
    assert [c.kind for c in replaced] == [SAME, REMOVED, SAME, ADDED, SAME]


def test_two_versions_of_one_remark_are_one_quote():
    assert group_same(
        [
            "It is one thing obviously to be targeting Isil. We're concerned, obviously, that is not what is happening.",
            "It’s one thing to be targeting Isil, but the concern, obviously, is that this is not what was happening.",
        ]
    ) == [[0, 1]]


@pytest.mark.parametrize("text", ["", "word", "two words"])
def test_short_quotes_group_only_with_the_same_words(text):
    assert group_same([text, text, "other words entirely here"]) == (
        [[0, 1], [2]] if text else [[0], [1], [2]]
    )

"""Who said what in the five seed pages, written by hand from the pages.

Every statement (a quotation that is a full sentence) of every seed is listed with
its speaker as a reader of the page names it, None where the page names nobody ("the
analyst said", "the spokesman said" — a spokesman for Putin, not Putin). The test
compares the library's quotes with the list exactly: none missing, none extra, none
given to the wrong person. Fragments (partial quotes) that carry a speaker are
listed the same way; every other fragment must carry none.
"""

from __future__ import annotations

import pytest

from reader.library import Library

# (seed file, story, first words of the quote, speaker)
STATEMENTS = [
    ("000", 0, "We agreed on the imperative", "John Kerry"),
    (
        "000",
        0,
        "It does appear they were in areas",
        "Ashton Carter",
    ),  # "US Defence Secretary Ash Carter, said:"
    ("000", 0, "The Russians struck northern Homs", "Khaled Khoja"),
    (
        "000",
        0,
        "I'm especially concerned because",
        "Jens Stoltenberg",
    ),  # "he said", after Stoltenberg's paragraph
    ("000", 0, "We were going to Afghanistan", "Alexander Konovalov"),  # "he told AFP"
    ("001", 0, "I don't right now.", "John Kerry"),
    ("001", 0, "I'll give you all a sense", "John Kerry"),  # "he added"
    # 002: two speakers in one paragraph, then quotes going on with no new speaker
    ("002", 0, "I hope after today’s consultations", "Vladimir Putin"),
    ("002", 0, "Hopefully, we’ll be able to", "John Kerry"),
    ("002", 0, "We’ve always made clear", "Josh Earnest"),
    ("002", 0, "Unfortunately, we’ve seen them", "Josh Earnest"),
    ("002", 0, "The Russians want Assad to stay", "Andrew J. Tabler"),
    ("002", 0, "They’re very upfront about that.", "Andrew J. Tabler"),
    ("002", 0, "It is true that Assad has", "Josh Earnest"),
    ("002", 0, "We know that the Russian government", "Josh Earnest"),  # names Putin inside: still Earnest
    ("003", 0, "Our military policy in Syria", "Jim Matiss"),
    (
        "003",
        1,
        "Tonight I call on all civilized nations",
        "Donald Trump",
    ),  # "The president said", after Trump
    ("003", 4, "I’ve been here since the beginning", "Asma al-Assad"),
    ("003", 4, "Yes I was offered the opportunity", "Asma al-Assad"),  # one quote over three paragraphs
    ("003", 4, "It doesn’t take a genius", "Asma al-Assad"),
    ("003", 5, "Our country and our nation", "Recep Tayyip Erdogan"),  # "the president said", after Erdogan
    ("003", 7, "The first group of Russian planes", None),  # "the defense ministry statement said"
    ("003", 8, "I consider the mission set", "Vladimir Putin"),
    ("003", 8, "I am therefore ordering", "Vladimir Putin"),
    ("003", 8, "If there is seriousness", "Salim al-Muslat"),
    ("003", 8, "We will have to see exactly", "Josh Earnest"),
    ("003", 12, "So far they say they want a ceasefire", "Bashar al-Assad"),
    ("003", 12, "Who is capable of gathering", "Bashar al-Assad"),
    ("003", 13, "The two are trying to slaughter", "Adam Szubin"),
    ("003", 14, "They had suffered serious losses", "Vladimir Putin"),
    ("003", 14, "We cannot permit them", "Vladimir Putin"),
    ("003", 16, "It’s one thing to be targeting Isil", "John Kerry"),
    (
        "003",
        16,
        "Curiously, they didn’t hit",
        "Jean-Yves Le Drian",
    ),  # "France’s Defense Minister, Jean-Yves Le Drian, told"
    ("003", 16, "If they [militants] succeed", "Vladimir Putin"),
    ("003", 17, "If they [militants] succeed", "Vladimir Putin"),  # the next story repeats it
    (
        "003",
        17,
        "We certainly are not going to plunge",
        "Vladimir Putin",
    ),  # after "Vladimir Putin added that …"
    ("003", 17, "A Russian official in Baghdad", None),  # "A US defense official said"
    ("003", 17, "The US-led coalition will continue", "John Kirby"),
    ("003", 18, "They aren’t citizens of Syria", "Vladimir Putin"),
    ("003", 18, "The US is prepared to work", "Barack Obama"),
    ("003", 18, "But we must recognize", "Barack Obama"),
    ("003", 22, "It is not the case that the enemy", "Benjamin Rhodes"),
    ("003", 22, "Joining forces with Assad", "Benjamin Rhodes"),
    ("003", 23, "This funding request would build", "White House"),  # an office speaks
    (
        "003",
        24,
        "I declare the victory",
        "Mohammad al-Laham",
    ),  # "announced by … al-Laham", then "he announced"
    ("003", 24, "You can’t have an election", "John Kerry"),
    ("003", 27, "Twelve citizens were killed", "Sana"),  # the news agency
    ("004", 0, "What is important is Russia", "John Kerry"),
    ("004", 0, "That's clear.", "John Kerry"),
    ("004", 0, "I would expect a huge influx", None),  # "the analyst said"
    ("004", 0, "The stakes are very high.", None),
    ("004", 0, "Russia is challenging everyone", "Hassan Haj Ali"),
    (
        "004",
        0,
        "These organisations are well known",
        None,
    ),  # "a spokesman for Putin" ... "the spokesman said"
    ("004", 0, "Our targets are solely", "Sergei Lavrov"),  # "Russia Today quoted Lavrov as saying"
    ("004", 0, "We can't believe", None),  # "said one civil defence volunteer"
    ("004", 0, "It does appear that they", "Ashton Carter"),  # "telling reporters:"
    ("004", 0, "It is one thing obviously", "John Kerry"),  # "Appearing alongside Lavrov …, he said:"
    ("004", 0, "We don't consider Free Syrian Army", "Sergei Lavrov"),
    ("004", 0, "Does it exist, the Free Syria Army?", "Dmitry Peskov"),  # '"…" Peskov said the …'
    ("004", 0, "In the case of the New Syrian Forces", "Steve Warren"),
]

# Fragments whose sentence names who said them.
FRAGMENTS = [
    ("000", 0, "backfire", "Ashton Carter"),  # "And he warned that … would"
    ("000", 0, "grave concern", "John Kerry"),
    ("000", 0, "for the sake of his country", "Vladimir Putin"),
    ("003", 0, "a lot of questions", "Sergei Lavrov"),
    ("003", 0, "candid", "Rex Tillerson"),
    ("003", 1, "vital national security interest", "Donald Trump"),
    ("003", 2, "something should happen", "Donald Trump"),
    ("003", 5, "no difference", "Recep Tayyip Erdogan"),
    ("003", 7, "next steps required", "White House"),
    ("003", 7, "called for an intensification", "Kremlin"),
    ("003", 8, "from land, air and sea", "Vladimir Putin"),
    ("003", 8, "stabilize the legitimate authority", "Vladimir Putin"),
    ("003", 8, "create conditions for a political", "Vladimir Putin"),
    ("003", 9, "the world will be watching", "Barack Obama"),
    ("003", 9, "largely holds", "Staffan de Mistura"),
    ("003", 10, "proposed text to continue", "HNC"),
    ("003", 12, "those who make such statements", "Dmitry Peskov"),
    ("003", 12, "deliberate", "United Nations"),  # 'The UN said the "deliberate" targeting …'
    ("003", 12, "could amount to war crimes", "United Nations"),
    ("003", 12, "either the [Syrian] government", "Mego Terzian"),
    ("003", 14, "terrorism", "Bashar al-Assad"),
    ("003", 14, "more widespread and harmful", "Bashar al-Assad"),
    ("003", 14, "almost alone", "Vladimir Putin"),
    ("003", 14, "international terrorism", "Vladimir Putin"),
    ("003", 14, "ready to contribute", "Vladimir Putin"),
    ("003", 15, "stabilize the legitimate authority", "Vladimir Putin"),
    ("003", 15, "create conditions for a political", "Vladimir Putin"),
    ("003", 15, "stabilize", "Vladimir Putin"),
    ("003", 15, "terrorist groups", "Vladimir Putin"),  # "He stressed that …"
    ("003", 15, "under siege", "Vladimir Putin"),
    ("003", 15, "unite efforts against this evil", "Vladimir Putin"),  # "The Russian president also urged"
    ("003", 16, "establish channels of communication", "Sergei Lavrov"),
    (
        "003",
        16,
        "as soon as possible",
        "John Kerry",
    ),  # "His US counterpart, John Kerry, said talks will be held"
    ("003", 16, "supporting the Syrian army", "Vladimir Putin"),
    ("003", 18, "enormous mistake", "Russia"),  # 'Russia said it would be an "enormous mistake"'
    ("003", 18, "enormous mistake to refuse", "Vladimir Putin"),
    ("003", 20, "not yet coordinate", "John Kerry"),
    ("003", 20, "concerns about how we are going", "John Kerry"),
    ("003", 22, "ready for co-operation", "Walid Muallem"),
    ("003", 22, "act of aggression", "Walid Muallem"),
    ("003", 23, "moderate", "Barack Obama"),  # "what he described as"
    ("003", 25, "historic day", "Wael al-Halqi"),
    ("003", 25, "prove to the entire world", "Wael al-Halqi"),
    ("003", 25, "achieve security and stability", "Wael al-Halqi"),
    ("003", 26, "is a clear message from rebels", "Rami Abdel Rahman"),
    ("004", 0, "few if any", "Josh Earnest"),
    ("004", 0, "the strikes, regardless of who", "Francois Hollande"),  # "He said it was essential …"
]


@pytest.fixture(scope="module")
def seed_quotes(seeded_library_template):
    found: list[tuple[str, int, str, str | None, bool]] = []
    with Library.open(seeded_library_template, readonly=True) as library:
        for stored in library.store.iter_articles():
            seed = stored.article.path.rsplit("/", 1)[-1][:3]
            for quote in stored.quotes:
                speaker = stored.speaker(quote)
                text = stored.article.body[quote.start : quote.end]
                found.append(
                    (seed, stored.article.part, text, speaker.name if speaker else None, quote.partial)
                )
    return found


def _matches(found, expected):
    """Each expected quote paired with one found quote (same seed, story, opening
    words); the leftovers of both sides are returned."""
    left = list(found)
    missing = []
    for seed, part, opening, speaker in expected:
        candidates = [
            i
            for i, (s, p, text, _, _) in enumerate(left)
            if (s, p) == (seed, part) and text.startswith(opening)
        ]
        # The same words may be quoted twice in a story ("as soon as possible"): the
        # one with the expected speaker if there is one.
        index = next((i for i in candidates if left[i][3] == speaker), candidates[0] if candidates else None)
        if index is None:
            missing.append((seed, part, opening, speaker))
            continue
        got = left.pop(index)
        if got[3] != speaker:
            missing.append((seed, part, opening, f"{speaker!r}, found {got[3]!r}"))
    return missing, left


def test_every_statement_of_the_seeds_and_its_speaker(seed_quotes):
    statements = [(s, p, t, who) for s, p, t, who, partial in seed_quotes if not partial]
    missing, extra = _matches([(s, p, t, who, False) for s, p, t, who in statements], STATEMENTS)
    assert missing == []
    assert extra == []


def test_fragments_with_a_speaker_and_no_other(seed_quotes):
    fragments = [q for q in seed_quotes if q[4]]
    # Fragments are matched shortest opening first: "stabilize" after "stabilize the …".
    expected = sorted(FRAGMENTS, key=lambda f: -len(f[2]))
    missing, rest = _matches(fragments, expected)
    assert missing == []
    assert [q for q in rest if q[3] is not None] == []
    assert {q[2] for q in rest} >= {"de-confliction", "Holy battle", "holy battle", "Backfire", "caliphate"}

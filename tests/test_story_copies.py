"""Copies: hand-made reprints, and what is not a copy."""

from __future__ import annotations

from reader.stories.diff import word_differences
from reader.stories.fingerprint import are_copies, likeness, shingles

WIRE = [
    "Russia and United States agreed Wednesday to call urgent military talks to head off the risk "
    "of clashes between their forces, after Moscow's dramatic entrance into the Syrian war.",
    "Senior US officials expressed alarm after Russian warplanes began their first military "
    "engagement outside the former Soviet Union since the occupation of Afghanistan in 1979.",
    "The Americans accused Russia of striking moderate rebel factions fighting the Syrian regime "
    "under cover of their claimed assault on the jihadist group.",
    "They complained the coalition already fighting its own air war against the jihadists had only "
    "been given a heads-up by a Russian general in Baghdad one hour before bombing began.",
    "The Russian defense ministry said it carried out 20 flight missions and hit eight targets.",
]


def _body(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def test_a_reprint_with_a_cut_paragraph_is_a_copy() -> None:
    original = _body(WIRE)
    reprint = _body(WIRE[:3] + WIRE[4:])  # the fourth paragraph cut
    assert are_copies(original, reprint)
    found = likeness(shingles(original), shingles(reprint))
    assert found.containment == 1.0


def test_a_changed_number_is_a_copy_and_the_difference_is_marked() -> None:
    original = _body(WIRE)
    changed = original.replace("20 flight missions", "25 flight missions")
    assert are_copies(original, changed)
    differences = word_differences(original, changed)
    assert [
        (original[d.left_start : d.left_end], changed[d.right_start : d.right_end]) for d in differences
    ] == [("20", "25")]


def test_a_dropped_sentence_and_a_softened_quote_are_marked() -> None:
    left = 'He said the strikes were "a grave mistake". The talks went on. Nobody left.'
    right = 'He said the strikes were "a mistake". Nobody left.'
    differences = word_differences(left, right)
    assert [
        (d.kind, left[d.left_start : d.left_end], right[d.right_start : d.right_end]) for d in differences
    ] == [
        ("deleted", "grave", ""),
        ("deleted", "The talks went on.", ""),
    ]


def test_the_same_template_with_other_facts_is_not_a_copy() -> None:
    template = (
        "{company} said its first quarter net profit rose to {profit} mln dlrs from {before} mln dlrs a year "
        "earlier, on sales of {sales} mln dlrs, and that it expects {outlook} growth in the second quarter "
        "as demand in {market} recovers."
    )
    one = template.format(
        company="Acme Corp", profit=12, before=9, sales=140, outlook="modest", market="Europe"
    )
    other = template.format(company="Bolt Inc", profit=31, before=40, sales=512, outlook="no", market="Asia")
    assert not are_copies(one, other)


def test_unrelated_and_tiny_texts_are_not_copies() -> None:
    assert not are_copies(_body(WIRE), WIRE[0])  # a teaser of its first paragraph
    assert not are_copies("Talks resume.", "Talks resume.")  # too little text to tell


def test_one_template_with_new_figures_is_not_a_copy() -> None:
    report = (
        "The Federal Reserve entered the U.S. government securities market to arrange {amount} billion dlrs "
        "of customer repurchase agreements, a Fed spokesman said. Dealers said Federal funds were trading at "
        "{rate} pct when the Fed began its temporary and indirect supply of reserves to the banking system."
    )
    monday = report.format(amount="1.5", rate="6-1/16")
    tuesday = report.format(amount="two", rate="6-1/8")
    assert not are_copies(monday, tuesday)
    assert are_copies(monday, report.format(amount="1.5", rate="6-1/8"))  # one figure corrected
    assert not are_copies(monday, monday, days_apart=3)  # the same words three days later

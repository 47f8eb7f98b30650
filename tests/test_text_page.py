"""The scraped-text cleaner on patterns from many sites (not the seeds), and its properties."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest.boilerplate import LineKind, classify, describe, forget_lines
from reader.ingest.metadata import dateline_line, lead_dateline, parse_date, source_from_line
from reader.ingest.stories import story_title
from reader.ingest.text_page import PageHints, clean_text_page

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

BODY = [
    "The central bank raised its main interest rate by half a point on Thursday, the first increase in more than two years.",
    "Officials said the move was needed to bring inflation back towards the target after a year of rising food and energy prices.",
    "Economists had expected a smaller rise, and the currency strengthened against the dollar within minutes of the announcement.",
    "The governor told reporters that further increases could follow if price pressures did not ease in the coming months.",
]  # fmt: skip


def kind_of(line: str) -> LineKind:
    info = describe(1, line)
    assert info is not None
    return classify(info, line)


@pytest.mark.parametrize(
    "line",
    [
        "Share on Facebook", "Share this article", "Tweet", "Follow us on Twitter",
        "Read more: Oil prices fall as demand slows", "READ MORE", "Advertisement",
        "Story continues below advertisement", "Related Articles", "Related:", "You may also like",
        "© 2023 Example Media Group", "All rights reserved.", "Copyright 2024 The Associated Press. All rights reserved.",
        "Subscribe to our newsletter", "Skip to content", "Home > World > Middle East",
        "News / Politics / Europe", "Comments (3)", "Leave a Reply", "Tags: economy, inflation, banks",
        "Photo AFP", "Image: Getty Images", "Iamge source Times of India", "Click here to read the story from its source.",
        "Thank you for reporting!", "Your email address will not be published. Required fields are marked *",
        "Sign up for our daily newsletter to get the latest headlines delivered to your inbox.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "We use cookies to improve your experience. By continuing to use this site you accept our use of cookies.",
        "Privacy Policy", "Most Popular", "P.O. Box 1234, Dubai", "https://example.com/news/article-123",
        "Arab Today, arab today", "site site site site", "Image caption, Protesters gathered outside the parliament building",
        "Image source, Getty Images", "Now Playing", "Sort by Newest",
        "Disclaimer: The views expressed in comments are those of the readers and not of this newspaper.",
        "Jane Doe covers business and the economy for the Associated Press.",
        "© Sputnik / Mikhail Voskresenskiy", "AFP PHOTO / STR", "Reuters / Maxim Shemetov", "Get short URL",
        "Illustrative: A view of the old city at dusk",
        # a copyright line in a language the patterns do not know: the sign and a year
        "Autorská práva © 2016 Příklad Média", "कॉपीराइट © 2016 समाचार सर्वाधिकार सुरक्षित",
        # another story's headline under "read also", and section and advert labels
        "Lire aussi : La réforme des retraites adoptée", "Lesen Sie auch: Die Steuerreform kommt",
        "اقرأ أيضا: روسيا تنشر قوات إضافية في سوريا", "أخبار ذات صلة", "إعلان", "यह भी पढ़ें", "संबंधित खबरें",
    ],
)  # fmt: skip
def test_furniture_lines_are_bad(line: str) -> None:
    assert kind_of(line) == LineKind.BAD


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Smith", "Source: Reuters", "Published: March 3, 2021", "Updated 10:42 GMT, 4 May 2019",
        "23:42 24.04.2024", "GMT 07:08 2013 Friday ,04 January", "October 2, 2015",
        "— Reuters", "(AFP)", "3 hours ago", "Feb 12, 2024, 7:15 AM ET", "Edited time: 5 Oct, 2015 14:30",
        "Published time: 5 Oct, 2015 14:22", "By TOI STAFF", "By REUTERS", "Our Correspondent", "Web Desk",
    ],
)  # fmt: skip
def test_metadata_lines(line: str) -> None:
    assert kind_of(line) == LineKind.META


@pytest.mark.parametrize(
    "line",
    [
        "Facebook declined to comment on the report, saying only that it was reviewing the findings.",
        "Twitter said on Tuesday it would stop selling political advertising worldwide from next month.",
        "Share prices in Tokyo fell sharply after the figures were published on Monday morning.",
        "Photographers gathered outside the court as the verdict was read to a packed room.",
        "Regulators said the company had collected personal data without consent and shared it with third-party advertisers.",
        "Google said it would stop supporting third-party cookies in its Chrome browser, a change that worries advertisers.",
        "Finland will become a member of the alliance within weeks, officials said on Monday.",
        "The newsletter, published weekly by the ministry, reported a sharp rise in applications.",
        "An ex-Russian intelligence officer is entering the seventh week of a hunger strike near 10 Downing Street.",
        "A brief round-up follows but you can skip straight to the reviews by clicking on the links below.",
        "Sources would not say which field the company is considering for the new platform.",
        "Posted propane prices were unchanged at 110 dlrs per tonne, the company said.",
    ],
)  # fmt: skip
def test_news_sentences_starting_with_furniture_words_are_kept(line: str) -> None:
    assert kind_of(line) == LineKind.GOOD


def test_photo_captions_with_credits_are_not_text() -> None:
    assert kind_of("Protesters gather outside parliament in London (Photo: Reuters)") != LineKind.GOOD
    assert kind_of("President Smith speaks to reporters (AP Photo/John Doe)") != LineKind.GOOD
    assert kind_of("A man walks past the bank's headquarters REUTERS/Kai Pfaffenbach") != LineKind.GOOD


def page(*parts: list[str] | str) -> str:
    lines: list[str] = []
    for part in parts:
        lines += [part] if isinstance(part, str) else part
    return "\n".join(lines)


def test_portal_page_keeps_only_the_article() -> None:
    text = page(
        ["Skip to content", "Home", "World", "Business", "Sport", "Search", "Sign in"],
        "Home > Business > Economy",
        "Central Bank Raises Rates for First Time in Two Years",
        "By Jane Smith, Reuters",
        "Published: March 3, 2021 10:15",
        ["Share on Facebook", "Share on Twitter", "Print"],
        BODY[:2],
        ["Advertisement"],
        BODY[2:],
        ["Related Articles", "Oil prices fall as demand slows", "Stocks rise in Asia", "Bank shares slide"],
        ["Comments (3)", "Leave a Reply", "Name *", "Email *"],
        ["© 2021 Example Media. All rights reserved.", "Privacy Policy", "Terms of Use"],
    )
    (article,) = clean_text_page(text, "page.txt")
    assert article.paragraphs == BODY
    assert article.title == "Central Bank Raises Rates for First Time in Two Years"
    assert article.date == "2021-03-03T10:15"
    assert article.source == "Reuters"
    assert article.lines == (15, 19)


def test_crosshead_and_short_quote_inside_the_body_survive() -> None:
    text = page(
        "Rates rise again", "", BODY[0], "", "Inflation worries", "", BODY[1], '"We had no choice."', BODY[2]
    )
    (article,) = clean_text_page(text, "p.txt")
    assert article.paragraphs == [BODY[0], "Inflation worries", BODY[1], '"We had no choice."', BODY[2]]


def test_caption_repeating_a_sentence_is_dropped() -> None:
    caption = "The governor told reporters that further increases could follow"
    text = page("Rates rise again", BODY[:3], caption, BODY[3])
    (article,) = clean_text_page(text, "p.txt")
    assert caption not in article.paragraphs
    assert article.paragraphs == BODY


def test_lead_cut_off_by_a_caption_is_kept() -> None:
    text = page(
        "Rates rise again",
        "May 4, 2019",
        BODY[0],
        "The bank's headquarters in the capital",
        "Getty Images",
        BODY[1:],
    )
    (article,) = clean_text_page(text, "p.txt")
    assert article.paragraphs == BODY
    assert article.date == "2019-05-04"


MORE_BODY = [
    "Mortgage lenders said they expected to pass the increase on to borrowers within days, adding to pressure on households.",
    "Business groups warned that higher borrowing costs would weigh on investment at a time when orders were already slowing.",
]  # fmt: skip


def paragraphs_around(inserted: list[str] | str, after: int = 2) -> list[str]:
    """The paragraphs cleaned from a page of BODY + MORE_BODY under its headline and date,
    with ``inserted`` after its first ``after`` paragraphs."""
    article = BODY + MORE_BODY
    text = page("Rates rise again", "May 4, 2019", article[:after], inserted, article[after:])
    (cleaned,) = clean_text_page(text, "p.txt")
    return cleaned.paragraphs


def test_related_block_inside_the_body_is_crossed() -> None:
    related = [
        "Related Coverage",
        "Oil Prices Fall as Demand Slows",
        "Stocks Rise in Asia",
        "Bank Shares Slide",
    ]
    title = "Central Bank Raises Rates for First Time in Two Years"
    text = page(title, "May 4, 2019", BODY[:2], related, BODY[2:], MORE_BODY)
    (article,) = clean_text_page(text, "p.txt")
    assert article.paragraphs == BODY + MORE_BODY
    assert article.title == title
    assert article.date == "2019-05-04"


def test_readers_comments_after_a_comment_heading_are_not_the_article() -> None:
    comment = "I have been saying for years that the bank would have to raise rates eventually, and nobody listened to me."
    (article,) = clean_text_page(page("Rates rise again", BODY, "Comments", comment), "p.txt")
    assert article.paragraphs == BODY


def test_a_table_with_a_comment_column_inside_the_article_is_crossed() -> None:
    """A table saved as text is one cell per line; a column headed "Comment" is no
    comment section, and the article goes on below the table."""
    table = ["State", "Next check", "Comment"]
    for state, check, comment in [
        (
            "new",
            "at once",
            "The task is picked up by the next free worker as soon as its scheduled time has come.",
        ),
        (
            "queued",
            "after a timeout",
            "The task is queued again if it has waited in the queue for longer than its timeout.",
        ),
        (
            "running",
            "after a heartbeat",
            "The task is queued again if its worker has stopped sending heartbeats for a minute.",
        ),
    ]:
        table += [state, check, comment]
    (article,) = clean_text_page(page("Rates rise again", BODY[:2], table, BODY[2:], MORE_BODY), "p.txt")
    assert article.paragraphs[:2] == BODY[:2]
    assert article.paragraphs[-len(BODY[2:] + MORE_BODY) :] == BODY[2:] + MORE_BODY


def test_a_comment_form_still_ends_the_article() -> None:
    comment = "I have been saying for years that the bank would have to raise rates eventually, and nobody listened to me."
    form = [
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Comment",
    ]
    (article,) = clean_text_page(page("Rates rise again", BODY, form, comment), "p.txt")
    assert article.paragraphs == BODY


VIDEO_PLAYER = [
    "Play Video", "Play", "Mute", "Current Time 0:00", "/", "Duration Time 0:00", "Loaded: 0%",
    "Progress: 0%", "Remaining Time -0:00", "Share", "Playback Rate", "1", "Chapters", "Chapters",
    "descriptions off, selected", "Descriptions", "subtitles off, selected", "Subtitles",
    "captions settings, opens captions settings dialog", "captions off, selected", "Captions",
    "default, selected", "Fullscreen", "This is a modal window.", "Foreground", "---",
    *["White", "Black", "Red", "Green", "Blue", "Yellow", "Magenta", "Cyan"] * 3,
    "Opaque", "Semi-Transparent", "Transparent", "Font Size", "50%", "75%", "100%", "125%", "150%",
    "Text Edge Style", "None", "Raised", "Depressed", "Uniform", "Dropshadow", "Font Family", "Default",
    "Monospace Serif", "Proportional Serif", "Casual", "Script", "Small Caps", "Defaults", "Done", "Close",
    "This is a modal window. This modal can be closed by pressing the Escape key or activating the close button.",
]  # fmt: skip


def test_the_article_runs_on_across_an_embedded_video_player() -> None:
    """A video player's buttons, menus and dialogs saved as text are a hundred short
    lines: the text above it is the article as much as the text below."""
    assert paragraphs_around(VIDEO_PLAYER) == BODY + MORE_BODY


def test_a_video_player_above_the_article_stays_out_of_it() -> None:
    (article,) = clean_text_page(
        page("Rates rise again", "May 4, 2019", VIDEO_PLAYER, BODY, MORE_BODY), "p.txt"
    )
    assert article.paragraphs == BODY + MORE_BODY
    assert article.title == "Rates rise again"


ABOUT_TRACKING = [
    "Nearly every website that you visit with a share button tells the network about your browsing "
    "habits: showing the button makes your browser send a request to its servers, with the cookies "
    "your browser has collected for it. This is called a third-party request.",
    "Even if we accept that clicking through terms that no one reads is consent, what is the recourse "
    "for someone who has never opted in to these systems at all, and never will?",
]


def test_an_article_about_cookies_and_consent_is_no_cookie_banner() -> None:
    """A banner speaks for the site ("we use cookies on this site"); an article on
    tracking speaks to its reader about their browser and their cookies."""
    for paragraph in ABOUT_TRACKING:
        assert kind_of(paragraph) == LineKind.GOOD
    (article,) = clean_text_page(page("Rates rise again", BODY[:2], ABOUT_TRACKING, BODY[2:]), "p.txt")
    assert article.paragraphs == BODY[:2] + ABOUT_TRACKING + BODY[2:]


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies to improve your experience. By continuing to use this site you accept our use of cookies.",
        "I have read and agree to the Example Media Terms of Use and Privacy Policy. I understand I will "
        "receive the newsletters (you can opt out at any time).",
    ],
)
def test_cookie_banners_and_consent_forms_are_furniture(line: str) -> None:
    assert kind_of(line) == LineKind.BAD


def test_a_list_of_changes_is_one_list_however_many_capitals_its_items_hold() -> None:
    """Release notes: items naming things in capitals ("+ Added Sea Lantern Blocks")
    look like headlines, but beside the list's other items they are its items."""
    named = [
        "+ Added Granite, Andesite and Diorite Blocks",
        "+ Added Slime Block",
        "+ Added Iron Trapdoor",
        "+ Added Prismarine and Sea Lantern Blocks",
        "+ Mossy Cobblestone and Mossy Stone Bricks are now craftable",
    ]
    described = [
        "+ Villagers will harvest crops and plant new ones in their fields",
        "+ Doors and fences now come in all of the wood types there are",
        "+ The sponge has regained its ability to absorb water and becomes wet",
    ]
    ending = (
        "That is all for this release; tell us in the forums what you think of the new blocks and the rest."
    )
    (article,) = clean_text_page(
        page("News", "Powered by Blogs", "The Bountiful Update", named, described, ending), "p.txt"
    )
    assert article.paragraphs == [*named, *described, ending]


def test_menus_saved_on_one_line_end_the_article_in_any_language() -> None:
    """A site's sections and services, one line each, items between separators: in
    French their stop words made them read as text, and the body ran on into them."""
    menus = [
        "Les rubriques du Monde International ▪ Politique ▪ Société ▪ Économie ▪ Culture ▪ Sport ▪ Techno ▪ Idées",
        "Les services du Monde La boutique du Monde ▪ Le Monde dans les hôtels ▪ Cours d'anglais ▪ Annonces auto "
        "▪ Annonces immo ▪ Shopping",
        "Les sites du Groupe Télérama ▪ Talents ▪ Le Huffington Post ▪ Courrier International ▪ Le Monde diplomatique",
    ]
    body = [
        "La loi prévoit également une forme de protection pour les agents qui souhaiteraient dénoncer des "
        "abus, et la commission pourra être saisie par tout citoyen qui pense faire l'objet d'une surveillance.",
        "Le texte doit encore être examiné par le Sénat au mois de juin, avant une saisine du Conseil "
        "constitutionnel que le président de la République a déjà annoncée pour le mois suivant.",
    ]
    about = (
        "Journal d'information en ligne, Le Monde offre à ses visiteurs un panorama complet de l'actualité. "
        "Découvrez chaque jour toute l'info en direct (de la politique à l'économie en passant par le sport)."
    )
    text = page("La loi sur le renseignement", body, menus, about)
    (article,) = clean_text_page(text, "p.txt", PageHints(language="fr"))
    assert not any("▪" in paragraph for paragraph in article.paragraphs)
    assert article.paragraphs[: len(body)] == body


def test_teasers_in_sentence_case_under_a_latest_news_heading_are_not_the_article() -> None:
    teasers = [
        "Latest news",
        "Simple drug formula regenerates brain cells",
        "Scientists have shown how a cocktail of four compounds can turn support cells into working neurons.",
        "Breast cancer screening saved over 27,000 lives in 2018",
        "A new study estimates that screening and therapy halved the mortality rate in the United States.",
        "Weight loss: how important is eating breakfast?",
        "A new study has examined how much breakfast matters when losing weight, and found it may matter less.",
    ]
    assert paragraphs_around(teasers, after=len(BODY + MORE_BODY)) == BODY + MORE_BODY


def test_headlines_with_teasers_after_the_article_are_not_the_article() -> None:
    teasers = [
        "More from Business",
        "Oil Prices Fall as Demand Slows",
        "Crude prices dropped for a third day on Tuesday as traders worried about weaker demand from factories in Asia.",
        "Stocks Rise in Asian Trading",
        "Shares in Tokyo and Hong Kong climbed after a week of losses, led by technology companies and exporters.",
    ]
    (article,) = clean_text_page(page("Rates rise again", "May 4, 2019", BODY, teasers), "p.txt")
    assert article.paragraphs == BODY


def test_explainer_with_a_crosshead_over_each_paragraph_is_kept() -> None:
    sections = []
    for heading, paragraph in zip(
        ["What The Bank Decided", "Why Prices Keep Rising", "What Comes Next"], BODY[1:]
    ):
        sections += [heading, paragraph + " " + BODY[0]]
    (article,) = clean_text_page(page("Rates rise again", "May 4, 2019", BODY[0], sections), "p.txt")
    assert article.paragraphs == [BODY[0], *sections]


def test_agency_credit_under_the_story_is_the_source() -> None:
    (article,) = clean_text_page(page("Rates rise again", BODY, "— AFP"), "p.txt")
    assert article.source == "AFP"
    assert article.paragraphs == BODY


def test_whole_sentence_caption_above_a_credit_is_dropped_but_news_is_kept() -> None:
    caption = "A trader works on the floor of the stock exchange in the capital on Thursday."
    text = page("Rates rise again", "May 4, 2019", BODY[:2], caption, "Photo: Reuters", BODY[2:])
    (article,) = clean_text_page(text, "p.txt")
    assert article.paragraphs == BODY
    # a reported sentence above a credit is news, not a caption
    text = page("Rates rise again", "May 4, 2019", BODY[:2], "Photo: Reuters", BODY[2:])
    (article,) = clean_text_page(text, "p.txt")
    assert article.paragraphs == BODY


def test_inline_dateline_and_agency_from_the_lead() -> None:
    lead = "WASHINGTON (Reuters) - " + BODY[0]
    (article,) = clean_text_page(page("Rates rise again", lead, BODY[1:]), "p.txt")
    assert article.dateline == "Washington"
    assert article.source == "Reuters"
    assert article.paragraphs[0] == lead  # the dateline stays in the body text


def test_dateline_alone_on_its_line_above_the_lead() -> None:
    (article,) = clean_text_page(page("Rates rise again", "May 4, 2019", "NEW DELHI:", BODY), "p.txt")
    assert article.dateline == "New Delhi"
    assert article.paragraphs == BODY
    (article,) = clean_text_page(page("Rates rise again", "May 4, 2019", "UPDATE", BODY), "p.txt")
    assert article.dateline is None


def test_dates_in_a_headline_list_are_not_the_articles_date() -> None:
    listing = ["Latest news", "Stocks rise in Asia", "10:15 03.03.2021", "Oil falls", "09:40 03.03.2021", "Bank shares slide", "08:00 03.03.2021"]  # fmt: skip
    (article,) = clean_text_page(page("Rates rise again", BODY, listing), "p.txt")
    assert article.date is None


def test_hints_win_over_guesses() -> None:
    hints = PageHints(title="The Real Title", date="2020-01-02", source="AP", url="https://example.com/a")
    (article,) = clean_text_page(page("Rates rise again", "Source: AFP", BODY), "p.txt", hints)
    assert (article.title, article.date, article.source, article.url) == (
        "The Real Title", "2020-01-02", "AP", "https://example.com/a",
    )  # fmt: skip


def test_known_headline_points_at_the_body_after_it() -> None:
    sidebar = [
        "Editor's note",
        "Our newsroom has covered the region for more than forty years, and our reporters live in the cities they write about, from the capital to the smallest villages of the north.",
        "We rely on readers to keep doing this work, and we thank everyone who has written to us over the past year with ideas, corrections and stories that deserved to be told.",
        "Every week we publish an investigation that takes months of careful reporting, fact-checking and editing before it reaches the page and the screen.",
    ]  # fmt: skip
    text = page(sidebar, "", "Rates Rise Again", "May 4, 2019", BODY[:2])
    (article,) = clean_text_page(text, "p.txt", PageHints(title="Rates Rise Again"))
    assert article.paragraphs == BODY[:2]
    slug = page("rates rise again", sidebar, "Rates Rise Again", "May 4, 2019", BODY[:2])
    (article,) = clean_text_page(slug, "p.txt")
    assert article.paragraphs == BODY[:2]
    assert article.title == "Rates Rise Again"


def test_window_title_loses_its_site_name() -> None:
    (article,) = clean_text_page(page("Central Bank Raises Rates Again | The Daily Ledger", BODY), "p.txt")
    assert article.title == "Central Bank Raises Rates Again"


def test_page_without_an_article_gives_nothing() -> None:
    navigation = page(
        ["Home", "World", "Business", "Sport", "Contact us", "© 2024 Example", "Privacy Policy"]
    )
    assert clean_text_page(navigation, "nav.txt") == []
    assert clean_text_page("", "empty.txt") == []
    cookie_only = "We use cookies to personalise content and ads. By continuing to use this site you consent to our use of cookies."
    assert clean_text_page(cookie_only, "c.txt") == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Published in Albawaba on 02 - 10 - 2015", "2015-10-02"),
        ("Politics 08:26 15.07.2016", "2016-07-15T08:26"),
        ("October 2, 2015", "2015-10-02"),
        ("2 Oct 2015", "2015-10-02"),
        ("Posted on 2015-10-02T09:30:00Z", "2015-10-02T09:30"),
        ("Updated Sept. 5, 2019 at 10:22 a.m.", "2019-09-05T10:22"),
        ("12/25/2019", "2019-12-25"),  # a US date: 25 cannot be a month
        ("25/12/2019", "2019-12-25"),
        ("Wednesday 30 September 2015", "2015-09-30"),
        ("no date here", None),
        ("31.02.2015", None),  # not a day of the calendar
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_sources_and_datelines() -> None:
    assert source_from_line("Source: AFP") == "AFP"
    assert source_from_line("Source AFP") == "AFP"
    assert source_from_line("Published in Albawaba on 02 - 10 - 2015") == "Albawaba"
    assert source_from_line("By John Smith, Reuters") == "Reuters"
    assert source_from_line("The source said it was over.") is None
    assert source_from_line("Sources would not say which field") is None
    assert source_from_line("Sources: AFP, Reuters") == "AFP, Reuters"
    assert dateline_line("New York - Arab Today") == ("New York", "Arab Today")
    assert lead_dateline("PARIS, Oct 2 (AFP) - France said") == ("Paris", "AFP")
    assert lead_dateline("NEW YORK — Stocks fell on Monday") == ("New York", None)
    assert lead_dateline("Stocks fell on Monday in New York") == (None, None)
    assert lead_dateline("UPDATE: Stocks fell on Monday in New York") == (None, None)
    assert lead_dateline("WASHINGTON (CNN) — The Senate voted") == ("Washington", "CNN")


# --- properties -------------------------------------------------------------------

line_text = st.one_of(
    st.sampled_from(
        BODY
        + [
            "Share on Facebook",
            "Advertisement",
            "Home",
            "",
            " ",
            "Source: AFP",
            "12:00 01.02.2020",
            "Rates Rise Again | The Ledger",
            "rates rise again",
            "Rates Rise Again",
            "Related Articles",
            "Photo AFP",
            "WASHINGTON (Reuters) - " + BODY[0],
        ]
    ),
    st.text(max_size=200),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(line_text, max_size=40))
def test_never_crashes_never_invents_and_is_deterministic(lines: list[str]) -> None:
    text = "\n".join(lines)
    first = clean_text_page(text, "x.txt")
    assert first == clean_text_page(text, "x.txt")
    # a paragraph is one line of the page, or lines of a paragraph wrapped over several
    blocks = ["\n".join(" ".join(line.split()) for line in block.split("\n")) for block in text.split("\n\n")]
    runs = " \n ".join(" ".join(block.split()) for block in blocks)
    for part, article in enumerate(first):
        assert article.part == part
        assert article.path == "x.txt"
        assert article.body
        for paragraph in article.paragraphs:
            assert paragraph in runs
        assert article.title in runs or article.title == story_title(article.paragraphs[0])
        assert article.lines is not None and 1 <= article.lines[0] <= article.lines[1] <= len(
            text.split("\n")
        )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000))
def test_arbitrary_text_never_crashes(text: str) -> None:
    for article in clean_text_page(text, "x.txt"):
        assert "\n\n" not in article.title


# --- table-like articles (earnings, prices) ----------------------------------------

EARNINGS = [
    "Shr 96 cts vs 79 cts",
    "Net 1.2 mln vs 1.0 mln",
    "Revs 12.4 mln vs 10.1 mln",
    "Shr nil vs same",
    "Avg shrs 1,250,000 vs 1,190,000",
]


def test_earnings_table_keeps_its_rows() -> None:
    text = page(
        ["Home", "World", "Business", "Search"],
        "Acme Industries Inc 4th Qtr Net",
        "Published: March 3, 1987",
        ["Share on Facebook", "Print"],
        EARNINGS,
        ["Advertisement"],
        [
            "Latest news",
            "Oil Prices Fall as Demand Slows",
            "10:15 03.03.1987",
            "Stocks Rise in Asia",
            "09:40 03.03.1987",
        ],
        ["© 1987 Example Media. All rights reserved.", "Privacy Policy"],
    )
    (article,) = clean_text_page(text, "table.txt")
    assert article.paragraphs == EARNINGS
    assert article.title == "Acme Industries Inc 4th Qtr Net"
    assert article.date == "1987-03-03"


def test_note_under_a_table_brings_the_table_with_it() -> None:
    note = "NOTE: Results for the year include a gain of 1.5 mln dlrs from the sale of the company's Canadian unit."
    (article,) = clean_text_page(
        page("Acme Industries Inc 4th Qtr Net", EARNINGS, note, "Privacy Policy"), "t.txt"
    )
    assert article.paragraphs == [*EARNINGS, note]


def test_table_beats_a_readers_comment_far_from_it() -> None:
    comment = "This is exactly what everyone expected to happen and nobody in charge has a plan for what comes next."
    year = ["Year", "Shr 3.40 dlrs vs 2.95 dlrs", "Net 4.3 mln vs 3.8 mln", "Revs 48.1 mln vs 41.7 mln"]
    text = page(
        "Acme Industries Inc 4th Qtr Net",
        EARNINGS,
        year,
        "12 Comments",
        "Sort by Newest",
        "jane7",
        "2 hours ago",
        comment,
        "Reply",
    )
    (article,) = clean_text_page(text, "t.txt")
    assert article.paragraphs == EARNINGS + year[1:]


def test_short_article_is_not_stretched_over_a_list_with_figures() -> None:
    listing = ["Most read", "Oil falls 3% as demand slows", "Stocks rise in Asia after 2 days of losses"]
    (article,) = clean_text_page(page("Rates rise again", "May 4, 2019", BODY[:2], listing), "p.txt")
    assert article.paragraphs == BODY[:2]


def test_navigation_and_headline_lists_are_still_no_article() -> None:
    listing = page(
        ["Home", "World", "Business", "Sport", "Search", "Sign in"],
        ["Latest news", "Oil Prices Fall as Demand Slows", "10:15 03.03.2021", "Stocks Rise in Asia", "09:40 03.03.2021",
         "Acme Industries Inc 4th Qtr Net", "08:00 03.03.2021", "Bank Shares Slide", "07:30 03.03.2021"],
        ["Name *", "Email *", "Post Comment", "© 2021 Example Media. All rights reserved.", "Privacy Policy"],
    )  # fmt: skip
    assert clean_text_page(listing, "front.txt") == []


def test_a_row_repeated_for_the_quarter_and_the_year_stays() -> None:
    quarter = ["Net 123,000 vs 371,000", "Revs 2,944,000 vs 2,138,000", "Avg shrs 11.4 mln vs 11.6 mln"]
    year = ["Net 531,000 vs 725,000", "Revs 6,200,000 vs 4,128,000", "Avg shrs 11.4 mln vs 11.6 mln"]
    text = page(
        "Enzo Biochem Inc 2nd Qtr Jan 31 Net",
        "Economy 14:02 13.03.1987",
        quarter,
        "Six mths",
        year,
        "Privacy Policy",
    )
    (article,) = clean_text_page(text, "t.txt")
    assert article.paragraphs == [*quarter, "Six mths", *year]


def test_sidebar_running_into_the_headline_is_not_the_article() -> None:
    sidebar = [
        "Our newsroom has covered the region for more than forty years, and our reporters live in the cities they write about, from the capital to the smallest villages of the north.",
        "We rely on readers to keep doing this work, and we thank everyone who has written to us over the past year with ideas, corrections and stories that deserved to be told.",
        "Every week we publish an investigation that takes months of careful reporting, fact-checking and editing before it reaches the page and the screen.",
    ]  # fmt: skip
    (article,) = clean_text_page(page(sidebar, "Rates Rise Again", "May 4, 2019", BODY[:2]), "p.txt")
    assert article.paragraphs == BODY[:2]
    assert article.title == "Rates Rise Again"
    assert article.date == "2019-05-04"


def test_dated_teaser_under_a_label_inside_the_article_does_not_cut_it() -> None:
    teaser = ["Read also:", "Oil Prices Fall as Demand Slows", "May 3, 2019"]
    (article,) = clean_text_page(page("Rates Rise Again", "May 4, 2019", BODY[:2], teaser, BODY[2:]), "p.txt")
    assert article.paragraphs[0] == BODY[0] and article.paragraphs[-1] == BODY[-1]


def test_rows_above_long_notes_come_with_them() -> None:
    notes = [
        "NOTE: 1987 qtr and nine mths includes gain 5,360,000 dlrs, or 55 cts per share, and 6,339,000 dlrs, or 65 cts per share, respectively, from realized gains on investments.",
        "1986 qtr and nine mths includes gain 105,000 dlrs, or one cent per share, and 342,000 dlrs, or three cts per share, respectively, from realized gains on investments.",
        "1986 qtr and nine mths includes charge 4,860,000, or 50 cts per share from strengthening reserve for casualty claims.",
    ]  # fmt: skip
    text = page(
        "Atlantic American Corp 3rd Qtr Net",
        "Tuesday, 20 October 1987",
        EARNINGS,
        notes,
        "Most Popular",
        "Privacy Policy",
    )
    (article,) = clean_text_page(text, "t.txt")
    assert article.paragraphs == [*EARNINGS, *notes]


# --- linear work in the page's size -------------------------------------------------


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _prose_page(paragraphs: int) -> str:
    """Different paragraphs of two or three sentences of the seeds, one per line, no
    headings: every step of the cleaner, the story splitter too, reads all of them,
    and the splitter finds many stories (so many boundaries to keep apart)."""
    sentences = sorted(
        {
            sentence
            for path in sorted(SEEDS.glob("*.txt"))
            for line in path.read_text(encoding="utf-8").split("\n")
            for sentence in _SENTENCE_BREAK.split(line.strip())
            if len(sentence.split()) >= 8
        }
    )
    rng = random.Random(paragraphs)
    return "\n".join(" ".join(rng.sample(sentences, rng.choice((2, 3)))) for _ in range(paragraphs))


def _calls_to_clean(text: str) -> int:
    """Python and C function calls made while cleaning: a count of the work done."""
    calls = 0

    def count(_frame: object, event: str, _arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        clean_text_page(text, "p.txt")
    finally:
        sys.setprofile(None)
    return calls


def test_cleaning_work_grows_linearly_with_the_page() -> None:
    # Four times the paragraphs cost at most about four times the calls: no step
    # compares every paragraph with every other (time itself is in benchmarks/).
    small, large = _prose_page(500), _prose_page(2000)
    assert len(clean_text_page(large, "warm-up.txt")) > 100  # caches out of the count
    forget_lines()  # ...but not the lines themselves: they are the work counted
    ratio = _calls_to_clean(large) / _calls_to_clean(small)
    # (comparing each story boundary with every other one gave 4.3)
    assert ratio <= 4 * 1.05, ratio


# --- one page per error class of real pages (issue 9) --------------------------------

RU_BODY = [
    "Правительство России объявило во вторник о новых мерах поддержки малого бизнеса, которые вступят в силу с начала следующего года.",
    "По словам министра экономики, предприниматели смогут получить льготные кредиты и отсрочку по налогам на срок до двух лет.",
    "Эксперты считают, что эти меры помогут компаниям пережить трудный период, однако их может оказаться недостаточно.",
]  # fmt: skip


def test_a_page_in_russian_gives_its_article_and_language() -> None:
    text = page(
        ["Главная", "Новости", "Экономика", "Спорт", "Войти"],
        "Правительство поддержит малый бизнес",
        "12 марта 2019",
        RU_BODY,
        ["Читайте также", "Курс рубля снизился", "Нефть подорожала", "© 2019 Пример Медиа"],
    )
    (article,) = clean_text_page(text, "ru.txt")
    assert article.paragraphs == RU_BODY
    assert article.title == "Правительство поддержит малый бизнес"
    assert article.language == "ru"


JA_BODY = [
    "政府は十二日、中小企業を支援する新たな対策を発表した。対策は来年一月から実施される予定で、低金利の融資や税金の支払い猶予が含まれる。",
    "経済産業大臣は記者会見で、厳しい状況が続く企業を支えるために必要な措置だと説明した。",
    "専門家からは、対策の効果を評価しつつも、規模が十分ではないとの指摘も出ている。",
]  # fmt: skip


HI_BODY = [
    "रूस के विदेश मंत्री सर्गेई लावरोव और अमेरिकी विदेश मंत्री जॉन केरी ने जिनेवा में तेरह घंटे से अधिक चली बातचीत के बाद सीरिया में युद्धविराम पर सहमति की घोषणा की है। यह युद्धविराम सोमवार शाम से लागू होगा।",
    "केरी ने संयुक्त संवाददाता सम्मेलन में कहा कि यह समझौता एकजुट सीरिया को बचाने का आखिरी मौका हो सकता है।",
    "हालांकि कई विश्लेषकों को संदेह है कि यह समझौता कितना टिकाऊ होगा, क्योंकि इससे पहले के कई युद्धविराम विफल हो चुके हैं।",
]  # fmt: skip


TH_BODY = [
    "นายเซอร์เก ลาฟรอฟ รัฐมนตรีว่าการกระทรวงการต่างประเทศของรัสเซีย ได้พบกับนายจอห์น แคร์รี รัฐมนตรีว่าการกระทรวงการต่างประเทศของสหรัฐอเมริกา ที่นครเจนีวา เพื่อหารือเกี่ยวกับการหยุดยิงในซีเรีย",
    "ข้อตกลงดังกล่าวกำหนดให้มีการหยุดยิงทั่วประเทศซีเรียเริ่มตั้งแต่วันจันทร์ และหากการหยุดยิงดำเนินไปได้เป็นเวลาเจ็ดวัน สหรัฐและรัสเซียจะร่วมมือกันในการโจมตีกลุ่มก่อการร้าย",
    "อย่างไรก็ตาม นักวิเคราะห์หลายคนยังคงสงสัยว่าข้อตกลงนี้จะประสบความสำเร็จหรือไม่ เนื่องจากข้อตกลงหยุดยิงก่อนหน้านี้ล้มเหลวหลายครั้ง",
]  # fmt: skip


# Each page: menu, headline, body, the furniture under it. Japanese has no spaces;
# Hindi's vowel signs are combining marks (read as breaks between words, they left the
# page without one stop word of its list, and without an article); Thai has no stop
# list nor clause punctuation (a space ends a clause) and about five letters a word.
PAGES_IN_OTHER_SCRIPTS = {
    "ja": (["ホーム", "ニュース", "経済", "スポーツ", "ログイン"], "政府が中小企業支援策を発表", JA_BODY, ["関連記事", "円相場が下落"]),
    "hi": (
        ["होम | देश | विदेश | खेल | मनोरंजन", "विदेश समाचार"],
        "सीरिया पर लावरोव और केरी के बीच युद्धविराम समझौता",
        HI_BODY,
        ["शेयर करें | ट्वीट करें", "कॉपीराइट © 2016 समाचार सर्वाधिकार सुरक्षित"],
    ),
    "th": (
        ["หน้าแรก | ข่าว | กีฬา | บันเทิง", "ข่าวต่างประเทศ"],
        "รัฐมนตรีต่างประเทศรัสเซียพบรัฐมนตรีต่างประเทศสหรัฐเพื่อหารือเรื่องซีเรีย",
        TH_BODY,
        ["แชร์ | ทวีต | อีเมล", "ลิขสิทธิ์ © 2559 ข่าวไทย สงวนลิขสิทธิ์"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("code", sorted(PAGES_IN_OTHER_SCRIPTS))
def test_a_page_in_another_script_gives_its_article_under_its_headline(code: str) -> None:
    menu, headline, body, furniture = PAGES_IN_OTHER_SCRIPTS[code]
    (article,) = clean_text_page(page(menu, headline, body, furniture), f"{code}.txt")
    assert article.paragraphs == body
    assert article.title == headline
    assert article.language == code


AR_BODY = [
    "أعلن وزير الخارجية الأمريكي جون كيري ونظيره الروسي سيرغي لافروف، فجر السبت، التوصل إلى اتفاق لوقف إطلاق النار في سوريا يبدأ العمل به مساء الاثنين.",
    "وقال كيري في مؤتمر صحافي مشترك مع لافروف إن الاتفاق قد يكون الفرصة الأخيرة لإنقاذ سوريا موحدة، مضيفا أن البلدين سينسقان ضرباتهما إذا صمدت الهدنة.",
    "من جهته، قال لافروف إن روسيا أبلغت الحكومة السورية بالاتفاق وإنها مستعدة للالتزام به، مشيرا إلى إيصال المساعدات الإنسانية إلى مدينة حلب.",
]  # fmt: skip


def test_teasers_and_advert_labels_inside_an_arabic_body_go() -> None:
    text = page(
        ["الرئيسية | أخبار | رياضة | اقتصاد"],
        "لافروف وكيري يتفقان على هدنة في سوريا",
        "الجمعة 09 سبتمبر 2016 - 10:45",
        AR_BODY[:2],
        ["اقرأ أيضا: روسيا تنشر قوات إضافية في سوريا", "إعلان"],
        AR_BODY[2:],
        ["أخبار ذات صلة", "جميع الحقوق محفوظة © 2016 العرب اليوم"],
    )
    (article,) = clean_text_page(text, "ar.txt")
    assert article.paragraphs == AR_BODY
    assert article.title == "لافروف وكيري يتفقان على هدنة في سوريا"
    assert (article.date, article.language) == ("2016-09-09T10:45", "ar")


FA_BODY = [
    "جان کری وزیر امور خارجه آمریکا و سرگئی لاوروف وزیر امور خارجه روسیه پس از بیش از سیزده ساعت گفتگو در ژنو از توافق برای آتش‌بس در سوریه خبر دادند.",
    "کری در نشست خبری مشترک گفت این توافق ممکن است آخرین فرصت برای نجات سوریه‌ای متحد باشد و اگر آتش‌بس هفت روز دوام بیاورد دو کشور حملات خود را هماهنگ می‌کنند.",
    "لاوروف نیز گفت روسیه دولت سوریه را از این توافق آگاه کرده است و دمشق آماده اجرای آن است.",
]  # fmt: skip


# Each page: menu, headline, date line in the page's digits (before they were read,
# the date line under the headline was taken for it), body, furniture, date.
PAGES_DATED_IN_OTHER_DIGITS = {
    "ar": (
        "الرئيسية | أخبار | رياضة | اقتصاد",
        "لافروف وكيري يتفقان على هدنة في سوريا",
        "الجمعة ٠٩ سبتمبر ٢٠١٦ - ١٠:٤٥",
        AR_BODY,
        "جميع الحقوق محفوظة © ٢٠١٦ العرب اليوم",
        "2016-09-09T10:45",
    ),
    "fa": (  # the Solar Hijri calendar
        "صفحه اصلی | سیاست | اقتصاد | ورزش",
        "توافق لاوروف و کری درباره آتش‌بس در سوریه",
        "۱۹ شهریور ۱۳۹۵ - ۱۰:۴۵",
        FA_BODY,
        "کلیه حقوق محفوظ است © ۱۳۹۵",
        "2016-09-09T10:45",
    ),
}  # fmt: skip


@pytest.mark.parametrize("code", sorted(PAGES_DATED_IN_OTHER_DIGITS))
def test_a_date_line_in_the_pages_digits_is_its_date_not_its_headline(code: str) -> None:
    menu, headline, date_line, body, footer, date = PAGES_DATED_IN_OTHER_DIGITS[code]
    (article,) = clean_text_page(page([menu], headline, date_line, body, [footer]), f"{code}.txt")
    assert (article.title, article.date, article.language) == (headline, date, code)
    assert article.paragraphs == body


SHORT_STORY = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers found cracks in two of its supports.",
    "Buses and bicycles will still be allowed to cross while a replacement is designed, the council said.",
]  # fmt: skip


def test_related_teasers_are_not_chosen_over_a_short_article() -> None:
    teasers: list[str] = ["More from Local News"]
    for headline, teaser in [
        (
            "School Reopens After Flood Repairs",
            "Pupils returned to the primary school on Monday after six weeks of repairs to its ground floor and playground.",
        ),
        (
            "Market Traders Protest Over Rents",
            "Traders gathered outside the town hall to protest against a proposed rise in the rents charged for their stalls.",
        ),
        (
            "New Cycle Lane Opens on High Street",
            "The council said the new lane would make the busy street safer for the hundreds of cyclists who use it every day.",
        ),
        (
            "Library Extends Its Opening Hours",
            "The central library will stay open until nine in the evening from next month, after a campaign by local residents.",
        ),
    ]:
        teasers += [headline, teaser, "2 hours ago"]
    text = page("Harbour Bridge to Close to Cars", "By Anna Berg", "May 4, 2019", SHORT_STORY, teasers)
    (article,) = clean_text_page(text, "p.txt")
    assert article.paragraphs == SHORT_STORY
    assert article.title == "Harbour Bridge to Close to Cars"
    assert article.author == "Anna Berg"


def test_readers_comments_longer_than_the_article_are_not_the_article() -> None:
    comments = [
        "2 thoughts on “Harbour Bridge to Close to Cars”",
        "Peter Lund on May 4, 2019 at 7:45 pm said:",
        "I have been crossing that bridge every day for twenty years and nobody ever told us it was unsafe, which makes me wonder what else the council has not been telling the people who pay for it.",
        "Reply",
        "Maria Costa on May 4, 2019 at 8:12 pm said:",
        "The cracks were reported in the local paper more than a year ago, so this should not surprise anyone who has been paying attention, and the council should have acted much sooner than this.",
        "Reply",
        "Leave a Reply",
    ]  # fmt: skip
    (article,) = clean_text_page(page("Harbour Bridge to Close to Cars", SHORT_STORY, comments), "p.txt")
    assert article.paragraphs == SHORT_STORY


def test_lists_short_lines_and_rows_inside_the_body_are_kept() -> None:
    body = [
        BODY[0],
        BODY[3],
        "The bank listed the changes it will make:",
        "- the main rate rises by half a point",
        "- the deposit rate rises by a quarter",
        "- reserve requirements stay where they are",
        "Who gains and who loses",
        "Savers: better returns on deposits",
        "Borrowers: higher monthly repayments",
        "Banks: wider margins",
        MORE_BODY[0],
        "Q: What happens to mortgages?",
        "A: Most lenders will pass it on",
        "What the decision means for savers, borrowers and the banks that serve them",
        BODY[1],
        BODY[2],
        MORE_BODY[1],
    ]
    (article,) = clean_text_page(page("Rates Rise Again", "May 4, 2019", body, "© 2019 The Ledger"), "p.txt")
    assert article.paragraphs == body


def test_article_text_shown_twice_on_the_page_is_kept_once() -> None:
    # The lead shows again in a list under the article, then the whole text again
    # (a print version): repeated text is the article, not furniture, and it is
    # kept once.
    text = page(
        "Rates Rise Again", "By Jane Smith", "May 4, 2019", BODY, ["Share on Facebook", "Tweet"],
        ["Most Read", "Rates Rise Again", BODY[0], "Print this article", "Rates Rise Again"], BODY,
        "© 2019 The Ledger",
    )  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.paragraphs == BODY
    assert article.title == "Rates Rise Again"


def test_a_body_broken_by_a_gallery_keeps_both_sides() -> None:
    gallery = ["Photos: Life at the central bank", "1 of 4", "The bank's headquarters at dawn", "Getty Images",
               "2 of 4", "Traders watch the announcement", "Reuters", "3 of 4", "4 of 4"]  # fmt: skip
    text = page("Rates Rise Again", "May 4, 2019", BODY[:2], gallery, BODY[2:], MORE_BODY, "Related Articles")
    (article,) = clean_text_page(text, "p.txt")
    assert article.paragraphs == BODY + MORE_BODY


def test_captions_promotions_author_notes_and_wire_credits_are_dropped() -> None:
    text = page(
        "Rates Rise Again",
        "May 4, 2019",
        BODY[:2],
        "In this March 3, 2019, file photo, traders work on the floor of the stock exchange in New York.",
        BODY[2:],
        "Sign up for our daily newsletter to get the latest business news in your inbox.",
        "(Reporting by Jane Smith; Editing by John Roe)",
        "Jane Smith is a senior correspondent for The Ledger covering central banks.",
    )
    (article,) = clean_text_page(text, "p.txt")
    assert article.paragraphs == BODY


def test_the_headline_is_the_line_the_body_follows_not_a_byline_credit_or_teaser() -> None:
    text = page(
        "Central Bank Raises Rates Again | The Daily Ledger",
        ["Home", "World", "Business", "Sign in"],
        "Up next: Stocks Rise in Asian Trading",
        "Central Bank Raises Rates Again",
        "The increase is the first in more than two years",
        "By Jane Smith - 11/19/19 06:56 AM EST",
        "Photo: John Roe | The Daily Ledger",
        BODY,
    )
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == "Central Bank Raises Rates Again"
    assert article.author == "Jane Smith"
    assert article.paragraphs == BODY


def test_a_feature_in_numbered_sections_is_one_article() -> None:
    # Seed 003's paragraphs read as a digest of stories; the same text with numbered
    # sections is one article (a listicle, a long feature), never split.
    lines = [
        line.strip() for line in next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8").split("\n")[:393]
    ]
    paragraphs = [line for line in lines if line.endswith((".", "”", '"'))]
    sections: list[str] = []
    for number, start in enumerate(range(0, len(paragraphs), 40), 1):
        sections += [str(number), *paragraphs[start : start + 40]]
    articles = clean_text_page(page("Ten Things That Happened in Syria This Year", sections), "p.txt")
    assert len(articles) == 1
    assert articles[0].title == "Ten Things That Happened in Syria This Year"
    assert len(clean_text_page(page(paragraphs), "digest.txt")) > 1  # without the numbers: a digest


def test_source_and_address_shown_in_the_text() -> None:
    text = page(
        "https://www.example.com/business/2019/05/central-bank-raises-rates-again",
        "Central Bank Raises Rates Again",
        "By Jane Smith",
        BODY,
        "© 2019 Example Media Ltd. All rights reserved.",
    )
    (article,) = clean_text_page(text, "p.txt")
    assert article.url == "https://www.example.com/business/2019/05/central-bank-raises-rates-again"
    assert article.source == "Example Media"
    assert article.author == "Jane Smith"


def test_a_text_page_opening_on_a_bracket_is_read_as_a_text_page(tmp_path: Path) -> None:
    # "[Docs] [txt|pdf]" (a draft's navigation) opens no JSON array: the page is text.
    from reader.ingest.files import clean_file

    path = tmp_path / "draft.txt"
    path.write_text(page("[Docs] [txt|pdf] [Tracker]", "Rates Rise Again", BODY), encoding="utf-8")
    (article,) = clean_file(path)
    assert article.paragraphs == BODY


DE_BODY = [
    "Die Bundesregierung will kleine und mittlere Unternehmen in der Krise stärker unterstützen. Das Kabinett hat am Mittwoch ein Paket mit günstigen Krediten und Steuerstundungen beschlossen, das ab Januar gelten soll.",
    "Der Wirtschaftsminister sagte nach der Sitzung, die Hilfen seien notwendig, weil viele Betriebe seit Monaten kaum Einnahmen hätten und ihre Rücklagen aufgebraucht seien.",
    "Ökonomen begrüßten die Entscheidung grundsätzlich, halten das Paket aber für zu klein. Sie fordern, dass die Mittel schneller und mit weniger Bürokratie bei den Unternehmen ankommen.",
    "Die Verbände des Handwerks und des Handels hatten seit dem Sommer auf schnelle Hilfen gedrängt. Nach ihren Angaben mussten in diesem Jahr bereits mehr Betriebe aufgeben als in den drei Jahren zuvor zusammen, vor allem in den Innenstädten und auf dem Land.",
]  # fmt: skip
DE_FEED_STORY = [
    "Die Stadt will entlang der Hauptstraße in den nächsten Jahren fast dreihundert Genossenschaftswohnungen bauen lassen. Der Stadtrat hat am Montag eine entsprechende Vereinbarung mit dem Bezirk beschlossen, nach der die Stadt dort eine eigene Genossenschaft gründen will.",
    "Das Projekt soll helfen, bezahlbaren Wohnraum für die Einwohner zu schaffen, deren Mieten in den vergangenen Jahren viel schneller gestiegen sind als ihre Einkommen, sagte die zuständige Stadträtin.",
    "Als Nächstes geht es um die wirtschaftlichen und rechtlichen Fragen der Gründung: Die Stadt muss ein genaues Konzept ausarbeiten, die nötigen Unterlagen beschaffen und die Baukosten schätzen lassen.",
]  # fmt: skip


@pytest.mark.parametrize(
    "line",
    ["2 hours ago", "před 2 hodinami", "Aktualizováno před 21 minutami", "il y a 3 heures", "vor 5 Minuten",
     "hace 2 horas", "há 1 dia", "2 ore fa", "3 uur geleden", "5 minut temu", "2 часа назад", "3 saat önce",
     "for 2 timer siden", "2 timmar sedan", "3時間前", "2시간 전"],
)  # fmt: skip
def test_a_time_given_as_how_long_ago_is_a_date_stamp_in_any_language(line: str) -> None:
    assert kind_of(line) == LineKind.META


@pytest.mark.parametrize(
    "line",
    ["Vor 20 Jahren starb er in Berlin", "2 ore fa la riunione era finita, disse il sindaco", "vor dem Haus"],
)
def test_a_sentence_about_the_past_is_no_date_stamp(line: str) -> None:
    assert kind_of(line) != LineKind.META


def test_a_live_feed_after_the_article_is_not_the_article_in_any_language() -> None:
    """After the article, a "Related" heading, a few dated headlines and a feed item
    printed in full: the item opens under its own time and headline, and is another story."""
    feed = [
        "Mehr zum Thema",
        "Opposition kritisiert das Hilfspaket als zu spät",
        "Werbung",
        "Neueste Meldungen",
        "vor 1 Minute",
        "Foto",
        "Fotograf zeigt seine Bilder aus dem Hochgebirge",
        "19 Fotos ansehen",
        "vor 3 Minuten",
        "Stadt baut fast dreihundert Genossenschaftswohnungen",
    ]
    headline = "Regierung beschließt Hilfen für den Mittelstand"
    text = page(
        headline,
        "Anna Berger",
        "vor 2 Stunden",
        DE_BODY,
        feed,
        DE_FEED_STORY,
        "Quelle: dpa",
        "vor 21 Minuten",
    )
    (article,) = clean_text_page(text, "de.txt", PageHints(language="de"))
    assert article.paragraphs == DE_BODY


def test_teasers_under_a_related_heading_in_czech_are_not_the_article() -> None:
    cs_body = [
        "Vláda ve středu schválila balík pomoci pro malé a střední podniky. Firmy budou moci získat levnější úvěry a odložit placení daní, opatření mají platit od ledna.",
        "Ministr průmyslu po jednání řekl, že pomoc je nutná, protože mnoho podniků už několik měsíců nemá téměř žádné příjmy a vyčerpalo své rezervy.",
    ]  # fmt: skip
    related = [
        "Související",
        "Opozice kritizuje balík pomoci jako opožděný a nedostatečný",
        "Podnikatelé si stěžují, že se k penězům kvůli byrokracii dostanou až za několik měsíců, a žádají rychlejší vyplácení.",
        "Banky slibují, že úvěry pro firmy schválí do dvou týdnů",
        "Podle bankovní asociace jsou banky připraveny žádosti zpracovat rychle, pokud firmy doloží všechny potřebné dokumenty.",
        "Ekonomové varují před dalším růstem cen energií",
        "Ceny elektřiny a plynu mohou podle analytiků v zimě dál stoupat, což by firmám i domácnostem přineslo další náklady.",
    ]  # fmt: skip
    text = page("Vláda schválila pomoc pro podniky", "12. března 2021", cs_body, related)
    (article,) = clean_text_page(text, "cs.txt", PageHints(language="cs"))
    assert article.paragraphs == cs_body


def test_a_photo_credit_in_another_language_ends_a_caption() -> None:
    caption = "Der Minister nach der Kabinettssitzung in Berlin. | Foto: dpa"
    text = page(
        "Regierung beschließt Hilfen für den Mittelstand", "12. März 2021", DE_BODY[:1], caption, DE_BODY[1:]
    )
    (article,) = clean_text_page(text, "de.txt", PageHints(language="de"))
    assert article.paragraphs == DE_BODY


def test_a_table_of_labels_inside_the_article_does_not_cut_it() -> None:
    """A table scraped one cell to a line, between two paragraphs: the body runs on
    across it (it was cut in two, and the shorter side lost)."""
    cells = ["General", "Draft", "Review", "Mockup", "Load map", "Save map", "Graphics settings",
             "Sound settings", "Map generator", "Quick bar", "Train screen", "Help overlay"]  # fmt: skip
    assert paragraphs_around(cells, after=1) == BODY + MORE_BODY


@pytest.mark.parametrize("line", ["Werbung", "Anzeige", "Publicidad", "Pubblicità", "Реклама", "広告"])
def test_the_label_over_an_advert_is_furniture_in_any_language(line: str) -> None:
    assert kind_of(line) == LineKind.BAD


def test_a_chart_credit_joining_a_byline_and_a_source_is_dropped() -> None:
    credit = "By The New York Times | Source: Congressional Budget Office"
    assert paragraphs_around(credit) == BODY + MORE_BODY


def test_a_box_promoting_another_story_inside_the_article_is_dropped() -> None:
    box = [
        "Scientists find new mechanism for memory formation",
        "How do we form memories? New research uncovers a key brain area.",
        "Read now",
    ]
    assert paragraphs_around(box) == BODY + MORE_BODY


def test_a_video_adverts_countdown_is_furniture() -> None:
    assert paragraphs_around("Your video will play in 00:25") == BODY + MORE_BODY


@pytest.mark.parametrize(
    "heading", ["12 Kommentare", "Commentaires", "Comentarios", "Комментарии", "コメント"]
)
def test_readers_comments_under_a_heading_in_another_language_are_not_the_article(heading: str) -> None:
    comments = [
        heading,
        "Das ist doch alles viel zu wenig und kommt viel zu spät, die Regierung hätte schon im Frühjahr handeln "
        "müssen, als die ersten Betriebe schließen mussten und die Verbände gewarnt haben.",
        "Ich sehe das ganz anders: Die Hilfen sind gut gemeint, aber am Ende zahlen wir alle dafür mit höheren "
        "Steuern, und die großen Unternehmen bekommen wieder den größten Teil vom Kuchen.",
    ]
    text = page("Regierung beschließt Hilfen für den Mittelstand", "12. März 2021", DE_BODY, comments)
    (article,) = clean_text_page(text, "de.txt", PageHints(language="de"))
    assert article.paragraphs == DE_BODY


@pytest.mark.parametrize(
    "banner",
    [
        "Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und die Nutzung "
        "unserer Seite zu analysieren. Mit Ihrer Einwilligung teilen wir Daten mit Partnern. Mehr dazu in "
        "unserer Datenschutzerklärung.",
        "Nous utilisons des cookies pour améliorer votre expérience et mesurer l'audience de notre site. "
        "En poursuivant votre navigation, vous acceptez l'utilisation des cookies et notre politique de "
        "confidentialité.",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios y mostrarle publicidad "
        "relacionada con sus preferencias. Si continúa navegando, consideramos que acepta su uso y nuestra "
        "política de privacidad.",
    ],
)
def test_a_cookie_banner_in_another_language_is_not_the_article(banner: str) -> None:
    text = page("Regierung beschließt Hilfen für den Mittelstand", "12. März 2021", DE_BODY, banner, "OK")
    (article,) = clean_text_page(text, "de.txt", PageHints(language="de"))
    assert article.paragraphs == DE_BODY


@pytest.mark.parametrize(
    "furniture",
    [
        ["Main article: History of New Zealand"],
        ["View this image ›"],
        ["Source:", "Supplied"],
        ["Abonnez-vous à partir de 1 €", "Déjà abonné au journal ?"],
        ["Retweet this article!"],
    ],
)
def test_pointers_credits_and_subscription_offers_inside_the_article_are_dropped(
    furniture: list[str],
) -> None:
    assert paragraphs_around(furniture) == BODY + MORE_BODY


def test_more_on_the_subject_and_most_read_in_spanish_end_the_article() -> None:
    es_body = [
        "El gobierno aprobó el miércoles un paquete de ayudas para las pequeñas y medianas empresas, que podrán "
        "acceder a créditos baratos y aplazar el pago de impuestos a partir de enero.",
        "El ministro de Economía dijo después de la reunión que la ayuda es necesaria porque muchas empresas "
        "llevan meses sin apenas ingresos y han agotado sus reservas.",
    ]
    after = [
        "Más sobre Economía",
        "Los bancos prometen aprobar los créditos para empresas en dos semanas, según la asociación del sector.",
        "Las más leídas",
        "La inflación se moderó en marzo por la caída de los precios de la energía y los alimentos frescos.",
    ]
    text = page("El gobierno aprueba ayudas para las empresas", "12 de marzo de 2021", es_body, after)
    (article,) = clean_text_page(text, "es.txt", PageHints(language="es"))
    assert article.paragraphs == es_body


def test_a_caption_ending_in_a_bracketed_agency_credit_is_no_body_and_no_headline() -> None:
    caption = (
        "The prime minister waves to supporters at the party's headquarters in Jerusalem on March 18 "
        "after his victory in the general election. (Thomas Coex/AFP/Getty Images)"
    )
    text = page(
        ["Share on Facebook", "Share on Twitter", "Comments"],
        "Rates rise again",
        caption,
        "By Jane Smith",
        "May 4, 2019",
        "Follow @janesmith",
        BODY,
        MORE_BODY,
    )
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == "Rates rise again"
    assert article.paragraphs == BODY + MORE_BODY


def test_teasers_run_into_their_summaries_under_a_related_heading_are_not_the_article() -> None:
    related = [
        "Related coverage",
        "It's official: Pets benefit our mental health A systematic review of existing studies lists the many "
        "ways in which pets help people with mental health conditions.",
        "Consciousness 'restored' using nerve stimulation One month after a stimulator was implanted in his "
        "chest, a patient showed signs of awareness.",
        "Why facial recognition is the future of diagnostics New research uses facial analysis to predict "
        "health, and the findings also show its limits.",
        "email",
        "print",
    ]
    assert paragraphs_around(related, after=len(BODY + MORE_BODY)) == BODY + MORE_BODY


def test_an_opinion_label_in_another_language_is_no_comment_heading() -> None:
    """Alone, "Kommentar" or "Commentaire" labels an opinion piece (here a link to one
    inside the article); only the plural or a count ("12 Kommentare") heads readers'
    comments, which the body never runs on past."""
    text = page("Regierung beschließt Hilfen für den Mittelstand", "12. März 2021", DE_BODY[:2], "Kommentar",
                "Die Hilfen kommen zu spät", DE_BODY[2:])  # fmt: skip
    (article,) = clean_text_page(text, "de.txt", PageHints(language="de"))
    assert [paragraph for paragraph in article.paragraphs if paragraph in DE_BODY] == DE_BODY


@pytest.mark.parametrize(
    "headline", ["Abbonati in calo per la pay tv", "S'abonner à Netflix devient plus cher"]
)
def test_a_headline_about_subscribers_is_no_subscription_offer(headline: str) -> None:
    assert kind_of(headline) != LineKind.BAD

"""The headline of a scraped text page, one small page per error class found on real
pages (issue 9): the title is the line the page shows as the article's headline."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_text_page import BODY, kind_of, page

from reader.ingest.body_region import describe_page
from reader.ingest.boilerplate import STOPWORDS, LineKind, is_dated_byline
from reader.ingest.page_metadata import body_terms, find_title
from reader.ingest.text_page import clean_text_page

MENU = ["Home", "World", "Business", "Markets", "Sport", "Sign in"]
HEADLINE = "Central Bank Raises Rates for First Time in Two Years"


def test_a_sentence_leading_in_to_clauses_is_no_comment_header_and_the_clauses_are_body() -> None:
    # "..., the governor also said:" reads like "Jane on May 4 said:" but is the
    # article's; the clauses under it (no full stops) are its list, not headlines.
    clauses = [
        "Inflation would be back at the target within two years at the latest",
        "The bank is ready to act again if energy prices keep on rising",
        "Wages are growing faster than the bank expected at the start of the year",
    ]
    text = page(MENU, HEADLINE, "March 3, 2021", BODY[:2], "In a wide-ranging interview, the governor also said:",
                clauses, "Read the full transcript of the interview", BODY[2:], ["Related Articles", "Privacy Policy"])  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == HEADLINE
    assert article.paragraphs == [
        *BODY[:2],
        "In a wide-ranging interview, the governor also said:",
        *clauses,
        *BODY[2:],
    ]


def test_a_byline_label_under_the_headline_is_not_its_last_word() -> None:
    text = page(MENU, HEADLINE, "by:", "Jane Smith", "From:", "The Daily Ledger", "March 3, 2021", BODY)
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == HEADLINE


def test_a_byline_with_a_handle_is_no_headline() -> None:
    text = page(
        MENU, HEADLINE, BODY[0], "By Jane Smith@janesmith", "Updated Jul 24, 2018, 2:15pm EDT", BODY[1:]
    )
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == HEADLINE
    assert article.author == "Jane Smith"


def test_a_headline_wrapped_before_its_last_word_is_joined() -> None:
    # ...and a count under the standfirst ("0" comments) is no date that makes it the headline
    body = [
        "El gobierno anunció el martes un plan para una solución no violenta del conflicto con el pueblo mapuche.",
        "Según el ministro, el diálogo con los pueblos indígenas es la única forma de llegar a un acuerdo duradero.",
        "Las organizaciones de la región recibieron la noticia con prudencia y pidieron que se cumplan las promesas.",
        "Los expertos recuerdan que los reclamos por la tierra llevan décadas sin una respuesta del Estado.",
    ]
    text = page(["Inicio", "Política", "Economía", "Deportes"], "Una solución no violenta para la cuestión", "mapuche",
                "Los pueblos indígenas reclaman por derechos que permanecen",
                "incumplidos, por eso es más eficiente canalizar la protesta que reprimirla", "0", body)  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == "Una solución no violenta para la cuestión mapuche"
    assert article.paragraphs == body


def test_a_byline_with_its_date_after_a_dash_is_metadata() -> None:
    text = page(
        MENU, "Rates Rise Again", "By Jane Smith, Central Bank Correspondent — March 3, 2021 10:15", BODY
    )
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == "Rates Rise Again"
    assert (article.date, article.author) == ("2021-03-03T10:15", "Jane Smith")
    assert article.paragraphs == BODY


NAMES = st.from_regex(r"[A-Z][a-z]{2,9} [A-Z][a-z]{2,11}", fullmatch=True)
MONTHS = st.sampled_from(["January", "March", "July", "November"])


@given(NAMES, st.sampled_from(["", ", Reuters", ", Staff Writer"]), st.sampled_from(["—", "–", "-", "|"]),
       MONTHS, st.integers(1, 28), st.integers(1990, 2030), st.sampled_from(["", " 10:15", " at 7:45 PM"]))  # fmt: skip
def test_any_signed_byline_with_a_date_after_a_dash_is_one(
    name: str, role: str, dash: str, month: str, day: int, year: int, time: str
) -> None:
    assert is_dated_byline(f"By {name}{role} {dash} {month} {day}, {year}{time}")


@given(
    NAMES, st.sampled_from(["—", "|"]), st.text(alphabet=st.characters(categories=["L", "Zs"]), max_size=40)
)
def test_a_byline_followed_by_no_date_is_no_dated_byline(name: str, dash: str, rest: str) -> None:
    assert not is_dated_byline(f"By {name} {dash} {rest}")
    assert not is_dated_byline(f"{name} {dash} March 3, 2021")  # (no "By": a headline and its date)


CODE_TEXT = [
    "Many developers think that a critical bug is the worst thing that can happen to their code in production.",
    "To be told about problems as soon as possible, I looked for a simple way to find anomalies in my data.",
    "The query below finds the status codes whose hourly count is far from the mean of the previous hours:",
    "SELECT", "status_code,", "period,", "count(*) AS entries", "FROM", "server_log", "GROUP BY", "status_code,",
    "period", "ORDER BY", "period DESC;", "SELECT", "*, avg(entries) OVER w AS mean_entries", "FROM", "counts",
    "Running it every hour is enough to hear about most problems long before the users do, and it needs no tools.",
    "The next step is to backtest the query against the log of the past months and tune the thresholds it uses.",
]  # fmt: skip


def test_a_code_listing_is_part_of_the_body_and_never_its_title() -> None:
    headline = "Simple Anomaly Detection Using Plain SQL"
    text = page(["Haki", "About", "Subscribe"], "21 September 2020", headline, CODE_TEXT, ["Older", "Newer"])
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == headline
    assert article.paragraphs == CODE_TEXT


def test_a_table_of_contents_is_the_articles_and_its_entries_are_not_the_headline() -> None:
    sections = ["Detecting Anomalies", "Understanding the Data", "Finding Past Anomalies"]
    paragraphs = [sentence * 2 for sentence in BODY]
    text = page(["Home", "About"], "Simple Anomaly Detection Using Plain SQL", BODY[0], "Table of Contents", sections,
                sections[0], paragraphs[0], sections[1], paragraphs[1], sections[2], paragraphs[2:], ["Older", "Newer"])  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == "Simple Anomaly Detection Using Plain SQL"
    assert article.paragraphs[0] == BODY[0]
    assert sections[1] in article.paragraphs


def test_a_headline_with_a_figure_above_the_prose_is_no_table() -> None:
    # (the headline and a line of the text with figures are no table taking the text in)
    headline = "Open toolchain for GreenPak4 programmable logic devices"
    body = [*BODY[:2], "Supply voltage from 1.8 V to 5 V", *BODY[2:]]
    text = page("Silicon Notes", "Sunday, May 8, 2016", headline, body, ["Older posts", "About me"])
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == headline
    assert article.paragraphs == body


def test_a_related_teaser_opening_the_body_is_neither_its_headline_nor_its_text() -> None:
    # The article's headline is above a box of teasers with bylines; the last teaser's
    # headline reads like a first paragraph and uses the article's words.
    teaser = "Népal : «Plus les heures passent, moins on est utiles aux sinistrés»"
    body = [
        "Un troisième Français a été tué dans le tremblement de terre samedi au Népal, a déclaré jeudi le ministre.",
        "L’appareil, mis à disposition par une compagnie, était arrivé à Katmandou mercredi matin avec des médecins.",
        "Plusieurs centaines de Français ont été localisés sains et saufs, selon le ministère des Affaires étrangères.",
        "Le séisme a fait près de cinq mille morts et des dizaines de milliers de personnes sont sans abri au Népal.",
    ]
    text = page(["Accueil", "Monde", "Sports"], "Un troisième Français mort dans le séisme au Népal", "AFP",
                "30 avril 2015 à 07:19", ["Sur le même sujet", "Reportage", "A Katmandou, exode sous pression",
                "Par Sébastien Farcis", "interview", teaser, "Par Laurence Defranoux"], body)  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == "Un troisième Français mort dans le séisme au Népal"
    assert article.paragraphs == body


@pytest.mark.parametrize(
    "heading",
    [
        "Sur le même sujet",
        "Lesen Sie auch:",
        "Noticias relacionadas",
        "Leia também",
        "Leggi anche",
        "Lees ook",
    ],
)
def test_the_heading_of_related_articles_is_furniture_in_other_languages_too(heading: str) -> None:
    assert kind_of(heading) == LineKind.BAD


def test_a_headline_under_the_lead_pictures_caption_is_no_caption() -> None:
    text = page(
        MENU,
        "The bank's headquarters in Frankfurt Jane Roe/Reuters",
        HEADLINE,
        "Jane Smith",
        "1:39 PM ET",
        BODY,
    )
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == HEADLINE


# A video player's controls and caption settings, between an article's header and its text.
PLAYER = ["Play Video", "Play", "Mute", "Current Time 0:00", "/", "Duration Time 0:00", "Loaded: 0%", "Progress: 0%",
          "Stream TypeLIVE", "Remaining Time -0:00", "Playback Rate", "1", "Chapters", "Descriptions",
          "descriptions off, selected", "Subtitles", "subtitles settings, opens subtitles settings dialog",
          "subtitles off, selected", "Audio Track", "Fullscreen", "This is a modal window.", "Caption Settings Dialog",
          "Text", "Color", "White", "Black", "Red", "Green", "Blue", "Yellow", "Opacity", "Opaque", "Semi-Transparent",
          "Background", "Window", "Font Size", "50%", "75%", "100%", "Text Edge Style", "None", "Raised", "Depressed",
          "Uniform", "Font Family", "Proportional Serif", "Monospace Serif", "Small Caps", "Done", "Close"]  # fmt: skip


def test_the_headline_a_byline_and_date_stand_under_is_found_over_a_video_player() -> None:
    # (a widget's label right above the text, "This is a modal window.", is no headline)
    text = page(MENU, HEADLINE, "By Jane Smith", "March 11, 2015 3:46 PM", PLAYER, BODY)
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == HEADLINE
    assert article.paragraphs == BODY


def test_a_headline_shaped_like_a_caption_is_the_headline_when_a_byline_stands_under_it() -> None:
    headline = "Veteran Wraps Baby in American Flag, Photo Sparks Controversy"
    text = page(MENU, headline, "By Jane Smith", "March 11, 2015 3:46 PM", BODY)
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == headline


def test_a_photo_credit_glued_to_its_label_is_no_headline() -> None:
    text = page(MENU, "Photo", "CreditIlustración de Jane Roe para The Daily Ledger", BODY)
    (article,) = clean_text_page(text, "p.txt")
    assert "Credit" not in article.title
    assert article.paragraphs == BODY


def test_an_interstitial_countdown_is_a_notice_and_no_headline() -> None:
    text = page(MENU, HEADLINE, ["Share on Facebook", "Share on Twitter", "Print Article", "Comments"],
                "By Jane Smith", "March 18 at 3:57 PM", ["1 of 24", "Full Screen", "Autoplay", "Close", "Skip Ad"],
                "Buy Photo", "Wait 1 second to continue.", "FRANKFURT — " + BODY[0], BODY[1:])  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == HEADLINE
    assert article.paragraphs == ["FRANKFURT — " + BODY[0], *BODY[1:]]
    assert kind_of("Wait 1 second to continue.") == LineKind.BAD


def test_a_short_sentence_opening_the_body_is_its_text_not_its_headline() -> None:
    # a notice the page shows twice (over the text and under it), which alone made it
    # a headline, and the lead's first line when it opens on a dateline
    notice, lead = (
        "Your video will begin shortly.",
        "CAIRO — Gunmen opened fire on visitors at the bank's museum",
    )
    for opening, footer in ((notice, notice), (lead, "About us")):
        infos = describe_page(page(MENU, opening, BODY, footer), "en")
        body = body_terms(infos[len(MENU) :], STOPWORDS)
        start = len(MENU)
        title = find_title(infos, [*range(start + 1)], set(), body, STOPWORDS, inside_from=start)
        assert title is None or infos[title].text != opening, infos[title].text


def test_a_kicker_over_the_headline_is_no_headline_when_the_window_title_shows_it() -> None:
    # "Headline" as the first line (a window title without a site name), then over the
    # article a kicker that reads like the text and the headline, which reads like a dek
    headline = "«Half a point», «No end in sight», «Markets»…"
    text = page("Menu", "Sign in Subscribe", headline, ["France", "Planet", "Ideas", "Culture"],
                "The central bank raised its interest rate", headline,
                "By Jane Smith and John Roe — 24 November 2017 at 18:42", BODY)  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == headline


def test_the_entries_of_a_table_of_contents_over_the_text_are_not_its_headline() -> None:
    headline = "Shared Mutable History"
    sections = ["Sharing with one developer", "Setting up a shared repository", "Amending a shared change"]
    paragraphs = [sentence * 2 for sentence in BODY]
    text = page(headline, f"{headline} extension", ["Docs", "Guide"], headline, "Contents", sections,
                paragraphs[0], sections[0], paragraphs[1], sections[1], paragraphs[2], sections[2], paragraphs[3])  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == headline


@pytest.mark.parametrize(
    "entry", ["1.1 Rates raised for the first time in two years", "4.5 Rates and prices"]
)
def test_a_numbered_section_is_no_headline(entry: str) -> None:
    infos = describe_page(page(["Main page", "Random article"], "Contents", "1 History", entry, BODY), "en")
    body = body_terms(infos[5:], STOPWORDS)
    title = find_title(infos, list(range(5)), set(), body, STOPWORDS)
    assert title is None or infos[title].text != entry


def test_an_encyclopedia_pages_name_over_its_contents_is_the_headline() -> None:
    # a name of one word, shown again over the infobox, above a table of contents
    body = [f"In Ruritania, {paragraph[0].lower()}{paragraph[1:]}" for paragraph in BODY]
    infobox = ["Ruritania", "Capital", "Strelsau", "Currency", "Ruritanian crown", "Population", "4,200,000"]
    sections = ["1 History", "1.1 Rates raised for the first time in two years", "2 Economy", "2.1 Currency"]
    text = page("Ruritania", "From Wikipedia, the free encyclopedia", "Jump to navigation Jump to search", infobox,
                body[0], "Contents", sections, "History", body[1], "Rates raised for the first time in two years",
                body[2], "Economy", body[3])  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == "Ruritania"


def test_a_site_name_over_a_feature_with_contents_is_not_its_headline() -> None:
    # the site's name opens the page and its menu; the text never says it
    sections = ["Rates raised for the first time in two years", "Inflation and energy prices", "Reactions"]
    text = page("The Weekly Ledger", "Home", "The Weekly Ledger", "Features", HEADLINE, "By Jane Smith",
                "March 3, 2021", "Contents", sections, sections[0], BODY[0], sections[1], BODY[1:3],
                sections[2], BODY[3])  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == HEADLINE


def test_a_listicle_read_as_a_table_keeps_the_headline_of_its_text() -> None:
    # lines with figures around the text make it a table that takes the text in; the
    # table's headline is the text's, not a menu label above it
    headline = "The 8 best films of 2017"
    films = ["Star Wars: The Last Jedi", "Faces Places", "Ingrid Goes West", "Lady Macbeth", "The Big Sick", "Mother!",
             "A Ghost Story", "Get Out"]  # fmt: skip
    items = []
    for number, film in zip(range(8, 0, -1), films):
        items += [
            f"{number}) {film}",
            f"{film} is one of the most surprising films of the year, and it rewards a second viewing at home.",
            f"{film} is streaming on Netflix and available to rent on Google Play and YouTube for $3.99.",
        ]
    nav = ["Politics & Policy", "Science & Health", "First Person", "Video"]
    text = page(nav, nav, "✕", headline, "How to watch the greatest films of the year, from Lady Bird to Get Out, at home.",
                "By Jane Smith", "Updated Jul 24, 2018, 2:15pm EDT", "Share Tweet Share",
                f"Share {headline} tweet share Reddit Pocket Flipboard Email", "Jane Roe/Vox",
                "In the introduction to her anthology, the critic wrote that she had to pick what to keep from a year of films.",
                "That is the feeling I get when I make my list of the best films of 2017, a year that overflowed with great films.",
                items[:6], "Related", "2017's best documentaries found new ways to engage reality in a post-truth world",
                items[6:], "Captain Marvel hits theaters on March 8, 2019", "The 5 best TV debuts of February 2019",
                ["About us", "Privacy Policy"])  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == headline


def test_a_teaser_under_a_related_heading_right_above_the_text_is_not_its_headline() -> None:
    # the teaser has a byline and a date under it too, and is nearer the text
    headline = "Half a Point, and More to Come"
    text = page(MENU, headline, "March 3, 2021", ["Share on Facebook", "Share on Twitter"], "Related",
                "Bank of England holds rates as inflation slows", "By John Roe", "March 2, 2021", BODY)  # fmt: skip
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == headline


def test_the_repeated_bylines_and_dates_of_a_list_of_stories_sign_none_of_its_headlines() -> None:
    # the list's first headline has a byline and a date under it, as the article's has
    others = ["UAL <UAL> SURROUNDED BY TAKEOVER SPECULATION", "U.K. BANKS OFFER FIXED-RATE MORTGAGES AT 10.2 PCT",
              "SHULTZ VISIT TO MOSCOW POSSIBLE, SAY SOVIETS", "IRAQ SAYS FIERCE FIGHTING TO DISLODGE IRANIANS"]  # fmt: skip
    teasers = [line for other in others for line in (other, "By Staff Writer", "March 2, 2019")]
    body = [
        "Arsenal striker Edu has blasted the club's critics after a difficult week in which the team dropped points twice.",
        "The Brazilian said the players were united behind their manager and were determined to win the title this season.",
        "Arsenal face Chelsea on Sunday in a match that could decide the destination of the trophy this year.",
    ]
    text = page(
        MENU,
        "Related stories",
        teasers,
        "Sport",
        "Edu blasts Arsenal",
        "By Jane Smith",
        "March 3, 2019 10:15 AM",
        body,
    )
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == "Edu blasts Arsenal"


def test_a_video_players_title_is_not_the_headline() -> None:
    # the player shows its video's title twice, the second time right above the text
    video = "Central bank raises its main interest rate by half a point"
    player = [
        "Play",
        "Mute",
        "Video Not Available",
        video,
        "Now watching",
        "Next video starts in : 7",
        "Play",
        video,
    ]
    text = page(
        MENU, "Half a Point, and More to Come", "By Jane Smith", "March 3, 2021 3:46 PM", player, BODY
    )
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == "Half a Point, and More to Come"


def test_a_headline_with_its_byline_under_a_players_label_stays_the_headline() -> None:
    # a video article: the player's label over its headline, the byline under it
    text = page(MENU, "Now playing", HEADLINE, "By Jane Smith", "March 3, 2021 3:46 PM", BODY)
    (article,) = clean_text_page(text, "p.txt")
    assert article.title == HEADLINE

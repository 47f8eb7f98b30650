"""HTML pages: the article's text and metadata, none of the page furniture."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pages_dev import Page, pages, score
from shared_data import PAGES_DEV

from reader.ingest.errors import SkippedFile
from reader.ingest.files import clean_file
from reader.ingest.html_declared import DeclaredMetadata, page_author
from reader.ingest.html_furniture import date_in_head, remove_furniture
from reader.ingest.html_page import clean_html_page, looks_like_html
from reader.model import Article

PAGES = Path(__file__).parent / "data" / "inputs"

HARBOUR_BODY = [
    "The harbour bridge reopened to traffic on Sunday morning, two years after engineers closed it when cracks were found in two of its steel supports.",
    "The mayor, Anna Berg, cut a ribbon at the northern end of the bridge shortly after nine o'clock, watched by several hundred residents who had gathered despite the rain.",
    "\u201cThis bridge is the backbone of the town,\u201d she said. \u201cTwo years without it have been hard for the shops on the waterfront and for everyone who commutes.\u201d",
    "The repairs cost 48 million crowns, about a third more than first planned, because the contractor found corrosion in parts of the deck that inspectors had not been able to reach.",
    "Traffic will be limited to 30 kilometres an hour for the first month while sensors installed during the repairs record how the structure behaves under load.",
    "Ferry services that ran in place of the bridge will stop at the end of March, the regional transport authority said.",
]

CAFE_BODY = [
    "Owners of caf\u00e9s along the river walk closed their terraces for an hour on Tuesday in protest at new rules that limit outdoor seating to ten tables per business.",
    "\u201cWe were not consulted,\u201d said Ren\u00e9e Dubois, who has run the Petit Pont caf\u00e9 for eleven years. \u201cHalf of our customers in summer sit outside.\u201d",
    "The city council says the limit is needed to keep the path wide enough for cyclists and for emergency vehicles, which had trouble reaching a boathouse fire last August.",
    "A council spokesman said the rules would be reviewed after one season, and that businesses could apply for exceptions on wider parts of the walk.",
    "The owners\u2019 association plans to present a petition with more than 3,000 signatures at the council meeting on 18 June.",
]


def test_news_page_body_and_metadata() -> None:
    path = PAGES / "article_news.html"
    [article] = clean_file(path)
    assert article.title == "Harbour bridge reopens after two years of repairs"
    assert article.paragraphs == HARBOUR_BODY
    assert article.date == "2021-03-14"
    assert article.source == "The Coastal Herald"
    assert article.url == "https://coastalherald.example/news/2021/03/harbour-bridge-reopens"
    assert article.path == str(path) and article.part == 0 and article.lines is None


def test_legacy_encoded_page_with_sidebar_newsletter_and_tags() -> None:
    # Raw cp1252 bytes (declared in a <meta>) and &#147;-style references both decode.
    [article] = clean_file(PAGES / "cafe_cp1252.html")
    assert article.title == "Caf\u00e9 owners protest new terrace rules"
    assert article.paragraphs == CAFE_BODY
    assert (article.date, article.source) == ("2019-06-04", "Riverside Daily")


@pytest.mark.parametrize("name", ["article_news.html", "cafe_cp1252.html"])
def test_furniture_stays_out(name: str) -> None:
    [article] = clean_file(PAGES / name)
    text = article.title + "\n" + article.body
    for furniture in (
        "cookie",
        "Subscribe",
        "Related stories",
        "Finally!",
        "Leave a comment",
        "Share on",
        "All rights reserved",
        "newsletter",
        "Most read",
        "Advertisement",
        "Tags:",
        "Log in",
        "briefing",
    ):
        assert furniture.lower() not in text.lower()


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<<<>>>",
        "<html><body><div><p></div></body>",
        "<p>" * 5000,
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<?xml version='1.0'?><!DOCTYPE html [<!ENTITY x 'y'>]><html>&x;</html>",
    ],
)
def test_broken_or_empty_html_is_skipped_with_a_reason(html: str) -> None:
    with pytest.raises(SkippedFile) as caught:
        articles = clean_html_page(html, "broken.html")
        assert articles == []  # if extraction finds nothing, that is fine too
        raise SkippedFile("no article")
    assert caught.value.reason


def test_unclosed_tags_still_give_the_text() -> None:
    html = (
        "<html><head><title>Storm closes ports</title><body><div><p>Storm Ciara closed three"
        " ports on the east coast on Sunday as winds reached 140 kilometres an hour, the coastguard"
        " said.<p>Ferries will not sail before Tuesday, operators said, and trucks are queueing"
        " on the motorway outside the harbour.<div><b>unclosed"
    )
    [article] = clean_html_page(html, "storm.html")
    assert article.title == "Storm closes ports"
    assert article.paragraphs[:2] == [
        "Storm Ciara closed three ports on the east coast on Sunday as winds reached 140 kilometres an hour, the coastguard said.",
        "Ferries will not sail before Tuesday, operators said, and trucks are queueing on the motorway outside the harbour.",
    ]


def test_escape_sequences_written_as_character_references_do_not_survive() -> None:
    story = " ".join(["The council met on Monday to approve the budget for the next year."] * 4)
    html = (
        "<html><head><title>&#27;[31mBudget &#x9b;2Japproved&#27;]0;pwned&#7;</title></head><body><article>"
        f"<h1>Budget approved</h1><p>{story} &#27;[2J&#x1b;]0;title&#x7;</p><p>{story}</p></article></body></html>"
    )
    [article] = clean_html_page(html, "esc.html")
    for field in (article.title, article.body, article.source or "", article.date or ""):
        assert "\x1b" not in field and "\x9b" not in field and "\x07" not in field
    assert article.title == "Budget approved"


def test_html_sniffing() -> None:
    assert looks_like_html("\n  <!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("<html lang='en'><p>x")
    assert looks_like_html("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>")
    assert looks_like_html("<div class='a'><p>text</p></div>")
    assert not looks_like_html("Prices <b>rose</b> on Monday")
    assert not looks_like_html("<AP> Stocks fell on Tuesday.")


def test_text_file_that_is_really_html_is_read_as_html(tmp_path: Path) -> None:
    saved = tmp_path / "saved_page.txt"
    saved.write_bytes((PAGES / "article_news.html").read_bytes())
    [article] = clean_file(saved)
    assert article.paragraphs == HARBOUR_BODY and article.source == "The Coastal Herald"


def test_page_of_short_lines_trusts_the_extracted_block() -> None:
    # Earnings tables are short lines the text cleaner alone would drop as furniture.
    rows = [
        "Shr 63 cts vs 50 cts",
        "Net 73.8 mln vs 62.3 mln",
        "Sales 664.2 mln vs 600.6 mln",
        "Nine mths",
        "Shr 2.06 dlrs vs 1.67 dlrs",
        "Net 241.2 mln vs 205.9 mln",
        "Sales 2.04 billion vs 1.80 billion",
        "Avg shrs 117.1 mln vs 123.4 mln",
    ]
    paragraphs = "".join(f"<p>{row}</p>" for row in rows)
    html = (
        "<html><head><title>ACME CORP 3RD QTR NET</title><meta property='og:site_name' content='Wire'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/markets'>Markets</a></nav>"
        f"<article><h1>ACME CORP 3RD QTR NET</h1>{paragraphs}</article>"
        "<footer>&copy; Wire</footer></body></html>"
    )
    [article] = clean_html_page(html, "earnings.html")
    assert (article.title, article.source) == ("ACME CORP 3RD QTR NET", "Wire")
    assert article.paragraphs == rows


# --- the real pages of ../shared/pages-dev ------------------------------------------


@pytest.fixture(scope="module")
def pages_dev_html() -> dict[str, tuple[Page, list[Article]]]:
    if not PAGES_DEV.exists():
        pytest.skip(f"pages-dev not present at {PAGES_DEV}")
    return {page.name: (page, clean_file(page.path)) for page in pages("html")}


def test_real_pages_reach_the_floors(pages_dev_html: dict[str, tuple[Page, list[Article]]]) -> None:
    # Floors reached when this was written (trafilatura alone: F1 0.948, 68 titles);
    # the metric is the score tool's (../shared/tools/score_cleaning.py --input html).
    scores = score("html", lambda path: pages_dev_html[path.stem][1])
    assert (scores.empty, scores.split) == (0, 0)
    assert scores.f1 >= 0.96 and scores.precision >= 0.97 and scores.recall >= 0.95
    assert scores.titles_right >= 81


def test_real_pages_declare_their_language(pages_dev_html: dict[str, tuple[Page, list[Article]]]) -> None:
    declared = [
        (page.gold["lang"][:2].lower(), articles[0].language)
        for page, articles in pages_dev_html.values()
        if page.gold.get("lang")
    ]
    assert len(declared) >= 60
    assert all(want == got for want, got in declared)


# --- what goes and what stays of trafilatura's text -----------------------------------

LEAD = (
    "The harbour bridge reopened to traffic on Sunday morning, two years after engineers"
    " closed it when cracks were found in two of its steel supports."
)
SECOND = (
    "Ferry services that ran in place of the bridge will stop at the end of March,"
    " the regional transport authority said on Monday."
)


def never_headline(line: str) -> bool:
    return False


@pytest.mark.parametrize(
    "furniture",
    [
        "© 2021 The Coastal Herald. All rights reserved.",  # notice
        "Copyright 2019 Riverside Daily",
        "Sign up for our morning newsletter and get the day's news in your inbox.",  # promotion
        "Already a subscriber? Log in to keep reading our journalism.",
        "Jane Doe is a senior reporter for the Coastal Herald covering transport.",  # about the author
        "We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.",
        "Leave a comment",  # comment headers
        "Comments (12)",
        "Reuters / Maxim Shemetov",  # credits
        "Photo: AFP",
        "Share on Facebook",  # share bar
        "Related stories",  # heading of a list of other stories
        "Advertisement",
        "Tags: bridges, transport, harbour",
        "- subtitles off, selected",  # a video player's menu and dialog
        "This is a modal window. This modal can be closed by pressing the Escape key.",
        "|---|---|",  # the header rule of a table
    ],
)
def test_explicit_furniture_goes_wherever_it_stands(furniture: str) -> None:
    for lines in ([LEAD, furniture, SECOND], [LEAD, SECOND, furniture], [furniture, LEAD, SECOND]):
        assert remove_furniture(lines, never_headline) == [LEAD, SECOND]


@pytest.mark.parametrize(
    "content",
    [
        "- Two lanes each way",  # list items, however short
        "1. Finland",
        "Why now?",  # short lines: crossheads, questions, answers
        "Yes.",
        "| Northern span | 1,200 m | 1962 |",  # table rows
        "| • Opened | 26 September 1907 |",
        "気象庁は二十日、東京都心で桜が満開になったと発表した。",  # scripts without spaces
        "Москва",
        "Copyright claims against the ferry operator rose sharply last year, the report said.",
        "Some advertisers claim that you can opt out of their tracking, and even offer a central place"
        " meant to help you do so, but the cookies they set stay in your browser and third parties"
        " read them on every site you visit afterwards, whatever you choose there, which is why the"
        " privacy regulators of three countries have opened an inquiry into the practice this year.",
        "1/2 cup of sugar",  # a fraction, not a gallery caption
        "entries > 10 AND score > 3 AS alert",  # the shape of a breadcrumb, below the first paragraph
    ],
)
def test_article_text_stays(content: str) -> None:
    assert remove_furniture([LEAD, content, SECOND], never_headline) == [LEAD, content, SECOND]


def test_above_the_first_paragraph_headline_byline_stamp_and_breadcrumb_go() -> None:
    head = [
        "Home > News > Transport",
        "Harbour bridge reopens after two years of repairs",
        "By Maria Lindqvist",
        "14 March 2021 09:30",
        "Updated: March 15, 2021",
        "Traffic is back on the harbour bridge",  # the dek stays
    ]
    lines = [*head, LEAD, "By the end of the day, traffic was flowing.", "14 March 2021", SECOND]

    def is_headline(line: str) -> bool:
        return line == "Harbour bridge reopens after two years of repairs"

    assert remove_furniture(lines, is_headline) == [
        "Traffic is back on the harbour bridge",
        LEAD,
        "By the end of the day, traffic was flowing.",
        "14 March 2021",  # below the lead a date is content (a timeline, a crosshead)
        SECOND,
    ]
    assert date_in_head(lines) == "2021-03-14T09:30"


def test_picture_gallery_captions_go_with_their_heading() -> None:
    captions = [f"- {n}/12 Caption number {n} under a picture of the harbour." for n in range(1, 13)]
    lines = [LEAD, SECOND, "Business news in pictures", *captions]
    assert remove_furniture(lines, never_headline) == [LEAD, SECOND]
    recipe = ["- 1/2 cup of sugar", "- 1/2 cup of butter", "- 1/4 cup of milk"]
    assert remove_furniture([LEAD, *recipe], never_headline) == [LEAD, *recipe]


# --- metadata the page declares ---------------------------------------------------------

BODY_HTML = f"<p>{LEAD}</p><p>{SECOND}</p>"


def page_with(head: str, body: str = "", lang: str = "en") -> str:
    return f"<html lang='{lang}'><head>{head}</head><body><article>{body}{BODY_HTML}</article></body></html>"


def json_ld(*items: dict) -> str:
    return "".join(f"<script type='application/ld+json'>{json.dumps(item)}</script>" for item in items)


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        # the JSON-LD article's headline first, even over a rewritten og:title
        (
            json_ld({"@type": "NewsArticle", "headline": "Bridge reopens", "author": {"name": "A"}})
            + "<meta property='og:title' content='You will not believe this bridge'>",
            "",
            "Bridge reopens",
        ),
        # of headline and name, the one the page repeats; in @graph, behind a CDATA wrapper
        (
            "<title>Harbour Bridge - Wikipedia</title><script type='application/ld+json'><![CDATA["
            + json.dumps(
                {"@graph": [{"@type": "Article", "headline": "bridge in Norway", "name": "Harbour Bridge"}]}
            )
            + "]]></script>",
            "<h1>Harbour Bridge</h1>",
            "Harbour Bridge",
        ),
        # several articles (a list of stories) and none repeated: not the page's headline
        (
            json_ld(
                {"@type": "NewsArticle", "headline": "Other story"},
                {"@type": "NewsArticle", "headline": "Third"},
            )
            + "<title>Harbour bridge reopens after two years | The Coastal Herald</title>",
            "",
            "Harbour bridge reopens after two years | The Coastal Herald",
        ),
        # a title meta tag as written, site name included
        (
            "<meta property='og:title' content='How to Build a Terrarium | eHow'>",
            "",
            "How to Build a Terrarium | eHow",
        ),
        # the window title loses the site's declared name, or its domain's
        (
            "<title>Harbour bridge reopens after two years | The Coastal Herald</title>"
            "<meta property='og:site_name' content='The Coastal Herald'>",
            "",
            "Harbour bridge reopens after two years",
        ),
        (
            "<title>Harbour bridge reopens after two years - Herald</title>"
            "<link rel='canonical' href='https://www.herald.example/news/bridge'>",
            "",
            "Harbour bridge reopens after two years",
        ),
        # ...or what a heading repeats; but a topic is too short to be a headline
        (
            "<title>Bridge reopens after repairs · Coastal News Network</title>",
            "<h1>Bridge reopens after repairs</h1>",
            "Bridge reopens after repairs · Coastal News Network",
        ),
        (
            "<title>Harbour bridge reopens after two years · Notes</title>",
            "<h1>Harbour bridge reopens after two years</h1>",
            "Harbour bridge reopens after two years",
        ),
        (
            "<title>Bridges - Wikipedia</title><link rel='canonical' href='https://en.wikipedia.org/wiki/B'>",
            "",
            "Bridges - Wikipedia",
        ),
        # a window title too short for a headline gives way to the only <h1>
        ("<title>Home</title>", "<h1>Harbour bridge reopens</h1>", "Harbour bridge reopens"),
        # without a separator naming the site, the window title stays whole
        (
            "<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>",
            "",
            "Evolve: Shared Mutable History — evolve extension for Mercurial",
        ),
        (
            "<title>東京で桜が満開に | 毎日ニュース</title><meta property='og:site_name' content='毎日ニュース'>",
            "",
            "東京で桜が満開に",
        ),
    ],
)
def test_title_is_the_declared_headline(head: str, body: str, title: str) -> None:
    [article] = clean_html_page(page_with(head, body), "page.html")
    assert article.title == title


@pytest.mark.parametrize(
    ("page", "language"),
    [
        (page_with("<title>Pont</title>", lang="fr-FR"), "fr"),
        (
            "<html><head><meta http-equiv='Content-Language' content='de'></head><body>"
            + BODY_HTML
            + "</body></html>",
            "de",
        ),
        (
            "<html><head><meta property='og:locale' content='pt_BR'></head><body>"
            + BODY_HTML
            + "</body></html>",
            "pt",
        ),
        # Undeclared, or declared in no known form: the language of the text.
        ("<html><head></head><body>" + BODY_HTML + "</body></html>", "en"),
        (page_with("", lang="not a language"), "en"),
        (
            "<html><head></head><body><p>Le pont du port a rouvert à la circulation dimanche matin, deux ans "
            "après sa fermeture par les ingénieurs.</p><p>Les bacs qui le remplaçaient s'arrêteront à la fin "
            "du mois de mars, a indiqué lundi l'autorité régionale des transports.</p></body></html>",
            "fr",
        ),
    ],
)
def test_language_is_the_declared_one_else_the_texts(page: str, language: str | None) -> None:
    # (a language detected from the text is the text path's; see reader.ingest.language)
    [article] = clean_html_page(page, "page.html")
    assert article.language == language


def test_authors_from_the_json_ld_article_or_the_byline() -> None:
    authors = [{"@type": "Person", "name": "Stella Kim"}, {"@type": "Person", "name": "Jennifer Jett"}]
    page = page_with(json_ld({"@type": "NewsArticle", "headline": "Bridge reopens", "author": authors}))
    [article] = clean_html_page(page, "page.html")
    assert article.author == "Stella Kim, Jennifer Jett"
    [article] = clean_html_page(page_with("<meta name='author' content='Maria Lindqvist'>"), "page.html")
    assert article.author == "Maria Lindqvist"
    nothing = DeclaredMetadata()
    assert page_author(nothing, "Joshua Sokol May") == "Joshua Sokol"
    assert page_author(nothing, "Jeffrey Gettleman; JEFFREY GETTLEMAN") == "Jeffrey Gettleman"
    assert page_author(nothing, "Follow Author") is None
    assert page_author(nothing, None) is None


def test_page_in_a_script_without_spaces_keeps_every_paragraph() -> None:
    paragraphs = [
        "気象庁は二十日、東京都心で桜が満開になったと発表した。平年より五日早く、昨年より二日遅い。",
        "上野公園では朝から多くの花見客が訪れ、満開の桜の下で写真を撮る人の姿が見られた。",
        "週末は天気が崩れる見込みで、気象庁は早めの花見を呼びかけている。",
    ]
    page = (
        "<html lang='ja'><head><title>東京で桜が満開に | 毎日ニュース</title></head><body><article>"
        "<h1>東京で桜が満開に</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
    )
    [article] = clean_html_page(page, "ja.html")
    assert (article.title, article.language, article.paragraphs) == ("東京で桜が満開に", "ja", paragraphs)


def layout_page(cells: str, table_attributes: str = "") -> str:
    return f"<html><head><title>Harbour bridge reopens</title></head><body><table{table_attributes}>{cells}</table></body></html>"


def test_an_article_laid_out_in_table_cells_keeps_its_paragraphs() -> None:
    # Old news sites and mail newsletters: the story in one cell of a layout grid,
    # which trafilatura alone gives as one "| … |" line.
    story = "".join(f"<p>{html.escape(p)}</p>" for p in HARBOUR_BODY)
    one_cell = layout_page(f"<tr><td><h1>Harbour bridge reopens</h1>{story}</td></tr>")
    with_sidebar = layout_page(f"<tr><td>Home</td><td><div>{story}</div></td><td>Weather</td></tr>")
    nested = layout_page(f"<tr><td><table><tr><td>{story}</td></tr></table></td></tr>", " width='600'")
    lines = "<br><br>".join(html.escape(p) for p in HARBOUR_BODY)  # an old site's paragraphs
    broken_lines = layout_page(
        f"<tr><td><font size='4'><b>Harbour bridge reopens</b></font><br><br>{lines}</td></tr>"
    )
    for page in (one_cell, nested, broken_lines):
        [article] = clean_html_page(page, "bridge.html")
        assert article.paragraphs == HARBOUR_BODY
    [article] = clean_html_page(with_sidebar, "bridge.html")
    assert article.paragraphs[: len(HARBOUR_BODY)] == HARBOUR_BODY  # the sidebar's "Weather" may follow


def test_a_data_table_stays_a_table() -> None:
    rows = "".join(
        f"<tr><td><p>{town}</p></td><td><p>{votes}</p></td><td><p>{share}</p></td></tr>"
        for town, votes, share in [("Northport", "12,408", "51%"), ("Eastfield", "9,877", "47%")]
    )
    for head, attributes in [("<tr><th>Town</th><th>Votes</th><th>Share</th></tr>", ""), ("", "")]:
        page = (
            f"<html><body><article><h1>Results</h1><p>{LEAD}</p>"
            f"<table{attributes}>{head}{rows}</table><p>{SECOND}</p></article></body></html>"
        )
        [article] = clean_html_page(page, "results.html")
        assert "| Northport | 12,408 | 51% |" in article.paragraphs


def test_only_a_page_that_declares_no_article_is_split_into_stories() -> None:
    # Seed 003's stories as one HTML page: undeclared, it is a digest; with a title
    # meta tag (or a JSON-LD article, or a single <h1>) it is one article however long.
    stories = clean_file(next((Path(__file__).parent.parent / "seeds").glob("003_*.txt")))
    body = "".join(f"<p>{html.escape(p)}</p>" for story in stories for p in story.paragraphs)
    digest = f"<html><head><title>News digest</title></head><body><div>{body}</div></body></html>"
    assert len(clean_html_page(digest, "digest.html")) > 10
    declared = digest.replace("<title>", "<meta property='og:title' content='News digest'><title>")
    [article] = clean_html_page(declared, "digest.html")
    assert article.title == "News digest"


_FRAGMENTS = [
    "<html lang='fr'>", "<head>", "<title>Pont | Herald</title>", "<meta property='og:title' content='Pont'>",
    "<meta property='og:site_name' content='Herald'>", "<script type='application/ld+json'>",
    '{"@type": "NewsArticle", "headline": "Pont", "author": [{"name": "A"}, "B"]}', '{"@graph": [[[[', "</script>",
    "</head>", "<body>", "<article>", "<h1>Pont</h1>", f"<p>{LEAD}</p>", f"<p>{SECOND}</p>", "<p>© 2021 Herald</p>",
    "<ul><li>un</li><li>deux</li></ul>", "<table><tr><td>1</td><td>2</td></tr></table>", "<p>- 1/3 Caption</p>",
    "<p>東京で桜が満開になったと発表した。</p>", "&#27;[31m", "\x1b]0;x\x07", "\u202e", "</article>", "</body>",
]  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=25).map("".join))
def test_any_page_gives_well_formed_articles_or_a_reason(page: str) -> None:
    try:
        articles = clean_html_page(page, "page.html")
    except SkippedFile as skip:
        assert skip.reason and "\n" not in skip.reason
        return
    assert articles
    for article in articles:
        assert article.body and all(p and p == p.strip() and "\n" not in p for p in article.paragraphs)
        for value in (
            article.title,
            article.author,
            article.language,
            article.source,
            article.date,
            article.url,
        ):
            assert value is None or ("\n" not in value and "\x1b" not in value and "\u202e" not in value)
        assert article.language is None or article.language.isalpha()

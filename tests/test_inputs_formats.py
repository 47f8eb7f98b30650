"""The formats people save pages in: each read by content, each page through the same
cleaner as the page cleaned directly, with the format's URL, date and title."""

from __future__ import annotations

import email.policy
import gzip
import io
import json
import os
import plistlib
import textwrap
import zipfile
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from html import escape
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reader.cli import main
from reader.ingest.decode import format_size
from reader.ingest.errors import SkippedFile
from reader.ingest.files import clean_file, is_stream, iter_input_files, read_articles, sniff
from reader.ingest.html_page import clean_html_page
from reader.ingest.text_page import clean_text_page
from reader.model import Article
from tests.shared_data import PAGES_DEV

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAGES = ["bbc-1.html", "cnn.html", "breitbart.html"]
FETCHED = "2015-10-02T12:00:00Z"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40

needs_pages = pytest.mark.skipif(not (PAGES_DEV / "html").is_dir(), reason="needs ../shared/pages-dev")


def page_html(name: str) -> str:
    return (PAGES_DEV / "html" / name).read_text(encoding="utf-8")


def direct(name: str) -> Article:
    [article] = clean_html_page(page_html(name), "direct")
    return article


def read_all(path: Path) -> tuple[list[Article], list[str]]:
    problems: list[str] = []
    return list(read_articles(path, problems.append)), problems


def skip_reason(path: Path) -> str:
    with pytest.raises(SkippedFile) as caught:
        clean_file(path)
    return caught.value.reason


# --- web archives -------------------------------------------------------------------


def write_warc(target: io.BufferedIOBase, compress: bool = True) -> None:
    """The pages, then a revisit of the first, the first again under its own URL, an
    image, a 404 and a request record: three pages in all."""
    writer = WARCWriter(target, gzip=compress)

    def response(url: str, body: bytes, status: str = "200 OK", kind: str = "text/html; charset=utf-8"):
        http = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": FETCHED},
        )
        writer.write_record(record)

    for name in PAGES:
        response(f"https://news.example/{name}", page_html(name).encode())
    revisit = writer.create_revisit_record(
        f"https://news.example/{PAGES[0]}", digest="sha1:AAAA", refers_to_uri="x", refers_to_date=FETCHED
    )
    writer.write_record(revisit)
    response(f"https://news.example/{PAGES[0]}", page_html(PAGES[0]).encode())
    response("https://news.example/logo.png", PNG_BYTES, kind="image/png")
    response("https://news.example/gone", b"<html><body>Not found</body></html>", status="404 Not Found")
    writer.write_record(
        writer.create_warc_record("https://news.example/", "request", payload=io.BytesIO(b"GET /"))
    )


def assert_the_three_pages(articles: list[Article]) -> None:
    assert len(articles) == 3
    for number, (article, name) in enumerate(zip(articles, PAGES)):
        expected = direct(name)
        assert article.part == number
        assert article.title == expected.title
        assert article.body == expected.body
        assert article.url == f"https://news.example/{name}"
        assert article.date == (expected.date or "2015-10-02T12:00")


@needs_pages
@pytest.mark.parametrize("compress", [True, False])
def test_warc_one_article_per_html_page_and_duplicates_once(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    with path.open("wb") as out:
        write_warc(out, compress)
    assert sniff(path) == "warc"
    articles, problems = read_all(path)
    assert problems == []
    assert_the_three_pages(articles)


@needs_pages
def test_wacz_is_read_through_its_warcs(tmp_path: Path) -> None:
    warc = io.BytesIO()
    write_warc(warc)
    path = tmp_path / "crawl.wacz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("datapackage.json", json.dumps({"profile": "data-package"}))
        archive.writestr("archive/data.warc.gz", warc.getvalue())
    articles, problems = read_all(path)
    assert problems == []
    assert_the_three_pages(articles)


@needs_pages
def test_truncated_warc_keeps_the_pages_before_the_break(tmp_path: Path) -> None:
    warc = io.BytesIO()
    write_warc(warc)
    data = warc.getvalue()
    path = tmp_path / "cut.warc.gz"
    records = ArchiveIterator(io.BytesIO(data))
    third = [records.get_record_offset() for _ in records][2]  # where the third page starts
    path.write_bytes(data[: third + 100_000])  # inside the third page
    articles, problems = read_all(path)
    assert [a.title for a in articles] == [direct(name).title for name in PAGES[:2]]
    [problem] = problems
    assert problem.startswith(f"record 3 (https://news.example/{PAGES[2]}): truncated (")
    path.write_bytes(data[:third] + b"\x1f\x8b\x08\x00garbage")  # a broken member after two pages
    articles, _ = read_all(path)
    assert [a.title for a in articles] == [direct(name).title for name in PAGES[:2]]


@needs_pages
def test_a_record_over_the_size_cap_is_passed_over_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    with path.open("wb") as out:
        write_warc(out)
    problems: list[str] = []
    # A cap just under the largest page (breitbart): only that one is too big.
    cap = len(page_html(PAGES[2]).encode()) - 1
    articles = list(read_articles(path, problems.append, max_bytes=cap))
    assert [a.url for a in articles] == [f"https://news.example/{name}" for name in PAGES[:2]]
    assert problems == [f"record 3 (https://news.example/{PAGES[2]}): larger than {cap / 1024:.1f} KB"]


# --- MHTML ----------------------------------------------------------------------------


def mhtml_message(html: str | None) -> bytes:
    message = MIMEMultipart("related", type="text/html")
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://news.example/saved"
    message["Subject"] = "=?utf-8?Q?A_saved_page?="
    message["Date"] = "Fri, 2 Oct 2015 10:00:00 -0000"
    if html is not None:
        part = MIMEText(html, "html", "utf-8")
        part["Content-Location"] = "https://news.example/saved"
        message.attach(part)
    message.attach(MIMEImage(PNG_BYTES, "png"))
    return message.as_bytes(policy=email.policy.SMTP)


@needs_pages
def test_mhtml_page_is_its_html_part(tmp_path: Path) -> None:
    path = tmp_path / "saved.mhtml"
    path.write_bytes(mhtml_message(page_html("cnn.html")))
    assert sniff(path) == "mhtml"
    [article], problems = read_all(path)
    expected = direct("cnn.html")
    assert problems == []
    assert (article.title, article.body) == (expected.title, expected.body)
    assert article.url == "https://news.example/saved"
    assert article.date == (expected.date or "2015-10-02T10:00")


def test_mhtml_without_an_html_part_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "saved.mht"
    path.write_bytes(mhtml_message(None))
    assert skip_reason(path) == "MHTML without an HTML part"


# --- Safari web archives --------------------------------------------------------------


def web_archive(
    html: bytes | None,
    kind: str = "text/html",
    encoding: str = "UTF-8",
    xml: bool = False,
    url: str = "https://news.example/saved",
) -> bytes:
    main: dict[str, object] = {
        "WebResourceFrameName": "",
        "WebResourceMIMEType": kind,
        "WebResourceTextEncodingName": encoding,
        "WebResourceURL": url,
    }
    if html is not None:
        main["WebResourceData"] = html
    archive = {
        "WebMainResource": main,
        "WebSubresources": [
            {
                "WebResourceData": PNG_BYTES,
                "WebResourceMIMEType": "image/png",
                "WebResourceURL": "https://news.example/a.png",
            }
        ],
    }
    return plistlib.dumps(archive, fmt=plistlib.FMT_XML if xml else plistlib.FMT_BINARY)


@needs_pages
@pytest.mark.parametrize("xml", [False, True], ids=["binary", "xml"])
def test_safari_web_archive_page_is_its_main_resource(tmp_path: Path, xml: bool) -> None:
    path = tmp_path / "saved.webarchive"
    # (an XML property list cannot hold an escape character)
    url = "https://news.example/saved" if xml else "https://news.example/saved\x1b[2J\x1b]0;x\x07"
    path.write_bytes(web_archive(page_html("cnn.html").encode("utf-8"), xml=xml, url=url))
    assert sniff(path) == "webarchive"
    [article], problems = read_all(path)
    expected = direct("cnn.html")
    assert problems == []
    assert (article.title, article.body, article.date) == (expected.title, expected.body, expected.date)
    assert article.url == "https://news.example/saved"  # the escape sequences are gone


def test_safari_web_archive_is_decoded_with_its_encoding(tmp_path: Path) -> None:
    paragraph = "Le ministre a déclaré à la presse que les négociations reprendraient à Genève la semaine prochaine, après une pause."
    html = f"<html><body><article><h1>Négociations à Genève</h1><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    path = tmp_path / "page.webarchive"
    path.write_bytes(web_archive(html.encode("cp1252"), encoding="windows-1252"))
    [article], _ = read_all(path)
    assert paragraph in article.body


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (web_archive(None), "Safari web archive with an empty page"),
        (web_archive(PNG_BYTES, kind="image/png"), "Safari web archive of a image/png file, not a page"),
        (
            plistlib.dumps({"CFBundleName": "x"}, fmt=plistlib.FMT_BINARY),
            "property list, not a Safari web archive (no main resource)",
        ),
        (
            plistlib.dumps(["a list"], fmt=plistlib.FMT_BINARY),
            "property list, not a Safari web archive (no main resource)",
        ),
        (web_archive(b"<p>x</p>")[:60], "broken Safari web archive (not a readable property list)"),
    ],
    ids=["no page", "a picture", "another plist", "a list", "cut short"],
)
def test_safari_web_archive_that_holds_no_page_is_skipped(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "saved.webarchive"
    path.write_bytes(data)
    assert sniff(path) == "webarchive"
    assert skip_reason(path) == reason


# --- mail -----------------------------------------------------------------------------

TRUCE = [
    "Sergei Lavrov and John Kerry agreed late on Friday in Geneva on a plan to halt the fighting in Syria, after talks that ran for more than thirteen hours.",
    "\u201cToday the United States and Russia are announcing a plan which we hope can reduce violence,\u201d Kerry told reporters after midnight.",
    "The plan begins with a week of calm across the country, starting at sundown on Monday, the two ministers said.",
]


def mail(parts: list[MIMEText | MIMEImage], sender: str = "The Morning <newsletter@news.example>") -> bytes:
    message = MIMEMultipart("alternative") if len(parts) > 1 else parts[0]
    if len(parts) > 1:
        for part in parts:
            message.attach(part)
    message["From"] = sender
    message["Subject"] = "=?utf-8?Q?Kerry_and_Lavrov_agree_on_a_Syria_truce?="
    message["Date"] = "Sat, 10 Sep 2016 06:00:00 -0400"
    return message.as_bytes(policy=email.policy.SMTP)


def newsletter_html() -> str:
    # Newsletters are laid out in tables, their text in a cell.
    story = "".join(f"<p>{escape(p)}</p>" for p in TRUCE)
    return (
        "<html><body><table width='600' align='center'><tr><td><table><tr><td>"
        f"<h1>Kerry and Lavrov agree on a Syria truce</h1>{story}"
        "</td></tr></table></td></tr></table></body></html>"
    )


def test_a_newsletter_is_its_html_part_titled_by_its_subject(tmp_path: Path) -> None:
    path = tmp_path / "morning.eml"
    plain = MIMEText("A rendering of the HTML part, with [links](https://news.example).", "plain", "utf-8")
    path.write_bytes(mail([plain, MIMEText(newsletter_html(), "html", "utf-8")]))
    assert sniff(path) == "email"
    [article], problems = read_all(path)
    assert problems == []
    assert (article.title, article.source, article.date) == (
        "Kerry and Lavrov agree on a Syria truce",
        "The Morning",
        "2016-09-10T06:00",
    )
    assert article.paragraphs == TRUCE


def test_a_plain_mail_is_rejoined_where_it_was_wrapped(tmp_path: Path) -> None:
    text = "\n\n".join(textwrap.fill(p, 72) for p in TRUCE) + "\n"
    path = tmp_path / "forwarded"  # no name to go by: the headers say it is a mail
    path.write_bytes(mail([MIMEText(text, "plain", "utf-8")], sender="desk@news.example"))
    assert sniff(path) == "email"
    [article], problems = read_all(path)
    assert problems == []
    assert (article.title, article.source, article.paragraphs) == (
        "Kerry and Lavrov agree on a Syria truce",
        None,  # an address names a mailbox, not an outlet
        TRUCE,
    )


def test_a_mailbox_gives_the_articles_of_each_message_and_reports_the_rest(tmp_path: Path) -> None:
    import mailbox

    newsletter = mail(
        [MIMEText("Plain rendering.", "plain", "utf-8"), MIMEText(newsletter_html(), "html", "utf-8")]
    )
    picture = email.message_from_bytes(mail([MIMEImage(PNG_BYTES, "png")]))
    picture.replace_header("Subject", "Photo of the day")
    plain = mail(
        [MIMEText("\n\n".join(textwrap.fill(p, 72) for p in TRUCE), "plain", "utf-8")], sender="desk@x"
    )
    path = tmp_path / "Newsletters"  # a mail client's folder: no suffix
    box = mailbox.mbox(path)
    for message in (newsletter, picture, plain):
        box.add(message)
    box.close()
    assert sniff(path) == "mbox" and is_stream(path)
    articles, problems = read_all(path)
    assert [(a.part, a.source, a.paragraphs) for a in articles] == [
        (0, "The Morning", TRUCE),
        (1, None, TRUCE),
    ]
    assert problems == ["message 2 (Photo of the day): mail without a text or HTML part"]
    cap = len(plain) + 100  # the newsletter is larger: passed over unread
    assert len(newsletter) > cap
    problems.clear()
    assert [a.part for a in read_articles(path, problems.append, max_bytes=cap)] == [0]
    assert problems[0] == f"message 1: larger than {format_size(cap)}"


def test_a_malformed_header_costs_only_itself(tmp_path: Path) -> None:
    # The email package raises IndexError when asked for the address of "From: <".
    path = tmp_path / "broken.eml"
    text = "\n\n".join(TRUCE)
    path.write_bytes(f"From: <\nSubject: Truce\nDate: Sat, 10 Sep 2016 06:00:00 -0400\n\n{text}\n".encode())
    [article], problems = read_all(path)
    assert problems == []
    assert (article.title, article.source, article.date, article.paragraphs) == (
        "Truce",
        None,
        "2016-09-10T06:00",
        TRUCE,
    )


def test_a_mail_without_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "picture.eml"
    path.write_bytes(mail([MIMEImage(PNG_BYTES, "png")]))
    assert skip_reason(path) == "mail without a text or HTML part"


@pytest.mark.parametrize(
    "page",
    [
        "From: our correspondent in Geneva\nSubject: the talks\nKerry and Lavrov met for thirteen hours.\n",
        "Subject: the talks\nDate: 10 September 2016\n\nKerry and Lavrov met for thirteen hours.\n",
    ],
)
def test_a_page_that_opens_like_a_mail_is_a_page(tmp_path: Path, page: str) -> None:
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    assert sniff(path) == "text"


# --- feeds ----------------------------------------------------------------------------

SUMMARY = "<p>Police in Leeds have named a man arrested after an armed raid on a bank.</p>"


def body_of(name: str) -> str:
    """What a feed carries as an item's full text: the article's paragraphs as HTML
    (the page cleaned directly), without the site around it."""
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in direct(name).body.split("\n\n"))


def rss_feed(items: int = 2) -> str:
    entries = [
        f"<item><title>{escape(direct(name).title)}</title><link>https://news.example/{number}</link>"
        f"<pubDate>Fri, 0{number + 2} Oct 2015 10:00:00 GMT</pubDate><dc:creator>Writer {number}</dc:creator>"
        f"<description>Short.</description><content:encoded>{escape(body_of(name))}</content:encoded></item>"
        for number, name in enumerate(PAGES[:items])
    ]
    entries.append(
        "<item><title>Man held over bank raid</title><link>https://news.example/raid</link>"
        f"<pubDate>Sun, 04 Oct 2015 09:30:00 GMT</pubDate><description>{escape(SUMMARY)}</description></item>"
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>Example News</title><link>https://news.example/</link><language>en</language>"
        + "".join(entries)
        + "</channel></rss>"
    )


def atom_feed() -> str:
    entries = [
        f'<entry><title>{escape(direct(name).title)}</title><link href="https://news.example/{number}"/>'
        f"<id>urn:{number}</id><published>2015-10-0{number + 2}T10:00:00Z</published>"
        f"<author><name>Writer {number}</name></author>"
        f'<content type="html">{escape(body_of(name))}</content></entry>'
        for number, name in enumerate(PAGES[:2])
    ]
    entries.append(
        '<entry><title>Man held over bank raid</title><link href="https://news.example/raid"/><id>urn:r</id>'
        f'<updated>2015-10-04T09:30:00Z</updated><summary type="html">{escape(SUMMARY)}</summary></entry>'
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'
        "<title>Example News</title><id>urn:feed</id>" + "".join(entries) + "</feed>"
    )


@needs_pages
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_one_article_per_item(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"news.{'xml' if kind == 'rss' else 'atom'}"
    path.write_text(rss_feed() if kind == "rss" else atom_feed(), encoding="utf-8")
    assert sniff(path) == "feed"
    articles, problems = read_all(path)
    assert problems == []
    assert len(articles) == 3
    for number, (article, name) in enumerate(zip(articles, PAGES[:2])):
        expected = direct(name)
        assert (article.title, article.body) == (expected.title, expected.body)
        assert article.url == f"https://news.example/{number}"
        assert article.date == f"2015-10-0{number + 2}T10:00"
        assert article.author == f"Writer {number}"
        assert (article.source, article.language, article.summary) == ("Example News", "en", False)
    summary = articles[2]
    assert summary.summary and summary.title == "Man held over bank raid"
    assert summary.body == "Police in Leeds have named a man arrested after an armed raid on a bank."
    assert (summary.url, summary.date) == ("https://news.example/raid", "2015-10-04T09:30")


@needs_pages
def test_broken_feed_keeps_the_items_before_the_break(tmp_path: Path) -> None:
    text = rss_feed()
    path = tmp_path / "cut.rss"
    path.write_text(text[: text.index("<item><title>Man held")] + "<item><title>Cut", encoding="utf-8")
    articles, problems = read_all(path)
    assert [a.title for a in articles] == [direct(name).title for name in PAGES[:2]]
    # the cut item is read as far as it goes: a title, no text
    assert problems[0] == "item 3: no text" and problems[1].startswith(
        "broken XML, read as far as it could be"
    )


def test_a_feed_of_many_items_is_streamed(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>Story {n}</title><link>https://news.example/{n}</link>"
        f"<description>Story number {n} in the long feed.</description></item>"
        for n in range(3000)
    )
    path = tmp_path / "long.rss"
    path.write_text(f'<rss version="2.0"><channel><title>Long</title>{items}</channel></rss>')
    count = 0
    for count, article in enumerate(read_articles(path), start=1):
        assert article.title == f"Story {count - 1}" and article.summary
    assert count == 3000


def test_feed_xml_so_broken_that_only_a_lenient_parser_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.rss"
    path.write_bytes(
        b'<?xml version="1.0" encoding="bogus-charset"?><rss version="2.0"><channel><title>T & Co</title>'
        b"<item><title>One</title><link>https://news.example/1</link>"
        b"<description>The first story of a feed with a bad ampersand.</description></item></channel></rss>"
    )
    articles, problems = read_all(path)
    assert [a.title for a in articles] == ["One"] and len(problems) <= 1


# --- JSON -----------------------------------------------------------------------------


def test_news_please_trafilatura_and_newspaper_json(tmp_path: Path) -> None:
    news_please = {
        "title": "Rates held",
        "maintext": "The bank held rates.\n\nMarkets rose.",
        "date_publish": "2015-10-02 08:26:31",
        "url": "https://news.example/rates",
        "authors": ["A. Writer", "B. Other"],
        "source_domain": "news.example",
        "language": "en",
    }
    trafilatura = {
        "title": "Bridge reopens",
        "text": "The bridge reopened.",
        "date": "2015-10-03",
        "source": "https://news.example/bridge",
        "sitename": "Example News",
        "author": "C. Third",
    }
    newspaper = {
        "title": "Storm",
        "text": "A storm hit the coast.",
        "publish_date": "2015-10-04T06:00:00",
        "source_url": "https://news.example/storm",
        "authors": ["D. Fourth"],
    }
    found = []
    for name, record in (("np.json", news_please), ("tr.json", trafilatura), ("nw.json", newspaper)):
        path = tmp_path / name
        path.write_text(json.dumps(record))
        assert sniff(path) == "json"
        [article] = clean_file(path)
        found.append((article.title, article.body, article.date, article.url, article.author, article.source))
    assert found == [
        (
            "Rates held",
            "The bank held rates.\n\nMarkets rose.",
            "2015-10-02T08:26:31",
            "https://news.example/rates",
            "A. Writer, B. Other",
            "news.example",
        ),
        (
            "Bridge reopens",
            "The bridge reopened.",
            "2015-10-03",
            "https://news.example/bridge",
            "C. Third",
            "Example News",
        ),
        (
            "Storm",
            "A storm hit the coast.",
            "2015-10-04T06:00:00",
            "https://news.example/storm",
            "D. Fourth",
            None,
        ),
    ]


def test_json_list_keeps_the_good_items(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(
        json.dumps([{"title": "A", "text": "One."}, {"config": 1}, {"title": "B", "text": "Two."}])
    )
    articles, problems = read_all(path)
    assert [(a.title, a.part) for a in articles] == [("A", 0), ("B", 2)]
    assert problems == ['item 2: no article text ("body", "text" or "maintext" missing or empty)']


def test_json_lines_under_a_json_name_is_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"title": "A", "text": "One."}\n{"title": "B", "text": "Two."}\n')
    assert sniff(path) == "jsonl"
    assert [a.title for a in clean_file(path)] == ["A", "B"]


# --- PDF ------------------------------------------------------------------------------


def write_pdf(
    path: Path, lines: list[str], metadata: dict[str, str] | None = None, password: str = ""
) -> None:
    """A PDF with a Helvetica text layer, 50 lines a page (a blank line between
    paragraphs); no lines makes a page without text, like a scan."""
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    )
    for start in range(0, max(len(lines), 1), 50):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        shown = [
            b"("
            + line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            + b") Tj T*"
            for line in lines[start : start + 50]
        ]
        content = DecodedStreamObject()
        content.set_data(b"BT /F1 10 Tf 40 760 Td 14 TL " + b" ".join(shown) + b" ET")
        page[NameObject("/Contents")] = writer._add_object(content)
    if metadata:
        writer.add_metadata(metadata)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    with path.open("wb") as out:
        writer.write(out)


def seed_lines(text: str) -> list[str]:
    lines: list[str] = []
    for block in text.split("\n"):
        lines += textwrap.wrap(block, 90)
        lines.append("")
    return lines


def test_pdf_text_layer_goes_through_the_text_cleaner(tmp_path: Path) -> None:
    # as the PDF's WinAnsi font can show it
    seed = (
        next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8").encode("cp1252", "replace").decode("cp1252")
    )
    [expected] = clean_text_page(seed, "direct")
    path = tmp_path / "report.pdf"
    metadata = {
        "/Title": "Kerry and Putin",
        "/Author": "A. Writer",
        "/CreationDate": "D:20151002100000+00'00'",
    }
    write_pdf(path, seed_lines(seed), metadata)
    assert sniff(path) == "pdf"
    [article], problems = read_all(path)
    assert problems == []
    assert article.body == expected.body
    assert (article.title, article.author, article.date) == (
        "Kerry and Putin",
        "A. Writer",
        "2015-10-02T10:00",
    )


def test_pdf_without_text_and_with_a_password_are_skipped(tmp_path: Path) -> None:
    scanned = tmp_path / "scan.pdf"
    write_pdf(scanned, [])
    assert skip_reason(scanned) == "no text layer (scanned?)"
    locked = tmp_path / "locked.pdf"
    write_pdf(locked, ["Some text that nobody may read without the password."], password="secret")
    assert skip_reason(locked) == "encrypted PDF (needs a password)"


# --- what is none of them -------------------------------------------------------------


def test_what_is_no_known_format_is_skipped_with_a_reason(tmp_path: Path) -> None:
    other_zip = tmp_path / "photos.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("a.jpg", b"\xff\xd8\xff\xe0")
    image = tmp_path / "photo.png"
    image.write_bytes(PNG_BYTES)
    config = tmp_path / "settings.xml"
    config.write_text('<?xml version="1.0"?><settings><theme>dark</theme></settings>')
    data = tmp_path / "data.json"
    data.write_text(json.dumps({"width": 3, "height": 4}))
    gz_json = tmp_path / "data.json.gz"
    gz_json.write_bytes(gzip.compress(json.dumps({"width": 3}).encode()))
    assert skip_reason(other_zip) == "ZIP archive that is not a web archive (no WARC file inside)"
    assert skip_reason(image) == "binary file (PNG image)"
    assert skip_reason(config) == "XML document, not a news feed (root element <settings>)"
    assert skip_reason(data) == 'JSON with no article text ("body", "text" or "maintext" missing or empty)'
    assert skip_reason(gz_json).startswith("no article found (line 1: no article text")


def test_clean_on_unknown_formats_exits_1_and_indexes_nothing(tmp_path: Path, capsys) -> None:
    (tmp_path / "photos.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip
    (tmp_path / "settings.xml").write_text('<?xml version="1.0"?><settings/>')
    assert main(["clean", "--json", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("news-reader: skipped") == 2


def test_folders_hold_pdf_zip_and_office_inputs_now(tmp_path: Path) -> None:
    # Office documents are walked into, to be reported: an article may be saved as one.
    for name in ("a.pdf", "b.zip", "c.warc.gz", "d.png", "e.mht", "f.docx"):
        (tmp_path / name).write_bytes(b"x")
    assert [Path(p).name for p in iter_input_files([tmp_path])] == [
        "a.pdf",
        "b.zip",
        "c.warc.gz",
        "e.mht",
        "f.docx",
    ]


def zip_with(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def test_a_document_a_reader_saved_is_named_in_the_reason(tmp_path: Path) -> None:
    docx = zip_with(
        tmp_path / "article.docx", {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}
    )
    odt = zip_with(
        tmp_path / "article", {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}
    )
    rtf = tmp_path / "article.rtf"
    rtf.write_text("{\\rtf1\\ansi {\\pard Kerry and Lavrov met for thirteen hours.\\par}}")
    assert skip_reason(docx) == "Word document, not read: save it as text, HTML or PDF to add it"
    assert skip_reason(odt) == "OpenDocument text, not read: save it as text, HTML or PDF to add it"
    assert skip_reason(rtf) == "RTF document, not read: save it as text, HTML or PDF to add it"


def test_a_summary_stays_marked_in_the_library_and_a_name_escapes_on_remove(tmp_path: Path) -> None:
    from reader.library import Library

    feed = tmp_path / "in" / "feed.rss"
    feed.parent.mkdir()
    feed.write_text(
        '<rss version="2.0"><channel><title>Example News</title>'
        "<item><title>Man held over bank raid</title><link>https://news.example/raid</link>"
        f"<description>{escape(SUMMARY)}</description></item></channel></rss>"
    )
    odd = Path(os.fsdecode(bytes(tmp_path / "in") + b"/x\xff.txt"))
    odd.write_bytes(next(SEEDS.glob("002_*.txt")).read_bytes())
    library = Library.open(tmp_path / "lib", seed=False)
    try:
        report = library.add([feed.parent], workers=1)
        assert sorted(Path(p).name for p in report.added) == ["feed.rss", "x\\xff.txt"]
        [stored] = [library.store.get(i) for i in library.store.ids_of_path(report.added[0])]
        assert stored.article.summary and stored.article.source == "Example News"
        assert library.remove([odd]).sources == 1
    finally:
        library.close()

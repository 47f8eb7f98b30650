"""Hostile and odd input files, as hypothesis strategies: shared by the fuzz test
(tests/test_fuzz_files.py, a few hundred examples) and its long run
(benchmarks/fuzz.py). Each example is a file name and its bytes, built from the
pieces real files are made of (pages, markup, JSON, feeds, archives, PDF headers,
compression) mixed with what breaks parsers (escape sequences, control and bidi
characters, NUL bytes, deep nesting, truncation, huge numbers)."""

from __future__ import annotations

import gzip
import json
import plistlib
import time
from dataclasses import dataclass

from hypothesis import strategies as st

from reader.ingest.errors import SkippedFile
from reader.ingest.files import read_articles
from reader.ingest.sanitize import clean_control_chars
from reader.model import Article

HOSTILE = [
    "\x1b]0;pwned\x07",
    "\x1b[2J",
    "\x1bc",
    "\x1b(0",
    "\x9b31m",
    "\x9d0;x\x9c",
    "\u202e",
    "\u2066",
    "\x00",
    "\r",
    "\ufeff",
    "\ud800",
    "&#27;[31m",
    "&#x9b;",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "\\u001b",
]

SENTENCES = [
    "Secretary of State John Kerry met President Vladimir Putin in Moscow on Thursday.",
    "The talks on Syria lasted four hours, officials said.",
    "« Nous avons parlé de la Syrie », a déclaré le ministre.",
    "Президент Путин встретился с госсекретарём Керри в Москве.",
    "東京で会談が行われた。両国は協力を確認した。",
    "서울에서 회담이 열렸다.",
    "By Jane Doe - 11/19/19 06:56 AM EST",
    "Share this article",
    "Published 2 hours ago",
    "Click here to read the story from its source",
    "1 of 4",
]

text_piece = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.just("\n"),
    st.just("\n\n"),
)
page_text = st.lists(text_piece, max_size=40).map("".join)


def _html(parts: list[str], title: str, json_ld: str) -> str:
    body = "".join(f"<p>{part}</p>" if index % 2 else part for index, part in enumerate(parts))
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title>"
        f'<script type="application/ld+json">{json_ld}</script></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


tags = st.sampled_from(
    ["<div>", "</div>", "<p>", "</p>", "<br>", "<li>", "<table><tr><td>", "<script>", "</span>"]
)
html_page = st.builds(
    _html,
    st.lists(st.one_of(text_piece, tags), max_size=30),
    text_piece,
    st.one_of(
        st.just(""),
        st.just('{"@type": "NewsArticle", "headline": "Talks in Moscow", "author": {"name": "Jane Doe"}}'),
        text_piece,
    ),
)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


json_value = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**400), max_value=10**400),
        st.floats(allow_nan=True),
        page_text,
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
article_object = st.fixed_dictionaries(
    {},
    optional={
        "title": st.one_of(page_text, json_value),
        "body": st.one_of(page_text, json_value),
        "maintext": page_text,
        "text": page_text,
        "date": st.one_of(st.sampled_from(["2015-10-02", "yesterday", "9" * 400, "2015-13-45"]), json_value),
        "date_publish": st.sampled_from(["2016-07-15 08:26:00", "Fri, 15 Jul 2016 08:26:00 GMT", ""]),
        "url": st.one_of(st.just("https://news.example/a"), page_text),
        "source": page_text,
        "authors": st.one_of(st.lists(page_text, max_size=3), json_value),
    },
)
json_line = st.one_of(
    article_object.map(lambda obj: json.dumps(obj, ensure_ascii=False, default=str)),
    st.integers(min_value=1, max_value=5000).map(_nested),
    page_text,
)
jsonl_file = st.lists(json_line, max_size=12).map("\n".join)


def _feed(items: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<item><title>{title}</title><link>https://news.example/{n}</link>"
        f"<pubDate>Fri, 02 Oct 2015 10:00:00 GMT</pubDate><description>{text}</description></item>"
        for n, (title, text) in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{body}</channel></rss>'


feed_file = st.builds(_feed, st.lists(st.tuples(text_piece, page_text), max_size=5))


def _mhtml(html: str, location: str) -> str:
    return (
        f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {location}\r\nSubject: x\r\n"
        "Date: Fri, 2 Oct 2015 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="B"\r\n\r\n'
        f"--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{html}\r\n--B--\r\n"
    )


mhtml_file = st.builds(_mhtml, html_page, st.one_of(st.just("https://news.example/m"), text_piece))


def _web_archive(html: str, url: str, kind: str, encoding: str) -> bytes:
    main = {
        "WebResourceData": html.encode("utf-8", "surrogatepass"),
        "WebResourceMIMEType": kind,
        "WebResourceTextEncodingName": encoding,
        # (lone surrogates have no UTF-16 form in a property list)
        "WebResourceURL": url.encode("utf-8", "replace").decode("utf-8"),
    }
    return plistlib.dumps({"WebMainResource": main}, fmt=plistlib.FMT_BINARY)


web_archive_file = st.builds(
    _web_archive,
    html_page,
    st.one_of(st.just("https://news.example/s"), text_piece),
    st.sampled_from(["text/html", "image/png", ""]),
    st.sampled_from(["UTF-8", "windows-1252", "no-such-encoding", ""]),
)


def _mail(body: str, subject: str, sender: str, html: bool) -> str:
    return (
        f"From: {sender}\r\nSubject: {subject}\r\nDate: Fri, 2 Oct 2015 10:00:00 +0000\r\n"
        f"MIME-Version: 1.0\r\nContent-Type: text/{'html' if html else 'plain'}; charset=utf-8\r\n\r\n{body}\r\n"
    )


mail_file = st.builds(
    _mail,
    st.one_of(html_page, page_text),
    text_piece,
    st.one_of(st.just("Desk <desk@news.example>"), text_piece),
    st.booleans(),
)
mbox_file = st.lists(mail_file, max_size=3).map(
    lambda mails: "".join(f"From desk@news.example Fri Oct  2 10:00:00 2015\n{mail}\n" for mail in mails)
)


def _warc(html: str, uri: str) -> bytes:
    payload = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html).encode("utf-8", "surrogatepass")
    header = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2015-10-02T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    ).encode("utf-8", "surrogatepass")
    return header + payload + b"\r\n\r\n"


warc_file = st.builds(_warc, html_page, st.one_of(st.just("https://news.example/w"), text_piece))

SUFFIXES = [
    ".txt",
    ".html",
    ".jsonl",
    ".json",
    ".xml",
    ".rss",
    ".mhtml",
    ".webarchive",
    ".eml",
    ".warc",
    ".pdf",
    ".gz",
    ".zip",
    "",
]


def _encode(content: str | bytes, encoding: str) -> bytes:
    if isinstance(content, bytes):
        return content
    # lone surrogates go through as the broken bytes a bad encoder writes
    return content.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


def _cut(data: bytes, keep: float) -> bytes:
    return data[: max(1, int(len(data) * keep))] if keep < 1 else data


content = st.one_of(
    page_text,
    html_page,
    jsonl_file,
    feed_file,
    mhtml_file,
    web_archive_file,
    mail_file,
    mbox_file,
    warc_file,
    st.binary(max_size=300),
)
input_file = st.builds(
    lambda text, encoding, compressed, keep, prefix, suffix: (
        "fuzz" + suffix,
        _cut(
            (
                gzip.compress(prefix + _encode(text, encoding))
                if compressed
                else prefix + _encode(text, encoding)
            ),
            keep,
        ),
    ),
    content,
    st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]),
    st.booleans(),
    st.sampled_from([1.0, 1.0, 1.0, 0.5, 0.9]),
    st.sampled_from([b"", b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xef\xbb\xbf"]),
    st.sampled_from(SUFFIXES),
)


@dataclass
class Outcome:
    articles: list[Article]
    skipped: str | None
    problems: list[str]
    seconds: float


def read_one(path: str) -> Outcome:
    """Every article of ``path`` and how long it took; only the project's own
    SkippedFile is caught, so a bug is raised."""
    problems: list[str] = []
    started = time.monotonic()
    try:
        articles = list(read_articles(path, problems.append))
        skipped = None
    except SkippedFile as skip:
        articles, skipped = [], skip.reason
    return Outcome(articles, skipped, problems, time.monotonic() - started)


def faults(outcome: Outcome) -> list[str]:
    """What is wrong with an outcome: a reader's bug turned into a skip reason, or a
    control character, escape sequence or bidi override in anything it gives out."""
    found = [
        reason
        for reason in [outcome.skipped, *outcome.problems]
        if reason and "failed while cleaning" in reason
    ]
    for article in outcome.articles:
        for name in ("title", "body", "date", "source", "dateline", "url", "author", "language"):
            value = getattr(article, name)
            if value is not None and clean_control_chars(value) != value:
                found.append(f"{name} holds a control character: {value[:60]!r}")
        if not article.body.strip():
            found.append("an article with an empty body")
    return found

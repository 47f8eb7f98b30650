"""JSON Lines input: one article per line, bad lines reported by number, gzip streamed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from shared_data import CORPUS

from reader.ingest.errors import SkippedFile
from reader.ingest.jsonl import load_jsonl, normalise_date, normalise_paragraphs
from reader.ingest.stories import story_title
from reader.model import Article


def lines_file(tmp_path: Path, lines: list[str], name: str = "news.jsonl") -> Path:
    path = tmp_path / name
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return path


def record(**fields: object) -> str:
    return json.dumps(fields)


def test_articles_with_their_line_numbers_and_bad_lines_reported(tmp_path: Path) -> None:
    path = lines_file(
        tmp_path,
        [
            record(
                id="a1",
                title="Rates held",
                body="First para.\n\nSecond  para\nwrapped.",
                date="1987-03-11T10:53:45",
                source="Reuters",
                section="x",
            ),
            '{"title": "broken", "body": ',
            "",
            record(title="No body here", date="2020-01-01"),
            '["not", "an", "object"]',
            record(
                text='Body under "text".\n\n\n\nAfter two blank lines.',
                date="Tue, 15 Nov 1994 08:12:31 GMT",
                url="https://x.example/a",
            ),
        ],
    )
    problems: list[str] = []
    articles = load_jsonl(path, problems.append)
    assert articles == [
        Article(
            path=str(path),
            title="Rates held",
            body="First para.\n\nSecond para wrapped.",
            date="1987-03-11T10:53:45",
            source="Reuters",
            part=0,
            lines=(1, 1),
        ),
        Article(
            path=str(path),
            title='Body under "text"',
            body='Body under "text".\n\nAfter two blank lines.',
            date="1994-11-15T08:12",
            url="https://x.example/a",
            part=5,
            lines=(6, 6),
        ),
    ]
    assert problems == [
        "line 2: invalid JSON (Expecting value at column 28)",
        'line 4: no article text ("body", "text" or "maintext" missing or empty)',
        "line 5: not a JSON object (a list)",
    ]


def test_control_characters_never_survive(tmp_path: Path) -> None:
    path = lines_file(
        tmp_path,
        [
            record(
                title="\x1b[31mRed\x1b[0m title",
                body="Body \x1b]0;pwned\x07text \x9b2Jhere.",
                source="\u202eAFP",
                dateline="Paris\x00",
            )
        ],
    )
    [article] = load_jsonl(path)
    assert (article.title, article.body, article.source, article.dateline) == (
        "Red title",
        "Body text here.",
        "AFP",
        "Paris",
    )


def test_gzip_is_read_by_content(tmp_path: Path) -> None:
    path = lines_file(tmp_path, [record(title="T", body="B.")] * 3, name="news.jsonl.gz")
    assert [(a.part, a.lines) for a in load_jsonl(path)] == [(0, (1, 1)), (1, (2, 2)), (2, (3, 3))]


def test_whole_file_problems(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    with pytest.raises(SkippedFile, match=r"^empty file$"):
        load_jsonl(empty)
    with pytest.raises(SkippedFile) as caught:
        load_jsonl(lines_file(tmp_path, ["{", "nope"], name="bad.jsonl"))
    assert (
        caught.value.reason
        == "no article found (line 1: invalid JSON (Expecting property name enclosed in double quotes at column 2) and 1 more bad lines)"
    )
    png = tmp_path / "image.jsonl"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    with pytest.raises(SkippedFile, match=r"^binary file \(PNG image\)$"):
        load_jsonl(png)
    with pytest.raises(SkippedFile, match=r"^larger than 100 bytes \(decompressed\)$"):
        load_jsonl(
            lines_file(tmp_path, [record(title="T", body="B" * 80)] * 3, name="big.jsonl.gz"), max_bytes=100
        )


def test_body_as_list_of_paragraphs_and_missing_title(tmp_path: Path) -> None:
    lead = "The central bank left interest rates unchanged on Thursday, citing slowing growth in the euro zone and weak oil prices. Analysts had expected it."
    [article] = load_jsonl(lines_file(tmp_path, [record(body=[lead, "Second."])]))
    assert article.body == lead + "\n\nSecond."
    assert article.title == story_title(lead)  # the titles digests get for their stories
    assert article.title.startswith("The central bank left interest rates unchanged on Thursday")


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2015-10-02", "2015-10-02"),
        ("2016-07-15 08:26", "2016-07-15T08:26"),
        ("2016-07-15T08:26:00Z", "2016-07-15T08:26:00Z"),
        ("Tue, 15 Nov 1994 08:12:31 GMT", "1994-11-15T08:12"),
        ("15 juillet 2016 à 19h45", "2016-07-15T19:45"),
        ("March 11, 1987", "1987-03-11"),
        ("11 Mar 1987", "1987-03-11"),
        ("1987/03/11", "1987-03-11"),
        (545184000, "1987-04-12T00:00+00:00"),
        (545184000000, "1987-04-12T00:00+00:00"),
        ("2015-13-45", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (True, None),
        (10**400, None),
        ("9" * 400, None),
    ],
)
def test_dates(value: object, iso: str | None) -> None:
    assert normalise_date(value) == iso


def test_paragraphs_one_per_line_when_there_are_no_blank_lines() -> None:
    assert normalise_paragraphs("one\ntwo\r\nthree ") == "one\n\ntwo\n\nthree"
    assert normalise_paragraphs("a\r\n\r\nb\n \nc") == "a\n\nb\n\nc"


@given(st.text())
def test_paragraph_shape_holds_for_any_body(text: str) -> None:
    body = normalise_paragraphs(text)
    for paragraph in body.split("\n\n") if body else []:
        assert paragraph and paragraph == paragraph.strip() and "\n" not in paragraph
    assert normalise_paragraphs(body) == body


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_the_corpus_loads_whole() -> None:
    problems: list[str] = []
    articles = load_jsonl(CORPUS, problems.append)
    assert len(articles) == 18_495 and problems == []
    assert [(a.part, a.lines) for a in articles[:2]] == [(0, (1, 1)), (1, (2, 2))]
    assert articles[0].title == "INSITUFORM OF NORTH AMERICA INC <INSUA> 4TH QTR"
    assert articles[0].date == "1987-03-11T10:53:45" and articles[0].source == "Reuters"
    assert all(a.body and "\n\n\n" not in a.body for a in articles)

"""Walking inputs and dispatching each file to its reader."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest import FileOutcome, clean_paths, iter_input_files
from reader.ingest.errors import SkippedFile
from reader.ingest.files import clean_file

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAGES = Path(__file__).parent / "data" / "inputs"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40

STORY = (
    "Police name man held over bank raid\n\n"
    "Police in Leeds have named a 34-year-old man arrested on Friday after an armed raid on a bank"
    " in the city centre in which a cashier was injured.\n\n"
    "The man, who has not been charged, is being held at a police station in the city, a spokeswoman"
    " said on Saturday. Detectives are appealing for witnesses who were in Briggate at the time.\n\n"
    "The cashier was treated in hospital for a head wound and has since been released, the bank said.\n"
)


def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "secret.txt").write_text(STORY)
    (folder / ".notes.txt").write_text(STORY)
    (folder / "a_story.txt").write_text(STORY)
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_picture.txt").write_bytes(PNG_BYTES)  # a PNG under a text name: reported
    (folder / "d_screenshot.png").write_bytes(PNG_BYTES)  # an image: not an input at all
    (folder / "e_news.jsonl").write_text(
        json.dumps({"title": "Rates held", "body": "The bank held rates.", "date": "2020-02-03"})
        + "\n{broken\n"
    )
    (folder / "sub" / "f_page.html").write_bytes((PAGES / "article_news.html").read_bytes())
    (folder / "sub" / "g_story.txt.gz").write_bytes(gzip.compress(STORY.encode("utf-16")))
    return folder


def test_walk_is_sorted_recursive_and_skips_hidden_and_non_inputs(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path)
    names = [Path(path).relative_to(folder).as_posix() for path in iter_input_files([folder])]
    assert names == [
        "a_story.txt",
        "b_empty.txt",
        "c_picture.txt",
        "e_news.jsonl",
        "sub/f_page.html",
        "sub/g_story.txt.gz",
    ]


def test_each_file_once_and_missing_paths_kept_for_reporting(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path)
    story = str(folder / "a_story.txt")
    paths = list(iter_input_files([story, folder, str(tmp_path / "missing.txt")]))
    assert paths.count(story) == 1 and paths[-1] == str(tmp_path / "missing.txt")


def test_mixed_folder_outcomes(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path)
    outcomes = {Path(o.path).relative_to(folder).as_posix(): o for o in clean_paths([folder])}
    assert {name: o.skipped for name, o in outcomes.items()} == {
        "a_story.txt": None,
        "b_empty.txt": "empty file",
        "c_picture.txt": "binary file (PNG image)",
        "e_news.jsonl": None,
        "sub/f_page.html": None,
        "sub/g_story.txt.gz": None,
    }
    assert outcomes["e_news.jsonl"].problems == (
        "line 2: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
    )
    assert not outcomes["e_news.jsonl"].ok and outcomes["a_story.txt"].ok
    [rates] = outcomes["e_news.jsonl"].articles
    assert (rates.title, rates.body, rates.date) == ("Rates held", "The bank held rates.", "2020-02-03")
    [page] = outcomes["sub/f_page.html"].articles
    assert page.title == "Harbour bridge reopens after two years of repairs"
    for name in ("a_story.txt", "sub/g_story.txt.gz"):
        [article] = outcomes[name].articles
        assert article.title == "Police name man held over bank raid"
        assert article.body.startswith("Police in Leeds have named a 34-year-old man")


def test_missing_path_is_an_outcome_not_an_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert list(clean_paths([missing])) == [FileOutcome(missing, [], "no such file or directory")]


def test_escape_sequences_never_reach_an_article(tmp_path: Path) -> None:
    page = tmp_path / "hostile.txt"
    page.write_text(
        STORY.replace("Police name", "\x1b[31mPolice name")
        .replace("cashier was injured.", "cashier was injured.\x1b]0;title\x07")
        .replace("Detectives", "\x9b2JDetectives")
    )
    [article] = clean_file(page)
    for value in (article.title, article.body, article.source, article.dateline, article.date):
        for sequence in ("\x1b", "\x9b", "\x07", "[31m", "0;title", "2J"):
            assert sequence not in (value or "")


def test_the_seeds_all_clean() -> None:
    outcomes = list(clean_paths([SEEDS]))
    assert len(outcomes) == 5 and all(o.ok and o.articles for o in outcomes)


def test_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    page = tmp_path / "story.scraped"
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.iterdir())[0], page)
    assert clean_file(page)


def test_file_with_no_article(tmp_path: Path) -> None:
    page = tmp_path / "menu.txt"
    page.write_text("Home\nNews\nSport\nContact\n")
    try:
        clean_file(page)
    except SkippedFile as skip:
        assert skip.reason == "no article found"
    else:
        raise AssertionError("a menu is not an article")


FORBIDDEN = ("\x1b", "\x9b", "\x9d", "\x07", "\x00", "\r", "\u202e")


@settings(max_examples=60, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.lists(
            st.sampled_from(
                [STORY, "\x1b[31m", "\x1b]0;t\x07", "\x9b2J", "\u202e", "\x00", "\r\n", "<p>", "é", "\n\n"]
            ),
            max_size=12,
        ).map(lambda parts: "".join(parts).encode("utf-8")),
    ),
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".dat"]),
)
def test_any_file_cleans_or_is_skipped_and_nothing_hostile_survives(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"page{suffix}"
        path.write_bytes(data)
        try:
            articles = clean_file(path)
        except SkippedFile as skip:
            assert skip.reason and "\n" not in skip.reason
            return
    assert articles
    for article in articles:
        for value in (
            article.title,
            article.body,
            article.source,
            article.dateline,
            article.date,
            article.url,
        ):
            assert not any(char in (value or "") for char in FORBIDDEN)


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch) -> None:
    # chmod does not stop root, so the refusal is simulated where os.walk lists folders.
    folder = mixed_folder(tmp_path)
    locked = folder / "sub"
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    outcomes = {o.path: o.skipped for o in clean_paths([folder])}
    assert outcomes[str(locked)] == "cannot read folder: permission denied"
    assert outcomes[str(folder / "a_story.txt")] is None
    assert str(locked / "f_page.html") not in outcomes


def test_package_reexports_the_public_api() -> None:
    import reader.ingest as ingest
    from reader.ingest import sanitize, text_page

    assert ingest.clean_file is clean_file and ingest.SkippedFile is SkippedFile
    assert ingest.clean_control_chars is sanitize.clean_control_chars
    assert ingest.PageHints is text_page.PageHints
    assert set(ingest.__all__) <= set(dir(ingest))
    try:
        ingest.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("unknown names must raise AttributeError")

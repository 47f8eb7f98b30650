"""split_stories on the digest seed (003), on single articles (seeds and corpus), and its properties."""

from __future__ import annotations

import gzip
import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_data import CORPUS

from reader.ingest.stories import split_stories, story_title

REPO = Path(__file__).resolve().parents[1]
GOLD = json.loads((REPO / "tests/data/digest_003_gold.json").read_text(encoding="utf-8"))

# Article-body line spans (1-based, inclusive) of the single-story seeds, read by hand:
# the rest of those pages is navigation, comment forms and link lists.
SINGLE_SEED_BODIES = {
    "000_76d093674a7b0851.txt": (19, 79),
    "001_2db44d96fea6e373.txt": (17, 39),
    "002_a266da6672a65293.txt": (5, 37),
    "004_cbbe6a9ab48e3e70.txt": (17, 48),
}


def seed_lines(name: str) -> list[str]:
    return (REPO / "seeds" / name).read_text(encoding="utf-8").split("\n")


def digest_003() -> tuple[list[str], list[int]]:
    lines = seed_lines(Path(GOLD["seed"]).name)
    skip = set(GOLD["caption_lines"])
    paragraphs = [
        line.strip()
        for number, line in enumerate(lines[: GOLD["body_last_line"]], 1)
        if line.strip() and number not in skip
    ]
    return paragraphs, [story["paragraph"] for story in GOLD["stories"]]


def test_gold_matches_the_seed() -> None:
    paragraphs, starts = digest_003()
    lines = seed_lines(Path(GOLD["seed"]).name)
    assert len(paragraphs) == GOLD["paragraph_count"]
    for story in GOLD["stories"]:
        assert paragraphs[story["paragraph"]] == lines[story["line"] - 1].strip()
        assert paragraphs[story["paragraph"]].startswith(story["first_words"])
    assert starts[0] == 0 and starts == sorted(starts)


def test_digest_003_boundaries_within_one_paragraph() -> None:
    paragraphs, truth = digest_003()
    found = split_stories(paragraphs)
    hits = [t for t in truth if any(abs(t - f) <= 1 for f in found)]
    assert len(hits) / len(truth) >= 0.9, sorted(set(truth) - set(hits))
    # Not found by splitting everywhere: the number of stories stays close to the truth.
    assert abs(len(found) - len(truth)) <= 4, (len(found), len(truth))
    correct = [f for f in found if any(abs(t - f) <= 1 for t in truth)]
    assert len(correct) / len(found) >= 0.75


def test_digest_003_with_captions_and_banner_left_in() -> None:
    """Measured in seed lines, on every non-empty line: captions and the cookie banner
    must not move or add boundaries (a cleaner may leave some of them in)."""
    lines = seed_lines(Path(GOLD["seed"]).name)
    numbered = [(number, line.strip()) for number, line in enumerate(lines, 1) if line.strip()]
    found = [numbered[i][0] for i in split_stories([text for _, text in numbered])]
    truth = [story["line"] for story in GOLD["stories"]]
    hits = [t for t in truth if any(abs(t - f) <= 1 for f in found)]
    assert len(hits) / len(truth) >= 0.9, sorted(set(truth) - set(hits))
    assert abs(len(found) - len(truth)) <= 4
    assert found[-1] < GOLD["body_last_line"]  # the banner is no story of its own


def test_digest_003_first_story_titles() -> None:
    paragraphs, _ = digest_003()
    found = split_stories(paragraphs)
    titles = [story_title(paragraphs[i]) for i in found]
    assert titles[0] == "Secretary of State Rex Tillerson is holding talks in Russia…"
    assert "A Russian military helicopter has been shot down by rebels in Idlib, northern Syria…" in titles
    assert "A Syrian truce has come into effect after five years of civil war" in titles


@pytest.mark.parametrize("name", sorted(SINGLE_SEED_BODIES))
def test_single_story_seeds_are_not_split(name: str) -> None:
    first, last = SINGLE_SEED_BODIES[name]
    paragraphs = [line.strip() for line in seed_lines(name)[first - 1 : last] if line.strip()]
    assert len(paragraphs) >= 12  # long enough to pass the cheap length gate
    assert split_stories(paragraphs) == [0]


_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘']?[A-Z])")


def corpus_sample() -> list[list[str]]:
    """A fixed sample of single articles: 2,500 at random plus the 150 longest BBC ones,
    each as published (paragraphs) and cut one sentence per line like many scraped pages."""
    if not CORPUS.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    chosen = random.Random(20240501).sample(records, 2500)
    bbc = sorted((r for r in records if r["source"] == "BBC News"), key=lambda r: -len(r["body"]))
    chosen += bbc[:150]
    pages = []
    for record in chosen:
        paragraphs = [p.strip() for p in record["body"].split("\n\n") if p.strip()]
        pages.append(paragraphs)
        pages.append([s for p in paragraphs for s in _SENTENCE.split(p) if s.strip()])
    return pages


def test_corpus_single_articles_are_not_split() -> None:
    pages = corpus_sample()
    split = [page[0][:80] for page in pages if split_stories(page) != [0]]
    assert len(pages) == 5300
    assert len(split) == 0, split


def _without_crossheads(article: list[str]) -> list[str]:
    return [p for p in article if len(p.split()) > 12 or p.rstrip("\"”’'").endswith((".", "!", "?"))]


def test_synthetic_digest_of_unrelated_articles_is_split() -> None:
    """A digest runs stories back to back, each opened by its lead (no headings)."""
    pages = corpus_sample()
    long_bbc = pages[-300::2][:8]  # eight of the longest BBC articles, as published
    digest: list[str] = []
    starts = []
    for article in long_bbc:
        starts.append(len(digest))
        digest.extend(_without_crossheads(article))
    found = split_stories(digest)
    hits = [s for s in starts if any(abs(s - f) <= 1 for f in found)]
    assert len(hits) >= 5, (starts, found)


def test_a_page_in_sections_is_one_article() -> None:
    """Headings between paragraphs (a feature's crossheads, a listicle's numbers) make
    one article, however much its sections differ."""
    pages = corpus_sample()
    long_bbc = pages[-300::2][:8]
    digest = [p for article in long_bbc for p in _without_crossheads(article)]
    step = len(digest) // 6
    for heading, at in zip(["History", "4", "What comes next", "6"], range(step, len(digest), step)):
        digest.insert(at, heading)
    assert split_stories(digest) == [0]
    paragraphs, _ = digest_003()
    assert split_stories(
        [*paragraphs[:100], "Background", *paragraphs[100:200], "Reaction", *paragraphs[200:]]
    ) == [0]


def test_short_pages_are_one_story() -> None:
    paragraphs, _ = digest_003()
    assert split_stories(paragraphs[:5]) == [0]
    assert split_stories([]) == [0]
    assert split_stories([""]) == [0]


# --- properties ----------------------------------------------------------------

_WORDS = st.sampled_from(
    "Russia Syria said the has been killed talks President Vladimir Putin a an of in "
    "rebels attack minister, says. “Quote” He However At least 30 people have".split()
)
_PARAGRAPH = st.lists(_WORDS, min_size=0, max_size=30).map(" ".join)
_ANY_TEXT = st.text(max_size=200)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_PARAGRAPH, _ANY_TEXT), max_size=80))
def test_split_is_well_formed_and_deterministic(paragraphs: list[str]) -> None:
    starts = split_stories(paragraphs)
    assert starts[0] == 0
    assert starts == sorted(set(starts))
    assert all(0 <= s < max(len(paragraphs), 1) for s in starts)
    assert split_stories(list(paragraphs)) == starts


@settings(max_examples=60, deadline=None)
@given(_ANY_TEXT)
def test_title_is_a_prefix_of_the_lead(lead: str) -> None:
    title = story_title(lead)
    normalised = " ".join(lead.split())
    assert len(title) <= 91
    assert normalised.startswith(title.removesuffix("…"))


# --- titles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        (
            "A Syrian truce has come into effect after five years of civil war.",
            "A Syrian truce has come into effect after five years of civil war",
        ),
        (
            "Russia has firmly rejected accusations of war crimes over the bombing of hospitals in Syria. Kremlin says no.",
            "Russia has firmly rejected accusations of war crimes over the bombing of hospitals…",
        ),
        (
            "President Barack Obama has asked the Congress to approve $500 million to fund training and equipment.",
            "President Barack Obama has asked the Congress to approve $500 million to fund training…",
        ),
        (
            "At least 58 people, including 11 children, have been killed and dozens wounded in a suspected chemical attack in rebel-held Syrian town of Idlib, the Syrian Observatory for Human Rights says.",
            "At least 58 people, including 11 children…",
        ),
        ("  Mr. Putin met U.S. envoys   in Moscow. ", "Mr. Putin met U.S. envoys in Moscow"),
        ("Photo AP", "Photo AP"),
        ("", ""),
    ],
)
def test_story_title(lead: str, title: str) -> None:
    assert story_title(lead) == title

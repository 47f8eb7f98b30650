"""Markdown export: golden files on the seeds, escaping of hostile article text
(checked by parsing the output as CommonMark), front matter, atomic writes."""

from __future__ import annotations

import json
import os
import re
import stat
from itertools import count
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.export import (
    ExportError,
    ExportExists,
    escape_line,
    render_markdown,
    write_atomically,
    yaml_string,
)
from reader.highlights.store import Highlight, HighlightStore
from reader.ingest.sanitize import clean_control_chars, terminal_safe
from reader.library import ArticleHighlights, HighlightFilter, Library, PlacedHighlight
from reader.paths import seeds_dir

GOLDEN = Path(__file__).parent / "golden"
# CommonMark, and the GFM extensions note apps add (tables, strikethrough, bare URLs
# and domains made links), so anything smuggled in by article text would show up.
commonmark = MarkdownIt("commonmark").use(front_matter_plugin)
gfm = MarkdownIt("gfm-like").use(front_matter_plugin)
markdown = gfm
PARSERS = pytest.mark.parametrize("parser", [commonmark, gfm], ids=["commonmark", "gfm-like"])


def parse(text: str, parser: MarkdownIt = gfm):
    return parser.parse(text)


def types(tokens) -> list[str]:
    return [t.type for t in tokens]


def make_highlight(quote: str, number: int = 1, note: str = "", tags: tuple[str, ...] = ()) -> Highlight:
    return Highlight(
        id=f"{number:08x}",
        article_id="abc123def456",
        path="/pages/page.txt",
        part=0,
        start=0,
        end=len(quote),
        quote=quote,
        prefix="",
        suffix="",
        note=note,
        tags=tags,
        created="2026-11-21T06:00:00Z",
        updated="2026-11-21T06:00:00Z",
    )


def make_group(quotes: list[str], title: str = "A page", **facts) -> ArticleHighlights:
    return ArticleHighlights(
        article_id="abc123def456",
        title=title,
        path=facts.pop("path", "/pages/page.txt"),
        part=0,
        source=facts.pop("source", "Wire"),
        date=facts.pop("date", "2015-10-02"),
        url=facts.pop("url", None),
        highlights=tuple(PlacedHighlight(make_highlight(q, i), ()) for i, q in enumerate(quotes, 1)),
    )


def blockquote_texts(tokens) -> list[list[str]]:
    """The text of each block quote's paragraphs, as the parser reads it, and a
    check that nothing but plain paragraphs of plain text is inside."""
    quotes: list[list[str]] = []
    depth = 0
    for token in tokens:
        if token.type == "blockquote_open":
            depth += 1
            assert depth == 1, "a block quote inside a block quote"
            quotes.append([])
        elif token.type == "blockquote_close":
            depth -= 1
        elif depth:
            assert token.type in ("paragraph_open", "paragraph_close", "inline"), token.type
            if token.type == "inline":
                assert {c.type for c in token.children} <= {"text"}, types(token.children)
                quotes[-1].append("".join(c.content for c in token.children))
    return quotes


INJECTIONS = [
    "# heading from the article",
    "<script>alert(1)</script>",
    "[link](http://evil.example) and ![img](x.png) and <http://auto.example>",
    "`code` and ``more code`` and ```",
    "> a quote of its own",
    "1985. The year it began",
    "1) also a list",
    "- bullet\n\n+ plus bullet\n\n* star bullet",
    "***",
    "---",
    "Title line\n\n===",
    "| a | b |\n\n|---|---|",
    "~~struck~~ and *emphasis* and __strong__ and _under_",
    "&amp; &copy; &#65; entities",
    "trailing backslash \\",
    "two trailing spaces  \nnext line",
    "    indented four spaces",
    "<div>block html</div>",
    "[ref]: http://evil.example",
    "$x^2$ maths and #tag and [[wiki link]] and ==mark==",
    "\\# escaped already and \\\\ double",
    "bare http://evil.com/x, www.evil.com, evil.com/path, news.bbc.co.uk and mail@evil.com",
    "HTTPS://EVIL.COM and javascript:alert(1) and mailto:x@y.org",
]


@PARSERS
@pytest.mark.parametrize("quote", INJECTIONS)
def test_article_text_cannot_make_structure(quote, parser):
    group = make_group([quote], title=quote, source=quote)
    text = render_markdown([group], front_matter=True, title=quote, filters={"query": quote})
    tokens = parse(text, parser)
    kinds = types(tokens)
    assert kinds.count("heading_open") == 2  # the document title and the article title
    assert kinds.count("blockquote_open") == 1
    assert kinds.count("front_matter") == 1
    for forbidden in ("html_block", "code_block", "fence", "table_open", "hr"):
        assert forbidden not in kinds, (forbidden, text)
    children = [c for t in tokens if t.type == "inline" for c in t.children]
    child_kinds = {c.type for c in children}
    for forbidden in ("html_inline", "link_open", "image", "s_open"):
        assert forbidden not in child_kinds, (forbidden, text)
    assert [c.type for c in children].count("code_inline") == 1  # the file path only
    # The passage reads back as it was written (white space collapsed).
    expected = [" ".join(p.split()) for p in re.split(r"\n\s*\n", quote) if p.strip()]
    assert blockquote_texts(tokens) == [expected]
    # Headings read back as the title.
    headings = [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert {c.type for c in headings[1].children} == {"text"}
    assert "".join(c.content for c in headings[1].children) == " ".join(quote.split())


paragraph_text = st.lists(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from(
        list("#>*_`[]()<>!|~-+=.&\\$:@/\n 0123456789") + ["http://", "www.", ".com", ".uk", "a"]
    )
    # what a hostile page or file name carries: escape sequences, C1 controls, bidi
    | st.sampled_from(
        ["\x1b]0;pwned\x07", "\x1b[2J", "\x1bc", "\x1b(0", "\x9b31m", "\u202e", "\x00", "\xad"]
    ),
    max_size=60,
).map("".join)


@PARSERS
@settings(max_examples=200, deadline=None)
@given(quotes=st.lists(paragraph_text.filter(str.strip), min_size=1, max_size=3), title=paragraph_text)
@example(quotes=["www.AA"], title="")  # "www." and a two-letter domain share one dot
def test_any_text_reads_back_as_text(parser, quotes, title):
    text = render_markdown([make_group(quotes, title=title)])
    tokens = parse(text, parser)
    kinds = types(tokens)
    assert kinds.count("heading_open") == 2 and kinds.count("blockquote_open") == len(quotes)
    assert "html_block" not in kinds and "code_block" not in kinds and "fence" not in kinds
    assert clean_control_chars(text) == text  # nothing a terminal would act on
    expected = [
        [" ".join(p.split()) for p in re.split(r"\n\s*\n", terminal_safe(q)) if p.strip()] for q in quotes
    ]
    # Unicode white space collapses like ASCII white space in escape_line.
    assert blockquote_texts(tokens) == [[" ".join(p.split()) for p in e] for e in expected]
    title_inline = tokens[kinds.index("heading_open", 2) + 1]
    assert {c.type for c in title_inline.children} <= {"text"}
    assert "".join(c.content for c in title_inline.children) == (
        " ".join(terminal_safe(title).split()) or "Untitled"
    )


def test_escape_line_examples():
    assert escape_line("1985. The year") == "1985\\. The year"
    assert escape_line("3.5 percent") == "3.5 percent"
    assert escape_line("- dash  and\n\nnewlines ") == "\\- dash and newlines"
    assert escape_line("<b>&amp;</b>") == "\\<b\\>\\&amp;\\</b\\>"
    assert escape_line("Russia’s “plan”") == "Russia’s “plan”"


def test_url_only_links_when_safe():
    safe = render_markdown([make_group(["x"], url="https://example.com/a?b=1")])
    assert "<https://example.com/a?b=1>" in safe
    for bad in ("javascript:alert(1)", "https://x.example/<script>", "http://a b"):
        tokens = parse(render_markdown([make_group(["x"], url=bad)]))
        links = [c for t in tokens if t.type == "inline" for c in t.children if c.type == "link_open"]
        assert links == [], bad


def test_path_with_backticks_stays_one_code_span():
    tokens = parse(render_markdown([make_group(["x"], path="/pages/we`ird``name.txt")]))
    spans = [c.content for t in tokens if t.type == "inline" for c in t.children if c.type == "code_inline"]
    assert spans == ["/pages/we`ird``name.txt"]


def test_front_matter_is_yaml_json_subset():
    group = make_group(["x"])
    group = ArticleHighlights(
        **{
            **{s: getattr(group, s) for s in group.__slots__},
            "highlights": (PlacedHighlight(make_highlight("x", tags=("syria", 'a"b')), ("Vladimir Putin",)),),
        }
    )
    text = render_markdown(
        [group],
        True,
        title='Notes: "Syria"\u2028',
        filters={"person": "putin"},
        exported="2026-11-21T06:00:00Z",
    )
    [front] = [t for t in parse(text) if t.type == "front_matter"]
    values = {}
    for line in front.content.splitlines():
        key, _, value = line.partition(":")
        if value.strip():
            values[key.strip()] = json.loads(value)  # JSON scalars and lists are YAML flow values
    assert values == {
        "title": 'Notes: "Syria"',  # one line: a line separator is no part of a title
        "exported": "2026-11-21T06:00:00Z",
        "person": "putin",
        "articles": 1,
        "passages": 1,
        "tags": ["syria", 'a"b'],
        "people": ["Vladimir Putin"],
    }
    assert "\u2028" not in front.content
    assert yaml_string("a\nb\x1b[2J") == '"a b"'  # one line, no escape sequence


# -- golden files on the seeds ----------------------------------------------

GOLDEN_HIGHLIGHTS = [
    # (article, quote, note, tags)
    (
        "000",
        "The Americans accused Russia of striking moderate rebel factions fighting Bashar al-Assad's "
        "Syrian regime",
        "Who the strikes hit",
        ["russia", "diplomacy"],
    ),
    ("002", "Both men said they were hopeful of reaching an accord.", "", ["kerry"]),
    ("002", "“The Russians want Assad to stay,” Mr. Tabler said.", "Tabler's view: <b>blunt</b>", []),
    ("003#3", "At least 58 people, including 11 children", "", ["idlib"]),
    (
        "004",
        "As Vladimir Putin travelled to Paris for talks with French president Francois Hollande",
        "# not a heading, *not* emphasis",
        ["russia", "france"],
    ),
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export") / "lib"
    library = Library.open(folder)
    ticks = count()
    ids = count(1)
    store = HighlightStore(
        folder,
        clock=lambda: f"2026-11-{20 + next(ticks) // 3:02d}T10:00:00Z",
        new_id=lambda: f"{next(ids):08x}",
    )
    for ref, quote, note, tags in GOLDEN_HIGHLIGHTS:
        store.add_quote(library.article(ref), quote, note=note, tags=tags)
    # a passage over two paragraphs
    body = library.article("001").article.body
    store.add(library.article("001"), 0, body.index("\n\n", body.index("\n\n") + 2), note="the lead")
    yield library, store
    store.close()
    library.close()


def normalised(text: str, library: Library) -> str:
    """Machine-specific parts (where the seeds are, ids derived from that) replaced."""
    for stored in library.store.iter_articles():
        name = os.path.basename(stored.article.path)[:3] + f"#{stored.article.part}"
        text = text.replace(stored.id, f"ID-{name}")
    return text.replace(str(seeds_dir()), "SEEDS")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("front_matter", [False, True])
def test_golden_seed_export(seeded, front_matter):
    library, _store = seeded
    groups = library.select_highlights()
    text = render_markdown(
        groups, front_matter, exported="2026-11-22T09:30:00Z", filters=HighlightFilter().describe()
    )
    check_golden(f"seeds{'_front_matter' if front_matter else ''}.md", normalised(text, library))
    tokens = parse(text)
    kinds = types(tokens)
    assert kinds.count("heading_open") == 1 + 5  # title + five articles
    assert kinds.count("blockquote_open") == 6
    assert "html_block" not in kinds
    assert blockquote_texts(tokens)[0] == [GOLDEN_HIGHLIGHTS[0][1]]


def test_golden_filtered_export(seeded):
    library, _store = seeded
    wanted = HighlightFilter(person="kerry", since="2026-11-21")
    groups = library.select_highlights(wanted)
    text = render_markdown(groups, True, exported="2026-11-22T09:30:00Z", filters=wanted.describe())
    check_golden("seeds_kerry_since.md", normalised(text, library))


# -- writing ------------------------------------------------------------------


def test_write_atomically_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "notes.md"
    assert write_atomically(target, "one\n") == target
    assert target.read_text() == "one\n" and oct(target.stat().st_mode & 0o777) == "0o644"
    with pytest.raises(ExportExists, match=r"notes\.md exists; use --force to overwrite it"):
        write_atomically(target, "two\n")
    assert target.read_text() == "one\n"
    target.chmod(0o600)
    write_atomically(target, "two\n", force=True)
    assert target.read_text() == "two\n" and oct(target.stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]  # no temporary left


def test_write_atomically_errors(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_atomically(tmp_path / "missing" / "x.md", "x")
    with pytest.raises(ExportError, match="is a folder"):
        write_atomically(tmp_path, "x", force=True)


def test_failed_write_leaves_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "notes.md"
    target.write_text("old\n")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ExportError, match=r"disk full while writing .*notes\.md; nothing was lost"):
        write_atomically(target, "new\n", force=True)
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


@pytest.mark.parametrize("force", [False, True])
def test_force_never_replaces_a_device_or_a_fifo(tmp_path, force):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (fifo, Path("/dev/null")):
        with pytest.raises(
            ExportError, match="is not a regular file; notes are written to regular files only"
        ):
            write_atomically(target, "text\n", force=force)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_golden_seed_export_by_person(seeded):
    """--by person: one section per speaker, the most highlighted first, passages
    that are nobody's words last; each passage says which article it is from."""
    library, _store = seeded
    text = render_markdown(library.select_highlights(), exported="2026-11-22T09:30:00Z", by="person")
    check_golden("seeds_by_person.md", normalised(text, library))
    tokens = parse(text)
    headings = [t.content for i, t in enumerate(tokens) if i and tokens[i - 1].type == "heading_open"]
    assert headings == ["Highlights", "Andrew J. Tabler", "Not the words of anyone named"]
    assert types(tokens).count("blockquote_open") == 6
    with pytest.raises(ValueError):
        render_markdown(library.select_highlights(), by="date")

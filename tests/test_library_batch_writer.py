"""The workers' batch writer writes the segment Whoosh's own writer writes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_library_support import stored_docs

from reader.library import index as idx
from reader.library.schema import name_analyzer, name_positions, text_analyzer


def whoosh_segment(folder: Path, articles) -> None:
    """What build_segment did before the batch writer: Whoosh's writer."""
    ix = idx.create_index(folder)
    writer = idx.open_writer(ix)
    for stored in articles:
        writer.add_document(**idx.document(stored))
    writer.commit()
    ix.close()


def segment_files(folder: Path, segment_id: str) -> dict[str, bytes]:
    return {
        file.name.replace(segment_id, "SEGMENT"): file.read_bytes()
        for file in folder.iterdir()
        if file.name.startswith(segment_id)
    }


def test_the_batch_writer_writes_the_segment_whooshs_writer_writes(tmp_path):
    articles = stored_docs(tmp_path / "docs")
    # Besides the English articles: one in another language, one with CJK text
    # (both analysed by Whoosh's chain), one undated with no entities.
    first = articles[0]
    articles += [
        replace(first, id="other", article=replace(first.article, language="fr", title="Le pétrole monte")),
        replace(
            first, id="cjk", article=replace(first.article, body="中国经济 grows, 中国 exports", date=None)
        ),
        replace(first, id="bare", entities=(), article=replace(first.article, date=None, source=None)),
    ]
    assert_same_segment(tmp_path, articles)


def test_terms_of_many_postings_are_written_in_blocks_as_whoosh_writes_them(tmp_path):
    # More than one block of postings (Whoosh's blocks hold 128) for the common
    # words, dates and sources; weights that differ within a block and weights all
    # the same; blocks small enough to stay uncompressed and large enough not to.
    first = stored_docs(tmp_path / "docs")[0]
    articles = []
    for number in range(256):  # 256 and 128 postings: blocks exactly full
        words = " ".join(f"word{number % divisor}x{divisor}" for divisor in (1, 2, 7, 150))
        body = f"{'Oil prices rose. ' * (1 + number % 4)}{words}. Putin spoke in Moscow."
        articles.append(
            replace(
                first,
                id=f"doc{number}",
                article=replace(
                    first.article,
                    title=f"Oil report {number % 3}",
                    body=body,
                    date=f"2015-10-{1 + number % 2:02d}" if number % 5 else None,
                    source="Reuters" if number % 4 else None,
                ),
                entities=first.entities if number % 3 else (),
            )
        )
    assert_same_segment(tmp_path, articles)


def assert_same_segment(tmp_path: Path, articles) -> None:
    segment = idx.build_segment(tmp_path / "batch", articles)
    whoosh_segment(tmp_path / "whoosh", articles)
    from whoosh import index as whoosh_index

    reference = whoosh_index.open_dir(str(tmp_path / "whoosh"))
    with reference.reader() as reader:
        reference_id = reader.segment().segment_id()
    reference.close()
    ours = segment_files(tmp_path / "batch", segment.segment_id())
    theirs = segment_files(tmp_path / "whoosh", reference_id)
    assert sorted(ours) == sorted(theirs)
    for name in theirs:
        assert ours[name] == theirs[name], name


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab Isthe.,'-\n*3éx"), max_size=60))
def test_term_positions_are_the_analyzers_tokens(text):
    analyzer = text_analyzer()
    expected: dict[str, list[int]] = {}
    for token in analyzer(text, positions=True):
        expected.setdefault(token.text, []).append(token.pos)
    assert analyzer.positions(text) == expected


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab IsA.,'-\n*3éÉİΣx"), max_size=60))
def test_name_positions_are_the_name_analyzers_tokens(text):
    expected: dict[str, list[int]] = {}
    for token in name_analyzer()(text, positions=True):
        expected.setdefault(token.text, []).append(token.pos)
    assert name_positions(text) == expected


def test_text_with_cjk_has_no_quick_positions():
    assert text_analyzer().positions("中国经济 grows") is None

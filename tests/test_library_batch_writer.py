"""The workers' batch writer writes the segment Whoosh's own writer writes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_library_support import stored_docs

from reader.library import index as idx
from reader.library.schema import text_analyzer


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


def test_text_with_cjk_has_no_quick_positions():
    assert text_analyzer().positions("中国经济 grows") is None

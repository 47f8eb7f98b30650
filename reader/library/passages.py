"""Where a hit matched: best passages (character offsets into the body) and a snippet.

The body is re-analysed with the index's own analyzer, so a query for "strikes"
marks "strike", "striking" and "struck"-less stems alike, exactly as the index
matched them.
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh.highlight import BasicFragmentScorer, ContextFragmenter, set_matched_filter, top_fragments

SNIPPET_MARK = "**"
_PASSAGE_CHARS = 240
_CONTEXT_CHARS = 70


@dataclass(frozen=True, slots=True)
class Passage:
    start: int
    end: int
    marks: tuple[tuple[int, int], ...]  # matched terms, offsets into the body

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "marks": [list(m) for m in self.marks]}


def matched_spans(text: str, terms: frozenset[str], analyzer) -> list[tuple[int, int]]:
    """Every place in ``text`` where a token analyses to one of ``terms``."""
    if not terms:
        return []
    return [
        (token.startchar, token.endchar)
        for token in analyzer(text, chars=True, mode="query", removestops=False)
        if token.text in terms
    ]


def best_passages(text: str, terms: frozenset[str], analyzer, top: int = 3) -> list[Passage]:
    """Up to ``top`` passages with the most matched terms, in reading order."""
    if not terms or not text:
        return []
    tokens = analyzer(text, chars=True, mode="query", removestops=False)
    fragmenter = ContextFragmenter(maxchars=_PASSAGE_CHARS, surround=_CONTEXT_CHARS, charlimit=None)
    fragments = fragmenter.fragment_tokens(text, set_matched_filter(tokens, terms))
    chosen = top_fragments(fragments, top, BasicFragmentScorer(), order=lambda f: f.startchar, minscore=1)
    return [
        Passage(
            start=f.startchar,
            end=f.endchar,
            marks=_merged((m.startchar, m.endchar) for m in f.matches),
        )
        for f in chosen
    ]


def _merged(spans) -> tuple[tuple[int, int], ...]:
    """Overlapping marks as one (CJK character pairs overlap by a character)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def snippet(text: str, passage: Passage | None, fallback_chars: int = 200) -> str:
    """The passage as one line, matched terms between ``**``; the opening of the text
    when nothing matched in the body (a title-only or field-only match)."""
    if passage is None:
        opening = " ".join(text[:fallback_chars].split())
        return opening + ("…" if len(text) > fallback_chars else "")
    pieces = []
    cursor = passage.start
    for start, end in passage.marks:
        pieces.append(text[cursor:start])
        pieces.append(f"{SNIPPET_MARK}{text[start:end]}{SNIPPET_MARK}")
        cursor = end
    pieces.append(text[cursor : passage.end])
    line = " ".join("".join(pieces).split())
    if passage.start > 0:
        line = "…" + line
    if passage.end < len(text):
        line = line + "…"
    return line

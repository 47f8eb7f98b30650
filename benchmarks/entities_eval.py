"""Precision, recall and F1 of ``reader.entities.extract`` against gold annotations.

    python benchmarks/entities_eval.py [FILE.jsonl] [--errors]
    python benchmarks/entities_eval.py --conll FILE     # a CoNLL-2003 style file

A mention counts only with the exact span and label of a gold one. Three sets of
corpus paragraphs, drawn by fixed random seeds and annotated by hand, in the order
they were made: tests/data/entities_dev.jsonl (44 paragraphs; the rules were tuned
on it), entities_heldout.jsonl (22; its first reading was blind, later rules saw
its errors) and entities_blind.jsonl (22; read once before the last few rules).
Annotation: PERSON (names without titles: "John Kerry" of "Secretary John
Kerry"), ORG (companies, agencies, parties, outlets, teams' clubs), PLACE (countries,
cities, regions, geographic names); nationalities, events, products and titles of
works are not annotated, and a possessive "'s" is outside the span.

With --conll, tokens are joined with single spaces into one text per sentence; PER,
ORG and LOC are gold PERSON, ORG and PLACE; MISC spans are left out of the count
(a prediction overlapping one is ignored rather than counted wrong).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from reader.entities import LABELS, extract

DEFAULT_DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "entities_dev.jsonl"
CONLL_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "MISC": "MISC"}

Span = tuple[int, int, str]


def load_dev(path: Path) -> list[tuple[str, set[Span], set[tuple[int, int]]]]:
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold = {(e["start"], e["end"], e["label"]) for e in record["entities"]}
            documents.append((record["text"], gold, set()))
    return documents


def load_conll(path: Path) -> list[tuple[str, set[Span], set[tuple[int, int]]]]:
    documents = []
    tokens: list[tuple[str, str]] = []

    def flush() -> None:
        if not tokens:
            return
        text, gold, ignored = "", set(), set()
        open_span: list | None = None
        for word, tag in tokens:
            start = len(text) + (1 if text else 0)
            text = f"{text} {word}" if text else word
            kind = tag[2:] if tag != "O" else None
            begins = tag.startswith("B-") or (
                tag.startswith("I-") and (open_span is None or open_span[2] != kind)
            )
            if open_span is not None and (kind is None or begins):
                _close(open_span, gold, ignored)
                open_span = None
            if kind is not None:
                if open_span is None:
                    open_span = [start, len(text), kind]
                else:
                    open_span[1] = len(text)
        if open_span is not None:
            _close(open_span, gold, ignored)
        documents.append((text, gold, ignored))
        tokens.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("-DOCSTART-"):
            flush()
            continue
        columns = line.split()
        tokens.append((columns[0], columns[-1]))
    flush()
    return documents


def _close(span: list, gold: set[Span], ignored: set[tuple[int, int]]) -> None:
    label = CONLL_LABELS.get(span[2])
    if label == "MISC":
        ignored.add((span[0], span[1]))
    elif label:
        gold.add((span[0], span[1], label))


def evaluate(documents, show_errors: bool = False) -> dict[str, tuple[float, float, float, int]]:
    true_positive: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    for text, gold, ignored in documents:
        found = {(m.start, m.end, m.label) for m in extract(text)}
        found = {s for s in found if not any(s[0] < end and start < s[1] for start, end in ignored)}
        for label in LABELS:
            g = {s for s in gold if s[2] == label}
            f = {s for s in found if s[2] == label}
            true_positive[label] += len(g & f)
            predicted[label] += len(f)
            expected[label] += len(g)
        if show_errors:
            for start, end, label in sorted(found - gold):
                print(f"  extra   {label:6} {text[start:end]!r}")
            for start, end, label in sorted(gold - found):
                print(f"  missed  {label:6} {text[start:end]!r}")
    scores = {}
    for label in (*LABELS, "ALL"):
        if label == "ALL":
            tp, p, e = sum(true_positive.values()), sum(predicted.values()), sum(expected.values())
        else:
            tp, p, e = true_positive[label], predicted[label], expected[label]
        precision = tp / p if p else 0.0
        recall = tp / e if e else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = (precision, recall, f1, e)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--conll", action="store_true", help="the file is CoNLL-2003 style")
    parser.add_argument("--errors", action="store_true", help="list extra and missed mentions")
    args = parser.parse_args()
    documents = load_conll(args.path) if args.conll else load_dev(args.path)
    scores = evaluate(documents, args.errors)
    print(f"{len(documents)} documents from {args.path}")
    print(f"{'label':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for label, (precision, recall, f1, count) in scores.items():
        print(f"{label:8} {precision:6.3f} {recall:6.3f} {f1:6.3f} {count:6d}")


if __name__ == "__main__":
    main()

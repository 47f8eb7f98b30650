"""Token F1 between a cleaned body and a true body: the measure the cleaner is judged by.

Bag-of-words overlap (lower-cased word tokens, counted with multiplicity), the
usual measure for boilerplate removal (CleanEval, trafilatura's benchmark).
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def token_f1(predicted: str, gold: str) -> float:
    """F1 of the token bags; 1.0 when both are empty."""
    got, want = tokens(predicted), tokens(gold)
    if not got and not want:
        return 1.0
    overlap = sum((got & want).values())
    if overlap == 0:
        return 0.0
    precision = overlap / sum(got.values())
    recall = overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)

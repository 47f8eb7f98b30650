"""Stories: articles about the same event, grouped.

Two articles are linked when they share enough distinctive terms (see
:mod:`reader.stories.terms`) and, when both are dated, were published within
:data:`WINDOW_DAYS` of each other; copies are always linked. A link scoring below
:data:`LINK_THRESHOLD` but at least :data:`WEAK_LINK` is weak: it never brings an
article into a story, but it counts in the mean link between two groups (a piece
that links strongly to one article of a story and nearly to the others is of it). A term is distinctive
when few articles of the library have it: at most :func:`rare_cap` of them, a cap
that grows with the library in powers of two. The link score is the weight of the
distinctive terms the two share over the geometric mean of the weight of each
one's distinctive terms.

Stories come from the links in two steps, both functions of the final library
only, so the order articles were added never matters:

1. the connected components of the links;
2. within each, links are taken best first (ties by id) and join two groups unless
   the joined group's dated articles would span more than :data:`STORY_SPAN_DAYS`
   (undated articles in between cannot chain a week's events into one story), or
   the mean link between the two groups, weak links included, is below
   :data:`MIN_MEAN_LINK` (a chain of pieces on one subject is not one event). Copies
   always join.

Copies of one text are one text: only one of them (the smallest id) counts for
its terms and gets term links, the others join it by their copy links, and group
sizes for the mean link count texts.

Incremental: adding, changing or removing articles changes only their own links,
and the links of articles sharing a term whose distinctiveness flipped (its count
crossed the cap, or the cap moved); only the components those touch are grouped
again.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from reader.stories.terms import term_weight

RARE_SHARE = 512  # a distinctive term is in at most 1/512 of the library…
MIN_RARE_CAP = 6  # …or in at most this many articles of a small library
LINK_THRESHOLD = 0.15
WEAK_LINK = 0.10  # a weak link: counted in the mean link, never joining by itself
MIN_SHARED_TERMS = 4
# Two short pieces sharing a name or two are not one event however high their score.
MIN_SHARED_WEIGHT = 5.0
WINDOW_DAYS = 4
STORY_SPAN_DAYS = 7
# Two groups join only if the mean link score over all their pairs (a missing link
# counts 0) reaches this: a chain of pieces on one subject (a season of rugby
# reports) is not one event, however well each piece links to the next.
MIN_MEAN_LINK = 0.07
# A short piece (a digest's paragraph) is scored as if it had this much distinctive
# weight: otherwise any two names it shares would be most of it.
MIN_NORMALISING_WEIGHT = 30.0
COPY_SCORE = 2.0  # above any term score: copies link first

Node = TypeVar("Node", str, int)


def rare_cap(articles: int) -> int:
    """How many articles a distinctive term may be in, for a library of
    ``articles``; moves only when the library doubles, so that the terms whose
    distinctiveness changes (and the links to recompute) stay few."""
    power = 1 << max(articles, 1).bit_length() - 1
    return max(MIN_RARE_CAP, power // RARE_SHARE)


def is_rare(count: int, cap: int) -> bool:
    return count <= cap


@dataclass(frozen=True, slots=True)
class Link:
    a: str  # the smaller id
    b: str
    score: float
    copy: bool = False

    @property
    def strong(self) -> bool:
        """A link that can bring an article into a story (not a weak one)."""
        return self.copy or self.score >= LINK_THRESHOLD


def distinctive_weight(terms: Iterable[str], counts: Mapping[str, int], cap: int) -> float:
    return sum(term_weight(t) for t in terms if is_rare(counts.get(t, 1), cap))


def links_of(
    article: str,
    terms: Iterable[str],
    counts: Mapping[str, int],
    cap: int,
    postings: Callable[[str], Iterable[str]],
    weights: Mapping[str, float],
    days: Mapping[str, int | None],
) -> list[Link]:
    """The term links of ``article``: ``postings(term)`` gives the articles with a
    term, ``weights`` each candidate's distinctive weight, ``days`` its date."""
    shared: dict[str, float] = {}
    shared_count: dict[str, int] = {}
    for term in terms:
        if not is_rare(counts.get(term, 1), cap):
            continue
        weight = term_weight(term)
        for other in postings(term):
            if other != article:
                shared[other] = shared.get(other, 0.0) + weight
                shared_count[other] = shared_count.get(other, 0) + 1
    own = weights.get(article, 0.0)
    own_day = days.get(article)
    links = []
    for other, total in shared.items():
        if shared_count[other] < MIN_SHARED_TERMS or total < MIN_SHARED_WEIGHT:
            continue
        other_weight = weights.get(other, 0.0)
        if not own or not other_weight:
            continue
        score = total / math.sqrt(
            max(own, MIN_NORMALISING_WEIGHT) * max(other_weight, MIN_NORMALISING_WEIGHT)
        )
        if score < WEAK_LINK:
            continue
        other_day = days.get(other)
        if own_day is not None and other_day is not None and abs(own_day - other_day) > WINDOW_DAYS:
            continue
        a, b = sorted((article, other))
        links.append(Link(a, b, round(score, SCORE_DIGITS)))
    return links


def components(nodes: Iterable[Node], neighbours: Callable[[Node], Iterable[Node]]) -> list[list[Node]]:
    """Connected components reachable from ``nodes``, each sorted."""
    seen: set[Node] = set()
    found = []
    for start in sorted(nodes):
        if start in seen:
            continue
        seen.add(start)
        stack, members = [start], []
        while stack:
            node = stack.pop()
            members.append(node)
            for other in neighbours(node):
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        found.append(sorted(members))
    return found


def group(
    members: list[str],
    links: Iterable[Link],
    days: Mapping[str, int | None],
    texts: Collection[str] | None = None,
) -> list[list[str]]:
    """Split one connected component into stories (step 2 above); each story
    sorted, stories in order of their first id. ``texts``: the members that stand
    for a text (one per group of copies); a group's size for the mean link counts
    only those (all members when None)."""
    parent = {m: m for m in members}
    size = {m: 1 if texts is None or m in texts else 0 for m in members}
    span: dict[str, tuple[int, int] | None] = {
        m: (d, d) if (d := days.get(m)) is not None else None for m in members
    }
    links = list(links)
    ordered = sorted((k for k in links if k.strong), key=lambda k: (not k.copy, -k.score, k.a, k.b))
    # Sum of the link scores between two groups (by their roots), weak links too,
    # kept up to date as groups merge: the mean link decides whether they join.
    between: dict[str, dict[str, float]] = {m: {} for m in members}
    for link in links:
        between[link.a][link.b] = between[link.a].get(link.b, 0.0) + link.score
        between[link.b][link.a] = between[link.b].get(link.a, 0.0) + link.score

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for link in ordered:
        ra, rb = root(link.a), root(link.b)
        if ra == rb:
            continue
        if not link.copy:
            joined = _joined_span(span[ra], span[rb])
            if joined is not None and joined[1] - joined[0] > STORY_SPAN_DAYS:
                continue
            if between[ra].get(rb, 0.0) / max(1, size[ra] * size[rb]) < MIN_MEAN_LINK:
                continue
        keep, gone = sorted((ra, rb))
        parent[gone] = keep
        size[keep] += size[gone]
        span[keep] = _joined_span(span[ra], span[rb])
        for other, total in between.pop(gone).items():
            if other == keep:
                continue
            between[other].pop(gone, None)
            between[other][keep] = between[other].get(keep, 0.0) + total
            between[keep][other] = between[other][keep]
        between[keep].pop(gone, None)
    stories: dict[str, list[str]] = {}
    for member in members:
        stories.setdefault(root(member), []).append(member)
    return sorted((sorted(s) for s in stories.values()), key=lambda s: s[0])


def _joined_span(left: tuple[int, int] | None, right: tuple[int, int] | None) -> tuple[int, int] | None:
    if left is None:
        return right
    if right is None:
        return left
    return min(left[0], right[0]), max(left[1], right[1])


SCORE_DIGITS = 6  # link scores are kept to this many decimals


def story_id(members: Iterable[str], content_key: Mapping[str, str]) -> str:
    """A story's id, from its members' contents only (``content_key``: a member's
    text, say its file's digest and its place in the file): the same articles give
    the same id wherever their files are, so a library made from the same files
    elsewhere names its stories alike."""
    first = min(members, key=lambda m: (content_key.get(m, ""), m))
    return "s" + hashlib.sha1((content_key.get(first) or first).encode()).hexdigest()[:9]

"""Turn what the headless modules found (entities, query matches, aligned passages)
into the marks the article view paints, and the legend that explains them."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widget import Widget

from reader.library import EntitySpan
from reader.tui.widgets.article_view import Mark

ENTITY_LAYERS = {"PERSON": "person", "ORG": "org", "PLACE": "place"}
LEGEND = (("person", "person"), ("org", "organisation"), ("place", "place"))


def entity_marks(entities: Iterable[EntitySpan], shared_people: frozenset[str] = frozenset()) -> list[Mark]:
    marks = []
    for span in entities:
        layer = ENTITY_LAYERS.get(span.label)
        if layer is None:
            continue
        if span.label == "PERSON" and span.name in shared_people:
            layer = "shared"
        marks.append(Mark(span.start, span.end, layer))
    return marks


def span_marks(spans: Iterable[tuple[int, int]], layer: str) -> list[Mark]:
    return [Mark(start, end, layer) for start, end in spans]


def legend(view: Widget, shown: bool, shared: bool = False, key: str = "e") -> Text:
    """The colour key of the entity highlights, styled like the marks themselves;
    ``key`` toggles them (as bound now)."""
    text = Text()
    if not shown:
        text.append(f"entities hidden · {key} shows them", style="dim")
        return text
    items = list(LEGEND)
    if shared:
        items.append(("shared", "person in both"))
    for number, (layer, label) in enumerate(items):
        if number:
            text.append("  ")
        text.append(f" {label} ", style=view.get_component_rich_style(f"article-view--{layer}", partial=True))
    text.append(f"  · {key} hides", style="dim")
    return text

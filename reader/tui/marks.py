"""Turn what the headless modules found (entities, query matches, aligned passages)
into the marks the article view paints, and the legend that explains them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual.widget import Widget

from reader.ingest.sanitize import terminal_safe
from reader.library import EntitySpan, StoredArticle
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


def quote_marks(stored: StoredArticle, current: int = -1) -> list[Mark]:
    """Every quote of the article in the quote style; the current one stands out,
    and so does the mention naming its speaker."""
    marks = [Mark(q.start, q.end, "quote") for q in stored.quotes]
    if 0 <= current < len(stored.quotes):
        quote = stored.quotes[current]
        marks.append(Mark(quote.start, quote.end, "quote-current"))
        speaker = stored.speaker(quote)
        if speaker is not None:
            marks.append(Mark(speaker.start, speaker.end, "speaker"))
    return marks


def quote_status(stored: StoredArticle, index: int, hint: Callable[[str], str]) -> Text:
    """ "quote 2/7 · Sergei Lavrov · \" next": who said the current quote; ``hint``
    gives the keys bound to a binding id."""
    quote = stored.quotes[index]
    speaker = stored.speaker(quote)
    text = Text(f"quote {index + 1}/{len(stored.quotes)} · ")
    if speaker is not None:
        who = terminal_safe(speaker.name, one_line=True)
        kind = {"ORG": " (organisation)", "PLACE": " (government)"}.get(speaker.label, "")
        text.append(who + kind, style="bold")
        if quote.cue and quote.cue != speaker.text and quote.cue != speaker.name:
            text.append(f" ({terminal_safe(quote.cue, one_line=True)})", style="dim")
    elif quote.cue:
        text.append(f"not named: {terminal_safe(quote.cue, one_line=True)}", style="dim")
    else:
        text.append("speaker not found", style="dim")
    if quote.partial:
        text.append(" · fragment", style="dim")
    text.append(f" · {hint('next_quote')} next · {hint('previous_quote')} previous", style="dim")
    return text

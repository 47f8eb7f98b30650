"""The side panel of an article: its people (with mention counts), organisations
and places. Choosing one posts ``EntityChosen``; a correction key on a person
(not a person, rename, merge, undo) posts ``CorrectionAsked``; the screen decides
what to do."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.ingest.sanitize import terminal_safe
from reader.library import EntitySpan
from reader.tui import keys
from reader.tui.contrast import LegibleOptionList

SECTIONS = (("PERSON", "People"), ("ORG", "Organisations"), ("PLACE", "Places"))
_SEPARATOR = "\x1f"  # option ids hold label and name; names never contain it


class EntityPanel(LegibleOptionList):
    COMPONENT_CLASSES = {"entity-panel--heading", "entity-panel--count", "entity-panel--shared"}
    BINDINGS: ClassVar[list[BindingType]] = [*keys.PEOPLE_PANEL]

    @dataclass
    class CorrectionAsked(Message):
        """``action`` is one of not-a-person, rename, merge, undo; ``name`` the person."""

        panel: EntityPanel
        action: str
        name: str

        @property
        def control(self) -> EntityPanel:
            return self.panel

    @dataclass
    class EntityChosen(Message):
        panel: EntityPanel
        label: str
        name: str

        @property
        def control(self) -> EntityPanel:
            return self.panel

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entities: tuple[EntitySpan, ...] = ()
        self._shared: frozenset[str] = frozenset()

    def show(self, entities: tuple[EntitySpan, ...], shared_people: frozenset[str] = frozenset()) -> None:
        self._entities = entities
        self._shared = shared_people
        self._rebuild()

    def restyle(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        counts: dict[str, Counter] = {label: Counter() for label, _ in SECTIONS}
        for span in self._entities:
            if span.label in counts:
                counts[span.label][span.name] += 1
        heading = self.get_component_rich_style("entity-panel--heading", partial=True)
        count_style = self.get_component_rich_style("entity-panel--count", partial=True)
        shared_style = self.get_component_rich_style("entity-panel--shared", partial=True)
        options: list[Option | None] = []
        for label, title in SECTIONS:
            names = counts[label].most_common()
            options.append(Option(Text(f"{title} ({len(names)})", style=heading), disabled=True))
            for name, count in names:
                prompt = Text(
                    terminal_safe(name, one_line=True), style=shared_style if name in self._shared else ""
                )
                prompt.append(f" {count}", style=count_style)
                options.append(Option(prompt, id=f"{label}{_SEPARATOR}{name}"))
        self.set_options(options)
        for index in range(self.option_count):
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                break

    def chosen(self) -> tuple[str, str] | None:
        """(label, name) of the highlighted entry."""
        if self.highlighted is None:
            return None
        label, _, name = (self.get_option_at_index(self.highlighted).id or "").partition(_SEPARATOR)
        return (label, name) if name else None

    def _ask(self, action: str) -> None:
        chosen = self.chosen()
        if chosen is None or chosen[0] != "PERSON":
            self.notify("choose a person in the panel first", severity="warning", timeout=3)
            return
        self.post_message(self.CorrectionAsked(self, action, chosen[1]))

    def action_not_a_person(self) -> None:
        self._ask("not-a-person")

    def action_rename_person(self) -> None:
        self._ask("rename")

    def action_merge_person(self) -> None:
        self._ask("merge")

    def action_undo_people(self) -> None:
        self.post_message(self.CorrectionAsked(self, "undo", ""))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        label, _, name = (event.option.id or "").partition(_SEPARATOR)
        if name:
            self.post_message(self.EntityChosen(self, label, name))

"""Small dialogs: the note and tags of a new highlight, the export path prompt, a
yes/no question (overwrite?) and a person's name (rename, merge)."""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Static

from reader.ingest.sanitize import terminal_safe
from reader.tui import keys

DEFAULT_EXPORT_PATH = "~/news-reader-notes.md"
_QUOTE_PREVIEW = 240


def split_tags(text: str) -> tuple[str, ...]:
    """Tags as typed: separated by commas or spaces, a leading # allowed."""
    return tuple(tag for tag in re.split(r"[,\s]+", text) if tag.strip("#"))


class NoteScreen(ModalScreen[tuple[str, tuple[str, ...]]]):
    """Asks for the note and tags of a highlight; escape keeps it without them."""

    BINDINGS = [*keys.HIGHLIGHT_NOTE]

    def __init__(self, quote: str) -> None:
        super().__init__(classes="dialog")
        self.quote = quote

    def compose(self) -> ComposeResult:
        shown = terminal_safe(self.quote, one_line=True)
        if len(shown) > _QUOTE_PREVIEW:
            shown = shown[:_QUOTE_PREVIEW] + "…"
        with Vertical(classes="dialog-box"):
            yield Static("Highlight", classes="dialog-title", markup=False)
            yield Static(Text(f"“{shown}”", style="italic"), classes="dialog-quote")
            yield Input(placeholder="note (optional)", id="note")
            yield Input(placeholder="tags, e.g. syria, diplomacy (optional)", id="tags")
            yield Static("enter: save · tab: next box · escape: no note", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Submitted)
    def _save(self) -> None:
        note = self.query_one("#note", Input).value
        tags = split_tags(self.query_one("#tags", Input).value)
        self.dismiss((note.strip(), tags))

    def action_skip_note(self) -> None:
        self.dismiss(("", ()))


class ExportScreen(ModalScreen[tuple[Path, bool] | None]):
    """The path to export to, and whether to start with YAML front matter."""

    BINDINGS = [*keys.EXPORT]

    def __init__(self, default_path: str = DEFAULT_EXPORT_PATH) -> None:
        super().__init__(classes="dialog")
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static("Export highlights to Markdown", classes="dialog-title", markup=False)
            yield Input(value=self.default_path, placeholder="file to write", id="export-path")
            yield Checkbox("YAML front matter", value=False, id="front-matter", compact=True)
            yield Static(
                "enter: export · tab, space: front matter · escape: cancel",
                classes="dialog-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def action_export(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self.notify("give a file to write", severity="warning", timeout=3)
            return
        self.dismiss((Path(text).expanduser(), self.query_one("#front-matter", Checkbox).value))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [*keys.CONFIRM]

    def __init__(self, question: str) -> None:
        super().__init__(classes="dialog")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.question, classes="dialog-title", markup=False)
            yield Static("y: yes · n or escape: no", classes="dialog-hint", markup=False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class PersonNameScreen(ModalScreen[str | None]):
    """Asks for a person's name: the new name (rename) or the other person (merge)."""

    BINDINGS = [*keys.PERSON_NAME]

    def __init__(self, title: str, value: str = "", placeholder: str = "a name") -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(terminal_safe(self.title_text, one_line=True), classes="dialog-title", markup=False)
            yield Input(value=self.value, placeholder=self.placeholder, id="person-name")
            yield Static("enter: save · escape: cancel", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#person-name", Input).focus()

    def action_submit(self) -> None:
        name = " ".join(self.query_one("#person-name", Input).value.split())
        self.dismiss(name or None)

    def action_cancel(self) -> None:
        self.dismiss(None)

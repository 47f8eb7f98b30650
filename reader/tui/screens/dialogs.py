"""Small dialogs: the note and tags of a highlight, the export path prompt, a
yes/no question (overwrite?), a person's name (rename, merge) and a choice from
a short list."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.ingest.sanitize import terminal_safe
from reader.tui import keys
from reader.tui.screens.base import ReaderModal

DEFAULT_EXPORT_PATH = "~/news-reader-notes.md"
_QUOTE_PREVIEW = 240


def split_tags(text: str) -> tuple[str, ...]:
    """Tags as typed: separated by commas or spaces, a leading # allowed."""
    return tuple(tag for tag in re.split(r"[,\s]+", text) if tag.strip("#"))


class NoteScreen(ReaderModal[tuple[str, tuple[str, ...]] | None]):
    """Asks for the note and tags of a highlight (a new one, or one to edit): enter
    saves, with or without them; escape closes without saving anything."""

    BINDINGS = [*keys.HIGHLIGHT_NOTE]

    def __init__(self, quote: str, note: str = "", tags: tuple[str, ...] = (), editing: bool = False) -> None:
        super().__init__(classes="dialog")
        self.quote = quote
        self.note = note
        self.tags = tags
        self.editing = editing

    def compose(self) -> ComposeResult:
        shown = terminal_safe(self.quote, one_line=True)
        if len(shown) > _QUOTE_PREVIEW:
            shown = shown[:_QUOTE_PREVIEW] + "…"
        title = "Edit the highlight's note and tags" if self.editing else "Highlight"
        with Vertical(classes="dialog-box"):
            yield Static(title, classes="dialog-title", markup=False)
            yield Static(Text(f"“{shown}”", style="italic"), classes="dialog-quote")
            yield Input(value=self.note, placeholder="note (optional)", id="note")
            yield Input(
                value=", ".join(self.tags), placeholder="tags, e.g. syria, diplomacy (optional)", id="tags"
            )
            app = self.app
            cancel = "keep it as it was" if self.editing else "no highlight"
            yield Static(
                f"{app.keys_of(keys.by_id('save_note'))}: save · tab: next box · "
                f"{app.keys_of(keys.by_id('cancel_note'))}: cancel ({cancel})",
                classes="dialog-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    def action_save_note(self) -> None:
        note = self.query_one("#note", Input).value
        tags = split_tags(self.query_one("#tags", Input).value)
        self.dismiss((note.strip(), tags))

    def action_cancel_note(self) -> None:
        self.dismiss(None)


class ExportScreen(ReaderModal[tuple[Path, bool] | None]):
    """The path to export to, and whether to start with YAML front matter."""

    BINDINGS = [*keys.EXPORT]

    def __init__(
        self,
        default_path: str = DEFAULT_EXPORT_PATH,
        what: str = "",
        title: str = "Export highlights to Markdown",
        front_matter: bool = True,
    ) -> None:
        super().__init__(classes="dialog")
        self.default_path = default_path
        self.what = what  # which highlights, when not all of them
        self.title_text = title
        self.front_matter = front_matter  # offered (a story's brief has none)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.what or "Every highlight of the library.", classes="dialog-quote", markup=False)
            yield Input(value=self.default_path, placeholder="file to write", id="export-path")
            if self.front_matter:
                yield Checkbox("YAML front matter", value=False, id="front-matter", compact=True)
            app = self.app
            toggle = "tab, space: front matter · " if self.front_matter else ""
            yield Static(
                f"{app.keys_of(keys.by_id('write_export'))}: export · {toggle}"
                f"{app.keys_of(keys.by_id('cancel_export'))}: cancel",
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
        front_matter = self.front_matter and self.query_one("#front-matter", Checkbox).value
        self.dismiss((Path(text).expanduser(), front_matter))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ReaderModal[bool]):
    BINDINGS = [*keys.CONFIRM]

    def __init__(self, question: str) -> None:
        super().__init__(classes="dialog")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.question, classes="dialog-title", markup=False)
            yes, no = (self.app.keys_of(keys.by_id(i)) for i in ("confirm_yes", "confirm_no"))
            yield Static(f"{yes}: yes · {no}: no", classes="dialog-hint", markup=False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class PersonNameScreen(ReaderModal[str | None]):
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
            save, cancel = (
                self.app.keys_of(keys.by_id(i)) for i in ("save_person_name", "cancel_person_name")
            )
            yield Static(f"{save}: save · {cancel}: cancel", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#person-name", Input).focus()

    def action_submit(self) -> None:
        name = " ".join(self.query_one("#person-name", Input).value.split())
        self.dismiss(name or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ReaderModal[Any]):
    """A short list to choose one from (enter, or a click); escape closes without."""

    BINDINGS = [*keys.CHOICE]

    def __init__(self, title: str, options: list[tuple[str, Any]]) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(
                *[
                    Option(terminal_safe(label, one_line=True), id=str(n))
                    for n, (label, _) in enumerate(self.options)
                ],
                id="choices",
            )
            close = self.app.keys_of(keys.by_id("close_choice"))
            yield Static(f"enter: choose · {close}: close", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#choices", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.options[int(event.option.id or 0)][1])

    def action_cancel_choice(self) -> None:
        self.dismiss(None)

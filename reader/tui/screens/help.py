"""Every key, by screen, as the keymap currently binds it, with the binding ids the
config file uses to remap them."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.keymap import config_path
from reader.tui import keys


def help_table(app) -> Table:
    table = Table(box=None, show_header=True, header_style="bold", expand=True, padding=(0, 2, 0, 0))
    table.add_column(Text("key"), no_wrap=True)
    table.add_column(Text("does"), ratio=1)
    table.add_column(Text("id, for [keys] in the config"), style="dim", no_wrap=True)
    for title, bindings in keys.SECTIONS:
        table.add_row(Text(title, style="bold underline"), "", "")
        for binding in bindings:
            table.add_row(
                Text(app.keys_of(binding), style="bold"),
                Text(binding.tooltip or binding.description),
                Text(binding.id or ""),
            )
        table.add_row("", "", "")
    table.add_row(Text("^p", style="bold"), Text("Command palette: every action by name, and themes"), "")
    table.add_row(Text("mouse", style="bold"), Text("Click a result or a name, scroll with the wheel"), "")
    return table


def _shown_path(path: Path) -> str:
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [*keys.HELP]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("news-reader keys", style="bold"), id="help-title")
            yield Static(help_table(self.app), id="help-table")
            yield Static(
                Text(
                    f'Remap keys in {_shown_path(config_path())}, e.g.\n[keys]\nopen_related = "ctrl+r"',
                    style="dim",
                ),
                id="help-config",
            )

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()

    def action_close(self) -> None:
        self.dismiss()

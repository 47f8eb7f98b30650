"""Every key, by screen, as the keymap currently binds it: keys and what they do in
aligned columns (one key column for every section), and, where the window is wide
enough, the binding ids the config file uses to remap them."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from reader.config import config_path
from reader.tui import keys

ID_COLUMN_MIN_WIDTH = 96  # narrower than this, the ids give way to the descriptions
_EXTRA_ROWS = (
    ("^p", "Command palette: every action by name, and themes (kept for the next start)"),
    ("mouse", "Click a result or a name, select words, scroll with the wheel"),
)


def help_table(app, width: int = 120) -> Group:
    """Every section of ``keys.SECTIONS`` as a heading and a table, at ``width`` cells."""
    sections = [(title, [(app.keys_of(b), b) for b in bindings]) for title, bindings in keys.SECTIONS]
    key_width = max(cell_len(shown) for _, rows in sections for shown, _ in rows)
    key_width = max(key_width, *(cell_len(key) for key, _ in _EXTRA_ROWS))
    show_ids = width >= ID_COLUMN_MIN_WIDTH
    id_width = max(len(b.id or "") for _, rows in sections for _, b in rows)
    parts: list[Text | Table] = []
    for number, (title, rows) in enumerate(sections):
        if number:
            parts.append(Text(""))
        parts.append(Text(title, style="bold underline"))
        table = _table(key_width, id_width if show_ids else 0)
        for shown, binding in rows:
            table.add_row(*_row(shown, binding, show_ids))
        if title == keys.SECTIONS[0][0]:
            for key, does in _EXTRA_ROWS:
                table.add_row(Text(key, style="bold"), Text(does), *([Text("")] if show_ids else []))
        parts.append(table)
    return Group(*parts)


def _table(key_width: int, id_width: int) -> Table:
    table = Table(box=None, show_header=False, expand=True, padding=(0, 2, 0, 0), pad_edge=False)
    table.add_column("key", width=key_width, no_wrap=True)
    table.add_column("does", ratio=1)
    if id_width:
        table.add_column("id", width=id_width, no_wrap=True, style="dim")
    return table


def _row(shown: str, binding: Binding, show_ids: bool) -> list[Text]:
    row = [Text(shown, style="bold"), Text(binding.tooltip or binding.description)]
    if show_ids:
        row.append(Text(binding.id or ""))
    return row


def _shown_path(path: Path) -> str:
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)


def remap_hint(show_ids: bool) -> Text:
    where = _shown_path(config_path())
    if show_ids:
        return Text(
            f'Remap keys in {where} by the ids above, e.g.\n[keys]\nopen_related = "ctrl+r"', style="dim"
        )
    return Text(
        f"Remap keys in {where} by their ids: a wider window shows them, "
        "and `news-reader config` lists them all.",
        style="dim",
    )


class HelpKeys(Widget):
    """The tables, laid out for the width the widget gets (ids only where they fit)."""

    def _content(self, width: int) -> Group:
        return Group(help_table(self.app, width), Text(""), remap_hint(width >= ID_COLUMN_MIN_WIDTH))

    def render(self) -> Group:
        return self._content(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        console = self.app.console
        return len(console.render_lines(self._content(width), console.options.update_width(width), pad=False))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [*keys.HELP]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("news-reader keys", style="bold"), id="help-title")
            yield HelpKeys(id="help-table")

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()

    def action_close(self) -> None:
        self.dismiss()

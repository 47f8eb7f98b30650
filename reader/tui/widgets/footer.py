"""The footer of every screen: the keys that fit the width, the most used first.

Textual's footer lays every shown binding out in a row and cuts the row at the
window's edge ("H Highli" at 80 columns). This one orders them (the way back and
help first, then the screen's own keys in the order of their lists in
:mod:`reader.tui.keys`, quit last) and leaves out whole keys that do not fit.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from reader.tui import keys

_GAP = 1  # the compact footer's margin after each key


def footer_order(binding: Binding | None, position: int) -> tuple[int, int]:
    """Sort key: FOOTER_FIRST in its order, then the rest as they came, FOOTER_LAST last."""
    if binding is None:
        return (1, position)
    if binding.id in keys.FOOTER_FIRST:
        return (0, keys.FOOTER_FIRST.index(binding.id))
    if binding.id in keys.FOOTER_LAST:
        return (2, position)
    return (1, position)


def fitting(items: list[tuple[str, str]], width: int) -> list[int]:
    """Indexes of the ``(key, description)`` items that fit in ``width`` cells, in
    order, skipping any too wide for what is left."""
    kept = []
    left = width
    for index, (key, description) in enumerate(items):
        needed = cell_len(key) + (1 + cell_len(description) if description else 0) + _GAP
        if needed <= left:
            kept.append(index)
            left -= needed
    return kept


class FittingFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)

    def compose(self) -> ComposeResult:
        # Textual's footer makes one key widget per shown action (the reader's
        # bindings have no groups); order them and keep what fits.
        items = list(super().compose())
        ids = {binding.action: binding for _, binding, _, _ in self.screen.active_bindings.values()}
        ordered = [
            item
            for _, item in sorted(
                enumerate(items),
                key=lambda pair: footer_order(ids.get(getattr(pair[1], "action", "")), pair[0]),
            )
        ]
        labels = [(getattr(item, "key_display", ""), getattr(item, "description", "")) for item in ordered]
        width = self.size.width or self.app.size.width
        for index in fitting(labels, width):
            yield ordered[index]

    def on_resize(self) -> None:
        self.call_after_refresh(self.recompose)

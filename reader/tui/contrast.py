"""Marked text stays legible in every theme.

The marks are theme colours (entity colours as foregrounds, highlights, query and
shared-passage marks as backgrounds), and in some themes two of them meet with
little contrast: in ansi-light a place (green text) inside a highlight (green
background) vanishes. Each painted segment is checked as the terminal will show
it (ANSI colours as the app's terminal palette renders them, reverse applied);
below WCAG's 3:1 for large or bold text, its text colour gives way to the
theme's text colour, or black or white, whichever reads best, while its
bold, italic or underline keep telling the marks apart.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from textual.strip import Strip
from textual.widgets import OptionList

MIN_CONTRAST = 3.0
_BLACK = Color.from_rgb(0, 0, 0)
_WHITE = Color.from_rgb(255, 255, 255)

RGB = tuple[int, int, int]


def relative_luminance(rgb: RGB) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG 2 contrast ratio, from 1 (the same) to 21 (black on white)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rgb(color: Color | None, terminal: TerminalTheme, foreground: bool) -> RGB:
    """A colour as the terminal shows it (None: the terminal's own default)."""
    if color is None:
        color = Color.default()
    triplet = color.get_truecolor(terminal, foreground=foreground)
    return (triplet.red, triplet.green, triplet.blue)


def shown_colors(style: Style, background: Color | None, terminal: TerminalTheme) -> tuple[RGB, RGB]:
    """(text, background) as painted; ``background`` stands in for a style without one."""
    fg = rgb(style.color, terminal, foreground=True)
    bg = rgb(style.bgcolor or background, terminal, foreground=False)
    return (bg, fg) if style.reverse else (fg, bg)


def legible(style: Style, background: Color | None, text: Color | None, terminal: TerminalTheme) -> Style:
    """``style``, its text colour replaced when it reads below MIN_CONTRAST; ``text``
    is the theme's text colour, the first choice for a replacement."""
    fg, bg = shown_colors(style, background, terminal)
    if contrast_ratio(fg, bg) >= MIN_CONTRAST:
        return style
    candidates = [c for c in (text, _BLACK, _WHITE) if c is not None]
    best = max(candidates, key=lambda c: contrast_ratio(rgb(c, terminal, True), bg))
    # Under reverse the background colour is what shows as text.
    return style + (Style(bgcolor=best) if style.reverse else Style(color=best))


class LegibleLines:
    """Makes strips legible for one widget; remembers the styles it has checked."""

    def __init__(self) -> None:
        self._checked: dict[tuple[Style, Color | None, Color | None, int], Style] = {}

    def clear(self) -> None:
        self._checked.clear()

    def strip(
        self, strip: Strip, background: Color | None, text: Color | None, terminal: TerminalTheme
    ) -> Strip:
        segments = []
        changed = False
        for segment in strip:
            style = segment.style
            if style is None or segment.control or not segment.text.strip():
                segments.append(segment)
                continue
            key = (style, background, text, id(terminal))
            fixed = self._checked.get(key)
            if fixed is None:
                fixed = self._checked[key] = legible(style, background, text, terminal)
            changed |= fixed is not style
            segments.append(Segment(segment.text, fixed, segment.control))
        return Strip(segments, strip.cell_length) if changed else strip


class LegibleOptionList(OptionList):
    """An option list whose prompts stay legible on every row, the highlighted one
    too (prompts hold resolved colours that the cursor's background may swallow)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._legible = LegibleLines()

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        return self._legible.strip(super().render_line(y), base.bgcolor, base.color, self.app.ansi_theme)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._legible.clear()

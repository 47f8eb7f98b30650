"""Every mark stays legible in every built-in theme: WCAG contrast of at least 3:1
between the text and the background of each painted segment, as the terminal
shows them (ANSI colours through the app's terminal palette, reverse applied).

Checked on what the widgets really paint: an article view holding each entity
style alone, on each background mark (quotes and the current one, highlight, shared
passage, query and find marks, the current ones) and under the cursor; the search results with their
query marks (the highlighted row too); the side panel with its headings, counts
and the cursor on a name."""

from __future__ import annotations

from pathlib import Path

from rich.color import Color
from rich.style import Style
from test_tui_support import SIZE, make_app, search_for, settle

from reader.tui.widgets.article_view import ArticleView, Mark
from reader.tui.widgets.entity_panel import EntityPanel
from reader.tui.widgets.results import ResultsList

ENTITIES = ("person", "org", "place", "shared", "speaker")
BACKGROUNDS = (
    "quote",
    "quote-current",
    "highlight",
    "aligned",
    "match",
    "find",
    "aligned-current",
    "current",
    "cursor",
)
WORD = "Sample"


def wcag_contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    def luminance(rgb: tuple[int, int, int]) -> float:
        def linear(v: int) -> float:
            c = v / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula() -> None:
    assert round(wcag_contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert wcag_contrast((120, 40, 200), (120, 40, 200)) == 1.0
    assert round(wcag_contrast((118, 118, 118), (255, 255, 255)), 1) == 4.5  # WCAG's own example


def every_combination() -> tuple[str, list[Mark]]:
    """A body of words, each marked with one entity style on one background mark
    (or either alone), as overlapping marks are painted."""
    words: list[str] = []
    marks: list[Mark] = []
    position = 0
    for entity in (*ENTITIES, None):
        for background in (*BACKGROUNDS, None):
            layers = [layer for layer in (background, entity) if layer]
            marks += [Mark(position, position + len(WORD), layer) for layer in layers]
            words.append(WORD)
            position += len(WORD) + 1
    return " ".join(words), marks


def shown(
    style: Style, background: Color | None, terminal
) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    fg = (style.color or Color.default()).get_truecolor(terminal, foreground=True)
    bg = (style.bgcolor or background or Color.default()).get_truecolor(terminal, foreground=False)
    pair = (tuple(fg), tuple(bg))
    return (pair[1], pair[0]) if style.reverse else pair  # type: ignore[return-value]


def illegible(widget, terminal) -> list[str]:
    """The painted segments of ``widget`` whose text reads below 3:1."""
    background = widget.rich_style.bgcolor
    found = []
    for y in range(widget.size.height):
        for segment in widget.render_line(y):
            if segment.style is None or not segment.text.strip():
                continue
            fg, bg = shown(segment.style, background, terminal)
            ratio = wcag_contrast(fg, bg)
            if ratio < 3:
                found.append(f"{segment.text.strip()[:20]!r} {ratio:.1f}:1 ({segment.style})")
    return found


async def test_marks_stay_legible_in_every_builtin_theme(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "putin")
        results = app.screen.query_one(ResultsList)
        results.focus()
        results.highlighted = 2  # a row under the cursor, with query marks
        body, marks = every_combination()
        view = ArticleView()
        await app.screen.mount(view)
        view.styles.height = 12
        await settle(pilot)
        view.set_document(body, marks)
        app.open_article(app.service.article("002").id)
        await settle(pilot)
        panel = app.screen.query_one(EntityPanel)
        panel.focus()
        panel.highlighted = 1  # the cursor on the first person
        await settle(pilot)
        problems: dict[str, list[str]] = {}
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            await pilot.pause()
            terminal = app.ansi_theme
            for name, widget in (("article marks", view), ("results", results), ("side panel", panel)):
                if found := illegible(widget, terminal):
                    problems[f"{theme} {name}"] = found[:3]
        assert not problems, problems
        assert len(app.available_themes) >= 20  # every built-in theme was seen

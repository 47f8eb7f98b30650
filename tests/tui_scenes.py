"""Drive the reader to its main screens: for the SVG snapshot tests and for
``scripts/screenshots.py`` (the README images), so both show the same scenes.

Each scene starts from a freshly started app on a library holding the seeds.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled

SceneStep = Callable[[Pilot], Awaitable[None]]


async def settle(pilot: Pilot, rounds: int = 3) -> None:
    """Let timers fire, workers finish and the screen catch up; stop the cursor
    blinking so a screenshot is the same every time."""
    app = pilot.app
    for _ in range(rounds):
        await pilot.pause(0.05)
        # One by one: a worker the app cancelled (a search a newer one replaced) is
        # done, where waiting for all at once raises at the first cancelled one and
        # stops waiting for the others.
        for worker in list(app.workers):
            with contextlib.suppress(WorkerCancelled):
                await worker.wait()
        await pilot.pause()
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
    app.clear_notifications()


async def type_query(pilot: Pilot, text: str) -> None:
    await settle(pilot)
    await pilot.press("slash", *["space" if c == " " else c for c in text])
    await pilot.pause(0.3)  # past the search debounce
    await settle(pilot)


async def search_putin(pilot: Pilot) -> None:
    await type_query(pilot, "putin")


async def article_with_entities(pilot: Pilot) -> None:
    """The New York Times piece on Kerry meeting Putin, opened from a search."""
    await type_query(pilot, "kerry putin moscow")
    await pilot.press("down")  # into the results
    results = pilot.app.screen.query_one("#results")
    wanted = next(i for i, hit in enumerate(results.hits) if hit.title.startswith("John Kerry Meets"))
    results.highlighted = _option_index(results, results.hits[wanted].id)
    await pilot.press("enter")
    await settle(pilot)


async def side_by_side(pilot: Pilot) -> None:
    """Seeds 001 (AFP) and 002 (NYT), at their second shared passage: the Post's
    report of the joint command, far down the NYT piece."""
    await settle(pilot)
    app = pilot.app
    left = app.service.article("001").id
    right = app.service.article("002").id
    app.open_side_by_side(left, right)
    await settle(pilot)
    await pilot.press("right_square_bracket", "right_square_bracket")
    await settle(pilot)


async def help_screen(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await settle(pilot)


async def story_view(pilot: Pilot) -> None:
    """The story of seed 004 (Albawaba): three outlets on the timeline, the cursor on
    the second mark, what only one outlet has below."""
    await settle(pilot)
    app = pilot.app
    app.open_article(app.service.article("004").id)
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    await pilot.press("right")
    await settle(pilot)


async def highlight_made(pilot: Pilot) -> None:
    """Seed 002 (NYT): the cursor moved by paragraph, two sentences selected and
    highlighted with a note, then the cursor on the next sentence. (Last: it writes
    a highlight into the library, which the scenes before it must not show.)"""
    await settle(pilot)
    app = pilot.app
    app.open_article(app.service.article("002").id)
    await settle(pilot)
    await pilot.press("J", "J", "v", "j", "h")
    await settle(pilot)
    await pilot.press(*["space" if c == " " else c for c in "the joint command"], "tab", *"syria", "enter")
    await settle(pilot)
    await pilot.press("j", "j")
    await settle(pilot)


async def people_quotes(pilot: Pilot) -> None:
    """The People view, then John Kerry's quotes: one remark carried by two outlets
    in other words, the second version's changes marked."""
    await settle(pilot)
    await pilot.press("escape", "P")
    await settle(pilot)
    await pilot.press("slash", *"kerry", "enter", "enter")
    await settle(pilot)
    await pilot.press("down", "down", "down")
    await settle(pilot)


SCENES: dict[str, SceneStep] = {
    "search": search_putin,
    "article": article_with_entities,
    "side_by_side": side_by_side,
    "help": help_screen,
    "people": people_quotes,
    "story": story_view,
    "highlight": highlight_made,
}


def _option_index(options, option_id: str) -> int:
    return next(i for i in range(options.option_count) if options.get_option_at_index(i).id == option_id)

"""Corrections to people from the reader's side panel, key by key (Textual Pilot)."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import SIZE, make_app, search_for, settle
from textual.widgets import Input

from reader.library import Library
from reader.tui.screens.dialogs import ConfirmScreen, PersonNameScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.entity_panel import EntityPanel


async def _panel_on(pilot, person: str, key: str) -> ReadingScreen:
    """Open the top hit for the person's surname, choose them in the panel, press ``key``."""
    await search_for(pilot, person.split()[-1].lower())
    await pilot.press("enter")
    await settle(pilot)
    reading = pilot.app.screen
    assert isinstance(reading, ReadingScreen)
    await pilot.press("p")
    panel = reading.query_one(EntityPanel)
    while panel.chosen() != ("PERSON", person):
        await pilot.press("down")
    await pilot.press(key)
    await settle(pilot)
    return reading


def _people_of(library_dir: Path) -> list[str]:
    with Library.open(library_dir, seed=False) as library:
        return [p.name for p in library.people()]


async def test_not_a_person_from_the_panel_is_kept_and_undone(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        reading = await _panel_on(pilot, "Faysal Itani", "x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        await settle(pilot)
        assert "Faysal Itani" not in reading.stored.names("PERSON")
        assert all(span.name != "Faysal Itani" for span in reading.stored.entities)
        assert "Faysal Itani" not in _people_of(library_dir)
        if not reading.query_one(EntityPanel).has_focus:
            await pilot.press("p")
        await pilot.press("U")
        await settle(pilot)
        await settle(pilot)
        assert "Faysal Itani" in reading.stored.names("PERSON")
    assert "Faysal Itani" in _people_of(library_dir)


async def test_rename_from_the_panel_asks_for_the_name(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        reading = await _panel_on(pilot, "Faysal Itani", "R")
        assert isinstance(app.screen, PersonNameScreen)
        await pilot.press("ctrl+u", *"Faisal Itani", "enter")
        await settle(pilot)
        await settle(pilot)
        assert "Faisal Itani" in reading.stored.names("PERSON")
    assert "Faisal Itani" in _people_of(library_dir)
    with Library.open(library_dir, seed=False) as library:
        library.rebuild()
        assert library.person("itani").name == "Faisal Itani"


async def test_a_person_filter_that_fits_several_people_says_which_it_took(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#filter-person", Input).focus()
        await pilot.press(*"assad")
        await settle(pilot)
        status = str(app.screen.query_one("#search-status").render())
        assert "assad: Bashar al-Assad (" in status
        assert "also Asma al-Assad (" in status

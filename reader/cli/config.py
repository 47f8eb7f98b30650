"""``news-reader config``: where the library, the config file and the logs live, and
the settings in effect (theme, keys). Reads only: it opens no library and creates
no file."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from rich.text import Text

from reader.cli.library_options import add_json_option, add_library_option, library_command
from reader.cli.output import print_json_line, stdout, warn
from reader.config import CONFIG_ENV, DEFAULT_THEME, config_path, load_config
from reader.library import HIGHLIGHTS_FILE, INDEX_FOLDER, STORE_FILE, library_dir
from reader.logs import LOG_ENV, log_path
from reader.paths import seeds_dir

# What each file of a library folder holds.
LIBRARY_FILES = (
    (STORE_FILE, "store: sources, cleaned articles, entities"),
    (INDEX_FOLDER, "search index (rebuilt from the store when needed)"),
    (HIGHLIGHTS_FILE, "your highlights and read marks"),
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "config",
        help="where the library, config and logs live; the settings in effect",
        description="Show where the library, the config file and the debug log are, and the "
        "theme and keys in effect (remapped keys marked). Creates and changes nothing.",
    )
    parser.add_argument("--keys", action="store_true", help="list every key binding with its id")
    add_json_option(parser, "the paths and settings")
    add_library_option(parser)
    parser.set_defaults(func=run_config)


@library_command
def run_config(args: argparse.Namespace) -> int:
    from reader.tui import keys, theme_names

    config = load_config(keys.binding_ids())
    for warning in config.warnings:
        warn(warning)
    theme = config.theme or DEFAULT_THEME
    theme_known = theme in theme_names()
    if not theme_known:
        warn(f"{config.path}: no theme {theme!r}; the reader uses {DEFAULT_THEME}")
    folder = library_dir(args.library)
    bindings = [
        (binding.id, config.keys.get(binding.id or "", binding.key), binding.id in config.keys, binding)
        for _, section in keys.SECTIONS
        for binding in section
        if binding.id
    ]
    if args.json:
        print_json_line(
            {
                "library": str(folder),
                "library_source": _library_source(args.library),
                "library_exists": folder.is_dir(),
                "config": str(config.path),
                "config_exists": config.exists,
                "log": str(log_path()),
                "seeds": str(seeds_dir()),
                "theme": theme if theme_known else DEFAULT_THEME,
                "keys": {binding_id: shown for binding_id, shown, _, _ in bindings},
                "remapped": sorted(config.keys),
            }
        )
        return 0
    table = _Lines()
    table.add_row("library", _path_line(folder, _library_source(args.library)))
    for name, what in LIBRARY_FILES:
        table.add_row("", _file_line(folder / name, what))
    source = f"${CONFIG_ENV}" if os.environ.get(CONFIG_ENV) else "default"
    table.add_row("config file", _path_line(config.path or config_path(), source, "not created yet"))
    log_source = f"${LOG_ENV}" if os.environ.get(LOG_ENV) else "written by news-reader --debug"
    table.add_row("debug log", _path_line(log_path(), log_source, "none yet"))
    table.add_row("sample pages", _path_line(seeds_dir(), "bundled: a new library indexes them"))
    table.add_row("theme", Text(theme if theme_known else DEFAULT_THEME) + _dim(_theme_note(config.theme)))
    remapped = [(i, shown) for i, shown, changed, _ in bindings if changed]
    if remapped:
        table.add_row(
            "keys", Text(", ".join(f"{i} = {shown}" for i, shown in remapped)) + _dim(" (remapped)")
        )
    else:
        table.add_row("keys", Text("the defaults") + _dim(" (--keys lists them with their ids)"))
    table.print()
    if args.keys:
        stdout.print()
        _print_keys(bindings)
    return 0


class _Lines:
    """Name and value lines, never wrapped (paths stay whole for copying and grep)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, Text]] = []

    def add_row(self, name: str, value: Text) -> None:
        self.rows.append((name, value))

    def print(self) -> None:
        width = max(len(name) for name, _ in self.rows) + 2
        for name, value in self.rows:
            stdout.print(Text(name.ljust(width), style="bold") + value, soft_wrap=True)


def _library_source(option: str | None) -> str:
    if option:
        return "--library"
    if os.environ.get("NEWS_READER_HOME"):
        return "$NEWS_READER_HOME"
    return "default"


def _path_line(path: Path, source: str, missing: str = "does not exist yet") -> Text:
    line = Text(str(path))
    notes = [source] if source else []
    if not path.exists():
        notes.append(missing)
    return line + _dim(f" ({', '.join(notes)})" if notes else "")


def _file_line(path: Path, what: str) -> Text:
    size = _size(path)
    shown = Text(f"{path.name}{'/' if path.is_dir() else ''}")
    return shown + _dim(f" {what}" + (f" · {size / 1e6:.1f} MB" if size else ""))


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return 0


def _theme_note(chosen: str | None) -> str:
    return (
        " (chosen in the reader, kept in the config file)"
        if chosen
        else " (the default; ctrl+p picks another)"
    )


def _print_keys(bindings) -> None:
    """Every binding: its id, its keys as the config file writes them (* remapped),
    what it does; one line each, never wrapped."""
    id_width = max(len(binding_id) for binding_id, _, _, _ in bindings) + 2
    key_width = max(len(shown) + 2 for _, shown, _, _ in bindings) + 2
    stdout.print(Text(f"{'id'.ljust(id_width)}{'keys'.ljust(key_width)}does", style="bold"), soft_wrap=True)
    for binding_id, shown, changed, binding in bindings:
        keys_shown = shown + (" *" if changed else "")
        line = Text(binding_id.ljust(id_width), style="dim") + Text(keys_shown.ljust(key_width), style="bold")
        stdout.print(line + Text(binding.tooltip or binding.description), soft_wrap=True)
    stdout.print(_dim("* remapped in the config file; key names as [keys] takes them"), soft_wrap=True)


def _dim(text: str) -> Text:
    return Text(text, style="dim")

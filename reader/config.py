"""The user's config file: key remaps and the theme.

The file is TOML in the platform's config folder (``~/.config/news-reader/config.toml``
on Linux; ``$NEWS_READER_CONFIG`` names another file)::

    theme = "nord"            # the reader keeps the theme chosen last here

    [keys]
    open_related = "r"
    next_passage = "j,]"      # several keys: comma-separated

Keys are binding ids, as the help screen (``?``) and ``news-reader config`` list
them; values are Textual key names. Problems never stop the reader: they come back
as warnings to show. Saving the theme rewrites only its own line, so the user's
comments and layout stay as they were.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from reader.errors import ReaderError

CONFIG_ENV = "NEWS_READER_CONFIG"
DEFAULT_THEME = "textual-dark"  # Textual's own default, until the user picks another
_KEY_NAME = re.compile(r"^[\w+\-\[\]\\/?!@#$%^&*()=;:'\",.<>`~{}| ]+$")
_THEME_NAME = re.compile(r"^[\w.+-]{1,64}$")
_THEME_LINE = re.compile(r"^\s*theme\s*=")
_TABLE_HEADER = re.compile(r"^\s*\[")


class ConfigError(ReaderError):
    """The config file cannot be changed; the message says why."""


@dataclass(frozen=True)
class Config:
    keys: dict[str, str] = field(default_factory=dict)  # binding id -> keys
    theme: str | None = None
    warnings: tuple[str, ...] = ()
    path: Path | None = None
    exists: bool = False


def config_path() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("news-reader", appauthor=False)) / "config.toml"


def load_config(known_ids: Iterable[str], path: Path | None = None) -> Config:
    """The config file, its ``[keys]`` checked against ``known_ids``."""
    path = path or config_path()
    if not path.is_file():
        return Config(path=path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config(
            warnings=(f"{path}: cannot read the config ({exc}); using the default keys and theme",),
            path=path,
            exists=True,
        )
    warnings: list[str] = []
    theme = data.get("theme")
    if theme is not None and not (isinstance(theme, str) and _THEME_NAME.match(theme)):
        warnings.append(f'{path}: theme must be a theme\'s name, such as "nord"')
        theme = None
    keys = _keys(data.get("keys", {}), set(known_ids), path, warnings)
    return Config(keys=keys, theme=theme, warnings=tuple(warnings), path=path, exists=True)


def _keys(table: object, known: set[str], path: Path, warnings: list[str]) -> dict[str, str]:
    if not isinstance(table, dict):
        warnings.append(f'{path}: [keys] must be a table of id = "key"')
        return {}
    keys: dict[str, str] = {}
    for binding_id, value in table.items():
        if binding_id not in known:
            warnings.append(f"{path}: unknown key binding id {binding_id!r} (see ? for the ids)")
        elif not isinstance(value, str) or not value.strip() or not _KEY_NAME.match(value):
            warnings.append(f'{path}: {binding_id} needs a key name such as "r" or "ctrl+r"')
        else:
            keys[binding_id] = ",".join(part.strip() for part in value.split(",") if part.strip())
    return keys


def save_theme(theme: str, path: Path | None = None) -> Path:
    """Keep ``theme`` in the config file for the next start: its ``theme = …`` line
    replaced (or one added at the top), everything else left as it was. Raises
    ConfigError when the file cannot be read as TOML or written."""
    if not _THEME_NAME.match(theme):
        raise ConfigError(f"{theme!r} is not a theme name")
    path = path or config_path()
    try:
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        tomllib.loads(old)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config to keep the theme in it ({exc})") from exc
    new = with_theme(old, theme)
    if tomllib.loads(new).get("theme") != theme:  # a layout this edit cannot handle
        raise ConfigError(f"{path}: cannot find where to keep the theme; add a line theme = {theme!r}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(new, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot keep the theme ({exc.strerror or exc})") from exc
    return path


def with_theme(text: str, theme: str) -> str:
    """``text`` (a TOML document) with its top-level ``theme`` set to ``theme``."""
    line = f'theme = "{theme}"'
    lines = text.splitlines(keepends=True)
    for number, old in enumerate(lines):
        if _TABLE_HEADER.match(old):
            break  # top-level keys come before the first table
        if _THEME_LINE.match(old):
            ending = "\n" if old.endswith("\n") else ""
            lines[number] = line + ending
            return "".join(lines)
    return f"{line}\n{text}"

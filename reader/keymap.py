"""Key remapping from the user's config file.

The file is TOML in the platform's config folder (``~/.config/news-reader/config.toml``
on Linux; ``$NEWS_READER_CONFIG`` names another file)::

    [keys]
    open_related = "r"
    next_passage = "j,]"      # several keys: comma-separated

Keys are binding ids, as the help screen (``?``) lists them; values are Textual key
names. Problems never stop the reader: they come back as warnings to show.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

CONFIG_ENV = "NEWS_READER_CONFIG"
_KEY_NAME = re.compile(r"^[\w+\-\[\]\\/?!@#$%^&*()=;:'\",.<>`~{}| ]+$")


@dataclass(frozen=True)
class KeymapConfig:
    keys: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    path: Path | None = None


def config_path() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("news-reader", appauthor=False)) / "config.toml"


def load_keymap(known_ids: Iterable[str], path: Path | None = None) -> KeymapConfig:
    """The ``[keys]`` table of the config file, checked against ``known_ids``."""
    path = path or config_path()
    if not path.is_file():
        return KeymapConfig(path=path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return KeymapConfig(
            warnings=(f"{path}: cannot read the config ({exc}); using the default keys",), path=path
        )
    table = data.get("keys", {})
    if not isinstance(table, dict):
        return KeymapConfig(warnings=(f'{path}: [keys] must be a table of id = "key"',), path=path)
    known = set(known_ids)
    keys: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, value in table.items():
        if binding_id not in known:
            warnings.append(f"{path}: unknown key binding id {binding_id!r} (see ? for the ids)")
        elif not isinstance(value, str) or not value.strip() or not _KEY_NAME.match(value):
            warnings.append(f'{path}: {binding_id} needs a key name such as "r" or "ctrl+r"')
        else:
            keys[binding_id] = ",".join(part.strip() for part in value.split(",") if part.strip())
    return KeymapConfig(keys=keys, warnings=tuple(warnings), path=path)

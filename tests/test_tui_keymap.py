"""reader.config: the [keys] table of the config file."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import config_path
from reader.config import load_config as load_keymap

IDS = ["open_related", "next_passage", "help"]


def test_keys_are_read_by_binding_id(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keys]\nopen_related = "ctrl+r"\nnext_passage = "j, ]"\n', encoding="utf-8")
    loaded = load_keymap(IDS, config)
    assert loaded.keys == {"open_related": "ctrl+r", "next_passage": "j,]"}
    assert loaded.warnings == ()


def test_problems_are_warnings_not_failures(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keys]\nopen_related = 3\nfly = "f"\nhelp = "?"\n', encoding="utf-8")
    loaded = load_keymap(IDS, config)
    assert loaded.keys == {"help": "?"}
    assert len(loaded.warnings) == 2
    assert any("unknown key binding id 'fly'" in w for w in loaded.warnings)
    config.write_text("[keys\n", encoding="utf-8")
    broken = load_keymap(IDS, config)
    assert broken.keys == {} and "cannot read the config" in broken.warnings[0]


def test_no_config_file_means_default_keys(tmp_path: Path) -> None:
    assert load_keymap(IDS, tmp_path / "missing.toml").keys == {}


def test_the_config_lives_in_the_platform_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWS_READER_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config_path() == tmp_path / "news-reader" / "config.toml"
    monkeypatch.setenv("NEWS_READER_CONFIG", str(tmp_path / "other.toml"))
    assert config_path() == tmp_path / "other.toml"

"""The command line and the core as a daily tool (issue 17): read marks and
search --unread, undated articles last, remove's reasons, add's progress, seeds
named in exports, the config file's theme, news-reader config, --debug, --dev."""

from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import Progress

from reader.cli import main
from reader.cli.add import ProgressReporter, progress_display
from reader.config import ConfigError, load_config, save_theme, with_theme
from reader.export import export_highlights
from reader.library import AddProgress, Library
from reader.paths import seed_name, seeds_dir


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, " ".join(captured.err.split())


def test_read_marks_and_search_unread(capsys, library_dir: Path) -> None:
    lib = ["--library", str(library_dir)]
    code, out, _ = run(capsys, "search", "--json", "--limit", "50", "putin", *lib)
    hits = json.loads(out)["hits"]
    assert code == 0 and len(hits) == 16 and not any(hit["read"] for hit in hits)
    with Library.open(library_dir) as library:
        library.mark_read([hits[0]["id"], hits[1]["id"]])
        library.mark_read([hits[0]["id"]])  # again: no change
    code, out, _ = run(capsys, "search", "--json", "--limit", "50", "putin", *lib)
    assert [hit["read"] for hit in json.loads(out)["hits"]][:3] == [True, True, False]
    code, out, _ = run(capsys, "search", "--json", "--limit", "50", "--unread", "putin", *lib)
    unread = json.loads(out)
    assert unread["total"] == 14 and {h["id"] for h in unread["hits"]}.isdisjoint(
        {hits[0]["id"], hits[1]["id"]}
    )
    # With no words: the unread articles, newest first.
    code, out, _ = run(capsys, "search", "--json", "--limit", "50", "--unread", *lib)
    assert json.loads(out)["total"] == 31
    with Library.open(library_dir) as library:
        library.mark_unread([hits[0]["id"]])
        library.rebuild()  # user data: a rebuild keeps the marks
        assert library.read_ids() == {hits[1]["id"]}


def test_sorting_by_date_puts_undated_articles_last(capsys, library_dir: Path) -> None:
    _, out, _ = run(
        capsys, "search", "--json", "--sort", "date", "--limit", "50", "syria", "--library", str(library_dir)
    )
    dates = [hit["date"] for hit in json.loads(out)["hits"]]
    dated = [d for d in dates if d]
    assert dated and dates[: len(dated)] == sorted(dated, reverse=True)
    assert all(d is None for d in dates[len(dated) :]) and len(dates) > len(dated)


def test_remove_says_why_a_path_matched_nothing(capsys, library_dir: Path, tmp_path: Path) -> None:
    lib = ["--library", str(library_dir)]
    code, out, err = run(capsys, "remove", str(tmp_path / "nowhere.txt"), *lib)
    assert code == 1 and out == "removed 0 files, 0 articles\n"
    assert (
        err
        == f"news-reader: {tmp_path / 'nowhere.txt'}: not in the library, and there is no such file or folder"
    )
    page = tmp_path / "page.txt"
    page.write_text("never added\n", encoding="utf-8")
    code, _, err = run(capsys, "remove", str(page), str(tmp_path), *lib)
    assert code == 1
    assert f"{page}: not in the library (never added, or removed already)" in err
    assert f"{tmp_path}: no file under this folder is in the library" in err
    seed = next(seeds_dir().glob("001_*"))
    code, out, err = run(capsys, "remove", str(seed), str(page), *lib)
    assert code == 0 and out == "removed 1 files, 1 articles\n" and "never added" in err


def test_add_progress_counts_files_and_articles_as_found() -> None:
    progress = Progress(*progress_display().columns, auto_refresh=False)
    reporter = ProgressReporter(progress, "adding")

    def shown() -> str:
        out = io.StringIO()
        Console(file=out, width=200, color_system=None).print(progress.make_tasks_table(progress.tasks))
        return out.getvalue()

    reporter(AddProgress(files_done=1, files_total=80, articles_done=0, articles_total=194))
    assert "1/80 files · 194 articles found, 0 indexed" in shown()
    reporter(AddProgress(articles_done=500, articles_total=18_495, stage="index"))
    assert "indexing" in shown() and "500/18495 articles indexed" in shown()


def test_exported_notes_name_a_seed_not_its_package_path(library_dir: Path) -> None:
    with Library.open(library_dir) as library:
        stored = library.article("002")
        library.highlights.add(stored, 0, 40)
        export = export_highlights(library)
    assert export is not None
    name = Path(stored.article.path).name
    assert seed_name(stored.article.path) == name
    assert f"sample page `{name}`" in export.text
    assert str(seeds_dir()) not in export.text
    assert seed_name(str(library_dir / name)) is None


def test_the_theme_is_kept_in_the_config_file_as_written(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('# my keys\n[keys]\nopen_related = "g"\n', encoding="utf-8")
    save_theme("nord", config)
    text = config.read_text(encoding="utf-8")
    assert text == 'theme = "nord"\n# my keys\n[keys]\nopen_related = "g"\n'
    save_theme("gruvbox", config)
    assert config.read_text(encoding="utf-8").count("theme") == 1
    loaded = load_config(["open_related"], config)
    assert (loaded.theme, loaded.keys, loaded.warnings) == ("gruvbox", {"open_related": "g"}, ())
    assert tomllib.loads(with_theme("", "x"))["theme"] == "x"
    config.write_text("[keys\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read the config"):
        save_theme("nord", config)
    config.write_text("theme = 3\n", encoding="utf-8")
    assert "theme must be a theme's name" in load_config([], config).warnings[0]


def test_config_command_shows_where_everything_is(capsys, tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('theme = "nord"\n[keys]\nopen_related = "g"\n', encoding="utf-8")
    monkeypatch.setenv("NEWS_READER_CONFIG", str(config))
    monkeypatch.setenv("NEWS_READER_LOG", str(tmp_path / "debug.log"))
    folder = tmp_path / "lib"
    code, out, err = run(capsys, "config", "--library", str(folder))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["library", str(folder), "(--library,", "does", "not", "exist", "yet)"]
    assert any(line.startswith("config file") and str(config) in line for line in lines)
    assert any(line.startswith("debug log") and str(tmp_path / "debug.log") in line for line in lines)
    assert any(line.startswith("theme") and "nord" in line for line in lines)
    assert any(line.startswith("keys") and "open_related = g (remapped)" in line for line in lines)
    assert not folder.exists()  # nothing created
    code, out, _ = run(capsys, "config", "--json", "--library", str(folder))
    data = json.loads(out)
    assert (data["theme"], data["keys"]["open_related"], data["remapped"]) == ("nord", "g", ["open_related"])
    code, out, _ = run(capsys, "config", "--keys", "--library", str(folder))
    assert any(line.split()[:2] == ["open_related", "g"] for line in out.splitlines())


def test_debug_writes_a_log_whose_path_it_prints(
    capsys, tmp_path: Path, monkeypatch, library_dir: Path
) -> None:
    log = tmp_path / "logs" / "debug.log"
    monkeypatch.setenv("NEWS_READER_LOG", str(log))
    code, _, err = run(capsys, "--debug", "search", "putin", "--library", str(library_dir))
    assert code == 0 and f"news-reader: debug log: {log}" in err
    assert "debug log started" in log.read_text(encoding="utf-8")


def test_dev_without_textual_dev_says_what_to_install(capsys, monkeypatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "textual_dev" else real(name, *a)
    )
    code, _, err = run(capsys, "--dev")
    assert code == 2 and "pip install textual-dev" in err and "textual console" in err

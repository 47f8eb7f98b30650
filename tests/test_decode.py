"""read_text / decode_bytes: text in any common encoding comes out exactly; everything
else is refused with a one-line reason, never a crash."""

from __future__ import annotations

import codecs
import gzip
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest.decode import DEFAULT_MAX_BYTES, decode_bytes, format_size, read_text
from reader.ingest.errors import SkippedFile
from reader.ingest.sanitize import clean_control_chars

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)
STORY = "Ministers met on Tuesday in Geneva to discuss the ceasefire.\nTalks will resume next week.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def skip_reason(path: Path, **kwargs: int) -> str:
    with pytest.raises(SkippedFile) as caught:
        read_text(path, **kwargs)
    return caught.value.reason


def test_png_bytes_are_binary(tmp_path: Path) -> None:
    assert skip_reason(write(tmp_path, "photo.txt", PNG_BYTES)) == "binary file (PNG image)"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF executable"),
    ],
)
def test_known_signatures(tmp_path: Path, data: bytes, kind: str) -> None:
    assert skip_reason(write(tmp_path, "file.txt", data + b"x" * 100)) == f"binary file ({kind})"


def test_gzip_is_told_by_content_not_name(tmp_path: Path) -> None:
    assert read_text(write(tmp_path, "page.txt", gzip.compress(STORY.encode()))) == STORY
    broken = write(tmp_path, "file.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00" + b"x" * 100)
    assert skip_reason(broken).startswith("broken gzip file (")


def test_empty_and_whitespace_only(tmp_path: Path) -> None:
    assert skip_reason(write(tmp_path, "empty.txt", b"")) == "empty file"
    assert skip_reason(write(tmp_path, "blank.txt", b" \n\r\n\t \n")) == "empty file (only whitespace)"


def test_size_cap(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"word " * 50)
    assert skip_reason(path, max_bytes=100) == "larger than 100 bytes (250 bytes)"
    assert read_text(path, max_bytes=250) == "word " * 50


def test_size_messages() -> None:
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    assert format_size(DEFAULT_MAX_BYTES) == "20 MB"
    assert format_size(int(34.1 * 1024 * 1024)) == "34.1 MB"
    assert format_size(1536) == "1.5 KB"
    assert format_size(999) == "999 bytes"


def test_stray_nul_bytes_in_text_are_tolerated_and_removed(tmp_path: Path) -> None:
    data = (STORY * 20).encode() + b"\x00\x00" + (STORY * 20).encode()
    text = read_text(write(tmp_path, "glitch.txt", data))
    assert "\x00" in text  # decoding keeps it; the sanitizer removes it
    assert clean_control_chars(text) == STORY * 40


def test_many_nul_bytes_make_a_file_binary(tmp_path: Path) -> None:
    data = STORY.encode() + b"\x00" * 40 + STORY.encode() + b"\x00\x01\x02" * 30
    assert skip_reason(write(tmp_path, "dump.txt", data)) == "binary file (contains NUL bytes)"


def test_control_bytes_make_a_file_binary(tmp_path: Path) -> None:
    data = bytes(range(1, 32)) * 20 + STORY.encode()
    assert skip_reason(write(tmp_path, "blob.dat", data)) == "binary file (control bytes)"


def test_terminal_capture_with_colour_codes_is_text(tmp_path: Path) -> None:
    data = ("\x1b[1m\x1b[31mALERT\x1b[0m " + STORY).encode() * 10
    assert read_text(write(tmp_path, "capture.txt", data)).startswith("\x1b[1m")


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + STORY.encode("utf-8"),
        codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"),
        STORY.encode("utf-16-le"),  # no BOM: told by the NUL in every other byte
        STORY.encode("utf-16-be"),
        STORY.encode("utf-32"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32-bom"],
)
def test_unicode_encodings(tmp_path: Path, encoded: bytes) -> None:
    assert read_text(write(tmp_path, "page.txt", encoded)) == STORY


def test_utf16_with_accents_and_no_bom(tmp_path: Path) -> None:
    text = "Le président a répondu à la presse à Genève.\n" * 3
    assert read_text(write(tmp_path, "fr.txt", text.encode("utf-16-le"))) == text


def test_cp1252_smart_quotes_and_accents(tmp_path: Path) -> None:
    text = "He said \u201cthe caf\u00e9 is closed\u201d \u2014 it\u2019s the owner\u2019s decision, na\u00efve or not.\n"
    assert read_text(write(tmp_path, "cp1252.txt", text.encode("cp1252"))) == text


def test_short_cp1252_word(tmp_path: Path) -> None:
    assert read_text(write(tmp_path, "short.txt", "caf\u00e9".encode("cp1252"))) == "caf\u00e9"


def test_latin1(tmp_path: Path) -> None:
    text = "Se\u00f1or M\u00fcller a \u00e9t\u00e9 \u00e0 la f\u00eate du ch\u00e2teau. \u00bfQu\u00e9 pas\u00f3?\n"
    assert read_text(write(tmp_path, "latin1.txt", text.encode("latin-1"))) == text


def test_cyrillic_legacy_encoding(tmp_path: Path) -> None:
    text = "Москва — столица России. Президент заявил в среду, что переговоры продолжатся.\n"
    assert read_text(write(tmp_path, "ru.txt", text.encode("cp1251"))) == text


def test_utf8_cut_inside_a_character(tmp_path: Path) -> None:
    data = ("Zürich " * 10).encode() + "é".encode()[:1]
    assert read_text(write(tmp_path, "cut.txt", data)) == "Zürich " * 10


def test_gzip_text_is_decompressed_and_capped(tmp_path: Path) -> None:
    path = write(tmp_path, "page.txt.gz", gzip.compress(STORY.encode()))
    assert read_text(path) == STORY
    bomb = write(tmp_path, "bomb.txt.gz", gzip.compress(b"a" * 100_000))
    assert skip_reason(bomb, max_bytes=1000) == "larger than 1000 bytes (decompressed)"


def test_unreadable_paths(tmp_path: Path) -> None:
    assert skip_reason(tmp_path) == "is a directory"
    assert skip_reason(tmp_path / "missing.txt") == "no such file or directory"
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert skip_reason(link) == "cannot read: broken symbolic link"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert skip_reason(fifo) == "not a regular file (a named pipe)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", STORY.encode())
    path.chmod(0)
    try:
        assert skip_reason(path) == "cannot read: permission denied"
    finally:
        path.chmod(0o644)


@settings(max_examples=300)
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_are_skipped(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except SkippedFile as skip:
        assert skip.reason and "\n" not in skip.reason
    else:
        assert isinstance(text, str) and text.strip()


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp")) | st.just("\n"),
        min_size=1,
    ).filter(
        lambda text: (
            text.strip()
            and not text.startswith(
                ("ID3", "OggS", "fLaC", "GIF8", "wOF", "%PDF-", "7z", "Rar!", "SQLite", "MM", "II")
            )
        )
    )
)
def test_utf8_text_comes_back_exactly(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == text


def test_permission_error_message() -> None:
    # The real chmod case above cannot run as root; the message is the same function.
    from reader.ingest.decode import describe_os_error

    assert (
        describe_os_error(PermissionError(13, "Permission denied"), "x") == "cannot read: permission denied"
    )
    assert describe_os_error(OSError(5, "Input/output error"), "x") == "cannot read: input/output error"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Москва — столица России. Президент заявил в среду.\n" * 5,
        "東京は日本の首都です。今日は晴れです。\n" * 20,
        "مرحبا بالعالم هذه مقالة إخبارية\n" * 10,
    ],
    ids=["cyrillic", "japanese", "arabic"],
)
def test_utf16_without_bom_in_other_scripts(tmp_path: Path, encoding: str, text: str) -> None:
    assert read_text(write(tmp_path, "page.txt", text.encode(encoding))) == text


def test_executable_bytes_without_their_signature_are_still_binary(tmp_path: Path) -> None:
    chunk = Path(sys.executable).resolve().read_bytes()[4096:36864]
    assert skip_reason(write(tmp_path, "chunk.txt", chunk)).startswith("binary file (")

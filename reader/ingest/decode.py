"""Bytes on disk to text: refuse what is not text, find the encoding of what is.

Order of the checks (first match wins): unreadable or not a regular file, empty,
over the size cap, known binary signature, byte order mark (UTF-8, UTF-32, UTF-16),
UTF-16 without BOM (NUL bytes where ASCII characters sit in UTF-16, or text that reads
as printable with spaces in one byte order), binary by content (NUL or control
bytes), strict UTF-8, then charset-normalizer for legacy encodings with a
preference for cp1252 whenever it is as plausible as the best guess (it is the
legacy encoding of most Western news pages; charset-normalizer often ranks its
look-alike cp1250 first). Decoding never raises anything but :class:`SkippedFile`.
"""

from __future__ import annotations

import codecs
import gzip
import os
import re
import stat
import zlib
from io import BufferedReader

from charset_normalizer import from_bytes

from reader.ingest.errors import SkippedFile
from reader.wording import counted

# A news page, even a whole digest saved as HTML, is far below this; a bigger "page"
# is a dump or a mistake, and reading it whole would stall the reader.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Looked at to judge a file: enough for any heuristic, fast on huge files.
_SAMPLE_BYTES = 64 * 1024

# Signatures of common non-text files, checked at the start of the file.
_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip compressed data"),
    (b"\xfd7zXZ\x00", "xz compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
    (b"\x00asm", "WebAssembly module"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3\x03", "MP3 audio"),
    (b"ID3\x04", "MP3 audio"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
)

# Byte order marks; UTF-32 before UTF-16 because FF FE 00 00 starts both.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Bytes no text file contains in number. ESC is left out: terminal captures are text
# full of colour codes (the sanitizer removes them); \t \n \v \f \r are text.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b") + b"\x7f"
_BINARY_CONTROL_RATIO = 0.10
# A few stray NUL bytes (a scraper's glitch) do not make a page binary; many do.
_BINARY_NUL_RATIO = 0.01


def read_text(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The decoded text of a text or HTML file (gzip-compressed files are decompressed).

    Raises :class:`SkippedFile` with a one-line reason when the file is unreadable,
    empty, larger than ``max_bytes`` (decompressed size for ``.gz``), or binary.
    Escape sequences and control characters are left in: the caller cleans them.
    """
    data = read_bytes(path, max_bytes)
    return decode_bytes(data)


def read_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes (decompressed if gzip-compressed), within the size cap."""
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            raise SkippedFile("empty file")
        compressed = handle.peek(2)[:2] == b"\x1f\x8b"  # told by the content, not the name
        if not compressed and size > max_bytes:
            raise SkippedFile(f"larger than {format_size(max_bytes)} ({format_excess(size, max_bytes)})")
        try:
            data = _read_gzip(handle, max_bytes) if compressed else handle.read(max_bytes + 1)
        except OSError as exc:
            raise SkippedFile(describe_os_error(exc, path)) from None
    if len(data) > max_bytes:  # the file grew after stat, or a .gz inflated past the cap
        what = "decompressed" if compressed else "now"
        raise SkippedFile(f"larger than {format_size(max_bytes)} ({what})")
    if not data:
        raise SkippedFile("empty file")
    return data


def _read_gzip(handle: BufferedReader, max_bytes: int) -> bytes:
    # Read one byte past the cap so a gzip bomb is stopped without inflating it all.
    try:
        with gzip.GzipFile(fileobj=handle, mode="rb") as inflated:
            return inflated.read(max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise SkippedFile(f"broken gzip file ({exc})") from None


_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _refuse_unless_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise SkippedFile("is a directory")
    # A FIFO would block, a device (/dev/zero) never ends: neither is read at all.
    kind = next((name for test, name in _FILE_KINDS if test(mode)), None)
    raise SkippedFile(f"not a regular file ({kind})" if kind else "not a regular file")


def open_regular(path: str | os.PathLike[str]) -> BufferedReader:
    """``path`` opened for binary reading, if it is a regular file (a symbolic link is
    judged by what it points to); :class:`SkippedFile` for anything else, decided
    before a byte is read. Every input is opened through here.

    The file is opened non-blocking, so that a FIFO put in its place after the check
    cannot block the open, and checked again on the open descriptor."""
    try:
        _refuse_unless_regular(os.stat(path).st_mode)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise SkippedFile(describe_os_error(exc, path)) from None
    try:
        _refuse_unless_regular(os.fstat(descriptor).st_mode)
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def describe_os_error(exc: OSError, path: str | os.PathLike[str]) -> str:
    """One line for the user about why ``path`` could not be read."""
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return "cannot read: broken symbolic link"
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    reason = exc.strerror or str(exc)
    return f"cannot read: {reason[:1].lower()}{reason[1:]}"


def format_excess(size: int, cap: int) -> str:
    """A size over ``cap`` for messages, never shown as the cap itself: "34.1 MB",
    and "20 MB + 1 byte" where rounding would hide the difference."""
    shown = format_size(size)
    if shown != format_size(cap) or size <= cap:
        return shown
    over = size - cap
    return f"{format_size(cap)} + {counted(over, 'byte')}"


def format_size(size: int) -> str:
    """Sizes for messages: "512 bytes", "3.2 KB", "20 MB", "34.1 MB" (binary units)."""
    if size < 1024:
        return f"{size} bytes"
    for unit, scale in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        value = size / scale
        if value < 1024 or unit == "GB":
            text = f"{value:.1f}".removesuffix(".0")
            return f"{text} {unit}"
    raise AssertionError("unreachable")


def decode_bytes(data: bytes) -> str:
    """Text from bytes, or :class:`SkippedFile` if they are binary or empty."""
    if not data:
        raise SkippedFile("empty file")
    kind = binary_signature(data)
    if kind:
        raise SkippedFile(f"binary file ({kind})")
    text = _decode_with_bom(data)
    if text is None:
        text = _decode_utf16_without_bom(data)
    if text is None:
        _refuse_binary_content(data)
        text = _decode_utf8(data)
    if text is None:
        text = _decode_legacy(data)
    if not text.strip():
        raise SkippedFile("empty file (only whitespace)")
    return text


def binary_signature(data: bytes) -> str | None:
    """The kind of file a known binary signature says ``data`` is, if any."""
    for magic, kind in _MAGIC_NUMBERS:
        if data.startswith(magic):
            return kind
    return None


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # "utf-16"/"utf-32" read the BOM themselves and drop it.
            return data.decode(encoding, errors="replace")
    return None


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: told by the NUL bytes that spaces, newlines and other
    ASCII characters carry in UTF-16, with the byte order that makes them line up."""
    sample = data[: min(len(data), 4096) & ~1]
    if len(sample) < 4 or 0 not in sample:
        return None
    encoding = _utf16_byte_order_by_nul_pattern(sample) or _utf16_byte_order_by_text(sample)
    if encoding is None:
        return None
    try:
        return data[: len(data) & ~1].decode(encoding)
    except UnicodeDecodeError:
        return None  # unpaired surrogates further on: not UTF-16 after all


def _utf16_byte_order_by_nul_pattern(sample: bytes) -> str | None:
    """Mostly ASCII/Latin text has a NUL in every other byte: at odd offsets in
    little-endian, at even offsets in big-endian."""
    pairs = len(sample) // 2
    even_nuls = sample[0::2].count(0) / pairs
    odd_nuls = sample[1::2].count(0) / pairs
    if odd_nuls >= 0.3 and even_nuls <= 0.05:
        return "utf-16-le"
    if even_nuls >= 0.3 and odd_nuls <= 0.05:
        return "utf-16-be"
    return None


def _utf16_byte_order_by_text(sample: bytes) -> str | None:
    """Other scripts (Cyrillic, Arabic, CJK...): the byte order under which the sample
    reads as printable text with spaces or newlines, and no NUL characters (binary
    data full of zero words fails there)."""
    best: tuple[int, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            try:  # a surrogate pair cut at the end of the sample
                text = sample[:-2].decode(encoding)
            except UnicodeDecodeError:
                continue
        separators = text.count(" ") + text.count("\n")
        if not text or not separators or "\x00" in text:
            continue
        printable = sum(char.isprintable() or char in "\n\r\t" for char in text)
        if printable >= 0.98 * len(text) and (best is None or separators > best[0]):
            best = (separators, encoding)
    return best[1] if best else None


def _refuse_binary_content(data: bytes) -> None:
    sample = data[:_SAMPLE_BYTES]
    nuls = sample.count(0)
    if nuls and nuls / len(sample) > _BINARY_NUL_RATIO:
        raise SkippedFile("binary file (contains NUL bytes)")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls / len(sample) > _BINARY_CONTROL_RATIO:
        raise SkippedFile("binary file (control bytes)")


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by a truncated download; only when the rest shows
        # UTF-8 multi-byte characters ("caf\xe9" alone is cp1252, not cut UTF-8).
        cut_at_end = exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"
        if cut_at_end and not data[: exc.start].isascii():
            return data[: exc.start].decode("utf-8")
        return None


def _decode_legacy(data: bytes) -> str:
    encoding = declared_html_charset(data) or guess_legacy_encoding(data)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# As browsers do (WHATWG Encoding): these labels mean windows-1252.
_CP1252_LABELS = frozenset({"latin1", "latin-1", "iso-8859-1", "iso8859-1", "us-ascii", "ascii"})


def declared_html_charset(data: bytes) -> str | None:
    """The legacy encoding an HTML page declares in a <meta> tag, if Python knows it
    and the bytes decode with it (a page that is not UTF-8 usually says what it is)."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    encoding = "cp1252" if label in _CP1252_LABELS else label
    try:
        codecs.lookup(encoding)
    except LookupError:
        return None
    return encoding if _decodes(data, encoding) else None


def guess_legacy_encoding(data: bytes) -> str:
    """The most plausible single- or multi-byte legacy encoding for non-UTF-8 bytes."""
    results = [
        match
        for match in from_bytes(data)
        # BOM-less UTF-16/32 was ruled out by the NUL test; charset-normalizer proposes
        # it for short Latin byte strings, where it yields CJK garbage.
        if not match.encoding.startswith(("utf_16", "utf_32"))
    ]
    if not results:
        return "cp1252"
    best = results[0]
    if best.coherence == 0.0 and _decodes(data, "cp1252"):
        # No language recognised (very short text): fall back on the likeliest.
        return "cp1252"
    for match in results:
        tied = abs(match.chaos - best.chaos) < 0.01 and abs(match.coherence - best.coherence) < 0.01
        if tied and match.encoding == "cp1252":
            return "cp1252"
    return best.encoding


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True

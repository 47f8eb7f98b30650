"""Make text safe to process and to show in a terminal.

Scraped pages can carry terminal escape sequences (a page copied from a terminal,
or planted on purpose), stray control bytes, and invisible characters that change
what a terminal shows: bidi overrides reorder a line, an OSC sequence can retitle
the window or write to the clipboard. Everything that enters the pipeline goes
through :func:`clean_control_chars` first; everything printed goes through
:func:`terminal_safe`.
"""

from __future__ import annotations

import os
import re

# Escape sequences are removed whole (not just their ESC), so no "[31m" litter stays.
# Order matters: the specific forms come before the generic two-character one.
_ESCAPE_SEQUENCE = re.compile(
    # String commands: OSC (ESC ]), DCS (ESC P), SOS (ESC X), PM (ESC ^), APC (ESC _)
    # and their 8-bit forms, up to BEL or ST. Without a terminator on the same line only
    # the introducer goes (a stray C1 byte must not swallow the rest of a paragraph).
    # The payload stops at any C1 character too, so each introducer scans only up to
    # the next one: linear time even on a line of thousands of stray \x9d.
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\n\x80-\x9f]{0,4096}(?:\x07|\x1b\\|\x9c)"
    # CSI (ESC [ or 8-bit \x9b): parameter bytes, intermediate bytes, final byte.
    r"|(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    # Other ESC sequences: intermediates then one final byte (ESC ( B, ESC 7, ESC c ...).
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]"
)

# Characters handled one by one. Any of them present means there is work to do, so
# the same pattern serves as the fast check for clean text. A single character class
# (no alternation: "\r\n" is joined before) lets the regex engine scan for its first
# character in a tight loop, three times as fast on a page of HTML.
_SPECIAL_CHARACTER = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 except \t \n (so \r too), DEL, C1
    "\u00ad"  # soft hyphen: invisible, but terminals disagree on its width
    "\u180e\u200b\u2060\ufeff"  # zero-width spaces and BOMs
    "\u2028\u2029"  # Unicode line and paragraph separators
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates
    "\ud800-\udfff"  # lone surrogates (from JSON "\\ud800"): cannot even be printed
    "]"
)

_LINE_BREAKS = {
    "\r": "\n",
    "\x0b": "\n",  # vertical tab
    "\x0c": "\n",  # form feed: a page break in old text files
    "\x85": "\n",  # NEL
    "\u2028": "\n",
    "\u2029": "\n\n",
}

_ONE_LINE_BREAKS = re.compile(r"[ \t\n]*[\t\n][ \t\n]*")


def _replace_special(match: re.Match[str]) -> str:
    return _LINE_BREAKS.get(match.group(), "")


def clean_control_chars(text: str) -> str:
    """Remove escape sequences, control characters (but ``\\n`` and ``\\t``), invisible
    junk and bidi controls; turn every kind of line break into ``\\n``.

    The result never contains ESC or any other C0/C1 control but ``\\n`` and ``\\t``;
    cleaning twice gives the same text as cleaning once.
    """
    if not _SPECIAL_CHARACTER.search(text):
        return text
    if "\x1b" in text or _has_c1_introducer(text):
        text = _ESCAPE_SEQUENCE.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return _SPECIAL_CHARACTER.sub(_replace_special, text)


def _has_c1_introducer(text: str) -> bool:
    return any(c in text for c in "\x90\x98\x9b\x9d\x9e\x9f")


def terminal_safe(text: str, *, one_line: bool = False) -> str:
    """Text ready to print: :func:`clean_control_chars`, and with ``one_line`` every run
    of tabs and newlines (with the spaces around it) becomes one space, for fields shown
    on a single line such as titles."""
    text = clean_control_chars(text)
    if one_line:
        text = _ONE_LINE_BREAKS.sub(" ", text)
    return text


_UNDECODABLE = re.compile("[\udc80-\udcff]")


def readable_path(path: str) -> str:
    """A file name as text that can be stored and encoded (SQLite, JSON, a terminal):
    bytes of the name that are not UTF-8, which Python keeps as lone surrogates, are
    written as ``\\xNN`` ("caf\\xe9.txt"). Anything else is left as it is: to print
    it, pass it through :func:`terminal_safe` too."""
    if _UNDECODABLE.search(path):
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path

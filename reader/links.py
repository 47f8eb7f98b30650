"""Where an article came from, as something to open in a browser or to copy: its
web page when it names one, else the file it was read from."""

from __future__ import annotations

import os
import re
import webbrowser
from dataclasses import dataclass
from pathlib import Path

from reader.ingest.sanitize import terminal_safe
from reader.model import Article

# Only web addresses are handed to a browser: a page's own "url" could name any
# scheme (javascript:, a local file); whitespace or quotes mean it is not one address.
_WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Original:
    address: str  # what to show and copy: the URL, or the file's path
    uri: str  # what to open: the URL, or a file: URI
    kind: str  # "web page" or "file"


def original_of(article: Article) -> Original | None:
    """The article's web page, else its file when it is still there, else None."""
    url = terminal_safe(article.url or "", one_line=True).strip()
    if _WEB_ADDRESS.match(url):
        return Original(url, url, "web page")
    if article.path and os.path.isfile(article.path):
        path = Path(article.path).resolve()
        return Original(str(path), path.as_uri(), "file")
    return None


def open_in_browser(uri: str) -> bool:
    """Open ``uri`` with the user's browser (Python's ``webbrowser``: ``$BROWSER``,
    else the desktop's); False when none could be started."""
    try:
        return webbrowser.open(uri)
    except webbrowser.Error:
        return False

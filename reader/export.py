"""Highlights as Markdown notes, and writing them to a file safely.

The output must read well as plain text and in note apps, and nothing an article
says may change its structure: passages and notes are escaped so that article text
cannot open a heading, a list, a link, a code span, raw HTML, a table or a new
block quote, and cannot end the block quote it sits in. The tests parse the output
as CommonMark (markdown-it-py) to check it.

Headless: the CLI and the TUI both call :func:`render_markdown` and
:func:`write_atomically`.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import ReaderError, is_disk_full
from reader.highlights.store import utc_now
from reader.ingest.sanitize import terminal_safe
from reader.paths import seed_name
from reader.wording import counted

if TYPE_CHECKING:
    from reader.library import ArticleHighlights, HighlightFilter, Library, PlacedHighlight

DEFAULT_TITLE = "Highlights"

# ASCII punctuation that can start or end an inline construct anywhere in a line:
# emphasis, code, links and images, autolinks and HTML, entities, GFM tables and
# strikethrough, note-app tags (#tag), maths ($x$) and e-mail autolinks (a@b.org).
# All may be backslash-escaped.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~$#@])")
# Bare URLs and www. names, which GFM renderers and note apps turn into links.
_BARE_LINK = re.compile(r"(?i)(:)(?=//)|(www)\.")
# Bare domain names ("evil.com", "bbc.co.uk/news", "¢.com"), which fuzzy linkifiers
# (markdown-it's linkify) turn into links. A name is only recognised with a dot before
# a common or two-letter top-level domain, so that dot is escaped wherever it follows
# some text: escaping a dot too many is harmless, one too few is a link. A dot right
# after a backslash is already escaped ("www\." above) or follows a literal one (no
# name ends in a backslash): escaping it again would print the backslash.
_BARE_DOMAIN = re.compile(
    r"(?i)(?<=[^\s\\])\.(?=(?:[a-z]{2}|com|org|net|edu|gov|int|mil|biz|info|name|pro|aero|asia|coop|museum"
    r"|shop|xxx|web|рф|xn--[a-z0-9-]+)(?![\w-]))"
)
# What can open a block at the start of a line once the inline escapes are done:
# list bullets, setext underlines / thematic breaks, ordered-list numbers ("1985. ").
_LINE_START_SPECIAL = re.compile(r"^([-+=:])|^(\d{1,9})([.)])(?=\s|$)")
_WHITE_SPACE = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\\x00-\x1f\x7f]+$")


class ExportError(ReaderError):
    """The export cannot be written; the message says why, for the user."""


class ExportExists(ExportError, FileExistsError):
    pass


@dataclass(frozen=True, slots=True)
class MarkdownExport:
    text: str
    articles: int
    passages: int


GROUPINGS = ("article", "person")


def export_highlights(
    library: Library,
    wanted: HighlightFilter | None = None,
    *,
    front_matter: bool = False,
    title: str = DEFAULT_TITLE,
    exported: str | None = None,
    by: str = "article",
) -> MarkdownExport | None:
    """Select (see ``Library.select_highlights``) and render in one call; None when no
    highlight matches. Pass the text to :func:`write_atomically` to save it. ``by``:
    one section per article, or per ``person`` whose words the passages are."""
    groups = library.select_highlights(wanted)
    if not groups:
        return None
    filters = wanted.describe() if wanted else {}
    text = render_markdown(
        groups, front_matter, title=title, filters=filters, exported=exported or utc_now(), by=by
    )
    return MarkdownExport(text, len(groups), sum(len(g.highlights) for g in groups))


# -- a story's brief (news-reader export --story) ---------------------------------


def export_story(library: Library, ref: str, *, exported: str | None = None) -> MarkdownExport:
    """A Markdown brief of the story ``ref`` (a story id or one of its articles):
    its timeline as a table, who said what (the quotes of its articles), and the
    user's highlights in its articles."""
    from reader.library import outlet_of

    story = library.story(ref)
    ids = {a.id for a in story.articles}
    groups = [g for g in library.select_highlights() if g.article_id in ids]
    summary = story.summary()
    lines = [f"# {escape_line(story.title) or 'Untitled'}", ""]
    dates = (summary.first_date or "undated")[:10]
    if summary.last_date and summary.first_date and summary.last_date[:10] != dates:
        dates += f" to {summary.last_date[:10]}"
    facts = f"Story {story.id}: {counted(summary.articles, 'article')} from {counted(len(summary.outlets), 'outlet')}, {dates}"
    lines += [escape_line(facts + (f", exported {exported[:10]}" if exported else "")) + ".", ""]
    people = ", ".join(f"{escape_line(name)} ({count})" for name, count in story.names("PERSON")[:10])
    if people:
        lines += [f"**People:** {people}", ""]
    lines += ["## Timeline", "", "| date | outlet | title | id |", "| --- | --- | --- | --- |"]
    for stored in story.articles:
        copies = story.copies_of(stored.id)
        title = escape_line(stored.article.title) or "Untitled"
        if copies:
            title += escape_line(f" (a copy of {', '.join(copies)})")
        lines.append(
            f"| {escape_line((stored.article.date or 'undated')[:10])} | {escape_line(outlet_of(stored))} "
            f"| {title} | {escape_line(stored.id)} |"
        )
    lines.append("")
    lines += _who_said_what(library, story)
    if groups:
        lines += ["## Highlights", ""]
        for group in groups:
            lines += _article_section(group)
    text = "\n".join(lines).rstrip("\n") + "\n"
    return MarkdownExport(text, len(groups), sum(len(g.highlights) for g in groups))


def _who_said_what(library: Library, story) -> list[str]:
    """Quotes by speaker (the quotes the library found in each article, named as
    ``Library.speaker_of`` names them), with the outlets carrying each. Fragments
    (partial quotes) are left out: they are not statements."""
    from reader.library import outlet_of

    said: dict[str, dict[str, list[str]]] = {}
    for stored in story.articles:
        body = stored.article.body
        for quote in stored.quotes:
            if quote.partial:
                continue
            speaker = library.speaker_of(stored, quote.start, quote.end)
            if not speaker:
                continue
            outlets = said.setdefault(speaker, {}).setdefault(
                " ".join(body[quote.start : quote.end].split()), []
            )
            if outlet_of(stored) not in outlets:
                outlets.append(outlet_of(stored))
    if not said:
        return []
    lines = ["## Who said what", ""]
    for speaker in sorted(said, key=lambda s: (-len(said[s]), s)):
        lines += [f"### {escape_line(speaker)}", ""]
        for text, outlets in said[speaker].items():
            lines += [quote_block(text), "", f"- *{escape_line(', '.join(outlets))}*", ""]
    return lines


def escape_line(text: str) -> str:
    """``text`` as one line of literal Markdown text: control characters and escape
    sequences removed, white space collapsed, every character that could start a
    construct escaped."""
    line = _WHITE_SPACE.sub(" ", terminal_safe(text, one_line=True)).strip()
    line = _INLINE_SPECIAL.sub(r"\\\1", line)
    line = _BARE_LINK.sub(_escape_bare_link, line)
    line = _BARE_DOMAIN.sub(r"\\.", line)
    return _LINE_START_SPECIAL.sub(_escape_line_start, line)


def _escape_bare_link(match: re.Match[str]) -> str:
    # "http\://" and "www\." render as written but are no longer recognised as links.
    return "\\:" if match.group(1) else f"{match.group(2)}\\."


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def quote_block(text: str) -> str:
    """A passage as a block quote; its paragraphs stay paragraphs, joined by ``>``
    lines so the quote stays one block."""
    paragraphs = [escape_line(p) for p in _PARAGRAPH_BREAK.split(terminal_safe(text))]
    paragraphs = [p for p in paragraphs if p]
    return "\n>\n".join(f"> {p}" for p in paragraphs) or ">"


def code_span(text: str) -> str:
    """``text`` verbatim in a code span (a file path): fenced by one backtick more
    than the longest run inside it."""
    text = _WHITE_SPACE.sub(" ", terminal_safe(text, one_line=True))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else text
    return f"{fence}{padded}{fence}"


def render_markdown(
    groups: Sequence[ArticleHighlights],
    front_matter: bool = False,
    *,
    title: str = DEFAULT_TITLE,
    filters: dict[str, str] | None = None,
    exported: str | None = None,
    by: str = "article",
) -> str:
    """The highlights as a Markdown document: a title, then one ``##`` section per
    article (metadata line, each passage as a block quote with its note, tags,
    people and speaker), or with ``by="person"`` one per speaker, each passage with
    its article's line. ``exported`` is the export time to print (ISO 8601);
    ``filters`` what selected the highlights, for the front matter."""
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {GROUPINGS}")
    passages = sum(len(g.highlights) for g in groups)
    lines: list[str] = []
    if front_matter:
        lines += _front_matter(groups, title, filters or {}, exported, passages)
    lines += [f"# {escape_line(title) or DEFAULT_TITLE}", ""]
    summary = f"{counted(passages, 'passage')} from {counted(len(groups), 'article')}"
    if exported:
        summary += f", exported {exported[:10]}"
    lines += [escape_line(summary) + ".", ""]
    if by == "person":
        lines += _speaker_sections(groups)
    else:
        for group in groups:
            lines += _article_section(group)
    return "\n".join(lines).rstrip("\n") + "\n"


NOBODY_QUOTED = "Not the words of anyone named"


def _speaker_sections(groups: Sequence[ArticleHighlights]) -> list[str]:
    """One ``##`` section per speaker, the most highlighted first; passages that are
    no one's words last."""
    by_speaker: dict[str | None, list[tuple[ArticleHighlights, PlacedHighlight]]] = {}
    for group in groups:
        for placed in group.highlights:
            by_speaker.setdefault(placed.speaker, []).append((group, placed))
    order = sorted(by_speaker, key=lambda s: (s is None, -len(by_speaker[s]), s or ""))
    lines: list[str] = []
    for speaker in order:
        lines += [f"## {escape_line(speaker) if speaker else NOBODY_QUOTED}", ""]
        for group, placed in by_speaker[speaker]:
            lines += _passage(placed)[:-1] + [f"- *In:* {_facts_line(group)}", ""]
    return lines


def _article_section(group: ArticleHighlights) -> list[str]:
    lines = [f"## {escape_line(group.title) or 'Untitled'}", ""]
    lines += [_facts_line(group, with_title=False), ""]
    if not group.in_library:
        lines += ["*This article is no longer in the library; passages are quoted as highlighted.*", ""]
    for placed in group.highlights:
        lines += _passage(placed)
    return lines


def _facts_line(group: ArticleHighlights, with_title: bool = True) -> str:
    facts = [escape_line(group.title) or "Untitled"] if with_title else []
    facts += [escape_line(f) for f in (group.source, (group.date or "")[:10]) if f and f.strip()]
    seed = seed_name(group.path)
    where = f"sample page {code_span(seed)}" if seed else code_span(group.path)
    where += f" (story #{group.part})" if group.part else ""
    facts.append(where)
    if group.url:
        url = terminal_safe(group.url, one_line=True)
        facts.append(f"<{url}>" if _SAFE_URL.match(url) else escape_line(url))
    facts.append(f"id {escape_line(group.article_id)}")
    return " · ".join(facts)


def _passage(placed: PlacedHighlight) -> list[str]:
    highlight = placed.highlight
    lines = [quote_block(highlight.quote), ""]
    details: list[str] = []
    if highlight.note.strip():
        details.append(f"- **Note:** {escape_line(highlight.note)}")
    if highlight.tags:
        details.append(f"- **Tags:** {', '.join(escape_line(t) for t in highlight.tags)}")
    if placed.speaker:
        details.append(f"- **Said by:** {escape_line(placed.speaker)}")
    if placed.people:
        details.append(f"- **People:** {', '.join(escape_line(p) for p in placed.people)}")
    if highlight.orphaned:
        details.append("- *Not found in the article's current text.*")
    details.append(f"- *Highlighted {escape_line(highlight.created[:10])} · {escape_line(highlight.id)}*")
    return lines + details + [""]


def _front_matter(
    groups: Sequence[ArticleHighlights],
    title: str,
    filters: dict[str, str],
    exported: str | None,
    passages: int,
) -> list[str]:
    tags: dict[str, None] = {}
    people: dict[str, None] = {}
    for group in groups:
        for placed in group.highlights:
            tags.update(dict.fromkeys(placed.highlight.tags))
            people.update(dict.fromkeys(placed.people))
    lines = ["---", f"title: {yaml_string(title)}"]
    if exported:
        lines.append(f"exported: {yaml_string(exported)}")
    if filters:
        lines.append("filters:")
        lines += [f"  {key}: {yaml_string(value)}" for key, value in sorted(filters.items())]
    lines += [
        f"articles: {len(groups)}",
        f"passages: {passages}",
        f"tags: [{', '.join(yaml_string(t) for t in tags)}]",
        f"people: [{', '.join(yaml_string(p) for p in people)}]",
        "---",
        "",
    ]
    return lines


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar. JSON's string syntax is one, once the characters
    YAML reads as line breaks (but JSON does not escape) are escaped too."""
    encoded = json.dumps(" ".join(terminal_safe(value).split()), ensure_ascii=False)
    for char in ("\u0085", "\u2028", "\u2029", "\ufeff"):
        encoded = encoded.replace(char, f"\\u{ord(char):04x}")
    return encoded


def write_atomically(path: str | os.PathLike[str], text: str, force: bool = False) -> Path:
    """Write ``text`` to ``path`` so that the file is either the old one or the whole
    new one, never a part: a temporary file in the same folder, synced, then renamed
    over. Without ``force`` an existing file is never replaced (checked atomically:
    the rename is a hard link that fails if the name is taken)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name")
    if target.exists() and not target.is_file():
        # a device, a FIFO or a socket: --force must never put a file in its place
        raise ExportError(f"{target} is not a regular file; notes are written to regular files only")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: folder {folder} does not exist")
    if target.exists() and not force:
        raise ExportExists(f"{target} exists; use --force to overwrite it")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"cannot write in {folder}: {exc.strerror}") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private; a note is an ordinary file (or keeps the
        # mode of the one it replaces).
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        if force:
            os.replace(temporary, target)
        else:
            _move_without_overwriting(Path(temporary), target)
        _sync_folder(folder)
    except BaseException as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        if is_disk_full(exc):
            raise ExportError(
                f"disk full while writing {target}; nothing was lost, run the export again when there is space"
            ) from exc
        raise
    return target


def _move_without_overwriting(temporary: Path, target: Path) -> None:
    try:
        # A hard link fails if the name is taken, even when another process takes
        # it between our check and now.
        os.link(temporary, target)
    except FileExistsError as exc:
        raise ExportExists(f"{target} exists; use --force to overwrite it") from exc
    except OSError:
        # File systems without hard links (FAT, some network mounts): check, then rename.
        if target.exists():
            raise ExportExists(f"{target} exists; use --force to overwrite it") from None
        os.replace(temporary, target)
        return
    os.unlink(temporary)


def _sync_folder(folder: Path) -> None:
    # The rename is durable only once the folder entry is on disk.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

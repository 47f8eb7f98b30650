"""Tables used to lay a page out, turned into plain blocks before extraction.

Old news sites and every mail newsletter place their text in a grid of table cells.
trafilatura reads any table as data and gives each row as one line ("| headline
paragraph paragraph … |"), so a whole article laid out in one cell came out as one
line of table markup. A table is layout rather than data when nothing marks it as
data (a header cell, a caption, a summary) and it holds another table, or its cells
hold blocks of text (paragraphs, headings, lists, lines broken by ``<br>``) in a grid
of at most two columns or in a cell longer than any data cell; its rows and cells become ``div``s, and the
blocks inside them are read as the paragraphs they are. Browsers' reader views draw
the same line on the markup alone (Readability's data tables).
"""

from __future__ import annotations

from reader.ingest.html_declared import PageTree

_ROW_AND_CELL_TAGS = frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"})
# Blocks of text, and the line breaks old sites separate paragraphs with.
_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "br"})
_DATA_MARKS = frozenset({"th", "thead", "caption", "colgroup"})
# Wider grids of short blocks are data (a Word table pastes each cell as a <p>)...
_LAYOUT_COLUMNS = 2
# ...unless one cell holds more text than a data cell does (characters but spaces):
# a story, not a value.
_LONG_CELL = 300


def unwrap_layout_tables(tree: PageTree) -> None:
    """Make every layout table of ``tree``, with its rows and cells, plain ``div``s, in place."""
    if next(tree.iter("table"), None) is None:
        return
    own_parts = _parts_by_table(tree)
    layout = [table for table, parts in own_parts.items() if _is_layout(table, parts)]
    for table in layout:
        for element in own_parts[table]:
            if element.tag in _ROW_AND_CELL_TAGS:
                element.tag = "div"
        table.tag = "div"


def _parts_by_table(tree: PageTree) -> dict[PageTree, list[PageTree]]:
    """Each table's elements that are not inside a table nested in it, in one pass
    over the outermost tables (a page may nest tables deeply; most of a page is
    outside any table)."""
    owner: dict[PageTree, PageTree] = {}
    parts: dict[PageTree, list[PageTree]] = {}
    for outermost in tree.iter("table"):
        if outermost in parts:
            continue  # nested in a table already read
        parts[outermost] = []
        for element in outermost.iterdescendants():
            if not isinstance(element.tag, str):
                continue
            if element.tag == "table":
                parts.setdefault(element, [])
            parent = element.getparent()
            table = parent if parent.tag == "table" else owner.get(parent)
            if table is not None:
                owner[element] = table
                parts[table].append(element)
    return parts


def _is_layout(table: PageTree, parts: list[PageTree]) -> bool:
    if (table.get("role") or "").lower() == "presentation":
        return True
    if table.get("summary") or any(part.tag in _DATA_MARKS for part in parts):
        return False
    if any(part.tag == "table" for part in parts):
        return True
    if not any(part.tag in _BLOCK_TAGS for part in parts):
        return False
    rows = [part for part in parts if part.tag == "tr"]
    columns = max((sum(cell.tag == "td" for cell in row) for row in rows), default=0)
    if columns <= _LAYOUT_COLUMNS:
        return True
    return any(part.tag == "td" and _letters_and_marks(part.text_content()) > _LONG_CELL for part in parts)


def _letters_and_marks(text: str) -> int:
    """The length of a text without its white space (markup indents cells deeply)."""
    return len("".join(text.split()))

"""Layout tables become divs, data tables stay tables, however they nest."""

from __future__ import annotations

import trafilatura

from reader.ingest.html_layout import unwrap_layout_tables


def tags_after_unwrapping(page: str) -> list[str]:
    tree = trafilatura.load_html(page)
    unwrap_layout_tables(tree)
    return [element.tag for element in tree.find("body").iter() if isinstance(element.tag, str)]


def test_a_data_table_nested_in_a_layout_table_stays_a_table() -> None:
    data = "<table><tr><th>Team</th><th>Points</th></tr><tr><td>Ajax</td><td>3</td></tr></table>"
    page = f"<html><body><table><tr><td><p>Text.</p>{data}</td></tr></table><p>After.</p></body></html>"
    assert tags_after_unwrapping(page) == [
        "body", "div", "div", "div", "p", "table", "tr", "th", "th", "tr", "td", "td", "p",
    ]  # fmt: skip


def test_tables_side_by_side_and_three_deep_are_each_judged() -> None:
    grid = "<table><tr><td>1</td><td>2</td><td>3</td></tr></table>"  # no blocks: data
    deep = "<table><tr><td><table><tr><td><table><tr><td><p>Deep.</p></td></tr></table></td></tr></table></td></tr></table>"
    page = f"<html><body>{grid}<div>{deep}</div></body></html>"
    assert tags_after_unwrapping(page) == [
        "body", "table", "tr", "td", "td", "td",
        "div", *["div"] * 9, "p",
    ]  # fmt: skip

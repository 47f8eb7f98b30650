"""Every key binding of the reader, in one place: the screens use these lists, the
help screen and the command palette list them, and the config file remaps them by id.
"""

from __future__ import annotations

from textual.binding import Binding


def _b(
    key: str, action: str, description: str, id: str, tooltip: str, show: bool = True, priority: bool = False
) -> Binding:
    return Binding(key, action, description, show=show, id=id, tooltip=tooltip, priority=priority)


APP = [
    # Priority: "?" shows help even from the query box ("?" as a one-letter wildcard
    # is rare; a user looking for help is not).
    _b("question_mark", "app.help", "Help", "help", "Show every key", priority=True),
    _b("q", "app.quit", "Quit", "quit", "Quit the reader"),
    _b("H", "app.show_highlights", "Highlights", "show_highlights", "List every highlight, across articles"),
    _b(
        "X,ctrl+e",
        "app.export_highlights",
        "Export",
        "export_highlights",
        "Export highlights to Markdown",
        show=False,
    ),
]

SEARCH = [
    # Priority: "/" from the query box itself must not type a slash into the query.
    _b(
        "slash", "focus_query", "Search", "focus_search", "Type a query (searches as you type)", priority=True
    ),
    _b("o", "toggle_sort", "Sort", "sort", "Sort results by date or by relevance"),
    _b("u", "toggle_unread", "Unread", "unread_only", "Show only the articles not yet read (again: all)"),
    _b("ctrl+r", "clear_filters", "Clear", "clear_filters", "Clear the query and every filter", show=False),
    _b(
        "escape",
        "focus_results",
        "Results",
        "focus_results",
        "Leave the query box for the results",
        show=False,
    ),
    _b(
        "down",
        "focus_results",
        "Results",
        "results_down",
        "From the query box down into the results",
        show=False,
    ),
]

# The sentence cursor and highlighting: the reading view and side by side (the
# focused pane) share these bindings, so one remap in the config moves both.
CURSOR = [
    _b("j", "next_sentence", "Sentence", "next_sentence", "Move the cursor to the next sentence", show=False),
    _b(
        "k",
        "previous_sentence",
        "Sentence",
        "previous_sentence",
        "Move the cursor to the previous sentence",
        show=False,
    ),
    _b(
        "J,right_curly_bracket",
        "next_paragraph",
        "Paragraph",
        "next_paragraph",
        "Move the cursor to the next paragraph",
        show=False,
    ),
    _b(
        "K,left_curly_bracket",
        "previous_paragraph",
        "Paragraph",
        "previous_paragraph",
        "Move the cursor to the previous paragraph",
        show=False,
    ),
    _b(
        "v",
        "select",
        "Select",
        "select",
        "Start a selection at the cursor (again: drop it); j/k/J/K extend it",
        show=False,
    ),
    _b(
        "h",
        "highlight",
        "Highlight",
        "highlight",
        "Highlight the selection or the sentence at the cursor, with a note and tags",
    ),
    _b(
        "a",
        "edit_highlight",
        "Note",
        "edit_highlight",
        "Edit the note and tags of the highlight at the cursor",
        show=False,
    ),
    _b(
        "d",
        "delete_highlight",
        "Delete",
        "delete_highlight",
        "Delete the highlight at the cursor",
        show=False,
    ),
    _b("u", "undo_highlight", "Undo", "undo_highlight", "Undo the last highlight change", show=False),
]

READING = [
    _b(
        "escape",
        "back",
        "Back",
        "back",
        "Back one step: close the find box or the side panel, drop a selection, then leave the article",
    ),
    _b("slash", "search", "Search", "search_library", "Back to search, query box focused", show=False),
    _b("e", "toggle_entities", "Entities", "toggle_entities", "Highlight people, organisations and places"),
    _b("n", "next_match", "Next", "next_match", "Next match of the query or find"),
    _b("N", "previous_match", "Prev", "previous_match", "Previous match of the query or find", show=False),
    _b("f,ctrl+f", "find", "Find", "find", "Find a word in this article"),
    _b("p", "focus_people", "People", "focus_people", "People, organisations and places of this article"),
    _b("r", "related", "Related", "open_related", "Pieces related to this article"),
    _b("s", "side_by_side", "Compare", "side_by_side", "Compare with a related piece, side by side"),
    _b(
        "asterisk",
        "search_selection",
        "Search this",
        "search_selection",
        "Search the library for the words selected with the mouse, or a name in the sentence at the cursor",
        show=False,
    ),
    _b(
        "b",
        "open_original",
        "Open page",
        "open_original",
        "Open the article's web page in the browser (its file, when it has no URL)",
        show=False,
    ),
    _b("y", "copy_url", "Copy URL", "copy_url", "Copy the article's URL (or its file's path)", show=False),
    _b(
        "space",
        "page_down",
        "Page down",
        "page_down",
        "Scroll a page down (arrows, pgup/pgdn, home/end too)",
        show=False,
    ),
]

# On a person in the side panel: corrections kept in the library, like highlights.
PEOPLE_PANEL = [
    _b("x", "not_a_person", "Not a person", "not_a_person", "Mark the chosen name as no person"),
    _b("R", "rename_person", "Rename", "rename_person", "Show the chosen person under another name"),
    _b("M", "merge_person", "Merge", "merge_person", "Name another person who is the chosen one"),
    _b("U", "undo_people", "Undo", "undo_people", "Undo the last correction to people"),
]

PERSON_NAME = [
    _b("enter", "submit", "Save", "save_person_name", "Save the name", priority=True),
    _b("escape", "cancel", "Cancel", "cancel_person_name", "Close without a change"),
]

RELATED = [
    _b("escape", "dismiss_picker", "Close", "close_related", "Close the related list"),
    _b(
        "s",
        "compare_selected",
        "Compare",
        "compare_related",
        "Compare the open article with this piece, side by side",
    ),
    _b("o", "open_selected", "Open", "open_related_piece", "Open this piece to read"),
]

COMPARE = [
    _b("escape", "back", "Back", "back_compare", "Back to the article"),
    _b("right_square_bracket", "next_passage", "Next", "next_passage", "Next passage both articles share"),
    _b(
        "left_square_bracket",
        "previous_passage",
        "Prev",
        "previous_passage",
        "Previous shared passage",
        show=False,
    ),
    _b("tab", "focus_other", "Pane", "focus_other_pane", "Focus the other pane", priority=True),
    _b("x", "swap", "Swap", "swap_panes", "Swap the two panes"),
    _b("w", "close_pane", "Close", "close_pane", "Close the focused pane and read the other"),
    _b("m", "maximise", "Max", "maximise_pane", "Maximise the focused pane (again to restore)"),
    _b(
        "e",
        "toggle_entities",
        "Entities",
        "toggle_entities_compare",
        "Highlight people, organisations and places",
        show=False,
    ),
]

HIGHLIGHT_NOTE = [
    # Priority: enter saves from the note box and from the tags box alike.
    _b(
        "enter",
        "save_note",
        "Save",
        "save_note",
        "Save the highlight (the note and tags may stay empty)",
        priority=True,
    ),
    _b("escape", "cancel_note", "Cancel", "cancel_note", "Close without saving anything"),
]

HIGHLIGHTS = [
    _b("escape", "back", "Back", "back_highlights", "Back to the previous screen"),
    # Priority: "/" from the filter box must not type a slash into it.
    _b("slash", "focus_filter", "Filter", "filter_highlights", "Filter by words, or #tag", priority=True),
    _b("down", "focus_list", "List", "highlights_list", "From the filter box down into the list", show=False),
    _b("a", "edit_selected", "Note", "edit_listed_highlight", "Edit the note and tags of this highlight"),
    _b("d", "delete_selected", "Delete", "delete_listed_highlight", "Delete this highlight"),
    _b("u", "undo", "Undo", "undo_listed_highlight", "Undo the last highlight change"),
]

EXPORT = [
    # Priority: enter exports from the path box and from the front-matter box alike.
    _b("enter", "export", "Export", "write_export", "Write the file", priority=True),
    _b("escape", "cancel", "Cancel", "cancel_export", "Close without exporting"),
]

CHOICE = [
    _b("escape", "cancel_choice", "Close", "close_choice", "Close without choosing"),
]

CONFIRM = [
    _b("y", "answer(True)", "Yes", "confirm_yes", "Yes"),
    _b("n,escape", "answer(False)", "No", "confirm_no", "No"),
]

HELP = [
    _b("escape,question_mark", "close", "Close", "close_help", "Close the help"),
]

# -- who said what (issue 15): the People view, and quotes in an article -------

QUOTES_EVERYWHERE = [
    _b("P", "app.show_people", "People", "show_people", "People of the library and what they said"),
]

PEOPLE = [
    _b("escape", "back", "Back", "back_people", "Back to the people, or to the previous screen"),
    # Priority: "/" from the filter box must not type a slash into it.
    _b(
        "slash",
        "focus_filter",
        "Filter",
        "filter_people",
        "Filter people by name, or quotes by words",
        priority=True,
    ),
    _b("down", "focus_list", "List", "people_list", "From the filter box down into the list", show=False),
    _b(
        "h",
        "highlight_quote",
        "Highlight",
        "highlight_quote",
        "Keep the quote as a highlight, its speaker in the note",
    ),
    _b(
        "f",
        "toggle_fragments",
        "Fragments",
        "toggle_fragments",
        "Show fragments and scare quotes too (again: hide)",
    ),
]

QUOTES_READING = [
    _b("quotation_mark", "next_quote", "Quote", "next_quote", "Next quote and who said it"),
    _b("apostrophe", "previous_quote", "Quote", "previous_quote", "Previous quote", show=False),
]

# -- stories (issue 16): the same event across outlets -------------------------

# From an article or a search result to its story.
STORY_OPEN = [
    _b(
        "t",
        "open_story",
        "Story",
        "open_story",
        "The story of this article: every outlet's version on a timeline",
    ),
]

# The search results: copies of one text are listed once.
COPIES = [
    _b(
        "c",
        "toggle_copies",
        "Copies",
        "toggle_copies",
        "Show or hide the copies of this result (other outlets)",
        show=False,
    ),
]

# Up and down are the outlets' rows, before the scrolling body below the timeline
# takes them (priority); pgup/pgdn scroll it.
STORY = [
    _b("escape", "back", "Back", "back_story", "Back to the previous screen"),
    _b("right,l", "next_mark", "Next", "story_next", "Next article on the timeline"),
    _b("left,h", "previous_mark", "Prev", "story_previous", "Previous article on the timeline", show=False),
    _b(
        "down,j", "next_outlet", "Outlet", "story_next_outlet", "Next outlet's row", show=False, priority=True
    ),
    _b(
        "up,k",
        "previous_outlet",
        "Outlet",
        "story_previous_outlet",
        "Previous outlet's row",
        show=False,
        priority=True,
    ),
    _b("enter", "open_mark", "Open", "story_open_article", "Read the article at the mark"),
    _b(
        "space", "pick_mark", "Pick", "story_pick", "Pick the article at the mark to compare (again: drop it)"
    ),
    _b(
        "c",
        "compare_marks",
        "Compare",
        "story_compare",
        "Side by side: the picked article with the one at the mark (the central one if none is picked)",
    ),
    _b("X", "export_story", "Export", "export_story", "Export the story as a Markdown brief", show=False),
]

SECTIONS: list[tuple[str, list[Binding]]] = [
    ("Everywhere", APP + QUOTES_EVERYWHERE),
    ("Search", SEARCH),
    ("Reading an article", READING),
    ("People in the side panel", PEOPLE_PANEL),
    ("Sentence cursor and highlights (reading, and the focused pane side by side)", CURSOR),
    ("Related pieces", RELATED),
    ("Side by side", COMPARE),
    ("Stories: from an article or a search result", STORY_OPEN),
    ("Search results with copies", COPIES),
    ("A story: outlets and timeline", STORY),
    ("Highlights", HIGHLIGHTS),
    ("People and their quotes (enter: their quotes; on a quote: open the article there)", PEOPLE),
    ("Quotes in an article", QUOTES_READING),
    ("A highlight's note and tags", HIGHLIGHT_NOTE),
    ("Export", EXPORT),
    ("Questions", CONFIRM),
    ("A person's name", PERSON_NAME),
    ("Choosing (what to search for)", CHOICE),
    ("Help", HELP),
]


# The footer shows what fits, in this order: these first, then the screen's own keys
# in the order of their lists (the most used first), then the rest; quit last.
FOOTER_FIRST = ("back", "back_compare", "back_highlights", "close_related", "close_help", "help")
FOOTER_LAST = ("quit",)


def binding_ids() -> list[str]:
    return [b.id for _, bindings in SECTIONS for b in bindings if b.id]


def by_id(binding_id: str) -> Binding:
    """The binding with this id (as the config file names it)."""
    for _, bindings in SECTIONS:
        for binding in bindings:
            if binding.id == binding_id:
                return binding
    raise KeyError(binding_id)

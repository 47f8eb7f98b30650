"""The store against a model: any sequence of changes and undos leaves the same
highlights, notes, tags and deletions as the model says (and survives reopening)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass

from hypothesis import assume, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, precondition, rule

from reader.highlights.store import HighlightNotFound, HighlightStore, normalise_tags
from reader.model import Article

BODY = "One sentence here. Another sentence there. A third one to highlight at the end."


@dataclass(frozen=True)
class Stored:
    id: str
    article: Article


ARTICLE = Stored("model0", Article(path="/m.txt", title="Model", body=BODY))
notes = st.sampled_from(["", "a note", " spaced ", "another"])
tag_lists = st.lists(st.sampled_from(["x", "X", "#y", "two words", " "]), max_size=3)


class StoreModel(RuleBasedStateMachine):
    highlights = Bundle("highlights")

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.mkdtemp()
        self.store = HighlightStore(self.folder)
        self.model: dict[str, dict] = {}
        self.journal: list[tuple[str, str, dict | None]] = []

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder)

    @rule(target=highlights, start=st.integers(0, 60), size=st.integers(1, 20))
    def add(self, start, size):
        end = min(len(BODY), start + size)
        assume(BODY[start:end].strip())  # a selection of white space alone is refused (tested elsewhere)
        h = self.store.add(ARTICLE, start, end)
        self.model[h.id] = {"note": "", "tags": (), "deleted": False}
        self.journal.append(("add", h.id, None))
        return h.id

    def _change(self, highlight_id, action, **new):
        state = self.model[highlight_id]
        changed = {**state, **new}
        if changed != state:
            self.journal.append((action, highlight_id, dict(state)))
            self.model[highlight_id] = changed

    @rule(highlight_id=highlights, note=notes)
    def update_note(self, highlight_id, note):
        if self.model[highlight_id]["deleted"]:
            try:
                self.store.update_note(highlight_id, note)
            except HighlightNotFound:
                return
            raise AssertionError("a deleted highlight was edited")
        self.store.update_note(highlight_id, note)
        self._change(highlight_id, "note", note=note.strip())

    @rule(highlight_id=highlights, tags=tag_lists)
    def set_tags(self, highlight_id, tags):
        if self.model[highlight_id]["deleted"]:
            return
        self.store.set_tags(highlight_id, tags)
        self._change(highlight_id, "tags", tags=normalise_tags(tags))

    @rule(highlight_id=highlights)
    def delete(self, highlight_id):
        if self.model[highlight_id]["deleted"]:
            return
        self.store.delete(highlight_id)
        self._change(highlight_id, "delete", deleted=True)

    @rule(highlight_id=highlights)
    def undo_delete(self, highlight_id):
        self.store.undo_delete(highlight_id)
        self._change(highlight_id, "undelete", deleted=False)

    @rule()
    def undo(self):
        undone = self.store.undo()
        if not self.journal:
            assert undone is None
            return
        action, highlight_id, before = self.journal.pop()
        assert undone is not None and (undone.action, undone.highlight.id) == (action, highlight_id)
        if action == "add":
            self.model[highlight_id]["deleted"] = True
        else:
            self.model[highlight_id] = before

    @precondition(lambda self: self.model)
    @rule()
    def reopen(self):
        self.store.close()
        self.store = HighlightStore(self.folder)

    @invariant()
    def matches_the_model(self):
        live = {h.id: h for h in self.store.list()}
        assert set(live) == {i for i, s in self.model.items() if not s["deleted"]}
        for highlight_id, highlight in live.items():
            state = self.model[highlight_id]
            assert (highlight.note, highlight.tags) == (state["note"], state["tags"])
        assert self.store.count(include_deleted=True) == len(self.model)


StoreModel.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
test_store_matches_model = StoreModel.TestCase

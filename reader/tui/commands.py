"""The command palette: every action of the current screen (and the app), by name,
with its key, so nothing is only reachable by a key one has to remember."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ActionsProvider(Provider):
    def _commands(self):
        """(name, callback, help) for the screen's bindings and the app's. Taken from
        the binding lists rather than the active bindings: a focused text box hides
        letter keys from those, but the palette should still offer their actions."""
        screen = self.screen
        app = self.app
        seen: set[str] = set()
        owners = [(screen, binding) for binding in type(screen).BINDINGS] + [
            (app, b) for b in type(app).BINDINGS
        ]
        for owner, binding in owners:
            if not binding.id or binding.id in seen:
                continue
            seen.add(binding.id)
            name = f"{binding.tooltip or binding.description} ({app.keys_of(binding)})"
            yield name, partial(app.run_action, binding.action, owner), binding.description

    async def discover(self) -> Hits:
        for name, command, help_text in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, help=help_text)

"""The command palette: every action of the current screen (and the app), by name,
with its key, so nothing is only reachable by a key one has to remember."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.tui.screens.help import key_names


class ActionsProvider(Provider):
    def _commands(self):
        screen = self.screen
        app = self.app
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.id or binding.id in seen or not active.enabled:
                continue
            seen.add(binding.id)
            title = binding.tooltip or binding.description
            name = f"{title} ({key_names(app, binding)})"
            yield name, partial(app.run_action, binding.action, active.node), binding.description

    async def discover(self) -> Hits:
        for name, command, help_text in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, help=help_text)

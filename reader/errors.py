"""The one base of every error the user is meant to read.

A ``ReaderError``'s message is one line for the user ("no article 'x' in the
library"), and ``exit_status`` is what the command line exits with: 1 when
something could not be done, 2 when the user must rephrase what they asked (a bad
query, a bad date). Anything else that escapes is a bug and is reported as one.
"""

from __future__ import annotations


class ReaderError(Exception):
    exit_status = 1

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else type(self).__name__

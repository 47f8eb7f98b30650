"""Test-wide settings.

On CI (``CI`` set) hypothesis runs derandomized: the same examples every run, so a
submission's result does not depend on the luck of the draw. Locally every run draws
new examples, which is where new failures are found (and then pinned with @example).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

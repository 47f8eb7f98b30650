"""The single-writer lock of a library.

Only one process may change a library at a time (Whoosh and the store's batch
commits assume it). Readers never take this lock. The lock is an ``flock`` on a
file, so the kernel releases it when the holder dies, even on ``kill -9``; the
holder writes its pid into the file so a waiting process can say who it waits for.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path

from reader.errors import ReaderError

_POLL_SECONDS = 0.1


class LibraryBusy(ReaderError):
    """Another process holds the writer lock and did not let go in time."""

    def __init__(self, holder_pid: int | None, waited: float) -> None:
        who = f" (pid {holder_pid})" if holder_pid else ""
        super().__init__(
            f"another news-reader{who} is writing to this library; "
            f"gave up after {waited:g} s, try again when it has finished"
        )
        self.holder_pid = holder_pid


def waiting_message(holder_pid: int | None) -> str:
    who = f" (pid {holder_pid})" if holder_pid else ""
    return f"another news-reader{who} is writing to this library; waiting…"


class WriterLock:
    """``with WriterLock(path, timeout=30, on_wait=print): ...``"""

    def __init__(
        self,
        path: Path,
        timeout: float = 30.0,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.path = path
        self.timeout = timeout
        self.on_wait = on_wait
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """Take the lock if it is free; never waits."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return True

    def acquire(self) -> None:
        """Take the lock, waiting up to ``timeout`` seconds (telling ``on_wait`` once)."""
        if self.try_acquire():
            return
        if self.on_wait is not None:
            self.on_wait(waiting_message(self.holder_pid()))
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            time.sleep(_POLL_SECONDS)
            if self.try_acquire():
                return
        raise LibraryBusy(self.holder_pid(), self.timeout)

    def release(self) -> None:
        if self._fd is None:
            return
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def holder_pid(self) -> int | None:
        try:
            text = self.path.read_text().strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

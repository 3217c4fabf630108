"""The base of the classes that own a C handle: close(), context manager, __del__."""

from __future__ import annotations

import threading
from typing import Any, Callable, Optional, TypeVar

from ._errors import InvalidHandle

T = TypeVar("T", bound="Handle")


class Handle:
    """Owns one mdt_ handle; ``close()`` (or leaving a ``with`` block, or garbage collection)
    frees it once. Using a closed object raises InvalidHandle."""

    _free: Optional[Callable[[int], None]] = None

    def __init__(self, handle: int) -> None:
        self._h: Optional[int] = handle
        self._close_lock = threading.Lock()

    def close(self) -> None:
        """Frees the handle now (idempotent)."""
        lock = getattr(self, "_close_lock", None)
        if lock is None:  # __init__ never ran to the end
            return
        with lock:
            h, self._h = self._h, None
        if h and type(self)._free is not None:
            type(self)._free(h)  # type: ignore[misc]

    @property
    def closed(self) -> bool:
        """True once close() ran."""
        return not getattr(self, "_h", None)

    @property
    def handle(self) -> int:
        """The raw C handle (for advanced use); InvalidHandle once closed."""
        h = getattr(self, "_h", None)
        if not h:
            raise InvalidHandle(f"{type(self).__name__} is closed", status="MDT_ERR_INVALID_HANDLE", code=2)
        return h

    def __enter__(self: T) -> T:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown: modules may be gone
            pass

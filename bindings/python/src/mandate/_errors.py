"""The exception hierarchy, one class per mdt_status, with the library's own message."""

from __future__ import annotations

from typing import Dict, Iterable, Optional, Type

from ._lib import lib

__all__ = [
    "Error", "InvalidArgument", "InvalidHandle", "NotFound", "ParseError", "InvalidUtf8",
    "BufferTooSmall", "OutOfRange", "AlreadyExists", "IOFailure", "LimitExceeded", "Corrupt",
    "NoMemory", "InternalError",
]


class Error(Exception):
    """A failure reported by libmandate.

    ``status`` is the status name (``"MDT_ERR_PARSE"``), ``code`` its number, and ``str(e)``
    (also ``message``) the library's message, read from ``mdt_last_error()`` on the thread
    that made the failing call, right after it."""

    status: str = "MDT_ERR_INTERNAL"
    code: int = 13

    def __init__(self, message: str, status: Optional[str] = None, code: Optional[int] = None) -> None:
        super().__init__(message)
        self.message: str = message
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status={self.status!r})"


class InvalidArgument(Error, ValueError):
    """MDT_ERR_INVALID_ARGUMENT: a bad value, name or option (also a misspelt name)."""
    status, code = "MDT_ERR_INVALID_ARGUMENT", 1


class InvalidHandle(Error):
    """MDT_ERR_INVALID_HANDLE: a closed or wrong handle."""
    status, code = "MDT_ERR_INVALID_HANDLE", 2


class NotFound(Error, LookupError):
    """MDT_ERR_NOT_FOUND: no such task, target, agency or file."""
    status, code = "MDT_ERR_NOT_FOUND", 3


class ParseError(Error, ValueError):
    """MDT_ERR_PARSE: a date, deadline, JSON or CSV text that could not be read."""
    status, code = "MDT_ERR_PARSE", 4


class InvalidUtf8(Error, ValueError):
    """MDT_ERR_INVALID_UTF8: text that is not valid UTF-8."""
    status, code = "MDT_ERR_INVALID_UTF8", 5


class BufferTooSmall(Error):
    """MDT_ERR_BUFFER_TOO_SMALL: a caller buffer too small (the binding retries)."""
    status, code = "MDT_ERR_BUFFER_TOO_SMALL", 6


class OutOfRange(Error, ValueError):
    """MDT_ERR_OUT_OF_RANGE: a date outside 1900..2200 or a number out of range."""
    status, code = "MDT_ERR_OUT_OF_RANGE", 7


class AlreadyExists(Error):
    """MDT_ERR_ALREADY_EXISTS: a duplicate id."""
    status, code = "MDT_ERR_ALREADY_EXISTS", 8


class IOFailure(Error, OSError):
    """MDT_ERR_IO: a file that could not be read or written."""
    status, code = "MDT_ERR_IO", 9


class LimitExceeded(Error):
    """MDT_ERR_LIMIT: an input over a configured limit (size, depth, groups)."""
    status, code = "MDT_ERR_LIMIT", 10


class Corrupt(Error):
    """MDT_ERR_CORRUPT: a file that failed validation (not JSON, truncated; in strict mode
    a checksum mismatch)."""
    status, code = "MDT_ERR_CORRUPT", 11


class NoMemory(Error, MemoryError):
    """MDT_ERR_NO_MEMORY: an allocation failed."""
    status, code = "MDT_ERR_NO_MEMORY", 12


class InternalError(Error):
    """MDT_ERR_INTERNAL: a bug in libmandate; please report it with the message."""
    status, code = "MDT_ERR_INTERNAL", 13


_BY_CODE: Dict[int, Type[Error]] = {
    cls.code: cls for cls in (InvalidArgument, InvalidHandle, NotFound, ParseError, InvalidUtf8,
                              BufferTooSmall, OutOfRange, AlreadyExists, IOFailure, LimitExceeded,
                              Corrupt, NoMemory, InternalError)}


def error_for(code: int) -> Error:
    """The exception for a failed call's status, with mdt_last_error() (same thread)."""
    message = lib.mdt_last_error().decode("utf-8", "replace")
    name = lib.mdt_status_name(code).decode()
    cls = _BY_CODE.get(code, Error)
    return cls(message, status=name, code=code)


def check(code: int) -> None:
    """Raises the matching Error when an mdt_ call did not return MDT_OK."""
    if code != 0:
        raise error_for(code)


def choice(kind: str, value: object, choices: Iterable[str]) -> int:
    """The index of a name among the valid ones, or InvalidArgument naming them all."""
    options = list(choices)
    try:
        return options.index(value)  # type: ignore[arg-type]
    except ValueError:
        valid = ", ".join(repr(c) for c in options)
        raise InvalidArgument(f"unknown {kind} {value!r}: expected one of {valid}",
                              status="MDT_ERR_INVALID_ARGUMENT", code=1) from None

"""The agency registry: canonical ids from agency names as written ("Bộ KH&CN")."""

from __future__ import annotations

import ctypes
import os
from typing import Iterator, List, NamedTuple, Optional, Union

from ._errors import NotFound, check
from ._handle import Handle
from ._lib import borrowed, encode, lib, size_t
from ._names import AGENCY_KINDS

__all__ = ["Agency", "Resolution", "Registry", "resolve_agencies"]


class Agency(NamedTuple):
    """One agency of a registry: canonical id, official name and kind ("ministry")."""

    id: str
    name: str
    kind: str


class Resolution(NamedTuple):
    """What a raw cell resolved to: ids (sorted, unique), the parts left unresolved as
    written, and the collective phrases that were expanded."""

    ids: List[str]
    unresolved: List[str]
    collectives: List[str]


class Registry(Handle):
    """An agency registry: the bundled one (``Registry()``) or an agencies.json file."""

    _free = lib.mdt_registry_free

    def __init__(self, path: Optional[Union[str, "os.PathLike[str]"]] = None) -> None:
        """The bundled registry, or the one read from ``path`` (docs/agencies.md)."""
        h = ctypes.c_void_p()
        if path is None:
            check(lib.mdt_registry_bundled(ctypes.byref(h)))
        else:
            check(lib.mdt_registry_from_file(ctypes.byref(h), encode(os.fspath(path))))
        super().__init__(h.value)  # type: ignore[arg-type]

    @classmethod
    def _adopt(cls, handle: int) -> "Registry":
        """A Registry owning an existing handle (mdt_dataset_registry's)."""
        reg = cls.__new__(cls)
        Handle.__init__(reg, handle)
        return reg

    def __len__(self) -> int:
        n = size_t()
        check(lib.mdt_registry_agency_count(ctypes.byref(n), self.handle))
        return n.value

    def __getitem__(self, index: int) -> Agency:
        if not 0 <= index < len(self):
            raise IndexError(f"agency index {index} out of range")
        cid, name, kind = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_int()
        check(lib.mdt_registry_agency(ctypes.byref(cid), ctypes.byref(name), ctypes.byref(kind),
                                      self.handle, index))
        kinds = AGENCY_KINDS
        return Agency((cid.value or b"").decode(), (name.value or b"").decode(),
                      kinds[kind.value] if 0 <= kind.value < len(kinds) else "unknown")

    def __iter__(self) -> Iterator[Agency]:
        for i in range(len(self)):
            yield self[i]

    def ids(self) -> List[str]:
        """Every canonical id, by registry index (the agency indices of task columns)."""
        out = []
        cid = ctypes.c_char_p()
        for i in range(len(self)):
            check(lib.mdt_registry_agency(ctypes.byref(cid), None, None, self.handle, i))
            out.append((cid.value or b"").decode())
        return out

    def resolve(self, cell: str) -> Resolution:
        """Splits a raw cell ("Bộ KH&CN, Bộ Tài chính"), expands collectives and finds each
        agency in any spelling; ids sorted as ``mandate agencies`` prints them. Never raises
        for unknown parts: see ``unresolved``."""
        raw = cell.encode("utf-8")
        r = ctypes.c_void_p()
        check(lib.mdt_registry_resolve(ctypes.byref(r), self.handle, raw, len(raw)))
        try:
            n = size_t()
            check(lib.mdt_resolution_agency_count(ctypes.byref(n), r))
            ids = []
            cid = ctypes.c_char_p()
            for i in range(n.value):
                check(lib.mdt_resolution_agency(None, ctypes.byref(cid), r, i))
                ids.append((cid.value or b"").decode())

            def texts(count_fn: object, item_fn: object) -> List[str]:
                check(count_fn(ctypes.byref(n), r))  # type: ignore[operator]
                out = []
                for i in range(n.value):
                    p, ln = ctypes.c_void_p(), size_t()
                    check(item_fn(ctypes.byref(p), ctypes.byref(ln), r, i))  # type: ignore[operator]
                    out.append(borrowed(p.value, ln.value) or "")
                return out

            return Resolution(sorted(ids), texts(lib.mdt_resolution_unresolved_count, lib.mdt_resolution_unresolved),
                              texts(lib.mdt_resolution_collective_count, lib.mdt_resolution_collective))
        finally:
            lib.mdt_resolution_free(r)

    def __repr__(self) -> str:
        if self.closed:
            return "<mandate.Registry closed>"
        return f"<mandate.Registry {len(self)} agencies>"


_bundled: Optional[Registry] = None


def resolve_agencies(text: str, registry: Optional[Registry] = None, strict: bool = True) -> List[str]:
    """The canonical ids (sorted, unique) named in a raw agency cell, with the bundled
    registry unless another is given: ``resolve_agencies("Bộ KH&CN, Bộ Tài chính")`` is
    ``["BKHCN", "BTC"]``.

    Raises NotFound with the message of ``mandate agencies`` (``unknown agency: "Bộ Lạ"``)
    when nothing resolves, or, with ``strict`` (the default), when any part is unknown."""
    global _bundled
    reg = registry
    if reg is None:
        if _bundled is None:
            _bundled = Registry()
        reg = _bundled
    r = reg.resolve(text)
    if r.unresolved and (strict or not r.ids):
        quoted = ", ".join(f'"{u}"' for u in r.unresolved)
        raise NotFound(f"unknown agency: {quoted}", status="MDT_ERR_NOT_FOUND", code=3)
    if not r.ids:
        raise NotFound(f"no agency in {text!r}", status="MDT_ERR_NOT_FOUND", code=3)
    return r.ids

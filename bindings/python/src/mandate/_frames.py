"""The task columns (mdt_dataset_columns) as numpy arrays and pandas frames.

Every column is made with whole-array numpy operations over the library's buffers: ids are
split out of one UTF-8 buffer with a single decode, dates map through a table of the days
that occur, agency lists through a table of one-agency tuples (only tasks with several
agencies take a Python step each). pandas and numpy are optional dependencies of the
package: they are imported here, on first use."""

from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple

from ._errors import check, choice
from ._lib import NO_DATE, ClassifyOptions, i32p, lib, size_t, u32p, u64, u64p
from ._names import STATUS_NAMES, TASK_STATUSES

if TYPE_CHECKING:
    import numpy
    import pandas

    from .dataset import Dataset

__all__ = ["TaskColumns", "task_ids", "status_frame", "aggregate_frame"]


def _pandas() -> Tuple[Any, Any]:
    try:
        import numpy as np  # noqa: PLC0415
        import pandas as pd  # noqa: PLC0415
    except ImportError as e:
        raise ImportError(
            "mandate: data frames need pandas and numpy, which are optional and not "
            f"installed ({e}): install them with `pip install pandas` (in a virtual "
            "environment) or, on Debian, `apt-get install python3-pandas`; everything else "
            "in mandate works without them") from e
    return np, pd


class TaskColumns:
    """A snapshot of every task as of a day, column by column (an mdt_task_columns handle);
    its arrays are lent by the handle: copy what you keep before ``close()``."""

    def __init__(self, ds: "Dataset", day: int, opts: Optional[ClassifyOptions]) -> None:
        h = ctypes.c_void_p()
        check(lib.mdt_dataset_columns(ctypes.byref(h), ds.handle, day,
                                      ctypes.byref(opts) if opts is not None else None))
        self.h: int = h.value  # type: ignore[assignment]
        n = size_t()
        check(lib.mdt_task_columns_count(ctypes.byref(n), None, self.h))
        self.n: int = n.value

    def close(self) -> None:
        """Frees the columns (and the arrays they lend)."""
        if self.h:
            lib.mdt_task_columns_free(self.h)
            self.h = 0

    def __enter__(self) -> "TaskColumns":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def ids_raw(self) -> Tuple[Any, bytes]:
        """(offsets as a ctypes uint64 array of n + 1, the id bytes)."""
        offsets, chars = u64p(), ctypes.c_void_p()
        check(lib.mdt_task_columns_ids(ctypes.byref(offsets), ctypes.byref(chars), self.h))
        offs = ctypes.cast(offsets, ctypes.POINTER(u64 * (self.n + 1))).contents
        raw = ctypes.string_at(chars.value or 0, offs[self.n]) if self.n else b""
        return offs, raw


def task_ids(ds: "Dataset") -> List[str]:
    """Every task id in dataset order, from the id column (no numpy needed)."""
    with TaskColumns(ds, 0, None) as cols:
        offs, raw = cols.ids_raw()
        o = list(offs)
    if raw.isascii():
        text = raw.decode("ascii")
        return [text[o[i]:o[i + 1]] for i in range(len(o) - 1)]
    return [raw[o[i]:o[i + 1]].decode("utf-8") for i in range(len(o) - 1)]


def _ids(np: Any, offsets: "numpy.ndarray", raw: bytes) -> List[str]:
    n = len(offsets) - 1
    if n <= 0:
        return []
    if b"\x00" in raw:  # cannot happen for C strings; keep a correct slow path anyway
        return [raw[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(n)]
    # Put a NUL after each id (id i moves right by i bytes), decode once, split once.
    buf = np.zeros(len(raw) + n, dtype=np.uint8)
    keep = np.ones(len(raw) + n, dtype=bool)
    keep[offsets[1:].astype(np.int64) + np.arange(n, dtype=np.int64)] = False
    buf[keep] = np.frombuffer(raw, dtype=np.uint8)
    return buf[:-1].tobytes().decode("utf-8").split("\x00")


def _dates(np: Any, days: "numpy.ndarray", mode: str) -> "numpy.ndarray":
    missing = days == NO_DATE
    if mode == "datetime64":
        out = days.astype(np.int64)
        out[missing] = np.iinfo(np.int64).min  # NaT
        return out.view("datetime64[D]")
    valid = days[~missing]
    lo = int(valid.min()) if len(valid) else 0
    hi = int(valid.max()) if len(valid) else -1
    # One datetime.date per distinct day (a table over [lo, hi] and None last), then one take.
    table = np.empty(hi - lo + 2, dtype=object)
    table[:-1] = np.arange(lo, hi + 1, dtype=np.int64).astype("datetime64[D]").astype(object)
    table[-1] = None
    index = days.astype(np.int64) - lo
    index[missing] = len(table) - 1
    return table[index]


def _agencies(np: Any, offsets: "numpy.ndarray", values: "numpy.ndarray", names: Sequence[str]) -> "numpy.ndarray":
    n = len(offsets) - 1
    off = offsets.astype(np.int64)
    counts = np.diff(off)
    table = np.empty(len(names) + 1, dtype=object)
    for k, name in enumerate(names):
        table[k] = (name,)
    table[len(names)] = ()
    idx = np.full(n, len(names), dtype=np.int64)
    one = counts == 1
    idx[one] = values[off[:-1][one]]
    out = table[idx]
    several = np.nonzero(counts > 1)[0]
    if len(several):
        name_arr = np.array(list(names), dtype=object)
        for k in np.unique(counts[several]):
            sel = several[counts[several] == k]
            codes = values[off[sel][:, None] + np.arange(k)].astype(np.uint64)  # (rows, k)
            if k <= 4 and len(names) < 1 << 16:
                # One tuple per distinct combination: pack each row into a 64-bit key.
                keys = np.zeros(len(sel), dtype=np.uint64)
                for j in range(k):
                    keys |= codes[:, j] << np.uint64(16 * j)
                distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
                combos = np.fromiter(map(tuple, name_arr[codes[first]].tolist()), dtype=object,
                                     count=len(distinct))
                out[sel] = combos[inverse]
            else:
                rows = name_arr[codes].tolist()
                out[sel] = np.fromiter(map(tuple, rows), dtype=object, count=len(sel))
    return out


def columns(ds: "Dataset", day: int, opts: ClassifyOptions, dates: str = "date") -> Dict[str, Any]:
    """The task columns as numpy arrays and lists, made from the library's buffers while the
    columns handle lives (every result is a new array: nothing lent escapes)."""
    np, _ = _pandas()
    choice("dates", dates, ("date", "datetime64"))
    names = ds.agency_ids()
    with TaskColumns(ds, day, opts) as cols:
        n = cols.n

        def view(ptr: Any, count: int, dtype: Any) -> "numpy.ndarray":
            if count == 0:
                return np.empty(0, dtype=dtype)
            return np.ctypeslib.as_array(ptr, shape=(count,))

        offs, raw = cols.ids_raw()
        out: Dict[str, Any] = {"id": _ids(np, np.frombuffer(offs, dtype=np.uint64), raw)}
        a, d, c, st = i32p(), i32p(), i32p(), i32p()
        check(lib.mdt_task_columns_days(ctypes.byref(a), ctypes.byref(d), ctypes.byref(c), cols.h))
        check(lib.mdt_task_columns_status(ctypes.byref(st), cols.h))
        out["status"] = view(st, n, np.int32).astype(np.int8)
        for name, p in (("assigned", a), ("due", d), ("completed", c)):
            out[name] = _dates(np, view(p, n, np.int32), dates)
        for name, fn in (("lead", lib.mdt_task_columns_leads), ("coordinators", lib.mdt_task_columns_coordinators)):
            o, v = u64p(), u32p()
            check(fn(ctypes.byref(o), ctypes.byref(v), cols.h))
            lo = view(o, n + 1, np.uint64)
            out[name] = _agencies(np, lo, view(v, int(lo[-1]), np.uint32), names) if n else np.empty(0, dtype=object)
    return out


def status_frame(ds: "Dataset", day: int, opts: ClassifyOptions, dates: str = "date") -> "pandas.DataFrame":
    """Dataset.status_frame (see there)."""
    np, pd = _pandas()
    cols = columns(ds, day, opts, dates)
    codes = cols["status"]
    codes[codes == -1] = len(TASK_STATUSES)  # not_yet_assigned is the last category
    status = pd.Categorical.from_codes(codes, categories=list(STATUS_NAMES))
    data = {"id": cols["id"], "status": status}
    for name in ("assigned", "due", "completed", "lead", "coordinators"):
        values = cols[name]
        # dtype given: pandas takes the objects as they are (no datetime inference pass).
        data[name] = pd.Series(values, dtype=values.dtype, copy=False)
    return pd.DataFrame(data, copy=False)


def aggregate_frame(rows: List[Dict[str, Any]], by: Sequence[str]) -> "pandas.DataFrame":
    """Dataset.aggregate_frame (see there)."""
    np, pd = _pandas()
    data: Dict[str, Any] = {dim: [r["key"][dim] for r in rows] for dim in by}
    measures = ["total", *TASK_STATUSES, "completion_rate", "on_time_rate", "overdue_rate"]
    for m in measures:
        values = [r[m] for r in rows]
        if m.endswith("_rate"):
            data[m] = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
        else:
            data[m] = np.array(values, dtype=np.int64)
    return pd.DataFrame(data)

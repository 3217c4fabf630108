#!/usr/bin/env python3
"""The Python package's status frame at national scale (issue 15): Dataset.status_frame on
N generated tasks (bench/generate.h, 1,000,000 by default), against a floor.

    python3 bench/python_status_frame.py [--n 1000000] [--benchtool build/bin/mandate_benchtool]
                                         [--data FILE.csv] [--repeat 5]

Uses the `mandate` package importable here (installed from bindings/python, or
PYTHONPATH=bindings/python/src with MANDATE_LIBRARY). Prints, best of --repeat:

* columns: mdt_dataset_columns alone (the library classifies every task and fills its column
  arrays) plus freeing them;
* frame (date): Dataset.status_frame(as_of) with datetime.date columns (the default);
* frame (datetime64): the same with datetime64 columns;
* floor: numpy copying the same bytes the frame is made from (ids and their offsets, the
  three day columns, the statuses, the lead and coordinator lists) out of the library's
  buffers: the least any frame built from those columns costs;
* the ratio frame / floor, in wall time and in CPU time (CPU time is steadier on a shared
  machine: waiting for a core is not counted). Not a timed test: ctest checks the frame's contents.
"""

import argparse
import ctypes
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

import mandate
from mandate import _frames
from mandate._lib import i32p, lib, u32p, u64p


CPU = {}


def best(fn, repeat):
    """Best wall time of `repeat` runs (the best CPU time is kept in CPU[fn])."""
    times, cpu = [], []
    result = None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    CPU[fn.__name__ if fn.__name__ != "<lambda>" else len(CPU)] = min(cpu)
    return min(times), result


def floor_copy(ds, day, opts):
    """numpy copies of every buffer the frame reads (no Python objects made)."""
    with _frames.TaskColumns(ds, day, opts) as cols:
        n = cols.n
        offsets, chars = u64p(), ctypes.c_void_p()
        lib.mdt_task_columns_ids(ctypes.byref(offsets), ctypes.byref(chars), cols.h)
        off = np.ctypeslib.as_array(offsets, shape=(n + 1,)).copy()
        ids = np.frombuffer((ctypes.c_char * int(off[-1])).from_address(chars.value), dtype=np.uint8).copy()
        a, d, c, st = i32p(), i32p(), i32p(), i32p()
        lib.mdt_task_columns_days(ctypes.byref(a), ctypes.byref(d), ctypes.byref(c), cols.h)
        lib.mdt_task_columns_status(ctypes.byref(st), cols.h)
        arrays = [np.ctypeslib.as_array(p, shape=(n,)).copy() for p in (a, d, c, st)]
        for fn in (lib.mdt_task_columns_leads, lib.mdt_task_columns_coordinators):
            o, v = u64p(), u32p()
            fn(ctypes.byref(o), ctypes.byref(v), cols.h)
            lo = np.ctypeslib.as_array(o, shape=(n + 1,)).copy()
            arrays += [lo, np.ctypeslib.as_array(v, shape=(int(lo[-1]),)).copy()]
        return sum(x.nbytes for x in arrays) + off.nbytes + ids.nbytes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--benchtool", default="build/bin/mandate_benchtool")
    parser.add_argument("--data", help="an existing dataset instead of generating one")
    parser.add_argument("--as-of", default="2025-09-23")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    tmp = None
    path = args.data
    if not path:
        tmp = tempfile.TemporaryDirectory()
        path = os.path.join(tmp.name, f"tasks-{args.n}.csv")
        subprocess.run([args.benchtool, "generate", "--n", str(args.n), "--csv", path], check=True,
                       stdout=subprocess.DEVNULL)
    t = time.perf_counter()
    ds = mandate.Dataset.load(path)
    load = time.perf_counter() - t
    day = mandate._dates.to_day(args.as_of)
    opts = mandate.dataset._classify_options(7)
    ds.agency_ids()  # cached once per dataset, as in real use
    t_cols, _ = best(lambda: _frames.TaskColumns(ds, day, opts).close(), args.repeat)
    t_floor, nbytes = best(lambda: floor_copy(ds, day, opts), args.repeat)
    t_frame, frame = best(lambda: ds.status_frame(args.as_of), args.repeat)
    t_d64, _ = best(lambda: ds.status_frame(args.as_of, dates="datetime64"), args.repeat)
    n = len(ds)
    assert len(frame) == n
    print(f"mandate {mandate.__version__} ({mandate.library_path()}), python {sys.version.split()[0]}, "
          f"numpy {np.__version__}, pandas {__import__('pandas').__version__}")
    print(f"tasks {n:,}; load {load:.2f} s; load average {os.getloadavg()[0]:.1f}")
    c_cols, c_floor, c_frame, c_d64 = (CPU[k] for k in range(4))
    print("best of", args.repeat, "          wall ms   CPU ms   wall/floor  CPU/floor")
    print(f"columns (C: classify + fill)  {t_cols * 1e3:8.1f} {c_cols * 1e3:8.1f}")
    print(f"floor (numpy copy, {nbytes / 1e6:.0f} MB)    {t_floor * 1e3:8.1f} {c_floor * 1e3:8.1f}")
    print(f"frame (date)                  {t_frame * 1e3:8.1f} {c_frame * 1e3:8.1f}   {t_frame / t_floor:8.1f}x  {c_frame / c_floor:8.1f}x")
    print(f"frame (datetime64)            {t_d64 * 1e3:8.1f} {c_d64 * 1e3:8.1f}   {t_d64 / t_floor:8.1f}x  {c_d64 / c_floor:8.1f}x")
    ds.close()
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()

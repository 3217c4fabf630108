"""Readers and writers on threads: the library locks inside a dataset (one writer, many
readers), and ctypes releases the GIL during each call, so they really overlap."""

import threading
import unittest

import mandate
from support import BUNDLED, HAVE_PANDAS

DAY = "2025-09-23"


class ThreadsTest(unittest.TestCase):
    def test_readers_and_a_writer_on_one_dataset(self):
        with mandate.Dataset.load(BUNDLED) as ds:
            base = len(ds)
            expected_before = ds.aggregate(DAY, by=("lead",))
            errors = []
            done = threading.Event()

            def reader(kind):
                try:
                    while not done.is_set():
                        if kind == 0:
                            c = ds.counts(DAY)
                            n = c["total"] + c["not_yet_assigned"]
                            assert base <= n <= base + 200, n
                        elif kind == 1:
                            rows = ds.aggregate(DAY, by=("lead",))
                            assert sum(r["total"] for r in rows) >= sum(r["total"] for r in expected_before)
                            assert ds.report(DAY).startswith("**CỘNG HÒA XÃ HỘI")
                        elif kind == 2:
                            st = ds.status(DAY)
                            assert base <= len(st) <= base + 200
                        elif HAVE_PANDAS:
                            df = ds.status_frame(DAY)
                            assert base <= len(df) <= base + 200
                except Exception as e:  # noqa: BLE001
                    errors.append(e)

            def writer():
                try:
                    for i in range(200):
                        ds.add_task(f"W-{i}", "Nhiệm vụ thêm", lead=["BKHCN"], deadline="Tháng 12/2025",
                                    assigned="2025-05-01")
                        if i % 3 == 0:
                            ds.complete_task(f"W-{i}", "2025-09-01")
                except Exception as e:  # noqa: BLE001
                    errors.append(e)
                finally:
                    done.set()

            threads = [threading.Thread(target=reader, args=(k % 4,)) for k in range(6)]
            threads.append(threading.Thread(target=writer))
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(errors, [])
            self.assertEqual(len(ds), base + 200)
            rows = {r["key"]["lead"]: r for r in ds.aggregate(DAY, by=("lead",))}
            before = {r["key"]["lead"]: r for r in expected_before}
            self.assertEqual(rows["BKHCN"]["total"], before["BKHCN"]["total"] + 200)
            self.assertEqual(rows["BKHCN"]["completed_on_time"], before["BKHCN"]["completed_on_time"] + 67)

    def test_readers_while_another_dataset_is_loaded_and_changed(self):
        with mandate.Dataset.load(BUNDLED) as shared:
            expected = shared.aggregate(DAY, by=("lead", "status"))
            errors = []

            def reader():
                try:
                    for _ in range(20):
                        assert shared.aggregate(DAY, by=("lead", "status")) == expected
                except Exception as e:  # noqa: BLE001
                    errors.append(e)

            def loader():
                try:
                    for _ in range(5):
                        with mandate.Dataset.load(BUNDLED) as own:
                            own.complete_task("KH25-III-1", "2025-06-01")
                            assert own.counts(DAY)["completed_on_time"] == 1
                except Exception as e:  # noqa: BLE001
                    errors.append(e)

            threads = [threading.Thread(target=reader) for _ in range(3)] + [threading.Thread(target=loader)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()

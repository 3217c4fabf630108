"""The package as installed from the wheel: found anywhere, with its bundled library."""

import os
import pathlib
import re
import subprocess
import sys
import unittest
import zipfile

import mandate
from support import BUNDLED, CLI, REPO, cli

INSTALLED = os.environ.get("MANDATE_EXPECT_INSTALLED")


class InstalledTest(unittest.TestCase):
    @unittest.skipUnless(INSTALLED, "run by ctest python_wheel against the installed wheel")
    def test_imported_from_the_virtual_environment_not_the_tree(self):
        here = pathlib.Path(mandate.__file__).resolve()
        self.assertTrue(str(here).startswith(str(pathlib.Path(INSTALLED).resolve())), here)
        self.assertFalse(str(here).startswith(str(REPO / "bindings")), here)
        lib = pathlib.Path(mandate.library_path()).resolve()
        self.assertEqual(lib.parent, here.parent, "the bundled library, next to the package")
        self.assertEqual(lib.name, "libmandate.so.1")
        self.assertTrue((here.parent / "py.typed").exists())
        self.assertTrue((here.parent / "LICENSE").exists())

    @unittest.skipUnless(os.environ.get("MANDATE_WHEEL"), "needs the wheel built by ctest")
    def test_the_wheel_is_py3_none_with_the_library_and_metadata(self):
        wheel = pathlib.Path(os.environ["MANDATE_WHEEL"])
        self.assertRegex(wheel.name, r"^mandate-[0-9.]+-py3-none-linux_[a-z0-9_]+\.whl$")
        with zipfile.ZipFile(wheel) as z:
            names = z.namelist()
            self.assertIn("mandate/libmandate.so.1", names)
            self.assertIn("mandate/py.typed", names)
            meta = next(n for n in names if n.endswith("METADATA"))
            text = z.read(meta).decode()
        self.assertIn("License: Apache-2.0", text)
        self.assertIn(f"Version: {mandate.__version__}", text)

    def test_version_is_the_librarys_single_version(self):
        cmake = (REPO / "CMakeLists.txt").read_text(encoding="utf-8")
        version = re.search(r"project\(\s*mandate\s+VERSION\s+([0-9.]+)", cmake).group(1)
        self.assertEqual(mandate.__version__, version)
        self.assertEqual(mandate.library_version(), version)

    @unittest.skipUnless(CLI and INSTALLED, "needs MANDATE_CLI and the installed wheel")
    def test_the_one_liner_works_from_any_directory(self):
        code = f"import mandate; print(mandate.Dataset.load({str(BUNDLED)!r}).report('2025-09-23'), end='')"
        env = {k: v for k, v in os.environ.items() if k not in ("MANDATE_LIBRARY", "PYTHONPATH")}
        out = subprocess.run([sys.executable, "-c", code], cwd="/", env=env, capture_output=True, check=True)
        expected, _ = cli("report", "--data", BUNDLED, "--as-of", "2025-09-23")
        self.assertEqual(out.stdout, expected)

    @unittest.skipUnless(INSTALLED, "run against the installed wheel")
    def test_mandate_library_still_overrides(self):
        code = "import mandate; print(mandate.library_path())"
        env = dict(os.environ, MANDATE_LIBRARY="/nonexistent/libmandate.so")
        r = subprocess.run([sys.executable, "-c", code], cwd="/", env=env, capture_output=True, text=True)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("/nonexistent/libmandate.so", r.stderr)


if __name__ == "__main__":
    unittest.main()

"""The build step of the mandate wheel (setuptools, driven by pyproject.toml).

It takes the version from the repository's CMakeLists.txt (the library's single version)
and puts libmandate.so.<SOVERSION> into the package:

* ``MANDATE_SOURCE_DIR=DIR``: the repository, when this directory is a copy elsewhere;
* ``MANDATE_BUILD_DIR=DIR``: the library already built in ``DIR/lib`` (ctest does this);
* otherwise CMake builds the library alone, Release, into ``<repo>/build-python`` (reused
  by later builds; ``CMAKE_BUILD_PARALLEL_LEVEL``, ``CMAKE_CXX_COMPILER_LAUNCHER=ccache``
  and the other CMake environment variables apply).

The wheel is tagged ``py3-none-<platform>``: it holds a native library but no Python
extension, so one wheel serves every Python 3 on that platform.
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py as _build_py

HERE = pathlib.Path(__file__).resolve().parent
# The repository: bindings/python's grandparent, or MANDATE_SOURCE_DIR (ctest builds a copy
# of bindings/python outside the tree, so the source tree stays clean).
REPO = pathlib.Path(os.environ.get("MANDATE_SOURCE_DIR") or HERE.parent.parent).resolve()
CMAKELISTS = REPO / "CMakeLists.txt"


def _fail(message):
    sys.exit(f"mandate build: {message}")


def _cmakelists():
    if not CMAKELISTS.is_file():
        _fail(f"{CMAKELISTS} not found: the wheel is built from the mandate repository "
              "(bindings/python inside it); build it with `pip install ./bindings/python` "
              "or `python3 -m build --wheel bindings/python` (not from an sdist)")
    return CMAKELISTS.read_text(encoding="utf-8")


def version():
    m = re.search(r"project\(\s*mandate\s+VERSION\s+([0-9]+\.[0-9]+\.[0-9]+)", _cmakelists())
    if not m:
        _fail(f"no project(mandate VERSION x.y.z) in {CMAKELISTS}")
    return m.group(1)


def soversion():
    m = re.search(r"set\(\s*MANDATE_SOVERSION\s+([0-9]+)\s*\)", _cmakelists())
    if not m:
        _fail(f"no set(MANDATE_SOVERSION N) in {CMAKELISTS}")
    return m.group(1)


def _run(cmd):
    print("mandate build:", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True)


def library():
    """The path of libmandate.so.<SOVERSION> to bundle (built here when needed)."""
    name = f"libmandate.so.{soversion()}"
    given = os.environ.get("MANDATE_BUILD_DIR")
    if given:
        path = pathlib.Path(given).resolve() / "lib" / name
        if not path.exists():
            _fail(f"MANDATE_BUILD_DIR={given}: {path} does not exist (build the `mandate` "
                  "target there first, or unset MANDATE_BUILD_DIR to let this build run CMake)")
        return path
    if not shutil.which("cmake"):
        _fail("cmake not found: install cmake, ninja-build and the library's dependencies "
              "(bash scripts/setup.sh does), or point MANDATE_BUILD_DIR at a build tree")
    build = REPO / "build-python"
    if not (build / "CMakeCache.txt").exists():
        generator = ["-G", "Ninja"] if shutil.which("ninja") else []
        _run(["cmake", "-S", REPO, "-B", build, *generator, "-DCMAKE_BUILD_TYPE=Release",
              "-DMANDATE_BUILD_TESTS=OFF", "-DMANDATE_BUILD_BENCH=OFF",
              "-DMANDATE_BUILD_EXAMPLES=OFF", "-DMANDATE_BUILD_CLI=OFF"])
    jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 1)
    _run(["cmake", "--build", build, "--target", "mandate", "--parallel", jobs])
    path = build / "lib" / name
    if not path.exists():
        _fail(f"the CMake build did not produce {path}")
    return path


class build_py(_build_py):
    """Also copies the library (as its SONAME, symlinks resolved), the licence and the
    version into the package."""

    def run(self):
        super().run()
        pkg = pathlib.Path(self.build_lib) / "mandate"
        pkg.mkdir(parents=True, exist_ok=True)
        src = library()
        dst = pkg / src.name
        for old in pkg.glob("libmandate.so*"):
            old.unlink()
        shutil.copyfile(src, dst)  # follows the symlink chain to the real file
        dst.chmod(0o755)
        strip = shutil.which("strip")
        if strip:  # a debug build's library: drop the debug sections from the copy
            subprocess.run([strip, "--strip-debug", str(dst)], check=False)
        shutil.copyfile(REPO / "LICENSE", pkg / "LICENSE")
        (pkg / "_version.py").write_text(
            f'"""Written at build time from CMakeLists.txt."""\n__version__ = "{version()}"\n',
            encoding="utf-8")


cmdclass = {"build_py": build_py}
try:
    from wheel.bdist_wheel import bdist_wheel as _bdist_wheel

    class bdist_wheel(_bdist_wheel):
        """py3-none-<platform>: a native library, no extension module."""

        def finalize_options(self):
            super().finalize_options()
            self.root_is_pure = False

        def get_tag(self):
            _, _, platform = super().get_tag()
            return "py3", "none", platform

    cmdclass["bdist_wheel"] = bdist_wheel
except ImportError:
    if "bdist_wheel" in sys.argv or "dist_info" in sys.argv:
        _fail(f"the `wheel` package is missing from {sys.executable}: with --no-build-isolation "
              "it must be installed there (Debian: apt-get install python3-wheel, and create the "
              "virtual environment from Debian's /usr/bin/python3 with --system-site-packages)")

class BinaryDistribution(Distribution):
    """A package with a native file: installed into platlib, the wheel's root."""

    def has_ext_modules(self):
        return True


setup(version=version(), cmdclass=cmdclass, distclass=BinaryDistribution)

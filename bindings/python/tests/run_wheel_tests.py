#!/usr/bin/env python3
"""ctest python_wheel: the package as users get it.

1. builds the wheel (``python3 -m build --no-isolation --wheel``) from a copy of
   bindings/python, bundling the library of this build tree (MANDATE_BUILD_DIR);
2. creates a fresh virtual environment (``--system-site-packages``, so Debian's pandas,
   numpy and matplotlib are visible; mandate itself is not installed there) and installs
   the wheel into it with pip, offline; and a bare one (no system packages), where the
   wheel alone must load a dataset and write a report from ``/``;
3. runs the test suite (bindings/python/tests) with the venv's python from a temporary
   directory outside the repository, without MANDATE_LIBRARY: ``import mandate`` must find
   the installed package and its bundled library.

usage: run_wheel_tests.py SOURCE_DIR BUILD_DIR WORK_DIR [unittest args...]
Environment passed to the tests: MANDATE_CLI, MANDATE_BENCHTOOL (optional), MANDATE_REPO.
"""

import glob
import os
import pathlib
import shutil
import subprocess
import sys
import venv  # noqa: F401 - fail early, with the package name, when python3-venv is missing


def run(cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def main():
    source, build, work = (pathlib.Path(a).resolve() for a in sys.argv[1:4])
    extra = sys.argv[4:]
    for module, package in (("build", "python3-build"), ("setuptools", "python3-setuptools"),
                            ("wheel", "python3-wheel"), ("ensurepip", "python3-venv")):
        try:
            __import__(module)
        except ImportError:
            sys.exit(f"python_wheel: {sys.executable} has no `{module}` module: install "
                     f"{package} (bash scripts/setup.sh does)")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if k != "MANDATE_LIBRARY"}

    # 1. The wheel, from a copy of bindings/python (the source tree is left untouched).
    pkg = work / "pkg"
    shutil.copytree(source / "bindings/python", pkg,
                    ignore=shutil.ignore_patterns("build", "dist", "*.egg-info", "__pycache__",
                                                  "_version.py", "libmandate.so*"))
    run([sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir", work / "dist", pkg],
        env=dict(env, MANDATE_SOURCE_DIR=str(source), MANDATE_BUILD_DIR=str(build)))
    wheels = glob.glob(str(work / "dist" / "mandate-*-py3-none-*.whl"))
    if len(wheels) != 1:
        sys.exit(f"python_wheel: expected one py3-none wheel in {work / 'dist'}, found {wheels}")

    # 2. A fresh virtual environment with the wheel.
    venv_dir = work / "venv"
    run([sys.executable, "-m", "venv", "--system-site-packages", venv_dir])
    python = venv_dir / "bin" / "python"
    run([python, "-m", "pip", "install", "--no-index", "--no-deps", "--quiet", wheels[0]], env=env)

    # 2b. A bare virtual environment too (no system packages: no pandas): the wheel alone
    # suffices for everything but the frames, which say what is missing.
    bare = work / "venv-bare"
    run([sys.executable, "-m", "venv", bare])
    run([bare / "bin" / "python", "-m", "pip", "install", "--no-index", "--no-deps", "--quiet", wheels[0]], env=env)
    check = ("import mandate, sys\n"
             f"ds = mandate.Dataset.load({str(source / 'examples/data/plan-2025.json')!r})\n"
             "assert ds.report('2025-09-23').startswith('**CỘNG HÒA XÃ HỘI'), 'report'\n"
             "assert len(ds.status('2025-09-23')) == len(ds) == 333\n"
             "try:\n    ds.status_frame('2025-09-23'); sys.exit('frames without pandas?')\n"
             "except ImportError as e:\n    assert 'pandas' in str(e), e\n"
             "print('bare venv: ok', mandate.__file__)\n")
    run([bare / "bin" / "python", "-c", check], env=env, cwd="/")

    # 3. The tests, copied to a directory outside the repository, run from there.
    tests = work / "run"
    shutil.copytree(source / "bindings/python/tests", tests,
                    ignore=shutil.ignore_patterns("__pycache__", "run_wheel_tests.py"))
    env.update(MANDATE_REPO=str(source), MANDATE_EXPECT_INSTALLED=str(venv_dir),
               MANDATE_WHEEL=wheels[0], PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    r = subprocess.run([str(python), "-m", "unittest", "discover", "-v", "-s", str(tests),
                        "-t", str(tests), *extra], cwd=str(tests), env=env)
    sys.exit(r.returncode)


if __name__ == "__main__":
    main()

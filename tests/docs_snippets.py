"""Compiles and runs the snippets of docs/getting-started.md (ctest docs_getting_started_snippets).

Every fenced block tagged c, cpp or python is extracted; C is compiled as C99 and C++ as
C++20 against capi/ with every warning an error, linked with the shared library, and run
with the example dataset; Python is run with the package's source (bindings/python/src) and
MANDATE_LIBRARY. A snippet that fails to compile, exits non-zero or prints nothing fails the
test.

usage: docs_snippets.py DOC WORKDIR CC CXX INCLUDE_DIRS(,-separated) LIBRARY DATASET PYTHONPATH
"""
import os
import pathlib
import re
import subprocess
import sys


def main():
    doc, work, cc, cxx, includes, library, dataset, pythonpath = sys.argv[1:9]
    work = pathlib.Path(work)
    work.mkdir(parents=True, exist_ok=True)
    text = pathlib.Path(doc).read_text(encoding="utf-8")
    blocks = re.findall(r"^```(c|cpp|python)\n(.*?)^```", text, flags=re.S | re.M)
    langs = [lang for lang, _ in blocks]
    for needed in ("c", "cpp", "python"):
        if needed not in langs:
            sys.exit(f"{doc}: no {needed} snippet")
    incs = [f"-I{d}" for d in includes.split(",") if d]
    library = str(pathlib.Path(library).resolve())
    dataset = str(pathlib.Path(dataset).resolve())
    libdir = str(pathlib.Path(library).parent)
    env = dict(os.environ, LD_LIBRARY_PATH=libdir, MANDATE_LIBRARY=library,
               PYTHONPATH=str(pathlib.Path(pythonpath).resolve()), PYTHONDONTWRITEBYTECODE="1")
    for i, (lang, code) in enumerate(blocks):
        name = f"snippet{i}"
        if lang == "python":
            src = work / f"{name}.py"
            src.write_text(code, encoding="utf-8")
            cmd = [sys.executable, str(src), dataset]
        else:
            ext, compiler, std = (".c", cc, "-std=c99") if lang == "c" else (".cpp", cxx, "-std=c++20")
            src = work / f"{name}{ext}"
            src.write_text(code, encoding="utf-8")
            exe = work / name
            build = [compiler, std, "-Wall", "-Wextra", "-Wpedantic", "-Werror", *incs, str(src),
                     "-o", str(exe), library, "-pthread"]
            r = subprocess.run(build, capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit(f"{lang} snippet {i} does not compile:\n{r.stderr}")
            cmd = [str(exe), dataset]
        r = subprocess.run(cmd, capture_output=True, text=True, errors="replace", env=env, cwd=work)
        if r.returncode != 0 or not r.stdout.strip():
            sys.exit(f"{lang} snippet {i} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
        print(f"--- {lang} snippet {i}\n{r.stdout}")


if __name__ == "__main__":
    main()

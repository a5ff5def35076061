"""Execute notebooks top to bottom in place, the way their committed outputs are made.

    python tools/execute.py                      # every notebook
    python tools/execute.py notebooks/03_*.ipynb # some

Clears volatile metadata (timings) but keeps cell tags, so two runs give the
same file apart from widget model ids. Kernels run with NumPy's
RuntimeWarnings as errors, as under the tests.
"""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def kernel_env():
    """Environment for kernels: RuntimeWarning is an error; no forced plot backend."""
    env = dict(os.environ, PYTHONWARNINGS="error::RuntimeWarning")
    env.pop("MPLBACKEND", None)
    return env


def execute(paths, timeout=600):
    """Run nbconvert in place on each path; returns the list of failures."""
    failed = []
    for path in paths:
        cmd = [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
               "--inplace", f"--ExecutePreprocessor.timeout={timeout}",
               "--ExecutePreprocessor.kernel_name=python3",
               "--ClearMetadataPreprocessor.enabled=True",
               "--ClearMetadataPreprocessor.clear_notebook_metadata=False",
               "--ClearMetadataPreprocessor.preserve_cell_metadata_mask=tags", str(Path(path).resolve())]
        print(f"executing {path}", flush=True)
        if subprocess.run(cmd, env=kernel_env(), cwd=Path(path).resolve().parent).returncode:
            failed.append(str(path))
    return failed


def main(argv):
    paths = argv or sorted(str(p) for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    failed = execute(paths)
    if failed:
        print("failed:", *failed, sep="\n  ")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

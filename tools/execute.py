"""Execute notebooks top to bottom in place, the way their committed outputs are made.

    python tools/execute.py                      # every notebook
    python tools/execute.py notebooks/03_*.ipynb # some

Each notebook runs in a fresh kernel started in its own folder, with NumPy's
RuntimeWarnings as errors (as under the tests). Afterwards volatile metadata
(timings) is cleared, cell tags are kept, and consecutive pieces of one
stream are joined, and widget model ids (random in the kernel) are renamed
after the notebook and their order, so two runs give the same file.
Cells tagged `skip-execution` are left as they are.
"""
import hashlib
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def coalesce_streams(outputs):
    """Join neighbouring stream outputs of the same name into one."""
    joined = []
    for out in outputs:
        if (joined and out.get("output_type") == "stream" and joined[-1].get("output_type") == "stream"
                and joined[-1].get("name") == out.get("name")):
            joined[-1]["text"] = "".join(joined[-1]["text"]) + "".join(out["text"])
        else:
            joined.append(out)
    return joined


def tidy(nb):
    """Keep only tags in cell metadata and coalesce streams (in place)."""
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags")
        cell["metadata"] = {"tags": tags} if tags else {}
        if cell.cell_type == "code":
            cell["outputs"] = coalesce_streams(cell.get("outputs", []))


def stable_widget_ids(nb, name):
    """The notebook with every widget model id replaced by one made from name and its order."""
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    text = nbformat.writes(nb)
    for k, old in enumerate(state.get("state", {})):
        text = text.replace(old, hashlib.sha256(f"{name}:{k}".encode()).hexdigest()[:32])
    return nbformat.reads(text, as_version=4)


def execute(path, timeout=600):
    """Run one notebook in place; returns the seconds it took."""
    path = Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    tidy(nb)
    nbformat.write(stable_widget_ids(nb, path.name), path)
    return time.perf_counter() - start


def main(argv):
    os.environ["PYTHONWARNINGS"] = "error::RuntimeWarning"   # inherited by the kernels
    os.environ["OPENBLAS_NUM_THREADS"] = "1"                   # as in conftest.py
    os.environ["OMP_NUM_THREADS"] = "1"
    os.environ.pop("MPLBACKEND", None)
    paths = argv or sorted(str(p) for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    failed = []
    for path in paths:
        print(f"executing {path}", end=" ... ", flush=True)
        try:
            print(f"{execute(path):.1f} s", flush=True)
        except Exception as err:                       # report every failure, then exit 1
            print(f"FAILED\n{err}", flush=True)
            failed.append(path)
    if failed:
        print("failed:", *failed, sep="\n  ")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Measure the course's budgets: time, kernel memory and slider speed, per notebook.

    python tools/budgets.py                          # every notebook; prints Markdown tables
    python tools/budgets.py notebooks/06_*.ipynb     # some
    python tools/budgets.py --strict                 # exit 1 if a target is missed

Each notebook runs top to bottom in a fresh kernel (nbclient, the venv's python3
kernel, NumPy RuntimeWarnings as errors, cells tagged skip-execution skipped, as
in tools/execute.py). Measured:
- wall time: from starting the kernel to the end of the last cell (what
  "Restart Kernel and Run All" costs a learner), and the slowest cell;
- kernel peak memory: the kernel process's peak resident set size (ru_maxrss,
  i.e. VmHWM on Linux), read inside the kernel after everything ran;
- for every slider explorer (each `nnhelpers.explorer.Explorer` the notebook
  builds, and the playground, `nnhelpers.playground.Playground`; a setup snippet
  run before the first cell records them): the median time of one update
  (callback + redraw to PNG) over 20 calls of `update()` (playground: `redraw()`)
  after its first slider was changed, and the median over 20 slider moves
  (setting the slider's value, which runs the callback). The target applies to
  the larger of the two.
Targets on a 2-core machine: whole course ≤ 5 min, each notebook ≤ 60 s,
kernel peak ≤ 1 GB, slider update median ≤ 150 ms.
"""
import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parent.parent
COURSE_SECONDS, NOTEBOOK_SECONDS, PEAK_MB, UPDATE_MS = 300.0, 60.0, 1024.0, 150.0
REPEATS = 20

# Run in the kernel before the notebook's first cell: remember every Explorer (and
# playground, if nnhelpers has one) and which of the notebook's executed cells (1, 2, ...)
# built it.
SETUP = """\
import importlib as _budget_importlib
_budget_widgets, _budget_cells_run = [], [0]
def _budget_count_cell(info):
    _budget_cells_run[0] += 1
get_ipython().events.register("pre_run_cell", _budget_count_cell)
def _budget_watch(module, name):
    try:
        cls = getattr(_budget_importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return
    original = cls.__init__
    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if not any(w is self for _, w in _budget_widgets):
            _budget_widgets.append((_budget_cells_run[0], self))
    cls.__init__ = init
_budget_watch("nnhelpers.explorer", "Explorer")
_budget_watch("nnhelpers.playground", "Playground")
"""

# Run in the kernel after the notebook's last cell: time the widgets, read peak memory.
# An Explorer redraws with update(), the playground with redraw(); the slider moved is the
# first slider among the widget's controls (a dropdown if there is no slider).
MEASURE = """\
def _budget_measure(repeats):
    import json, re, resource, statistics, sys, time
    import ipywidgets as widgets
    def neighbour(control):
        if hasattr(control, "options") and hasattr(control, "index"):
            n, i = len(control.options), control.index
            return control.options[i + 1 if i + 1 < n else i - 1] if n > 1 and i is not None else None
        if all(hasattr(control, a) for a in ("min", "max", "step")) and control.step:
            up = control.value + control.step
            return up if up <= control.max else control.value - control.step
        return None
    def controls_of(w):
        if isinstance(getattr(w, "controls", None), dict):
            return list(w.controls.items())
        found, stack = [], list(getattr(w, "children", ()))
        while stack:
            c = stack.pop(0)
            stack[:0] = list(getattr(c, "children", ()))
            if isinstance(c, widgets.ValueWidget):
                found.append((getattr(c, "description", "") or type(c).__name__, c))
        return found
    def title_of(w):
        for c in getattr(w, "children", ())[:1]:
            if isinstance(c, widgets.HTML) and c is not getattr(w, "readout", None):
                return re.sub("<[^>]+>", "", c.value).strip()
        return ""
    def median_ms(action):
        times = []
        for i in range(repeats):
            start = time.perf_counter()
            action(i)
            times.append(time.perf_counter() - start)
        return 1000 * statistics.median(times)
    found = []
    for serial, w in _budget_widgets:
        redraw = getattr(w, "update", None) or getattr(w, "redraw")
        draw = getattr(getattr(w, "draw", None), "__name__", "") or type(w).__name__
        entry = {"serial": serial, "title": title_of(w), "draw": draw, "slider": None,
                 "update_ms": None, "move_ms": None}
        movable = [(n, c) for n, c in controls_of(w) if neighbour(c) is not None]
        movable.sort(key=lambda nc: "Slider" not in type(nc[1]).__name__)
        if movable:
            name, control = movable[0]
            v0, v1 = control.value, neighbour(control)
            entry["slider"] = name
            def move(i):
                control.value = v1 if i % 2 == 0 else v0
            entry["move_ms"] = median_ms(move)
            control.value = v1
        entry["update_ms"] = median_ms(lambda i: redraw())
        if movable:
            control.value = v0
        found.append(entry)
    usage = [resource.getrusage(who).ru_maxrss for who in
             (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    scale = 1 if sys.platform == "darwin" else 1024   # ru_maxrss: bytes on macOS, KiB elsewhere
    print(json.dumps({"explorers": found, "peak_mb": max(usage) * scale / 2**20}))
_budget_measure(REPEATS)
"""


def kernel_env():
    """Environment for kernels: RuntimeWarning is an error; no forced plot backend."""
    env = dict(os.environ, PYTHONWARNINGS="error::RuntimeWarning")
    env.pop("MPLBACKEND", None)
    return env


def code_cell(source):
    return nbformat.v4.new_code_cell(source)


def stdout_of(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")


def measure_notebook(path, repeats=REPEATS, timeout=600):
    """Run one notebook in a fresh kernel; returns a dict of the figures (see the module doc).

    Keys: name, seconds, slowest_cell (index, seconds), peak_mb, explorers (list of dicts
    with cell, title, draw, slider, update_ms, move_ms), error (None or the failing cell's
    message). After an error the figures so far are kept; a dead kernel leaves peak_mb None.
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    cells = list(nb.cells)
    setup, probe = code_cell(SETUP), code_cell(MEASURE.replace("REPEATS", str(int(repeats))))
    nb.cells = [setup] + cells + [probe]   # nbclient writes each executed cell back by index
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    result = {"name": path.name, "seconds": None, "slowest_cell": None, "peak_mb": None,
              "explorers": [], "error": None}
    executed = []   # notebook indices of the cells that ran, in order
    start = time.perf_counter()
    with client.setup_kernel(env=kernel_env()):
        client.execute_cell(setup, 0, store_history=False)
        slowest = (None, 0.0)
        try:
            for index, cell in enumerate(cells):
                if cell.cell_type != "code":
                    continue
                cell_start = time.perf_counter()
                cell = client.execute_cell(cell, index + 1)
                took = time.perf_counter() - cell_start
                slowest = max(slowest, (index, took), key=lambda pair: pair[1])
                if cell.get("execution_count") is not None:
                    executed.append(index)
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
            lines = str(error).strip().splitlines() or [type(error).__name__]
            result["error"] = f"cell {index}: {lines[-1]}"
        result["seconds"] = time.perf_counter() - start
        result["slowest_cell"] = slowest
        try:
            probe = client.execute_cell(probe, len(nb.cells) - 1, store_history=False)
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
            result["error"] = result["error"] or f"measuring failed: {type(error).__name__}"
            return result
    figures = json.loads(stdout_of(probe).strip().splitlines()[-1])
    result["peak_mb"] = figures["peak_mb"]
    for entry in figures["explorers"]:
        serial = entry.pop("serial")
        entry["cell"] = executed[serial - 1] if 0 < serial <= len(executed) else None
        result["explorers"].append(entry)
    return result


def worst_update(result):
    times = [t for e in result["explorers"] for t in (e["update_ms"], e["move_ms"]) if t is not None]
    return max(times) if times else None


def megabytes(value):
    return "–" if value is None else f"{value:.0f} MB"


def mark(ok):
    return "✓" if ok else "✗"


def verdicts(result):
    """{target: met?} for one notebook."""
    worst = worst_update(result)
    return {"time": result["error"] is None and result["seconds"] <= NOTEBOOK_SECONDS,
            "memory": result["peak_mb"] is not None and result["peak_mb"] <= PEAK_MB,
            "sliders": worst is None or worst <= UPDATE_MS}


def all_met(results):
    total = sum(r["seconds"] for r in results)
    return total <= COURSE_SECONDS and all(all(verdicts(r).values()) for r in results)


def format_tables(results):
    """The Markdown tables: one line per notebook plus the total, then one per explorer."""
    lines = ["| notebook | wall time | ≤ 60 s | slowest cell | kernel peak | ≤ 1 GB "
             "| slider explorers | slowest update (median) | ≤ 150 ms |",
             "|---|---:|:-:|---|---:|:-:|---:|---:|:-:|"]
    for r in results:
        ok, worst = verdicts(r), worst_update(r)
        cell, took = r["slowest_cell"] or (None, 0.0)
        time_text = f"{r['seconds']:.1f} s" + (f" (**error**: {r['error']})" if r["error"] else "")
        lines.append(f"| {r['name']} | {time_text} | {mark(ok['time'])} "
                     f"| {'–' if cell is None else f'cell {cell}: {took:.1f} s'} "
                     f"| {megabytes(r['peak_mb'])} | {mark(ok['memory'])} | {len(r['explorers'])} "
                     f"| {'–' if worst is None else f'{worst:.0f} ms'} | {mark(ok['sliders'])} |")
    total = sum(r["seconds"] for r in results)
    peaks = [r["peak_mb"] for r in results if r["peak_mb"] is not None]
    peak = max(peaks) if len(peaks) == len(results) else None
    n_explorers = sum(len(r["explorers"]) for r in results)
    worsts = [w for w in map(worst_update, results) if w is not None]
    worst = max(worsts) if worsts else None
    lines.append(f"| **whole course** ({len(results)} notebooks) | **{total:.1f} s** "
                 f"| {mark(total <= COURSE_SECONDS)} (≤ 5 min) | | {megabytes(peak)} (max) "
                 f"| {mark(peak is not None and peak <= PEAK_MB)} | {n_explorers} "
                 f"| {'–' if worst is None else f'{worst:.0f} ms'} "
                 f"| {mark(worst is None or worst <= UPDATE_MS)} |")
    lines += ["", "| notebook | cell | explorer: title (draw function) | slider moved "
              "| redraw median | slider move median | ≤ 150 ms |",
              "|---|---:|---|---|---:|---:|:-:|"]
    for r in results:
        for e in r["explorers"]:
            times = [t for t in (e["update_ms"], e["move_ms"]) if t is not None]
            move = "–" if e["move_ms"] is None else f"{e['move_ms']:.0f} ms"
            title = e["title"].replace("|", "\\|") + " " if e.get("title") else ""
            lines.append(f"| {r['name']} | {e['cell']} | {title}(`{e['draw']}`) "
                         f"| {e['slider'] or '–'} "
                         f"| {e['update_ms']:.0f} ms | {move} "
                         f"| {mark(max(times) <= UPDATE_MS)} |")
    return "\n".join(lines)


def machine():
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="notebooks (default: every notebook)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--repeats", type=int, default=REPEATS,
                        help=f"update calls per explorer (default {REPEATS})")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(str(p) for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if not paths:
        parser.error("no notebooks found")
    load_at_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    results = []
    for path in paths:
        print(f"measuring {Path(path).name} ...", file=sys.stderr, flush=True)
        results.append(measure_notebook(path, repeats=args.repeats))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Budgets measured on {machine()}, {time.strftime('%Y-%m-%d')}, "
          f"with `python tools/budgets.py` (load average {load_at_start:.1f} at the start, "
          f"{load:.1f} at the end):\n")
    print(format_tables(results))
    met = all_met(results)
    print(f"\nevery target met: {'yes' if met else 'NO'}")
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())

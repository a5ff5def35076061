"""tools/budgets.py measures what it says, on a small notebook made here (no timing targets)."""
import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("budgets", ROOT / "tools" / "budgets.py")
budgets = importlib.util.module_from_spec(spec)
spec.loader.exec_module(budgets)

BLOCK_MB = 200

DRAW = '''\
from nnhelpers.explorer import explorer, slider

def draw_line(fig, a):
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, a])
    return f"a = {a:.2f}"

line = explorer(draw_line, {"a": slider(0.5, 0.0, 1.0, 0.1, "a")}, title="A line")
'''


def write(tmp_path, name, sources, tags=None):
    cells = [nbformat.v4.new_markdown_cell("# A small notebook")]
    for i, source in enumerate(sources):
        cell = nbformat.v4.new_code_cell(source)
        if tags and i in tags:
            cell.metadata["tags"] = tags[i]
        cells.append(cell)
    path = tmp_path / name
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


@pytest.fixture(scope="module")
def small_result(tmp_path_factory):
    path = write(tmp_path_factory.mktemp("budgets"), "small.ipynb", [
        f"import numpy as np\nblock = np.ones({BLOCK_MB} * 2**20 // 8)   # {BLOCK_MB} MiB, written",
        DRAW,
        'raise RuntimeError("a cell tagged skip-execution must not run")',
    ], tags={2: ["skip-execution"]})
    return budgets.measure_notebook(path, repeats=5), path


def test_measure_notebook_finds_the_explorer_and_its_cell(small_result):
    result, _ = small_result
    assert result["error"] is None
    assert len(result["explorers"]) == 1
    found = result["explorers"][0]
    assert (found["cell"], found["title"], found["draw"], found["slider"]) == (
        2, "A line", "draw_line", "a")
    assert found["update_ms"] > 0 and found["move_ms"] > 0


def test_measure_notebook_sees_the_kernels_memory_and_time(small_result):
    result, _ = small_result
    assert result["peak_mb"] >= BLOCK_MB          # the kernel held the whole block at once
    assert result["peak_mb"] < 10 * BLOCK_MB
    assert result["seconds"] > 0 and result["slowest_cell"][0] in (1, 2)


def test_an_error_in_a_cell_is_reported_and_fails_strict(tmp_path, capsys):
    path = write(tmp_path, "broken.ipynb", ["x = 1", "1 / 0"])
    result = budgets.measure_notebook(path)
    assert result["error"].startswith("cell 2:") and "ZeroDivisionError" in result["error"]
    assert budgets.main([str(path)]) == 0
    assert budgets.main(["--strict", str(path)]) == 1
    assert "ZeroDivisionError" in capsys.readouterr().out


def fake(name, seconds, peak_mb, update_ms):
    explorers = [{"cell": 3, "draw": "draw_x", "slider": "a", "update_ms": update_ms,
                  "move_ms": update_ms}] if update_ms is not None else []
    return {"name": name, "seconds": seconds, "slowest_cell": (3, seconds / 2),
            "peak_mb": peak_mb, "explorers": explorers, "error": None}


def row(table, name):
    return next(line for line in table.splitlines() if line.startswith(f"| {name} |"))


def test_table_marks_each_missed_target():
    results = [fake("ok.ipynb", 10.0, 300.0, 50.0), fake("slow.ipynb", 61.0, 300.0, None),
               fake("big.ipynb", 10.0, 1100.0, None), fake("laggy.ipynb", 10.0, 300.0, 151.0)]
    table = budgets.format_tables(results)
    assert row(table, "ok.ipynb").count("✗") == 0
    for name in ("slow.ipynb", "big.ipynb", "laggy.ipynb"):
        assert row(table, name).count("✗") == 1, row(table, name)
    assert not budgets.all_met(results)
    assert budgets.all_met(results[:1])


def test_whole_course_over_five_minutes_is_a_miss():
    results = [fake(f"{i:02d}.ipynb", 55.0, 300.0, 20.0) for i in range(6)]   # 330 s in all
    assert all(all(budgets.verdicts(r).values()) for r in results)
    assert not budgets.all_met(results)
    assert "✗ (≤ 5 min)" in budgets.format_tables(results)

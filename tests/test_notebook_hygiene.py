"""Every notebook keeps the course's conventions (checked on the committed files)."""
import hashlib
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def source(cell):
    return "".join(cell["source"])


@pytest.fixture(params=NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def nb(request):
    return request.param.name, load(request.param)


def test_structure(nb):
    name, book = nb
    cells = book["cells"]
    assert re.match(r"# \d\d · .+", source(cells[0])), f"{name}: first cell must be the title"
    headings = [l for c in cells if c["cell_type"] == "markdown" for l in source(c).splitlines()
                if l.startswith("## ")]
    assert any("What you will learn" in h for h in headings[:2]), f"{name}: learning goals come first"
    assert any(h.startswith("## Summary") for h in headings), f"{name}: needs a Summary"
    assert any(h.startswith("## Exercises") for h in headings), f"{name}: needs Exercises"
    assert "<details>" in "".join(source(c) for c in cells), f"{name}: solutions go in <details>"
    setups = [c for c in cells if c["cell_type"] == "code" and "setup_notebook()" in source(c)]
    assert len(setups) == 1, f"{name}: exactly one setup cell calls nh.setup_notebook()"
    assert re.search(r"\(.*[\u4e00-\u9fff].*\)", "\n".join(headings)), f"{name}: bilingual headings"


def test_committed_outputs_come_from_a_clean_run(nb):
    name, book = nb
    code = [c for c in book["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in code if "skip-execution" not in c["metadata"].get("tags", [])]
    assert counts == list(range(1, len(counts) + 1)), f"{name}: re-run it with tools/execute.py"
    for c in code:
        for out in c.get("outputs", []):
            assert out["output_type"] != "error", f"{name}: stored error output"
            text = "".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/plain", ""))
            assert not re.search(r"0x[0-9a-f]{8,}", text), f"{name}: memory address in output"
            assert "image/svg+xml" not in out.get("data", {}), f"{name}: figures must be PNG"
            assert "Warning" not in text or "warnings" in source(c), f"{name}: a warning was printed"


def test_ignore_output_only_on_widget_and_timing_cells(nb):
    name, book = nb
    for c in book["cells"]:
        if "nbval-ignore-output" not in c["metadata"].get("tags", []):
            continue
        has_widget = any(WIDGET in o.get("data", {}) for o in c.get("outputs", []))
        timing = re.search(r"perf_counter|time\(|timeit|%%time", source(c))
        assert has_widget or timing, f"{name}: nbval-ignore-output on a cell that is neither widget nor timing:\n{source(c)[:200]}"


def test_widget_model_ids_are_the_stable_ones_from_tools_execute(nb):
    name, book = nb
    state = book["metadata"].get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    expected = [hashlib.sha256(f"{name}:{k}".encode()).hexdigest()[:32] for k in range(len(state.get("state", {})))]
    assert set(state.get("state", {})) == set(expected), f"{name}: re-run it with tools/execute.py"

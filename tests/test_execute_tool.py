"""tools/execute.py: the way committed outputs are made gives the same file every time."""
import hashlib
import importlib.util
from pathlib import Path

import nbformat

TOOL = Path(__file__).resolve().parent.parent / "tools" / "execute.py"


def load_tool():
    spec = importlib.util.spec_from_file_location("execute_tool", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def notebook_with_a_widget(path):
    cells = [nbformat.v4.new_code_cell("import ipywidgets as w\nw.VBox([w.IntSlider(3), w.Label('x')])"),
             nbformat.v4.new_code_cell("for i in range(3):\n    print(i)", metadata={"tags": ["keep"], "x": 1})]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)


def test_two_runs_give_the_same_bytes_with_stable_widget_ids(tmp_path):
    tool = load_tool()
    path = tmp_path / "demo.ipynb"
    notebook_with_a_widget(path)
    tool.execute(path)
    first = path.read_bytes()
    tool.execute(path)
    assert path.read_bytes() == first
    nb = nbformat.read(path, as_version=4)
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    view = nb.cells[0].outputs[0]["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
    assert view in state and len(state) >= 3                  # VBox, slider, label and their layouts
    assert set(state) == {hashlib.sha256(f"demo.ipynb:{k}".encode()).hexdigest()[:32] for k in range(len(state))}
    assert nb.cells[1].metadata == {"tags": ["keep"]}          # only tags survive
    assert nb.cells[1].outputs[0]["text"] == "0\n1\n2\n"       # one stream output, coalesced

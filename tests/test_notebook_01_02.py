"""Structure of notebooks 01, 02 and 03, as the course's notebook rules require.

These read the committed .ipynb files (no kernel): headings, navigation markers,
one setup cell, tagged explorer cells, exercises with checks and hidden solutions.
"""
import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
EXPLORERS = {"01_neurons.ipynb": 3, "02_activation_and_the_neuron.ipynb": 3,
             "03_signals_and_matrices.ipynb": 1}     # slider explorers each notebook shows
NAMES = list(EXPLORERS)
CJK = re.compile(r"[\u4e00-\u9fff]")


def load(name):
    nb = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    return [(c["cell_type"], "".join(c["source"]), c) for c in nb["cells"]]


@pytest.mark.parametrize("name", NAMES)
def test_title_nav_and_goals_come_first(name):
    cells = load(name)
    kind, text, _ = cells[0]
    assert kind == "markdown" and re.match(rf"# {name[:2]} · .+\(.*[\u4e00-\u9fff].*\)", text)
    assert cells[1][1].startswith("<!-- nav-top -->")
    assert cells[2][1].startswith("## What you will learn (学习目标)")
    assert cells[-1][1].startswith("<!-- nav-bottom -->")


@pytest.mark.parametrize("name", NAMES)
def test_one_setup_cell_and_bilingual_headings(name):
    cells = load(name)
    setup = [t for k, t, _ in cells if k == "code" and "nh.setup_notebook()" in t]
    assert len(setup) == 1
    headings = [line for k, t, _ in cells if k == "markdown" for line in t.splitlines()
                if line.startswith("## ")]
    assert headings[-2:] == ["## Summary (小结)", "## Exercises (练习)"]
    assert all(CJK.search(h) for h in headings), [h for h in headings if not CJK.search(h)]


@pytest.mark.parametrize("name", NAMES)
def test_explorer_cells_are_single_calls_tagged_ignore_output(name):
    cells = load(name)
    explorers = [(t, c) for k, t, c in cells if k == "code" and "_explorer(" in t]
    assert len(explorers) == EXPLORERS[name]
    for text, cell in explorers:
        assert re.fullmatch(r"nh\.\w+_explorer\(\)", text.strip())
        assert cell["metadata"].get("tags") == ["nbval-ignore-output"]
    tagged = [t for k, t, c in cells if c["metadata"].get("tags")]
    assert len(tagged) == len(explorers)                 # nothing else is ignored


@pytest.mark.parametrize("name", NAMES)
def test_exercises_have_checks_waiting_and_hidden_solutions(name):
    cells = load(name)
    start = next(i for i, (k, t, _) in enumerate(cells) if "## Exercises (练习)" in t)
    checks = [i for i, (k, t, _) in enumerate(cells) if k == "code" and "nh.check(" in t]
    assert 2 <= len(checks) <= 4 and all(i > start for i in checks)
    for i in checks:
        outputs = "".join("".join(o.get("text", "")) for o in cells[i][2]["outputs"])
        assert "not answered yet" in outputs
        assert "..." in cells[i][1]
        kind, text, _ = cells[i + 1]
        assert kind == "markdown" and text.startswith("<details><summary>Solution</summary>")


@pytest.mark.parametrize("name", NAMES)
def test_outputs_are_clean(name):
    for kind, _, cell in load(name):
        if kind != "code":
            continue
        assert cell.get("execution_count") is not None          # executed top to bottom
        for out in cell["outputs"]:
            assert out["output_type"] != "error"
            assert out.get("name") != "stderr"
            text = "".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/plain", ""))
            assert not re.search(r"0x[0-9a-f]{6,}", text)


@pytest.mark.parametrize("name", NAMES)
def test_every_concept_is_checked_against_nnhelpers(name):
    agreements = [c for k, t, c in load(name) if k == "code" and "inline and nnhelpers" in t]
    assert len(agreements) >= 3
    for cell in agreements:
        printed = "".join("".join(o.get("text", "")) for o in cell["outputs"])
        assert "agree: True" in printed and "agree: False" not in printed


@pytest.mark.parametrize("name", NAMES)
def test_plot_cells_do_not_end_with_a_value(name):
    """nbval ignores a trailing `;`, so a plot cell must end with plt.show() or an assignment."""
    for kind, text, _ in load(name):
        if kind == "code" and ("plt." in text or "nh.draw_" in text):
            last = text.strip().splitlines()[-1]
            assert last == "plt.show()" or re.match(r"[\w, ]+ = ", last), last

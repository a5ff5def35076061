"""Package conventions: docstrings name their notebook, no side effects at import."""
import inspect
import subprocess
import sys
from pathlib import Path

import nnhelpers as nh

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_NAMES = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}


def public_functions():
    for name in dir(nh):
        obj = getattr(nh, name)
        if name.startswith("_") or not (inspect.isfunction(obj) or inspect.isclass(obj)):
            continue
        if getattr(obj, "__module__", "").startswith("nnhelpers"):
            yield name, obj


def test_every_public_function_names_the_notebook_that_introduces_it():
    missing = []
    for name, obj in public_functions():
        doc = inspect.getdoc(obj) or ""
        last = doc.strip().splitlines()[-1] if doc.strip() else ""
        if not (last.startswith("Introduced in: ") and last.split(": ", 1)[1] in NOTEBOOK_NAMES):
            missing.append(name)
    assert not missing, f"docstrings must end with 'Introduced in: <existing notebook>': {missing}"
    assert len(list(public_functions())) > 30


def test_import_has_no_side_effects():
    code = ("import numpy as np, matplotlib as mpl\n"
            "before = (np.get_printoptions(), dict(mpl.rcParams))\n"
            "import nnhelpers\n"
            "after = (np.get_printoptions(), dict(mpl.rcParams))\n"
            "assert before == after, 'import changed global settings'\n"
            "import matplotlib.pyplot as plt\n"
            "assert plt.get_fignums() == [], 'import opened figures'\n"
            "print('clean')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "clean", result.stderr


def test_setup_notebook_sets_four_decimals():
    import matplotlib as mpl
    import numpy as np
    old = np.get_printoptions()
    try:
        with mpl.rc_context():                   # it also sets the plot style: undone afterwards
            nh.setup_notebook()
            assert np.get_printoptions()["precision"] == 4
            assert np.array2string(np.array([1 / 3])) == "[0.3333]"
    finally:
        np.set_printoptions(**old)


def test_modules_stay_small():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines())
             for p in (ROOT / "nnhelpers").glob("*.py")}
    too_long = {name: n for name, n in sizes.items() if n > 230}
    assert not too_long, f"split these modules (about 150 lines each): {too_long}"


def test_apply_style_sets_the_course_look_and_setup_leaves_nothing_else():
    import matplotlib as mpl
    from nnhelpers.plotting import STYLE, apply_style
    with mpl.rc_context():
        mpl.rcParams["figure.dpi"] = 200
        mpl.rcParams["axes.grid"] = False
        apply_style()
        assert mpl.rcParams["figure.dpi"] == 90 and mpl.rcParams["axes.grid"] is True
        assert all(mpl.rcParams[k] == v for k, v in STYLE.items() if k != "figure.figsize")
        assert list(mpl.rcParams["figure.figsize"]) == list(STYLE["figure.figsize"])

"""The two-command setup, Binder files and CI stay consistent with the README."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lines(path):
    return [l.strip() for l in (ROOT / path).read_text().splitlines()
            if l.strip() and not l.startswith("#")]


def test_requirements_pin_every_dependency_and_install_nnhelpers():
    reqs = lines("requirements.txt")
    assert reqs[-1] == "-e ."
    for req in reqs[:-1]:
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.]*", req), req
    names = {r.split("==")[0].lower() for r in reqs[:-1]}
    assert {"numpy", "jupyterlab", "ipywidgets", "matplotlib", "nbval", "pytest"} <= names
    assert lines("tests/requirements.txt")[0] == "-r ../requirements.txt"
    for req in lines("tests/requirements.txt")[1:]:
        assert "==" in req, req


def test_binder_uses_the_same_pins_and_a_pinned_python():
    assert lines("binder/requirements.txt") == ["-r ../requirements.txt"]
    assert re.fullmatch(r"python-3\.1[0-9]", lines("binder/runtime.txt")[0])


def test_readme_commands_are_the_ones_ci_runs():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.+?)\n```", readme, re.S)
    open_cmd, test_cmd = blocks[0], blocks[1]
    assert "pip install -r requirements.txt" in open_cmd
    assert open_cmd.endswith("jupyter lab notebooks/00_start_here.ipynb")
    assert test_cmd in (ROOT / ".ci" / "run").read_text()
    assert "urlpath=lab/tree/notebooks/00_start_here.ipynb" in readme

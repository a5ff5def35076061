"""Binder gets the environment the tests use, and the README's launch links point at real files.

repo2docker, for a repository with a binder/ folder, installs
`pip install -r "binder/requirements.txt"` with the repository root as working
directory, in the Python of binder/runtime.txt. The first test does the same
by hand (a fresh virtual environment, the same command from the root of a copy
of the repository), then imports nnhelpers from outside the repository and
executes the start notebook in a kernel of that environment. The second asks
repo2docker itself which Dockerfile it would build (`--no-build --debug`, no
Docker needed). The last two parse README.md's Binder badge and nbgitpuller link.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
START = "notebooks/00_start_here.ipynb"
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "venv", "*.egg-info", "__pycache__",
                                     ".ipynb_checkpoints", ".pytest_cache", ".hypothesis",
                                     "build", "dist")
BADGE_FORM = ("https://mybinder.org/v2/gh/OWNER/REPO/main?urlpath=lab/tree/"
              "notebooks/00_start_here.ipynb")
PULLER_FORM = ("https://HUB/hub/user-redirect/git-pull?repo=https://github.com/OWNER/REPO"
               "&branch=main&urlpath=lab/tree/REPO/notebooks/00_start_here.ipynb")


def runtime_version():
    """'3.11' from binder/runtime.txt's 'python-3.11'."""
    text = (ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-(\d+\.\d+)", text)
    assert match, f"binder/runtime.txt must read like 'python-3.11', got {text!r}"
    return match.group(1)


def python_for(version):
    """An interpreter of the Binder Python version: this one, or pythonX.Y on PATH."""
    if "%d.%d" % sys.version_info[:2] == version:
        return sys.executable
    found = shutil.which(f"python{version}")
    if not found:
        pytest.fail(f"binder/runtime.txt asks for Python {version}, but this is "
                    f"{sys.version.split()[0]} and no python{version} is on PATH")
    return found


def run(cmd, cwd, env=None, timeout=900):
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, (f"{' '.join(map(str, cmd))} (in {cwd}) failed with "
                                  f"code {done.returncode}:\n{done.stdout[-3000:]}\n"
                                  f"{done.stderr[-3000:]}")
    return done.stdout


def isolated_env(venv, tmp_path):
    """The fresh environment only: its bin first on PATH, no other Jupyter data or venv."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "JUPYTER_PATH",
                        "JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "MPLBACKEND")}
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
               VIRTUAL_ENV=str(venv), JUPYTER_DATA_DIR=str(tmp_path / "jupyter-data"),
               JUPYTER_CONFIG_DIR=str(tmp_path / "jupyter-config"),
               PYTHONWARNINGS="error::RuntimeWarning")
    return env


def execute(venv, env, notebook, out_dir):
    """nbconvert --execute in the fresh environment; returns the executed notebook."""
    run([venv / "bin" / "python", "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
         "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.kernel_name=python3",
         "--output-dir", out_dir, notebook], cwd=out_dir, env=env)
    return nbformat.read(out_dir / Path(notebook).name, as_version=4)


def test_binder_environment_installs_and_runs_the_start_notebook(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=COPY_IGNORE)   # what a clone has; the shared tree stays clean
    venv = tmp_path / "venv"
    run([python_for(runtime_version()), "-m", "venv", venv], cwd=tmp_path)
    run([venv / "bin" / "python", "-m", "pip", "install", "-q", "-r", "binder/requirements.txt"],
        cwd=repo)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = isolated_env(venv, tmp_path)

    location = run([venv / "bin" / "python", "-c", "import nnhelpers; print(nnhelpers.__file__)"],
                   cwd=outside, env=env).strip()
    assert Path(location).resolve() == (repo / "nnhelpers" / "__init__.py").resolve(), (
        f"import nnhelpers from outside the repository found {location}, "
        f"expected the editable install of {repo / 'nnhelpers'}")

    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import sys, nnhelpers\nprint(sys.prefix)\nprint(nnhelpers.__file__)")])
    nbformat.write(probe, outside / "probe.ipynb")
    lines = execute(venv, env, outside / "probe.ipynb", outside).cells[0].outputs[0]["text"].split()
    assert Path(lines[0]).resolve() == venv.resolve(), f"the kernel ran in {lines[0]}, not {venv}"

    executed = execute(venv, env, repo / START, outside)
    code = [(i, c) for i, c in enumerate(executed.cells) if c.cell_type == "code" and c.source.strip()]
    assert code, f"{START} has no code cells"
    not_run = [i for i, c in code if c.get("execution_count") is None]
    errors = [f"cell {i}: {o.get('ename')}: {o.get('evalue')}" for i, c in code
              for o in c.outputs if o.output_type == "error"]
    assert not not_run and not errors, f"{START} in the Binder environment: not run {not_run}, {errors}"


def decoded(name):
    """repo2docker's escaped build-script file names: '-2e' → '.', '-2f' → '/', ..."""
    return re.sub(r"-([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), name)


def test_repo2docker_dockerfile_installs_binder_requirements_with_runtime_python():
    cmd = [sys.executable, "-m", "repo2docker", "--no-build", "--debug"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd += ["--user-id", "1000", "--user-name", "jovyan"]
    done = subprocess.run(cmd + [str(ROOT)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"repo2docker failed:\n{done.stderr[-3000:]}"
    dockerfile = done.stdout
    install = re.search(r'^RUN .*pip install .*-r "?binder/requirements\.txt"?\s*$', dockerfile, re.M)
    assert install, f"no 'pip install -r binder/requirements.txt' in the Dockerfile:\n{dockerfile}"
    copy_repo = re.search(r"^COPY .*\bsrc/ \$\{REPO_DIR\}/?\s*$", dockerfile, re.M)
    assert copy_repo and copy_repo.start() < install.start(), (
        "the repository must be copied before pip runs, or '-e .' finds no package")
    workdirs = re.findall(r"^WORKDIR (.+)$", dockerfile[:install.start()], re.M)
    assert workdirs and workdirs[-1].strip() == "${REPO_DIR}", (
        f"pip must run in the repository root, the Dockerfile's WORKDIR is {workdirs[-1:]}")
    locks = re.findall(r"environment\.py-(\d+\.\d+)-linux", decoded(dockerfile))
    wanted = runtime_version()
    assert locks and set(locks) == {wanted}, (
        f"binder/runtime.txt asks for Python {wanted}; the Dockerfile's conda environment "
        f"is for {sorted(set(locks)) or 'no version found'}")


def readme_text():
    path = ROOT / "README.md"
    assert path.is_file(), "README.md is missing"
    return path.read_text(encoding="utf-8")


def test_readme_binder_badge_opens_a_notebook_that_exists():
    urls = re.findall(r"https://mybinder\.org/v2/gh/[^\s)\"'<>\]]+", readme_text())
    assert urls, f"README.md has no Binder badge link of the form {BADGE_FORM}"
    for url in urls:
        parts = urlsplit(url)
        segments = parts.path.split("/")          # ['', 'v2', 'gh', OWNER, REPO, BRANCH]
        assert len(segments) == 6 and segments[5] == "main", f"{url}: expected .../OWNER/REPO/main"
        query = parse_qs(parts.query)
        if "labpath" in query:
            path = query["labpath"][0]
        else:
            assert "urlpath" in query, f"{url}: no urlpath= (expected the form {BADGE_FORM})"
            urlpath = unquote(query["urlpath"][0])
            assert urlpath.startswith("lab/tree/"), f"{url}: urlpath must start with lab/tree/"
            path = urlpath[len("lab/tree/"):]
        assert (ROOT / path).is_file(), f"{url} opens {path}, which does not exist"


def test_readme_nbgitpuller_link_opens_a_notebook_that_exists():
    urls = re.findall(r"https?://[^\s)\"'<>\]]*/hub/user-redirect/git-pull\?[^\s)\"'<>\]]+",
                      readme_text())
    assert urls, f"README.md has no nbgitpuller link of the form {PULLER_FORM}"
    for url in urls:
        query = parse_qs(urlsplit(url.replace("&amp;", "&")).query)
        for key in ("repo", "branch", "urlpath"):
            assert key in query, f"{url}: no {key}= (expected the form {PULLER_FORM})"
        assert query["branch"][0] == "main", f"{url}: branch must be main"
        repo = urlsplit(query["repo"][0]).path.rstrip("/").split("/")[-1].removesuffix(".git")
        urlpath = unquote(query["urlpath"][0])
        prefix = f"lab/tree/{repo}/"
        assert urlpath.startswith(prefix), (f"{url}: nbgitpuller clones into the folder {repo}/, "
                                            f"so urlpath must start with {prefix}")
        path = urlpath[len(prefix):]
        assert (ROOT / path).is_file(), f"{url} opens {path}, which does not exist"
        badges = re.findall(r"https://mybinder\.org/v2/gh/[^/\s]+/([^/\s]+)/", readme_text())
        assert all(name == repo for name in badges), (
            f"{url} pulls the repository {repo}, the Binder badge launches {badges}")

"""Navigation: generated links are current, the start notebook lists all, links resolve."""
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
LINK = re.compile(r"\]\(([^)\s]+)\)")


def markdown_of(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def test_nav_tool_reports_everything_current():
    result = subprocess.run([sys.executable, "tools/nav.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_every_notebook_has_top_and_bottom_links():
    for i, path in enumerate(NOTEBOOKS):
        cells = markdown_of(path)
        top = [c for c in cells if c.startswith("<!-- nav-top -->")]
        assert len(top) == 1, path.name
        assert cells[-1].startswith("<!-- nav-bottom -->"), path.name
        nxt = NOTEBOOKS[i + 1].name if i + 1 < len(NOTEBOOKS) else "../GLOSSARY.md"   # the last leads on
        assert "Next: [" in top[0] and f"({nxt}) ➡" in top[0] and f"({nxt}) ➡" in cells[-1], path.name
        if i > 0:
            assert f"({NOTEBOOKS[i - 1].name})" in top[0]


def test_start_notebook_lists_every_notebook():
    start = ROOT / "notebooks" / "00_start_here.ipynb"
    course_map = [c for c in markdown_of(start) if c.startswith("<!-- course-map -->")][0]
    for path in NOTEBOOKS[1:]:
        assert f"]({path.name})" in course_map


def relative_links(text):
    for target in LINK.findall(text):
        if not re.match(r"^[a-z]+:", target) and not target.startswith("#"):
            yield unquote(target.split("#")[0])


def test_every_relative_link_resolves():
    sources = [(p, "\n".join(markdown_of(p))) for p in NOTEBOOKS]
    sources += [(p, p.read_text(encoding="utf-8")) for p in ROOT.glob("*.md")]
    broken = [f"{p.name}: {t}" for p, text in sources for t in relative_links(text)
              if not (p.parent / t).exists()]
    assert not broken, broken
    assert sum(1 for p, text in sources for _ in relative_links(text)) > 3 * len(NOTEBOOKS)

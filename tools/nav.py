"""Write (or check) the navigation of the course's notebooks.

    python tools/nav.py          # rewrite the generated cells
    python tools/nav.py --check  # exit 1 if any generated cell is out of date

Each notebook has a markdown cell starting `<!-- nav-top -->` after its title
and one starting `<!-- nav-bottom -->` as its last cell: both get links to the
previous notebook, the start notebook and the next one (after the last
notebook: the glossary, which the course map lists last). The start notebook
also has a cell starting `<!-- course-map -->` that lists every notebook.
Titles come from each notebook's first `# ` heading.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
START = "00_start_here.ipynb"
GLOSSARY = ("../GLOSSARY.md", "Glossary (术语表)")
MARKERS = ("<!-- nav-top -->", "<!-- nav-bottom -->", "<!-- course-map -->")


def notebook_paths():
    """The course's notebooks in order (names start with two digits)."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def title_of(nb):
    """The text of the first level-1 heading, or the file's stem."""
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            m = re.search(r"^# (.+)$", "".join(cell["source"]), re.M)
            if m:
                return m.group(1).strip()
    return ""


def nav_text(marker, prev, nxt):
    parts = []
    if prev:
        parts.append(f"⬅ Previous: [{prev[1]}]({prev[0]})")
    if marker != MARKERS[0] or prev:
        parts.append(f"[🏠 Start]({START})")
    if nxt:
        parts.append(f"Next: [{nxt[1]}]({nxt[0]}) ➡")
    return f"{marker}\n" + " · ".join(parts)


def map_text(entries):
    lines = [MARKERS[2], "| # | Notebook |", "|---|---|"]
    for name, title in entries:
        short = re.sub(r"^\d\d · ", "", title)
        lines.append(f"| {name[:2]} | [{short}]({name}) |")
    lines.append("")
    lines.append("Also: the [glossary (术语表)](../GLOSSARY.md) of every term in English and Chinese.")
    return "\n".join(lines)


def expected_cells(entries):
    """{notebook name: {marker: text}} for the whole course."""
    wanted = {}
    for i, (name, _) in enumerate(entries):
        prev = entries[i - 1] if i > 0 else None
        nxt = entries[i + 1] if i + 1 < len(entries) else GLOSSARY
        wanted[name] = {m: nav_text(m, prev, nxt) for m in MARKERS[:2]}
        if name == START:
            wanted[name][MARKERS[2]] = map_text(entries[1:])
    return wanted


def update(check_only=False):
    """Rewrite (or compare) the generated cells; returns a list of problems."""
    paths = notebook_paths()
    books = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in paths}
    entries = [(p.name, title_of(books[p.name]) or p.stem) for p in paths]
    problems = []
    for name, wanted in expected_cells(entries).items():
        nb, changed = books[name], False
        for marker, text in wanted.items():
            cells = [c for c in nb["cells"] if "".join(c["source"]).startswith(marker)]
            if len(cells) != 1:
                problems.append(f"{name}: needs exactly one cell starting {marker}, has {len(cells)}")
                continue
            if "".join(cells[0]["source"]) != text:
                problems.append(f"{name}: {marker} cell is out of date")
                cells[0]["source"] = text.splitlines(keepends=True)
                changed = True
        if changed and not check_only:
            path = NOTEBOOKS / name
            path.write_text(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return problems


def main(argv):
    check_only = "--check" in argv
    problems = update(check_only)
    for p in problems:
        print(p)
    structural = [p for p in problems if "needs exactly one" in p]
    return 1 if structural or (check_only and problems) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

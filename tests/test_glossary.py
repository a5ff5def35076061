"""GLOSSARY.md: every bilingual heading of every notebook is in it, and every link resolves."""
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "GLOSSARY.md"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# "## English words (中文)": the last parenthesised group, which must contain Chinese characters
HEADING = re.compile(r"^#{2,6}\s+(.*\S)\s*\(([^()]*[\u4e00-\u9fff][^()]*)\)\s*$")
LINK = re.compile(r"\]\(([^)\s]+)\)")
CJK = re.compile(r"[\u4e00-\u9fff]")


def bilingual_headings(path):
    """(English, 中文) for every level-2+ heading of the form `## English (中文)` in a notebook."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                m = HEADING.match(line.strip())
                if m:
                    found.append((m.group(1).strip(), m.group(2).strip()))
    return found


def glossary_lines():
    return GLOSSARY.read_text(encoding="utf-8").splitlines()


def term_rows():
    """(English, 中文, link cell) of every row of the term table."""
    rows = []
    for line in glossary_lines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3 and not set(cells[0]) <= {"-"} and cells[0] != "English":
            rows.append(tuple(cells))
    return rows


def covered(english, chinese, lines):
    """True when one glossary line holds both the English (any case) and the Chinese term."""
    return any(english.lower() in line.lower() and chinese in line for line in lines)


def test_heading_pattern_reads_english_and_chinese():
    assert HEADING.match("## Gradient descent (梯度下降)").groups() == ("Gradient descent", "梯度下降")
    m = HEADING.match("## The slope: σ'(x) = σ(x)(1 − σ(x)) (Sigmoid 的导数)")
    assert m.groups() == ("The slope: σ'(x) = σ(x)(1 − σ(x))", "Sigmoid 的导数")
    assert HEADING.match("## Just English (with a remark)") is None
    assert HEADING.match("# 09 · A title (标题)") is None          # titles are not section headings


def test_glossary_exists_with_a_term_table():
    assert GLOSSARY.exists(), "GLOSSARY.md is missing at the repository root"
    rows = term_rows()
    assert len(rows) >= 100
    for english, chinese, where in rows:
        assert english and CJK.search(chinese), f"row {english!r} needs English and Chinese"
        assert LINK.search(where), f"row {english!r} must link to the notebook that introduces it"


@pytest.mark.parametrize("english, chinese", [
    ("bias", "偏置"), ("threshold", "阈值"), ("gradient descent", "梯度下降"),
    ("quadratic cost", "平方损失"), ("vectorising", "向量化"),
    ("batch / stochastic / mini-batch gradient descent", "批 / 随机 / 小批量梯度下降"),
    ("singular value decomposition", "奇异值分解"), ("cross-entropy", "交叉熵"),
    ("activation function", "激活函数"), ("forward propagation", "前向传播"),
    ("backpropagation", "反向传播"), ("learning rate", "学习率"), ("regularisation", "正则化"),
    ("root-mean-square error", "均方根误差"), ("neuron", "神经元"), ("weight", "权重"),
    ("hidden layer", "隐藏层"), ("matrix multiplication", "矩阵乘法"), ("one-hot", "独热编码"),
    ("epoch", "训练轮数"), ("overfitting", "过拟合"), ("softmax", "Softmax"), ("sigmoid", "Sigmoid"),
    ("ReLU", "线性整流函数"), ("perceptron", "感知机"), ("momentum", "动量"), ("norm", "范数"),
    ("Gram–Schmidt", "施密特正交化"),
])
def test_course_terms_are_in_the_term_table(english, chinese):
    """The terms COURSE.md and the issue name explicitly, each as a row of the table."""
    rows = term_rows()
    assert any(english.lower() in en.lower() and chinese in zh for en, zh, _ in rows), \
        f"add a row | {english} | {chinese} | [NN](notebooks/NN_name.ipynb) |"


def test_every_bilingual_heading_is_in_the_glossary():
    assert NOTEBOOKS, "no notebooks found"
    lines = glossary_lines()
    missing = [f"{path.name}: - {en} ({zh})" for path in NOTEBOOKS
               for en, zh in bilingual_headings(path) if not covered(en, zh, lines)]
    assert not missing, "add these headings to GLOSSARY.md:\n" + "\n".join(missing)


def test_headings_are_found_at_all():
    """Guards the test above against a parser that silently finds nothing."""
    counts = {path.name: len(bilingual_headings(path)) for path in NOTEBOOKS}
    assert all(n >= 3 for n in counts.values()), f"too few bilingual headings: {counts}"


def test_every_glossary_link_resolves():
    targets = LINK.findall(GLOSSARY.read_text(encoding="utf-8"))
    assert targets
    broken = sorted({t for t in targets if not t.startswith("http") and not (ROOT / t.split("#")[0]).exists()})
    assert not broken, f"links in GLOSSARY.md that point at no file: {broken}"
    notebooks = [t for t in targets if t.endswith(".ipynb")]
    assert all(re.fullmatch(r"notebooks/\d\d_[a-z0-9_]+\.ipynb", t) for t in notebooks), notebooks


def test_every_notebook_introduces_some_term():
    linked = {LINK.search(where).group(1) for _, _, where in term_rows()}
    assert {f"notebooks/{p.name}" for p in NOTEBOOKS} <= linked


def test_glossary_tool_reports_the_file_current():
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "tools/glossary.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


BOLD_TERM = re.compile(r"\*\*([^*]+)\*\* \(([\u4e00-\u9fff][^)]*)\)")   # **English** (中文) in prose


def test_every_bold_term_with_chinese_in_the_notebooks_is_in_the_glossary():
    text = GLOSSARY.read_text(encoding="utf-8")
    missing = []
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                for english, chinese in BOLD_TERM.findall("".join(cell["source"])):
                    if chinese.split(",")[0].strip() not in text:
                        missing.append(f"{path.name}: **{english}** ({chinese})")
    assert not missing, missing

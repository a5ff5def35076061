"""Write (or check) GLOSSARY.md: the term table below and an index of every
bilingual section heading of the notebooks that is not itself a term.

    python tools/glossary.py          # rewrite GLOSSARY.md
    python tools/glossary.py --check  # exit 1 if GLOSSARY.md is out of date

Add a term by adding a row to TERMS (English, 中文, number of the notebook
that introduces it); headings are picked up from the notebooks.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NB = {p.name[:2]: p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}

TERMS = [  # (English, 中文, notebook number)
    ("machine learning", "机器学习", "00"),
    ("experience E, task T, performance measure P", "经验 E、任务 T、性能度量 P", "00"),
    ("supervised learning", "监督学习", "00"),
    ("unsupervised learning", "无监督学习", "00"),
    ("reinforcement learning", "强化学习", "00"),
    ("regression", "回归", "00"),
    ("classification", "分类", "00"),
    ("parameter", "参数", "00"),
    ("generalisation", "泛化", "00"),
    ("notebook (Jupyter)", "笔记本", "00"),
    ("cell (of a notebook)", "单元格", "00"),
    ("kernel (restart the kernel)", "内核", "00"),
    ("slider", "滑块", "00"),
    ("speech recognition", "语音识别", "00"),
    ("image recognition", "图像识别", "00"),
    ("dialogue system", "对话系统", "00"),
    ("what you will learn", "学习目标", "00"),
    ("summary", "小结", "00"),
    ("exercises", "练习", "00"),
    ("neuron", "神经元", "01"),
    ("dendrite", "树突", "01"),
    ("axon", "轴突", "01"),
    ("axon terminal", "轴突末梢（末梢）", "01"),
    ("predicting machine", "预测机", "01"),
    ("error", "误差", "01"),
    ("linear classifier", "线性分类器", "01"),
    ("learning rate", "学习率", "01"),
    ("XOR (exclusive or)", "异或", "01"),
    ("linearly separable", "线性可分", "01"),
    ("activation function", "激活函数", "02"),
    ("artificial neuron", "人工神经元", "02"),
    ("threshold", "阈值", "02"),
    ("step function", "阶跃函数", "02"),
    ("sigmoid (logistic) function", "Sigmoid 函数（逻辑函数）", "02"),
    ("tanh (hyperbolic tangent)", "双曲正切函数", "02"),
    ("ReLU (rectified linear unit)", "线性整流函数", "02"),
    ("derivative", "导数", "02"),
    ("perceptron", "感知机", "02"),
    ("perceptron rule", "感知机规则", "02"),
    ("weight", "权重", "02"),
    ("bias", "偏置", "02"),
    ("logic gate", "逻辑门", "02"),
    ("AND, OR, NOT", "与、或、非", "02"),
    ("XNOR", "同或", "02"),
    ("decision boundary (decision line)", "决策边界", "02"),
    ("softmax", "Softmax 函数（归一化指数函数）", "02"),
    ("temperature (of softmax)", "温度", "02"),
    ("probability", "概率", "02"),
    ("forward propagation", "前向传播", "03"),
    ("matrix multiplication", "矩阵乘法", "03"),
    ("layer", "层", "03"),
    ("input layer", "输入层", "03"),
    ("hidden layer", "隐藏层", "03"),
    ("output layer", "输出层", "03"),
    ("node", "节点", "03"),
    ("link (connection)", "链接", "03"),
    ("combined input", "组合输入", "03"),
    ("rounding error", "舍入误差", "03"),
    ("row convention (rows are examples)", "行约定", "03"),
    ("random seed", "随机种子", "03"),
    ("backpropagation", "反向传播", "04"),
    ("backpropagating errors", "误差反向传播", "04"),
    ("hidden-layer error", "隐藏层的误差", "04"),
    ("output node", "输出节点", "04"),
    ("transpose", "转置", "04"),
    ("gradient descent", "梯度下降", "05"),
    ("gradient", "梯度", "05"),
    ("slope", "斜率", "05"),
    ("error surface", "误差曲面", "05"),
    ("contour", "等高线", "05"),
    ("local minimum", "局部最小值", "05"),
    ("global minimum", "全局最小值", "05"),
    ("momentum", "动量", "05"),
    ("chain rule", "链式法则", "05"),
    ("partial derivative", "偏导数", "05"),
    ("cost function", "代价函数", "05"),
    ("loss function", "损失函数", "05"),
    ("mean squared error", "均方误差", "05"),
    ("quadratic cost", "平方损失", "08"),
    ("batch / stochastic / mini-batch gradient descent", "批 / 随机 / 小批量梯度下降", "05"),
    ("batch gradient descent", "批梯度下降", "05"),
    ("stochastic gradient descent (SGD)", "随机梯度下降", "05"),
    ("mini-batch gradient descent", "小批量梯度下降", "05"),
    ("mini-batch", "小批量", "05"),
    ("gradient checking", "梯度检验", "05"),
    ("numerical gradient", "数值梯度", "05"),
    ("relative error", "相对误差", "05"),
    ("four equations of backpropagation", "反向传播的四个基本方程", "05"),
    ("optimise (optimisation, optimiser)", "优化（优化器）", "06"),
    ("training a network", "训练神经网络", "06"),
    ("training", "训练", "06"),
    ("query", "查询", "06"),
    ("initialise", "初始化", "06"),
    ("weight initialisation", "权重初始化", "06"),
    ("symmetry breaking", "对称性破缺", "06"),
    ("preparing data (preprocessing)", "数据预处理", "06"),
    ("scaling inputs", "缩放输入", "06"),
    ("one-hot encoding", "独热编码", "06"),
    ("dummy variable", "哑变量", "06"),
    ("standardising", "标准化", "06"),
    ("playground", "神经网络游乐场", "06"),
    ("architecture (of a network)", "网络结构", "06"),
    ("MNIST data set", "MNIST 数据集", "07"),
    ("handwritten digit recognition", "手写数字识别", "07"),
    ("pixel", "像素", "07"),
    ("training set", "训练集", "07"),
    ("test set", "测试集", "07"),
    ("score card", "计分卡", "07"),
    ("accuracy", "准确率", "07"),
    ("epoch", "训练轮数（轮）", "07"),
    ("hidden nodes", "隐藏节点", "07"),
    ("confusion matrix", "混淆矩阵", "07"),
    ("backquery (asking the network backwards)", "反向查询", "07"),
    ("data augmentation", "数据增强", "07"),
    ("training better and faster", "更好更快的训练", "08"),
    ("cross-entropy", "交叉熵", "08"),
    ("learning slowdown (the quadratic cost learns slowly)", "学习缓慢", "08"),
    ("vectorising", "向量化", "08"),
    ("Xavier / He initialisation", "Xavier / He 初始化", "08"),
    ("L2 regularisation (weight decay)", "L2 正则化（权重衰减）", "08"),
    ("overfitting", "过拟合", "08"),
    ("validation set", "验证集", "08"),
    ("polynomial curve fitting", "多项式曲线拟合", "09"),
    ("curve fitting", "曲线拟合", "09"),
    ("polynomial", "多项式", "09"),
    ("coefficient", "系数", "09"),
    ("design matrix", "设计矩阵", "09"),
    ("error function", "误差函数", "09"),
    ("least squares", "最小二乘法", "09"),
    ("normal equations", "正规方程", "09"),
    ("root-mean-square error (RMS)", "均方根误差", "09"),
    ("model selection", "模型选择", "09"),
    ("underfitting", "欠拟合", "09"),
    ("data set size", "数据量", "09"),
    ("regularisation", "正则化", "09"),
    ("regularisation coefficient λ", "正则化系数 λ", "09"),
    ("ridge regression", "岭回归", "09"),
    ("condition number", "条件数", "09"),
    ("eigenvalue", "特征值", "09"),
    ("sum-of-squares error", "平方和误差", "09"),
    ("closed-form solution", "闭式解", "09"),
    ("noise (Gaussian)", "噪声（高斯噪声）", "09"),
    ("penalty term", "惩罚项", "09"),
    ("ill-conditioned", "病态的", "09"),
    ("feature scaling", "特征缩放", "09"),
    ("orthogonal polynomials (Legendre)", "正交多项式（勒让德多项式）", "09"),
    ("linear algebra", "线性代数", "10"),
    ("vector", "向量", "10"),
    ("matrix", "矩阵", "10"),
    ("dot product", "点积", "10"),
    ("norm", "范数", "10"),
    ("L0 norm (count of non-zeros)", "L0 范数", "10"),
    ("L1 norm (Manhattan distance)", "L1 范数（曼哈顿距离）", "10"),
    ("L2 norm (Euclidean distance)", "L2 范数（欧几里得距离）", "10"),
    ("L∞ norm (largest absolute value)", "L∞ 范数（正无穷范数）", "10"),
    ("L−∞ (smallest absolute value)", "L−∞（负无穷范数）", "10"),
    ("vector norms", "向量范数", "10"),
    ("unit ball", "单位球", "10"),
    ("matrix norms", "矩阵范数", "10"),
    ("Frobenius norm", "弗罗贝尼乌斯范数（F 范数）", "10"),
    ("spectral norm", "谱范数", "10"),
    ("orthogonal", "正交", "10"),
    ("orthonormal", "标准正交", "10"),
    ("Gram–Schmidt orthogonalisation", "施密特正交化", "10"),
    ("QR decomposition", "QR 分解", "10"),
    ("identity matrix", "单位矩阵", "10"),
    ("upper triangular matrix", "上三角矩阵", "10"),
    ("singular value decomposition (SVD)", "奇异值分解", "10"),
    ("singular value", "奇异值", "10"),
    ("rank", "秩", "10"),
    ("low-rank approximation", "低秩近似", "10"),
    ("sparsity", "稀疏性", "10"),
    ("L1 regularisation (lasso)", "L1 正则化", "10"),
    ("recommender system", "推荐系统", "10"),
    ("matrix factorisation", "矩阵分解", "10"),
]

HEADING = re.compile(r"^#{2,6}\s+(.*\S)\s*\(([^()]*[\u4e00-\u9fff][^()]*)\)\s*$")


def title(name):
    nb = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    for c in nb["cells"]:
        if c["cell_type"] == "markdown":
            m = re.search(r"^# (.+)$", "".join(c["source"]), re.M)
            if m:
                return m.group(1).strip()
    return name


def headings(name):
    nb = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    for c in nb["cells"]:
        if c["cell_type"] != "markdown":
            continue
        for line in "".join(c["source"]).splitlines():
            m = HEADING.match(line.strip())
            if m:
                yield m.group(1).strip(), m.group(2).strip()


def link(num):
    return f"[{num}](notebooks/{NB[num]})"


def glossary_text():
    """The whole of GLOSSARY.md as it should be."""
    lines = ["# Glossary (术语表)", "",
             "Every term the course uses, in English and Chinese (中文), with the notebook that introduces it.",
             "The seeds' lecture notes are in Chinese; the notebooks are in English with the Chinese term in each",
             "section heading. After the term table comes an index of every bilingual section heading.", "",
             "Notebooks: " + " · ".join(f"[{n}](notebooks/{NB[n]})" for n in sorted(NB)), "",
             "## Terms (术语)", "", "| English | 中文 | introduced in |", "|---|---|---|"]
    for en, zh, num in sorted(TERMS, key=lambda r: r[0].lower()):
        lines.append(f"| {en} | {zh} | {link(num)} |")
    covered = [f"| {en} | {zh} |".lower() for en, zh, _ in TERMS]
    lines += ["", "## Section headings in both languages (章节标题中英对照)", "",
              "Headings that are not a single term above, notebook by notebook.", ""]
    for num in sorted(NB):
        path = ROOT / "notebooks" / NB[num]
        if not path.exists():
            continue
        items = []
        for en, zh in headings(NB[num]):
            if any(en.lower() in row and zh in row for row in covered):
                continue
            item = f"- {en} ({zh})"
            if item not in items:
                items.append(item)
        if items:
            lines += [f"### [{title(NB[num])}](notebooks/{NB[num]})", ""] + items + [""]
    return "\n".join(lines).rstrip() + "\n"


def main(argv):
    path, text = ROOT / "GLOSSARY.md", glossary_text()
    if "--check" in argv:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print("GLOSSARY.md is out of date: run python tools/glossary.py")
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"{len(TERMS)} terms written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

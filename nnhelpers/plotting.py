"""One shared plotting style, a network diagram and a decision-boundary plot."""
import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure, SubplotParams

from ._validate import as_array, labels

COLORS = {"positive": "#d95f02", "negative": "#1b9e77", "class0": "#1f77b4",
          "class1": "#ff7f0e", "train": "#1f77b4", "test": "#d62728", "truth": "#2ca02c",
          "node": "#fdf6e3", "edge": "#444444"}

STYLE = {"figure.figsize": (6.0, 3.6), "figure.dpi": 90, "axes.grid": True,
         "grid.alpha": 0.3, "axes.spines.top": False, "axes.spines.right": False,
         "axes.titlesize": 11, "axes.labelsize": 10, "legend.fontsize": 9,
         "font.size": 10, "savefig.dpi": 90, "image.cmap": "viridis"}


def apply_style():
    """Set the course's matplotlib style (called by setup_notebook).

    Introduced in: 00_start_here.ipynb
    """
    mpl.rcParams.update(STYLE)


def new_figure(width=6.0, height=3.6):
    """A Figure not managed by pyplot (nothing shows until asked), in the course style.

    Margins are fixed rather than computed (a layout engine would triple the
    time of every slider redraw); they fit one row of axes with titles and labels.

    Introduced in: 01_neurons.ipynb
    """
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=(width, height), dpi=STYLE["figure.dpi"],
                     subplotpars=SubplotParams(left=0.11, right=0.97, bottom=0.15, top=0.9,
                                               wspace=0.35, hspace=0.45))
    return fig


def draw_network(weights, ax, values=None, labels=None, max_width=6.0):
    """Draw a layered network: link width ∝ |w|, orange for w > 0, green for w < 0.

    `weights` is a list of matrices W with shape (nodes in next layer, nodes
    in previous layer). `values` optionally lists one vector per layer,
    written inside the nodes (4 decimals). Returns the node positions.

    Introduced in: 03_signals_and_matrices.ipynb
    """
    if not isinstance(weights, (list, tuple)) or not weights:
        raise TypeError("weights must be a non-empty list of matrices (next layer, previous layer)")
    Ws = [as_array(W, f"weights[{i}]", ndim=2) for i, W in enumerate(weights)]
    for i in range(1, len(Ws)):
        if Ws[i].shape[1] != Ws[i - 1].shape[0]:
            raise ValueError(f"weights[{i}] must have {Ws[i - 1].shape[0]} columns to follow "
                             f"weights[{i - 1}], got shape {Ws[i].shape}")
    sizes = [Ws[0].shape[1]] + [W.shape[0] for W in Ws]
    pos = [[(layer, (n - 1) / 2 - j) for j in range(n)] for layer, n in enumerate(sizes)]
    biggest = max(float(np.abs(W).max()) for W in Ws) or 1.0
    for layer, W in enumerate(Ws):
        for j in range(W.shape[0]):
            for k in range(W.shape[1]):
                (x0, y0), (x1, y1) = pos[layer][k], pos[layer + 1][j]
                w = W[j, k]
                ax.plot([x0, x1], [y0, y1], lw=0.5 + max_width * abs(w) / biggest, zorder=1,
                        color=COLORS["positive"] if w >= 0 else COLORS["negative"])
    for layer, column in enumerate(pos):
        for j, (x, y) in enumerate(column):
            ax.scatter([x], [y], s=900, color=COLORS["node"], edgecolor=COLORS["edge"], zorder=2)
            if values is not None:
                ax.text(x, y, f"{float(values[layer][j]):.4f}", ha="center", va="center",
                        fontsize=7, zorder=3)
    if labels:
        for layer, text in enumerate(labels):
            ax.text(layer, max(sizes) / 2 + 0.1, text, ha="center", va="bottom", fontsize=9)
    ax.set_xlim(-0.5, len(sizes) - 0.5)
    ax.set_ylim(-max(sizes) / 2 - 0.2, max(sizes) / 2 + 0.5)
    ax.axis("off")
    return pos


def plot_decision_boundary(predict, X, y, ax, resolution=120, margin=0.2):
    """Shade the plane by `predict(points) → scores in [0, 1]` and scatter (X, y).

    `predict` takes an (n, 2) array and returns n scores (probability of class 1).

    Introduced in: 06_training_a_network.ipynb
    """
    X = as_array(X, "X", shape=(None, 2))
    y = labels(y, "y", 2)
    if len(y) != len(X):
        raise ValueError(f"X and y must have the same number of rows, got {len(X)} and {len(y)}")
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    scores = as_array(predict(grid), "predict(points)")
    if scores.size != len(grid):
        raise ValueError(f"predict must return one score per point ({len(grid)}), got shape {scores.shape}")
    scores = scores.reshape(gx.shape)
    ax.contourf(gx, gy, scores, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.45)
    ax.contour(gx, gy, scores, levels=[0.5], colors="k", linewidths=1.0)
    for cls in (0, 1):
        pts = X[y == cls]
        ax.scatter(pts[:, 0], pts[:, 1], s=12, color=COLORS[f"class{cls}"],
                   edgecolor="white", linewidth=0.3, label=f"class {cls}")
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    return scores

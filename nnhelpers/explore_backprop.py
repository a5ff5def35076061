"""Carrying output errors back to a hidden layer: four ways, and an explorer.

`W` has shape (output nodes, hidden nodes): row k holds the links into
output node k. An error vector has one entry per node (1-D).
"""
import ipywidgets as widgets
import numpy as np

from ._validate import as_array, choice
from .explorer import explorer, slider
from .explore_signals import MARGINS
from .plotting import COLORS, draw_network

SPLITS = ("equal", "proportional", "transpose")
TITLES = {"equal": "equal split", "proportional": "proportional split",
          "transpose": "Wᵀ shortcut (no denominators)"}


def _weights_and_errors(W, errors):
    W = as_array(W, "W", ndim=2)
    e = as_array(errors, "errors", ndim=1)
    if e.size != W.shape[0]:
        raise ValueError(f"errors must hold {W.shape[0]} numbers (one per row of W), got {e.size}")
    return W, e


def split_shares(W, how="proportional"):
    """The share of output k's error sent back along each link, shape of W.

    equal: 1/n on every link; proportional: w_jk / (sum of the links into k);
    transpose: the weight itself (the Wᵀ shortcut, no denominator).

    Introduced in: 04_backpropagating_errors.ipynb
    """
    W = as_array(W, "W", ndim=2)
    how = choice(how, "how", SPLITS)
    if how == "equal":
        return np.full_like(W, 1.0 / W.shape[1])
    if how == "transpose":
        return W.copy()
    sums = W.sum(axis=1, keepdims=True)
    if np.any(np.isclose(sums, 0.0)):
        raise ValueError("W has a row whose weights sum to zero, so the proportional split "
                         f"is undefined (row sums {sums.ravel()}); use how='transpose'")
    return W / sums


def hidden_errors(W, errors, how="proportional"):
    """Hidden-node errors: each output error split over its links, then summed per node.

    Shapes: W (outputs, hidden), errors (outputs,) → (hidden,). how="transpose"
    is the matrix shortcut error_hidden = Wᵀ · error_output.

    Introduced in: 04_backpropagating_errors.ipynb
    """
    W, e = _weights_and_errors(W, errors)
    return split_shares(W, how).T @ e


def hidden_gradient(W, outputs, targets):
    """The exact gradient ∂E/∂o_hidden of E = ½ Σ (t − o)² for sigmoid outputs.

    ∂E/∂o_hidden = −Wᵀ · ((t − o) ∗ o(1 − o)). Shapes: W (outputs, hidden),
    outputs and targets (outputs,) → (hidden,).

    Introduced in: 04_backpropagating_errors.ipynb
    """
    W, o = _weights_and_errors(W, outputs)
    t = as_array(targets, "targets", shape=o.shape)
    return -W.T @ ((t - o) * o * (1.0 - o))


HEADERS = {"equal": "equal split", "proportional": "proportional", "transpose": "Wᵀ shortcut",
           "gradient": "−∂E/∂o_hidden"}


class ComparisonTable:
    """Columns of hidden-node values (keys: equal, proportional, transpose, gradient).

    Printed side by side with 4 decimals, plus each column's length and its
    cosine with the gradient column (1 means the same direction, whatever the size).

    Introduced in: 04_backpropagating_errors.ipynb
    """

    def __init__(self, columns):
        self.columns = {name: np.asarray(v, dtype=float) for name, v in columns.items()}

    def cosines(self):
        """Cosine of the angle between each column and the "gradient" column, by name.

        Introduced in: 04_backpropagating_errors.ipynb
        """
        g = self.columns["gradient"]
        return {name: float(v @ g / (np.linalg.norm(v) * np.linalg.norm(g)))
                for name, v in self.columns.items()}

    def __repr__(self):
        heads = [HEADERS.get(n, n) for n in self.columns]
        lines = ["hidden node" + "".join(f"{h:>16}" for h in heads)]
        for j in range(len(next(iter(self.columns.values())))):
            lines.append(f"{j + 1:>11}" + "".join(f"{v[j]:>16.4f}" for v in self.columns.values()))
        lines.append(f"{'length':>11}" + "".join(f"{np.linalg.norm(v):>16.4f}" for v in self.columns.values()))
        lines.append(f"{'cos to grad':>11}" + "".join(f"{c:>16.4f}" for c in self.cosines().values()))
        return "\n".join(lines)


def compare_hidden_errors(W, outputs, targets):
    """Equal split, proportional split, Wᵀ shortcut and −∂E/∂o_hidden for one network.

    The output errors are e = t − o. The gradient column holds −∂E/∂o_hidden,
    negated so that all four point the same way as the errors. Shapes: W
    (outputs, hidden), outputs and targets (outputs,). Returns a ComparisonTable.

    Introduced in: 04_backpropagating_errors.ipynb
    """
    W, o = _weights_and_errors(W, outputs)
    t = as_array(targets, "targets", shape=o.shape)
    columns = {how: hidden_errors(W, t - o, how) for how in SPLITS}
    columns["gradient"] = -hidden_gradient(W, o, t)
    return ComparisonTable(columns)


def draw_error_split(fig, w11=2.0, w21=3.0, w12=1.0, w22=4.0, e1=0.8, e2=0.5, how="proportional"):
    """Draw 2 hidden → 2 output nodes with each output error's share on its links.

    `w_jk` links hidden j to output k, so W = [[w11, w21], [w12, w22]]. Left: the
    diagram (width ∝ |w|) with the piece each link carries back; right: bars for
    the pieces from e1 and e2 and for each hidden error. Returns the readout.

    Introduced in: 04_backpropagating_errors.ipynb
    """
    W = np.array([[w11, w21], [w12, w22]], dtype=float)
    e = np.array([e1, e2], dtype=float)
    pieces = split_shares(W, how) * e[:, None]          # pieces[k, j]: from output k to hidden j
    e_hidden = pieces.sum(axis=0)
    fig.set_layout_engine("none")           # fixed margins: a third faster than constrained layout
    ax_net, ax_bar = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.3, 1], "wspace": 0.2, **MARGINS})
    pos = draw_network([W], ax_net, values=[e_hidden, e], labels=["hidden errors", "output errors"])
    ax_net.set_xlim(-0.35, 1.35)
    colours = (COLORS["class0"], COLORS["class1"], "#888888")
    for k in range(2):
        for j in range(2):
            (x0, y0), (x1, y1) = pos[0][j], pos[1][k]
            t = 0.6 if j == k else 0.27
            ax_net.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0) + 0.08,
                        f"w{j + 1}{k + 1}={W[k, j]:.2f} ← {pieces[k, j]:.4f}", ha="center",
                        fontsize=7.5, color=colours[k],
                        bbox={"fc": "white", "ec": "none", "alpha": 0.85, "pad": 0.5})
    bars = [pieces[0], pieces[1], e_hidden]
    for i, (height, label) in enumerate(zip(bars, ("from e1", "from e2", "hidden error"))):
        ax_bar.bar(np.arange(1, 3) + (i - 1) * 0.27, height, width=0.25, color=colours[i], label=label)
    ax_bar.axhline(0, color=COLORS["edge"], lw=0.8)
    for j in range(2):
        ax_bar.text(j + 1.27, e_hidden[j] + (0.03 if e_hidden[j] >= 0 else -0.03), f"{e_hidden[j]:.4f}",
                    ha="center", va="bottom" if e_hidden[j] >= 0 else "top", fontsize=8)
    low, high = min(0.0, *np.ravel(bars)), max(0.0, *np.ravel(bars))
    ax_bar.set(xticks=[1, 2], xticklabels=["hidden 1", "hidden 2"], ylabel="error",
               title=TITLES[how], ylim=(low - 0.15 * (high - low) - 0.05, high + 0.3 * (high - low) + 0.05))
    ax_bar.legend(loc="upper left", fontsize=8)
    return (f"w11={w11:.2f} w21={w21:.2f} w12={w12:.2f} w22={w22:.2f} e1={e1:.2f} e2={e2:.2f} "
            f"({how}) → e_hidden=({e_hidden[0]:.4f}, {e_hidden[1]:.4f})")


def error_split_explorer():
    """Sliders for the four link weights and the two output errors (see draw_error_split).

    Introduced in: 04_backpropagating_errors.ipynb
    """
    controls = {name: slider(value, 0.1, 5.0, 0.1, name)
                for name, value in (("w11", 2.0), ("w21", 3.0), ("w12", 1.0), ("w22", 4.0))}
    controls.update(e1=slider(0.8, -1.0, 1.0, 0.05, "e1"), e2=slider(0.5, -1.0, 1.0, 0.05, "e2"),
                    how=widgets.Dropdown(options=list(SPLITS), value="proportional",
                                         description="split"))
    return explorer(draw_error_split, controls, width=8.0, height=3.8,
                    title="Output errors flow back along the links: move a weight or an error")

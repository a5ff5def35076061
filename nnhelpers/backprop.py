"""Carrying output errors back to a hidden layer: equal split, proportional split, Wᵀ, gradient.

`W` has shape (output nodes, hidden nodes): row k holds the links into
output node k. An error vector has one entry per node (1-D). The explorer
that draws these splits is in explore_backprop.py.
"""
import numpy as np

from ._validate import as_array, choice

SPLITS = ("equal", "proportional", "transpose")


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
        return {name: _cosine(v, g) for name, v in self.columns.items()}

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


def _cosine(v, g):
    """cos of the angle between v and g; NaN (shown as "nan") when either is the zero vector."""
    lengths = np.linalg.norm(v) * np.linalg.norm(g)
    return float(v @ g / lengths) if lengths > 0 else float("nan")

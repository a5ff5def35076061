"""Logic gates: truth tables, sigmoid units that compute them, and why XOR needs more than one line.

Inputs are the four rows of a truth table, X of shape (4, 2):
(0, 0), (0, 1), (1, 0), (1, 1). A sigmoid unit follows Ng's notation
h = g(θ0 + θ1·x1 + θ2·x2): the bias θ0 comes first.
"""
import numpy as np
from matplotlib.patches import Rectangle

from ._validate import as_array, positive_int
from .activations import sigmoid
from .plotting import COLORS

GATES = {"AND": lambda X: X[:, 0] * X[:, 1],
         "OR": lambda X: np.maximum(X[:, 0], X[:, 1]),
         "XOR": lambda X: np.abs(X[:, 0] - X[:, 1]),
         "XNOR": lambda X: 1.0 - np.abs(X[:, 0] - X[:, 1]),
         "NAND": lambda X: 1.0 - X[:, 0] * X[:, 1]}


def truth_table(gate):
    """Inputs X (4, 2) of 0.0/1.0 and the outputs (4,) of `gate`.

    `gate` is a name in GATES ("AND", "OR", "XOR", "XNOR", "NAND") or a function
    taking X (4, 2) and returning 4 outputs.

    Introduced in: 01_neurons.ipynb
    """
    if isinstance(gate, str):
        if gate not in GATES:
            raise ValueError(f"gate must be one of {sorted(GATES)} or a function, got {gate!r}")
        gate = GATES[gate]
    if not callable(gate):
        raise TypeError(f"gate must be a gate name or a function of X (4, 2), got {type(gate).__name__}")
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = as_array(gate(X), "the gate's outputs", shape=(4,))
    return X, y


def logic_unit(theta, X):
    """One sigmoid unit: g(θ0 + X @ θ[1:]). theta (n + 1,), X (m, n) or (n,) → (m,) or scalar.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    theta = as_array(theta, "theta", ndim=1)
    X = as_array(X, "X", ndim=(1, 2))
    if X.shape[-1] != theta.size - 1:
        raise ValueError(f"X must have {theta.size - 1} inputs per row to match theta "
                         f"(bias first), got shape {X.shape}")
    return sigmoid(theta[0] + X @ theta[1:])


XNOR_THETAS = {"AND": (-30.0, 20.0, 20.0), "NOR": (10.0, -20.0, -20.0), "OR": (-10.0, 20.0, 20.0)}


def xnor_network(X):
    """XNOR from three units (Ng): a1 = x1 AND x2, a2 = (NOT x1) AND (NOT x2), out = a1 OR a2.

    X (m, 2) → outputs (m,).

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    X = as_array(X, "X", ndim=2, shape=(None, 2))
    a1 = logic_unit(XNOR_THETAS["AND"], X)
    a2 = logic_unit(XNOR_THETAS["NOR"], X)
    return logic_unit(XNOR_THETAS["OR"], np.column_stack([a1, a2]))


def fewest_line_mistakes(X, y, n_angles=360):
    """Search straight lines w·x + b = 0 (class 1 where w·x + b > 0) for the fewest mistakes.

    Tries `n_angles` directions of w and, for each, every threshold between
    two projected points. Among the lines with the fewest mistakes it keeps
    the one with the widest margin. Returns (mistakes, w (2,), b).

    Introduced in: 01_neurons.ipynb
    """
    X = as_array(X, "X", ndim=2, shape=(None, 2))
    y = as_array(y, "y", shape=(X.shape[0],)) > 0.5
    angles = np.arange(positive_int(n_angles, "n_angles")) * 2 * np.pi / n_angles
    W = np.column_stack([np.cos(angles), np.sin(angles)])          # (angles, 2)
    P = np.sort(W @ X.T, axis=1)                                    # projections, (angles, points)
    thresholds = np.column_stack([P[:, :1] - 1.0, (P[:, :-1] + P[:, 1:]) / 2])
    above = (W @ X.T)[:, None, :] > thresholds[:, :, None]          # (angles, thresholds, points)
    mistakes = np.sum(above != y, axis=2)
    margin = np.min(np.abs((W @ X.T)[:, None, :] - thresholds[:, :, None]), axis=2)
    best = np.lexsort((-margin.ravel(), mistakes.ravel()))[0]       # fewest mistakes, then widest margin
    i, j = np.unravel_index(best, mistakes.shape)
    return int(mistakes[i, j]), W[i], float(-thresholds[i, j])


def _line(ax, w, b, lo=-0.5, hi=1.5):
    t = np.linspace(lo, hi, 2)
    if abs(w[1]) >= abs(w[0]):
        ax.plot(t, -(w[0] * t + b) / w[1], color="k", lw=1.5)
    else:
        ax.plot(-(w[1] * t + b) / w[0], t, color="k", lw=1.5)


def draw_gate_lines(fig, gates=("AND", "OR", "XOR")):
    """One panel per gate: its four points, the best single line, its "1" side shaded, mistakes crossed.

    Returns the readout: the fewest mistakes one line makes for each gate.

    Introduced in: 01_neurons.ipynb
    """
    axes = np.atleast_1d(fig.subplots(1, len(gates)))
    counts, legend = [], {}
    g = np.linspace(-0.5, 1.5, 81)
    gx, gy = np.meshgrid(g, g)
    for ax, name in zip(axes, gates):
        X, y = truth_table(name)
        mistakes, w, b = fewest_line_mistakes(X, y)
        ax.contourf(gx, gy, (w[0] * gx + w[1] * gy + b > 0).astype(float), levels=[0.5, 1.5],
                    colors=[COLORS["class1"]], alpha=0.15)
        _line(ax, w, b)
        for out, face in ((0.0, "white"), (1.0, COLORS["class1"])):
            pick = y == out
            ax.scatter(X[pick, 0], X[pick, 1], s=160, color=face, edgecolor="k", zorder=3,
                       label=f"output {out:.0f}")
        wrong = ((X @ w + b) > 0) != (y == 1)
        if wrong.any():
            ax.scatter(X[wrong, 0], X[wrong, 1], s=260, marker="x", color=COLORS["test"],
                       linewidths=2.5, zorder=4, label="on the wrong side")
        ax.set(xlim=(-0.5, 1.5), ylim=(-0.5, 1.5), xticks=[0, 1], yticks=[0, 1],
               xlabel="x1", title=f"{name}: {mistakes} mistake{'s' * (mistakes != 1)}")
        counts.append(f"{name}: {mistakes}")
        legend.update(zip(*reversed(ax.get_legend_handles_labels())))
    axes[0].set_ylabel("x2")
    legend["line says 1 (shaded side)"] = Rectangle((0, 0), 1, 1, color=COLORS["class1"], alpha=0.15)
    fig.legend(list(legend.values()), list(legend), loc="outside lower center", ncol=4, fontsize=8)
    return "fewest mistakes with one line — " + ", ".join(counts)

"""Notebook 02 explorers: activation functions, one neuron on the plane, softmax temperature.

Each explorer is a pure `draw_*(fig, **values)` function (tested directly)
plus a one-line `*_explorer()` that wires sliders to it.
"""
import ipywidgets as widgets
import numpy as np

from ._validate import as_array, choice, positive, real
from .activations import ACTIVATIONS, sigmoid, softmax
from .datasets import make_gaussians
from .blit import BlitExplorer, current_scene
from .explorer import explorer, slider
from .plotting import COLORS

SOFTMAX_SCORES = (2.0, 1.0, 0.1, -1.0)
SOFTMAX_LABELS = ("cat", "dog", "monkey", "snake")


def shaped_activation(kind, z, steepness=1.0, threshold=0.0):
    """f(steepness · (z − threshold)) and its derivative with respect to z, each shaped like z.

    By the chain rule the derivative is steepness · f'(steepness · (z − threshold)).

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    f, f_prime = ACTIVATIONS[choice(kind, "kind", ACTIVATIONS)]
    steepness, threshold = positive(steepness, "steepness"), real(threshold, "threshold")
    u = steepness * (as_array(z, "z") - threshold)
    return f(u), steepness * f_prime(u)


def _shift(threshold):
    """'(z − 1.50)' or '(z + 1.50)': no double minus sign in a title."""
    sign = "−" if threshold >= 0 else "+"
    return f"(z {sign} {abs(threshold):.2f})"


def draw_activation(fig, kind, steepness, threshold):
    """The activation (solid), its derivative (dashed) and the threshold (dotted).

    Returns the readout: the slider values and f(0), f'(0) of the shaped activation.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    z = np.linspace(-6.0, 6.0, 601)
    a, da = shaped_activation(kind, z, steepness, threshold)
    ax = fig.add_subplot()
    ax.plot(z, a, color=COLORS["train"], lw=2, label=f"{kind}")
    ax.plot(z, da, color=COLORS["test"], lw=1.5, ls="--", label="derivative")
    ax.axvline(threshold, color="grey", lw=1, ls=":", label="threshold")
    top = max(3.0 if kind == "relu" else 1.1, 1.05 * float(da.max()))
    ax.set(xlim=(-6, 6), ylim=(-1.1 if kind == "tanh" else -0.1, top), xlabel="z",
           title=f"{kind}({steepness:.2f} · {_shift(threshold)})")
    ax.legend(loc="upper left")
    a0, da0 = shaped_activation(kind, 0.0, steepness, threshold)
    return (f"kind = {kind}   steepness = {steepness:.2f}   threshold = {threshold:.2f}   "
            f"f(0) = {float(a0):.4f}   f'(0) = {float(da0):.4f}")


def activation_explorer():
    """Choose step / sigmoid / tanh / ReLU; sliders for steepness and threshold.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    kind = widgets.Dropdown(options=list(ACTIVATIONS), value="sigmoid", description="activation")
    return explorer(draw_activation, {"kind": kind,
                                      "steepness": slider(1.0, 0.2, 5.0, 0.1, "steepness"),
                                      "threshold": slider(0.0, -3.0, 3.0, 0.1, "threshold")},
                    title="Activation functions and their derivatives")


def neuron_points(rng=None):
    """The seeded point cloud of the neuron explorer: X (60, 2), y (60,) in two clusters.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    return make_gaussians(n=60, noise=0.15, rng=np.random.default_rng(3) if rng is None else rng)


def draw_neuron(fig, w1, w2, b, X=None, y=None):
    """Shade the plane by σ(w1·x1 + w2·x2 + b), draw the line where it is 0.5, scatter the points.

    X (n, 2) and y (n,) default to `neuron_points()`. Returns the readout: the
    slider values and the accuracy (share of points on their class's side).
    The axes and points are drawn once per figure; later calls redraw the shading and the line.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    w1, w2, b = real(w1, "w1"), real(w2, "w2"), real(b, "b")
    if X is None or y is None:
        X, y = neuron_points()
    X = as_array(X, "X", ndim=2, shape=(None, 2))
    y = as_array(y, "y", shape=(X.shape[0],))
    art = current_scene(fig, ("neuron", X.tobytes(), y.tobytes())) or _scene_neuron(fig, X, y)
    ax, (gx, gy) = art["axes"][0], art["grid"]
    art["image"].set_data(sigmoid(w1 * gx + w2 * gy + b))
    for artist in art["changing"]:
        artist.remove()
    t = np.array([-1.5, 1.5])
    lines = []
    if abs(w2) >= abs(w1) and w2 != 0:
        lines = ax.plot(t, -(w1 * t + b) / w2, color="k", lw=1.5, label="output = 0.5")
    elif w1 != 0:
        lines = ax.plot(-(w2 * t + b) / w1, t, color="k", lw=1.5, label="output = 0.5")
    legend = ax.legend(loc="upper left", fontsize=8)
    art["changing"] = lines + [legend]
    art["moving"] = [art["image"], *lines, legend]        # what changes (for blitting)
    accuracy = float(np.mean((sigmoid(X @ np.array([w1, w2]) + b) >= 0.5) == (y == 1)))
    line = "" if (w1 or w2) else "   (w1 = w2 = 0: no line)"
    return f"w1 = {w1:.2f}   w2 = {w2:.2f}   b = {b:.2f}   accuracy = {accuracy:.4f}{line}"


def _scene_neuron(fig, X, y):
    """Axes, shading image and points; draw_neuron sets the shading, the line and the legend."""
    fig.clear()
    if fig.get_layout_engine() is None:
        fig.subplots_adjust(left=0.14)                  # room for the x2 label
    ax = fig.add_subplot()
    g = np.linspace(-1.5, 1.5, 121)
    image = ax.imshow(np.zeros((g.size, g.size)), extent=(-1.5, 1.5, -1.5, 1.5), origin="lower",
                      cmap="RdBu_r", vmin=0, vmax=1, alpha=0.55, aspect="auto")
    points = [ax.scatter(X[y == cls, 0], X[y == cls, 1], s=18, color=COLORS[f"class{cls}"],
                         edgecolor="white", linewidth=0.4, label=f"class {cls}", zorder=3)
              for cls in (0, 1)]
    ax.set(xlim=(-1.5, 1.5), ylim=(-1.5, 1.5), xlabel="x1", ylabel="x2",
           title="output σ(w1·x1 + w2·x2 + b): red ≈ 1, blue ≈ 0")
    fig.scene = {"key": ("neuron", X.tobytes(), y.tobytes()), "axes": (ax,), "grid": np.meshgrid(g, g),
                 "image": image, "points": points, "changing": [], "moving": []}
    return fig.scene


def neuron_explorer():
    """Sliders for w1, w2 and b: the decision line moves, the output shading follows.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    return BlitExplorer(draw_neuron, {"w1": slider(1.0, -5.0, 5.0, 0.1, "w1"),
                                      "w2": slider(-1.0, -5.0, 5.0, 0.1, "w2"),
                                      "b": slider(0.0, -3.0, 3.0, 0.1, "bias b")},
                        width=5.5, height=4.6, title="One neuron on the plane")


def draw_softmax(fig, temperature, scores=SOFTMAX_SCORES, labels=SOFTMAX_LABELS):
    """Bars of softmax(scores / T), each labelled with its probability (4 decimals).

    Returns the readout: T, the probabilities and their sum.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    T = positive(temperature, "temperature")
    scores = as_array(scores, "scores", ndim=1)
    if len(labels) != scores.size:
        raise ValueError(f"labels must have one name per score ({scores.size}), got {len(labels)}")
    p = softmax(scores, temperature=T)
    ax = fig.add_subplot()
    bars = ax.bar(list(labels), p, color=COLORS["train"])
    for bar, value, score in zip(bars, p, scores):
        ax.text(bar.get_x() + bar.get_width() / 2, value + 0.02, f"{value:.4f}\n(score {score:g})",
                ha="center", va="bottom", fontsize=8)
    ax.set(ylim=(0, 1.25), ylabel="probability", title=f"softmax(scores / T) with T = {T:.2f}")
    shown = " ".join(f"{v:.4f}" for v in p)
    return f"T = {T:.2f}   p = [{shown}]   sum = {p.sum():.4f}"


def softmax_explorer(scores=SOFTMAX_SCORES, labels=SOFTMAX_LABELS):
    """Temperature slider: small T sharpens the distribution, large T flattens it.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    draw = lambda fig, temperature: draw_softmax(fig, temperature, scores, labels)  # noqa: E731
    return explorer(draw, {"temperature": slider(1.0, 0.1, 5.0, 0.05, "temperature T")},
                    title="Softmax temperature")

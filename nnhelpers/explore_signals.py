"""Signals flowing forward through a network, and a diagram with weight sliders.

Column convention (one example): `X = W · I`, `O = sigmoid(X)`, with `W` of
shape (nodes in next layer, nodes in previous layer). Row convention (a
batch, one example per row): `Z = X @ W.T + b` with the same `W`.
"""
import numpy as np

from ._validate import as_array, positive_int, real
from .activations import sigmoid
from .blit import BlitExplorer, current_scene
from .explorer import slider
from .plotting import COLORS, draw_network

NODE_COLOURS = (COLORS["class0"], COLORS["class1"])
MARGINS = {"left": 0.01, "right": 0.97, "bottom": 0.14, "top": 0.9}
LINK_WIDTH = 6.0                # the widest link, as in plotting.draw_network


def _check_weights(weights):
    if not isinstance(weights, (list, tuple)) or not weights:
        raise TypeError("weights must be a non-empty list of matrices W of shape "
                        f"(next layer, previous layer), got {type(weights).__name__}")
    Ws = [as_array(W, f"weights[{i}]", ndim=2) for i, W in enumerate(weights)]
    for i in range(1, len(Ws)):
        if Ws[i].shape[1] != Ws[i - 1].shape[0]:
            raise ValueError(f"weights[{i}] must have {Ws[i - 1].shape[0]} columns to follow "
                             f"weights[{i - 1}] of shape {Ws[i - 1].shape}, got shape {Ws[i].shape}")
    return Ws


def forward_pass(weights, inputs, decimals=None):
    """Follow one example through the layers: returns `(combined, outputs)`.

    `weights` is a list of W, each (next layer, previous layer); `inputs` has
    shape (input nodes,). `combined[i]` is X = W_i · O_i and `outputs` is
    [I, sigmoid(X_0), sigmoid(X_1), ...], all 1-D. With `decimals`, every
    layer's outputs are rounded to that many places before the next layer
    uses them, as when the working is copied out by hand (the slides use 3).

    Introduced in: 03_signals_and_matrices.ipynb
    """
    Ws = _check_weights(weights)
    I = as_array(inputs, "inputs", ndim=1)
    if I.size != Ws[0].shape[1]:
        raise ValueError(f"inputs must hold {Ws[0].shape[1]} numbers (columns of weights[0]), "
                         f"got {I.size}")
    if decimals is not None:
        decimals = positive_int(decimals, "decimals", minimum=0)
    combined, outputs = [], [I]
    for W in Ws:
        X = W @ outputs[-1]
        O = sigmoid(X)
        combined.append(X)
        outputs.append(O if decimals is None else np.round(O, decimals))
    return combined, outputs


def forward_rows(X, weights, biases=None):
    """Row convention: each row of `X` is one example; returns the output of every layer.

    `X` has shape (examples, input nodes) (1-D = one example); each layer
    computes `sigmoid(A @ W.T + b)` with W (next layer, previous layer) and b
    (next layer,). The notes' `H = X W1 + b1` is this with `W1 = W.T`.
    Returns the list [X, H_1, ..., outputs].

    Introduced in: 03_signals_and_matrices.ipynb
    """
    Ws = _check_weights(weights)
    A = as_array(X, "X", ndim=(1, 2))
    if A.shape[-1] != Ws[0].shape[1]:
        raise ValueError(f"X must have {Ws[0].shape[1]} columns (one per input node), "
                         f"got shape {A.shape}")
    if biases is None:
        biases = [np.zeros(W.shape[0]) for W in Ws]
    if not isinstance(biases, (list, tuple)) or len(biases) != len(Ws):
        raise ValueError(f"biases must be a list of {len(Ws)} vectors (one per layer), got {biases!r:.60}")
    layers = [A]
    for i, (W, b) in enumerate(zip(Ws, biases)):
        b = as_array(b, f"biases[{i}]", shape=(W.shape[0],))
        layers.append(sigmoid(layers[-1] @ W.T + b))
    return layers


def draw_signals(fig, w11=0.9, w12=0.2, w21=0.3, w22=0.8, input1=1.0, input2=0.5):
    """Draw the 2-input, 2-output layer and where each output sits on the sigmoid.

    `w_ij` is the link from input i to output node j, so W = [[w11, w21], [w12, w22]].
    Returns the readout: the slider values, X = W · I and O = sigmoid(X), 4 decimals.
    The axes are made once per figure; later calls only update what the values change.

    Introduced in: 03_signals_and_matrices.ipynb
    """
    w11, w12 = real(w11, "w11"), real(w12, "w12")
    w21, w22 = real(w21, "w21"), real(w22, "w22")
    input1, input2 = real(input1, "input1"), real(input2, "input2")
    W = np.array([[w11, w21], [w12, w22]])
    I = np.array([input1, input2])
    (X,), (_, O) = forward_pass([W], I)
    art = current_scene(fig, "signals") or _scene_signals(fig)
    biggest = float(np.abs(W).max()) or 1.0
    for (j, i), line in zip(np.ndindex(2, 2), art["links"]):     # draw_network's order
        line.set_linewidth(0.5 + LINK_WIDTH * abs(W[j, i]) / biggest)
        line.set_color(COLORS["positive"] if W[j, i] >= 0 else COLORS["negative"])
        art["weights"][j][i].set_text(f"w{i + 1}{j + 1}={W[j, i]:.2f}")
    for text, value in zip(art["values"], np.concatenate([I, O])):
        text.set_text(f"{value:.4f}")
    for j in range(2):
        art["combined"][j].set_text(f"X{j + 1}={X[j]:.4f}")
        art["points"][j].set_offsets([[X[j], O[j]]])
        art["guides"][j].set_data([X[j], X[j], -6], [0, O[j], O[j]])
    return (f"w11={w11:.2f} w12={w12:.2f} w21={w21:.2f} w22={w22:.2f} "
            f"I=({input1:.2f}, {input2:.2f}) → X=({X[0]:.4f}, {X[1]:.4f}) "
            f"O=({O[0]:.4f}, {O[1]:.4f})")


def _scene_signals(fig):
    """Both panels with every artist the sliders change; draw_signals fills in the values."""
    fig.clear()
    ax_net, ax_sig = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.3, 1], "wspace": 0.25, **MARGINS})
    W = np.ones((2, 2))
    pos = draw_network([W], ax_net, values=[np.zeros(2), np.zeros(2)], labels=["inputs I", "outputs O"],
                       max_width=LINK_WIDTH)
    ax_net.set_xlim(-0.35, 1.35)
    art = {"key": "signals", "links": list(ax_net.lines), "values": list(ax_net.texts[:4]),
           "weights": [[None, None], [None, None]], "combined": [], "points": [], "guides": []}
    for j in range(2):
        for i in range(2):
            (x0, y0), (x1, y1) = pos[0][i], pos[1][j]
            t = 0.28 if i == j else 0.72
            art["weights"][j][i] = ax_net.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0) + 0.07, "",
                                               ha="center", fontsize=8, color=COLORS["edge"],
                                               bbox={"fc": "white", "ec": "none", "alpha": 0.8, "pad": 0.5})
        x, y = pos[1][j]
        art["combined"].append(ax_net.text(x, y - 0.32, "", ha="center", va="top", fontsize=8,
                                           color=NODE_COLOURS[j]))
    z = np.linspace(-6, 6, 200)
    ax_sig.plot(z, sigmoid(z), color=COLORS["edge"], lw=1.5, label="sigmoid")
    for j, colour in enumerate(NODE_COLOURS):
        art["points"].append(ax_sig.scatter([0.0], [0.5], s=50, color=colour, zorder=3, label=f"node {j + 1}"))
        art["guides"].append(ax_sig.plot([], [], ls=":", color=colour, lw=1)[0])
    ax_sig.set(xlim=(-6, 6), ylim=(0, 1), xlabel="combined input X", ylabel="output O",
               title="O = sigmoid(X)")
    ax_sig.legend(loc="lower right")
    art["axes"] = (ax_net, ax_sig)
    art["moving"] = [*art["links"], *art["values"], *art["combined"], *art["weights"][0],
                     *art["weights"][1], *art["guides"], *art["points"]]     # what changes (for blitting)
    fig.scene = art
    return art


def signals_explorer():
    """Sliders for the four weights and two inputs of the 2 × 2 example (see draw_signals).

    Introduced in: 03_signals_and_matrices.ipynb
    """
    controls = {name: slider(value, -2.0, 2.0, 0.05, name)
                for name, value in (("w11", 0.9), ("w12", 0.2), ("w21", 0.3), ("w22", 0.8))}
    controls.update(input1=slider(1.0, -1.0, 1.0, 0.05, "input1"),
                    input2=slider(0.5, -1.0, 1.0, 0.05, "input2"))
    return BlitExplorer(draw_signals, controls, width=8.0, height=3.6,
                        title="Move a weight: the link width follows |w|, the outputs follow at once")

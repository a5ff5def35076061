"""Notebook 01: the predicting machine (km → miles) and the bug classifier.

Both machines have one parameter that is corrected from the error:
the constant c in miles = c · km, and the slope A of the line y = A · x
that separates ladybirds (wide, short) from caterpillars (narrow, long).
The classifier lives in `explore_classifier`, the logic-gate pictures in
`explore_gates` and the neuron drawing in `neuron_schematic`; all are
re-exported here.
"""
import numpy as np

from ._validate import positive, positive_int, real
from .explore_classifier import (BUG_EXAMPLES, classifier_explorer, draw_classifier,
                                 draw_slope_steps, make_bugs, misclassified,
                                 slope_steps_explorer, train_slope)
from .explore_gates import (GATES, draw_gate_lines, fewest_line_mistakes, logic_unit,
                            truth_table, xnor_network)
from .blit import BlitExplorer, current_scene
from .explorer import slider
from .neuron_schematic import draw_neuron_schematic
from .plotting import COLORS

KM_PER_MILE = 1.609344                       # exact, by definition of the mile
KM, MILES = 100.0, 100.0 / KM_PER_MILE       # the one true example: 100 km = 62.1371… miles


def correct_constant(c, km=KM, miles=MILES, lr=0.5, steps=6):
    """Correct c in miles = c · km from the error E = miles − c · km, `steps` times.

    Each step moves c by lr · E / km. Returns a list of (c, prediction, E)
    before each step, plus the final (c, prediction, E): steps + 1 rows.

    Introduced in: 01_neurons.ipynb
    """
    c, km, miles = real(c, "c"), positive(km, "km"), real(miles, "miles")
    lr, steps = positive(lr, "lr"), positive_int(steps, "steps", minimum=0)
    rows = []
    for _ in range(steps + 1):
        prediction = c * km
        error = miles - prediction
        rows.append((c, prediction, error))
        c = c + lr * error / km
    return rows


def draw_predicting_machine(fig, c):
    """Left: the machine miles = c · km and the true example. Right: the error against c.

    The axes are made once per figure; later calls only move the line, the error and the point.

    Introduced in: 01_neurons.ipynb
    """
    c = real(c, "c")
    prediction = c * KM
    error = MILES - prediction
    art = current_scene(fig, "predicting_machine") or _scene_machine(fig)
    art["line"].set_ydata(c * art["line"].get_xdata())
    art["label"].set_text(f"miles = {c:.2f} · km")
    art["error"].set_segments([[(KM, prediction), (KM, MILES)]])
    art["point"].set_offsets([[c, error]])
    return f"c = {c:.4f}   prediction = {prediction:.4f} miles   error = {error:.4f}"


def _scene_machine(fig):
    """Both panels with the artists that c moves; draw_predicting_machine sets their values."""
    fig.clear()
    left, right = fig.subplots(1, 2)
    line, = left.plot([0.0, 120.0], [0.0, 0.0], color="k", lw=1.5, label="miles = c · km")
    left.scatter([KM], [MILES], color=COLORS["truth"], zorder=3, label="truth: 100 km")
    error = left.vlines(KM, 0.0, MILES, color=COLORS["test"], lw=2, label="error")
    left.set(xlim=(0, 120), ylim=(0, 120), xlabel="kilometres", ylabel="miles", title="The machine")
    legend = left.legend(loc="upper left")
    cs = np.array([0.0, 1.0])
    right.plot(cs, MILES - cs * KM, color=COLORS["train"])
    right.axhline(0.0, color="grey", lw=0.8)
    point = right.scatter([0.0], [0.0], color=COLORS["test"], zorder=3)
    right.set(xlim=(0, 1), xlabel="constant c", ylabel="error (miles)",
              title="Error = truth − prediction")
    fig.scene = {"key": "predicting_machine", "axes": (left, right), "line": line, "error": error,
                 "point": point, "label": legend.get_texts()[0],
                 "moving": [line, error, legend, point]}
    return fig.scene


def predicting_machine_explorer(c=0.5):
    """Slider for c; the readout shows the prediction for 100 km and its error.

    Introduced in: 01_neurons.ipynb
    """
    return BlitExplorer(draw_predicting_machine,
                    {"c": slider(c, 0.0, 1.0, 0.001, "constant c", readout_format=".3f")},
                    width=8.0, height=3.4, title="The predicting machine: km → miles")


__all__ = ["KM_PER_MILE", "KM", "MILES", "BUG_EXAMPLES", "correct_constant", "train_slope",
           "make_bugs", "misclassified", "draw_predicting_machine", "predicting_machine_explorer",
           "draw_classifier", "classifier_explorer", "draw_slope_steps", "slope_steps_explorer",
           "GATES", "truth_table", "logic_unit", "xnor_network", "fewest_line_mistakes",
           "draw_gate_lines", "draw_neuron_schematic"]

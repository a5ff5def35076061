"""Notebook 01: the predicting machine (km → miles) and the bug classifier.

Both machines have one parameter that is corrected from the error:
the constant c in miles = c · km, and the slope A of the line y = A · x
that separates ladybirds (wide, short) from caterpillars (narrow, long).
The logic-gate pictures live in `explore_gates` and are re-exported here.
"""
import ipywidgets as widgets
import numpy as np

from ._validate import generator, positive, positive_int, real
from .explore_gates import (GATES, draw_gate_lines, fewest_line_mistakes, logic_unit,
                            truth_table, xnor_network)
from .explorer import explorer, slider
from .plotting import COLORS

KM_PER_MILE = 1.609344                       # exact, by definition of the mile
KM, MILES = 100.0, 100.0 / KM_PER_MILE       # the one true example: 100 km = 62.1371… miles
BUG_EXAMPLES = ((3.0, 1.0, 1.1), (1.0, 3.0, 2.9))   # (width, length, target) for ladybird, caterpillar


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


def train_slope(A, examples=BUG_EXAMPLES, lr=1.0, steps=None):
    """Move the slope A of y = A · x by ΔA = lr · E / x for each example in turn.

    `examples` is a sequence of (x, measured y, target t); E = t − A · x.
    With `steps` larger than the number of examples they are reused in a cycle.
    Returns a list of dicts (x, target, y, E, dA, A) with A after each step.

    Introduced in: 01_neurons.ipynb
    """
    A, lr = real(A, "A"), positive(lr, "lr")
    if not examples or any(len(e) != 3 for e in examples):
        raise ValueError(f"examples must be a non-empty list of (x, y, target) triples, got {examples!r:.80}")
    steps = len(examples) if steps is None else positive_int(steps, "steps", minimum=0)
    history = []
    for k in range(steps):
        x, _, target = (real(v, "examples") for v in examples[k % len(examples)])
        y = A * x
        error = target - y
        dA = lr * error / x
        A = A + dA
        history.append({"x": x, "target": target, "y": y, "E": error, "dA": dA, "A": A})
    return history


def make_bugs(n=20, rng=None):
    """Seeded measurements: widths (n,), lengths (n,), labels (n,) with 0 = ladybird, 1 = caterpillar.

    Ladybirds are wide and short, caterpillars narrow and long.

    Introduced in: 01_neurons.ipynb
    """
    n, rng = positive_int(n, "n", minimum=2), generator(rng)
    labels = np.arange(n) % 2
    width = np.where(labels == 0, rng.uniform(2.2, 3.4, n), rng.uniform(0.5, 1.2, n))
    length = np.where(labels == 0, rng.uniform(0.6, 1.4, n), rng.uniform(2.2, 3.5, n))
    return width, length, labels


def misclassified(A, width, length, labels):
    """How many bugs sit on the wrong side of y = A · x (ladybirds belong below the line).

    Introduced in: 01_neurons.ipynb
    """
    above = np.asarray(length) > real(A, "A") * np.asarray(width)
    return int(np.sum(above != (np.asarray(labels) == 1)))


def draw_predicting_machine(fig, c):
    """Left: the machine miles = c · km and the true example. Right: the error against c.

    Introduced in: 01_neurons.ipynb
    """
    c = real(c, "c")
    prediction = c * KM
    error = MILES - prediction
    left, right = fig.subplots(1, 2)
    km = np.array([0.0, 120.0])
    left.plot(km, c * km, color="k", lw=1.5, label=f"miles = {c:.2f} · km")
    left.scatter([KM], [MILES], color=COLORS["truth"], zorder=3, label="truth: 100 km")
    left.vlines(KM, prediction, MILES, color=COLORS["test"], lw=2, label="error")
    left.set(xlim=(0, 120), ylim=(0, 120), xlabel="kilometres", ylabel="miles", title="The machine")
    left.legend(loc="upper left")
    cs = np.array([0.0, 1.0])
    right.plot(cs, MILES - cs * KM, color=COLORS["train"])
    right.axhline(0.0, color="grey", lw=0.8)
    right.scatter([c], [error], color=COLORS["test"], zorder=3)
    right.set(xlim=(0, 1), xlabel="constant c", ylabel="error (miles)",
              title="Error = truth − prediction")
    return f"c = {c:.4f}   prediction = {prediction:.4f} miles   error = {error:.4f}"


def predicting_machine_explorer(c=0.5):
    """Slider for c; the readout shows the prediction for 100 km and its error.

    Introduced in: 01_neurons.ipynb
    """
    return explorer(draw_predicting_machine,
                    {"c": slider(c, 0.0, 1.0, 0.001, "constant c", readout_format=".3f")},
                    width=8.0, height=3.4, title="The predicting machine: km → miles")


def _draw_bugs(ax, width, length, labels):
    for label, name, marker in ((0, "ladybird", "o"), (1, "caterpillar", "s")):
        pick = labels == label
        ax.scatter(width[pick], length[pick], s=22, marker=marker, color=COLORS[f"class{label}"],
                   edgecolor="white", linewidth=0.3, label=name, zorder=3)
    for k, (x, y, t) in enumerate(BUG_EXAMPLES):
        ax.scatter([x], [y], s=90, marker="*", color="k", zorder=4,
                   label="training examples" if k == 0 else None)
        ax.scatter([x], [t], s=40, marker="o", facecolor="none", edgecolor="k", zorder=4,
                   label="targets" if k == 0 else None)
    ax.set(xlim=(0, 4), ylim=(0, 4), xlabel="width", ylabel="length")


def _legend_outside(fig, ax):
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8)


def draw_classifier(fig, A):
    """The bugs, the two training examples (stars, targets as dashes) and the line y = A · x.

    Introduced in: 01_neurons.ipynb
    """
    A = real(A, "A")
    width, length, labels = make_bugs(rng=np.random.default_rng(1))
    ax = fig.add_subplot()
    _draw_bugs(ax, width, length, labels)
    x = np.array([0.0, 4.0])
    ax.plot(x, A * x, color="k", lw=1.5, label=f"y = {A:.2f} · x")
    _legend_outside(fig, ax)
    ax.set_title("Ladybirds below the line, caterpillars above")
    errors = [t - A * x for x, _, t in BUG_EXAMPLES]
    wrong = misclassified(A, width, length, labels)
    return (f"A = {A:.4f}   E(ladybird) = {errors[0]:.4f}   E(caterpillar) = {errors[1]:.4f}"
            f"   misclassified = {wrong} of {len(labels)}")


def classifier_explorer(A=0.25):
    """Slider for the slope A with a live error readout.

    Introduced in: 01_neurons.ipynb
    """
    return explorer(draw_classifier, {"A": slider(A, 0.0, 4.0, 0.01, "slope A")},
                    width=7.5, height=4.2, title="A linear classifier for bugs")


def draw_slope_steps(fig, step, lr, A=0.25):
    """Replay `step` corrections of train_slope from A, drawing every line on the way.

    Introduced in: 01_neurons.ipynb
    """
    step = positive_int(step, "step", minimum=0)
    history = train_slope(A, lr=lr, steps=step)
    width, length, labels = make_bugs(rng=np.random.default_rng(1))
    ax = fig.add_subplot()
    _draw_bugs(ax, width, length, labels)
    slopes = [real(A, "A")] + [h["A"] for h in history]
    x = np.array([0.0, 4.0])
    for k, a in enumerate(slopes):
        last = k == len(slopes) - 1
        ax.plot(x, a * x, color="k" if last else "grey", lw=1.8 if last else 0.8,
                ls="-" if last else "--", label=f"step {k}: A = {a:.4f}" if k < 6 or last else None)
    _legend_outside(fig, ax)
    ax.set_title(f"Correcting the slope, learning rate L = {lr:.2f}")
    return f"step = {step}   L = {lr:.2f}   A = {slopes[-1]:.4f}"


def slope_steps_explorer():
    """Sliders for the number of correction steps and the learning rate L.

    Introduced in: 01_neurons.ipynb
    """
    steps = widgets.IntSlider(value=2, min=0, max=8, description="steps",
                              style={"description_width": "initial"})
    return explorer(draw_slope_steps, {"step": steps, "lr": slider(0.5, 0.1, 1.0, 0.05, "learning rate L")},
                    width=7.5, height=4.2, title="Correct the slope step by step")


__all__ = ["KM_PER_MILE", "KM", "MILES", "BUG_EXAMPLES", "correct_constant", "train_slope",
           "make_bugs", "misclassified", "draw_predicting_machine", "predicting_machine_explorer",
           "draw_classifier", "classifier_explorer", "draw_slope_steps", "slope_steps_explorer",
           "GATES", "truth_table", "logic_unit", "xnor_network", "fewest_line_mistakes",
           "draw_gate_lines"]

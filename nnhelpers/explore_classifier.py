"""Notebook 01: the linear classifier for garden bugs and the step-by-step slope correction.

The line y = A · x separates ladybirds (wide, short: below the line) from
caterpillars (narrow, long: above). Training examples and targets are
Rashid's: a ladybird of width 3.0, length 1.0 with target 1.1, and a
caterpillar of width 1.0, length 3.0 with target 2.9.
"""
import ipywidgets as widgets
import numpy as np

from ._validate import as_array, describe, generator, positive, positive_int, real
from .blit import BlitExplorer, current_scene, title_text
from .explorer import slider
from .plotting import COLORS

BUG_EXAMPLES = ((3.0, 1.0, 1.1), (1.0, 3.0, 2.9))   # (width, length, target) for ladybird, caterpillar


def train_slope(A, examples=BUG_EXAMPLES, lr=1.0, steps=None):
    """Move the slope A of y = A · x by ΔA = lr · E / x for each example in turn.

    `examples` is a sequence of (x, measured y, target t); E = t − A · x.
    With `steps` larger than the number of examples they are reused in a cycle.
    Returns a list of dicts (x, target, y, E, dA, A) with A after each step.

    Introduced in: 01_neurons.ipynb
    """
    A, lr = real(A, "A"), positive(lr, "lr")
    examples = _triples(examples)
    steps = len(examples) if steps is None else positive_int(steps, "steps", minimum=0)
    history = []
    for k in range(steps):
        x, _, target = examples[k % len(examples)]
        y = A * x
        error = target - y
        dA = lr * error / x
        A = A + dA
        history.append({"x": x, "target": target, "y": y, "E": error, "dA": dA, "A": A})
    return history


def _triples(examples):
    """Check (x, y, target) triples with x != 0; returns them as a list of float tuples."""
    try:
        rows = [tuple(e) for e in examples]
    except TypeError:
        raise TypeError(f"examples must be a list of (x, y, target) triples, got {describe(examples)}") from None
    if not rows or any(len(r) != 3 for r in rows):
        raise ValueError(f"examples must be a non-empty list of (x, y, target) triples, got {examples!r:.80}")
    rows = [tuple(real(v, "examples (x, y, target)") for v in r) for r in rows]
    if any(r[0] == 0 for r in rows):
        raise ValueError("examples must have a width x other than 0 (the update divides by x), got x = 0")
    return rows


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
    width, length = as_array(width, "width", ndim=1), as_array(length, "length", ndim=1)
    labels = as_array(labels, "labels", ndim=1)
    if not len(width) == len(length) == len(labels):
        raise ValueError(f"width, length and labels must have the same length, "
                         f"got {len(width)}, {len(length)} and {len(labels)}")
    above = length > real(A, "A") * width
    return int(np.sum(above != (labels == 1)))


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
    """Legend to the right of the axes; without a layout engine, make room for it."""
    if fig.get_layout_engine() is None:
        fig.subplots_adjust(left=0.08, right=0.74)
    return ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8)


def draw_classifier(fig, A):
    """The bugs, the two training examples (stars, their targets as circles) and the line y = A · x.

    Returns the readout: A, both training errors E = t − A · x and the number of misclassified bugs.
    The bugs are drawn once per figure; later calls only replace the line.

    Introduced in: 01_neurons.ipynb
    """
    A = real(A, "A")
    art = current_scene(fig, "bugs") or _scene_bugs(fig)
    width, length, labels = art["bugs"]
    _set_lines(fig, art, [(A, dict(color="k", lw=1.5, label=f"y = {A:.2f} · x"))],
               "Ladybirds below the line, caterpillars above")
    errors = [t - A * x for x, _, t in BUG_EXAMPLES]
    wrong = misclassified(A, width, length, labels)
    return (f"A = {A:.4f}   E(ladybird) = {errors[0]:.4f}   E(caterpillar) = {errors[1]:.4f}"
            f"   misclassified = {wrong} of {len(labels)}")


def _scene_bugs(fig):
    """Axes with the bugs and the training examples; _set_lines adds the lines y = A · x."""
    fig.clear()
    ax = fig.add_subplot()
    bugs = make_bugs(rng=np.random.default_rng(1))
    _draw_bugs(ax, *bugs)
    fig.scene = {"key": "bugs", "axes": (ax,), "bugs": bugs, "lines": [], "legend": None,
                 "title": title_text(ax), "moving": []}
    return fig.scene


def _set_lines(fig, art, lines, title):
    """Replace the scene's lines y = A · x by `lines`, [(A, plot keywords)], with legend and title."""
    ax = art["axes"][0]
    for artist in art["lines"] + ([art["legend"]] if art["legend"] else []):
        artist.remove()
    x = np.array([0.0, 4.0])
    art["lines"] = [ax.plot(x, a * x, **style)[0] for a, style in lines]
    art["legend"] = _legend_outside(fig, ax)
    art["title"].set_text(title)
    art["moving"] = [*art["lines"], art["legend"], art["title"]]     # what changes (for blitting)


def classifier_explorer(A=0.25):
    """Slider for the slope A with a live error readout.

    Introduced in: 01_neurons.ipynb
    """
    return BlitExplorer(draw_classifier, {"A": slider(A, 0.0, 4.0, 0.01, "slope A")},
                        width=7.5, height=4.2, title="A linear classifier for bugs")


def draw_slope_steps(fig, step, lr, A=0.25):
    """Replay `step` corrections of train_slope from A, drawing every line on the way.

    Returns the readout: the slider values (step, L) and the slope A reached.
    The bugs are drawn once per figure; later calls only replace the lines.

    Introduced in: 01_neurons.ipynb
    """
    step = positive_int(step, "step", minimum=0)
    history = train_slope(A, lr=lr, steps=step)
    slopes = [real(A, "A")] + [h["A"] for h in history]
    styles = [dict(color="grey", lw=0.8, ls="--", label=f"step {k}: A = {a:.4f}" if k < 6 else None)
              for k, a in enumerate(slopes[:-1])]
    styles.append(dict(color="k", lw=1.8, ls="-", label=f"step {len(slopes) - 1}: A = {slopes[-1]:.4f}"))
    art = current_scene(fig, "bugs") or _scene_bugs(fig)
    _set_lines(fig, art, list(zip(slopes, styles)), f"Correcting the slope, learning rate L = {lr:.2f}")
    return f"step = {step}   L = {lr:.2f}   A = {slopes[-1]:.4f}"


def slope_steps_explorer():
    """Sliders for the number of correction steps and the learning rate L.

    Introduced in: 01_neurons.ipynb
    """
    steps = widgets.IntSlider(value=2, min=0, max=8, description="steps",
                              style={"description_width": "initial"})
    return BlitExplorer(draw_slope_steps, {"step": steps, "lr": slider(0.5, 0.1, 1.0, 0.05, "learning rate L")},
                        width=7.5, height=4.2, title="Correct the slope step by step")

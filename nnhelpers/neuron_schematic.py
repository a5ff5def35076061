"""A simple drawing of a biological neuron: dendrites → cell body → axon → terminals."""
import numpy as np
from matplotlib.patches import Circle, Rectangle

from .plotting import COLORS


def _branch(ax, x, y, angle, length, depth, direction):
    """Draw a little tree of lines from (x, y); direction −1 grows left, +1 right."""
    x2 = x + direction * length * np.cos(angle)
    y2 = y + length * np.sin(angle)
    ax.plot([x, x2], [y, y2], color=COLORS["edge"], lw=0.6 + depth, solid_capstyle="round")
    if depth == 0:
        ax.scatter([x2], [y2], s=14, color=COLORS["positive"] if direction > 0 else COLORS["edge"],
                   zorder=3)
        return 1
    return sum(_branch(ax, x2, y2, angle + turn, length * 0.65, depth - 1, direction)
               for turn in (-0.45, 0.45))


def draw_neuron_schematic(fig):
    """Dendrites collect signals, the cell body sums them, the axon carries a spike to the terminals.

    Draws on one axes of `fig`; returns the number of dendrite tips and terminals drawn.

    Introduced in: 01_neurons.ipynb
    """
    ax = fig.add_subplot()
    tips = sum(_branch(ax, -0.9, 0.0, a, 0.9, 2, -1) for a in (-0.9, 0.0, 0.9))
    ax.add_patch(_circle((0.0, 0.0), 0.9, COLORS["node"]))
    ax.add_patch(_circle((0.0, 0.0), 0.3, "#d9c9a3"))
    ax.plot([0.9, 6.0], [0.0, 0.0], color=COLORS["edge"], lw=3)
    for x in np.arange(1.4, 5.6, 1.0):                       # myelin sheath segments
        ax.add_patch(_rect((x, -0.18), 0.7, 0.36))
    terminals = sum(_branch(ax, 6.0, 0.0, a, 0.8, 1, +1) for a in (-0.7, 0.0, 0.7))
    ax.annotate("", xy=(4.8, 0.8), xytext=(1.6, 0.8),
                arrowprops={"arrowstyle": "->", "color": COLORS["test"], "lw": 1.5})
    ax.text(3.2, 0.95, "signal travels this way", color=COLORS["test"], ha="center", fontsize=9)
    labels = [(-2.4, -1.9, "dendrites\ncollect incoming signals"),
              (0.0, -1.35, "cell body\nadds them up"),
              (3.5, -1.0, "axon\ncarries the spike"),
              (6.9, -1.9, "terminals\npass it on")]
    for x, y, text in labels:
        ax.text(x, y, text, ha="center", va="top", fontsize=9)
    ax.set(xlim=(-3.6, 8.2), ylim=(-2.8, 1.9), aspect="equal", title="A neuron, much simplified")
    ax.axis("off")
    return tips, terminals


def _circle(centre, radius, face):
    return Circle(centre, radius, facecolor=face, edgecolor=COLORS["edge"], lw=1.5, zorder=2)


def _rect(corner, width, height):
    return Rectangle(corner, width, height, facecolor="#c7d7e8", edgecolor=COLORS["edge"],
                     lw=0.8, zorder=2)

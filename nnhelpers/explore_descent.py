"""Slider explorers for notebook 05: descent on a 1-D curve and on a 2-D surface.

Each path is computed once per learning rate (and momentum) and cached, so
the step slider only replays it. `draw_descent_1d` and `draw_descent_2d`
are pure: they draw on the figure they are given and return the readout.
"""
from functools import lru_cache

import ipywidgets as widgets
import numpy as np

from ._validate import positive, positive_int, real
from .descent import (CURVE_MIN_W, MINIMA, classify_end, descend_2d, error_curve,
                      error_curve_slope, gradient_descent_1d, two_minima, two_minima_gradient,
                      verdict_1d)
from .blit import BlitExplorer, current_scene, title_text
from .explorer import slider
from .plotting import COLORS

W0, STEPS_1D = -1.5, 40                    # the 1-D start and the number of replayable steps
PRESETS = {"too small": 0.02, "good": 0.3, "divergent": 1.05}
START_2D, STEPS_2D = (1.8, 1.2), 200
GAP_TICKS = [1e-15, 1e-10, 1e-5, 1e0, 1e5]


def _f4(x):
    """A number with 4 decimals, never "-0.0000"."""
    return f"{round(float(x), 4) + 0.0:.4f}"


def _two_panels(fig, ratio, **margins):
    """Two axes side by side with fixed margins (no constrained layout: redraws are faster)."""
    grid = fig.add_gridspec(1, 2, width_ratios=[ratio, 1], right=0.98, **margins)
    return fig.add_subplot(grid[0]), fig.add_subplot(grid[1])


@lru_cache(maxsize=512)
def _path_1d(lr):
    return gradient_descent_1d(error_curve_slope, W0, lr, STEPS_1D)


@lru_cache(maxsize=512)
def _path_2d(lr, momentum):
    return descend_2d(two_minima_gradient, START_2D, lr, STEPS_2D, momentum=momentum)


def draw_descent_1d(fig, lr, step):
    """Left: E(w) with the first `step` steps at learning rate lr; right: E − E_min per step.

    Returns the readout: lr, the step, w, E(w), the slope and what each step
    does to the distance from the minimum (factor 1 − 2·lr). The axes are drawn
    once per figure; later calls only move the path (see blit.py).

    Introduced in: 05_gradient_descent.ipynb
    """
    lr, step = positive(lr, "lr"), positive_int(step, "step", minimum=0)
    path = _path_1d(round(lr, 9))
    k = min(step, len(path) - 1)
    art = current_scene(fig, "descent_1d") or _scene_1d(fig)
    shown = path[:k + 1]
    art["path"].set_data(shown, error_curve(shown))
    art["point"].set_data([path[k]], [error_curve(path[k])])
    art["off"].set_visible(not -2.5 <= path[k] <= 6.5)
    art["off"].set_text(f"w = {path[k]:.4g} is off the chart")
    art["title"].set_text(f"learning rate {lr:.4f}, step {k}")
    gap = np.maximum(error_curve(path) - error_curve(CURVE_MIN_W), 1e-16)
    art["gap"].set_data(np.arange(len(path)), gap)
    art["gap_point"].set_data([k], [gap[k]])
    w = float(path[k])
    factor = 1.0 - 2.0 * lr
    return (f"lr = {_f4(lr)}, step {k} of {STEPS_1D}: w = {_f4(w)}, E(w) = {_f4(error_curve(w))}, "
            f"slope = {_f4(error_curve_slope(w))}; each step multiplies the distance "
            f"to the minimum by 1 − 2·lr = {_f4(factor)}, so it {verdict_1d(factor)}")


def _scene_1d(fig):
    """The fixed part of the 1-D picture, and empty artists for what moves."""
    fig.clear()
    ax, ax_gap = _two_panels(fig, 1.5, left=0.09, bottom=0.15, top=0.91, wspace=0.3)
    grid = np.linspace(-2.5, 6.5, 200)
    ax.plot(grid, error_curve(grid), color=COLORS["edge"], lw=1.5)
    art = {"path": ax.plot([], [], "-o", color=COLORS["positive"], ms=4, lw=0.8, alpha=0.8)[0],
           "point": ax.plot([], [], "o", color=COLORS["test"], ms=9, zorder=3)[0],
           "off": ax.text(0.5, 0.93, "", transform=ax.transAxes, ha="center", color=COLORS["test"],
                          bbox={"facecolor": "white", "edgecolor": "none"}),
           "title": title_text(ax)}
    ax.set(xlim=(-2.5, 6.5), ylim=(0, 22), xlabel="weight w", ylabel="error E(w)")
    art["gap"] = ax_gap.semilogy([], [], color=COLORS["train"], lw=1)[0]
    art["gap_point"] = ax_gap.plot([], [], "o", color=COLORS["test"], ms=7)[0]
    ax_gap.set(xlim=(-1, STEPS_1D + 1), ylim=(1e-16, 1e8), xlabel="step", ylabel="E(w) − E_min",
               title="error above the minimum")
    ax_gap.set_yticks(GAP_TICKS, [f"1e{round(np.log10(t))}" for t in GAP_TICKS])   # plain text: fast
    ax_gap.minorticks_off()
    art.update(key="descent_1d", axes=(ax, ax_gap), moving=[art[name] for name in
               ("path", "point", "off", "title", "gap", "gap_point")])
    fig.scene = art
    return art


def explore_descent_1d():
    """The 1-D explorer: learning-rate slider, step slider (replay) and lr presets.

    Introduced in: 05_gradient_descent.ipynb
    """
    lr = slider(PRESETS["good"], 0.01, 1.1, 0.01, "learning rate", readout_format=".2f")
    step = widgets.IntSlider(value=10, min=0, max=STEPS_1D, description="step",
                             layout=widgets.Layout(width="300px"))
    ex = BlitExplorer(draw_descent_1d, {"lr": lr, "step": step}, width=8.0, height=3.4,
                      title="Gradient descent on E(w) = (w − 2)² + 0.5")
    presets = widgets.ToggleButtons(options=list(PRESETS.items()), value=PRESETS["good"],
                                    description="preset")

    def use_preset(change):
        if change["new"] is not None:
            lr.value = change["new"]

    def forget_preset(change):
        if presets.value is not None and abs(change["new"] - presets.value) > 1e-9:
            presets.index = None

    presets.observe(use_preset, names="value")
    lr.observe(forget_preset, names="value")
    ex.presets = presets
    ex.children = (ex.children[0], presets) + ex.children[1:]
    return ex


@lru_cache(maxsize=1)
def _surface_grid():
    x, y = np.meshgrid(np.linspace(-2, 2, 161), np.linspace(-1.5, 1.5, 121))
    return x, y, two_minima(x, y)


def draw_descent_2d(fig, lr, momentum, steps):
    """Contours of the two-minima surface with the descent path; f along the path.

    Returns the readout: lr, momentum, steps, the end point, f there and
    which minimum (if any) the path reached. The contours are drawn once per
    figure; later calls only move the path (see blit.py).

    Introduced in: 05_gradient_descent.ipynb
    """
    lr, momentum = positive(lr, "lr"), real(momentum, "momentum", low=0.0, high=0.999)
    steps = min(positive_int(steps, "steps", minimum=0), STEPS_2D)
    path = _path_2d(round(lr, 9), round(momentum, 9))[:steps + 1]
    art = current_scene(fig, "descent_2d") or _scene_2d(fig)
    art["path"].set_data(path[:, 0], path[:, 1])
    art["heights"].set_data(np.arange(len(path)), two_minima(path[:, 0], path[:, 1]))
    end = path[-1]
    where = classify_end(path, steps)
    return (f"lr = {_f4(lr)}, momentum = {_f4(momentum)}, steps = {len(path) - 1}: "
            f"end at ({_f4(end[0])}, {_f4(end[1])}), f = {_f4(two_minima(*end))} → {where}")


def _scene_2d(fig):
    """The contour map and the height panel, with empty lines for the path."""
    fig.clear()
    ax, ax_f = _two_panels(fig, 1.6, left=0.07, bottom=0.14, top=0.92, wspace=0.25)
    x, y, z = _surface_grid()
    levels = np.linspace(-0.4, 8, 29)
    ax.contourf(x, y, z, levels=levels, cmap="Blues_r", extend="max")
    ax.contour(x, y, z, levels=levels, colors="white", linewidths=0.4)
    path, = ax.plot([], [], "-o", ms=2, lw=1, color=COLORS["test"], zorder=6)   # on top, as when blitted
    for name, (mx, my) in MINIMA.items():
        ax.plot(mx, my, "*", ms=12, color=COLORS["truth"] if name == "global" else "gold",
                markeredgecolor="k", label=f"{name} minimum", zorder=5)
    ax.plot(*START_2D, "s", color="k", ms=5, label="start")
    ax.set(xlim=(-2, 2), ylim=(-1.5, 1.5), xlabel="x", ylabel="y", aspect="equal")
    ax.legend(loc="lower left", fontsize=7)
    heights, = ax_f.plot([], [], color=COLORS["test"], lw=1, zorder=3)
    ax_f.axhline(float(two_minima(*MINIMA["local"])), color="gold", ls="--", lw=1, label="local")
    ax_f.axhline(float(two_minima(*MINIMA["global"])), color=COLORS["truth"], ls="--", lw=1,
                 label="global")
    ax_f.set(xlabel="step", ylabel="f(x, y)", title="height along the path", ylim=(-0.5, 7.5),
             xlim=(-4, STEPS_2D + 4))
    ax_f.legend(loc="upper right", fontsize=7)
    fig.scene = {"key": "descent_2d", "axes": (ax, ax_f), "path": path, "heights": heights,
                 "moving": [path, heights]}
    return fig.scene


def explore_descent_2d():
    """The 2-D explorer: learning rate, momentum and number of steps on the two-minima surface.

    Introduced in: 05_gradient_descent.ipynb
    """
    controls = {"lr": slider(0.02, 0.005, 0.1, 0.005, "learning rate", readout_format=".3f"),
                "momentum": slider(0.0, 0.0, 0.95, 0.05, "momentum"),
                "steps": widgets.IntSlider(value=STEPS_2D, min=0, max=STEPS_2D, description="steps",
                                           layout=widgets.Layout(width="300px"))}
    return BlitExplorer(draw_descent_2d, controls, width=8.0, height=3.6,
                        title="Descent with momentum on f(x, y) = (x² − 1)² + 0.3x + y²")

"""Every blitting explorer shows what a full draw of the same values would show.

A BlitExplorer pastes a stored background and draws only the moving artists on
top; the picture must match drawing the whole figure afresh (up to antialiasing
where a moving artist crosses a static one drawn above it, such as an axis spine).
"""
import io

import numpy as np
import pytest
from PIL import Image

import nnhelpers as nh
from nnhelpers.blit import BlitExplorer
from nnhelpers.explorer import render_png
from nnhelpers.plotting import new_figure

EXPLORERS = {
    "00 guess the function": (nh.guess_the_function_explorer, {"w": 2.35, "b": -0.4}),
    "01 predicting machine": (nh.predicting_machine_explorer, {"c": 0.83}),
    "01 classifier": (nh.classifier_explorer, {"A": 2.4}),
    "01 slope steps": (nh.slope_steps_explorer, {"step": 6, "lr": 0.35}),
    "02 neuron on the plane": (nh.neuron_explorer, {"w1": 0.0, "w2": 0.0}),
    "02 neuron, line again": (nh.neuron_explorer, {"w2": 3.2, "b": -0.7}),
    "03 signals": (nh.signals_explorer, {"w12": -1.5, "input1": 0.3}),
    "04 error split": (nh.error_split_explorer, {"w21": 0.4, "e2": -0.6}),
    "05 descent 1-D": (nh.explore_descent_1d, None),
    "05 descent 2-D": (nh.explore_descent_2d, None),
}


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


@pytest.mark.parametrize("name", list(EXPLORERS))
def test_blitted_picture_matches_a_full_draw(name):
    make, changes = EXPLORERS[name]
    ex = make()
    assert isinstance(ex, BlitExplorer), f"{name} should redraw by blitting"
    if changes is None:                                 # move the first slider to its upper half
        control = next(iter(ex.controls.values()))
        changes = {next(iter(ex.controls)): control.min + 0.7 * (control.max - control.min)}
    for key, value in changes.items():
        ex.controls[key].value = value
    shown = pixels(ex.image.value)
    fresh = new_figure(ex.fig.get_figwidth(), ex.fig.get_figheight())
    ex.draw(fresh, **ex.values())
    full = pixels(render_png(fresh))
    assert shown.shape == full.shape
    differing = np.mean(np.abs(shown - full).max(axis=2) > 40)
    assert differing < 0.0005, f"{name}: {differing:.2%} of the pixels differ from a full draw"

"""Fast slider redraws show exactly what a full draw shows.

A BlitExplorer pastes a stored background and draws only the moving artists on top,
and draw functions reuse the artists of a figure they have drawn on. Both must give
the picture a full draw of the same values gives (up to antialiasing where a moving
artist meets a fixed one). The tests run in the course's plot style, as the notebooks
do after `nh.setup_notebook()` (grid lines, for example, must stay above a moving shade).
"""
import io

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

import nnhelpers as nh
from nnhelpers.blit import BlitExplorer
from nnhelpers.explorer import render_png
from nnhelpers.plotting import apply_style, new_figure

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


@pytest.fixture(autouse=True)
def course_style():
    with mpl.rc_context():
        apply_style()
        yield


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


@pytest.mark.parametrize("make, moves", [
    (nh.explore_descent_1d, [("lr", 1.05), ("step", 7), ("lr", 0.8)]),
    (nh.explore_descent_2d, [("momentum", 0.9), ("steps", 60), ("lr", 0.05)]),
    (nh.error_split_explorer, [("w11", 4.0), ("e2", -0.6), ("how", "transpose")]),
])
def test_blitted_image_equals_a_full_render_after_each_move(make, moves):
    ex = make()
    for name, value in moves:
        before = bytes(ex.image.value)
        ex.controls[name].value = value
        assert bytes(ex.image.value) != before, f"moving {name} did not change the picture"
        blitted, full = pixels(ex.image.value), pixels(render_png(ex.fig))
        assert blitted.shape == full.shape
        # identical up to a few anti-aliased text pixels
        assert np.mean(np.abs(blitted - full).sum(axis=-1) > 30) < 1e-4, f"after moving {name}"


@pytest.mark.parametrize("draw, size, values", [
    # 04: link widths, bar heights, labels, axis range
    (nh.draw_error_split, (8.0, 3.8), dict(w11=0.5, w21=4.5, w12=3.0, w22=0.2, e1=-0.9, e2=0.35,
                                           how="transpose")),
    # 03: link widths and colours, labels, points on the sigmoid
    (nh.draw_signals, (8.0, 3.6), dict(w11=-1.5, w12=0.05, w21=2.0, w22=-0.3, input1=-0.8, input2=0.9)),
])
def test_updating_a_drawn_figure_gives_the_same_picture_as_drawing_afresh(draw, size, values):
    # a draw function reuses its artists on a figure it has drawn on: the result must not
    # depend on what was drawn before
    reused = new_figure(*size)
    draw(reused)                                     # the defaults first
    text = draw(reused, **values)
    fresh = new_figure(*size)
    assert draw(fresh, **values) == text
    assert np.array_equal(pixels(render_png(reused)), pixels(render_png(fresh)))

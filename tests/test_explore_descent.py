"""Descent routines and the two explorers of notebook 05, against closed forms."""
import re

import numpy as np
import pytest

import nnhelpers as nh
from nnhelpers import explore_descent as xd
from nnhelpers.plotting import new_figure


def numbers_after(label, text):
    """The number printed after `label = ` in a readout."""
    return float(re.search(re.escape(label) + r" = (-?[0-9.]+)", text).group(1))


# --- 1-D descent -------------------------------------------------------------

@pytest.mark.parametrize("lr", [0.05, 0.3, 0.5, 0.8])
def test_descent_on_x_squared_follows_the_closed_form(lr):
    # on f(x) = x², x_k = x0 · (1 − 2 lr)^k
    path = nh.gradient_descent_1d(lambda x: 2 * x, 3.0, lr, 25)
    assert path.shape == (26,)
    np.testing.assert_allclose(path, 3.0 * (1 - 2 * lr) ** np.arange(26), rtol=1e-12, atol=1e-300)


def test_learning_rate_above_one_diverges_on_x_squared():
    path = nh.gradient_descent_1d(lambda x: 2 * x, 1.0, 1.1, 30)
    assert np.all(np.abs(np.diff(np.abs(path))) > 0)            # the distance grows every step
    assert abs(path[-1]) == pytest.approx(1.2 ** 30)
    assert np.all(np.sign(path[1::2]) == -1)                    # zig-zag across the minimum


def test_divergent_path_stops_at_the_limit():
    path = nh.gradient_descent_1d(lambda x: 2 * x, 1.0, 3.0, 100, limit=1e3)   # factor −5
    assert len(path) == 6 and abs(path[-1]) == pytest.approx(5 ** 5)


def test_error_curve_and_slope():
    assert float(nh.error_curve(2.0)) == 0.5
    assert float(nh.error_curve(-1.0)) == pytest.approx(9.5)
    w, h = 0.7, 1e-6
    fd = (float(nh.error_curve(w + h)) - float(nh.error_curve(w - h))) / (2 * h)
    assert float(nh.error_curve_slope(w)) == pytest.approx(fd, rel=1e-8)


@pytest.mark.parametrize("lr, words", [(0.02, "converges"), (0.5, "lands on the minimum"),
                                       (0.8, "converges, zig-zagging"), (1.0, "bounces"),
                                       (1.05, "diverges, zig-zagging")])
def test_verdict_names_what_the_factor_does(lr, words):
    assert nh.verdict_1d(1 - 2 * lr).startswith(words)


# --- 2-D descent with momentum ---------------------------------------------------

def test_plain_descent_in_2d_shrinks_each_coordinate_geometrically():
    path = nh.descend_2d(lambda p: 2 * p, (1.0, -2.0), 0.1, 10)
    expected = np.outer(0.8 ** np.arange(11), [1.0, -2.0])
    np.testing.assert_allclose(path, expected, rtol=1e-12)


def test_momentum_matches_the_heavy_ball_recurrence():
    # f = ½(a x² + b y²): x_{k+1} = x_k − lr·a·x_k + β (x_k − x_{k−1}), with x_1 = x_0 − lr·a·x_0
    a, b, lr, beta = 1.0, 4.0, 0.05, 0.8
    path = nh.descend_2d(lambda p: np.array([a * p[0], b * p[1]]), (2.0, 1.0), lr, 40, momentum=beta)
    curv = np.array([a, b])
    prev, cur = np.array([2.0, 1.0]), np.array([2.0, 1.0]) * (1 - lr * curv)
    expected = [prev, cur]
    for _ in range(39):
        prev, cur = cur, cur - lr * curv * cur + beta * (cur - prev)
        expected.append(cur)
    np.testing.assert_allclose(path, np.array(expected), rtol=1e-10, atol=1e-14)


def test_two_minima_surface_and_its_gradient():
    roots = np.sort(np.roots([4.0, 0.0, -4.0, 0.3]).real)    # where ∂f/∂x = 0 on y = 0
    assert nh.descent.MINIMA["global"][0] == pytest.approx(roots[0], abs=1e-6)
    assert nh.descent.MINIMA["local"][0] == pytest.approx(roots[2], abs=1e-6)
    assert nh.two_minima(roots[0], 0.0) < nh.two_minima(roots[2], 0.0)
    p, h = np.array([0.3, -0.7]), 1e-6
    fd = [(nh.two_minima(*(p + h * e)) - nh.two_minima(*(p - h * e))) / (2 * h) for e in np.eye(2)]
    np.testing.assert_allclose(nh.two_minima_gradient(p), fd, rtol=1e-7)


def test_classify_end():
    assert nh.classify_end(np.array([[0.0, 0.0], [-1.03, 0.01]]), 1) == "global minimum"
    assert nh.classify_end(np.array([[0.0, 0.0], [0.96, 0.0]]), 1) == "local minimum"
    assert nh.classify_end(np.array([[0.0, 0.0], [0.5, 0.0]]), 1) == "not settled"
    assert nh.classify_end(np.array([[0.0, 0.0], [0.5, 0.0]]), 5) == "diverged"


# --- the explorers' draw functions ---------------------------------------------

def test_draw_descent_1d_shows_the_closed_form_position():
    fig = new_figure(8, 3.4)
    text = nh.draw_descent_1d(fig, lr=0.3, step=5)
    w5 = 2.0 + (xd.W0 - 2.0) * 0.4 ** 5
    assert numbers_after("w", text) == pytest.approx(w5, abs=5e-5)
    assert numbers_after("E(w)", text) == pytest.approx((w5 - 2) ** 2 + 0.5, abs=5e-5)
    assert "lr = 0.3000" in text and "step 5 of 40" in text and "converges" in text
    curve_ax = fig.axes[0]
    marker = curve_ax.lines[-1]
    assert marker.get_xdata()[0] == pytest.approx(w5)
    assert len(curve_ax.lines[1].get_xdata()) == 6               # start + 5 steps drawn


def test_draw_descent_1d_reports_divergence():
    text = nh.draw_descent_1d(new_figure(8, 3.4), lr=1.05, step=12)
    w12 = 2.0 + (xd.W0 - 2.0) * (-1.1) ** 12
    assert numbers_after("w", text) == pytest.approx(w12, abs=5e-5)
    assert "diverges" in text and "1 − 2·lr = -1.1000" in text


def test_step_slider_replays_a_cached_path():
    fig = new_figure(8, 3.4)
    nh.draw_descent_1d(fig, lr=0.37, step=0)
    misses = xd._path_1d.cache_info().misses
    for k in range(1, 10):
        fig.clear()
        nh.draw_descent_1d(fig, lr=0.37, step=k)
    assert xd._path_1d.cache_info().misses == misses


def test_draw_descent_2d_plain_descent_stops_in_the_local_minimum():
    fig = new_figure(8, 3.6)
    text = nh.draw_descent_2d(fig, lr=0.02, momentum=0.0, steps=200)
    assert text.endswith("local minimum")
    drawn = fig.axes[0].lines[0]
    expected = nh.descend_2d(nh.two_minima_gradient, xd.START_2D, 0.02, 200)
    np.testing.assert_allclose(drawn.get_xdata(), expected[:, 0])
    assert numbers_after("f", text) == pytest.approx(nh.two_minima(*nh.descent.MINIMA["local"]), abs=1e-3)


def test_draw_descent_2d_momentum_reaches_the_global_minimum():
    text = nh.draw_descent_2d(new_figure(8, 3.6), lr=0.02, momentum=0.9, steps=200)
    assert text.endswith("global minimum") and "momentum = 0.9000" in text


def test_draw_descent_2d_zero_steps_is_the_start():
    text = nh.draw_descent_2d(new_figure(8, 3.6), lr=0.02, momentum=0.5, steps=0)
    assert "end at (1.8000, 1.2000)" in text and "steps = 0" in text


def test_draw_descent_2d_reports_divergence():
    text = nh.draw_descent_2d(new_figure(8, 3.6), lr=0.1, momentum=0.95, steps=200)
    assert text.endswith("diverged")


# --- the widgets ------------------------------------------------------------------

def test_presets_set_the_learning_rate_and_redraw():
    ex = nh.explore_descent_1d()
    assert ex.controls["lr"].value == pytest.approx(0.3)
    ex.presets.value = xd.PRESETS["divergent"]
    assert ex.controls["lr"].value == pytest.approx(1.05)
    assert "lr = 1.0500" in ex.readout.value and "diverges" in ex.readout.value
    ex.controls["lr"].value = 0.5                      # a hand-picked rate: no preset selected
    assert ex.presets.value is None
    ex.controls["step"].value = 1
    assert "w = 2.0000" in ex.readout.value            # lr 0.5 lands on w = 2 in one step


def test_2d_explorer_redraws_on_momentum():
    ex = nh.explore_descent_2d()
    assert ex.readout.value.endswith("local minimum</code>")
    ex.controls["momentum"].value = 0.9
    assert ex.readout.value.endswith("global minimum</code>")


# --- bad input ----------------------------------------------------------------------

@pytest.mark.parametrize("call, error, words", [
    (lambda: nh.gradient_descent_1d(lambda x: 2 * x, 1.0, 0.0, 5), ValueError, "lr"),
    (lambda: nh.gradient_descent_1d(lambda x: 2 * x, 1.0, 0.1, -1), ValueError, "steps"),
    (lambda: nh.gradient_descent_1d(lambda x: 2 * x, 1.0, 0.1, 2.5), TypeError, "steps"),
    (lambda: nh.gradient_descent_1d(3.0, 1.0, 0.1, 5), TypeError, "slope"),
    (lambda: nh.gradient_descent_1d(lambda x: 2 * x, "one", 0.1, 5), TypeError, "w0"),
    (lambda: nh.descend_2d(lambda p: p, (1.0, 2.0, 3.0), 0.1, 5), ValueError, "p0"),
    (lambda: nh.descend_2d(lambda p: p, (1.0, 2.0), 0.1, 5, momentum=1.5), ValueError, "momentum"),
    (lambda: nh.descend_2d(lambda p: p[:1], (1.0, 2.0), 0.1, 5), ValueError, "gradient(p)"),
    (lambda: nh.descend_2d(None, (1.0, 2.0), 0.1, 5), TypeError, "gradient"),
    (lambda: nh.two_minima_gradient([1.0]), ValueError, "p"),
    (lambda: nh.classify_end(np.zeros((3, 3)), 2), ValueError, "path"),
    (lambda: nh.verdict_1d("big"), TypeError, "factor"),
    (lambda: nh.draw_descent_1d(new_figure(), lr=-0.1, step=3), ValueError, "lr"),
    (lambda: nh.draw_descent_1d(new_figure(), lr=0.1, step=2.5), TypeError, "step"),
    (lambda: nh.draw_descent_2d(new_figure(), lr="fast", momentum=0.5, steps=3), TypeError, "lr"),
    (lambda: nh.draw_descent_2d(new_figure(), lr=0.02, momentum=1.0, steps=3), ValueError, "momentum"),
    (lambda: nh.draw_descent_2d(new_figure(), lr=0.02, momentum=0.5, steps=-1), ValueError, "steps"),
])
def test_bad_input_names_the_argument(call, error, words):
    with pytest.raises(error, match=re.escape(words)):
        call()


def test_draw_rebuilds_after_the_figure_is_cleared():
    fig = new_figure(8, 3.6)
    nh.draw_descent_2d(fig, lr=0.02, momentum=0.0, steps=10)
    axes = list(fig.axes)
    nh.draw_descent_2d(fig, lr=0.02, momentum=0.0, steps=20)
    assert fig.axes == axes and len(fig.axes[0].lines[0].get_xdata()) == 21   # reused, updated
    fig.clear()
    nh.draw_descent_2d(fig, lr=0.02, momentum=0.0, steps=5)
    assert len(fig.axes) == 2 and len(fig.axes[0].lines[0].get_xdata()) == 6

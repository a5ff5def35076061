"""Tests for notebook 02's explorers and logic units, against values computed here from the maths."""
import math

import numpy as np
import pytest

import nnhelpers as nh
from nnhelpers.explore_activation import SOFTMAX_SCORES
from nnhelpers.plotting import new_figure


def sig(x):
    return 1.0 / (1.0 + math.exp(-x))


@pytest.mark.parametrize("kind, s, t, f0, d0", [
    ("sigmoid", 1.0, 0.0, 0.5, 0.25),
    ("sigmoid", 2.0, 1.0, sig(-2.0), 2.0 * sig(-2.0) * (1 - sig(-2.0))),
    ("tanh", 1.0, 0.0, 0.0, 1.0),
    ("tanh", 0.5, -2.0, math.tanh(1.0), 0.5 * (1 - math.tanh(1.0) ** 2)),
    ("relu", 3.0, -1.0, 3.0, 3.0),
    ("relu", 3.0, 1.0, 0.0, 0.0),
    ("step", 1.0, -0.5, 1.0, 0.0),
    ("step", 1.0, 0.5, 0.0, 0.0),
])
def test_draw_activation_readout(kind, s, t, f0, d0):
    fig = new_figure()
    text = nh.draw_activation(fig, kind, s, t)
    assert text == (f"kind = {kind}   steepness = {s:.2f}   threshold = {t:.2f}   "
                    f"f(0) = {f0:.4f}   f'(0) = {d0:.4f}")
    ax = fig.axes[0]
    assert len(ax.lines) == 3                        # function, derivative, threshold marker
    shift = f"z − {t:.2f}" if t >= 0 else f"z + {-t:.2f}"          # never "z − -1.00"
    assert ax.get_title() == f"{kind}({s:.2f} · ({shift}))"


@pytest.mark.parametrize("kind, f, df", [
    ("sigmoid", lambda u: 1 / (1 + math.exp(-u)), lambda u: sig(u) * (1 - sig(u))),
    ("tanh", math.tanh, lambda u: 1 - math.tanh(u) ** 2),
    ("relu", lambda u: max(u, 0.0), lambda u: 1.0 if u > 0 else 0.0),
])
def test_draw_activation_plots_the_shaped_curve_and_its_slope(kind, f, df):
    s, t = 2.0, 0.5
    fig = new_figure()
    nh.draw_activation(fig, kind, s, t)
    curve, slope, marker = fig.axes[0].lines
    z = curve.get_xdata()
    assert curve.get_ydata() == pytest.approx([f(s * (v - t)) for v in z])
    picks = [k for k, v in enumerate(z) if abs(s * (v - t)) > 1e-9]          # ReLU's kink has no slope
    assert slope.get_ydata()[picks] == pytest.approx([s * df(s * (z[k] - t)) for k in picks])
    assert list(marker.get_xdata()) == [t, t]


def test_shaped_activation_derivative_matches_a_finite_difference():
    z, h = np.linspace(-3, 3, 13), 1e-6
    for kind in ("sigmoid", "tanh"):
        f, df = nh.shaped_activation(kind, z, 2.5, 0.4)
        up, _ = nh.shaped_activation(kind, z + h, 2.5, 0.4)
        down, _ = nh.shaped_activation(kind, z - h, 2.5, 0.4)
        assert np.allclose(df, (up - down) / (2 * h), atol=1e-7)


def test_draw_neuron_accuracy_and_line():
    X, y = nh.neuron_points()
    fig = new_figure()
    text = nh.draw_neuron(fig, 2.0, 1.0, -0.5)
    accuracy = np.mean(((2.0 * X[:, 0] + 1.0 * X[:, 1] - 0.5) > 0) == (y == 1))
    assert text == f"w1 = 2.00   w2 = 1.00   b = -0.50   accuracy = {accuracy:.4f}"
    ax = fig.axes[0]
    (line,) = ax.lines
    x1, x2 = line.get_xdata(), line.get_ydata()
    assert np.allclose(2.0 * x1 + 1.0 * x2 - 0.5, 0.0)   # the drawn line is where σ(...) = 0.5
    assert len(ax.images) == 1 and len(ax.collections) == 2


def test_draw_neuron_handles_zero_weights():
    fig = new_figure()
    text = nh.draw_neuron(fig, 0.0, 0.0, 1.0)
    assert text.endswith("accuracy = 0.5000   (w1 = w2 = 0: no line)")    # everything called class 1
    assert len(fig.axes[0].lines) == 0


def test_neuron_points_are_seeded_clusters():
    X, y = nh.neuron_points()
    X2, y2 = nh.neuron_points()
    assert X.shape == (60, 2) and np.array_equal(X, X2) and np.array_equal(y, y2)
    assert X[y == 1].mean() > 0 > X[y == 0].mean()


@pytest.mark.parametrize("T", [0.5, 1.0, 3.0])
def test_draw_softmax_probabilities(T):
    e = [math.exp(s / T) for s in SOFTMAX_SCORES]
    p = [v / sum(e) for v in e]
    fig = new_figure()
    text = nh.draw_softmax(fig, T)
    assert text == f"T = {T:.2f}   p = [{' '.join(f'{v:.4f}' for v in p)}]   sum = 1.0000"
    heights = [bar.get_height() for bar in fig.axes[0].patches]
    assert heights == pytest.approx(p)


def test_softmax_temperature_flattens():
    fig_cold, fig_hot = new_figure(), new_figure()
    nh.draw_softmax(fig_cold, 0.2)
    nh.draw_softmax(fig_hot, 5.0)
    cold = [b.get_height() for b in fig_cold.axes[0].patches]
    hot = [b.get_height() for b in fig_hot.axes[0].patches]
    assert max(cold) > 0.99 and max(hot) < 0.4


def test_logic_units_compute_the_gates():
    X, _ = nh.truth_table("AND")
    assert np.array_equal(nh.logic_unit([-30, 20, 20], X) > 0.5, [False, False, False, True])
    assert np.array_equal(nh.logic_unit([-10, 20, 20], X) > 0.5, [False, True, True, True])
    assert np.array_equal(nh.logic_unit([10, -20], X[:, :1]) > 0.5, [True, True, False, False])
    assert nh.logic_unit([10, -20], [0.0]) == pytest.approx(sig(10))


def test_xnor_network_matches_the_truth_table_closely():
    X, y = nh.truth_table("XNOR")
    out = nh.xnor_network(X)
    assert np.all(np.abs(out - y) < 1e-4)


def test_explorers_update_with_new_values():
    ex = nh.activation_explorer()
    ex.controls["kind"].value = "tanh"
    assert "kind = tanh" in ex.readout.value
    ex = nh.neuron_explorer()
    ex.controls["b"].value = 1.5
    assert "b = 1.50" in ex.readout.value
    ex = nh.softmax_explorer()
    ex.controls["temperature"].value = 2.0
    assert "T = 2.00" in ex.readout.value


@pytest.mark.parametrize("call, message", [
    (lambda: nh.draw_activation(new_figure(), "swish", 1.0, 0.0), "kind must be one of"),
    (lambda: nh.draw_activation(new_figure(), "sigmoid", 0.0, 0.0), "steepness must be greater than 0"),
    (lambda: nh.draw_neuron(new_figure(), "1", 0.0, 0.0), "w1 must be a number"),
    (lambda: nh.draw_softmax(new_figure(), -1.0), "temperature must be greater than 0"),
    (lambda: nh.draw_softmax(new_figure(), 1.0, scores=[1.0, 2.0]), "labels must have one name per score"),
    (lambda: nh.logic_unit([1, 2, 3], np.zeros((4, 3))), "X must have 2 inputs per row"),
    (lambda: nh.xnor_network(np.zeros(2)), "X must be 2-D"),
    (lambda: nh.draw_neuron(new_figure(), 1.0, 1.0, 0.0, X=np.zeros((5, 2)), y=np.zeros(4)), "y must have shape"),
])
def test_bad_input_is_named(call, message):
    with pytest.raises((TypeError, ValueError), match=message):
        call()

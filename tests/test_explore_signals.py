"""Tests for nnhelpers.explore_signals: forward passes (column and row convention) and the explorer.

Expected numbers are worked out independently with `math.exp` and plain sums.
"""
import math

import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure

import nnhelpers as nh
from nnhelpers.explore_signals import draw_signals, forward_pass, forward_rows, signals_explorer


def sig(x):
    return 1.0 / (1.0 + math.exp(-x))


W2 = [[0.9, 0.3], [0.2, 0.8]]      # row j = links into node j


def test_forward_pass_two_by_two_by_hand():
    (X,), (I, O) = forward_pass([W2], [1.0, 0.5])
    assert X == pytest.approx([1.0 * 0.9 + 0.5 * 0.3, 1.0 * 0.2 + 0.5 * 0.8])
    assert O == pytest.approx([sig(1.05), sig(0.6)])
    assert I.tolist() == [1.0, 0.5]


def test_forward_pass_chains_layers_and_rounds_when_asked():
    W_a = np.array([[1.0, -1.0], [0.5, 0.5], [2.0, 0.0]])       # 2 → 3
    W_b = np.array([[0.3, -0.2, 0.1]])                          # 3 → 1
    combined, outputs = forward_pass([W_a, W_b], [0.2, 0.4])
    h = [sig(0.2 - 0.4), sig(0.1 + 0.2), sig(0.4)]
    assert outputs[1] == pytest.approx(h)
    assert combined[1] == pytest.approx([0.3 * h[0] - 0.2 * h[1] + 0.1 * h[2]])
    assert outputs[2] == pytest.approx([sig(combined[1][0])])
    _, rounded = forward_pass([W_a, W_b], [0.2, 0.4], decimals=2)
    assert rounded[1].tolist() == [round(v, 2) for v in h]


def test_forward_pass_bad_input_names_the_argument():
    with pytest.raises(ValueError, match="inputs must hold 2 numbers"):
        forward_pass([W2], [1.0, 0.5, 0.1])
    with pytest.raises(TypeError, match="weights must be a non-empty list"):
        forward_pass(np.eye(2), [1.0, 0.5])
    with pytest.raises(ValueError, match=r"weights\[1\] must have 2 columns"):
        forward_pass([W2, np.ones((2, 3))], [1.0, 0.5])
    with pytest.raises(ValueError, match="decimals must be at least 0"):
        forward_pass([W2], [1.0, 0.5], decimals=-1)
    with pytest.raises(ValueError, match="inputs must be finite"):
        forward_pass([W2], [np.nan, 0.5])


def test_forward_rows_matches_column_form_row_by_row():
    W_a = np.array([[0.9, 0.3, 0.4], [0.2, 0.8, 0.2], [0.1, 0.5, 0.6]])
    W_b = np.array([[0.3, 0.7, 0.5], [0.6, 0.5, 0.2]])
    batch = np.array([[0.9, 0.1, 0.8], [0.0, 1.0, -1.0]])
    layers = forward_rows(batch, [W_a, W_b])
    assert [a.shape for a in layers] == [(2, 3), (2, 3), (2, 2)]
    for row, expected in zip(batch, layers[2]):
        assert forward_pass([W_a, W_b], row)[1][2] == pytest.approx(expected)


def test_forward_rows_bias_is_ngs_bias_unit():
    W = np.array([[1.0, 2.0], [-1.0, 0.5]])
    b = np.array([0.5, -0.25])
    x = np.array([0.2, -0.4])
    # Ng: Theta = [b | W] of size s2 x (s1 + 1) acting on [1, x1, x2]
    expected = [sig(0.5 + 1.0 * 0.2 + 2.0 * -0.4), sig(-0.25 - 1.0 * 0.2 + 0.5 * -0.4)]
    assert forward_rows(x, [W], [b])[1] == pytest.approx(expected)


def test_forward_rows_bad_input_names_the_argument():
    with pytest.raises(ValueError, match="X must have 2 columns"):
        forward_rows(np.ones((4, 3)), [W2])
    with pytest.raises(ValueError, match="biases must be a list of 1"):
        forward_rows(np.ones((4, 2)), [W2], biases=[np.zeros(2), np.zeros(2)])
    with pytest.raises(ValueError, match=r"biases\[0\] must have shape \(2\)"):
        forward_rows(np.ones((4, 2)), [W2], biases=[np.zeros(3)])


def test_draw_signals_readout_names_values_and_outputs():
    fig = Figure()
    text = draw_signals(fig, w11=0.5, w12=-1.0, w21=1.5, w22=0.25, input1=0.4, input2=-0.2)
    x1, x2 = 0.4 * 0.5 + -0.2 * 1.5, 0.4 * -1.0 + -0.2 * 0.25
    assert "w11=0.50 w12=-1.00 w21=1.50 w22=0.25" in text
    assert "I=(0.40, -0.20)" in text
    assert f"X=({x1:.4f}, {x2:.4f})" in text
    assert f"O=({sig(x1):.4f}, {sig(x2):.4f})" in text


def test_draw_signals_default_is_the_slides_example():
    assert draw_signals(Figure()).endswith("X=(1.0500, 0.6000) O=(0.7408, 0.6457)")


def test_draw_signals_draws_links_by_weight_and_points_on_the_sigmoid():
    fig = Figure()
    draw_signals(fig, w11=2.0, w12=0.1, w21=-0.5, w22=1.0, input1=1.0, input2=1.0)
    ax_net, ax_sig = fig.axes
    widths = sorted(line.get_linewidth() for line in ax_net.lines)
    assert len(widths) == 4 and widths[-1] > widths[-2] > widths[1] > widths[0]
    colours = {line.get_color() for line in ax_net.lines}
    assert colours == {nh.COLORS["positive"], nh.COLORS["negative"]}      # one link is negative
    node_texts = {t.get_text() for t in ax_net.texts}
    assert {"w11=2.00", "w21=-0.50", f"{sig(1.5):.4f}", f"{sig(1.1):.4f}"} <= node_texts
    points = [np.asarray(c.get_offsets()).ravel().tolist()
              for c in ax_sig.collections if isinstance(c, PathCollection)]
    assert np.allclose(points, [[1.5, sig(1.5)], [1.1, sig(1.1)]])


def test_signals_explorer_updates_when_a_slider_moves():
    ex = signals_explorer()
    assert list(ex.controls) == ["w11", "w12", "w21", "w22", "input1", "input2"]
    assert "O=(0.7408, 0.6457)" in ex.readout.value
    ex.controls["w11"].value = 0.0
    assert f"X=(0.1500, 0.6000) O=({sig(0.15):.4f}, 0.6457)" in ex.readout.value
    assert ex.image.value[:4] == b"\x89PNG"


@pytest.mark.parametrize("kwargs, message", [
    ({"w11": "0.9"}, "w11 must be a number"),
    ({"w22": float("nan")}, "w22 must be finite"),
    ({"input2": None}, "input2 must be a number"),
])
def test_draw_signals_bad_slider_value_names_it(kwargs, message):
    with pytest.raises((TypeError, ValueError), match=message):
        draw_signals(Figure(), **kwargs)


def test_signals_explorer_redraws_only_what_moves():
    ex = signals_explorer()
    scene = ex.fig.scene
    ex.controls["input2"].value = -0.5
    assert ex.fig.scene is scene                     # the same axes and artists, updated in place
    assert ex.fig.scene["points"][1].get_offsets()[0][0] == pytest.approx(0.2 * 1.0 + 0.8 * -0.5)

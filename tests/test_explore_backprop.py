"""Tests for nnhelpers.explore_backprop: splitting output errors, the Wᵀ shortcut, the exact
gradient, the comparison table, the explorer, and how they match NeuralNetwork's two rules.

Reference numbers: Rashid's worked figure (errors 0.8 and 0.5 over weights 2, 3, 1, 4 give hidden
errors 0.42 and 0.88), hand arithmetic, and a central finite difference for the gradient.
"""
import math

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

import nnhelpers as nh
from nnhelpers.explore_backprop import (compare_hidden_errors, draw_error_split, error_split_explorer,
                                        hidden_errors, hidden_gradient, split_shares)

W_HO = np.array([[2.0, 3.0], [1.0, 4.0]])     # row k = links into output k: [w1k, w2k]
E_OUT = np.array([0.8, 0.5])


def test_split_shares_three_to_one():
    assert split_shares([[3.0, 1.0]]).tolist() == [[0.75, 0.25]]
    assert split_shares([[3.0, 1.0]], "equal").tolist() == [[0.5, 0.5]]
    assert split_shares([[3.0, 1.0]], "transpose").tolist() == [[3.0, 1.0]]


def test_hidden_errors_book_example_by_hand():
    e_h1 = 0.8 * 2.0 / (2.0 + 3.0) + 0.5 * 1.0 / (1.0 + 4.0)
    e_h2 = 0.8 * 3.0 / (2.0 + 3.0) + 0.5 * 4.0 / (1.0 + 4.0)
    assert hidden_errors(W_HO, E_OUT) == pytest.approx([e_h1, e_h2])
    assert (e_h1, e_h2) == pytest.approx((0.42, 0.88))
    assert hidden_errors(W_HO, E_OUT, "equal") == pytest.approx([0.65, 0.65])
    assert hidden_errors(W_HO, E_OUT, "transpose") == pytest.approx([0.8 * 2 + 0.5 * 1, 0.8 * 3 + 0.5 * 4])


def test_hidden_errors_keep_the_total_error_when_split():
    W = np.array([[0.3, 0.7, 0.5], [0.6, 0.5, 0.2]])
    e = np.array([0.25, -0.4])
    for how in ("equal", "proportional"):
        assert hidden_errors(W, e, how).sum() == pytest.approx(e.sum())


def test_bad_arguments_name_the_problem():
    with pytest.raises(ValueError, match="sum to zero"):
        split_shares([[1.0, -1.0]])
    with pytest.raises(ValueError, match="how must be one of"):
        split_shares(W_HO, "average")
    with pytest.raises(ValueError, match="errors must hold 2 numbers"):
        hidden_errors(W_HO, [0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="targets must have shape"):
        hidden_gradient(W_HO, [0.5, 0.5], [1.0])
    with pytest.raises(TypeError, match="W must be numbers"):
        hidden_errors("weights", E_OUT)


def loss_of_hidden(W, o_hidden, t):
    o = [1.0 / (1.0 + math.exp(-z)) for z in W @ o_hidden]
    return 0.5 * sum((tk - ok) ** 2 for tk, ok in zip(t, o))


def test_hidden_gradient_matches_a_finite_difference():
    W = np.array([[0.3, 0.7, 0.5], [0.6, 0.5, 0.2], [0.8, 0.1, 0.9]])
    o_hidden = np.array([0.76, 0.60, 0.65])
    t = np.array([0.99, 0.01, 0.01])
    o_out = 1.0 / (1.0 + np.exp(-(W @ o_hidden)))
    eps = 1e-6
    numeric = [(loss_of_hidden(W, o_hidden + eps * d, t) - loss_of_hidden(W, o_hidden - eps * d, t))
               / (2 * eps) for d in np.eye(3)]
    assert hidden_gradient(W, o_out, t) == pytest.approx(numeric, rel=1e-7, abs=1e-10)


def test_compare_hidden_errors_columns_and_table():
    W = np.array([[0.3, 0.7, 0.5], [0.6, 0.5, 0.2], [0.8, 0.1, 0.9]])
    o, t = np.array([0.7, 0.6, 0.8]), np.array([0.99, 0.01, 0.01])
    table = compare_hidden_errors(W, o, t)
    assert list(table.columns) == ["equal", "proportional", "transpose", "gradient"]
    assert table.columns["transpose"] == pytest.approx(W.T @ (t - o))
    assert table.columns["gradient"] == pytest.approx(W.T @ ((t - o) * o * (1 - o)))
    cos = table.cosines()
    assert cos["gradient"] == pytest.approx(1.0)
    assert all(-1.0 <= c <= 1.0 + 1e-12 for c in cos.values())
    text = repr(table)
    assert "Wᵀ shortcut" in text and "−∂E/∂o_hidden" in text
    lines = text.splitlines()
    assert f"{table.columns['proportional'][2]:.4f}" in lines[3]
    assert lines[4].split()[1:] == [f"{np.linalg.norm(v):.4f}" for v in table.columns.values()]
    assert lines[5].split()[3:] == [f"{c:.4f}" for c in cos.values()]


def test_neural_network_rules_carry_back_the_shortcut_and_the_gradient():
    I = np.array([0.9, 0.1, 0.8])
    W_ih = np.array([[0.9, 0.3, 0.4], [0.2, 0.8, 0.2], [0.1, 0.5, 0.6]])
    W_ho = np.array([[0.3, 0.7, 0.5], [0.6, 0.5, 0.2], [0.8, 0.1, 0.9]])
    t = np.array([0.99, 0.01, 0.01])
    _, (_, H, O) = nh.forward_pass([W_ih, W_ho], I)
    table = compare_hidden_errors(W_ho, O, t)
    for rule, column in (("book", "transpose"), ("gradient", "gradient")):
        net = nh.NeuralNetwork(3, 3, 3, 0.3, rng=np.random.default_rng(0), rule=rule)
        net.wih, net.who = W_ih.copy(), W_ho.copy()
        d_wih, _ = net.weight_updates(I, t)
        expected = 0.3 * np.outer(table.columns[column] * H * (1 - H), I)
        assert d_wih == pytest.approx(expected, rel=1e-12)


def test_draw_error_split_readout_for_each_split():
    assert draw_error_split(Figure()).endswith("(proportional) → e_hidden=(0.4200, 0.8800)")
    text = draw_error_split(Figure(), w11=1.0, w21=1.0, w12=3.0, w22=1.0, e1=0.2, e2=-0.4, how="equal")
    assert text == ("w11=1.00 w21=1.00 w12=3.00 w22=1.00 e1=0.20 e2=-0.40 (equal) "
                    "→ e_hidden=(-0.1000, -0.1000)")
    text = draw_error_split(Figure(), w11=1.0, w21=1.0, w12=3.0, w22=1.0, e1=0.2, e2=-0.4, how="transpose")
    assert text.endswith(f"e_hidden=({0.2 * 1.0 - 0.4 * 3.0:.4f}, {0.2 * 1.0 - 0.4 * 1.0:.4f})")


def test_draw_error_split_draws_the_pieces_on_links_and_bars():
    fig = Figure()
    draw_error_split(fig, w11=3.0, w21=1.0, w12=1.0, w22=1.0, e1=0.8, e2=0.4)
    ax_net, ax_bar = fig.axes
    assert len(ax_net.lines) == 8                        # 4 links and the 4 bars on them
    flows = ax_net.lines[4:]                             # into output 1 from hidden 1, 2; into output 2 ...
    lengths = [np.hypot(*np.ptp(np.array(f.get_data()), axis=1)) / np.hypot(*np.ptp(np.array(link.get_data()), axis=1))
               for f, link in zip(flows, ax_net.lines[:4])]
    assert lengths == pytest.approx([0.55 * 0.6 / 0.8, 0.55 * 0.2 / 0.8, 0.55 * 0.2 / 0.8, 0.55 * 0.2 / 0.8])
    assert lengths[0] + lengths[1] == pytest.approx(0.55)                 # the pieces of e1 add up to e1
    assert [f.get_linestyle() for f in flows] == ["-"] * 4
    labels = " | ".join(t.get_text() for t in ax_net.texts)
    for piece in ("w11=3.00 ← 0.6000", "w21=1.00 ← 0.2000", "w12=1.00 ← 0.2000", "w22=1.00 ← 0.2000"):
        assert piece in labels
    heights = [p.get_height() for p in ax_bar.patches if isinstance(p, Rectangle)]
    assert heights == pytest.approx([0.6, 0.2, 0.2, 0.2, 0.8, 0.4])   # from e1, from e2, total
    draw_error_split(fig, w11=3.0, w21=1.0, w12=1.0, w22=1.0, e1=0.8, e2=-0.4)
    assert [f.get_linestyle() for f in flows] == ["-", "-", "--", "--"]   # negative pieces are dashed


def test_error_split_explorer_follows_its_controls():
    ex = error_split_explorer()
    assert list(ex.controls) == ["w11", "w21", "w12", "w22", "e1", "e2", "how"]
    assert "e_hidden=(0.4200, 0.8800)" in ex.readout.value
    ex.controls["how"].value = "transpose"
    assert "e_hidden=(2.1000, 4.4000)" in ex.readout.value
    ex.controls["e2"].value = 0.0
    assert "e_hidden=(1.6000, 2.4000)" in ex.readout.value

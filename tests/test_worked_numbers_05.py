"""The worked numbers of notebook 05 (COURSE.md), computed through nnhelpers.

References: the slides' worked weight update (2.3, 0.909, −0.0265, 2.00265)
and the output printed in Udacity's backpropagation exercise.
"""
import numpy as np
import pytest

import nnhelpers as nh

ALPHA, E1, W11, W21, O1, O2 = 0.1, 0.8, 2.0, 3.0, 0.4, 0.5


def worked_slope(out_term):
    """−e1 · out_term · o1, the slope of the slides' worked example."""
    return -E1 * out_term * O1


def test_worked_weight_update_matches_the_slides():
    x = W11 * O1 + W21 * O2
    o = float(nh.sigmoid(x))
    slope = worked_slope(o * (1 - o))
    new_w11 = W11 - ALPHA * slope
    assert x == pytest.approx(2.3)
    assert round(o, 3) == 0.909
    assert round(slope, 4) == -0.0265
    assert round(new_w11, 5) == 2.00265


def test_worked_slope_is_the_true_derivative_of_half_squared_error():
    # the error 0.8 = t − o fixes the target t; differentiate ½(t − σ(w11·o1 + w21·o2))² in w11
    t = float(nh.sigmoid(2.3)) + E1
    w11 = np.array([W11])
    E = lambda: 0.5 * (t - float(nh.sigmoid(w11[0] * O1 + W21 * O2))) ** 2
    numeric = float(nh.numerical_gradient(E, w11)[0])
    o = float(nh.sigmoid(2.3))
    assert numeric == pytest.approx(worked_slope(o * (1 - o)), rel=1e-8)


def test_the_slides_literal_formula_sigmoid_of_o_k_gives_another_number():
    o = float(nh.sigmoid(2.3))
    s = float(nh.sigmoid(o))                          # sigmoid applied a second time
    literal = W11 - ALPHA * worked_slope(s * (1 - s))
    assert round(literal, 5) != 2.00265
    assert s == pytest.approx(0.71277, abs=1e-5)      # σ(σ(2.3)) = σ(0.90887)
    assert literal == pytest.approx(2.00655, abs=1e-5)   # 2.0 + 0.1 · 0.8 · 0.2047 · 0.4, not 2.00265


def test_matrix_form_equals_the_book_network_output_update():
    # hidden outputs o = (0.4, 0.5) made exact with one input of 1.0 and wih = logit(o)
    net = nh.NeuralNetwork(1, 2, 2, ALPHA, rng=np.random.default_rng(0), rule="gradient")
    net.wih = nh.logit(np.array([[O1], [O2]]))
    net.who = np.array([[W11, W21], [1.0, 4.0]])
    O = nh.sigmoid(net.who @ np.array([O1, O2]))
    errors = np.array([E1, 0.5])
    d_who = net.weight_updates([1.0], O + errors)[1]
    expected = ALPHA * np.outer(errors * O * (1 - O), [O1, O2])
    np.testing.assert_allclose(d_who, expected, rtol=1e-12)
    assert round(float(d_who[0, 0]), 5) == 0.00265


def udacity_network():
    net = nh.NeuralNetwork(3, 2, 1, 0.5, rng=np.random.default_rng(0), rule="gradient")
    net.wih = np.array([[0.5, -0.6], [0.1, -0.2], [0.1, 0.7]]).T     # (hidden, input)
    net.who = np.array([[0.1, -0.3]])                                  # (output, hidden)
    return net, np.array([0.5, 0.1, -0.2]), np.array([0.6])


def test_udacity_example_matches_its_printed_output():
    net, x, t = udacity_network()
    d_wih, d_who = net.weight_updates(x, t)
    h = nh.sigmoid(net.wih @ x)
    o = float(nh.sigmoid(net.who @ h)[0])
    assert (0.6 - o) * o * (1 - o) == pytest.approx(0.028730669543515018, rel=1e-14)
    np.testing.assert_allclose(d_who.ravel(), [0.00804047, 0.00555918], atol=5e-9)
    np.testing.assert_allclose(d_wih.T, [[1.77005547e-04, -5.11178506e-04],
                                         [3.54011093e-05, -1.02235701e-04],
                                         [-7.08022187e-05, 2.04471402e-04]], rtol=1e-8)


def random_network(rule):
    rng = np.random.default_rng(5)
    net = nh.NeuralNetwork(3, 4, 2, 0.3, rng=rng, rule=rule)
    return net, rng.uniform(0.01, 1.0, 3), np.array([0.01, 0.99])


def test_gradient_rule_is_minus_lr_times_the_numerical_gradient():
    net, x, t = random_network("gradient")
    updates = net.weight_updates(x, t)
    numeric = nh.numerical_gradient(lambda: net.loss(x, t), [net.wih, net.who])
    assert nh.relative_error(list(updates), [-net.lr * g for g in numeric]) < 1e-7


def test_book_rule_differs_only_in_the_hidden_layer():
    net, x, t = random_network("book")
    d_wih, d_who = net.weight_updates(x, t)
    true_wih, true_who = (-net.lr * g for g in
                          nh.numerical_gradient(lambda: net.loss(x, t), [net.wih, net.who]))
    assert nh.relative_error(d_who, true_who) < 1e-7
    assert nh.relative_error(d_wih, true_wih) > 0.1


def test_mse_is_half_the_mean_squared_error():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(7, 2)), rng.uniform(size=7)
    net = nh.MLP([2, 1], rng=rng)
    y_hat = net.forward(X)[:, 0]
    assert net.loss(X, y) == pytest.approx(np.sum((y - y_hat) ** 2) / (2 * 7), rel=1e-12)

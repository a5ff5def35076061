"""The worked numbers of notebooks 03 and 04 (COURSE.md, from the seed notes), computed through nnhelpers.

Each expected value is the one the notes print; where they print a rounded figure, the test
rounds the same way and says which route (full precision or rounded first) gives it.
"""
import numpy as np
import pytest

import nnhelpers as nh

I3 = np.array([0.9, 0.1, 0.8])
W_IH = np.array([[0.9, 0.3, 0.4], [0.2, 0.8, 0.2], [0.1, 0.5, 0.6]])
W_HO = np.array([[0.3, 0.7, 0.5], [0.6, 0.5, 0.2], [0.8, 0.1, 0.9]])


def test_two_layer_two_node_example():
    W = np.array([[0.9, 0.3], [0.2, 0.8]])            # w11 = 0.9, w21 = 0.3 | w12 = 0.2, w22 = 0.8
    (X,), (_, O) = nh.forward_pass([W], [1.0, 0.5])
    assert X == pytest.approx([1.05, 0.6])
    assert np.round(O, 4).tolist() == [0.7408, 0.6457]
    assert np.round(np.exp(-X), 4).tolist() == [0.3499, 0.5488]   # the notes' 1 / (1 + 0.3499)


def test_three_layer_example_at_full_precision():
    (X_hidden, X_output), (_, O_hidden, O_output) = nh.forward_pass([W_IH, W_HO], I3)
    assert X_hidden == pytest.approx([1.16, 0.42, 0.62])
    assert np.round(O_hidden, 3).tolist() == [0.761, 0.603, 0.650]
    assert np.round(X_output, 3).tolist() == [0.976, 0.889, 1.255]
    assert np.round(O_output, 3).tolist() == [0.726, 0.709, 0.778]
    net = nh.NeuralNetwork(3, 3, 3, 0.1, rng=np.random.default_rng(0))
    net.wih, net.who = W_IH.copy(), W_HO.copy()
    assert net.query(I3) == pytest.approx(O_output, rel=1e-12)


def test_three_layer_example_as_the_slides_round_it():
    """The slides copy O_hidden to three places before using it: 0.975 / 0.888 / 1.254 and 0.708."""
    (_, X_output), (_, O_hidden, O_output) = nh.forward_pass([W_IH, W_HO], I3, decimals=3)
    assert O_hidden.tolist() == [0.761, 0.603, 0.650]
    assert np.round(X_output, 3).tolist() == [0.975, 0.888, 1.254]
    assert O_output.tolist() == [0.726, 0.708, 0.778]
    assert W_HO @ np.array([0.761, 0.603, 0.650]) == pytest.approx(X_output)


def test_seed_42_row_convention_example_exactly_as_the_notes_draw_it():
    state = np.random.get_state()
    try:
        np.random.seed(42)
        X = np.random.randn(4)
        weights_input_to_hidden = np.random.normal(0, scale=0.1, size=(4, 3))
        weights_hidden_to_output = np.random.normal(0, scale=0.1, size=(3, 2))
    finally:
        np.random.set_state(state)
    _, hidden, output = nh.forward_rows(X, [weights_input_to_hidden.T, weights_hidden_to_output.T])
    assert hidden == pytest.approx([0.41492192, 0.42604313, 0.5002434], abs=5e-9)
    assert output == pytest.approx([0.49815196, 0.48539772], abs=5e-9)


def test_error_split_three_quarters_and_one_quarter():
    assert nh.split_shares([[3.0, 1.0]]).tolist() == [[0.75, 0.25]]


def test_errors_through_two_layers_of_the_worked_figure():
    e_hidden = nh.hidden_errors([[2.0, 3.0], [1.0, 4.0]], [0.8, 0.5])
    assert e_hidden == pytest.approx([0.42, 0.88])
    assert nh.hidden_errors([[3.0, 2.0], [1.0, 7.0]], e_hidden) == pytest.approx([0.362, 0.938])

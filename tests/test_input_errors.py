"""Bad input gets an error that names the argument and the problem: cases not covered elsewhere."""
import numpy as np
import pytest

import nnhelpers as nh
from nnhelpers.plotting import new_figure

NET = nh.MLP([2, 2], output="softmax", rng=np.random.default_rng(0))
X4, Y4 = np.zeros((4, 2)), np.array([0, 1, 0, 1])


def axes():
    return new_figure().add_subplot()


CASES = [
    (lambda: NET.fit(X4, Y4, 1, 2, 0.1, callback=3), TypeError, "callback must be a function"),
    (lambda: NET.fit(X4, Y4, 1, 2, 0.1, augment="shift"), TypeError, "augment must be a function"),
    (lambda: NET.fit(X4, Y4, 1, 2, 0.1, augment=lambda Xb, rng: Xb[:, :1]), ValueError,
     r"augment\(X_batch\) must have shape \(2, 2\), got shape \(2, 1\)"),
    (lambda: NET.fit(X4, Y4, 1, 2, lambda epoch: 0.0), ValueError, r"lr\(0\) must be greater than 0"),
    (lambda: nh.softmax_prime(np.zeros((2, 2))), ValueError, "z must be 1-D"),
    (lambda: nh.step([1.0, 2.0], threshold="a"), TypeError, "threshold must be a number"),
    (lambda: nh.digit_targets([3], low=np.nan), ValueError, "low must be finite"),
    (lambda: nh.show_digits(np.zeros((3, 28, 28)), titles=["a"]), ValueError, r"one entry per image \(3\)"),
    (lambda: nh.show_digits(np.zeros((3, 28, 28)), ncols=0), ValueError, "ncols must be at least 1"),
    (lambda: nh.draw_network(np.eye(2), axes()), TypeError, "weights must be a non-empty list"),
    (lambda: nh.draw_network([np.eye(2), np.ones((2, 3))], axes()), ValueError,
     r"weights\[1\] must have 2 columns"),
    (lambda: nh.query_all("net", np.zeros((2, 784))), TypeError, "net must be an nh.NeuralNetwork"),
    (lambda: nh.svd_explorer(np.zeros(5)), ValueError, "image must be 2-D"),
    (lambda: nh.compare_hidden_errors([[2, 3], [1, 4]], [0.5, 0.5, 0.5], [0.5, 0.5]), ValueError,
     "errors must hold 2 numbers"),
    (lambda: nh.gradient_descent_1d(lambda w: np.nan, 0.0, 0.1, 3), ValueError, r"slope\(w\) must be finite"),
    (lambda: nh.PlaygroundModel().predict_proba(np.zeros((2, 3))), ValueError,
     r"X must have shape \(any, 2\), got shape \(2, 3\)"),
    (lambda: nh.plot_decision_boundary(lambda P: P[:, 0], np.zeros((5, 2)), np.zeros(4, int), axes()),
     ValueError, "X and y must have the same number of rows, got 5 and 4"),
    (lambda: nh.plot_decision_boundary(lambda P: P[:, 0], np.zeros((5, 3)), np.zeros(5, int), axes()),
     ValueError, r"X must have shape \(any, 2\)"),
    (lambda: nh.plot_decision_boundary(lambda P: P[:3, 0], np.zeros((5, 2)), np.zeros(5, int), axes()),
     ValueError, "predict must return one score per point"),
    (lambda: nh.plot_decision_boundary(lambda P: P[:, 0], np.zeros((3, 2)), np.array([0, 1, 2]), axes()),
     ValueError, "y must be below 2"),
]


@pytest.mark.parametrize("call, error, words", CASES, ids=[w[:40] for _, _, w in CASES])
def test_bad_input_names_the_problem(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_plot_decision_boundary_returns_the_scores_it_shades():
    X = np.array([[-1.0, -1.0], [1.0, 1.0], [0.5, -0.5]])
    y = np.array([0, 1, 1])
    scores = nh.plot_decision_boundary(lambda P: 1 / (1 + np.exp(-4 * P[:, 0])), X, y, axes(),
                                       resolution=5, margin=0.0)
    x_grid = np.linspace(-1.0, 1.0, 5)                       # the grid spans X's range, 5 × 5
    np.testing.assert_allclose(scores, np.tile(1 / (1 + np.exp(-4 * x_grid)), (5, 1)))


def test_softmax_with_a_tiny_temperature_is_one_hot_without_warnings():
    np.testing.assert_array_equal(nh.softmax([1.0, 2.0], temperature=1e-308), [0.0, 1.0])
    np.testing.assert_array_equal(nh.softmax([[1.0, 1.0], [0.0, 5.0]], temperature=1e-300),
                                  [[0.5, 0.5], [0.0, 1.0]])


def test_cosine_to_a_zero_gradient_is_nan_not_a_warning():
    table = nh.compare_hidden_errors([[2.0, 3.0], [1.0, 4.0]], [0.5, 0.5], [0.5, 0.5])
    assert all(np.isnan(c) for c in table.cosines().values())
    assert "nan" in repr(table)


@pytest.mark.parametrize("call, words", [
    (lambda: nh.gradient_descent_fit(np.zeros((5, 2)), np.ones(5), 3), "Phi is all zeros"),
    (lambda: nh.gradient_descent_fit(nh.design_matrix(np.linspace(0, 1, 10), 3), np.ones(10), 3, lr=10.0),
     r"lr = 10 diverges here: gradient descent needs lr < 2 / L = 0\.1286"),
    (lambda: nh.draw_polyfit(new_figure(), 3, 10, 800.0, False), "ln_lambda must be at most 700"),
    (lambda: nh.draw_svd(new_figure(), 1, np.zeros((6, 6))), "image is all zeros"),
])
def test_inputs_that_would_overflow_or_divide_by_zero_are_refused(call, words):
    with pytest.raises(ValueError, match=words):
        call()

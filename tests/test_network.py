"""The book's three-layer NeuralNetwork: worked numbers, both training rules, bad input."""
import numpy as np
import pytest

import nnhelpers as nh

W_IH = np.array([[0.9, 0.3, 0.4], [0.2, 0.8, 0.2], [0.1, 0.5, 0.6]])
W_HO = np.array([[0.3, 0.7, 0.5], [0.6, 0.5, 0.2], [0.8, 0.1, 0.9]])
I = np.array([0.9, 0.1, 0.8])


def book_network(rule="book", lr=0.3):
    net = nh.NeuralNetwork(3, 3, 3, lr, rng=np.random.default_rng(0), rule=rule)
    net.wih, net.who = W_IH.copy(), W_HO.copy()
    return net


def test_three_layer_worked_example():
    """COURSE.md notebook 03: outputs (0.726, 0.708/0.709, 0.778)."""
    net = book_network()
    np.testing.assert_allclose(W_IH @ I, [1.16, 0.42, 0.62])
    o_hidden = 1 / (1 + np.exp(-(W_IH @ I)))
    np.testing.assert_allclose(o_hidden, [0.761, 0.603, 0.650], atol=5e-4)
    np.testing.assert_allclose(W_HO @ o_hidden, [0.976, 0.889, 1.255], atol=5e-4)
    np.testing.assert_allclose(W_HO @ np.round(o_hidden, 3), [0.975, 0.888, 1.254], atol=5e-4)
    np.testing.assert_allclose(net.query(I), [0.726, 0.709, 0.778], atol=5e-4)


def test_two_by_two_example():
    net = nh.NeuralNetwork(2, 2, 2, 0.1)
    W = np.array([[0.9, 0.3], [0.2, 0.8]])
    x = W @ np.array([1.0, 0.5])
    np.testing.assert_allclose(x, [1.05, 0.6])
    np.testing.assert_allclose(nh.sigmoid(x), [0.7408, 0.6457], atol=5e-5)
    net.wih, net.who = np.eye(2), W.copy()       # hidden = sigmoid(I) first, then the 2 × 2 layer
    h = 1 / (1 + np.exp(-np.array([1.0, 0.5])))
    o = 1 / (1 + np.exp(-(W @ h)))
    np.testing.assert_allclose(net.query([1.0, 0.5]), o, rtol=1e-12)


def test_initial_weights_shapes_scale_and_seed():
    net = nh.NeuralNetwork(400, 300, 10, 0.1, rng=np.random.default_rng(5))
    assert net.wih.shape == (300, 400) and net.who.shape == (10, 300)
    assert abs(net.wih.std() - 400 ** -0.5) < 0.002
    same = nh.NeuralNetwork(400, 300, 10, 0.1, rng=np.random.default_rng(5))
    np.testing.assert_array_equal(net.who, same.who)


def test_book_rule_matches_the_slides_formulas():
    net = book_network("book", lr=0.3)
    t = np.array([0.01, 0.99, 0.5])
    h = nh.sigmoid(W_IH @ I)
    o = nh.sigmoid(W_HO @ h)
    e_out = t - o
    e_hidden = W_HO.T @ e_out                     # raw errors back through who.T
    d_who = 0.3 * np.outer(e_out * o * (1 - o), h)
    d_wih = 0.3 * np.outer(e_hidden * h * (1 - h), I)
    net.train(I, t)
    np.testing.assert_allclose(net.who, W_HO + d_who, rtol=1e-14)
    np.testing.assert_allclose(net.wih, W_IH + d_wih, rtol=1e-14)


@pytest.mark.parametrize("shape", [(3, 4, 2), (5, 3, 4)])
def test_gradient_rule_is_exact_gradient_descent(shape):
    rng = np.random.default_rng(11)
    net = nh.NeuralNetwork(*shape, 0.25, rng=rng, rule="gradient")
    x, t = rng.uniform(0, 1, shape[0]), rng.uniform(0.01, 0.99, shape[2])
    g_ih, g_ho = nh.numerical_gradient(lambda: net.loss(x, t), [net.wih, net.who])
    d_ih, d_ho = net.weight_updates(x, t)
    assert nh.relative_error([d_ih, d_ho], [-0.25 * g_ih, -0.25 * g_ho]) < 1e-7


def test_book_rule_differs_from_gradient_in_hidden_layer_only():
    rng = np.random.default_rng(2)
    book = nh.NeuralNetwork(3, 4, 2, 0.5, rng=np.random.default_rng(1), rule="book")
    grad = nh.NeuralNetwork(3, 4, 2, 0.5, rng=np.random.default_rng(1), rule="gradient")
    x, t = rng.uniform(size=3), rng.uniform(0.1, 0.9, 2)
    (b_ih, b_ho), (g_ih, g_ho) = book.weight_updates(x, t), grad.weight_updates(x, t)
    np.testing.assert_allclose(b_ho, g_ho)
    assert nh.relative_error(b_ih, g_ih) > 0.1


def test_training_reduces_loss_and_returns_it():
    net = nh.NeuralNetwork(2, 4, 1, 0.5, rng=np.random.default_rng(0), rule="gradient")
    before = net.loss([1.0, 0.0], [0.9])
    assert net.train([1.0, 0.0], [0.9]) == pytest.approx(before)
    assert net.loss([1.0, 0.0], [0.9]) < before


def test_backquery_by_hand_on_a_small_network():
    # backwards: logit of the targets through who.T, rescaled to [0.01, 0.99], then the same through wih.T
    net = nh.NeuralNetwork(3, 3, 2, 0.1)
    net.wih = np.array([[1.0, 2.0, -1.0], [3.0, -1.0, 0.5], [0.0, 1.0, 1.0]])
    net.who = np.array([[0.5, -1.0, 2.0], [2.0, 1.0, -0.5]])
    t = np.array([0.2, 0.7])
    hidden_in = net.who.T @ np.log(t / (1 - t))
    np.testing.assert_allclose(hidden_in, [1.0014, 2.2336, -3.1962], atol=1e-4)   # by hand
    hidden = 0.01 + 0.98 * (hidden_in - hidden_in.min()) / (hidden_in.max() - hidden_in.min())
    signal = net.wih.T @ np.log(hidden / (1 - hidden))
    expected = 0.01 + 0.98 * (signal - signal.min()) / (signal.max() - signal.min())
    np.testing.assert_allclose(net.backquery(t), expected, rtol=1e-12)
    assert 0.01 < expected[2] < 0.99                 # three pixels: the last one is not pinned to an end


def test_backquery_shape_and_range():
    net = nh.NeuralNetwork(784, 20, 10, 0.1, rng=np.random.default_rng(0))
    image = net.backquery(np.where(np.arange(10) == 3, 0.99, 0.01))
    assert image.shape == (784,)
    assert image.min() == pytest.approx(0.01) and image.max() == pytest.approx(0.99)
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        net.backquery(np.eye(10)[3])


@pytest.mark.parametrize("args, error, words", [
    ((0, 3, 3, 0.1), ValueError, "input_nodes must be at least 1"),
    ((3, 2.5, 3, 0.1), TypeError, "hidden_nodes must be a whole number"),
    ((3, 3, 3, -0.1), ValueError, "learning_rate must be greater than 0"),
    ((3, 3, 3, float("nan")), ValueError, "learning_rate must be finite"),
    ((3, 3, 3, "fast"), TypeError, "learning_rate must be a number"),
])
def test_constructor_rejects_bad_arguments(args, error, words):
    with pytest.raises(error, match=words):
        nh.NeuralNetwork(*args)


def test_rejects_unknown_rule_bad_rng_and_bad_inputs():
    with pytest.raises(ValueError, match=r"rule must be one of \['book', 'gradient'\], got 'exact'"):
        nh.NeuralNetwork(2, 2, 2, 0.1, rule="exact")
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        nh.NeuralNetwork(2, 2, 2, 0.1, rng=42)
    net = nh.NeuralNetwork(3, 2, 2, 0.1)
    with pytest.raises(ValueError, match=r"inputs must hold 3 numbers \(one per node\), got shape \(4,\)"):
        net.query([1, 2, 3, 4])
    with pytest.raises(ValueError, match="inputs must be finite"):
        net.query([1, np.nan, 3])
    with pytest.raises(ValueError, match="targets must hold 2 numbers"):
        net.train([1, 2, 3], [0.5])


def test_query_batch_gives_query_for_every_row():
    net = nh.NeuralNetwork(4, 3, 2, 0.1, rng=np.random.default_rng(2))
    X = np.random.default_rng(3).uniform(0.01, 1.0, (5, 4))
    np.testing.assert_allclose(net.query_batch(X), [net.query(x) for x in X], rtol=1e-12)
    with pytest.raises(ValueError, match=r"X must have shape \(any, 4\)"):
        net.query_batch(X[:, :3])

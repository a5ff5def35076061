"""MLP: gradients against finite differences for every configuration, training, files."""
import itertools
import pickle

import numpy as np
import pytest

import nnhelpers as nh

CONFIGS = list(itertools.product(["sigmoid", "tanh", "relu"],
                                 [("sigmoid", "mse"), ("sigmoid", "cross_entropy"),
                                  ("softmax", "mse"), ("softmax", "cross_entropy")],
                                 [0.0, 0.3]))


@pytest.mark.parametrize("hidden, out_loss, l2", CONFIGS)
def test_gradients_match_numerical_gradient(hidden, out_loss, l2):
    output, loss = out_loss
    rng = np.random.default_rng(7)
    net = nh.MLP([3, 5, 4, 3], hidden_activation=hidden, output=output, loss=loss, rng=rng)
    for b in net.biases:
        b[...] = rng.normal(0, 0.1, b.shape)
    X = rng.normal(size=(6, 3))
    X[np.abs(X) < 0.05] = 0.3        # keep ReLU kinks away from the finite-difference steps
    y = np.array([0, 1, 2, 2, 1, 0]) if output == "softmax" else rng.uniform(0.05, 0.95, (6, 3))
    grads = net.gradients(X, y, l2=l2)
    numeric = nh.numerical_gradient(lambda: net.loss(X, y, l2=l2), net.weights + net.biases)
    analytic = [g for g, _ in grads] + [g for _, g in grads]
    assert nh.relative_error(analytic, numeric) < 1e-7


def test_shapes_and_row_convention():
    net = nh.MLP([4, 3, 2], rng=np.random.default_rng(0))
    assert [W.shape for W in net.weights] == [(3, 4), (2, 3)]
    assert [b.shape for b in net.biases] == [(3,), (2,)]
    X = np.random.default_rng(1).normal(size=(5, 4))
    out = net.forward(X)
    manual = nh.sigmoid(nh.sigmoid(X @ net.weights[0].T) @ net.weights[1].T)
    np.testing.assert_allclose(out, manual)
    np.testing.assert_allclose(net.forward(X[0]), manual[0])


def test_loss_definitions():
    net = nh.MLP([2, 2], output="softmax", loss="cross_entropy", rng=np.random.default_rng(0))
    X, y = np.array([[0.3, -0.2], [1.0, 0.5]]), np.array([1, 0])
    p = net.forward(X)
    expected = -np.mean(np.log(p[[0, 1], [1, 0]])) + 0.5 * 0.1 * np.sum(net.weights[0] ** 2)
    assert net.loss(X, y, l2=0.1) == pytest.approx(expected, rel=1e-12)
    mse = nh.MLP([2, 1], rng=np.random.default_rng(0))
    t = np.array([0.2, 0.9])
    assert mse.loss(X, t) == pytest.approx(0.5 * np.mean((mse.forward(X)[:, 0] - t) ** 2), rel=1e-12)


@pytest.mark.parametrize("init, scale", [("normal", 1 / np.sqrt(400)), ("he", np.sqrt(2 / 400)),
                                         ("xavier", np.sqrt(2 / 700))])
def test_initialisation_scales(init, scale):
    net = nh.MLP([400, 300], init=init, rng=np.random.default_rng(0))
    assert net.weights[0].std() == pytest.approx(scale, rel=0.02)


def test_uniform_init_bounds():
    net = nh.MLP([10, 20], init="uniform", rng=np.random.default_rng(0))
    eps = np.sqrt(6) / np.sqrt(30)
    assert np.abs(net.weights[0]).max() <= eps and np.abs(net.weights[0]).max() > 0.9 * eps


def test_fit_learns_xor_and_is_deterministic():
    X, y = nh.make_xor(200, noise=0.05, rng=np.random.default_rng(0))
    def run():
        net = nh.MLP([2, 8, 2], hidden_activation="tanh", output="softmax", loss="cross_entropy",
                     rng=np.random.default_rng(1))
        hist = net.fit(X, y, epochs=60, batch_size=16, lr=0.5, momentum=0.9,
                       rng=np.random.default_rng(2), validation=(X, y))
        return net, hist
    net, hist = run()
    assert hist["loss"][-1] < 0.3 * hist["loss"][0]
    assert net.evaluate(X, y) > 0.95
    assert set(hist) == {"loss", "accuracy", "val_loss", "val_accuracy"} and len(hist["loss"]) == 60
    assert run()[1]["loss"] == hist["loss"]


def test_fit_float_targets_float32_and_lr_schedule():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (64, 1))
    t = 0.5 + 0.4 * np.sin(3 * X[:, 0])
    net = nh.MLP([1, 10, 1], hidden_activation="tanh", dtype="float32", rng=rng)
    hist = net.fit(X, t, epochs=100, batch_size=8, lr=lambda epoch: 1.0 / (1 + epoch / 50))
    assert net.weights[0].dtype == np.float32
    assert set(hist) == {"loss"} and hist["loss"][-1] < hist["loss"][0] / 3


def test_augment_is_called_on_batches():
    calls = []
    def augment(Xb, rng):
        calls.append(len(Xb))
        return Xb
    net = nh.MLP([2, 2], output="softmax", rng=np.random.default_rng(0))
    net.fit(np.zeros((10, 2)), np.arange(10) % 2, epochs=1, batch_size=4, lr=0.1, augment=augment)
    assert calls == [4, 4, 2]


def test_predict_and_evaluate_with_weights_set_by_hand():
    # softmax over scores (x1, x2, 0): class = which of x1, x2, 0 is largest
    net = nh.MLP([2, 3], output="softmax", rng=np.random.default_rng(0))
    net.weights[0][...] = [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]
    net.biases[0][...] = 0.0
    X = np.array([[2.0, 1.0], [0.5, 3.0], [-1.0, -2.0], [1.0, -1.0], [-3.0, 0.5], [0.2, 0.1], [-0.5, -0.1]])
    np.testing.assert_array_equal(net.predict(X), [0, 1, 2, 0, 1, 0, 2])
    assert net.evaluate(X, np.array([0, 1, 2, 1, 0, 2, 0])) == pytest.approx(3 / 7)
    # one sigmoid output: class 1 where x1 - x2 > 0
    binary = nh.MLP([2, 1], rng=np.random.default_rng(0))
    binary.weights[0][...] = [[1.0, -1.0]]
    binary.biases[0][...] = 0.0
    np.testing.assert_array_equal(binary.predict(X), [1, 0, 1, 1, 0, 1, 0])
    assert binary.evaluate(X, np.array([1, 1, 1, 1, 1, 1, 1])) == pytest.approx(4 / 7)


def test_one_full_batch_epoch_is_one_gradient_step():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(8, 3)), np.array([0, 1, 2, 1, 0, 2, 2, 1])
    net = nh.MLP([3, 4, 3], hidden_activation="tanh", output="softmax", loss="cross_entropy", rng=rng)
    before = [p.copy() for p in net.weights + net.biases]
    grads = net.gradients(X, y, l2=0.01)                       # checked against finite differences above
    net.fit(X, y, epochs=1, batch_size=8, lr=0.3, l2=0.01, rng=np.random.default_rng(0))
    expected = [p - 0.3 * g for p, g in zip(before, [g for g, _ in grads] + [g for _, g in grads])]
    for got, want in zip(net.weights + net.biases, expected):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-14)


def test_momentum_keeps_a_velocity_across_steps():
    # v ← μ v − η g,  w ← w + v : two full-batch steps by hand against fit
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(6, 2)), rng.uniform(0.1, 0.9, (6, 1))
    net = nh.MLP([2, 3, 1], rng=rng)
    hand = nh.MLP([2, 3, 1], rng=np.random.default_rng(0))
    hand.weights, hand.biases = [W.copy() for W in net.weights], [b.copy() for b in net.biases]
    velocity = [np.zeros_like(p) for p in hand.weights + hand.biases]
    for _ in range(2):
        grads = hand.gradients(X, y)
        flat = [g for g, _ in grads] + [g for _, g in grads]
        for p, v, g in zip(hand.weights + hand.biases, velocity, flat):
            v *= 0.9
            v -= 0.5 * g
            p += v
    net.fit(X, y, epochs=2, batch_size=6, lr=0.5, momentum=0.9, rng=np.random.default_rng(0))
    for got, want in zip(net.weights + net.biases, hand.weights + hand.biases):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-14)
    no_momentum = nh.MLP([2, 3, 1], rng=np.random.default_rng(4))   # the same start as net
    no_momentum.fit(X, y, epochs=2, batch_size=6, lr=0.5, rng=np.random.default_rng(0))
    assert np.abs(no_momentum.weights[0] - net.weights[0]).max() > 1e-3   # momentum changed the path


def test_save_and_load_round_trip(tmp_path):
    net = nh.MLP([3, 4, 2], hidden_activation="relu", output="softmax", loss="cross_entropy",
                 init="he", rng=np.random.default_rng(0), dtype="float32")
    path = tmp_path / "net.npz"
    net.save(path)
    back = nh.MLP.load(path)
    assert back.config() == net.config()
    for a, b in zip(net.weights + net.biases, back.weights + back.biases):
        np.testing.assert_array_equal(a, b)
    assert [p.name for p in tmp_path.iterdir()] == ["net.npz"]


def test_load_rejects_junk_pickles_and_wrong_shapes(tmp_path):
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"this is not a weight file")
    with pytest.raises(ValueError, match="is not an nnhelpers MLP file"):
        nh.MLP.load(junk)
    pickled = tmp_path / "evil.npz"
    pickled.write_bytes(pickle.dumps({"W0": np.zeros(2)}))
    with pytest.raises(ValueError, match="is not an nnhelpers MLP file"):
        nh.MLP.load(pickled)
    obj = tmp_path / "obj.npz"
    np.savez(obj, config=np.array([{"a": 1}], dtype=object))
    with pytest.raises(ValueError, match="is not an nnhelpers MLP file"):
        nh.MLP.load(obj)
    net = nh.MLP([3, 2], rng=np.random.default_rng(0))
    bad = tmp_path / "bad.npz"
    np.savez(bad, config=np.array('{"layer_sizes": [3, 2]}'), W0=np.zeros((5, 5)), b0=np.zeros(2))
    with pytest.raises(ValueError, match=r"array W0 should have shape \(2, 3\)"):
        nh.MLP.load(bad)
    with pytest.raises(FileNotFoundError):
        nh.MLP.load(tmp_path / "missing.npz")
    net.save(tmp_path / "good.npz")                  # a good file still loads after the failures
    np.testing.assert_array_equal(nh.MLP.load(tmp_path / "good.npz").weights[0], net.weights[0])


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(layer_sizes=[3]), ValueError, "at least 2 entries"),
    (dict(layer_sizes="784"), TypeError, "layer_sizes must be a list"),
    (dict(layer_sizes=[3, 0]), ValueError, r"layer_sizes\[1\] must be at least 1"),
    (dict(layer_sizes=[3, 2], hidden_activation="swish"), ValueError, "hidden_activation must be one of"),
    (dict(layer_sizes=[3, 2], output="linear"), ValueError, "output must be one of"),
    (dict(layer_sizes=[3, 2], loss="hinge"), ValueError, "loss must be one of"),
    (dict(layer_sizes=[3, 2], init="zeros"), ValueError, "init must be one of"),
    (dict(layer_sizes=[3, 2], dtype="int32"), ValueError, "dtype must be one of"),
    (dict(layer_sizes=[3, 2], rng=1), TypeError, "rng must be a numpy.random.Generator"),
])
def test_constructor_rejects_bad_arguments(kwargs, error, words):
    with pytest.raises(error, match=words):
        nh.MLP(**kwargs)


def test_methods_reject_bad_data():
    net = nh.MLP([3, 4, 2], output="softmax", loss="cross_entropy", rng=np.random.default_rng(0))
    X = np.zeros((5, 3))
    cases = [
        (lambda: net.forward(np.zeros((5, 4))), ValueError, r"X must have 3 columns .* got shape \(5, 4\)"),
        (lambda: net.forward([[1, np.nan, 0]]), ValueError, "X must be finite"),
        (lambda: net.forward("pixels"), TypeError, "X must be numbers"),
        (lambda: net.loss(X, [0, 1, 2, 1, 0]), ValueError, r"y must be below 2 \(the number of classes\)"),
        (lambda: net.loss(X, [0, 1, -1, 1, 0]), ValueError, "y must be >= 0"),
        (lambda: net.loss(X, [0, 1, 1]), ValueError, "X and y must have the same number of rows, got 5 and 3"),
        (lambda: net.loss(X, np.zeros((5, 3))), ValueError, r"float array of shape \(5, 2\)"),
        (lambda: net.loss(X, [0, 1, 1, 0, 1], l2=-1), ValueError, "l2 must be at least 0"),
        (lambda: net.fit(X, [0] * 5, epochs=0, batch_size=2, lr=0.1), ValueError, "epochs must be at least 1"),
        (lambda: net.fit(X, [0] * 5, epochs=1, batch_size=2.5, lr=0.1), TypeError, "batch_size must be a whole number"),
        (lambda: net.fit(X, [0] * 5, epochs=1, batch_size=2, lr=0), ValueError, "lr must be greater than 0"),
        (lambda: net.fit(X, [0] * 5, epochs=1, batch_size=2, lr=0.1, momentum=1.5), ValueError, "momentum must be at most"),
        (lambda: net.fit(X, [0] * 5, epochs=1, batch_size=2, lr=0.1, validation=X), TypeError, "validation must be a pair"),
        (lambda: net.evaluate(X, [0, 1]), ValueError, "same number of rows"),
    ]
    for call, error, words in cases:
        with pytest.raises(error, match=words):
            call()


def test_callback_can_stop_training_and_float32_input_is_kept():
    seen = []
    def stop_after_two(epoch, history):
        seen.append((epoch, len(history["loss"])))
        return epoch < 1
    net = nh.MLP([2, 2], output="softmax", rng=np.random.default_rng(0), dtype="float32")
    X = np.zeros((8, 2), dtype=np.float32)
    hist = net.fit(X, np.arange(8) % 2, epochs=10, batch_size=4, lr=0.1, callback=stop_after_two)
    assert seen == [(0, 1), (1, 2)] and len(hist["loss"]) == 2
    assert net.forward(X).dtype == np.float32

"""Seeded toy data sets and one_hot."""
import numpy as np
import pytest

import nnhelpers as nh

MAKERS = [nh.make_circle, nh.make_xor, nh.make_gaussians, nh.make_spiral]


@pytest.mark.parametrize("make", MAKERS)
def test_shapes_labels_and_determinism(make):
    X, y = make(101, noise=0.1, rng=np.random.default_rng(4))
    assert X.shape == (101, 2) and y.shape == (101,)
    assert set(np.unique(y)) == {0, 1} and abs(int(np.sum(y == 1)) - 50) <= 25
    X2, y2 = make(101, noise=0.1, rng=np.random.default_rng(4))
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)
    X3, _ = make(101, noise=0.1, rng=np.random.default_rng(5))
    assert not np.array_equal(X, X3)


def test_geometry_without_noise():
    X, y = nh.make_circle(400, noise=0.0, rng=np.random.default_rng(0))
    r = np.hypot(X[:, 0], X[:, 1])
    assert r[y == 1].max() < r[y == 0].min()
    X, y = nh.make_xor(400, noise=0.0, rng=np.random.default_rng(0))
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] > 0).astype(int))
    X, y = nh.make_gaussians(400, noise=0.0, rng=np.random.default_rng(0))
    assert X[y == 1].mean() > 0.4 and X[y == 0].mean() < -0.4


def test_make_sine_is_bishops_data():
    x, t = nh.make_sine(10, noise=0.0, rng=np.random.default_rng(0))
    np.testing.assert_allclose(x, np.linspace(0, 1, 10))
    np.testing.assert_allclose(t, np.sin(2 * np.pi * x), atol=1e-15)
    _, t_noisy = nh.make_sine(2000, noise=0.3, rng=np.random.default_rng(1))
    residual = t_noisy - np.sin(2 * np.pi * np.linspace(0, 1, 2000))
    assert residual.std() == pytest.approx(0.3, rel=0.08)


def test_one_hot():
    np.testing.assert_array_equal(nh.one_hot([2, 0, 1]), np.eye(3)[[2, 0, 1]])
    assert nh.one_hot([1], n_classes=4).tolist() == [[0.0, 1.0, 0.0, 0.0]]
    with pytest.raises(ValueError, match=r"y must be below 3 \(the number of classes\), got a label 3"):
        nh.one_hot([3], n_classes=3)
    with pytest.raises(TypeError, match="whole-number class labels"):
        nh.one_hot([0.5, 1.0])
    with pytest.raises(ValueError, match="1-D class labels"):
        nh.one_hot([[0, 1]])


@pytest.mark.parametrize("make", MAKERS + [nh.make_sine])
def test_bad_arguments(make):
    with pytest.raises(ValueError, match="n must be at least 1"):
        make(0, noise=0.1, rng=np.random.default_rng(0))
    with pytest.raises(ValueError, match="noise must be at least 0"):
        make(10, noise=-0.1, rng=np.random.default_rng(0))
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        make(10, noise=0.1, rng=3)

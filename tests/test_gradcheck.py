"""numerical_gradient and relative_error against functions with known gradients."""
import numpy as np
import pytest

import nnhelpers as nh


def test_gradient_of_quadratic_form():
    rng = np.random.default_rng(3)
    A = rng.normal(size=(4, 4))
    x = rng.normal(size=4)
    grad = nh.numerical_gradient(lambda: float(x @ A @ x), x)
    np.testing.assert_allclose(grad, (A + A.T) @ x, rtol=1e-7, atol=1e-8)


def test_list_of_params_and_restoration():
    W = np.array([[1.0, 2.0], [3.0, 4.0]])
    b = np.array([0.5, -0.5])
    W0, b0 = W.copy(), b.copy()
    gW, gb = nh.numerical_gradient(lambda: float(np.sum(W ** 2) + np.sum(np.sin(b))), [W, b])
    np.testing.assert_allclose(gW, 2 * W0, rtol=1e-8)
    np.testing.assert_allclose(gb, np.cos(b0), rtol=1e-8)
    np.testing.assert_array_equal(W, W0)
    np.testing.assert_array_equal(b, b0)


def test_relative_error_values():
    assert nh.relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0.0
    assert nh.relative_error(np.zeros(3), np.zeros(3)) == 0.0
    a, b = np.array([3.0, 0.0]), np.array([0.0, 4.0])
    assert nh.relative_error(a, b) == pytest.approx(5.0 / 7.0)
    assert nh.relative_error([a, b], [a, b]) == 0.0


def test_bad_arguments():
    with pytest.raises(TypeError, match="f must be a function"):
        nh.numerical_gradient(3, np.zeros(2))
    with pytest.raises(TypeError, match=r"params\[0\] must be a float NumPy array"):
        nh.numerical_gradient(lambda: 0.0, [[1, 2]])
    with pytest.raises(ValueError, match="eps must be greater than 0"):
        nh.numerical_gradient(lambda: 0.0, np.zeros(2), eps=0)
    with pytest.raises(ValueError, match="same number of entries"):
        nh.relative_error(np.zeros(2), np.zeros(3))
    with pytest.raises(ValueError, match="same number of arrays"):
        nh.relative_error([np.zeros(2)], [np.zeros(2), np.zeros(2)])

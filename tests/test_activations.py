"""Activation functions: values, derivatives, stability and bad input."""
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra.numpy import arrays

import nnhelpers as nh

finite = st.floats(-1e4, 1e4, allow_nan=False)


def test_sigmoid_known_values():
    assert nh.sigmoid(0.0) == 0.5
    assert math.isclose(float(nh.sigmoid(1.05)), 1 / (1 + math.exp(-1.05)), rel_tol=1e-15)
    assert math.isclose(float(nh.sigmoid(-3.0)), 1 / (1 + math.exp(3.0)), rel_tol=1e-14)


def test_step_tanh_relu_values():
    np.testing.assert_array_equal(nh.step([-1.0, 0.0, 2.0]), [0.0, 1.0, 1.0])
    np.testing.assert_array_equal(nh.step([0.5, 1.5], threshold=1.0), [0.0, 1.0])
    np.testing.assert_array_equal(nh.relu([-2.0, 0.0, 3.0]), [0.0, 0.0, 3.0])
    assert math.isclose(float(nh.tanh(0.5)), math.tanh(0.5))


@pytest.mark.parametrize("f", [nh.sigmoid, nh.tanh, nh.relu, nh.softmax, nh.sigmoid_prime,
                               nh.tanh_prime, nh.safe_log])
def test_no_warning_for_extreme_inputs(f):
    z = np.array([-1e4, -750.0, 0.0, 750.0, 1e4])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = f(np.abs(z) if f is nh.safe_log else z)
    assert np.all(np.isfinite(out))


def test_sigmoid_extremes_are_exact_limits():
    np.testing.assert_array_equal(nh.sigmoid([-1e4, 1e4]), [0.0, 1.0])


@pytest.mark.parametrize("f, fprime", [(nh.sigmoid, nh.sigmoid_prime), (nh.tanh, nh.tanh_prime),
                                       (nh.relu, nh.relu_prime)])
def test_derivatives_match_finite_differences(f, fprime):
    z = np.array([-2.3, -0.7, 0.4, 1.9])
    h = 1e-6
    numeric = (f(z + h) - f(z - h)) / (2 * h)
    np.testing.assert_allclose(fprime(z), numeric, rtol=1e-6, atol=1e-9)


def test_sigmoid_prime_formula():
    s = nh.sigmoid(0.3)
    assert math.isclose(float(nh.sigmoid_prime(0.3)), float(s * (1 - s)))


def test_softmax_three_steps_and_temperature():
    z = np.array([1.0, 2.0, 3.0])
    e = np.exp(z)
    np.testing.assert_allclose(nh.softmax(z), e / e.sum())
    np.testing.assert_allclose(nh.softmax(z, temperature=2.0), np.exp(z / 2) / np.exp(z / 2).sum())
    hot = nh.softmax(z, temperature=1e-3)
    assert hot.argmax() == 2 and hot[2] > 0.999


def test_softmax_jacobian_matches_finite_differences():
    z = np.array([0.2, -1.0, 0.7])
    h = 1e-6
    numeric = np.column_stack([(nh.softmax(z + h * e) - nh.softmax(z - h * e)) / (2 * h)
                               for e in np.eye(3)])
    np.testing.assert_allclose(nh.softmax_prime(z), numeric, atol=1e-9)


def test_logit_inverts_sigmoid():
    p = np.array([0.01, 0.3, 0.99])
    np.testing.assert_allclose(nh.sigmoid(nh.logit(p)), p)
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        nh.logit([0.0, 0.5])


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 8)), elements=finite))
def test_softmax_rows_sum_to_one(z):
    s = nh.softmax(z)
    assert s.shape == z.shape
    np.testing.assert_allclose(s.sum(axis=1), 1.0, rtol=1e-12)
    assert np.all(s >= 0)


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, st.integers(1, 20), elements=finite))
def test_sigmoid_stays_in_unit_interval(z):
    s = nh.sigmoid(z)
    assert s.shape == z.shape
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(s + nh.sigmoid(-z), 1.0, atol=1e-15)


@settings(max_examples=40, deadline=None)
@given(arrays(np.float64, st.integers(1, 20), elements=finite))
def test_tanh_and_relu_shapes_and_ranges(z):
    assert nh.tanh(z).shape == z.shape and np.all(np.abs(nh.tanh(z)) <= 1)
    assert np.all(nh.relu(z) >= 0) and np.all(nh.relu(z) >= z)


@pytest.mark.parametrize("bad, error, words", [
    ("abc", TypeError, "z must be numbers"),
    ([1.0, np.nan], ValueError, "z must be finite"),
    ([1.0, np.inf], ValueError, "z must be finite"),
    ([[1, "x"]], TypeError, "only numbers"),
    (None, TypeError, "z must be numbers"),
])
def test_bad_input_names_the_problem(bad, error, words):
    with pytest.raises(error, match=words):
        nh.sigmoid(bad)


def test_softmax_rejects_bad_temperature_and_shape():
    with pytest.raises(ValueError, match="temperature must be greater than 0"):
        nh.softmax([1.0, 2.0], temperature=0)
    with pytest.raises(ValueError, match="z must be 1-D or 2-D"):
        nh.softmax(np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match="non-negative"):
        nh.safe_log([-1.0])

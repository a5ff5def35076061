"""Tests for nnhelpers.prepare: scaling, standardising, dummy variables."""
import numpy as np
import pytest

from nnhelpers import dummy_variables, scale_to_range, standardise


# --- scale_to_range ----------------------------------------------------------------------

def test_scale_matches_the_books_pixel_formula():
    pixels = np.array([0, 1, 127, 128, 255])
    expected = pixels / 255.0 * 0.99 + 0.01          # Rashid's MNIST scaling, written out
    assert np.allclose(scale_to_range(pixels, 0.01, 1.0, 0, 255), expected)


def test_scale_defaults_to_the_data_range():
    assert np.allclose(scale_to_range([2.0, 4.0, 6.0]), [0.01, 0.505, 1.0])
    assert np.allclose(scale_to_range([[2.0, 6.0]], -1.0, 1.0), [[-1.0, 1.0]])


@pytest.mark.parametrize("kwargs, words", [
    ({"x": [1.0, 2.0], "low": 1.0, "high": 0.0}, "high must be greater than low"),
    ({"x": [3.0, 3.0]}, "x_max must be greater than x_min"),
    ({"x": []}, "x must hold at least one value"),
    ({"x": [1.0, np.nan]}, "x must be finite"),
])
def test_scale_bad_values(kwargs, words):
    with pytest.raises(ValueError, match=words):
        scale_to_range(**kwargs)


def test_scale_bad_types():
    with pytest.raises(TypeError, match="x must be numbers"):
        scale_to_range("0 255")
    with pytest.raises(TypeError, match="low must be a number"):
        scale_to_range([1.0, 2.0], low="0")


# --- standardise -------------------------------------------------------------------------

def test_standardise_small_example():
    Z, mean, std = standardise([[1.0, 10.0], [3.0, 30.0]])
    assert np.allclose(mean, [2.0, 20.0]) and np.allclose(std, [1.0, 10.0])
    assert np.allclose(Z, [[-1.0, -1.0], [1.0, 1.0]])


def test_standardise_gives_mean_0_std_1_and_reuses_training_statistics():
    rng = np.random.default_rng(3)
    X = rng.normal([500.0, 3.4], [110.0, 0.4], size=(300, 2))
    Z, mean, std = standardise(X)
    assert np.allclose(Z.mean(axis=0), 0.0, atol=1e-12)
    assert np.allclose(Z.std(axis=0), 1.0)
    Z_new, _, _ = standardise([[mean[0] + 2 * std[0], mean[1] - std[1]]], mean, std)
    assert np.allclose(Z_new, [[2.0, -1.0]])


def test_standardise_one_column():
    Z, mean, std = standardise([2.0, 4.0, 6.0, 8.0])
    assert mean == 5.0 and np.isclose(std, np.sqrt(5.0))
    assert np.allclose(Z, (np.array([2, 4, 6, 8]) - 5) / np.sqrt(5.0))


def test_standardise_bad_input():
    with pytest.raises(ValueError, match="std must be positive"):
        standardise([[1.0, 2.0], [1.0, 3.0]])
    with pytest.raises(ValueError, match=r"mean must have shape \(2\)"):
        standardise([[1.0, 2.0], [3.0, 4.0]], mean=[0.0], std=[1.0, 1.0])
    with pytest.raises(ValueError, match="X must be 1-D or 2-D"):
        standardise(np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match="at least one row"):
        standardise(np.zeros((0, 3)))


# --- dummy_variables ---------------------------------------------------------------------

def test_dummy_variables_for_rank():
    D = dummy_variables([2, 4, 1], categories=[1, 2, 3, 4])
    assert D.tolist() == [[0, 1, 0, 0], [0, 0, 0, 1], [1, 0, 0, 0]]


def test_dummy_variables_default_categories_are_sorted_and_rows_sum_to_one():
    rank = np.random.default_rng(5).integers(1, 5, 50)
    D = dummy_variables(rank)
    assert D.shape == (50, len(np.unique(rank)))
    assert np.all(D.sum(axis=1) == 1)
    assert np.all(D.argmax(axis=1) == np.searchsorted(np.unique(rank), rank))
    assert dummy_variables(["low", "high", "low"]).tolist() == [[0, 1], [1, 0], [0, 1]]


def test_dummy_variables_bad_input():
    with pytest.raises(ValueError, match=r"values must be among the categories \[1, 2\], got 3"):
        dummy_variables([1, 3], categories=[1, 2])
    with pytest.raises(ValueError, match="values must be 1-D"):
        dummy_variables([[1, 2]])
    with pytest.raises(ValueError, match="categories must not repeat"):
        dummy_variables([1], categories=[1, 1])
    with pytest.raises(ValueError, match="categories must be a non-empty 1-D list"):
        dummy_variables([1], categories=[])

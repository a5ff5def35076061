"""Preparing data for a network: scaling, standardising and dummy variables.

Rows are examples, columns are features: X has shape (m, n_features).
"""
import numpy as np

from ._validate import as_array, describe, real


def scale_to_range(x, low=0.01, high=1.0, x_min=None, x_max=None):
    """Map values linearly from [x_min, x_max] onto [low, high]; same shape as x.

    x_min and x_max default to the smallest and largest value in x. For
    MNIST pixels, `scale_to_range(pixels, 0.01, 1.0, 0, 255)` is the book's
    pixels / 255 · 0.99 + 0.01: no input is exactly zero, so no weight is
    frozen by a zero signal.

    Introduced in: 06_training_a_network.ipynb
    """
    x = as_array(x, "x")
    if x.size == 0:
        raise ValueError("x must hold at least one value, got an empty array")
    low, high = real(low, "low"), real(high, "high")
    if high <= low:
        raise ValueError(f"high must be greater than low, got low={low} and high={high}")
    x_min = float(x.min()) if x_min is None else real(x_min, "x_min")
    x_max = float(x.max()) if x_max is None else real(x_max, "x_max")
    if x_max <= x_min:
        raise ValueError(f"x_max must be greater than x_min (the values must not all be equal), "
                         f"got x_min={x_min} and x_max={x_max}")
    return low + (x - x_min) / (x_max - x_min) * (high - low)


def standardise(X, mean=None, std=None):
    """Shift and scale each column to mean 0 and standard deviation 1.

    X: (m,) or (m, n_features). Returns (Z, mean, std) with mean and std of
    shape (n_features,) (scalars for a 1-D X). Pass the training set's mean
    and std to standardise test data the same way. The standard deviation
    divides by m (NumPy's default); pandas' `.std()` divides by m − 1.

    Introduced in: 06_training_a_network.ipynb
    """
    X = as_array(X, "X", ndim=(1, 2))
    if len(X) == 0:
        raise ValueError("X must hold at least one row, got 0 rows")
    mean = X.mean(axis=0) if mean is None else as_array(mean, "mean", shape=X.shape[1:])
    std = X.std(axis=0) if std is None else as_array(std, "std", shape=X.shape[1:])
    if np.any(std <= 0):
        raise ValueError("std must be positive in every column (a constant column cannot be "
                         f"standardised), got {std}")
    return (X - mean) / std, mean, std


def dummy_variables(values, categories=None):
    """One 0/1 column per category: values (m,) → D (m, n_categories).

    D[i, j] is 1 when values[i] == categories[j]. `categories` defaults to
    the sorted distinct values; a value outside `categories` is an error.
    A rank of 1–4 thus becomes four columns, so the network never reads
    "rank 4 is twice rank 2".

    Introduced in: 06_training_a_network.ipynb
    """
    values = np.asarray(values)
    if values.ndim != 1:
        raise ValueError(f"values must be 1-D (one category per example), got {describe(values)}")
    if categories is None:
        categories = np.unique(values)
    categories = np.asarray(categories)
    if categories.ndim != 1 or categories.size == 0:
        raise ValueError(f"categories must be a non-empty 1-D list, got {describe(categories)}")
    if len(np.unique(categories)) != len(categories):
        raise ValueError(f"categories must not repeat, got {categories.tolist()}")
    D = (values[:, None] == categories[None, :]).astype(float)
    unknown = D.sum(axis=1) == 0
    if np.any(unknown):
        raise ValueError(f"values must be among the categories {categories.tolist()}, "
                         f"got {values[unknown][0].item()!r}")
    return D

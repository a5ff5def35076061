"""Small seeded toy data sets: 2-D classification problems and Bishop's sine curve.

Each 2-D maker returns X of shape (n, 2) and integer labels y of shape (n,).
"""
import numpy as np

from ._validate import generator, labels, positive_int, real


def _check(n, noise, rng):
    return positive_int(n, "n"), real(noise, "noise", low=0.0), generator(rng)


def make_circle(n=200, noise=0.1, rng=None):
    """Points in [−1, 1]²: class 1 inside a circle of radius 0.5, class 0 in a ring outside.

    Introduced in: 06_training_a_network.ipynb
    """
    n, noise, rng = _check(n, noise, rng)
    y = np.arange(n) % 2
    radius = np.where(y == 1, rng.uniform(0.0, 0.45, n), rng.uniform(0.6, 1.0, n))
    angle = rng.uniform(0.0, 2 * np.pi, n)
    X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    return X + rng.normal(0.0, noise, X.shape) * 0.5, y


def make_xor(n=200, noise=0.1, rng=None):
    """Points in the four quadrants; class 1 where x1·x2 > 0 (same sign), as in XOR.

    Introduced in: 06_training_a_network.ipynb
    """
    n, noise, rng = _check(n, noise, rng)
    X = rng.uniform(-1.0, 1.0, (n, 2))
    X += np.sign(X) * 0.05                      # keep a small gap at the axes
    y = (X[:, 0] * X[:, 1] > 0).astype(np.int64)
    return X + rng.normal(0.0, noise, X.shape) * 0.5, y


def make_gaussians(n=200, noise=0.1, rng=None):
    """Two Gaussian clusters centred at (−0.5, −0.5) (class 0) and (0.5, 0.5) (class 1).

    The spread grows with noise: standard deviation 0.15 + noise.

    Introduced in: 06_training_a_network.ipynb
    """
    n, noise, rng = _check(n, noise, rng)
    y = np.arange(n) % 2
    centres = np.where(y[:, None] == 1, 0.5, -0.5)
    return centres + rng.normal(0.0, 0.15 + noise, (n, 2)), y


def make_spiral(n=200, noise=0.1, rng=None):
    """Two interleaved spirals, each turning 1.75 times around the origin.

    Introduced in: 06_training_a_network.ipynb
    """
    n, noise, rng = _check(n, noise, rng)
    y = np.arange(n) % 2
    t = rng.uniform(0.05, 1.0, n)
    angle = 1.75 * 2 * np.pi * t + np.pi * y
    X = np.column_stack([t * np.cos(angle), t * np.sin(angle)])
    return X + rng.normal(0.0, noise, X.shape) * 0.3, y


def make_sine(n=10, noise=0.3, rng=None):
    """Bishop's curve-fitting data: x evenly spaced in [0, 1], t = sin(2πx) + N(0, noise²).

    Returns x (n,) and t (n,).

    Introduced in: 09_polynomial_curve_fitting.ipynb
    """
    n, noise, rng = _check(n, noise, rng)
    x = np.linspace(0.0, 1.0, n)
    return x, np.sin(2 * np.pi * x) + rng.normal(0.0, noise, n)


def one_hot(y, n_classes=None):
    """Integer labels (m,) → one-hot rows (m, n_classes) of 0.0 and 1.0.

    Introduced in: 06_training_a_network.ipynb
    """
    if n_classes is not None:
        n_classes = positive_int(n_classes, "n_classes")
    y = labels(y, "y", n_classes)
    k = n_classes if n_classes is not None else int(y.max()) + 1 if y.size else 0
    Y = np.zeros((len(y), k))
    Y[np.arange(len(y)), y] = 1.0
    return Y

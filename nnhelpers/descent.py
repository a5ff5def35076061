"""Gradient descent on small curves and surfaces, returning the whole path.

The 1-D error curve is a parabola E(w) = (w − w*)² + E_min, so every step
multiplies the distance to the minimum by (1 − 2·lr): it shrinks for
0 < lr < 1 and grows (divergence) for lr > 1. The 2-D surface
f(x, y) = (x² − 1)² + 0.3·x + y² has a local minimum near x = +0.96 and a
lower, global one near x = −1.04, separated by a ridge near x = 0.08.
A path stops early if it leaves the region |p| ≤ `limit` (it diverged).
"""
import numpy as np

from ._validate import as_array, positive, positive_int, real

CURVE_MIN_W, CURVE_MIN_E = 2.0, 0.5       # the 1-D curve's minimum: E(2.0) = 0.5
MINIMA = {"global": (-1.0355787, 0.0), "local": (0.9601496, 0.0)}   # of two_minima


def error_curve(w):
    """The 1-D error curve E(w) = (w − 2)² + 0.5, for a number or an array.

    Introduced in: 05_gradient_descent.ipynb
    """
    w = as_array(w, "w")
    return (w - CURVE_MIN_W) ** 2 + CURVE_MIN_E


def error_curve_slope(w):
    """Its slope dE/dw = 2 (w − 2).

    Introduced in: 05_gradient_descent.ipynb
    """
    return 2.0 * (as_array(w, "w") - CURVE_MIN_W)


def two_minima(x, y):
    """The 2-D surface f(x, y) = (x² − 1)² + 0.3 x + y²; x and y broadcast together.

    Introduced in: 05_gradient_descent.ipynb
    """
    x, y = as_array(x, "x"), as_array(y, "y")
    return (x * x - 1.0) ** 2 + 0.3 * x + y * y


def two_minima_gradient(p):
    """Gradient of `two_minima` at p = (x, y): (4x(x² − 1) + 0.3, 2y), shape (2,).

    Introduced in: 05_gradient_descent.ipynb
    """
    x, y = as_array(p, "p", shape=(2,))
    return np.array([4.0 * x * (x * x - 1.0) + 0.3, 2.0 * y])


def gradient_descent_1d(slope, w0, lr, steps, limit=1e6):
    """Repeat w ← w − lr · slope(w); returns the path w_0 … w_steps, shape (steps + 1,).

    If |w| passes `limit` the descent has diverged: the path stops there
    (so it is shorter than steps + 1).

    Introduced in: 05_gradient_descent.ipynb
    """
    if not callable(slope):
        raise TypeError(f"slope must be a function of w, got {type(slope).__name__}")
    w = real(w0, "w0")
    lr, steps, limit = positive(lr, "lr"), _steps(steps), positive(limit, "limit")
    path = [w]
    for _ in range(steps):
        w = w - lr * float(as_array(slope(w), "slope(w)", shape=()))
        path.append(w)
        if abs(w) > limit:
            break
    return np.array(path)


def descend_2d(gradient, p0, lr, steps, momentum=0.0, limit=1e3):
    """Gradient descent with momentum in the plane; returns the path, shape (k + 1, 2).

    Each step: v ← momentum · v − lr · gradient(p), then p ← p + v (v starts
    at 0; momentum 0 is plain gradient descent). The path stops early if
    |p| passes `limit` in either coordinate.

    Introduced in: 05_gradient_descent.ipynb
    """
    if not callable(gradient):
        raise TypeError(f"gradient must be a function of a point p (shape (2,)), "
                        f"got {type(gradient).__name__}")
    p = as_array(p0, "p0", shape=(2,)).copy()
    lr, steps, limit = positive(lr, "lr"), _steps(steps), positive(limit, "limit")
    momentum = real(momentum, "momentum", low=0.0, high=0.999)
    v, path = np.zeros(2), [p.copy()]
    for _ in range(steps):
        v = momentum * v - lr * as_array(gradient(p), "gradient(p)", shape=(2,))
        p = p + v
        path.append(p.copy())
        if np.abs(p).max() > limit:
            break
    return np.array(path)


def verdict_1d(factor):
    """What the step factor 1 − 2·lr of the 1-D curve means for the descent, in words.

    Introduced in: 05_gradient_descent.ipynb
    """
    factor = real(factor, "factor")
    size = abs(factor)
    if size < 1e-12:
        return "lands on the minimum in one step"
    if abs(size - 1.0) < 1e-12:
        return "bounces between two points forever"
    words = "converges" if size < 1 else "diverges"
    return words + (", zig-zagging across the minimum" if factor < 0 else "")


def classify_end(path, steps):
    """Where a 2-D path ended: "diverged", "global minimum", "local minimum" or "not settled".

    Introduced in: 05_gradient_descent.ipynb
    """
    path, steps = as_array(path, "path", shape=(None, 2)), _steps(steps)
    if len(path) < steps + 1:
        return "diverged"
    end = path[-1]
    for name, centre in MINIMA.items():
        if np.hypot(*(end - np.array(centre))) < 0.05:
            return f"{name} minimum"
    return "not settled"


def _steps(steps):
    """Number of steps: a whole number ≥ 0."""
    return positive_int(steps, "steps", minimum=0)

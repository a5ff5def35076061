"""Gradient checking: an independent reference for every backprop gradient."""
import numpy as np

from ._validate import as_array, positive


def numerical_gradient(f, params, eps=1e-6):
    """Two-sided finite-difference gradient of a scalar function.

    `params` is one float array or a list of them; `f()` takes no arguments
    and reads the arrays, which are nudged in place by ±eps one entry at a
    time and restored. Returns an array (or list of arrays) with the shapes
    of `params`: dF/dp ≈ (f(p + eps) − f(p − eps)) / (2 eps).

    Introduced in: 05_gradient_descent.ipynb
    """
    if not callable(f):
        raise TypeError(f"f must be a function of no arguments, got {type(f).__name__}")
    eps = positive(eps, "eps")
    single = isinstance(params, np.ndarray)
    arrays = [params] if single else list(params)
    for i, p in enumerate(arrays):
        if not isinstance(p, np.ndarray) or p.dtype.kind != "f":
            raise TypeError(f"params[{i}] must be a float NumPy array (nudged in place), "
                            f"got {type(p).__name__}")
    grads = [_gradient_of(f, p, eps) for p in arrays]
    return grads[0] if single else grads


def _gradient_of(f, p, eps):
    grad = np.zeros_like(p, dtype=float)
    flat, gflat = p.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + eps
        up = float(f())
        flat[i] = old - eps
        down = float(f())
        flat[i] = old
        gflat[i] = (up - down) / (2 * eps)
    return grad


def relative_error(a, b):
    """‖a − b‖ / (‖a‖ + ‖b‖): 0 when equal; below 1e-7 means a correct gradient.

    `a` and `b` may be arrays or matching lists of arrays (compared as one
    long vector). Two zero vectors give 0.

    Introduced in: 05_gradient_descent.ipynb
    """
    a_list = list(a) if isinstance(a, (list, tuple)) else [a]
    b_list = list(b) if isinstance(b, (list, tuple)) else [b]
    if len(a_list) != len(b_list):
        raise ValueError(f"a and b must hold the same number of arrays, got {len(a_list)} and {len(b_list)}")
    va = np.concatenate([as_array(x, "a").ravel() for x in a_list])
    vb = np.concatenate([as_array(x, "b").ravel() for x in b_list])
    if va.shape != vb.shape:
        raise ValueError(f"a and b must have the same number of entries, got {va.size} and {vb.size}")
    denom = np.linalg.norm(va) + np.linalg.norm(vb)
    return 0.0 if denom == 0 else float(np.linalg.norm(va - vb) / denom)

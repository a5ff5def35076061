"""Checking and shaping the X and y that MLP methods receive."""
import numpy as np

from ._validate import as_array, labels


def as_inputs(X, n_in, dtype, two_d=False):
    """X as a (m, n_in) array of `dtype`; a 1-D X is one example (unless two_d)."""
    arr = as_array(X, "X", ndim=(2,) if two_d else (1, 2), dtype=dtype)
    if arr.shape[-1] != n_in:
        raise ValueError(f"X must have {n_in} columns (one per input node), got shape {arr.shape}")
    if len(arr) == 0:
        raise ValueError("X must hold at least one example, got 0 rows")
    return np.atleast_2d(arr)


def as_targets(y, m, n_out, dtype):
    """Targets as a (m, n_out) float array.

    Integer labels (m,) become one-hot rows (with one output node, the label
    itself 0/1 is the target). Float arrays must already be (m, n_out), or
    (m,) when n_out is 1.
    """
    arr = np.asarray(y)
    if arr.dtype.kind in "iu" and arr.ndim == 1:
        k = max(n_out, 2)
        ints = labels(arr, "y", k)
        if len(ints) != m:
            raise ValueError(f"X and y must have the same number of rows, got {m} and {len(ints)}")
        if n_out == 1:
            return ints.reshape(m, 1).astype(dtype)
        Y = np.zeros((m, n_out), dtype=dtype)
        Y[np.arange(m), ints] = 1
        return Y
    arr = as_array(y, "y", ndim=(1, 2), dtype=dtype)
    if arr.ndim == 1 and n_out == 1:
        arr = arr.reshape(-1, 1)
    if arr.shape != (m, n_out):
        raise ValueError(f"y must be {m} integer labels or a float array of shape ({m}, {n_out}), "
                         f"got shape {arr.shape}")
    return arr

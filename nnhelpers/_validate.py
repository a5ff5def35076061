"""Argument checks shared by every public function.

Each check raises TypeError or ValueError whose message names the argument,
what was expected and what was given, so a learner never meets a NumPy
broadcasting error from deep inside a function.
"""
import numbers

import numpy as np


def describe(value):
    """Short description of a value for error messages: type, and shape for arrays."""
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}"


def as_array(value, name, ndim=None, shape=None, dtype=float):
    """Return `value` as a finite float array, checking dimensions and shape.

    `ndim` may be an int or a tuple of allowed ints; `shape` may contain None
    for "any size".
    """
    if isinstance(value, (str, bytes, dict, set)) or value is None:
        raise TypeError(f"{name} must be numbers (a list or NumPy array), got {describe(value)}")
    try:
        arr = np.asarray(value, dtype=dtype)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must contain only numbers, got {describe(value)}") from None
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if arr.ndim not in allowed:
            want = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(f"{name} must be {want}, got shape {arr.shape}")
    if shape is not None:
        ok = arr.ndim == len(shape) and all(s is None or s == a for s, a in zip(shape, arr.shape))
        if not ok:
            want = "(" + ", ".join("any" if s is None else str(s) for s in shape) + ")"
            raise ValueError(f"{name} must have shape {want}, got shape {arr.shape}")
    if arr.dtype.kind in "fc" and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got NaN or infinity")
    return arr


def positive_int(value, name, minimum=1):
    """Check that `value` is a whole number >= `minimum` and return it as int."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number, got {describe(value)}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def real(value, name, low=None, high=None, low_open=False):
    """Check that `value` is a finite real number in [low, high] (or (low, high])."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {describe(value)}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if low is not None and (value < low or (low_open and value == low)):
        bound = "greater than" if low_open else "at least"
        raise ValueError(f"{name} must be {bound} {low}, got {value}")
    if high is not None and value > high:
        raise ValueError(f"{name} must be at most {high}, got {value}")
    return value


def positive(value, name):
    """Check that `value` is a finite number > 0 (a learning rate, a size)."""
    return real(value, name, low=0.0, low_open=True)


def choice(value, name, options):
    """Check that `value` is one of the strings in `options`."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be one of {sorted(options)}, got {describe(value)}")
    if value not in options:
        raise ValueError(f"{name} must be one of {sorted(options)}, got {value!r}")
    return value


def generator(rng, name="rng"):
    """Return a numpy Generator; None means a fresh one seeded with 0 (reproducible)."""
    if rng is None:
        return np.random.default_rng(0)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"{name} must be a numpy.random.Generator "
                        f"(e.g. np.random.default_rng(0)), got {describe(rng)}")
    return rng


def labels(y, name, n_classes=None):
    """Check integer class labels (1-D, whole numbers >= 0, < n_classes)."""
    arr = np.asarray(y)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D class labels, got shape {arr.shape}")
    if arr.dtype.kind not in "iu":
        if arr.dtype.kind != "f" or not np.all(np.isfinite(arr)) or np.any(arr != np.round(arr)):
            raise TypeError(f"{name} must be whole-number class labels, got dtype {arr.dtype}")
    arr = arr.astype(np.int64)
    if arr.size and arr.min() < 0:
        raise ValueError(f"{name} must be >= 0, got a label {arr.min()}")
    if n_classes is not None and arr.size and arr.max() >= n_classes:
        raise ValueError(f"{name} must be below {n_classes} (the number of classes), "
                         f"got a label {arr.max()}")
    return arr

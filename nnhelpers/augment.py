"""Data augmentation: more training images by moving each one a few pixels or
turning it a few degrees.

A digit moved one or two pixels, or rotated by ten degrees, is still the same
digit, so every epoch can show the network slightly different pictures. Images are rows of a batch
(m, height·width), as MLP.fit passes them, or stacks (m, height, width).
"""
import numpy as np

from ._validate import as_array, describe, generator, positive_int, real


def _image_batch(X, image_shape):
    """X as a float array (m, h, w) plus a function that restores X's layout."""
    h, w = image_shape
    keep = X.dtype if isinstance(X, np.ndarray) and X.dtype.kind == "f" else float
    arr = as_array(X, "X", dtype=keep)            # float32 stays float32
    if arr.ndim == 2 and arr.shape[1] == h * w:
        return arr.reshape(len(arr), h, w), lambda out: out.reshape(len(arr), h * w)
    if arr.ndim == 3 and arr.shape[1:] == (h, w):
        return arr, lambda out: out
    raise ValueError(f"X must be a batch of {h}×{w} images, shape (m, {h * w}) or "
                     f"(m, {h}, {w}), got {describe(arr)}")


def shift_images(X, dy, dx, image_shape=(28, 28), fill=0.0):
    """Move every image down by dy and right by dx pixels (negative: up / left).

    X: (m, h·w) rows or (m, h, w); dy, dx: whole numbers, or integer arrays of
    length m (one shift per image). Pixels moved in from outside are `fill`.
    Returns a new float array shaped like X (float32 stays float32; integer
    images come back as float64).

    Introduced in: 08_training_better_and_faster.ipynb
    """
    images, restore = _image_batch(X, _shape(image_shape))
    m, h, w = images.shape
    dy, dx = _offsets(dy, "dy", m, h), _offsets(dx, "dx", m, w)
    fill = real(fill, "fill")
    pad_y, pad_x = int(np.abs(dy).max(initial=0)), int(np.abs(dx).max(initial=0))
    padded = np.full((m, h + 2 * pad_y, w + 2 * pad_x), fill, dtype=images.dtype)
    padded[:, pad_y:pad_y + h, pad_x:pad_x + w] = images
    windows = np.lib.stride_tricks.sliding_window_view(padded, (h, w), axis=(1, 2))
    out = windows[np.arange(m), pad_y - dy, pad_x - dx]   # (m, h, w), a copy
    return restore(out)


def random_shift(X, rng, max_shift=2, image_shape=(28, 28), fill=0.0):
    """Each image moved by its own random (dy, dx), both drawn from −max_shift..max_shift.

    X: (m, h·w) or (m, h, w); rng: a numpy Generator. Returns a new array shaped like X.

    Introduced in: 08_training_better_and_faster.ipynb
    """
    if rng is None:
        raise TypeError("rng must be a numpy.random.Generator (e.g. np.random.default_rng(0)), got None")
    rng = generator(rng)
    s = positive_int(max_shift, "max_shift", minimum=0)
    try:
        m = len(X)
    except TypeError:                       # a number, None, ...: let the full check explain
        m = len(_image_batch(X, _shape(image_shape))[0])
    dy, dx = rng.integers(-s, s + 1, size=(2, m))
    return shift_images(X, dy, dx, image_shape=image_shape, fill=fill)


def random_shifts(max_shift=2, image_shape=(28, 28), fill=0.0):
    """An `augment` function for MLP.fit: `augment(X_batch, rng)` = random_shift(...).

    Example: `net.fit(X, y, ..., augment=nh.random_shifts(2))`.

    Introduced in: 08_training_better_and_faster.ipynb
    """
    max_shift = positive_int(max_shift, "max_shift", minimum=0)
    image_shape, fill = _shape(image_shape), real(fill, "fill")

    def augment(X_batch, rng):
        return random_shift(X_batch, rng, max_shift, image_shape, fill)

    augment.__doc__ = f"Random shifts of up to ±{max_shift} pixels ({image_shape[0]}×{image_shape[1]} images)."
    return augment


def _shape(image_shape):
    if isinstance(image_shape, (str, bytes)) or not hasattr(image_shape, "__len__") \
            or len(image_shape) != 2:
        raise TypeError(f"image_shape must be a pair (height, width), got {describe(image_shape)}")
    return tuple(positive_int(n, f"image_shape[{i}]") for i, n in enumerate(image_shape))


def _offsets(d, name, m, size):
    """A shift as an int array of length m, each |d| < size."""
    arr = np.asarray(d)
    if arr.dtype.kind not in "iu" or arr.ndim > 1:
        raise TypeError(f"{name} must be a whole number or a 1-D integer array, got {describe(d)}")
    arr = np.broadcast_to(arr, (m,)) if arr.ndim == 0 else arr
    if arr.shape != (m,):
        raise ValueError(f"{name} must hold one shift per image ({m}), got shape {arr.shape}")
    if m and np.abs(arr).max() >= size:
        raise ValueError(f"{name} must be smaller than the image ({size} pixels) in size, "
                         f"got {int(np.abs(arr).max())}")
    return arr.astype(np.int64)


def rotate_images(images, degrees, fill=0.0, dtype=float):
    """Rotate each image anticlockwise by `degrees` about its centre (bilinear interpolation).

    images (rows, columns) or (n, rows, columns) → array of the same shape and
    the given `dtype` (float by default; an integer type such as np.uint8 rounds
    to whole values and saves memory on big batches). Pixels that come from
    outside the picture get `fill`. Every output value is a weighted average of
    input values (and `fill`), so the range is kept. Big batches are worked
    through a chunk at a time.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    x = as_array(images, "images", ndim=(2, 3), dtype=None)   # converted a chunk at a time
    if x.dtype.kind not in "biuf":
        raise TypeError(f"images must contain only numbers, got dtype {x.dtype}")
    degrees, fill = real(degrees, "degrees"), real(fill, "fill")
    batch = x if x.ndim == 3 else x[None]
    low = min(float(batch.min()), fill) if batch.size else fill
    high = max(float(batch.max()), fill) if batch.size else fill
    out = np.empty(batch.shape, dtype=_number_type(dtype, low, high))
    corners = _rotation_corners(*batch.shape[1:], degrees)
    for start in range(0, len(batch), 1024):
        part = batch[start:start + 1024].astype(float)
        acc = sum(weight * np.where(inside, part[:, r, c], fill) for weight, r, c, inside in corners)
        np.clip(acc, low, high, out=acc)               # rounding must not leave the range
        out[start:start + 1024] = acc if out.dtype.kind == "f" else np.round(acc)
    return out if x.ndim == 3 else out[0]


def _number_type(dtype, low, high):
    """`dtype` as a NumPy number type that can hold values from low to high."""
    try:
        kind = np.dtype(dtype)
    except TypeError:
        kind = None
    if kind is None or kind.kind not in "iuf":
        raise TypeError(f"dtype must be a NumPy number type such as float or np.uint8, got {dtype!r}")
    if kind.kind in "iu" and (low < np.iinfo(kind).min or high > np.iinfo(kind).max):
        raise ValueError(f"dtype {kind} cannot hold the values {low} to {high} (images and fill)")
    return kind


def _rotation_corners(h, w, degrees):
    """For each output pixel: the 4 source pixels around where it comes from, their
    bilinear weights and whether they lie inside the picture: 4 × (weight, rows, cols, inside)."""
    t = np.deg2rad(degrees)
    rows, cols = np.indices((h, w), dtype=float)
    cy, cx = (h - 1) / 2, (w - 1) / 2
    dx, dy = cols - cx, cy - rows                      # y points up, as on the page
    src_c = cx + np.cos(t) * dx + np.sin(t) * dy       # where each output pixel comes from
    src_r = cy + np.sin(t) * dx - np.cos(t) * dy
    r0, c0 = np.floor(src_r).astype(int), np.floor(src_c).astype(int)
    fr, fc = src_r - r0, src_c - c0
    corners = []
    for dr, dc, weight in ((0, 0, (1 - fr) * (1 - fc)), (0, 1, (1 - fr) * fc),
                           (1, 0, fr * (1 - fc)), (1, 1, fr * fc)):
        r, c = r0 + dr, c0 + dc
        inside = (r >= 0) & (r < h) & (c >= 0) & (c < w)
        corners.append((weight, np.clip(r, 0, h - 1), np.clip(c, 0, w - 1), inside))
    return corners

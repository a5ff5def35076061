"""Digit images the MNIST way: scaling, targets, preprocessing, confusion matrix.

Rotating digits (notebook 07) is augmentation and lives in augment.py.

An image is a 2-D array (rows, columns) of pixel values 0..255 with 0 as
background and 255 as full ink, as in MNIST. A batch of images has shape
(n, rows, columns).
"""
import numpy as np
from PIL import Image

from ._validate import as_array, labels as check_labels, positive_int, real
from .prepare import scale_to_range

MNIST_SIZE, MNIST_BOX = 28, 20
MNIST_CENTER = (14.0, 14.0)   # where MNIST's centres of mass sit (row, column), 0-based


def scale_pixels(images, low=0.01, high=1.0):
    """Map pixel values 0..255 linearly onto low..high (default 0.01..1.0); shape is kept.

    0.01 rather than 0 keeps every input able to move its weights.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    x = check_pixel_range(as_array(images, "images"))
    return scale_to_range(x, low, high, x_min=0.0, x_max=255.0)


def check_pixel_range(x):
    """x itself, after checking that every value is a pixel value 0..255 (ValueError if not).

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    if x.size and (x.min() < 0 or x.max() > 255):
        raise ValueError(f"images must hold pixel values 0..255, got values from "
                         f"{x.min()} to {x.max()}")
    return x


def digit_targets(labels, n_classes=10, low=0.01, high=0.99):
    """Target vectors: `high` at the label's position, `low` elsewhere.

    labels (n,) → (n, n_classes); a single int label → (n_classes,).
    0.01 / 0.99 because a sigmoid never reaches 0 or 1.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    n_classes = positive_int(n_classes, "n_classes")
    single = np.ndim(labels) == 0
    y = check_labels(np.atleast_1d(labels), "labels", n_classes)
    T = np.full((len(y), n_classes), real(low, "low"))
    T[np.arange(len(y)), y] = real(high, "high")
    return T[0] if single else T


def to_gray(image):
    """A grey image 0..255 (0 = black) from gray (h, w), RGB (h, w, 3) or RGBA (h, w, 4).

    Transparent pixels count as white paper (an RGBA picture is laid on white).

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    x = as_array(image, "image", ndim=(2, 3))
    if x.ndim == 3:
        if x.shape[2] not in (3, 4):
            raise ValueError(f"image must be (rows, columns) grey or (rows, columns, 3 or 4) "
                             f"RGB/RGBA, got shape {x.shape}")
        gray = x[..., :3] @ np.array([0.299, 0.587, 0.114])
        if x.shape[2] == 4:
            alpha = np.clip(x[..., 3] / 255.0, 0.0, 1.0)
            gray = gray * alpha + 255.0 * (1.0 - alpha)
        x = gray
    if min(x.shape) < 2:
        raise ValueError(f"image must be at least 2×2 pixels, got shape {x.shape}")
    return np.clip(x, 0.0, 255.0)


def center_of_mass(image):
    """(row, column) of the ink's centre of mass: Σ value · position / Σ value.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    x = as_array(image, "image", ndim=2)
    total = x.sum()
    if total <= 0:
        raise ValueError("image has no ink (all pixels are 0): no centre of mass")
    rows, cols = np.indices(x.shape)
    return float((x * rows).sum() / total), float((x * cols).sum() / total)


def preprocess_digit(image, invert=None, box=MNIST_BOX, size=MNIST_SIZE, center=MNIST_CENTER):
    """Make a drawn or photographed digit look like an MNIST digit: uint8 (size, size).

    Steps, as MNIST was made: grey; ink bright on black (invert when the border
    is light, or as `invert` says); remove the background level; crop to the
    ink's bounding box; resize (keeping the aspect ratio) so the longer side is
    `box` pixels; stretch to 0..255; place in a size × size field so that the
    centre of mass lands as near `center` as whole-pixel shifts allow.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    gray = to_gray(image)
    box, size = positive_int(box, "box"), positive_int(size, "size")
    if box > size:
        raise ValueError(f"box must be at most size ({size}), got {box}")
    if invert is None:
        invert = bool(np.median(_border(gray)) > 127.5)
    elif not isinstance(invert, bool):
        raise TypeError(f"invert must be True, False or None (automatic), got {invert!r}")
    ink = 255.0 - gray if invert else gray
    ink = np.clip(ink - np.median(_border(ink)), 0.0, None)
    if ink.max() <= 0:
        raise ValueError("image is empty: no ink differs from the background")
    ink[ink < 0.1 * ink.max()] = 0.0            # paper grain and faint smudges
    rows, cols = np.nonzero(ink)
    ink = ink[rows.min():rows.max() + 1, cols.min():cols.max() + 1]
    h, w = ink.shape
    scale = box / max(h, w)
    new_w, new_h = max(1, round(w * scale)), max(1, round(h * scale))
    small = Image.fromarray(ink.astype(np.float32), mode="F").resize(
        (new_w, new_h), Image.Resampling.BILINEAR)
    small = np.clip(np.asarray(small, dtype=float), 0.0, None)
    if small.max() <= 0:
        raise ValueError("image is empty: the ink vanished when resized to the box")
    small *= 255.0 / small.max()
    return _place(small, size, center)


def _border(x):
    return np.concatenate([x[0], x[-1], x[1:-1, 0], x[1:-1, -1]])


def _place(small, size, center):
    """Put `small` into a size × size field with its centre of mass near `center`."""
    if isinstance(center, (str, bytes)) or np.shape(center) != (2,):
        raise ValueError(f"center must be a (row, column) pair, got {center!r}")
    cy, cx = (real(c, "center") for c in center)
    r, c = center_of_mass(small)
    top = int(np.clip(round(cy - r), 0, size - small.shape[0]))
    left = int(np.clip(round(cx - c), 0, size - small.shape[1]))
    field = np.zeros((size, size))
    field[top:top + small.shape[0], left:left + small.shape[1]] = small
    return np.round(field).astype(np.uint8)


def confusion_matrix(y_true, y_pred, n_classes=10):
    """Counts C[i, j] = how many examples of class i were predicted as class j: (n, n) int.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    n_classes = positive_int(n_classes, "n_classes")
    t = check_labels(y_true, "y_true", n_classes)
    p = check_labels(y_pred, "y_pred", n_classes)
    if len(t) != len(p):
        raise ValueError(f"y_true and y_pred must have the same length, got {len(t)} and {len(p)}")
    C = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(C, (t, p), 1)
    return C

"""Training and scoring the book's network on digit images, one example at a time.

The loops of notebook 07, written once: every image is flattened to 784
inputs scaled to 0.01..1.0, every label becomes a 0.01/0.99 target vector.
Images are scaled a chunk at a time, so the full MNIST set (even with
rotated copies) never needs a float copy of all its pixels at once.
"""
import numpy as np

from ._validate import as_array, generator, labels as check_labels, positive_int
from .digits import check_pixel_range, digit_targets, scale_pixels

CHUNK = 500   # images scaled together, and between two progress-bar updates


def _pixels(images):
    """Images (n, rows, columns) → raw pixels (n, rows · columns), dtype kept, range checked."""
    x = as_array(images, "images", ndim=3, dtype=None)
    if x.dtype.kind not in "iuf":
        raise TypeError(f"images must contain only numbers, got dtype {x.dtype}")
    return check_pixel_range(x).reshape(len(x), -1)


def flatten_images(images):
    """Images (n, rows, columns) → inputs (n, rows · columns) scaled to 0.01..1.0.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    return scale_pixels(_pixels(images))


def _check_pair(net, images, labels):
    if not (hasattr(net, "query") and hasattr(net, "onodes")):
        raise TypeError(f"net must be an nh.NeuralNetwork, got {type(net).__name__}")
    X = _pixels(images)
    y = check_labels(labels, "labels", net.onodes)
    if len(X) != len(y):
        raise ValueError(f"images and labels must have the same length, got {len(X)} and {len(y)}")
    if X.shape[1] != net.inodes:
        raise ValueError(f"images must have {net.inodes} pixels each (the network's input_nodes), "
                         f"got {X.shape[1]}")
    return X, y


def train_network(net, images, labels, epochs=1, rng=None, progress=False):
    """Train `net` (an nh.NeuralNetwork) on every image, `epochs` times; returns `net`.

    With `rng` the order is shuffled each epoch; without, images go in their
    given order (as in the book). `progress=True` shows a tqdm progress bar.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    X, y = _check_pair(net, images, labels)
    epochs = positive_int(epochs, "epochs")
    T = digit_targets(y, net.onodes)
    rng = None if rng is None else generator(rng)
    from tqdm.auto import tqdm
    with tqdm(total=epochs * len(X), disable=not progress, desc="training",
              unit="image", mininterval=0.5) as bar:
        for _ in range(epochs):
            order = np.arange(len(X)) if rng is None else rng.permutation(len(X))
            for start in range(0, len(order), CHUNK):
                chunk = order[start:start + CHUNK]
                for inputs, targets in zip(scale_pixels(X[chunk]), T[chunk]):
                    net.train(inputs, targets)
                bar.update(len(chunk))
    return net


def _outputs(net, X):
    """Outputs for raw pixel rows X (n, inputs) → (n, outputs), a chunk of rows at a time:
    `net.query_batch` where the network has it, else `query` for each row."""
    outputs = np.empty((len(X), net.onodes))
    for start in range(0, len(X), 20 * CHUNK):
        inputs = scale_pixels(X[start:start + 20 * CHUNK])
        if hasattr(net, "query_batch"):
            out = net.query_batch(inputs)
        else:
            out = np.array([net.query(x) for x in inputs]).reshape(len(inputs), -1)
        outputs[start:start + len(inputs)] = out
    return outputs


def query_all(net, images):
    """The network's outputs for every image: (n, rows, columns) → (n, output_nodes).

    The same numbers as `net.query` on each image in turn, computed for many at once.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    if not (hasattr(net, "query") and hasattr(net, "onodes")):
        raise TypeError(f"net must be an nh.NeuralNetwork, got {type(net).__name__}")
    return _outputs(net, _pixels(images))


def score_card(net, images, labels):
    """1 for every image the network labels right, 0 otherwise: (n,) int array.

    The network's answer is the output node with the largest value.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    X, y = _check_pair(net, images, labels)
    answers = _outputs(net, X).argmax(axis=1)
    return (answers == y).astype(int)


def accuracy(net, images, labels):
    """The share of images labelled right (the score card's mean), a float in [0, 1].

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    return float(score_card(net, images, labels).mean())

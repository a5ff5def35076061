"""Pictures of digits: a grid of images, a confusion matrix, a gallery of mistakes.

Each function draws on `fig` (a matplotlib Figure) when given one, else on a
new pyplot figure (shown inline in a notebook), and returns the figure.
"""
import numpy as np

from ._validate import as_array, labels as check_labels, positive_int

CMAP = "Greys"   # ink dark on light paper, as the digits were written


def _figure(fig, width, height):
    if fig is None:
        import matplotlib.pyplot as plt
        fig = plt.figure(figsize=(width, height))
    return fig


def show_digits(images, titles=None, ncols=10, fig=None, cmap=CMAP):
    """Draw images (n, rows, columns) in a grid, each with an optional title; returns fig.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    x = as_array(images, "images", ndim=3)
    ncols = positive_int(ncols, "ncols")
    if titles is not None and len(titles) != len(x):
        raise ValueError(f"titles must have one entry per image ({len(x)}), got {len(titles)}")
    nrows = max(1, -(-len(x) // ncols))
    fig = _figure(fig, 1.0 * min(ncols, max(len(x), 1)), 1.15 * nrows)
    for i, img in enumerate(x):
        ax = fig.add_subplot(nrows, ncols, i + 1)
        ax.imshow(img, cmap=cmap, vmin=0, vmax=max(float(x.max()), 1e-12))
        ax.set_axis_off()
        if titles is not None:
            ax.set_title(str(titles[i]), fontsize=8)
    return fig


def plot_confusion(C, fig=None, title="Confusion matrix (rows: true digit, columns: answer)"):
    """Draw a confusion matrix with its counts written in the cells; returns fig.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    C = as_array(C, "C", ndim=2)
    if C.shape[0] != C.shape[1]:
        raise ValueError(f"C must be square (classes × classes), got shape {C.shape}")
    n = C.shape[0]
    fig = _figure(fig, 5.6, 5.0)
    ax = fig.add_subplot(1, 1, 1)
    off = C.copy()
    np.fill_diagonal(off, 0)
    ax.imshow(off, cmap="Reds", vmin=0, vmax=max(float(off.max()), 1.0))  # colour: mistakes only
    for i in range(n):
        for j in range(n):
            dark = off[i, j] > 0.6 * off.max()
            ax.text(j, i, f"{int(C[i, j])}", ha="center", va="center", fontsize=8,
                    color="white" if dark else "black",
                    fontweight="bold" if i == j else "normal")
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xlabel("network's answer")
    ax.set_ylabel("true digit")
    ax.set_title(title, fontsize=10)
    ax.grid(False)
    return fig


def show_mistakes(images, labels, outputs, n=20, ncols=10, fig=None):
    """The first `n` images the network got wrong, titled "true → answer"; returns fig.

    `outputs` (n_images, n_classes) are the network's outputs; its answer is the
    largest. Raises ValueError when there is no mistake to show.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    x = as_array(images, "images", ndim=3)
    out = as_array(outputs, "outputs", ndim=2)
    y = check_labels(labels, "labels", out.shape[1])
    if not len(x) == len(y) == len(out):
        raise ValueError(f"images, labels and outputs must have the same length, "
                         f"got {len(x)}, {len(y)} and {len(out)}")
    answers = out.argmax(axis=1)
    wrong = np.flatnonzero(answers != y)[:positive_int(n, "n")]
    if len(wrong) == 0:
        raise ValueError("there are no mistakes to show: every answer is right")
    titles = [f"{y[i]} → {answers[i]}" for i in wrong]
    return show_digits(x[wrong], titles, ncols=ncols, fig=fig)


def show_backqueries(net, fig=None, low=0.01, high=0.99, ncols=10):
    """Ask the network backwards for every digit: one image per output node; returns fig.

    The target for digit d is `high` at d and `low` elsewhere; the image is
    `net.backquery(target)` reshaped to a square; `ncols` images per row.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    if not (hasattr(net, "backquery") and hasattr(net, "inodes")):
        raise TypeError(f"net must be an nh.NeuralNetwork (it needs backquery), "
                        f"got {type(net).__name__}")
    side = int(round(np.sqrt(net.inodes)))
    if side * side != net.inodes:
        raise ValueError(f"net must have a square number of inputs, got {net.inodes}")
    images = []
    for d in range(net.onodes):
        T = np.full(net.onodes, low)
        T[d] = high
        images.append(net.backquery(T).reshape(side, side))
    return show_digits(np.array(images), [f"'{d}'" for d in range(net.onodes)],
                       ncols=min(positive_int(ncols, "ncols"), net.onodes), fig=fig)

"""Drawing the playground: the network's weights, the decision boundary, the losses.

`draw_playground(fig, model)` draws afresh; `update_playground(fig, model)`
only changes data in the existing artists (weights, shading, loss lines),
which is what the widget does between training chunks.
"""
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap

from ._validate import describe, positive_int
from .blit import title_text
from .playground_model import PlaygroundModel
from .plotting import COLORS

SHADE = LinearSegmentedColormap.from_list(        # class 0 colour → white → class 1 colour
    "playground", [COLORS["class0"], "#ffffff", COLORS["class1"]])
# Fixed panel positions [left, bottom, width, height] in figure fractions: placing the axes
# by hand is several times faster than a layout engine, and the picture never jumps.
PANELS = ([0.0, 0.02, 0.33, 0.86], [0.35, 0.04, 0.29, 0.84], [0.70, 0.15, 0.28, 0.73])


def draw_playground(fig, model, resolution=60):
    """Draw the weights, the decision boundary and the loss curves on `fig`; returns the summary.

    Three axes, left to right: the network (link width ∝ |w|, orange w > 0,
    green w < 0; biases not drawn), the plane shaded by the predicted
    probability of class 1 (black line: 0.5) with training points (filled)
    and test points (ringed), and the train/test loss against epoch.
    The artists are kept in `fig.playground` for `update_playground`.

    Introduced in: 06_training_a_network.ipynb
    """
    if not isinstance(model, PlaygroundModel):
        raise TypeError(f"model must be a PlaygroundModel, got {describe(model)}")
    resolution = positive_int(resolution, "resolution", minimum=2)
    ax_net, ax_data, ax_loss = _empty_axes(fig)
    art = {"key": _layout_key(model), "axes": (ax_net, ax_data, ax_loss)}
    art["links"], art["nodes"] = _draw_weights(ax_net, model)
    art.update(_draw_boundary(ax_data, model, resolution))
    art["train"], art["test"] = _draw_losses(ax_loss, model)
    fig.playground = art
    _update_artists(art, model)
    return model.summary()


def _empty_axes(fig):
    """The three panels, emptied: reused if this figure has them (much faster than new axes)."""
    art = getattr(fig, "playground", None)
    if art is not None and list(art["axes"]) == fig.axes:
        for ax in art["axes"]:
            for artist in [*ax.lines, *ax.collections, *ax.images, *ax.texts, *ax.patches]:
                artist.remove()
            if ax.get_legend() is not None:
                ax.get_legend().remove()
        return art["axes"]
    fig.clear()
    return tuple(fig.add_axes(rect) for rect in PANELS)


def update_playground(fig, model, resolution=60):
    """Bring a figure drawn by `draw_playground` up to date; returns the summary.

    Only data change (weights, shading, loss lines) when the data set and
    layer sizes are unchanged, which is several times faster than drawing
    afresh; otherwise this draws afresh.

    Introduced in: 06_training_a_network.ipynb
    """
    art = getattr(fig, "playground", None)
    if art is None or art["key"] != _layout_key(model) or art["grid"][2] != resolution \
            or art["axes"][0].figure is not fig or not fig.axes:
        return draw_playground(fig, model, resolution)
    _update_artists(art, model)
    return model.summary()


def _layout_key(model):
    """What fixes the artists: layer sizes, activation and the data set itself."""
    return (tuple(model.net.sizes), model.activation, model.dataset, model.noise,
            model.train_ratio, model.seed)


def _update_artists(art, model):
    Ws = model.net.weights
    flat = np.concatenate([W.ravel() for W in Ws])
    biggest = float(np.abs(flat).max()) or 1.0
    art["links"].set_linewidths(0.3 + 4.0 * np.abs(flat) / biggest)
    art["links"].set_colors(np.where(flat >= 0, COLORS["positive"], COLORS["negative"]))
    gx, gy, _ = art["grid"]
    P = model.predict_proba(np.column_stack([gx.ravel(), gy.ravel()])).reshape(gx.shape)
    art["shade"].set_data(P)
    if art.get("line") is not None:
        art["line"].remove()
    art["line"] = art["shade"].axes.contour(gx, gy, P, levels=[0.5], colors="k", linewidths=1.0)
    h = model.history
    art["train"].set_data(h["epoch"], h["train"])
    art["test"].set_data(h["epoch"], h["test"])
    ax = art["train"].axes
    ax.set_xlim(0, _nice_above(max(10, model.epoch)))       # changes rarely: the axes can be reused
    top = max(max(h["train"]), max(h["test"]))
    ax.set_ylim(0, max(0.8, 1.05 * top) if np.isfinite(top) else 10.0)
    # for blitting (blit.py): everything that changes from frame to frame (blit.py repaints
    # the fixed artists a full draw puts above them, such as spines and the legend)
    ax_net, ax_data, _ = art["axes"]
    ax_data.apply_aspect()                  # its box follows the data's extent: place it now
    moving = [art["links"], art["nodes"], *art["points"], art["shade"], art["line"], art["title"],
              art["train"], art["test"]]
    # the fixed part (titles, node labels, loss axes) depends only on this key; the same scene
    # object across redraws lets blit.py keep its stored background, e.g. when only the noise changes
    fig = ax_net.figure
    if not isinstance(getattr(fig, "scene", None), dict):
        fig.scene = {}
    fig.scene.update(moving=moving, key=(tuple(model.net.sizes), model.activation,
                                         tuple(map(id, art["axes"])), ax.get_xlim(), ax.get_ylim()))


def _nice_above(x):
    """The smallest of 10, 20, 50, 100, 200, 500, ... that is at least x."""
    for k in range(1, 12):
        for m in (1, 2, 5):
            if m * 10 ** k >= x:
                return m * 10 ** k
    return x


def _draw_weights(ax, model):
    """The network as one LineCollection (cheap to update): width ∝ |w|, colour = sign."""
    sizes = model.net.sizes
    pos = [np.column_stack([np.full(n, float(layer)), (n - 1) / 2 - np.arange(n)])
           for layer, n in enumerate(sizes)]
    segments = [[pos[layer][k], pos[layer + 1][j]]
                for layer, W in enumerate(model.net.weights) for j, k in np.ndindex(W.shape)]
    links = LineCollection(segments, zorder=1)
    ax.add_collection(links)
    nodes = np.vstack(pos)
    dots = ax.scatter(nodes[:, 0], nodes[:, 1], s=min(260.0, 1300.0 / max(sizes)), zorder=2,
                      color=COLORS["node"], edgecolor=COLORS["edge"])
    names = ["x₁, x₂"] + [str(n) for n in sizes[1:-1]] + ["out"]
    for layer, name in enumerate(names):
        ax.text(layer, -max(sizes) / 2 - 0.1, name, ha="center", va="top", fontsize=8)
    ax.set_xlim(-0.4, len(sizes) - 0.6)
    ax.set_ylim(-max(sizes) / 2 - 0.8, max(sizes) / 2 + 0.1)
    ax.axis("off")
    ax.set_title(f"weights ({model.activation})")
    return links, dots


def _draw_boundary(ax, model, resolution):
    X = np.vstack([model.X_train, model.X_test])
    lo, hi = X.min(axis=0) - 0.15, X.max(axis=0) + 0.15
    gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], resolution),
                         np.linspace(lo[1], hi[1], resolution))
    shade = ax.imshow(np.full(gx.shape, 0.5), origin="lower", extent=(lo[0], hi[0], lo[1], hi[1]),
                      cmap=SHADE, vmin=0.0, vmax=1.0, alpha=0.55, interpolation="bilinear",
                      aspect="equal")
    points = []
    for cls in (0, 1):
        train = model.X_train[model.y_train == cls]
        test = model.X_test[model.y_test == cls]
        points.append(ax.scatter(train[:, 0], train[:, 1], s=10, color=COLORS[f"class{cls}"],
                                 edgecolor="white", linewidth=0.3))
        points.append(ax.scatter(test[:, 0], test[:, 1], s=12, facecolor="none",
                                 edgecolor=COLORS[f"class{cls}"], linewidth=0.8))
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    return {"shade": shade, "grid": (gx, gy, resolution), "line": None, "points": points,
            "title": title_text(ax, f"{model.dataset}: train ● test ○")}


def _draw_losses(ax, model):
    train, = ax.plot([], [], color=COLORS["train"], label="train", marker="o", ms=4, markevery=[-1])
    test, = ax.plot([], [], color=COLORS["test"], label="test", marker="o", ms=4, markevery=[-1])
    ax.set_xlabel("epoch")
    ax.set_title("loss (cross-entropy)")
    ax.legend(loc="upper right")
    return train, test

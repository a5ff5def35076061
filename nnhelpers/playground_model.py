"""The state behind the playground, without any widgets: testable on its own.

A PlaygroundModel holds a 2-D data set split into training and test points,
an MLP (2 inputs → hidden layers → 1 sigmoid output, cross-entropy loss) and
the loss history. `train_chunk(n)` trains n epochs of mini-batch gradient
descent; `draw_playground(fig, model)` draws network, boundary and losses.
Everything is seeded: the same settings give the same pictures.
"""
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap

from ._validate import choice, describe, positive, positive_int, real
from .datasets import make_circle, make_gaussians, make_spiral, make_xor
from .mlp import MLP
from .plotting import COLORS, plot_decision_boundary

DATASETS = {"circle": make_circle, "xor": make_xor, "gaussian": make_gaussians,
            "spiral": make_spiral}
ACTIVATIONS = ("sigmoid", "tanh", "relu")
MAX_LAYERS, MAX_NODES = 6, 8
# Fixed panel positions [left, bottom, width, height] in figure fractions: placing the axes
# by hand is several times faster than a layout engine, and the picture never jumps.
SHADE = LinearSegmentedColormap.from_list(        # class 0 colour → white → class 1 colour
    "playground", [COLORS["class0"], "#ffffff", COLORS["class1"]])
PANELS = ([0.0, 0.02, 0.33, 0.86], [0.35, 0.04, 0.29, 0.84], [0.70, 0.15, 0.28, 0.73])


def _hidden_sizes(hidden):
    if isinstance(hidden, (str, bytes)) or not hasattr(hidden, "__len__"):
        raise TypeError(f"hidden must be a list of layer sizes such as [4, 2], got {describe(hidden)}")
    if len(hidden) > MAX_LAYERS:
        raise ValueError(f"hidden must have at most {MAX_LAYERS} layers, got {len(hidden)}")
    sizes = [positive_int(n, f"hidden[{i}]") for i, n in enumerate(hidden)]
    for i, n in enumerate(sizes):
        if n > MAX_NODES:
            raise ValueError(f"hidden[{i}] must be at most {MAX_NODES} nodes, got {n}")
    return sizes


class PlaygroundModel:
    """Data set + train/test split + network + loss history, after TensorFlow Playground.

    dataset: "circle" | "xor" | "gaussian" | "spiral"; noise ≥ 0; train_ratio
    in (0, 1): the share of the n points used for training; hidden: sizes of
    the hidden layers (0 to 6 layers of 1 to 8 nodes); activation of the
    hidden layers; lr, l2 and batch_size for training; seed fixes the data,
    the split, the initial weights and the shuffling.
    `history` holds the mean train and test loss (no L2 term) after every epoch,
    starting with the untrained network at epoch 0.

    Introduced in: 06_training_a_network.ipynb
    """

    def __init__(self, dataset="circle", noise=0.1, train_ratio=0.5, hidden=(4, 4),
                 activation="tanh", lr=0.1, l2=0.0, batch_size=10, n=200, seed=0):
        self.n = positive_int(n, "n", minimum=4)
        self.seed = positive_int(seed, "seed", minimum=0)
        self.lr, self.l2, self.batch_size = lr, l2, batch_size
        self.set_training(lr=lr, l2=l2, batch_size=batch_size)
        self.set_data(dataset, noise, train_ratio, rebuild=False)
        self.set_network(hidden, activation)

    def _seeds(self):
        """Independent seeds for data, initial weights and shuffling (one SeedSequence)."""
        return np.random.SeedSequence(self.seed).spawn(3)

    def set_data(self, dataset=None, noise=None, train_ratio=None, rebuild=True):
        """Make a new data set and split (unchanged arguments keep their value); resets."""
        self.dataset = choice(dataset if dataset is not None else self.dataset, "dataset",
                              tuple(DATASETS))
        self.noise = real(noise if noise is not None else self.noise, "noise", low=0.0, high=1.0)
        ratio = train_ratio if train_ratio is not None else self.train_ratio
        self.train_ratio = real(ratio, "train_ratio", low=0.0, high=1.0, low_open=True)
        n_train = int(round(self.n * self.train_ratio))
        if not 1 <= n_train <= self.n - 1:
            raise ValueError(f"train_ratio must leave at least one training and one test point "
                             f"of {self.n}, got {self.train_ratio}")
        rng = np.random.default_rng(self._seeds()[0])
        X, y = DATASETS[self.dataset](self.n, self.noise, rng)
        order = rng.permutation(self.n)
        self.X_train, self.y_train = X[order[:n_train]], y[order[:n_train]]
        self.X_test, self.y_test = X[order[n_train:]], y[order[n_train:]]
        if rebuild:
            self.reset()

    def set_network(self, hidden=None, activation=None):
        """Rebuild the network with new hidden sizes and/or activation; resets."""
        self.hidden = _hidden_sizes(hidden if hidden is not None else self.hidden)
        self.activation = choice(activation if activation is not None else self.activation,
                                 "activation", ACTIVATIONS)
        self.reset()

    def set_training(self, lr=None, l2=None, batch_size=None):
        """Change learning rate, L2 strength or batch size; training continues from here."""
        self.lr = positive(lr if lr is not None else self.lr, "lr")
        self.l2 = real(l2 if l2 is not None else self.l2, "l2", low=0.0)
        self.batch_size = positive_int(batch_size if batch_size is not None else self.batch_size,
                                       "batch_size")

    def reset(self):
        """Back to epoch 0: the same initial weights (from the seed) and an empty history."""
        _, init_seed, shuffle_seed = self._seeds()
        self.net = MLP([2, *self.hidden, 1], hidden_activation=self.activation,
                       output="sigmoid", loss="cross_entropy", init="normal",
                       rng=np.random.default_rng(init_seed))
        self.shuffle_rng = np.random.default_rng(shuffle_seed)
        self.epoch = 0
        self.history = {"epoch": [], "train": [], "test": []}
        self._record()

    def losses(self):
        """(train loss, test loss): mean cross-entropy on each set, without the L2 term."""
        return (self.net.loss(self.X_train, self.y_train),
                self.net.loss(self.X_test, self.y_test))

    def _record(self):
        train, test = self.losses()
        self.history["epoch"].append(self.epoch)
        self.history["train"].append(train)
        self.history["test"].append(test)

    def train_chunk(self, n_steps=1):
        """Train n_steps epochs (one pass over the shuffled training set each); returns losses.

        Splitting training into chunks changes nothing: train_chunk(3) twice
        gives the same weights as train_chunk(6) once.
        """
        n_steps = positive_int(n_steps, "n_steps")
        for _ in range(n_steps):
            epoch = self.epoch + 1
            try:
                with np.errstate(over="raise", invalid="raise"):
                    self.net.fit(self.X_train, self.y_train, epochs=1,
                                 batch_size=self.batch_size, lr=self.lr, l2=self.l2,
                                 rng=self.shuffle_rng)
                    self.epoch += 1
                    self._record()
                finite = np.isfinite(self.history["train"][-1])
            except FloatingPointError:
                finite = False
            if not finite:
                raise FloatingPointError(f"training diverged in epoch {epoch}: lower the "
                                         f"learning rate (now {self.lr}) and reset")
        return self.history["train"][-1], self.history["test"][-1]

    def predict_proba(self, X):
        """The network's probability of class 1 for points X (m, 2) → (m,)."""
        return self.net.forward(np.asarray(X, dtype=float).reshape(-1, 2))[:, 0]

    def summary(self):
        """One line: epoch and the two losses (4 decimals)."""
        train, test = self.history["train"][-1], self.history["test"][-1]
        return f"epoch {self.epoch} · train loss {train:.4f} · test loss {test:.4f}"


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
    fig.clear()
    fig.set_layout_engine("none")          # panels are placed by hand: no layout engine
    ax_net, ax_data, ax_loss = (fig.add_axes(rect) for rect in PANELS)
    art = {"key": _layout_key(model), "axes": (ax_net, ax_data, ax_loss)}
    art["links"] = _draw_weights(ax_net, model)
    art.update(_draw_boundary(ax_data, model, resolution))
    art["train"], art["test"] = _draw_losses(ax_loss, model)
    fig.playground = art
    _update_artists(art, model)
    return model.summary()


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
    ax.set_xlim(0, max(10, model.epoch))
    top = max(max(h["train"]), max(h["test"]))
    ax.set_ylim(0, max(0.8, 1.05 * top) if np.isfinite(top) else 10.0)


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
    ax.scatter(nodes[:, 0], nodes[:, 1], s=min(260.0, 1300.0 / max(sizes)), zorder=2,
               color=COLORS["node"], edgecolor=COLORS["edge"])
    names = ["x₁, x₂"] + [str(n) for n in sizes[1:-1]] + ["out"]
    for layer, name in enumerate(names):
        ax.text(layer, -max(sizes) / 2 - 0.1, name, ha="center", va="top", fontsize=8)
    ax.set_xlim(-0.4, len(sizes) - 0.6)
    ax.set_ylim(-max(sizes) / 2 - 0.8, max(sizes) / 2 + 0.1)
    ax.axis("off")
    ax.set_title(f"weights ({model.activation})")
    return links


def _draw_boundary(ax, model, resolution):
    X = np.vstack([model.X_train, model.X_test])
    lo, hi = X.min(axis=0) - 0.15, X.max(axis=0) + 0.15
    gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], resolution),
                         np.linspace(lo[1], hi[1], resolution))
    shade = ax.imshow(np.full(gx.shape, 0.5), origin="lower", extent=(lo[0], hi[0], lo[1], hi[1]),
                      cmap=SHADE, vmin=0.0, vmax=1.0, alpha=0.55, interpolation="bilinear",
                      aspect="equal")
    for cls in (0, 1):
        train = model.X_train[model.y_train == cls]
        test = model.X_test[model.y_test == cls]
        ax.scatter(train[:, 0], train[:, 1], s=10, color=COLORS[f"class{cls}"],
                   edgecolor="white", linewidth=0.3)
        ax.scatter(test[:, 0], test[:, 1], s=12, facecolor="none",
                   edgecolor=COLORS[f"class{cls}"], linewidth=0.8)
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    ax.set_title(f"{model.dataset}: train ● test ○")
    return {"shade": shade, "grid": (gx, gy, resolution), "line": None}


def _draw_losses(ax, model):
    train, = ax.plot([], [], color=COLORS["train"], label="train")
    test, = ax.plot([], [], color=COLORS["test"], label="test")
    ax.set_xlabel("epoch")
    ax.set_title("loss (cross-entropy)")
    ax.legend(loc="upper right")
    return train, test

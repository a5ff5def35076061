"""The state behind the playground, without any widgets: testable on its own.

A PlaygroundModel holds a 2-D data set split into training and test points,
an MLP (2 inputs → hidden layers → 1 sigmoid output, cross-entropy loss) and
the loss history. `train_chunk(n)` trains n epochs of mini-batch gradient
descent; `draw_playground(fig, model)` draws network, boundary and losses.
Everything is seeded: the same settings give the same pictures.
"""
import numpy as np

from ._validate import choice, describe, positive, positive_int, real
from .datasets import make_circle, make_gaussians, make_spiral, make_xor
from .mlp import MLP
from .plotting import COLORS, draw_network, plot_decision_boundary

DATASETS = {"circle": make_circle, "xor": make_xor, "gaussian": make_gaussians,
            "spiral": make_spiral}
ACTIVATIONS = ("sigmoid", "tanh", "relu")
MAX_LAYERS, MAX_NODES = 6, 8


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
                 activation="tanh", lr=0.3, l2=0.0, batch_size=10, n=200, seed=0):
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
            self.net.fit(self.X_train, self.y_train, epochs=1, batch_size=self.batch_size,
                         lr=self.lr, l2=self.l2, rng=self.shuffle_rng)
            self.epoch += 1
            self._record()
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
    probability of class 1 with training points (filled) and test points
    (ringed), and train/test loss against epoch.

    Introduced in: 06_training_a_network.ipynb
    """
    if not isinstance(model, PlaygroundModel):
        raise TypeError(f"model must be a PlaygroundModel, got {describe(model)}")
    fig.clear()
    ax_net, ax_data, ax_loss = fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.1, 1, 1.1]})
    _draw_weights(ax_net, model)
    _draw_boundary(ax_data, model, resolution)
    _draw_losses(ax_loss, model)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.15, top=0.88, wspace=0.28)
    return model.summary()


def _draw_weights(ax, model):
    sizes = model.net.sizes
    draw_network(model.net.weights, ax, max_width=4.0)
    node_size = min(300.0, 1400.0 / max(sizes))
    for points in ax.collections:                  # draw_network's nodes are sized for 3 nodes
        points.set_sizes([node_size])
    names = ["x₁, x₂"] + [f"{n}" for n in sizes[1:-1]] + ["out"]
    for layer, name in enumerate(names):
        ax.text(layer, -max(sizes) / 2 - 0.15, name, ha="center", va="top", fontsize=8)
    ax.set_ylim(-max(sizes) / 2 - 0.7, max(sizes) / 2 + 0.3)
    ax.set_title(f"weights ({model.activation})")


def _draw_boundary(ax, model, resolution):
    X_all = np.vstack([model.X_train, model.X_test])
    plot_decision_boundary(model.predict_proba, X_all, np.r_[model.y_train, model.y_test], ax,
                           resolution=resolution, margin=0.15)
    for artist in ax.collections[-2:]:             # the scatter of all points: redraw it split
        artist.remove()
    for cls in (0, 1):
        train = model.X_train[model.y_train == cls]
        test = model.X_test[model.y_test == cls]
        ax.scatter(train[:, 0], train[:, 1], s=10, color=COLORS[f"class{cls}"],
                   edgecolor="white", linewidth=0.3)
        ax.scatter(test[:, 0], test[:, 1], s=12, facecolor="none",
                   edgecolor=COLORS[f"class{cls}"], linewidth=0.8)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(f"{model.dataset}: train ● test ○")


def _draw_losses(ax, model):
    h = model.history
    ax.plot(h["epoch"], h["train"], color=COLORS["train"], label="train")
    ax.plot(h["epoch"], h["test"], color=COLORS["test"], label="test")
    ax.set_xlim(0, max(10, model.epoch))
    ax.set_ylim(0, max(0.8, 1.05 * max(max(h["train"]), max(h["test"]))))
    ax.set_xlabel("epoch")
    ax.set_title("loss (cross-entropy)")
    ax.legend(loc="upper right")

"""The state behind the playground, without any widgets: testable on its own.

A PlaygroundModel holds a 2-D data set split into training and test points,
an MLP (2 inputs → hidden layers → 1 sigmoid output, cross-entropy loss) and
the loss history. `train_chunk(n)` trains n epochs of mini-batch gradient
descent. Everything is seeded: the same settings give the same numbers.
Drawing lives in playground_draw.py, the widget in playground.py.
"""
import numpy as np

from ._validate import as_array, choice, describe, positive, positive_int, real
from .datasets import make_circle, make_gaussians, make_spiral, make_xor
from .mlp import MLP

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
        """Make a new data set and split (unchanged arguments keep their value); resets.

        Introduced in: 06_training_a_network.ipynb
        """
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
        """Rebuild the network with new hidden sizes and/or activation; resets.

        Introduced in: 06_training_a_network.ipynb
        """
        self.hidden = _hidden_sizes(hidden if hidden is not None else self.hidden)
        self.activation = choice(activation if activation is not None else self.activation,
                                 "activation", ACTIVATIONS)
        self.reset()

    def set_training(self, lr=None, l2=None, batch_size=None):
        """Change learning rate, L2 strength or batch size; training continues from here.

        Introduced in: 06_training_a_network.ipynb
        """
        self.lr = positive(lr if lr is not None else self.lr, "lr")
        self.l2 = real(l2 if l2 is not None else self.l2, "l2", low=0.0)
        self.batch_size = positive_int(batch_size if batch_size is not None else self.batch_size,
                                       "batch_size")

    def reset(self):
        """Back to epoch 0: the same initial weights (from the seed) and an empty history.

        Introduced in: 06_training_a_network.ipynb
        """
        _, init_seed, shuffle_seed = self._seeds()
        self.net = MLP([2, *self.hidden, 1], hidden_activation=self.activation,
                       output="sigmoid", loss="cross_entropy", init="normal",
                       rng=np.random.default_rng(init_seed))
        self.shuffle_rng = np.random.default_rng(shuffle_seed)
        self.epoch = 0
        self.history = {"epoch": [], "train": [], "test": []}
        self._record()

    def losses(self):
        """(train loss, test loss): mean cross-entropy on each set, without the L2 term.

        Introduced in: 06_training_a_network.ipynb
        """
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
        gives the same weights as train_chunk(6) once. A loss that stops being
        finite raises FloatingPointError.

        Introduced in: 06_training_a_network.ipynb
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
        """The network's probability of class 1 for points X (m, 2) → (m,).

        Introduced in: 06_training_a_network.ipynb
        """
        return self.net.forward(as_array(X, "X", shape=(None, 2)))[:, 0]

    def summary(self):
        """One line: epoch and the two losses (4 decimals).

        Introduced in: 06_training_a_network.ipynb
        """
        train, test = self.history["train"][-1], self.history["test"][-1]
        return f"epoch {self.epoch} · train loss {train:.4f} · test loss {test:.4f}"

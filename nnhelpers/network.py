"""The three-layer network of *Make Your Own Neural Network* and the slides.

One example is a column: `X_hidden = W_ih · I`, `O = sigmoid(X)`. No biases.
`wih` has shape (hidden, input), `who` shape (output, hidden).
"""
import numpy as np

from ._validate import as_array, choice, generator, positive, positive_int
from .activations import logit, sigmoid
from .prepare import scale_to_range

RULES = ("book", "gradient")


class NeuralNetwork:
    """Initialise, train and query a 3-layer sigmoid network, one example at a time.

    `rule="book"` sends the raw output errors back through `who.T` (the
    slides' shortcut); `rule="gradient"` sends back error · o(1 − o), which
    makes each update exact gradient descent on E = ½ Σ (t − o)².

    Introduced in: 06_training_a_network.ipynb
    """

    def __init__(self, input_nodes, hidden_nodes, output_nodes, learning_rate,
                 rng=None, rule="book"):
        self.inodes = positive_int(input_nodes, "input_nodes")
        self.hnodes = positive_int(hidden_nodes, "hidden_nodes")
        self.onodes = positive_int(output_nodes, "output_nodes")
        self.lr = positive(learning_rate, "learning_rate")
        self.rule = choice(rule, "rule", RULES)
        rng = generator(rng)
        self.wih = rng.normal(0.0, self.inodes ** -0.5, (self.hnodes, self.inodes))
        self.who = rng.normal(0.0, self.hnodes ** -0.5, (self.onodes, self.hnodes))

    def _column(self, values, name, n):
        v = as_array(values, name, ndim=(1, 2))
        if v.size != n or (v.ndim == 2 and 1 not in v.shape):
            raise ValueError(f"{name} must hold {n} numbers (one per node), got shape {v.shape}")
        return v.reshape(n, 1)

    def _forward(self, inputs):
        I = self._column(inputs, "inputs", self.inodes)
        H = sigmoid(self.wih @ I)
        return I, H, sigmoid(self.who @ H)

    def query(self, inputs):
        """Outputs for one example: inputs (input_nodes,) → outputs (output_nodes,).

        Introduced in: 06_training_a_network.ipynb
        """
        return self._forward(inputs)[2].ravel()

    def query_batch(self, X):
        """Outputs for many examples at once, rows are examples: X (n, input_nodes) → (n, output_nodes).

        The same numbers as `query` on each row: sigmoid(sigmoid(X · W_ihᵀ) · W_hoᵀ).

        Introduced in: 07_mnist_handwritten_digits.ipynb
        """
        X = as_array(X, "X", shape=(None, self.inodes))
        return sigmoid(sigmoid(X @ self.wih.T) @ self.who.T)

    def loss(self, inputs, targets):
        """E = ½ Σ (t − o)² for one example (a float).

        Introduced in: 06_training_a_network.ipynb
        """
        T = self._column(targets, "targets", self.onodes)
        return float(0.5 * np.sum((T - self._forward(inputs)[2]) ** 2))

    def weight_updates(self, inputs, targets):
        """The changes (ΔW_ih, ΔW_ho) one call of `train` would add, shapes of wih, who.

        Introduced in: 06_training_a_network.ipynb
        """
        return self._updates(inputs, targets)[:2]

    def _updates(self, inputs, targets):
        T = self._column(targets, "targets", self.onodes)
        I, H, O = self._forward(inputs)
        delta_out = (T - O) * O * (1.0 - O)
        carried = delta_out if self.rule == "gradient" else T - O
        hidden_errors = self.who.T @ carried
        delta_hidden = hidden_errors * H * (1.0 - H)
        loss = float(0.5 * np.sum((T - O) ** 2))
        return self.lr * delta_hidden @ I.T, self.lr * delta_out @ H.T, loss

    def train(self, inputs, targets):
        """One update from one example; returns the loss before the update.

        Introduced in: 06_training_a_network.ipynb
        """
        d_wih, d_who, before = self._updates(inputs, targets)
        self.wih += d_wih
        self.who += d_who
        return before

    def backquery(self, targets):
        """Run the network backwards: targets (output_nodes,) → an input image (input_nodes,).

        Each layer's signal is passed through logit, sent back through W.T and
        rescaled into [0.01, 0.99] so the next logit is defined.

        Introduced in: 07_mnist_handwritten_digits.ipynb
        """
        T = self._column(targets, "targets", self.onodes)
        if np.any((T <= 0) | (T >= 1)):
            raise ValueError("targets must lie strictly between 0 and 1 for backquery, "
                             f"got values from {T.min()} to {T.max()}")
        hidden = _rescale(self.who.T @ logit(T))
        return _rescale(self.wih.T @ logit(hidden)).ravel()


def _rescale(v, low=0.01, high=0.99):
    if v.max() == v.min():
        return np.full_like(v, (low + high) / 2)
    return scale_to_range(v, low, high)

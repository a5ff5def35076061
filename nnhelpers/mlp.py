"""A vectorised multi-layer perceptron of any depth. Rows are examples.

For a batch X of shape (m, n_in) each layer computes Z = A @ W.T + b, with
W of shape (n_out, n_in) as in the single-example notes (X = W · I) and b of
shape (n_out,). The same W serves both conventions: a column example uses
W @ x, a row batch uses X @ W.T.
"""
import numpy as np

from . import _mlp_io
from ._validate import choice, generator, labels, positive_int, real
from .mlp_math import (LOSSES, OUTPUTS, HIDDEN, init_weights, activate,
                       activation_slope, output_delta, data_loss)
from .mlp_fit import fit as _fit
from .mlp_data import as_inputs, as_targets


class MLP:
    """Fully connected network: sigmoid/tanh/relu hidden layers, sigmoid or softmax out.

    Introduced in: 06_training_a_network.ipynb
    """

    def __init__(self, layer_sizes, hidden_activation="sigmoid", output="sigmoid",
                 loss="mse", init="normal", rng=None, dtype="float64"):
        if isinstance(layer_sizes, (str, bytes)) or not hasattr(layer_sizes, "__len__"):
            raise TypeError(f"layer_sizes must be a list of whole numbers, got {layer_sizes!r}")
        if len(layer_sizes) < 2:
            raise ValueError(f"layer_sizes needs at least 2 entries (inputs and outputs), "
                             f"got {list(layer_sizes)}")
        self.sizes = [positive_int(n, f"layer_sizes[{i}]") for i, n in enumerate(layer_sizes)]
        self.hidden_activation = choice(hidden_activation, "hidden_activation", HIDDEN)
        self.output = choice(output, "output", OUTPUTS)
        self.loss_name = choice(loss, "loss", LOSSES)
        self.init = choice(init, "init", ("normal", "xavier", "he", "uniform"))
        self.dtype = _float_dtype(dtype)
        rng = generator(rng)
        pairs = zip(self.sizes[:-1], self.sizes[1:])
        self.weights = [init_weights(self.init, n_out, n_in, rng).astype(self.dtype)
                        for n_in, n_out in pairs]
        self.biases = [np.zeros(n, dtype=self.dtype) for n in self.sizes[1:]]

    def config(self):
        """The constructor arguments (without rng), as a dict."""
        return {"layer_sizes": self.sizes, "hidden_activation": self.hidden_activation,
                "output": self.output, "loss": self.loss_name, "init": self.init,
                "dtype": str(self.dtype)}

    def _forward(self, X):
        """All activations [A0 = X, A1, ..., AL] and the last pre-activation ZL."""
        A = [X]
        for i, (W, b) in enumerate(zip(self.weights, self.biases)):
            Z = A[-1] @ W.T
            Z += b
            last = i == len(self.weights) - 1
            A.append(activate(self.output if last else self.hidden_activation, Z, copy=last))
        return A, Z

    def forward(self, X):
        """Network outputs for a batch: X (m, n_in) → (m, n_out); a 1-D X gives (n_out,).

        Introduced in: 06_training_a_network.ipynb
        """
        X2 = as_inputs(X, self.sizes[0], self.dtype)
        out = self._forward(X2)[0][-1]
        return out[0] if np.ndim(X) == 1 else out

    def loss(self, X, y, l2=0.0):
        """Mean data loss over the batch plus (l2 / 2) Σ‖W‖² (biases are not penalised).

        Introduced in: 06_training_a_network.ipynb
        """
        X, Y, l2 = self._batch(X, y, l2)
        A, ZL = self._forward(X)
        return float(data_loss(self.output, self.loss_name, A[-1], ZL, Y) + self._penalty(l2))

    def _penalty(self, l2):
        return 0.5 * l2 * sum(float(np.sum(W * W)) for W in self.weights) if l2 else 0.0

    def _batch(self, X, y, l2):
        X = as_inputs(X, self.sizes[0], self.dtype, two_d=True)
        return X, as_targets(y, len(X), self.sizes[-1], self.dtype), real(l2, "l2", low=0.0)

    def gradients(self, X, y, l2=0.0):
        """Backpropagation: a list of (dW, db) per layer, the gradient of `loss`.

        Introduced in: 06_training_a_network.ipynb
        """
        X, Y, l2 = self._batch(X, y, l2)
        return self._backprop(X, Y, l2)[0]

    def _backprop(self, X, Y, l2):
        A, ZL = self._forward(X)
        value = data_loss(self.output, self.loss_name, A[-1], ZL, Y)
        delta = output_delta(self.output, self.loss_name, A[-1], Y)
        grads = []
        for i in range(len(self.weights) - 1, -1, -1):
            dW = delta.T @ A[i]
            if l2:
                dW += l2 * self.weights[i]
            grads.append((dW, delta.sum(axis=0)))
            if i:
                delta = delta @ self.weights[i]
                delta *= activation_slope(self.hidden_activation, A[i])
        return grads[::-1], value + self._penalty(l2), A[-1]

    def fit(self, X, y, epochs, batch_size, lr, momentum=0.0, l2=0.0, rng=None,
            validation=None, progress=False, augment=None, callback=None):
        """Mini-batch gradient descent with momentum; returns a history dict of lists.

        History keys: "loss" (mean training loss per epoch, from the batches,
        including the L2 penalty; "val_loss" is the data loss alone),
        "accuracy" (training accuracy per epoch, from the batches, for class
        labels), and "val_loss", "val_accuracy" when `validation=(X_val, y_val)`.
        `lr` is a number or a function epoch → number. `augment(X_batch, rng)`
        may return a changed copy of each batch (e.g. shifted images).
        `callback(epoch, history)` runs after each epoch; returning False stops.
        `rng` (a NumPy Generator) shuffles the batches and feeds `augment`;
        None means a new generator seeded with 0, so two calls without one
        repeat the same order: pass one generator to continue its sequence.

        Introduced in: 06_training_a_network.ipynb
        """
        return _fit(self, X, y, epochs, batch_size, lr, momentum, l2, generator(rng),
                    validation, progress, augment, callback)

    def predict(self, X):
        """Class labels (m,): argmax of the outputs, or output > 0.5 for one output node.

        Introduced in: 06_training_a_network.ipynb
        """
        out = np.atleast_2d(self.forward(X))
        labels = (out[:, 0] > 0.5).astype(np.int64) if out.shape[1] == 1 else out.argmax(axis=1)
        return labels[0] if np.ndim(X) == 1 else labels

    def evaluate(self, X, y):
        """Accuracy in [0, 1]: the share of rows whose predicted label equals y.

        Introduced in: 06_training_a_network.ipynb
        """
        X = as_inputs(X, self.sizes[0], self.dtype, two_d=True)
        y = labels(y, "y", max(self.sizes[-1], 2))
        if len(y) != len(X):
            raise ValueError(f"X and y must have the same number of rows, got {len(X)} and {len(y)}")
        return float(np.mean(self.predict(X) == y))

    def save(self, path):
        """Write the weights and configuration to an .npz file (no pickle), atomically.

        Introduced in: 06_training_a_network.ipynb
        """
        _mlp_io.save(self, path)

    @classmethod
    def load(cls, path):
        """Read a network written by `save`; junk or pickled files raise ValueError.

        Introduced in: 06_training_a_network.ipynb
        """
        return _mlp_io.load(cls, path)


def _float_dtype(dtype):
    try:
        name = np.dtype(dtype).name
    except TypeError:
        raise TypeError(f"dtype must be 'float32' or 'float64', got {dtype!r}") from None
    return np.dtype(choice(name, "dtype", ("float32", "float64")))

"""The arithmetic inside MLP: initialisation, activations, losses, output deltas.

Private kernels: they skip argument checks (MLP validates once per call) and
work in place where they can, because they run for every mini-batch.
"""
import numpy as np

HIDDEN = ("sigmoid", "tanh", "relu")
OUTPUTS = ("sigmoid", "softmax")
LOSSES = ("mse", "cross_entropy")


def init_weights(scheme, n_out, n_in, rng):
    """A (n_out, n_in) weight matrix.

    normal: N(0, 1/√n_in) as in the book; xavier: N(0, √(2/(n_in+n_out)));
    he: N(0, √(2/n_in)) for ReLU; uniform: U(−ε, ε), ε = √6/√(n_in+n_out) (Ng).
    """
    if scheme == "uniform":
        eps = np.sqrt(6.0) / np.sqrt(n_in + n_out)
        return rng.uniform(-eps, eps, (n_out, n_in))
    scale = {"normal": n_in ** -0.5, "xavier": np.sqrt(2.0 / (n_in + n_out)),
             "he": np.sqrt(2.0 / n_in)}[scheme]
    return rng.normal(0.0, scale, (n_out, n_in))


def activate(name, Z, copy=False):
    """Apply an activation to Z (in place unless copy); softmax works on rows."""
    A = Z.copy() if copy else Z
    if name == "relu":
        return np.maximum(A, 0, out=A)
    if name == "tanh":
        return np.tanh(A, out=A)
    if name == "softmax":
        A -= A.max(axis=1, keepdims=True)
        np.exp(A, out=A)
        A /= A.sum(axis=1, keepdims=True)
        return A
    A *= 0.5                        # sigmoid as ½ + ½·tanh(z/2): in place, never overflows,
    np.tanh(A, out=A)               # exact to within a rounding step of 1 (not relative to
    A *= 0.5                        # tiny outputs, which training never needs)
    A += 0.5
    return A


def activation_slope(name, A):
    """The derivative of a hidden activation, written in terms of its output A."""
    if name == "relu":
        return A > 0
    if name == "tanh":
        return 1.0 - A * A
    return A * (1.0 - A)


def _log_sigmoid(Z):
    """ln σ(z) = −ln(1 + e^−z), without overflow."""
    return -np.logaddexp(0.0, -Z)


def data_loss(output, loss, A, Z, Y):
    """Mean loss over the m rows of a batch.

    mse: 1/(2m) Σ (a − y)²; cross_entropy with sigmoid: Nielsen's
    −1/m Σ [y ln a + (1 − y) ln(1 − a)]; with softmax: −1/m Σ y ln a.
    Logarithms are taken from Z directly so they never see 0.
    """
    m = len(Y)
    if loss == "mse":
        return float(0.5 * np.sum((A - Y) ** 2) / m)
    if output == "sigmoid":
        return float(-np.sum(Y * _log_sigmoid(Z) + (1 - Y) * _log_sigmoid(-Z)) / m)
    shifted = Z - Z.max(axis=1, keepdims=True)
    log_a = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return float(-np.sum(Y * log_a) / m)


def output_delta(output, loss, A, Y):
    """∂(mean loss)/∂Z for the output layer, shape (m, n_out)."""
    g = (A - Y) / len(Y)
    if loss == "cross_entropy":
        return g                      # σ′ or the softmax Jacobian cancels
    if output == "sigmoid":
        return g * A * (1.0 - A)
    return A * (g - np.sum(g * A, axis=1, keepdims=True))   # softmax Jacobian · g

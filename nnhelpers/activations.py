"""Activation functions and their derivatives, numerically stable.

Every function takes a number or array `z` and works elementwise (softmax
works along the last axis). None of them warns for inputs up to ±1e4.
"""
import numpy as np

from ._validate import as_array, positive, real


def step(z, threshold=0.0):
    """Heaviside step: 1.0 where z >= threshold, else 0.0.

    Elementwise: an array of any shape gives an array of the same shape.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    z = as_array(z, "z")
    return (z >= real(threshold, "threshold")).astype(float)


def step_prime(z):
    """Derivative of the step: 0 everywhere (undefined at the jump; taken as 0).

    Elementwise: an array of any shape gives an array of the same shape.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    return np.zeros_like(as_array(z, "z"))


def sigmoid(z):
    """Logistic function 1 / (1 + e^-z), computed without overflow.

    For z >= 0 it uses 1 / (1 + e^-z); for z < 0 the equal form e^z / (1 + e^z),
    so the exponential never sees a large positive argument.
    Elementwise: an array of any shape gives an array of the same shape.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    z = as_array(z, "z")
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_prime(z):
    """Derivative σ'(z) = σ(z)(1 − σ(z)).

    Elementwise: an array of any shape gives an array of the same shape.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    s = sigmoid(z)
    return s * (1.0 - s)


def logit(p):
    """Inverse of the sigmoid, ln(p / (1 − p)), for p strictly between 0 and 1.

    Elementwise: an array of any shape gives an array of the same shape.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    p = as_array(p, "p")
    if np.any((p <= 0) | (p >= 1)):
        raise ValueError("p must lie strictly between 0 and 1 for logit, "
                         f"got values from {p.min()} to {p.max()}")
    return np.log(p) - np.log1p(-p)


def tanh(z):
    """Hyperbolic tangent, output in (−1, 1).

    Elementwise: an array of any shape gives an array of the same shape.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    return np.tanh(as_array(z, "z"))


def tanh_prime(z):
    """Derivative 1 − tanh(z)².

    Elementwise: an array of any shape gives an array of the same shape.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    return 1.0 - np.tanh(as_array(z, "z")) ** 2


def relu(z):
    """Rectified linear unit max(0, z).

    Elementwise: an array of any shape gives an array of the same shape.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    return np.maximum(as_array(z, "z"), 0.0)


def relu_prime(z):
    """Derivative of ReLU: 1 where z > 0, else 0.

    Elementwise: an array of any shape gives an array of the same shape.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    return (as_array(z, "z") > 0).astype(float)


def softmax(z, temperature=1.0):
    """Softmax along the last axis: exponentiate, sum, divide.

    The row maximum is subtracted first (this leaves the result unchanged)
    so no exponential overflows. `temperature` T divides z first: large T
    flattens the distribution, small T sharpens it. Shape in = shape out.

    Introduced in: 02_activation_and_the_neuron.ipynb
    """
    z = as_array(z, "z", ndim=(1, 2))
    T = positive(temperature, "temperature")
    with np.errstate(over="ignore"):                   # a tiny T sends (z − max) / T to −inf: e^−inf = 0
        e = np.exp((z - z.max(axis=-1, keepdims=True)) / T)
    return e / e.sum(axis=-1, keepdims=True)


def softmax_prime(z):
    """Jacobian of softmax for a 1-D z: J[i, j] = s_i (δ_ij − s_j), shape (n, n).

    Introduced in: 08_training_better_and_faster.ipynb
    """
    s = softmax(as_array(z, "z", ndim=1))
    return np.diag(s) - np.outer(s, s)


def safe_log(p, floor=1e-300):
    """Natural log that never warns: values below `floor` are raised to it.

    Elementwise: an array of any shape gives an array of the same shape.

    Introduced in: 08_training_better_and_faster.ipynb
    """
    p = as_array(p, "p")
    if np.any(p < 0):
        raise ValueError(f"p must be non-negative for a logarithm, got a value {p.min()}")
    return np.log(np.maximum(p, floor))


ACTIVATIONS = {"step": (step, step_prime), "sigmoid": (sigmoid, sigmoid_prime),
               "tanh": (tanh, tanh_prime), "relu": (relu, relu_prime)}

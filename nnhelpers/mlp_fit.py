"""Mini-batch training loop for MLP, kept apart so mlp.py stays readable."""
import numpy as np

from ._validate import as_array, positive, positive_int, real
from .mlp_data import as_inputs, as_targets


def _learning_rate(lr, epoch):
    value = lr(epoch) if callable(lr) else lr
    return positive(value, "lr" if not callable(lr) else f"lr({epoch})")


def _check_validation(net, validation):
    if validation is None:
        return None
    if not isinstance(validation, (tuple, list)) or len(validation) != 2:
        raise TypeError("validation must be a pair (X_val, y_val), "
                        f"got {type(validation).__name__}")
    Xv = as_inputs(validation[0], net.sizes[0], net.dtype, two_d=True)
    return Xv, validation[1], as_targets(validation[1], len(Xv), net.sizes[-1], net.dtype)


def _accuracy(A, Y):
    if A.shape[1] == 1:
        return float(np.mean((A[:, 0] > 0.5) == (Y[:, 0] > 0.5)))
    return float(np.mean(A.argmax(axis=1) == Y.argmax(axis=1)))


def fit(net, X, y, epochs, batch_size, lr, momentum, l2, rng, validation, progress, augment,
        callback=None):
    """See MLP.fit. Updates net.weights and net.biases in place."""
    X = as_inputs(X, net.sizes[0], net.dtype, two_d=True)
    Y = as_targets(y, len(X), net.sizes[-1], net.dtype)
    epochs = positive_int(epochs, "epochs")
    batch_size = positive_int(batch_size, "batch_size")
    momentum = real(momentum, "momentum", low=0.0, high=0.999)
    l2 = real(l2, "l2", low=0.0)
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be a function (epoch, history) -> bool, got {callback!r}")
    if augment is not None and not callable(augment):
        raise TypeError(f"augment must be a function (X_batch, rng) -> X_batch, got {augment!r}")
    val = _check_validation(net, validation)
    classes = np.asarray(y).dtype.kind in "iu"
    params = net.weights + net.biases
    velocity = [np.zeros_like(p) for p in params]
    history = {"loss": [], "accuracy": []} if classes else {"loss": []}
    if val is not None:
        history.update({"val_loss": []} if not classes else {"val_loss": [], "val_accuracy": []})
    epoch_iter = range(epochs)
    if progress:
        from tqdm.auto import tqdm
        epoch_iter = tqdm(epoch_iter, desc="training", unit="epoch")
    for epoch in epoch_iter:
        step = _learning_rate(lr, epoch)
        order = rng.permutation(len(X))
        total, correct = 0.0, 0.0
        for start in range(0, len(X), batch_size):
            idx = order[start:start + batch_size]
            Xb, Yb = X[idx], Y[idx]
            if augment is not None:
                Xb = as_array(augment(Xb, rng), "augment(X_batch)", shape=Xb.shape, dtype=net.dtype)
            grads, value, out = net._backprop(Xb, Yb, l2)
            total += value * len(idx)
            if classes:
                correct += _accuracy(out, Yb) * len(idx)
            flat = [g for g, _ in grads] + [g for _, g in grads]
            for p, v, g in zip(params, velocity, flat):
                if momentum:
                    v *= momentum
                    v -= step * g
                    p += v
                else:
                    p -= step * g
        history["loss"].append(total / len(X))
        if classes:
            history["accuracy"].append(correct / len(X))
        if val is not None:
            Xv, yv, Yv = val
            history["val_loss"].append(net.loss(Xv, Yv))
            if classes:
                history["val_accuracy"].append(_accuracy(net._forward(Xv)[0][-1], Yv))
        if callback is not None and callback(epoch, history) is False:
            break
    return history

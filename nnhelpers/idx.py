"""Read the IDX files MNIST is distributed in (plain or gzip-compressed).

An IDX file is a big-endian header -- a magic number 0x000008NN (0x08 = unsigned
bytes, NN = number of dimensions), then one 4-byte size per dimension -- followed by
the data, one byte per value. MNIST images use 0x00000803 (n, 28, 28), labels
0x00000801 (n,). Nothing here unpickles anything.
"""
import gzip
import struct
import zlib
from pathlib import Path

import numpy as np

IMAGES_MAGIC = 0x00000803
LABELS_MAGIC = 0x00000801


def read_idx(path, magic):
    """Read the IDX file `path` and return its data as a uint8 array.

    `magic` is the magic number the file must start with (`IMAGES_MAGIC` for
    MNIST images, shape (n, rows, cols); `LABELS_MAGIC` for labels, shape (n,)).
    A file whose name ends in `.gz` is decompressed first. A wrong magic number,
    a truncated or over-long file, or a broken gzip stream raises ValueError
    naming the file.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    path = Path(path)
    try:
        with (gzip.open(path) if path.suffix == ".gz" else open(path, "rb")) as f:
            data = f.read()
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        raise ValueError(f"{path} is not a complete gzip file ({err}); "
                         "delete it and download it again") from None
    if len(data) < 4 or int.from_bytes(data[:4], "big") != magic:
        found = f"0x{int.from_bytes(data[:4], 'big'):08X}" if len(data) >= 4 else "no header"
        raise ValueError(f"{path} is not the expected IDX file: magic number must be "
                         f"0x{magic:08X}, got {found}")
    ndim = magic & 0xFF
    start = 4 + 4 * ndim
    if len(data) < start:
        raise ValueError(f"{path} is truncated: its header needs {start} bytes, "
                         f"the file has {len(data)}")
    shape = struct.unpack(f">{ndim}I", data[4:start])
    size = int(np.prod(shape))
    if len(data) - start != size:
        raise ValueError(f"{path} is truncated or corrupt: its header says shape {shape} "
                         f"= {size:,} bytes of data, the file has {len(data) - start:,}")
    return np.frombuffer(data, dtype=np.uint8, offset=start).reshape(shape).copy()

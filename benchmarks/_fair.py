"""Settings shared by the benchmark scripts. Call both BEFORE NumPy is imported.

- BLAS threads: OpenBLAS, MKL and OpenMP read their thread count when NumPy
  loads, so the environment variables must be set first.
- glibc malloc: by default it hands large freed blocks back to the kernel and
  faults fresh pages in again on the next allocation, which can make a loop
  of NumPy temporaries several times slower depending on what the process did
  before. Raising the trim and mmap thresholds keeps freed memory in the
  process, the same for every network timed.
"""
import ctypes
import ctypes.util
import os
import sys

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                    "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3      # from glibc's <malloc.h>
THRESHOLD = 1 << 30                               # 1 GiB


def limit_threads(n):
    """Set every BLAS thread-count variable to n; returns a sentence saying so."""
    if "numpy" in sys.modules:
        return "BLAS threads left as they were (NumPy was already loaded, e.g. under pytest)"
    for name in THREAD_VARIABLES:
        os.environ[name] = str(n)
    return f"{n} BLAS thread{'s' if n != 1 else ''} (OPENBLAS_NUM_THREADS etc. set before importing NumPy)"


def tune_malloc():
    """Keep freed memory in the process (glibc mallopt); returns a sentence saying what was done."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
        ok = (libc.mallopt(M_TRIM_THRESHOLD, THRESHOLD) == 1 and
              libc.mallopt(M_MMAP_THRESHOLD, THRESHOLD) == 1)
    except (OSError, AttributeError):
        ok = False
    if ok:
        return "glibc mallopt M_TRIM_THRESHOLD = M_MMAP_THRESHOLD = 1 GiB (freed memory stays in the process)"
    return "malloc left at its defaults (glibc mallopt not available on this system)"

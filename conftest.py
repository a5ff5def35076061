"""Root pytest configuration, loaded for tests and notebooks alike.

Notebook kernels inherit this process's environment, so setting
PYTHONWARNINGS here makes NumPy's RuntimeWarnings (overflow, divide by zero,
invalid value) errors inside every notebook run by nbval, not only in tests.
"""
import os

os.environ["PYTHONWARNINGS"] = "error::RuntimeWarning"
# One BLAS thread in kernels: the same numbers as tools/execute.py produced, and no
# stalls when two threads compete with other work on a small machine.
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
os.environ.pop("MPLBACKEND", None)

# Build matplotlib's font cache once, here, so a kernel on a fresh machine
# never prints "Matplotlib is building the font cache" into a checked output.
from matplotlib import font_manager  # noqa: E402,F401

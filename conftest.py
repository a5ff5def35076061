"""Root pytest configuration, loaded for tests and notebooks alike.

Notebook kernels inherit this process's environment, so setting
PYTHONWARNINGS here makes NumPy's RuntimeWarnings (overflow, divide by zero,
invalid value) errors inside every notebook run by nbval, not only in tests.
"""
import os

os.environ["PYTHONWARNINGS"] = "error::RuntimeWarning"
os.environ.pop("MPLBACKEND", None)

# Build matplotlib's font cache once, here, so a kernel on a fresh machine
# never prints "Matplotlib is building the font cache" into a checked output.
from matplotlib import font_manager  # noqa: E402,F401

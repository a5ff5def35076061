"""What the one setup cell of every notebook calls."""
import numpy as np

from .plotting import apply_style


def setup_notebook():
    """Print 4 decimals and use the course's plot style. Returns nothing.

    Introduced in: 00_start_here.ipynb
    """
    np.set_printoptions(precision=4, suppress=True, legacy=False)
    apply_style()

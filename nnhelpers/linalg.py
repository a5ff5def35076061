"""The linear algebra the course leans on: norms, Gram–Schmidt, low-rank SVD images."""
import numbers

import ipywidgets as widgets
import numpy as np

from ._validate import as_array, choice, describe, positive_int
from .explorer import explorer

VECTOR_ORDERS = (0, 1, 2, np.inf, -np.inf)
MATRIX_KINDS = ("fro", "spectral", "max_col", "max_row")
# [left, bottom, width, height] in figure fractions: original, rank k, singular values
SVD_PANELS = ([0.01, 0.04, 0.27, 0.80], [0.29, 0.04, 0.27, 0.80], [0.65, 0.17, 0.33, 0.70])


def vector_norm(x, p=2):
    """‖x‖_p of a 1-D vector x (n,) for p in 0, 1, 2, inf, −inf.

    p = 0 counts the non-zero entries and p = −inf is the smallest |x_i|:
    neither is a true norm, but both carry the name. Same values as
    np.linalg.norm(x, ord=p).

    Introduced in: 10_appendix_linear_algebra.ipynb
    """
    x = as_array(x, "x", ndim=1)
    if isinstance(p, bool) or not isinstance(p, numbers.Real) or p not in VECTOR_ORDERS:
        raise ValueError(f"p must be one of 0, 1, 2, np.inf, -np.inf, got {describe(p)}")
    a = np.abs(x)
    if p == 0:
        return float(np.count_nonzero(x))
    if x.size == 0:
        raise ValueError("x must have at least one entry, got an empty vector")
    if p == 1:
        return float(a.sum())
    if p == 2:
        return float(np.sqrt(a @ a))
    return float(a.max() if p > 0 else a.min())


def matrix_norm(A, kind="fro"):
    """A matrix norm of A (m, n): "fro" √Σa², "spectral" the largest singular value,
    "max_col" the largest column sum of |a|, "max_row" the largest row sum.

    Same values as np.linalg.norm(A, ord) with ord "fro", 2, 1 and inf.

    Introduced in: 10_appendix_linear_algebra.ipynb
    """
    A = as_array(A, "A", ndim=2)
    kind = choice(kind, "kind", MATRIX_KINDS)
    if A.size == 0:
        raise ValueError(f"A must have at least one entry, got shape {A.shape}")
    if kind == "fro":
        return float(np.sqrt(np.sum(A * A)))
    if kind == "spectral":     # √(largest eigenvalue of AᵀA)
        return float(np.sqrt(max(np.linalg.eigvalsh(A.T @ A)[-1], 0.0)))
    axis = 0 if kind == "max_col" else 1
    return float(np.abs(A).sum(axis=axis).max())


def gram_schmidt(A, tol=1e-10):
    """Orthonormalise the columns of A (m, n), m ≥ n: returns Q (m, n) and R (n, n), A = QR.

    Modified Gram–Schmidt: each new column has its components along the
    earlier q's removed one at a time, then is scaled to length 1. R is upper
    triangular with a positive diagonal. Columns that depend on earlier ones
    (leftover length below tol × their length) raise ValueError.

    Introduced in: 10_appendix_linear_algebra.ipynb
    """
    A = as_array(A, "A", ndim=2)
    m, n = A.shape
    if n == 0 or m < n:
        raise ValueError(f"A must have at least one column and no more columns than rows, "
                         f"got shape {A.shape}")
    Q, R = np.zeros((m, n)), np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ v
            v -= R[i, j] * Q[:, i]
        R[j, j] = np.sqrt(v @ v)
        if R[j, j] <= tol * max(np.sqrt(A[:, j] @ A[:, j]), 1e-300):
            raise ValueError(f"A's column {j} is (nearly) a combination of the columns before it, "
                             f"so the columns cannot be orthonormalised")
        Q[:, j] = v / R[j, j]
    return Q, R


def positive_diagonal(Q, R):
    """Flip signs so R's diagonal is ≥ 0 (QR is unique only up to these signs).

    np.linalg.qr may return −q_j and −(row j of R); multiplying both by the
    sign of R[j, j] leaves Q @ R unchanged. Returns the new (Q, R).

    Introduced in: 10_appendix_linear_algebra.ipynb
    """
    Q, R = as_array(Q, "Q", ndim=2), as_array(R, "R", ndim=2)
    if Q.shape[1] != R.shape[0]:
        raise ValueError(f"Q's columns must match R's rows, got shapes {Q.shape} and {R.shape}")
    signs = np.where(np.diag(R) < 0, -1.0, 1.0)
    return Q * signs, R * signs[:, None]


def unit_ball_mask(p, grid):
    """True where the 2-D point (x, y) on `grid` (2, h, w) has ‖(x, y)‖_p ≤ 1.

    Introduced in: 10_appendix_linear_algebra.ipynb
    """
    grid = as_array(grid, "grid", ndim=3)
    if grid.shape[0] != 2:
        raise ValueError(f"grid must have shape (2, h, w) (x and y), got shape {grid.shape}")
    vector_norm(np.ones(2), p)                      # checks p
    return np.linalg.norm(grid, ord=p, axis=0) <= 1


def draw_unit_balls(fig, orders=VECTOR_ORDERS, limit=2.0, resolution=201):
    """One panel per order p: the set {v in the plane : ‖v‖_p ≤ 1} shaded.

    Introduced in: 10_appendix_linear_algebra.ipynb
    """
    names = {0: "L0", 1: "L1", 2: "L2", np.inf: "L∞", -np.inf: "L−∞"}
    axis = np.linspace(-limit, limit, resolution)
    grid = np.array(np.meshgrid(axis, axis))
    axes = fig.subplots(1, len(orders))
    for ax, p in zip(np.atleast_1d(axes), orders):
        inside = unit_ball_mask(p, grid)
        ax.imshow(inside, extent=(-limit, limit, -limit, limit), origin="lower",
                  cmap="Blues", vmin=0, vmax=1.4)
        if p == 0:                          # a set of zero area: the two axes
            ax.plot([-limit, limit], [0, 0], color="#08519c", lw=2.5)
            ax.plot([0, 0], [-limit, limit], color="#08519c", lw=2.5)
        ax.set_title(f"{names.get(p, p)}: ‖v‖ ≤ 1")
        ax.set_aspect("equal")
        ax.set_xticks([-1, 0, 1])
        ax.set_yticks([-1, 0, 1])
    return axes


def low_rank(A, k):
    """The best rank-k approximation of A (m, n): Σ_{i<k} s_i u_i v_iᵀ from the SVD.

    Introduced in: 10_appendix_linear_algebra.ipynb
    """
    A = as_array(A, "A", ndim=2)
    k = positive_int(k, "k")
    if k > min(A.shape):
        raise ValueError(f"k must be at most {min(A.shape)} (the smaller side of A), got {k}")
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return (U[:, :k] * s[:k]) @ Vt[:k]


def draw_svd(fig, k, image):
    """The digit `image` (h, w), its rank-k rebuild and its singular values with k marked.

    Returns the readout: k, the relative error ‖A − A_k‖_F / ‖A‖_F and how many
    numbers the rank-k form stores (k·(h + w + 1)) against h·w.

    Introduced in: 10_appendix_linear_algebra.ipynb
    """
    A = as_array(image, "image", ndim=2)
    if not np.any(A):
        raise ValueError("image is all zeros: it has no singular values to show")
    A_k = low_rank(A, k)
    s = np.linalg.svd(A, compute_uv=False)
    error = np.sqrt(np.sum((A - A_k) ** 2)) / np.sqrt(np.sum(A * A))
    ax_a, ax_k, ax_s = (fig.add_axes(rect) for rect in SVD_PANELS)
    for ax, picture, title in ((ax_a, A, f"original (rank {np.linalg.matrix_rank(A)})"),
                               (ax_k, A_k, f"rank k = {k}")):
        ax.imshow(picture, cmap="gray_r", vmin=A.min(), vmax=A.max(), interpolation="nearest")
        ax.set_title(title)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.axis("off")
    # log10 on a linear axis: the same picture as a log axis, without slow mathtext labels
    ax_s.plot(np.arange(1, len(s) + 1), np.log10(np.maximum(s, 1e-12)), "o-", ms=3)
    ax_s.axvline(k + 0.5, color="#d62728", lw=1)
    ax_s.set_ylim(np.log10(max(s[-1], s[0] * 1e-4)), np.log10(s[0] * 2))
    ax_s.set_xlabel("i")
    ax_s.set_title("log10 of singular value s_i")
    h, w = A.shape
    return (f"k = {k}: relative error ‖A − A_k‖_F / ‖A‖_F = {error:.4f}; "
            f"stores {k * (h + w + 1)} numbers instead of {h * w}")


def svd_explorer(image):
    """A rank slider (1 to the image's smaller side) rebuilding `image` (h, w) by draw_svd.

    Introduced in: 10_appendix_linear_algebra.ipynb
    """
    A = as_array(image, "image", ndim=2)
    k_max = min(A.shape)
    control = widgets.IntSlider(value=min(5, k_max), min=1, max=k_max, description="rank k",
                                style={"description_width": "initial"})
    return explorer(lambda fig, k: draw_svd(fig, k, A), {"k": control}, width=8.0, height=3.0,
                    title="A digit rebuilt from its first k singular values")

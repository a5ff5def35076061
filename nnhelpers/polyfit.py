"""Bishop's polynomial curve fitting (PRML §1.1): least squares, ridge, gradient descent.

y(x, w) = Σ_j w_j x^j is fitted to targets t by minimising
E(w) = ½ Σ_n (y(x_n, w) − t_n)² + (λ/2) ‖w‖².
"""
import ipywidgets as widgets
import numpy as np

from ._validate import as_array, choice, positive, positive_int, real
from .datasets import make_sine
from .explorer import explorer
from .plotting import COLORS

BASES = ("power", "legendre")


def _order(M):
    return positive_int(M, "M", minimum=0)


def design_matrix(x, M, basis="power"):
    """Φ of shape (N, M+1) with Φ[n, j] = x_n^j (or the Legendre polynomial P_j(2x_n − 1)).

    x has shape (N,). The Legendre columns span the same polynomials as the
    powers but are nearly orthogonal on [0, 1], which helps gradient descent.

    Introduced in: 09_polynomial_curve_fitting.ipynb
    """
    x = as_array(x, "x", ndim=1)
    M, basis = _order(M), choice(basis, "basis", BASES)
    if basis == "power":
        return x[:, None] ** np.arange(M + 1)
    return np.polynomial.legendre.legvander(2 * x - 1, M)


def _data(x, t):
    x, t = as_array(x, "x", ndim=1), as_array(t, "t", ndim=1)
    if len(x) != len(t):
        raise ValueError(f"x and t must have the same length, got {len(x)} and {len(t)}")
    return x, t


def fit_polynomial(x, t, M, lam=0.0):
    """w* of shape (M+1,) minimising ½‖Φw − t‖² + (λ/2)‖w‖², by a stable least-squares solve.

    The ridge problem equals ordinary least squares on the stacked system
    [Φ; √λ I] w ≈ [t; 0], solved with np.linalg.lstsq (an SVD), so the
    ill-conditioned ΦᵀΦ is never formed. lam = 0 gives the plain fit.

    Introduced in: 09_polynomial_curve_fitting.ipynb
    """
    x, t = _data(x, t)
    lam = real(lam, "lam", low=0.0)
    Phi = design_matrix(x, M)
    A = np.vstack([Phi, np.sqrt(lam) * np.eye(Phi.shape[1])])
    b = np.concatenate([t, np.zeros(Phi.shape[1])])
    return np.linalg.lstsq(A, b, rcond=None)[0]


def predict_polynomial(x, w):
    """y(x, w) = Σ_j w_j x^j for every x; x has shape (N,), w shape (M+1,) → (N,).

    Introduced in: 09_polynomial_curve_fitting.ipynb
    """
    w = as_array(w, "w", ndim=1)
    if w.size == 0:
        raise ValueError("w must hold at least one coefficient (w_0), got an empty array")
    return design_matrix(x, len(w) - 1) @ w


def rms_error(x, t, w):
    """E_RMS = √(2E(w)/N) = √(mean of (y(x_n, w) − t_n)²), without the penalty.

    Introduced in: 09_polynomial_curve_fitting.ipynb
    """
    x, t = _data(x, t)
    return float(np.sqrt(np.mean((predict_polynomial(x, w) - t) ** 2)))


def gradient_descent_fit(Phi, t, steps, lr=None, lam=0.0):
    """Minimise ½‖Φw − t‖² + (λ/2)‖w‖² by gradient descent from w = 0.

    Phi has shape (N, K), t shape (N,). The gradient is Φᵀ(Φw − t) + λw.
    lr=None uses 1/L, L the largest eigenvalue of ΦᵀΦ + λI (the largest safe
    step). Returns w (K,) and the objective after every step (steps,).

    Introduced in: 09_polynomial_curve_fitting.ipynb
    """
    Phi = as_array(Phi, "Phi", ndim=2)
    t = as_array(t, "t", shape=(Phi.shape[0],))
    steps, lam = positive_int(steps, "steps"), real(lam, "lam", low=0.0)
    L = np.linalg.eigvalsh(Phi.T @ Phi)[-1] + lam
    if L <= 0:
        raise ValueError("Phi is all zeros (and lam is 0): there is nothing to fit")
    lr = positive(1.0 / L if lr is None else lr, "lr")
    if lr >= 2.0 / L:
        raise ValueError(f"lr = {lr:g} diverges here: gradient descent needs lr < 2 / L = {2.0 / L:.4g} "
                         f"(L = {L:.4g}, the largest eigenvalue of ΦᵀΦ + λI); lr=None uses 1 / L")
    w, history = np.zeros(Phi.shape[1]), np.empty(steps)
    for i in range(steps):
        residual = Phi @ w - t
        w -= lr * (Phi.T @ residual + lam * w)
        residual = Phi @ w - t
        history[i] = 0.5 * residual @ residual + 0.5 * lam * w @ w
    return w, history


def coefficient_table(columns, width=14):
    """A text table: one column per {header: coefficients}, rows w0*, w1*, …; short columns stay blank.

    Numbers are printed with 4 decimals (2 for columns whose header ends in
    "Bishop", quoted as he printed them).

    Introduced in: 09_polynomial_curve_fitting.ipynb
    """
    if not isinstance(columns, dict) or not columns:
        raise TypeError(f"columns must be a non-empty dict {{header: coefficients}}, got {type(columns).__name__}")
    cols = {str(h): as_array(c, f"columns[{h!r}]", ndim=1) for h, c in columns.items()}
    width = max(width, max(len(h) for h in cols) + 2)
    lines = ["     " + "".join(f"{h:>{width}}" for h in cols)]
    for j in range(max(len(c) for c in cols.values())):
        cells = [f"{c[j]:>{width}.{2 if h.endswith('Bishop') else 4}f}" if j < len(c) else " " * width
                 for h, c in cols.items()]
        lines.append(f"w{j}*  " + "".join(cells))
    return "\n".join(lines)


def plot_fit(ax, x, t, w, title=None):
    """Draw the data (x, t), sin(2πx) and the fitted polynomial w on `ax`.

    Introduced in: 09_polynomial_curve_fitting.ipynb
    """
    grid = np.linspace(0, 1, 200)
    ax.plot(grid, np.sin(2 * np.pi * grid), color=COLORS["truth"], label="sin(2πx)")
    ax.plot(grid, predict_polynomial(grid, w), color=COLORS["test"], label=f"fit, M = {len(w) - 1}")
    ax.scatter(x, t, s=22, facecolor="none", edgecolor=COLORS["train"], label="training data")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-1.6, 1.6)
    ax.set_xlabel("x")
    ax.set_ylabel("t")
    if title:
        ax.set_title(title)


def draw_polyfit(fig, M, N, ln_lambda, lambda_zero, seed=2, test_seed=102):
    """The explorer's picture: N seeded points, sin(2πx) and the order-M fit.

    λ = 0 when `lambda_zero` is true, else λ = exp(ln_lambda). The training
    set is make_sine(N, 0.3, default_rng(seed)), the test set 100 points
    from default_rng(test_seed). Returns the readout (M, N, ln λ, E_RMS).

    Introduced in: 09_polynomial_curve_fitting.ipynb
    """
    M, N = _order(M), positive_int(N, "N", minimum=2)
    ln_lambda = real(ln_lambda, "ln_lambda", high=700.0)        # e^700 is near the largest float
    lam = 0.0 if lambda_zero else float(np.exp(ln_lambda))
    x, t = make_sine(N, noise=0.3, rng=np.random.default_rng(seed))
    x_test, t_test = make_sine(100, noise=0.3, rng=np.random.default_rng(test_seed))
    w = fit_polynomial(x, t, M, lam)
    train, test = rms_error(x, t, w), rms_error(x_test, t_test, w)
    shown = "−∞ (λ = 0)" if lambda_zero else f"{ln_lambda:.2f}"
    ax = fig.add_axes([0.11, 0.14, 0.86, 0.77])
    plot_fit(ax, x, t, w, title=f"M = {M}, N = {N}, ln λ = {shown}")
    ax.legend(loc="lower left")
    return (f"M = {M}, N = {N}, ln λ = {shown}: "
            f"E_RMS train = {train:.4f}, test = {test:.4f}")


def polyfit_explorer(seed=2, test_seed=102):
    """Sliders for M (0–9), N (10–100), ln λ (−40 to 0) and a "λ = 0" box over draw_polyfit.

    Moving the ln λ slider unticks the box, so the move always shows.

    Introduced in: 09_polynomial_curve_fitting.ipynb
    """
    seed, test_seed = positive_int(seed, "seed", 0), positive_int(test_seed, "test_seed", 0)
    style = {"description_width": "initial"}
    controls = {
        "M": widgets.IntSlider(value=3, min=0, max=9, description="order M", style=style),
        "N": widgets.IntSlider(value=10, min=10, max=100, description="points N", style=style),
        "ln_lambda": widgets.FloatSlider(value=-18.0, min=-40.0, max=0.0, step=0.5,
                                         description="ln λ", style=style),
        "lambda_zero": widgets.Checkbox(value=True, description="λ = 0 (no penalty)"),
    }
    def penalty_on(change):                  # moving ln λ means: use a penalty
        controls["lambda_zero"].value = False
    controls["ln_lambda"].observe(penalty_on, names="value")   # runs before the redraw
    return explorer(lambda fig, **v: draw_polyfit(fig, seed=seed, test_seed=test_seed, **v),
                    controls, title="Polynomial curve fitting")

"""The first explorer of the course: find a function by hand with two sliders."""
import numpy as np

from ._validate import as_array, generator, positive_int, real
from .blit import BlitExplorer, current_scene
from .explorer import slider
from .plotting import COLORS


LINE_W, LINE_B = 2.0, 1.0      # the line behind line_data's points: y = 2x + 1


def line_data(n=20, rng=None, noise=0.4):
    """Seeded points near the line y = LINE_W·x + LINE_B: x (n,) sorted in [0, 3], y (n,).

    The noise is Gaussian with standard deviation `noise`.

    Introduced in: 00_start_here.ipynb
    """
    n, rng = positive_int(n, "n", minimum=2), generator(rng)
    noise = real(noise, "noise", low=0.0)
    x = np.sort(rng.uniform(0.0, 3.0, n))
    return x, LINE_W * x + LINE_B + rng.normal(0.0, noise, n)


def mean_squared_error(y, y_hat):
    """½ · mean of (y − ŷ)², the error the course uses from notebook 05 on.

    Introduced in: 00_start_here.ipynb
    """
    y, y_hat = as_array(y, "y", ndim=1), as_array(y_hat, "y_hat", ndim=1)
    if y.shape != y_hat.shape:
        raise ValueError(f"y and y_hat must have the same length, got {len(y)} and {len(y_hat)}")
    return float(0.5 * np.mean((y - y_hat) ** 2))


def draw_guess_the_function(fig, w, b, x=None, y=None):
    """Plot the data, the guess y = w·x + b and the errors; return the readout.

    The data are drawn once per figure; later calls only move the line and the errors.

    Introduced in: 00_start_here.ipynb
    """
    w, b = real(w, "w"), real(b, "b")
    if x is None or y is None:
        x, y = line_data(rng=np.random.default_rng(0))
    x, y = as_array(x, "x", ndim=1), as_array(y, "y", ndim=1)
    art = current_scene(fig, ("guess", x.tobytes(), y.tobytes())) or _scene_guess(fig, x, y)
    y_hat = w * x + b
    art["errors"].set_segments(np.stack([np.column_stack([x, y]), np.column_stack([x, y_hat])], axis=1))
    art["line"].set_ydata(w * art["line"].get_xdata() + b)
    sign = "−" if b < 0 else "+"
    art["legend"].get_texts()[-1].set_text(f"y = {w:.2f}·x {sign} {abs(b):.2f}")
    error = mean_squared_error(y, y_hat)
    return f"w = {w:.2f}   b = {b:.2f}   error E = {error:.4f}"


def _scene_guess(fig, x, y):
    """The axes with the examples; draw_guess_the_function moves the line and the errors."""
    fig.clear()
    ax = fig.add_subplot()
    errors = ax.vlines(x, y, y, color=COLORS["test"], lw=0.8, alpha=0.6, label="errors")
    ax.scatter(x, y, color=COLORS["train"], s=18, zorder=3, label="examples")
    line, = ax.plot([0.0, 3.0], [0.0, 0.0], color="k", lw=1.5, label="y = w·x + b")
    ax.set(xlim=(0, 3), ylim=(-2, 10), xlabel="input x", ylabel="output y",
           title="Machine learning ≈ finding a function")
    legend = ax.legend(loc="upper left")
    fig.scene = {"key": ("guess", x.tobytes(), y.tobytes()), "axes": (ax,), "errors": errors,
                 "line": line, "legend": legend, "moving": [errors, line, legend]}
    return fig.scene


def guess_the_function_explorer():
    """Sliders for w and b: move the line until the error is as small as you can get it.

    Introduced in: 00_start_here.ipynb
    """
    return BlitExplorer(draw_guess_the_function,
                        {"w": slider(0.5, -1.0, 4.0, 0.05, "slope w"),
                         "b": slider(0.0, -2.0, 4.0, 0.05, "intercept b")},
                        title="Find the function by hand")

"""Polynomial curve fitting (notebook 09): design matrix, least squares, ridge, descent, explorer."""
import re

import numpy as np
import pytest

import nnhelpers as nh
from nnhelpers.plotting import new_figure


def sine(n, seed):
    return nh.make_sine(n, noise=0.3, rng=np.random.default_rng(seed))


def test_design_matrix_holds_powers_of_x():
    Phi = nh.design_matrix([0.0, 0.5, 2.0], 2)
    assert np.array_equal(Phi, [[1, 0, 0], [1, 0.5, 0.25], [1, 2, 4]])
    assert nh.design_matrix([0.3], 0).shape == (1, 1)


def test_legendre_basis_spans_the_same_polynomials():
    x, t = sine(12, 0)
    for M in (3, 7):
        fitted = []
        for basis in ("power", "legendre"):
            Phi = nh.design_matrix(x, M, basis)
            fitted.append(Phi @ np.linalg.lstsq(Phi, t, rcond=None)[0])
        assert np.allclose(fitted[0], fitted[1], atol=1e-9)
    # P_2(u) = (3u² − 1)/2 at u = 2x − 1; x = 1 gives 1, x = 0.5 gives −0.5
    assert np.allclose(nh.design_matrix([1.0, 0.5], 2, "legendre")[:, 2], [1.0, -0.5])


def test_fit_recovers_a_noiseless_cubic():
    x = np.linspace(0, 1, 20)
    w_true = np.array([0.5, -2.0, 3.0, 1.5])
    w = nh.fit_polynomial(x, np.polyval(w_true[::-1], x), 3)
    assert np.allclose(w, w_true, atol=1e-10)


def test_fit_agrees_with_numpy_polyfit():
    x, t = sine(10, 2)
    for M in range(9):       # np.polyfit stores the highest power first
        assert np.allclose(nh.fit_polynomial(x, t, M), np.polyfit(x, t, M)[::-1], atol=1e-6)


def test_order_n_minus_one_interpolates_every_point():
    x, t = sine(10, 2)
    w = nh.fit_polynomial(x, t, 9)
    assert nh.rms_error(x, t, w) < 1e-6


def test_order_zero_is_the_mean_and_ridge_shrinks_it_by_n_over_n_plus_lambda():
    x, t = sine(10, 3)
    assert nh.fit_polynomial(x, t, 0)[0] == pytest.approx(t.mean())
    # ½Σ(w0 − t)² + (λ/2)w0² is smallest at w0 = Σt / (N + λ)
    assert nh.fit_polynomial(x, t, 0, lam=2.5)[0] == pytest.approx(t.sum() / 12.5)


def test_ridge_solves_the_regularised_normal_equations():
    x, t = sine(15, 4)
    lam = 0.3
    w = nh.fit_polynomial(x, t, 4, lam)
    Phi = nh.design_matrix(x, 4)
    assert np.allclose((Phi.T @ Phi + lam * np.eye(5)) @ w, Phi.T @ t, atol=1e-10)


def test_bigger_lambda_gives_smaller_coefficients():
    x, t = sine(10, 2)
    sizes = [np.linalg.norm(nh.fit_polynomial(x, t, 9, np.exp(ln))) for ln in (-30, -18, -5, 0, 10)]
    assert all(a > b for a, b in zip(sizes, sizes[1:]))
    assert sizes[-1] < 1e-3


def test_coefficients_explode_at_order_nine_without_regularisation():
    """Bishop's Tables 1.1 and 1.2 in pattern: huge w at M = 9, tamed by ln λ = −18."""
    x, t = sine(10, 2)
    plain = np.abs(nh.fit_polynomial(x, t, 9)).max()
    assert plain > 1e4
    assert np.abs(nh.fit_polynomial(x, t, 3)).max() < 100
    assert plain / np.abs(nh.fit_polynomial(x, t, 9, np.exp(-18))).max() > 100


def test_rms_error_by_hand():
    # w = [0] predicts 0 everywhere: √((3² + 4²)/2)
    assert nh.rms_error([0.1, 0.2], [3.0, 4.0], [0.0]) == pytest.approx(np.sqrt(12.5))
    # y = 1 + x at x = 0, 1 against t = 1, 1: errors 0, 1
    assert nh.rms_error([0.0, 1.0], [1.0, 1.0], [1.0, 1.0]) == pytest.approx(np.sqrt(0.5))


def test_rms_error_is_root_of_two_e_over_n():
    x, t = sine(10, 5)
    w = nh.fit_polynomial(x, t, 3)
    E = 0.5 * np.sum((nh.predict_polynomial(x, w) - t) ** 2)
    assert nh.rms_error(x, t, w) == pytest.approx(np.sqrt(2 * E / 10))


def test_gradient_descent_reaches_the_closed_form_in_the_legendre_basis():
    x, t = sine(10, 2)
    Phi = nh.design_matrix(x, 3, "legendre")
    w, history = nh.gradient_descent_fit(Phi, t, steps=500)
    assert np.allclose(w, np.linalg.lstsq(Phi, t, rcond=None)[0], atol=1e-9)
    assert np.all(np.diff(history) <= 1e-12)        # lr = 1/L never goes uphill


def test_gradient_descent_is_slow_on_raw_powers():
    x, t = sine(10, 2)
    Phi = nh.design_matrix(x, 3)
    w, history = nh.gradient_descent_fit(Phi, t, steps=1000)
    best = 0.5 * np.sum((Phi @ nh.fit_polynomial(x, t, 3) - t) ** 2)
    assert history[-1] > 1.5 * best                  # still far away after 1000 steps
    assert np.abs(w - nh.fit_polynomial(x, t, 3)).max() > 1.0


def test_gradient_descent_with_ridge_matches_closed_form_ridge():
    x, t = sine(10, 6)
    w, _ = nh.gradient_descent_fit(nh.design_matrix(x, 2), t, steps=20000, lam=0.1)
    assert np.allclose(w, nh.fit_polynomial(x, t, 2, lam=0.1), atol=1e-6)


def test_coefficient_table_layout():
    text = nh.coefficient_table({"M=0 here": [0.123456], "M=1 Bishop": [0.82, -1.27]})
    lines = text.splitlines()
    assert len(lines) == 3 and lines[0].split() == ["M=0", "here", "M=1", "Bishop"]
    assert lines[1].split() == ["w0*", "0.1235", "0.82"]       # 4 decimals here, Bishop's 2
    assert lines[2].split() == ["w1*", "-1.27"]                 # the short column stays blank
    with pytest.raises(TypeError, match="columns"):
        nh.coefficient_table([[1.0]])


def readout_numbers(text):
    return [float(v) for v in re.findall(r"= (-?\d+\.\d{4})", text)]


def test_draw_polyfit_readout_matches_an_independent_fit():
    fig = new_figure()
    text = nh.draw_polyfit(fig, M=3, N=20, ln_lambda=-5.0, lambda_zero=True)
    x, t = sine(20, 2)
    x_test, t_test = sine(100, 102)
    coef = np.polyfit(x, t, 3)
    train = np.sqrt(np.mean((np.polyval(coef, x) - t) ** 2))
    test = np.sqrt(np.mean((np.polyval(coef, x_test) - t_test) ** 2))
    assert "M = 3" in text and "N = 20" in text and "−∞" in text
    assert readout_numbers(text) == pytest.approx([round(train, 4), round(test, 4)])
    ax, = fig.axes
    assert len(ax.lines) == 2 and len(ax.collections) == 1      # sin, fit; the data points
    assert len(ax.collections[0].get_offsets()) == 20


def test_draw_polyfit_uses_lambda_when_the_box_is_off():
    fig = new_figure()
    text = nh.draw_polyfit(fig, M=9, N=10, ln_lambda=-18.0, lambda_zero=False)
    assert "ln λ = -18.00" in text
    x, t = sine(10, 2)
    w = nh.fit_polynomial(x, t, 9, np.exp(-18.0))
    assert readout_numbers(text)[0] == pytest.approx(round(nh.rms_error(x, t, w), 4))
    fitted = fig.axes[0].lines[1].get_ydata()
    assert np.allclose(fitted, nh.predict_polynomial(np.linspace(0, 1, 200), w))


def test_explorer_has_the_four_controls_and_redraws():
    ex = nh.polyfit_explorer()
    M, N, ln_lambda, zero = (ex.controls[k] for k in ("M", "N", "ln_lambda", "lambda_zero"))
    assert (M.min, M.max, N.min, N.max, ln_lambda.min, ln_lambda.max) == (0, 9, 10, 100, -40, 0)
    assert zero.value and "−∞" in ex.readout.value
    M.value = 9
    assert "M = 9" in ex.readout.value
    ln_lambda.value = -10.0                      # moving ln λ switches the penalty on
    assert not zero.value and "ln λ = -10.00" in ex.readout.value
    zero.value = True
    assert "−∞" in ex.readout.value


@pytest.mark.parametrize("call, error, words", [
    (lambda: nh.design_matrix([0.1, 0.2], -1), ValueError, "M"),
    (lambda: nh.design_matrix([0.1, 0.2], 2.5), TypeError, "M"),
    (lambda: nh.design_matrix([[0.1, 0.2]], 2), ValueError, "x"),
    (lambda: nh.design_matrix([0.1], 2, basis="chebyshev"), ValueError, "basis"),
    (lambda: nh.fit_polynomial([0.1, 0.2], [1.0], 1), ValueError, "same length"),
    (lambda: nh.fit_polynomial([0.1, 0.2], [1.0, 2.0], 1, lam=-1.0), ValueError, "lam"),
    (lambda: nh.fit_polynomial("abc", [1.0], 1), TypeError, "x"),
    (lambda: nh.fit_polynomial([0.1, np.nan], [1.0, 2.0], 1), ValueError, "finite"),
    (lambda: nh.predict_polynomial([0.1], []), ValueError, "w"),
    (lambda: nh.gradient_descent_fit(np.ones((3, 2)), [1.0, 2.0], 10), ValueError, "t"),
    (lambda: nh.gradient_descent_fit(np.ones((3, 2)), [1.0, 2.0, 3.0], 10, lr=-0.1), ValueError, "lr"),
    (lambda: nh.gradient_descent_fit(np.ones((3, 2)), [1.0, 2.0, 3.0], 0), ValueError, "steps"),
    (lambda: nh.draw_polyfit(new_figure(), 3, 1, 0.0, True), ValueError, "N"),
    (lambda: nh.polyfit_explorer(seed=-1), ValueError, "seed"),
])
def test_bad_input_names_the_argument(call, error, words):
    with pytest.raises(error, match=words):
        call()

"""The start notebook's helpers (notebook 00): the line data, the error and the explorer's legend."""
import numpy as np
import pytest

import nnhelpers as nh


def test_line_data_lies_on_the_documented_line_when_noise_is_zero():
    x, y = nh.line_data(n=7, rng=np.random.default_rng(3), noise=0.0)
    assert np.all(np.diff(x) >= 0) and x.min() >= 0 and x.max() <= 3
    assert np.allclose(y, nh.LINE_W * x + nh.LINE_B)
    assert (nh.LINE_W, nh.LINE_B) == (2.0, 1.0)          # the line notebook 00 names: y = 2x + 1


def test_least_squares_recovers_the_line_from_noisy_points():
    x, y = nh.line_data(n=2000, rng=np.random.default_rng(4))
    w, b = np.polyfit(x, y, 1)
    assert w == pytest.approx(nh.LINE_W, abs=0.05) and b == pytest.approx(nh.LINE_B, abs=0.1)


def test_mean_squared_error_is_half_the_mean_square():
    # errors 1 and 3: ½ · (1 + 9) / 2
    assert nh.mean_squared_error([1.0, 2.0], [0.0, 5.0]) == pytest.approx(2.5)


def test_legend_shows_a_negative_intercept_with_a_minus_sign():
    fig = nh.new_figure()
    nh.draw_guess_the_function(fig, 1.0, -1.5)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "y = 1.00·x − 1.50" in labels


@pytest.mark.parametrize("call, error, words", [
    (lambda: nh.line_data(n=1), ValueError, "n"),
    (lambda: nh.line_data(noise=-0.1), ValueError, "noise"),
    (lambda: nh.line_data(noise="a"), TypeError, "noise"),
    (lambda: nh.mean_squared_error([1.0, 2.0], [1.0]), ValueError, "same length"),
    (lambda: nh.draw_guess_the_function(nh.new_figure(), np.nan, 0.0), ValueError, "w"),
])
def test_bad_input_names_the_argument(call, error, words):
    with pytest.raises(error, match=words):
        call()

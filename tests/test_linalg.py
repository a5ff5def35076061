"""Linear algebra (notebook 10): norms, Gram–Schmidt, low-rank SVD and the rank explorer."""
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import nnhelpers as nh
from nnhelpers.plotting import new_figure

ORDERS = (0, 1, 2, np.inf, -np.inf)


def test_vector_norms_of_three_minus_four_zero():
    x = [3.0, -4.0, 0.0]
    got = [nh.vector_norm(x, p) for p in ORDERS]
    assert got == [2.0, 7.0, 5.0, 4.0, 0.0]   # count, |3|+|−4|, 3-4-5 triangle, max, min


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, st.integers(1, 8), elements=st.floats(-1e3, 1e3)))
def test_vector_norms_agree_with_numpy(x):
    for p in ORDERS:
        assert nh.vector_norm(x, p) == pytest.approx(np.linalg.norm(x, ord=p), rel=1e-12, abs=1e-12)


def test_matrix_norms_by_hand():
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert nh.matrix_norm(A, "fro") == pytest.approx(np.sqrt(30))
    # AᵀA = [[10, 14], [14, 20]]: largest eigenvalue (30 + √884)/2
    assert nh.matrix_norm(A, "spectral") == pytest.approx(np.sqrt((30 + np.sqrt(884)) / 2))
    assert nh.matrix_norm(A, "max_col") == 6.0 and nh.matrix_norm(A, "max_row") == 7.0


def test_matrix_norms_agree_with_numpy():
    A = np.random.default_rng(0).normal(size=(5, 3))
    for kind, ord_ in (("fro", "fro"), ("spectral", 2), ("max_col", 1), ("max_row", np.inf)):
        assert nh.matrix_norm(A, kind) == pytest.approx(np.linalg.norm(A, ord_), rel=1e-10)


def test_gram_schmidt_worked_example():
    A = np.array([[1.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    Q, R = nh.gram_schmidt(A)
    # q1 = (1, 1, 0)/√2; (1, 0, 1) minus its part along q1 is (½, −½, 1), of length √1.5
    assert np.allclose(Q[:, 0], np.array([1, 1, 0]) / np.sqrt(2))
    assert np.allclose(Q[:, 1], np.array([0.5, -0.5, 1]) / np.sqrt(1.5))
    assert np.allclose(R, [[np.sqrt(2), 1 / np.sqrt(2)], [0, np.sqrt(1.5)]])


def test_gram_schmidt_is_orthonormal_and_matches_numpy_qr_up_to_signs():
    A = np.random.default_rng(1).normal(size=(6, 4))
    Q, R = nh.gram_schmidt(A)
    assert np.allclose(Q.T @ Q, np.eye(4)) and np.allclose(Q @ R, A)
    assert np.allclose(np.tril(R, -1), 0) and np.all(np.diag(R) > 0)
    Qn, Rn = nh.positive_diagonal(*np.linalg.qr(A))
    assert np.allclose(Q, Qn) and np.allclose(R, Rn)


def test_positive_diagonal_flips_signs_without_changing_the_product():
    Q, R = np.linalg.qr(np.array([[-2.0, 1.0], [0.0, 3.0]]))
    Q2, R2 = nh.positive_diagonal(Q, R)
    assert np.all(np.diag(R2) >= 0) and np.allclose(Q2 @ R2, Q @ R)


def test_gram_schmidt_refuses_dependent_columns():
    with pytest.raises(ValueError, match="column 2"):
        nh.gram_schmidt(np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0], [0.0, 0.0, 0.0]]))


def test_unit_ball_mask_points():
    pts = np.array([[0.5, 0.6, 0.8, 5.0, 0.3, 0.3], [0.5, 0.6, 0.8, 0.5, 0.0, 0.3]])
    grid = pts[:, None, :]                 # shape (2, 1, 6)
    inside = {p: nh.unit_ball_mask(p, grid)[0].tolist() for p in ORDERS}
    assert inside[1] == [True, False, False, False, True, True]
    assert inside[2] == [True, True, False, False, True, True]
    assert inside[np.inf] == [True, True, True, False, True, True]
    assert inside[-np.inf] == [True, True, True, True, True, True]
    assert inside[0] == [False, False, False, False, True, False]


def test_draw_unit_balls_draws_one_panel_per_order():
    fig = new_figure(10, 2.4)
    nh.draw_unit_balls(fig)
    assert [ax.get_title().split(":")[0] for ax in fig.axes] == ["L0", "L1", "L2", "L∞", "L−∞"]


def test_low_rank_follows_eckart_young():
    A = np.random.default_rng(2).normal(size=(8, 6))
    s = np.linalg.svd(A, compute_uv=False)
    for k in (1, 3, 6):
        A_k = nh.low_rank(A, k)
        assert np.linalg.matrix_rank(A_k) == k
        assert np.linalg.norm(A - A_k) == pytest.approx(np.sqrt(np.sum(s[k:] ** 2)), abs=1e-10)


def test_low_rank_rebuilds_a_rank_one_matrix_exactly():
    A = np.outer([1.0, 2.0, 3.0], [4.0, 5.0])
    assert np.allclose(nh.low_rank(A, 1), A)


def digit():
    (images, _), _ = nh.load_mnist("sample")
    return images[0] / 255.0


def test_draw_svd_readout_and_panels():
    A = digit()
    fig = new_figure(8, 3)
    text = nh.draw_svd(fig, 5, A)
    s = np.linalg.svd(A, compute_uv=False)
    expected = np.sqrt(np.sum(s[5:] ** 2) / np.sum(s ** 2))
    assert f"{expected:.4f}" in text and "k = 5" in text and "285 numbers instead of 784" in text
    rebuilt = fig.axes[1].images[0].get_array()
    assert np.allclose(rebuilt, nh.low_rank(A, 5))
    full = nh.draw_svd(new_figure(8, 3), np.linalg.matrix_rank(A), A)
    assert float(re.search(r"= (\d\.\d{4})", full).group(1)) == 0.0


def test_svd_explorer_slider_runs_from_one_to_28():
    ex = nh.svd_explorer(digit())
    k = ex.controls["k"]
    assert (k.min, k.max) == (1, 28)
    k.value = 2
    assert "k = 2" in ex.readout.value


@pytest.mark.parametrize("call, error, words", [
    (lambda: nh.vector_norm([1.0, 2.0], 3), ValueError, "p must be one of"),
    (lambda: nh.vector_norm([[1.0, 2.0]], 2), ValueError, "x must be 1-D"),
    (lambda: nh.vector_norm([], 1), ValueError, "empty"),
    (lambda: nh.vector_norm("12", 1), TypeError, "x"),
    (lambda: nh.matrix_norm([1.0, 2.0]), ValueError, "A must be 2-D"),
    (lambda: nh.matrix_norm(np.eye(2), "nuclear"), ValueError, "kind"),
    (lambda: nh.gram_schmidt(np.ones((2, 3))), ValueError, "no more columns than rows"),
    (lambda: nh.positive_diagonal(np.eye(3), np.eye(2)), ValueError, "Q's columns"),
    (lambda: nh.unit_ball_mask(2, np.zeros((3, 2, 2))), ValueError, "grid"),
    (lambda: nh.low_rank(np.eye(3), 4), ValueError, "k must be at most 3"),
    (lambda: nh.low_rank(np.eye(3), 0), ValueError, "k"),
    (lambda: nh.draw_svd(new_figure(), 2, [1.0, 2.0]), ValueError, "image"),
])
def test_bad_input_names_the_argument(call, error, words):
    with pytest.raises(error, match=words):
        call()

"""Tests for nnhelpers.augment: shifting image batches by whole pixels."""
import numpy as np
import pytest

import nnhelpers as nh
from nnhelpers.augment import random_shift, random_shifts, shift_images

IMAGE = np.arange(1.0, 10.0).reshape(3, 3)      # 1 2 3 / 4 5 6 / 7 8 9


def test_shift_down_and_right_by_hand():
    down = shift_images(IMAGE[None], 1, 0, image_shape=(3, 3))[0]
    right = shift_images(IMAGE[None], 0, 1, image_shape=(3, 3))[0]
    up_left = shift_images(IMAGE[None], -1, -1, image_shape=(3, 3))[0]
    assert np.array_equal(down, [[0, 0, 0], [1, 2, 3], [4, 5, 6]])
    assert np.array_equal(right, [[0, 1, 2], [0, 4, 5], [0, 7, 8]])
    assert np.array_equal(up_left, [[5, 6, 0], [8, 9, 0], [0, 0, 0]])


def test_rows_and_stacks_give_the_same_images_in_their_own_layout():
    rng = np.random.default_rng(3)
    stack = rng.random((4, 28, 28))
    rows = stack.reshape(4, 784)
    out_rows = shift_images(rows, 2, -1)
    out_stack = shift_images(stack, 2, -1)
    assert out_rows.shape == (4, 784) and out_stack.shape == (4, 28, 28)
    assert np.array_equal(out_rows.reshape(4, 28, 28), out_stack)


def test_one_shift_per_image_and_fill_value():
    batch = np.stack([IMAGE, IMAGE])
    out = shift_images(batch, np.array([0, 1]), np.array([-1, 0]), image_shape=(3, 3), fill=-7.0)
    assert np.array_equal(out[0], [[2, 3, -7], [5, 6, -7], [8, 9, -7]])
    assert np.array_equal(out[1], [[-7, -7, -7], [1, 2, 3], [4, 5, 6]])


def test_shifting_back_restores_the_inner_pixels_and_keeps_dtype():
    rng = np.random.default_rng(5)
    X = rng.random((3, 784), dtype=np.float32)
    there = shift_images(X, 2, -2)
    back = shift_images(there, -2, 2).reshape(3, 28, 28)
    assert there.dtype == np.float32
    # down 2 / left 2 loses the bottom two rows and the left two columns; the rest comes back
    assert np.array_equal(back[:, :26, 2:], X.reshape(3, 28, 28)[:, :26, 2:])
    assert np.all(back[:, 26:, :] == 0) and np.all(back[:, :, :2] == 0)


def test_random_shift_moves_each_image_by_its_own_offset_within_the_limit():
    # a single bright pixel in the middle shows where each image went
    X = np.zeros((400, 28, 28))
    X[:, 14, 14] = 1.0
    out = random_shift(X, np.random.default_rng(0), max_shift=2)
    rows, cols = np.nonzero(out.reshape(400, 784))[1] // 28, np.nonzero(out.reshape(400, 784))[1] % 28
    assert out.shape == X.shape and out.sum() == 400          # nothing lost: moved, not cropped
    offsets = set(zip(rows - 14, cols - 14))
    assert offsets == {(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3)}   # all 25 occur


def test_random_shift_is_reproducible_and_zero_limit_is_identity():
    X = np.random.default_rng(1).random((10, 784))
    a = random_shift(X, np.random.default_rng(9))
    b = random_shift(X, np.random.default_rng(9))
    assert np.array_equal(a, b) and not np.array_equal(a, X)
    assert np.array_equal(random_shift(X, np.random.default_rng(9), max_shift=0), X)


def test_random_shifts_works_as_augment_for_mlp_fit():
    rng = np.random.default_rng(2)
    X = rng.random((64, 784))
    y = rng.integers(0, 10, 64)
    seen = []

    def spy(X_batch, r):
        out = random_shifts(1)(X_batch, r)
        seen.append((X_batch.shape, out.shape, np.array_equal(out, X_batch)))
        return out

    def trained(augment):
        net = nh.MLP([784, 8, 10], hidden_activation="relu", output="softmax",
                     loss="cross_entropy", init="he", rng=np.random.default_rng(0))
        net.fit(X, y, epochs=2, batch_size=16, lr=0.1, rng=np.random.default_rng(1), augment=augment)
        return net.weights[0]

    plain, shifted = trained(None), trained(spy)
    assert len(seen) == 8 and all(s_in == s_out == (16, 784) for s_in, s_out, _ in seen)
    assert not all(same for *_, same in seen)
    assert not np.allclose(plain, shifted)


def test_exported_at_package_level():
    assert nh.shift_images is shift_images and nh.random_shifts is random_shifts
    assert nh.random_shift is random_shift


@pytest.mark.parametrize("call, error, words", [
    (lambda: shift_images(np.zeros((2, 10)), 0, 0), ValueError, ["X", "28×28", "(2, 10)"]),
    (lambda: shift_images("pixels", 0, 0), TypeError, ["X"]),
    (lambda: shift_images(np.zeros((2, 784)), 28, 0), ValueError, ["dy", "28"]),
    (lambda: shift_images(np.zeros((2, 784)), 0, 1.5), TypeError, ["dx", "whole number"]),
    (lambda: shift_images(np.zeros((2, 784)), np.array([1, 2, 3]), 0), ValueError, ["dy", "one shift per image"]),
    (lambda: shift_images(np.zeros((1, 784)), 0, 0, fill=np.nan), ValueError, ["fill", "finite"]),
    (lambda: shift_images(np.zeros((1, 784)), 0, 0, image_shape=28), TypeError, ["image_shape", "pair"]),
    (lambda: random_shift(np.zeros((1, 784)), None), TypeError, ["rng", "Generator"]),
    (lambda: random_shift(np.zeros((1, 784)), 42), TypeError, ["rng", "Generator"]),
    (lambda: random_shifts(-1), ValueError, ["max_shift", "at least 0"]),
    (lambda: random_shifts(1.5), TypeError, ["max_shift", "whole number"]),
])
def test_bad_input_names_the_argument(call, error, words):
    with pytest.raises(error) as info:
        call()
    for word in words:
        assert word in str(info.value)


def test_non_finite_and_scalar_inputs_are_rejected():
    bad = np.zeros((2, 784), dtype=np.float32)
    bad[0, 5] = np.nan
    with pytest.raises(ValueError, match="X must be finite"):
        shift_images(bad, 1, 1)
    with pytest.raises(ValueError, match="X must be a batch of 28×28 images"):
        random_shift(3.0, np.random.default_rng(0))


def test_integer_images_come_back_as_float():
    images = np.arange(2 * 9, dtype=np.uint8).reshape(2, 3, 3)
    out = shift_images(images, 0, 1, image_shape=(3, 3))
    assert out.dtype == np.float64
    assert np.array_equal(out[1], [[0, 9, 10], [0, 12, 13], [0, 15, 16]])


def test_rotation_moves_a_blob_where_geometry_says():
    # a smooth blob at (row 8, col 20) of a 29 × 29 picture, turned 30° anticlockwise about the centre (14, 14)
    rows, cols = np.indices((29, 29), dtype=float)
    blob = np.exp(-((rows - 8.0) ** 2 + (cols - 20.0) ** 2) / 4.0)
    turned = nh.rotate_images(blob, 30.0)
    t = np.deg2rad(30.0)
    dx, dy = 20.0 - 14.0, 14.0 - 8.0                           # y points up on the page
    want_col = 14.0 + np.cos(t) * dx - np.sin(t) * dy
    want_row = 14.0 - (np.sin(t) * dx + np.cos(t) * dy)
    mass = turned.sum()
    assert (rows * turned).sum() / mass == pytest.approx(want_row, abs=0.05)
    assert (cols * turned).sum() / mass == pytest.approx(want_col, abs=0.05)
    assert mass == pytest.approx(blob.sum(), rel=0.02)           # bilinear resampling keeps the ink


def test_rotating_there_and_back_restores_a_smooth_picture():
    rows, cols = np.indices((29, 29), dtype=float)
    blob = np.exp(-((rows - 12.0) ** 2 + (cols - 16.0) ** 2) / 8.0)
    back = nh.rotate_images(nh.rotate_images(blob, 25.0), -25.0)
    assert np.abs(back - blob).max() < 0.1          # two bilinear resamplings blur the peak by about 8 %

"""Tests for nnhelpers.digits, digit_training and digit_plots (notebook 07)."""
import numpy as np
import pytest

import nnhelpers as nh
from nnhelpers.plotting import new_figure


def blob(shape=(60, 40), top=10, left=5, h=30, w=12, value=255.0):
    """A white rectangle of ink on black: its bounding box and centre are known."""
    img = np.zeros(shape)
    img[top:top + h, left:left + w] = value
    return img


# --- scaling and targets -------------------------------------------------------------

def test_scale_pixels_maps_0_and_255_to_the_ends():
    x = nh.scale_pixels(np.array([[0, 255], [51, 102]], dtype=np.uint8))
    assert x.shape == (2, 2)
    assert x[0, 0] == pytest.approx(0.01) and x[0, 1] == pytest.approx(1.0)
    assert x[1, 0] == pytest.approx(0.01 + 0.2 * 0.99)      # 51 is a fifth of 255


def test_scale_pixels_rejects_values_outside_0_255():
    with pytest.raises(ValueError, match="images must hold pixel values 0..255"):
        nh.scale_pixels([[-1.0, 3.0]])
    with pytest.raises(TypeError, match="images"):
        nh.scale_pixels("picture")


def test_digit_targets_one_label_and_many():
    t = nh.digit_targets(3)
    assert t.shape == (10,) and t[3] == 0.99 and np.sum(t == 0.01) == 9
    T = nh.digit_targets(np.array([0, 9, 9], dtype=np.uint8))
    assert T.shape == (3, 10)
    assert np.argmax(T, axis=1).tolist() == [0, 9, 9]
    with pytest.raises(ValueError, match="labels must be below 10"):
        nh.digit_targets([10])


# --- preprocessing ---------------------------------------------------------------------

def test_preprocess_centres_a_blob_by_centre_of_mass():
    out = nh.preprocess_digit(blob())
    assert out.shape == (28, 28) and out.dtype == np.uint8
    r, c = nh.center_of_mass(out.astype(float))
    assert abs(r - 14.0) <= 0.5 and abs(c - 14.0) <= 0.5


def test_preprocess_centres_by_mass_not_by_box():
    # an L shape: heavy bottom bar, so the centre of mass is below the box's middle
    img = np.zeros((50, 50))
    img[5:45, 5:10] = 255
    img[35:45, 5:45] = 255
    out = nh.preprocess_digit(img).astype(float)
    rows = np.flatnonzero(out.sum(axis=1))
    box_middle = (rows.min() + rows.max()) / 2
    r, _ = nh.center_of_mass(out)
    assert abs(r - 14.0) <= 0.5
    assert box_middle < 13.0           # the box sits high so that the mass is centred


def test_preprocess_fits_the_longer_side_into_20_pixels_keeping_aspect():
    out = nh.preprocess_digit(blob(h=30, w=12))     # tall: 30 × 12 → 20 × 8
    rows, cols = np.nonzero(out)
    height, width = np.ptp(rows) + 1, np.ptp(cols) + 1
    assert height == 20
    assert width == 8
    wide = nh.preprocess_digit(blob(shape=(40, 90), top=5, left=5, h=10, w=80))  # 10 × 80
    rows, cols = np.nonzero(wide)
    assert np.ptp(cols) + 1 == 20 and np.ptp(rows) + 1 <= 3


def test_preprocess_stretches_ink_to_255():
    out = nh.preprocess_digit(blob(value=80.0))
    assert out.max() == 255


def test_preprocess_inverts_dark_ink_on_white_paper():
    white_on_black = nh.preprocess_digit(blob())
    black_on_white = nh.preprocess_digit(255.0 - blob())
    assert black_on_white[0, 0] == 0                  # background became black
    np.testing.assert_array_equal(black_on_white, white_on_black)
    # forcing invert=False keeps the white paper as "ink": nothing is left to see
    with pytest.raises(ValueError, match="empty"):
        nh.preprocess_digit(255.0 - blob(), invert=False)


def test_preprocess_reads_rgba_with_transparent_background_as_white_paper():
    rgba = np.zeros((60, 40, 4))                      # fully transparent everywhere ...
    rgba[10:40, 5:17, 3] = 255                        # ... but opaque black ink here
    np.testing.assert_array_equal(nh.preprocess_digit(rgba), nh.preprocess_digit(blob()))


def test_preprocess_rejects_wrong_shapes_and_empty_images():
    with pytest.raises(ValueError, match="image must be 2-D or 3-D"):
        nh.preprocess_digit(np.zeros(784))
    with pytest.raises(ValueError, match=r"3 or 4\) RGB/RGBA, got shape \(10, 10, 2\)"):
        nh.preprocess_digit(np.zeros((10, 10, 2)))
    with pytest.raises(ValueError, match="at least 2×2"):
        nh.preprocess_digit(np.zeros((1, 30)))
    with pytest.raises(ValueError, match="image is empty"):
        nh.preprocess_digit(np.full((30, 30), 255.0))
    with pytest.raises(ValueError, match="image is empty"):
        nh.preprocess_digit(np.zeros((30, 30)))
    with pytest.raises(TypeError, match="invert must be True, False or None"):
        nh.preprocess_digit(blob(), invert="yes")
    with pytest.raises(ValueError, match="image must be finite"):
        nh.preprocess_digit(np.full((30, 30), np.nan))
    with pytest.raises(ValueError, match=r"center must be a \(row, column\) pair, got 14"):
        nh.preprocess_digit(blob(), center=14)
    with pytest.raises(ValueError, match="box must be at most size"):
        nh.preprocess_digit(blob(), box=30)


def test_preprocess_leaves_an_mnist_like_digit_nearly_unchanged():
    # a digit already made the MNIST way: a 20 × 12 stroke pattern centred at (14, 14)
    digit = np.zeros((28, 28))
    digit[4:24, 8:20] = 0
    digit[4:6, 8:20] = 255
    digit[4:24, 18:20] = 255
    out = nh.preprocess_digit(digit).astype(float)
    r, c = nh.center_of_mass(out)
    assert abs(r - 14.0) <= 0.5 and abs(c - 14.0) <= 0.5
    assert np.count_nonzero(out) >= np.count_nonzero(digit) * 0.8


def test_center_of_mass_of_a_single_pixel_and_of_nothing():
    img = np.zeros((5, 7))
    img[1, 6] = 3.0
    assert nh.center_of_mass(img) == (1.0, 6.0)
    with pytest.raises(ValueError, match="no ink"):
        nh.center_of_mass(np.zeros((3, 3)))


# --- rotation ----------------------------------------------------------------------------

def test_rotation_by_zero_degrees_is_the_identity():
    img = np.random.default_rng(0).random((28, 28))
    np.testing.assert_allclose(nh.rotate_images(img, 0.0), img, atol=1e-12)


@pytest.mark.parametrize("degrees, k", [(90, 1), (-90, -1), (180, 2), (270, 3)])
def test_rotation_by_right_angles_matches_rot90(degrees, k):
    img = np.random.default_rng(1).random((28, 28))
    np.testing.assert_allclose(nh.rotate_images(img, degrees), np.rot90(img, k), atol=1e-9)


def test_rotation_of_a_batch_keeps_shape_and_range():
    batch = np.random.default_rng(2).integers(0, 256, (4, 28, 28)).astype(np.uint8)
    out = nh.rotate_images(batch, 10.0)
    assert out.shape == (4, 28, 28)
    assert out.min() >= 0.0 and out.max() <= 255.0
    np.testing.assert_allclose(out[2], nh.rotate_images(batch[2], 10.0))
    assert not np.allclose(out, batch)


def test_rotation_turns_anticlockwise_and_fills_the_corners():
    img = np.zeros((9, 9))
    img[4, 6:] = 1.0                               # a bar pointing right from the centre
    up = nh.rotate_images(img, 90)                 # anticlockwise: now it points up
    np.testing.assert_allclose(up[0:3, 4], [1.0, 1.0, 1.0])
    assert np.abs(up[4, 6:]).max() < 1e-12
    corners = nh.rotate_images(np.ones((9, 9)), 45, fill=0.0)
    assert corners[0, 0] == 0.0 and corners[4, 4] == pytest.approx(1.0)


def test_rotation_rejects_bad_arguments():
    with pytest.raises(ValueError, match="images must be 2-D or 3-D"):
        nh.rotate_images(np.zeros(10), 10)
    with pytest.raises(TypeError, match="degrees must be a number"):
        nh.rotate_images(np.zeros((3, 3)), "ten")
    with pytest.raises(TypeError, match="images must contain only numbers, got dtype <U1"):
        nh.rotate_images(np.full((3, 3), "x"), 10)


def test_rotation_of_uint8_images_keeps_the_range_with_any_fill():
    batch = np.full((2, 4, 4), 200, dtype=np.uint8)
    out = nh.rotate_images(batch, 45, fill=-1.0)
    assert out.dtype == np.float64 and -1.0 <= out.min() < 200.0 and out.max() == pytest.approx(200.0)
    np.testing.assert_allclose(out, nh.rotate_images(batch.astype(float), 45, fill=-1.0))


# --- confusion matrix ---------------------------------------------------------------------

def test_confusion_matrix_on_a_tiny_known_case():
    y_true = [0, 0, 1, 1, 1, 2]
    y_pred = [0, 1, 1, 1, 2, 2]
    C = nh.confusion_matrix(y_true, y_pred, n_classes=3)
    expected = np.array([[1, 1, 0],
                         [0, 2, 1],
                         [0, 0, 1]])
    np.testing.assert_array_equal(C, expected)
    assert C.sum() == 6 and np.trace(C) == 4


def test_confusion_matrix_rejects_mismatched_or_out_of_range_labels():
    with pytest.raises(ValueError, match="same length, got 2 and 3"):
        nh.confusion_matrix([0, 1], [0, 1, 1])
    with pytest.raises(ValueError, match="y_pred must be below 3"):
        nh.confusion_matrix([0, 1], [0, 3], n_classes=3)


# --- training and scoring ---------------------------------------------------------------

class Oracle:
    """A stand-in network that answers with the brightest quarter of the image."""
    inodes, onodes = 16, 4

    def query(self, inputs):
        q = np.asarray(inputs).reshape(4, 4)
        quarters = [q[:2, :2].sum(), q[:2, 2:].sum(), q[2:, :2].sum(), q[2:, 2:].sum()]
        out = np.full(4, 0.1)
        out[int(np.argmax(quarters))] = 0.9
        return out


def quarter_images():
    images = np.zeros((4, 4, 4), dtype=np.uint8)
    for k, (r, c) in enumerate([(0, 0), (0, 2), (2, 0), (2, 2)]):
        images[k, r:r + 2, c:c + 2] = 255
    return images


def test_score_card_and_accuracy_count_right_answers():
    images = quarter_images()
    card = nh.score_card(Oracle(), images, [0, 1, 3, 3])      # the third label is wrong
    assert card.tolist() == [1, 1, 0, 1]
    assert nh.accuracy(Oracle(), images, [0, 1, 2, 3]) == 1.0
    assert nh.query_all(Oracle(), images).shape == (4, 4)


def test_flatten_images_scales_and_flattens():
    X = nh.flatten_images(quarter_images())
    assert X.shape == (4, 16)
    assert X.min() == pytest.approx(0.01) and X.max() == pytest.approx(1.0)


def test_train_network_learns_four_patterns_and_is_seeded():
    images, y = quarter_images(), np.arange(4)

    def trained(seed):
        net = nh.NeuralNetwork(16, 6, 4, 0.5, rng=np.random.default_rng(seed))
        return nh.train_network(net, images, y, epochs=300, rng=np.random.default_rng(1))
    net = trained(0)
    assert nh.accuracy(net, images, y) == 1.0
    np.testing.assert_array_equal(net.wih, trained(0).wih)


def test_train_network_checks_its_arguments():
    net = nh.NeuralNetwork(16, 3, 4, 0.1, rng=np.random.default_rng(0))
    with pytest.raises(ValueError, match="same length, got 4 and 3"):
        nh.train_network(net, quarter_images(), [0, 1, 2])
    with pytest.raises(ValueError, match="must have 16 pixels each"):
        nh.train_network(net, np.zeros((2, 3, 3)), [0, 1])
    with pytest.raises(TypeError, match="net must be an nh.NeuralNetwork"):
        nh.train_network(object(), quarter_images(), [0, 1, 2, 3])
    with pytest.raises(ValueError, match="epochs must be at least 1"):
        nh.train_network(net, quarter_images(), [0, 1, 2, 3], epochs=0)


# --- pictures ----------------------------------------------------------------------------

def test_show_digits_draws_one_panel_per_image_with_titles():
    fig = nh.show_digits(quarter_images(), titles=list("abcd"), ncols=2, fig=new_figure())
    assert len(fig.axes) == 4
    assert [ax.get_title() for ax in fig.axes] == list("abcd")


def test_show_mistakes_shows_only_the_wrong_answers():
    outputs = np.eye(4)[[0, 2, 2, 1]]                         # answers 0, 2, 2, 1
    fig = nh.show_mistakes(quarter_images(), [0, 1, 2, 3], outputs, fig=new_figure())
    assert [ax.get_title() for ax in fig.axes] == ["1 → 2", "3 → 1"]
    with pytest.raises(ValueError, match="no mistakes"):
        nh.show_mistakes(quarter_images(), [0, 2, 2, 1], outputs, fig=new_figure())


def test_plot_confusion_writes_every_count():
    C = np.array([[5, 1], [0, 7]])
    fig = nh.plot_confusion(C, fig=new_figure())
    texts = sorted(t.get_text() for t in fig.axes[0].texts)
    assert texts == ["0", "1", "5", "7"]
    with pytest.raises(ValueError, match="C must be square"):
        nh.plot_confusion(np.zeros((2, 3)), fig=new_figure())


def test_show_backqueries_draws_one_image_per_output_node():
    net = nh.NeuralNetwork(16, 5, 4, 0.1, rng=np.random.default_rng(0))
    fig = nh.show_backqueries(net, fig=new_figure())
    assert len(fig.axes) == 4
    image = fig.axes[2].images[0].get_array()
    np.testing.assert_allclose(image, net.backquery([0.01, 0.01, 0.99, 0.01]).reshape(4, 4))


def test_train_network_progress_bar_only_when_asked(capsys):
    net = nh.NeuralNetwork(16, 3, 4, 0.1, rng=np.random.default_rng(0))
    nh.train_network(net, quarter_images(), [0, 1, 2, 3], epochs=2)
    assert capsys.readouterr().err == ""
    nh.train_network(net, quarter_images(), [0, 1, 2, 3], epochs=2, progress=True)
    err = capsys.readouterr().err
    assert "training" in err and "8/8" in err


def test_query_all_matches_query_one_image_at_a_time():
    images = np.random.default_rng(3).integers(0, 256, (5, 4, 4)).astype(np.uint8)
    net = nh.NeuralNetwork(16, 7, 4, 0.1, rng=np.random.default_rng(0))
    one_by_one = np.array([net.query(x) for x in nh.flatten_images(images)])
    np.testing.assert_allclose(nh.query_all(net, images), one_by_one, rtol=1e-12)
    expected = (one_by_one.argmax(axis=1) == [0, 1, 2, 3, 0]).astype(int)
    np.testing.assert_array_equal(nh.score_card(net, images, [0, 1, 2, 3, 0]), expected)


def test_show_backqueries_needs_a_network_with_backquery():
    with pytest.raises(TypeError, match="net must be an nh.NeuralNetwork"):
        nh.show_backqueries(object(), fig=new_figure())


# --- big batches are handled a chunk at a time -------------------------------------------

def test_rotation_of_a_batch_larger_than_one_chunk_matches_image_by_image():
    batch = np.random.default_rng(4).integers(0, 256, (1030, 6, 6)).astype(np.uint8)
    out = nh.rotate_images(batch, 15.0)
    for k in (0, 1023, 1024, 1029):                   # both sides of the chunk boundary
        np.testing.assert_allclose(out[k], nh.rotate_images(batch[k], 15.0), rtol=1e-12)


def test_query_all_on_more_images_than_one_chunk_matches_query():
    images = np.random.default_rng(5).integers(0, 256, (10_050, 4, 4)).astype(np.uint8)
    net = nh.NeuralNetwork(16, 5, 4, 0.1, rng=np.random.default_rng(0))
    picked = [0, 9_999, 10_000, 10_049]
    expected = [net.query(x) for x in nh.flatten_images(images[picked])]
    np.testing.assert_allclose(nh.query_all(net, images)[picked], expected, rtol=1e-12)


def test_train_network_checks_the_pixel_range_before_any_update():
    net = nh.NeuralNetwork(16, 3, 4, 0.1, rng=np.random.default_rng(0))
    before = net.wih.copy()
    images = quarter_images().astype(float)
    images[3, 0, 0] = 256.0                           # one bad pixel in the last image
    with pytest.raises(ValueError, match="images must hold pixel values 0..255, got values from 0.0 to 256.0"):
        nh.train_network(net, images, [0, 1, 2, 3])
    np.testing.assert_array_equal(net.wih, before)
    with pytest.raises(TypeError, match="images must contain only numbers"):
        nh.train_network(net, np.full((4, 4, 4), "x"), [0, 1, 2, 3])


def test_show_backqueries_puts_ncols_images_in_a_row():
    net = nh.NeuralNetwork(16, 5, 4, 0.1, rng=np.random.default_rng(0))
    fig = nh.show_backqueries(net, fig=new_figure(), ncols=2)
    rows = [ax.get_subplotspec().rowspan.start for ax in fig.axes]
    assert rows == [0, 0, 1, 1]
    with pytest.raises(ValueError, match="ncols must be at least 1"):
        nh.show_backqueries(net, fig=new_figure(), ncols=0)


def test_rotation_into_uint8_rounds_the_float_result():
    batch = np.random.default_rng(6).integers(0, 256, (3, 28, 28)).astype(np.uint8)
    small = nh.rotate_images(batch, 10, dtype=np.uint8)
    assert small.dtype == np.uint8 and small.shape == (3, 28, 28)
    np.testing.assert_array_equal(small, np.round(nh.rotate_images(batch, 10)))
    with pytest.raises(ValueError, match="dtype uint8 cannot hold the values -1.0 to 255.0"):
        nh.rotate_images(np.full((4, 4), 255.0), 10, fill=-1.0, dtype=np.uint8)
    with pytest.raises(TypeError, match="dtype must be a NumPy number type"):
        nh.rotate_images(batch, 10, dtype="text")


def test_to_gray_weights_colours_like_the_eye_and_lays_rgba_on_white():
    pixel = lambda *rgb: np.full((2, 2, len(rgb)), rgb, dtype=float)   # noqa: E731
    assert nh.to_gray(pixel(255, 0, 0))[0, 0] == pytest.approx(0.299 * 255)      # pure red
    assert nh.to_gray(pixel(0, 255, 0))[0, 0] == pytest.approx(0.587 * 255)      # green looks lightest
    assert nh.to_gray(pixel(0, 0, 255))[0, 0] == pytest.approx(0.114 * 255)
    assert nh.to_gray(pixel(100, 100, 100))[0, 0] == pytest.approx(100.0)
    assert nh.to_gray(pixel(0, 0, 0, 0))[0, 0] == pytest.approx(255.0)            # transparent = paper
    assert nh.to_gray(pixel(0, 0, 0, 51))[0, 0] == pytest.approx(255.0 * 0.8)     # 20 % opaque black ink

"""Tests for nnhelpers.drawpad: your own handwriting, without a browser."""
import io

import numpy as np
import pytest
from PIL import Image

import nnhelpers as nh
from nnhelpers.plotting import new_figure

SEVEN = [[(60, 50), (220, 50), (120, 240)]]          # one stroke: top bar and diagonal


class Recorder:
    """A stand-in network: remembers its inputs and answers with fixed outputs."""

    def __init__(self, outputs):
        self.outputs, self.seen = np.asarray(outputs, dtype=float), None

    def query(self, inputs):
        self.seen = np.asarray(inputs)
        return self.outputs


def test_predict_drawing_answers_the_largest_output_and_shares_sum_to_1():
    outputs = np.array([0.1, 0.2, 0.05, 0.1, 0.1, 0.1, 0.1, 0.8, 0.2, 0.05])
    net = Recorder(outputs)
    p = nh.predict_drawing(net, nh.sketch_digit(SEVEN))
    assert p.digit == 7
    assert p.probabilities.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(p.probabilities, outputs / outputs.sum())
    np.testing.assert_array_equal(p.outputs, outputs)
    assert p.image.shape == (28, 28) and p.image.dtype == np.uint8
    # the network was asked with 784 inputs scaled as in training
    assert net.seen.shape == (784,)
    assert net.seen.min() == pytest.approx(0.01) and net.seen.max() == pytest.approx(1.0)
    np.testing.assert_allclose(net.seen, nh.scale_pixels(p.image.ravel()))


def test_predict_drawing_with_a_real_network_and_with_an_mlp():
    picture = nh.sketch_digit(SEVEN)
    net = nh.NeuralNetwork(784, 20, 10, 0.1, rng=np.random.default_rng(0))
    p = nh.predict_drawing(net, picture)
    assert 0 <= p.digit <= 9 and p.digit == int(np.argmax(p.outputs))
    assert p.probabilities.shape == (10,) and p.probabilities.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(p.outputs, net.query(nh.scale_pixels(p.image.ravel())))
    mlp = nh.MLP([784, 8, 10], output="softmax", loss="cross_entropy", rng=np.random.default_rng(0))
    q = nh.predict_drawing(mlp, picture)
    np.testing.assert_allclose(q.probabilities, q.outputs)   # softmax outputs already sum to 1


def test_predict_drawing_agrees_with_the_network_on_mnist_digits_drawn_on_paper():
    """MNIST digits blown up to a 280×280 black-on-white 'drawing' are read back the same."""
    (train_x, train_y), (test_x, test_y) = nh.load_mnist("sample")
    net = nh.NeuralNetwork(784, 50, 10, 0.1, rng=np.random.default_rng(0))
    nh.train_network(net, train_x[:2000], train_y[:2000])
    digits = test_x[:60]
    direct = nh.query_all(net, digits).argmax(axis=1)
    drawn = []
    for d in digits:
        big = np.asarray(Image.fromarray(d).resize((200, 200), Image.Resampling.BILINEAR))
        paper = np.full((280, 280), 255, dtype=np.uint8)
        paper[30:230, 50:250] = 255 - big                 # dark ink, off-centre on white
        drawn.append(nh.predict_drawing(net, paper).digit)
    agree = np.mean(np.array(drawn) == direct)
    assert agree >= 0.9, f"only {agree:.0%} of answers survive the drawing pipeline"


def test_predict_drawing_rejects_empty_drawings_and_non_networks():
    with pytest.raises(ValueError, match="image is empty"):
        nh.predict_drawing(Recorder(np.ones(10)), nh.sketch_digit([]))
    with pytest.raises(TypeError, match="net must have a query or forward method"):
        nh.predict_drawing(object(), nh.sketch_digit(SEVEN))
    with pytest.raises(ValueError, match="net's outputs must be at least 2 numbers >= 0"):
        nh.predict_drawing(Recorder([-1.0, 2.0]), nh.sketch_digit(SEVEN))


def test_sketch_digit_paints_black_strokes_on_white():
    pic = nh.sketch_digit([[(10, 10), (90, 10)]], size=100, width=6)
    assert pic.shape == (100, 100, 4) and pic.dtype == np.uint8
    assert pic[10, 50, :3].tolist() == [0, 0, 0]          # on the stroke
    assert pic[50, 50].tolist() == [255, 255, 255, 255]   # paper
    assert pic[10, 8, 0] == 0                             # round end reaches beyond the point
    with pytest.raises(ValueError, match=r"strokes\[0\] must have shape \(any, 2\)"):
        nh.sketch_digit([[1, 2, 3]])


def test_image_from_bytes_reads_png_and_rejects_junk():
    buffer = io.BytesIO()
    Image.fromarray(np.full((5, 7), 200, dtype=np.uint8)).save(buffer, format="PNG")
    rgba = nh.image_from_bytes(buffer.getvalue())
    assert rgba.shape == (5, 7, 4) and rgba[0, 0].tolist() == [200, 200, 200, 255]
    with pytest.raises(ValueError, match="notes.txt is not a picture"):
        nh.image_from_bytes(b"hello", name="notes.txt")


def test_draw_prediction_shows_the_image_and_one_bar_per_digit():
    p = nh.predict_drawing(Recorder(np.linspace(0.1, 0.5, 10)), nh.sketch_digit(SEVEN))
    fig = new_figure()
    text = nh.draw_prediction(fig, p)
    assert text.startswith("the network says 9 (share ")
    ax_img, ax_bar = fig.axes
    np.testing.assert_array_equal(ax_img.images[0].get_array(), p.image)
    heights = [bar.get_height() for bar in ax_bar.patches]
    np.testing.assert_allclose(heights, p.probabilities)


def test_drawing_pad_records_strokes_and_predicts_from_them():
    net = Recorder(np.eye(10)[3] * 0.9 + 0.01)
    pad = nh.drawing_pad(net, live=False)
    assert "draw a digit" in pad.children[2].value
    for stroke in SEVEN:
        pad.pen_down(*stroke[0])
        for point in stroke[1:]:
            pad.pen_move(*point)
        pad.pen_up(*stroke[-1])
    pad.pen_move(5, 5)                                   # pen is up: not recorded
    assert len(pad.strokes) == 1 and pad.strokes[0][0] == SEVEN[0][0]
    text = pad.predict()
    assert text.startswith("the network says 3")
    assert pad.children[1].value[:4] == b"\x89PNG"
    expected = nh.preprocess_digit(nh.sketch_digit(SEVEN))
    np.testing.assert_allclose(net.seen, nh.scale_pixels(expected.ravel()))
    assert pad.children[1].layout.display is None          # the answer's picture is shown
    pad.clear()
    assert pad.strokes == [] and pad.children[1].layout.display == "none"
    assert pad.predict().startswith("cannot read a digit yet: image is empty")


def test_drawing_pad_answers_after_each_stroke_when_live():
    pad = nh.drawing_pad(Recorder(np.eye(10)[5] + 0.01), live=True)
    pad.pen_down(100, 60)
    pad.pen_move(100, 220)
    pad.pen_up(100, 220)
    assert "the network says 5" in pad.children[2].value


def test_upload_digit_reads_a_picture_and_reports_junk():
    box = nh.upload_digit(Recorder(np.eye(10)[1] + 0.01))
    buffer = io.BytesIO()
    Image.fromarray(nh.sketch_digit(SEVEN)).save(buffer, format="PNG")
    assert box.show_bytes(buffer.getvalue()).startswith("the network says 1")
    message = box.show_bytes(b"not a picture", name="digit.png")
    assert "digit.png is not a picture" in message and "digit.png" in box.children[2].value


def test_widgets_refuse_something_that_is_not_a_network():
    with pytest.raises(TypeError, match="net must have a query or forward method"):
        nh.drawing_pad("my net")
    with pytest.raises(TypeError, match="net must have a query or forward method"):
        nh.upload_digit(None)


def test_image_from_bytes_turns_a_phone_photo_upright():
    """A camera stores the pixels sideways and an EXIF tag saying "rotate 90° clockwise"."""
    stored = np.zeros((20, 40, 3), dtype=np.uint8)     # 20 rows × 40 columns as stored
    stored[:, :10] = 255                                # white band on the stored left edge
    exif = Image.Exif()
    exif[0x0112] = 6                                    # Orientation: rotate 90° clockwise to view
    buffer = io.BytesIO()
    Image.fromarray(stored).save(buffer, format="JPEG", exif=exif, quality=95)
    upright = nh.image_from_bytes(buffer.getvalue())
    assert upright.shape == (40, 20, 4)                 # shown as 40 rows × 20 columns
    assert upright[:10, :, 0].mean() > 200 and upright[-10:, :, 0].mean() < 50   # band now on top

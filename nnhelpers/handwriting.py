"""Your own handwriting, without widgets: predict a drawn or uploaded digit and draw the answer.

Everything here works on arrays and a matplotlib Figure, so it is tested
without a browser; `drawpad.py` wraps it in a drawing pad and an upload button.
"""
import io
from typing import NamedTuple

import numpy as np
from PIL import Image, ImageDraw, ImageOps, UnidentifiedImageError

from ._validate import as_array, positive_int
from .digits import preprocess_digit, scale_pixels
from .explorer import render_png
from .plotting import COLORS

PAD_SIZE, PEN_WIDTH = 280, 22


class Prediction(NamedTuple):
    """What `predict_drawing` returns: digit, probabilities, outputs, image.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    digit: int                 # the network's answer: the largest output
    probabilities: np.ndarray  # (10,) outputs divided by their sum: shares adding up to 1
    outputs: np.ndarray        # (10,) the raw sigmoid outputs
    image: np.ndarray          # (28, 28) uint8, the preprocessed digit the network saw


def asker(net):
    """The method that asks `net` about one input vector: `query`, else `forward`."""
    ask = getattr(net, "query", None) or getattr(net, "forward", None)
    if not callable(ask):
        raise TypeError(f"net must have a query or forward method (a trained network), "
                        f"got {type(net).__name__}")
    return ask


def predict_drawing(net, image, invert=None):
    """Preprocess a drawn/uploaded image as MNIST was made and ask `net` which digit it is.

    image: grey (h, w), RGB (h, w, 3) or RGBA (h, w, 4) with values 0..255.
    `net` has `query(784 inputs) → outputs` (nh.NeuralNetwork) or `forward`
    (nh.MLP); inputs are scaled to 0.01..1.0 as in training. Returns a Prediction.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    ask = asker(net)
    digit_image = preprocess_digit(image, invert=invert)
    outputs = as_array(ask(scale_pixels(digit_image.reshape(-1))), "net's outputs").ravel()
    if outputs.size < 2 or np.any(outputs < 0):
        raise ValueError(f"net's outputs must be at least 2 numbers >= 0, got {outputs}")
    total = outputs.sum()
    shares = outputs / total if total > 0 else np.full(outputs.size, 1.0 / outputs.size)
    return Prediction(int(np.argmax(outputs)), shares, outputs, digit_image)


def draw_prediction(fig, prediction):
    """Draw the 28×28 image the network saw and a bar per digit; returns a readout line.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    ax_img, ax_bar = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.6]})
    fig.subplots_adjust(left=0.04, right=0.97, bottom=0.2, top=0.88, wspace=0.3)
    ax_img.imshow(prediction.image, cmap="Greys", vmin=0, vmax=255)
    ax_img.set_title("the network sees (28×28)", fontsize=9)
    ax_img.set_axis_off()
    p, d = prediction.probabilities, prediction.digit
    colors = [COLORS["positive"] if k == d else COLORS["train"] for k in range(len(p))]
    ax_bar.bar(range(len(p)), p, color=colors)
    ax_bar.set_xticks(range(len(p)))
    ax_bar.set_ylim(0, 1)
    ax_bar.set_xlabel("digit")
    ax_bar.set_ylabel("share of output")
    ax_bar.set_title(f"answer: {d}", fontsize=10)
    return f"the network says {d} (share {p[d]:.4f}, output {prediction.outputs[d]:.4f})"


def sketch_digit(strokes, size=PAD_SIZE, width=PEN_WIDTH):
    """Paint strokes (lists of (x, y) points) black on white: RGBA (size, size, 4) uint8.

    The same picture the drawing pad shows; used to make a "drawn" digit in code.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    size, width = positive_int(size, "size"), positive_int(width, "width")
    picture = Image.new("RGBA", (size, size), (255, 255, 255, 255))
    pen = ImageDraw.Draw(picture)
    for k, stroke in enumerate(strokes):
        points = [tuple(map(float, p)) for p in as_array(stroke, f"strokes[{k}]", shape=(None, 2))]
        if len(points) > 1:
            pen.line(points, fill=(0, 0, 0, 255), width=width, joint="curve")
        for x, y in (points[0], points[-1]) if points else ():
            r = width / 2
            pen.ellipse((x - r, y - r, x + r, y + r), fill=(0, 0, 0, 255))  # round ends
    return np.asarray(picture)


def image_from_bytes(data, name="the file"):
    """Decode an uploaded picture (PNG, JPEG, ...) into an RGBA array (h, w, 4) uint8.

    A phone photo is turned upright as its EXIF orientation tag says.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    try:
        with Image.open(io.BytesIO(bytes(data))) as picture:
            return np.asarray(ImageOps.exif_transpose(picture).convert("RGBA"))
    except (UnidentifiedImageError, OSError) as err:
        raise ValueError(f"{name} is not a picture Pillow can read (PNG, JPEG, ...): {err}") from None


def _show(widget_image, readout, fig, net, picture):
    """Predict `picture`, redraw `fig` into `widget_image`; returns the readout text."""
    fig.clear()
    try:
        text = draw_prediction(fig, predict_drawing(net, picture))
    except ValueError as err:
        text = f"cannot read a digit yet: {err}"
    widget_image.value = render_png(fig)
    widget_image.layout.display = None          # hidden until there is a first picture
    readout.value = f"<code>{text}</code>"
    return text

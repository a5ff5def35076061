"""Your own handwriting: a drawing pad and an image upload, both asking a trained network.

The pure part — `predict_drawing` and `draw_prediction` — works on arrays and
a matplotlib Figure, so it is tested without a browser. The pad records the
mouse strokes in Python and paints them with Pillow (`sketch_digit`), so what
the network sees does not depend on the browser sending pixels back.
"""
import io
from typing import NamedTuple

import numpy as np
from PIL import Image, ImageDraw, UnidentifiedImageError

from ._validate import as_array, positive_int
from .digits import preprocess_digit, scale_pixels
from .explorer import render_png
from .plotting import COLORS, new_figure

PAD_SIZE, PEN_WIDTH = 280, 22


class Prediction(NamedTuple):
    """What `predict_drawing` returns."""
    digit: int                 # the network's answer: the largest output
    probabilities: np.ndarray  # (10,) outputs divided by their sum: shares adding up to 1
    outputs: np.ndarray        # (10,) the raw sigmoid outputs
    image: np.ndarray          # (28, 28) uint8, the preprocessed digit the network saw


def predict_drawing(net, image, invert=None):
    """Preprocess a drawn/uploaded image as MNIST was made and ask `net` which digit it is.

    image: grey (h, w), RGB (h, w, 3) or RGBA (h, w, 4) with values 0..255.
    `net` has `query(784 inputs) → outputs` (nh.NeuralNetwork) or `forward`
    (nh.MLP); inputs are scaled to 0.01..1.0 as in training. Returns a Prediction.

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    ask = getattr(net, "query", None) or getattr(net, "forward", None)
    if ask is None:
        raise TypeError(f"net must have a query or forward method, got {type(net).__name__}")
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
    ax_img.imshow(prediction.image, cmap="Greys", vmin=0, vmax=255)
    ax_img.set_title("what the network sees (28×28)", fontsize=9)
    ax_img.set_xticks([])
    ax_img.set_yticks([])
    ax_img.grid(False)
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

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    try:
        with Image.open(io.BytesIO(bytes(data))) as picture:
            return np.asarray(picture.convert("RGBA"))
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
    readout.value = f"<code>{text}</code>"
    return text


def _picture_widgets(width=5.4, height=2.6):
    import ipywidgets as widgets
    fig = new_figure(width, height)
    px_w, px_h = int(width * fig.dpi), int(height * fig.dpi)
    image = widgets.Image(format="png", width=px_w, height=px_h,
                          layout=widgets.Layout(width=f"{px_w}px", height=f"{px_h}px"))
    return fig, image, widgets.HTML(layout=widgets.Layout(min_height="1.6em"))


def drawing_pad(net, size=PAD_SIZE, width=PEN_WIDTH, live=True):
    """A pad to draw a digit with the mouse (or a finger), Clear and Predict buttons,
    and the 28×28 image and answer of `net`. With `live`, it also answers after
    every stroke. Returns the widget (a VBox with `.strokes`, `.predict()`, `.clear()`).

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    import ipywidgets as widgets
    from ipycanvas import Canvas
    size, width = positive_int(size, "size"), positive_int(width, "width")
    canvas = Canvas(width=size, height=size,
                    layout=widgets.Layout(width=f"{size}px", height=f"{size}px",
                                          border="1px solid #888"))
    canvas.line_width, canvas.line_cap, canvas.line_join = width, "round", "round"
    fig, image, readout = _picture_widgets()
    clear_button = widgets.Button(description="Clear", icon="eraser")
    predict_button = widgets.Button(description="Predict", icon="check", button_style="primary")
    pad = widgets.VBox([widgets.HBox([canvas, widgets.VBox([clear_button, predict_button])]),
                        image, readout])
    pad.strokes, pad.canvas, pad.pen_is_down = [], canvas, False

    def clear(_=None):
        pad.strokes.clear()
        canvas.fill_style = "white"
        canvas.fill_rect(0, 0, size, size)
        canvas.stroke_style = canvas.fill_style = "black"
        readout.value = "<code>draw a digit in the box, as large as the box</code>"

    def predict(_=None):
        return _show(image, readout, fig, net, sketch_digit(pad.strokes, size, width))

    def down(x, y):
        pad.pen_is_down = True
        pad.strokes.append([(x, y)])
        canvas.fill_circle(x, y, width / 2)

    def move(x, y):
        if pad.pen_is_down:
            canvas.stroke_line(*pad.strokes[-1][-1], x, y)
            pad.strokes[-1].append((x, y))

    def up(x, y):
        if pad.pen_is_down:
            move(x, y)
            pad.pen_is_down = False
            if live:
                predict()

    canvas.on_mouse_down(down)
    canvas.on_mouse_move(move)
    canvas.on_mouse_up(up)
    canvas.on_mouse_out(up)
    canvas.on_touch_start(lambda touches: down(*touches[0]))
    canvas.on_touch_move(lambda touches: move(*touches[0]))
    canvas.on_touch_end(lambda touches: up(*pad.strokes[-1][-1]) if pad.strokes else None)
    clear_button.on_click(clear)
    predict_button.on_click(predict)
    pad.clear, pad.predict, pad.pen_down, pad.pen_move, pad.pen_up = clear, predict, down, move, up
    clear()
    return pad


def upload_digit(net):
    """An upload button for a photo or scan of one digit; shows the 28×28 image and the
    answer of `net`. Returns the widget (a VBox with `.show_bytes(data)`).

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    import ipywidgets as widgets
    upload = widgets.FileUpload(accept="image/*", multiple=False,
                                description="Upload a digit")
    fig, image, readout = _picture_widgets()
    box = widgets.VBox([upload, image, readout])

    def show_bytes(data, name="the file"):
        try:
            picture = image_from_bytes(data, name)
        except ValueError as err:
            readout.value = f"<code>{err}</code>"
            return str(err)
        return _show(image, readout, fig, net, picture)

    def on_upload(change):
        if change["new"]:
            item = change["new"][0]
            show_bytes(item["content"], item.get("name", "the file"))

    upload.observe(on_upload, names="value")
    readout.value = "<code>choose a picture of one digit: dark ink on light paper, or light on dark</code>"
    box.upload, box.show_bytes = upload, show_bytes
    return box

"""Your own handwriting: a drawing pad and an image upload, both asking a trained network.

The pad records the mouse strokes in Python and paints them with Pillow
(`sketch_digit`), so what the network sees does not depend on the browser
sending pixels back; the pure parts live in `handwriting.py` and are tested
directly.
"""
from ._validate import positive_int
from .handwriting import (PAD_SIZE, PEN_WIDTH, asker, image_from_bytes,  # noqa: F401
                          predict_drawing, sketch_digit, _show)
from .plotting import new_figure


def _picture_widgets(width=5.4, height=2.6):
    import ipywidgets as widgets
    fig = new_figure(width, height)
    px_w, px_h = int(width * fig.dpi), int(height * fig.dpi)
    image = widgets.Image(format="png", width=px_w, height=px_h,
                          layout=widgets.Layout(width=f"{px_w}px", height=f"{px_h}px",
                                                display="none"))
    return fig, image, widgets.HTML(layout=widgets.Layout(min_height="1.6em"))


def drawing_pad(net, size=PAD_SIZE, width=PEN_WIDTH, live=True):
    """A pad to draw a digit with the mouse (or a finger), Clear and Predict buttons,
    and the 28×28 image and answer of `net`. With `live`, it also answers after
    every stroke. Returns the widget (a VBox with `.strokes`, `.predict()`, `.clear()`).

    Introduced in: 07_mnist_handwritten_digits.ipynb
    """
    import ipywidgets as widgets
    from ipycanvas import Canvas
    asker(net)
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
        image.layout.display = "none"
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
    asker(net)
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

"""The explorer machinery: one redraw per change, a PNG of fixed size, a readout."""
import struct

import ipywidgets as widgets
import numpy as np

import nnhelpers as nh


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_explorer_redraws_on_change_with_fixed_size():
    calls = []
    def draw(fig, a):
        calls.append(a)
        fig.add_subplot().plot([0, 1], [0, a])
        return f"a = {a:.2f}"
    e = nh.explorer(draw, {"a": nh.slider(1.0, 0.0, 2.0, 0.1, "a")}, width=4, height=3)
    first = e.image.value
    e.controls["a"].value = 1.5
    assert calls == [1.0, 1.5]
    assert e.image.value != first and png_size(e.image.value) == png_size(first) == (360, 270)
    assert e.readout.value == "<code>a = 1.50</code>"
    assert isinstance(e, widgets.VBox) and e.values() == {"a": 1.5}


def test_slider_settings():
    s = nh.slider(0.5, 0.0, 1.0, 0.05, "w", continuous=False)
    assert (s.min, s.max, s.step, s.value, s.continuous_update) == (0.0, 1.0, 0.05, 0.5, False)


def test_start_notebook_explorer_readout():
    fig = nh.new_figure()
    x, y = nh.line_data(rng=np.random.default_rng(0))
    text = nh.draw_guess_the_function(fig, 2.0, 1.0)
    expected = 0.5 * np.mean((y - (2.0 * x + 1.0)) ** 2)
    assert text == f"w = 2.00   b = 1.00   error E = {expected:.4f}"
    assert len(fig.axes) == 1 and len(fig.axes[0].lines) == 1


def test_draw_network_widths_and_colours():
    fig = nh.new_figure()
    ax = fig.add_subplot()
    W1, W2 = np.array([[0.9, -0.3], [0.2, 0.8]]), np.array([[0.45, -0.9]])
    pos = nh.draw_network([W1, W2], ax, values=[[1.0, 0.5], [0.7, 0.6], [0.5]])
    assert [len(layer) for layer in pos] == [2, 2, 1]
    widths = sorted(line.get_linewidth() for line in ax.lines)
    assert len(ax.lines) == 6 and widths[-1] == 0.5 + 6.0       # |w| = 0.9 is the widest
    colours = {line.get_color() for line in ax.lines}
    assert colours == {nh.COLORS["positive"], nh.COLORS["negative"]}
    assert "0.7000" in [t.get_text() for t in ax.texts]

"""The machinery behind every slider explorer in the course.

An explorer is a pure drawing function plus a set of controls:

    def draw_thing(fig, a, b):      # draws on a matplotlib Figure
        ...
        return "readout text"       # shown under the plot (optional)

    explorer(draw_thing, {"a": slider_a, "b": slider_b})

The figure is rendered to PNG and shown in a fixed-size Image widget, so an
update swaps one picture for another: no flicker, no jumping page. Tests
call the draw function directly.
"""
import io

import ipywidgets as widgets

from .plotting import new_figure


def render_png(fig):
    """The figure as PNG bytes (fixed size: no tight bounding box).

    Introduced in: 01_neurons.ipynb
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=fig.dpi, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


class Explorer(widgets.VBox):
    """Controls on top, the plot in the middle, a readout line below.

    `draw(fig, **values)` is called with the current control values after
    every change; `update()` redraws by hand and returns the readout.

    Introduced in: 01_neurons.ipynb
    """

    def __init__(self, draw, controls, width=6.0, height=3.6, title=None):
        self.draw, self.controls = draw, dict(controls)
        self.fig = new_figure(width, height)
        px_w, px_h = int(width * self.fig.dpi), int(height * self.fig.dpi)
        self.image = widgets.Image(format="png", width=px_w, height=px_h,
                                   layout=widgets.Layout(width=f"{px_w}px", height=f"{px_h}px"))
        self.readout = widgets.HTML(layout=widgets.Layout(min_height="1.6em"))
        for control in self.controls.values():
            control.observe(lambda change: self.update(), names="value")
        header = [widgets.HTML(f"<b>{title}</b>")] if title else []
        boxes = [widgets.HBox(list(self.controls.values())[i:i + 3])
                 for i in range(0, len(self.controls), 3)]
        super().__init__(header + boxes + [self.image, self.readout])
        self.update()

    def values(self):
        """The current control values, by name."""
        return {name: c.value for name, c in self.controls.items()}

    def update(self):
        """Redraw the figure with the current values; returns the readout text."""
        self.fig.clear()
        text = self.draw(self.fig, **self.values())
        self.image.value = render_png(self.fig)
        self.readout.value = f"<code>{text}</code>" if text else ""
        return text


def explorer(draw, controls, width=6.0, height=3.6, title=None):
    """Build an Explorer (see the class); the one call a notebook cell makes.

    Introduced in: 01_neurons.ipynb
    """
    return Explorer(draw, controls, width=width, height=height, title=title)


def slider(value, low, high, step, description, continuous=True, readout_format=".2f"):
    """A FloatSlider with the course's layout; `continuous=False` for slow redraws.

    Introduced in: 01_neurons.ipynb
    """
    return widgets.FloatSlider(value=value, min=low, max=high, step=step,
                               description=description, continuous_update=continuous,
                               readout_format=readout_format,
                               style={"description_width": "initial"},
                               layout=widgets.Layout(width="300px"))

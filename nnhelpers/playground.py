"""A TensorFlow-Playground-style widget on the course's own NumPy network.

The state lives in a PlaygroundModel (playground_model.py); this module only
wires controls to it. "run" starts an asyncio task on the kernel's event
loop that trains a few epochs, redraws, then sleeps briefly, so the kernel
keeps handling clicks (pause!) between chunks. Nothing runs until "run" is
pressed, so executing the notebook never leaves work in the background.
"""
import asyncio
import weakref

import ipywidgets as widgets
import matplotlib as mpl
from matplotlib.figure import Figure

from .explorer import render_png
from .playground_draw import update_playground
from .playground_model import MAX_LAYERS, MAX_NODES, PlaygroundModel
from .plotting import STYLE

LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
L2_STRENGTHS = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1)
EPOCHS_PER_FRAME = 10          # epochs trained between two redraws while running
PAUSE = 0.01                   # seconds the run loop yields to the kernel per frame
WIDE = {"description_width": "initial"}


def _parse_sizes(text):
    """'4, 4' → [4, 4]; '' → []; raises ValueError naming what is wrong."""
    parts = [p for p in text.replace(",", " ").split() if p]
    if not all(p.isdigit() for p in parts):
        raise ValueError(f"hidden sizes must be whole numbers separated by commas, got {text!r}")
    sizes = [int(p) for p in parts]
    if len(sizes) > MAX_LAYERS or any(not 1 <= n <= MAX_NODES for n in sizes):
        raise ValueError(f"hidden sizes must be at most {MAX_LAYERS} layers of 1 to {MAX_NODES} "
                         f"nodes, got {text!r}")
    return sizes


def _running_loop():
    """The kernel's event loop (ipykernel runs one); a fresh one outside a kernel."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.get_event_loop_policy().get_event_loop()


class Playground(widgets.VBox):
    """Controls, run/pause/step/reset buttons, the live figure and an epoch readout.

    Handlers (`on_run`, `on_pause`, `on_step`, `on_reset`, ...) may be called
    directly; `model` is the PlaygroundModel being trained. Creating a new
    playground pauses the others (e.g. after re-running the cell), so no
    forgotten one keeps training in the background.

    Introduced in: 06_training_a_network.ipynb
    """

    _instances = weakref.WeakSet()

    def __init__(self, width=10.0, height=3.4, **settings):
        self.model = PlaygroundModel(**settings)
        for other in list(Playground._instances):
            other.on_pause()
        Playground._instances.add(self)
        m = self.model
        with mpl.rc_context(STYLE):             # no layout engine: panels are placed by hand
            self.fig = Figure(figsize=(width, height), dpi=STYLE["figure.dpi"])
        px_w, px_h = int(width * self.fig.dpi), int(height * self.fig.dpi)
        self.image = widgets.Image(format="png", width=px_w, height=px_h,
                                   layout=widgets.Layout(width=f"{px_w}px", height=f"{px_h}px"))
        self.status = widgets.HTML(layout=widgets.Layout(min_height="1.6em"))
        self.task, self.running, self._syncing = None, False, False
        self._build_controls(m)
        super().__init__([self._data_box, self._net_box, self._train_box, self._buttons,
                          self.image, self.status])
        self.redraw()

    # --- building -----------------------------------------------------------------------
    def _build_controls(self, m):
        small = widgets.Layout(width="210px")
        self.dataset = widgets.Dropdown(options=[("circle", "circle"), ("XOR", "xor"),
                                                 ("Gaussian", "gaussian"), ("spiral", "spiral")],
                                        value=m.dataset, description="data", layout=small)
        self.noise = widgets.FloatSlider(value=m.noise, min=0.0, max=0.5, step=0.05,
                                         description="noise", continuous_update=False,
                                         style=WIDE, layout=widgets.Layout(width="250px"))
        self.ratio = widgets.IntSlider(value=int(round(100 * m.train_ratio)), min=10, max=90,
                                       step=10, description="train %", continuous_update=False,
                                       style=WIDE, layout=widgets.Layout(width="250px"))
        self.seed = widgets.BoundedIntText(value=m.seed, min=0, max=99999, description="seed",
                                           layout=widgets.Layout(width="160px"))
        self.layers = widgets.IntSlider(value=len(m.hidden), min=0, max=MAX_LAYERS,
                                        description="hidden layers", continuous_update=False,
                                        style=WIDE, layout=widgets.Layout(width="250px"))
        self.sizes = widgets.Text(value=", ".join(map(str, m.hidden)), description="sizes",
                                  continuous_update=False, layout=small)
        self.activation = widgets.Dropdown(options=["sigmoid", "tanh", "relu"],
                                           value=m.activation, description="activation",
                                           style=WIDE, layout=small)
        self.lr = widgets.Dropdown(options=LEARNING_RATES, value=m.lr,
                                   description="learning rate", style=WIDE, layout=small)
        self.l2 = widgets.Dropdown(options=L2_STRENGTHS, value=m.l2, description="L2",
                                   layout=small)
        self.batch = widgets.IntSlider(value=m.batch_size, min=1, max=30, description="batch size",
                                       continuous_update=False, style=WIDE,
                                       layout=widgets.Layout(width="250px"))
        for control in (self.dataset, self.noise, self.ratio, self.seed):
            control.observe(self.on_data_change, names="value")
        self.layers.observe(self.on_layers_change, names="value")
        self.sizes.observe(self.on_sizes_change, names="value")
        self.activation.observe(self.on_network_change, names="value")
        for control in (self.lr, self.l2, self.batch):
            control.observe(self.on_training_change, names="value")
        self.run_button = widgets.Button(description="▶ run", button_style="success")
        self.pause_button = widgets.Button(description="⏸ pause", disabled=True)
        self.step_button = widgets.Button(description="⏭ step (1 epoch)")
        self.reset_button = widgets.Button(description="↺ reset", button_style="warning")
        self.run_button.on_click(self.on_run)
        self.pause_button.on_click(self.on_pause)
        self.step_button.on_click(self.on_step)
        self.reset_button.on_click(self.on_reset)
        self._data_box = widgets.HBox([self.dataset, self.noise, self.ratio, self.seed])
        self._net_box = widgets.HBox([self.layers, self.sizes, self.activation])
        self._train_box = widgets.HBox([self.lr, self.l2, self.batch])
        self._buttons = widgets.HBox([self.run_button, self.pause_button, self.step_button,
                                      self.reset_button])

    # --- drawing ------------------------------------------------------------------------
    def redraw(self, message=""):
        """Update the figure and the readout; returns the readout text."""
        text = update_playground(self.fig, self.model)
        self.image.value = render_png(self.fig)
        note = f" — {message}" if message else ""
        self.status.value = f"<code>{text}</code>{note}"
        return text

    # --- control handlers ---------------------------------------------------------------
    def on_data_change(self, change=None):
        """New data set, noise, split or seed: new data, network back to its start."""
        self.model.seed = int(self.seed.value)
        self.model.set_data(self.dataset.value, self.noise.value, self.ratio.value / 100)
        self.redraw()

    def on_layers_change(self, change=None):
        """The layer count changed: pad with the last size (or 4) or drop layers."""
        if self._syncing:
            return
        sizes = list(self.model.hidden)
        n = self.layers.value
        sizes = sizes[:n] + [sizes[-1] if sizes else 4] * (n - len(sizes))
        self._sync_sizes(sizes)
        self.on_network_change()

    def on_sizes_change(self, change=None):
        """Sizes typed as '4, 2': rebuild, or say what is wrong and keep the network."""
        if self._syncing:
            return
        try:
            sizes = _parse_sizes(self.sizes.value)
        except ValueError as err:
            self.status.value = f"<code>{self.model.summary()}</code> — ⚠ {err}"
            return
        self._sync_sizes(sizes)
        self.on_network_change()

    def _sync_sizes(self, sizes):
        self._syncing = True
        try:
            self.layers.value = len(sizes)
            self.sizes.value = ", ".join(map(str, sizes))
        finally:
            self._syncing = False

    def on_network_change(self, change=None):
        """New hidden sizes or activation: rebuild the network (back to epoch 0)."""
        self.model.set_network(_parse_sizes(self.sizes.value), self.activation.value)
        self.redraw()

    def on_training_change(self, change=None):
        """Learning rate, L2 or batch size: training continues from the current weights."""
        self.model.set_training(lr=self.lr.value, l2=self.l2.value, batch_size=self.batch.value)
        self.redraw()

    # --- buttons ------------------------------------------------------------------------
    def _train(self, epochs):
        """Train and redraw; on divergence stop running and say so. Returns True if fine."""
        try:
            self.model.train_chunk(epochs)
        except FloatingPointError as err:
            self.on_pause()
            self.redraw(f"⚠ {err}")
            return False
        self.redraw()
        return True

    def on_step(self, button=None):
        """Train exactly one epoch and redraw."""
        self._train(1)

    def on_reset(self, button=None):
        """Stop, and go back to epoch 0 with the initial weights."""
        self.on_pause()
        self.model.reset()
        self.redraw()

    def on_run(self, button=None):
        """Start training in the background (an asyncio task); returns the task."""
        if self.task is not None and not self.task.done():
            return self.task
        self.running = True
        self.run_button.disabled, self.pause_button.disabled = True, False
        self.task = _running_loop().create_task(self._run())
        return self.task

    def on_pause(self, button=None):
        """Stop after the current chunk."""
        self.running = False
        self.run_button.disabled, self.pause_button.disabled = False, True

    async def _run(self):
        while self.running and self._train(EPOCHS_PER_FRAME):
            await asyncio.sleep(PAUSE)


def playground(**settings):
    """The playground widget; the one call a notebook cell makes.

    Settings are those of PlaygroundModel, e.g.
    `playground(dataset="spiral", hidden=[8, 8], activation="relu")`.

    Introduced in: 06_training_a_network.ipynb
    """
    return Playground(**settings)

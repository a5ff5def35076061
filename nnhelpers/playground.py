"""A TensorFlow-Playground-style widget on the course's own NumPy network.

The state lives in a PlaygroundModel (playground_model.py), the controls are
made in playground_controls.py; this module wires them together. "run" starts
an asyncio task on the kernel's event loop that trains a few epochs, redraws,
then sleeps briefly, so the kernel keeps handling clicks (pause!) between chunks. Nothing runs until "run" is
pressed, so executing the notebook never leaves work in the background.
"""
import asyncio
import weakref

import ipywidgets as widgets
import matplotlib as mpl
from matplotlib.figure import Figure

from .blit import blit_png
from .playground_controls import make_controls, parse_sizes
from .playground_draw import update_playground
from .playground_model import PlaygroundModel
from .plotting import STYLE

EPOCHS_PER_FRAME = 10          # epochs trained between two redraws while running
PAUSE = 0.01                   # seconds the run loop yields to the kernel per frame


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
        self.task, self.running, self._syncing, self._frames = None, False, False, {}
        self._build_controls(m)
        super().__init__([self._data_box, self._net_box, self._train_box, self._buttons,
                          self.image, self.status])
        self.redraw()

    # --- building -----------------------------------------------------------------------
    def _build_controls(self, m):
        for name, control in make_controls(m).items():
            setattr(self, name, control)
        for control in (self.dataset, self.noise, self.ratio, self.seed):
            control.observe(self.on_data_change, names="value")
        self.layers.observe(self.on_layers_change, names="value")
        self.sizes.observe(self.on_sizes_change, names="value")
        self.activation.observe(self.on_network_change, names="value")
        for control in (self.lr, self.l2, self.batch):
            control.observe(self.on_training_change, names="value")
        self.run_button = widgets.Button(description="run", icon="play", button_style="success")
        self.pause_button = widgets.Button(description="pause", icon="pause", disabled=True)
        self.step_button = widgets.Button(description="step (1 epoch)", icon="step-forward")
        self.reset_button = widgets.Button(description="reset", icon="undo", button_style="warning")
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
        self.image.value = blit_png(self.fig, self.fig.scene, self._frames)   # only what moved
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
            sizes = parse_sizes(self.sizes.value)
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
        self.model.set_network(parse_sizes(self.sizes.value), self.activation.value)
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

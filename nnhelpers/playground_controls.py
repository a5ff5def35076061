"""The playground's controls: which settings it offers, and reading the typed layer sizes.

`make_controls(model)` builds one widget per setting, showing the model's
current values; playground.py wires them to the model.
"""
import ipywidgets as widgets

from .playground_model import MAX_LAYERS, MAX_NODES

LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
L2_STRENGTHS = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1)
DATASETS = (("circle", "circle"), ("XOR", "xor"), ("Gaussian", "gaussian"), ("spiral", "spiral"))
WIDE = {"description_width": "initial"}


def parse_sizes(text):
    """'4, 4' → [4, 4]; '' → []; raises ValueError naming what is wrong.

    Introduced in: 06_training_a_network.ipynb
    """
    parts = [p for p in text.replace(",", " ").split() if p]
    if not all(p.isdigit() for p in parts):
        raise ValueError(f"hidden sizes must be whole numbers separated by commas, got {text!r}")
    sizes = [int(p) for p in parts]
    if len(sizes) > MAX_LAYERS or any(not 1 <= n <= MAX_NODES for n in sizes):
        raise ValueError(f"hidden sizes must be at most {MAX_LAYERS} layers of 1 to {MAX_NODES} "
                         f"nodes, got {text!r}")
    return sizes


def _slider(kind, value, low, high, step, description):
    return kind(value=value, min=low, max=high, step=step, description=description,
                continuous_update=False, style=WIDE, layout=widgets.Layout(width="250px"))


def make_controls(m):
    """One widget per setting of the PlaygroundModel `m`, by name (no handlers attached).

    Introduced in: 06_training_a_network.ipynb
    """
    small = widgets.Layout(width="210px")
    return {
        "dataset": widgets.Dropdown(options=DATASETS, value=m.dataset, description="data",
                                    layout=small),
        "noise": _slider(widgets.FloatSlider, m.noise, 0.0, 0.5, 0.05, "noise"),
        "ratio": _slider(widgets.IntSlider, int(round(100 * m.train_ratio)), 10, 90, 10, "train %"),
        "seed": widgets.BoundedIntText(value=m.seed, min=0, max=99999, description="seed",
                                       layout=widgets.Layout(width="160px")),
        "layers": _slider(widgets.IntSlider, len(m.hidden), 0, MAX_LAYERS, 1, "hidden layers"),
        "sizes": widgets.Text(value=", ".join(map(str, m.hidden)), description="sizes",
                              continuous_update=False, layout=small),
        "activation": widgets.Dropdown(options=["sigmoid", "tanh", "relu"], value=m.activation,
                                       description="activation", style=WIDE, layout=small),
        "lr": widgets.Dropdown(options=LEARNING_RATES, value=m.lr, description="learning rate",
                               style=WIDE, layout=small),
        "l2": widgets.Dropdown(options=L2_STRENGTHS, value=m.l2, description="L2", layout=small),
        "batch": _slider(widgets.IntSlider, m.batch_size, 1, 30, 1, "batch size"),
    }

"""Tests for the playground: the pure model, its drawing, and the widget's handlers."""
import asyncio

import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from nnhelpers import (Playground, PlaygroundModel, draw_playground, make_circle, playground,
                       update_playground)

LN2 = np.log(2.0)      # cross-entropy of guessing 0.5 for every point



def run_in_own_loop(coroutine):
    """asyncio.run in a fresh thread: works even when this thread already runs a loop
    (the browser tests' Playwright session keeps one running in the pytest process)."""
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()

def accuracy(model):
    return np.mean((model.predict_proba(model.X_train) > 0.5) == model.y_train)


# --- the model ---------------------------------------------------------------------------

@pytest.mark.parametrize("dataset", ["circle", "xor", "gaussian"])
def test_training_learns_the_easy_data_sets(dataset):
    model = PlaygroundModel(dataset=dataset)
    model.train_chunk(200)
    train, test = model.losses()
    assert train < 0.25 * LN2 and test < 0.25 * LN2
    assert accuracy(model) >= 0.95
    assert model.history["train"][-1] < model.history["train"][0]


def test_training_makes_progress_on_the_spiral():
    model = PlaygroundModel(dataset="spiral", hidden=[8, 8], activation="relu", lr=0.3)
    start = model.history["train"][0]
    model.train_chunk(200)
    assert model.history["train"][-1] < 0.75 * start
    assert accuracy(model) > 0.7


def test_history_has_one_entry_per_epoch_starting_at_zero():
    model = PlaygroundModel()
    model.train_chunk(5)
    assert model.epoch == 5
    assert model.history["epoch"] == [0, 1, 2, 3, 4, 5]
    assert len(model.history["train"]) == len(model.history["test"]) == 6
    assert model.history["train"][-1] == pytest.approx(model.losses()[0])


def test_reset_restores_the_initial_weights():
    model = PlaygroundModel(hidden=[3, 2])
    W0 = [W.copy() for W in model.net.weights]
    first_loss = model.history["train"][0]
    model.train_chunk(20)
    assert not np.allclose(model.net.weights[0], W0[0])
    model.reset()
    assert model.epoch == 0 and model.history["train"] == [first_loss]
    for W, W_start in zip(model.net.weights, W0):
        assert np.array_equal(W, W_start)
    assert all(np.all(b == 0) for b in model.net.biases)


def test_chunks_do_not_change_the_result():
    a, b = PlaygroundModel(dataset="xor"), PlaygroundModel(dataset="xor")
    a.train_chunk(3)
    a.train_chunk(3)
    b.train_chunk(6)
    assert a.history == b.history
    assert all(np.array_equal(x, y) for x, y in zip(a.net.weights, b.net.weights))


def test_seed_changes_data_and_weights_but_same_seed_repeats():
    a, b, c = PlaygroundModel(seed=1), PlaygroundModel(seed=1), PlaygroundModel(seed=2)
    assert np.array_equal(a.X_train, b.X_train) and np.array_equal(a.net.weights[0], b.net.weights[0])
    assert not np.array_equal(a.X_train, c.X_train)
    assert not np.array_equal(a.net.weights[0], c.net.weights[0])


def test_changing_hidden_sizes_rebuilds_with_the_right_shapes():
    model = PlaygroundModel(hidden=[4, 4])
    model.train_chunk(2)
    model.set_network(hidden=[3, 5, 2], activation="relu")
    assert [W.shape for W in model.net.weights] == [(3, 2), (5, 3), (2, 5), (1, 2)]
    assert [b.shape for b in model.net.biases] == [(3,), (5,), (2,), (1,)]
    assert model.net.hidden_activation == "relu" and model.epoch == 0
    model.set_network(hidden=[])
    assert [W.shape for W in model.net.weights] == [(1, 2)]


@pytest.mark.parametrize("ratio, n_train", [(0.5, 100), (0.3, 60), (0.9, 180), (0.1, 20)])
def test_split_sizes_and_no_point_lost(ratio, n_train):
    model = PlaygroundModel(dataset="circle", train_ratio=ratio, n=200)
    assert len(model.X_train) == len(model.y_train) == n_train
    assert len(model.X_test) == len(model.y_test) == 200 - n_train
    both = np.vstack([model.X_train, model.X_test])
    assert len(np.unique(both, axis=0)) == 200
    labels = np.r_[model.y_train, model.y_test]
    assert labels.sum() == 100                   # make_circle alternates the two classes


def test_split_holds_the_data_set_of_the_seed():
    model = PlaygroundModel(dataset="circle", noise=0.2, seed=4)
    data_seed = np.random.SeedSequence(4).spawn(3)[0]
    X, _ = make_circle(200, 0.2, np.random.default_rng(data_seed))
    both = np.vstack([model.X_train, model.X_test])
    assert np.array_equal(np.sort(both, axis=0), np.sort(X, axis=0))


def test_set_training_keeps_the_weights():
    model = PlaygroundModel()
    model.train_chunk(3)
    W = model.net.weights[0].copy()
    model.set_training(lr=0.01, l2=0.1, batch_size=5)
    assert model.epoch == 3 and np.array_equal(model.net.weights[0], W)
    assert (model.lr, model.l2, model.batch_size) == (0.01, 0.1, 5)


def test_l2_keeps_weights_smaller():
    plain, decayed = PlaygroundModel(dataset="xor"), PlaygroundModel(dataset="xor", l2=0.03)
    plain.train_chunk(100)
    decayed.train_chunk(100)
    size = lambda m: sum(float(np.sum(W * W)) for W in m.net.weights)
    assert size(decayed) < 0.7 * size(plain)


def test_divergence_is_a_clear_error():
    model = PlaygroundModel()
    model.net.weights[0][0, 0] = np.nan
    with pytest.raises(FloatingPointError, match=r"diverged in epoch 1: lower the learning rate"):
        model.train_chunk(1)


@pytest.mark.parametrize("kwargs, error, words", [
    ({"dataset": "moons"}, ValueError, "dataset must be one of"),
    ({"hidden": [0]}, ValueError, r"hidden\[0\] must be at least 1"),
    ({"hidden": [9]}, ValueError, r"hidden\[0\] must be at most 8"),
    ({"hidden": [2] * 7}, ValueError, "at most 6 layers"),
    ({"hidden": "4, 4"}, TypeError, "hidden must be a list"),
    ({"activation": "softplus"}, ValueError, "activation must be one of"),
    ({"train_ratio": 1.0}, ValueError, "train_ratio must leave at least one"),
    ({"train_ratio": 0.0}, ValueError, "train_ratio must be greater than 0"),
    ({"noise": -0.1}, ValueError, "noise must be at least 0"),
    ({"lr": 0}, ValueError, "lr must be greater than 0"),
    ({"batch_size": 0}, ValueError, "batch_size must be at least 1"),
    ({"seed": -1}, ValueError, "seed must be at least 0"),
])
def test_bad_settings(kwargs, error, words):
    with pytest.raises(error, match=words):
        PlaygroundModel(**kwargs)


def test_bad_chunk():
    with pytest.raises(ValueError, match="n_steps must be at least 1"):
        PlaygroundModel().train_chunk(0)


# --- drawing -----------------------------------------------------------------------------

def test_draw_produces_network_boundary_and_loss_axes():
    model = PlaygroundModel(dataset="xor", hidden=[3, 2])
    model.train_chunk(4)
    fig = Figure(figsize=(10, 3.4))
    text = draw_playground(fig, model, resolution=30)
    assert text == model.summary() and text.startswith("epoch 4 · train loss ")
    ax_net, ax_data, ax_loss = fig.axes
    links = [c for c in ax_net.collections if isinstance(c, LineCollection)]
    assert len(links) == 1 and len(links[0].get_segments()) == 2 * 3 + 3 * 2 + 2 * 1
    widths = links[0].get_linewidths()
    flat = np.concatenate([W.ravel() for W in model.net.weights])
    assert np.argmax(widths) == np.argmax(np.abs(flat))           # width grows with |w|
    shade = ax_data.images[0].get_array()
    gx, gy, _ = fig.playground["grid"]
    expected = model.predict_proba(np.column_stack([gx.ravel(), gy.ravel()])).reshape(30, 30)
    assert shade.shape == (30, 30) and np.allclose(shade, expected)
    assert ax_data.texts[-1].get_text() == "xor: train ● test ○"      # the title (a text: blitted)
    train_line, test_line = ax_loss.lines
    assert list(train_line.get_xdata()) == [0, 1, 2, 3, 4]
    assert np.allclose(test_line.get_ydata(), model.history["test"])


def test_update_reuses_the_axes_until_the_layout_changes():
    model = PlaygroundModel()
    fig = Figure(figsize=(10, 3.4))
    draw_playground(fig, model)
    axes = list(fig.axes)
    model.train_chunk(3)
    update_playground(fig, model)
    assert fig.axes == axes
    assert len(fig.axes[2].lines[0].get_xdata()) == 4
    model.set_network(hidden=[5])
    update_playground(fig, model)
    assert fig.axes == axes                          # emptied and redrawn, not replaced
    assert len(fig.axes[2].lines[0].get_xdata()) == 1
    segments = fig.playground["links"].get_segments()
    assert len(segments) == 2 * 5 + 5 * 1


def test_draw_rejects_other_models():
    with pytest.raises(TypeError, match="model must be a PlaygroundModel"):
        draw_playground(Figure(), "spiral")


# --- the widget's handlers ---------------------------------------------------------------

def test_widget_starts_at_epoch_zero_with_a_picture():
    w = playground(dataset="gaussian")
    assert isinstance(w, Playground)
    assert w.model.epoch == 0 and "epoch 0" in w.status.value
    assert w.image.value[:8] == b"\x89PNG\r\n\x1a\n"


def test_step_advances_the_epoch_counter_and_reset_zeroes_it():
    w = Playground()
    before = w.image.value
    w.step_button.click()
    w.step_button.click()
    assert w.model.epoch == 2 and "epoch 2 ·" in w.status.value
    assert w.image.value != before
    w.reset_button.click()
    assert w.model.epoch == 0 and "epoch 0 ·" in w.status.value


def test_run_trains_in_the_background_until_pause():
    async def scenario():
        w = Playground()
        w.run_button.click()
        assert w.running and w.run_button.disabled and not w.pause_button.disabled
        for _ in range(1000):                     # let the task run a few chunks (up to ~10 s on a slow machine)
            await asyncio.sleep(0.01)
            if w.model.epoch >= 20:
                break
        w.pause_button.click()
        await asyncio.wait_for(w.task, timeout=5)
        stopped_at = w.model.epoch
        await asyncio.sleep(0.05)
        return w, stopped_at

    w, stopped_at = run_in_own_loop(scenario())
    assert stopped_at >= 20 and stopped_at % 10 == 0        # whole chunks of 10 epochs
    assert w.model.epoch == stopped_at and not w.running
    assert w.task.done() and not w.run_button.disabled and w.pause_button.disabled


def test_a_new_playground_pauses_the_old_one():
    async def scenario():
        old = Playground()
        old.on_run()
        await asyncio.sleep(0.05)
        new = Playground()
        await asyncio.wait_for(old.task, timeout=5)
        return old, new

    old, new = run_in_own_loop(scenario())
    assert not old.running and old.task.done() and not new.running


def test_changing_the_data_set_resets_to_new_data():
    w = Playground()
    w.step_button.click()
    w.dataset.value = "spiral"
    assert w.model.dataset == "spiral" and w.model.epoch == 0
    w.ratio.value = 30
    assert len(w.model.X_train) == 60


def test_layer_slider_and_sizes_text_stay_in_step():
    w = Playground(hidden=[4, 4])
    w.layers.value = 3
    assert w.sizes.value == "4, 4, 4" and w.model.net.sizes == [2, 4, 4, 4, 1]
    w.sizes.value = "8, 2"
    assert w.layers.value == 2 and w.model.net.sizes == [2, 8, 2, 1]
    w.layers.value = 0
    assert w.sizes.value == "" and w.model.net.sizes == [2, 1]


def test_bad_sizes_text_is_reported_and_ignored():
    w = Playground(hidden=[4, 4])
    w.sizes.value = "4, lots"
    assert "hidden sizes must be whole numbers" in w.status.value
    assert w.model.net.sizes == [2, 4, 4, 1]


def test_learning_rate_change_keeps_training_state():
    w = Playground()
    w.step_button.click()
    w.lr.value = 0.03
    assert w.model.epoch == 1
    w.activation.value = "sigmoid"
    assert w.model.lr == 0.03 and w.model.net.hidden_activation == "sigmoid"
    assert w.model.epoch == 0                      # a new activation means a new network


def test_divergence_stops_and_explains():
    w = Playground()
    w.model.net.weights[0][0, 0] = np.nan
    w.step_button.click()
    assert "diverged" in w.status.value and not w.running
    w.reset_button.click()
    w.step_button.click()
    assert w.model.epoch == 1 and "diverged" not in w.status.value


# --- fast frames (blitting, blit.py) -----------------------------------------------------------

def _pixels(png):
    import io
    from PIL import Image
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def test_each_frame_equals_a_full_render_of_the_figure():
    from nnhelpers.explorer import render_png
    w = Playground()
    w.lr.value = 3.0                      # not drawn: the picture stays, training speeds up
    frames = [lambda: w._train(10), lambda: w._train(40), lambda: setattr(w.noise, "value", 0.3),
              lambda: setattr(w.seed, "value", 5), lambda: setattr(w.ratio, "value", 30),
              lambda: setattr(w.dataset, "value", "spiral"), lambda: setattr(w.sizes, "value", "8, 8"),
              lambda: w._train(10), w.on_reset]
    for k, action in enumerate(frames):
        before = bytes(w.image.value)
        action()
        assert bytes(w.image.value) != before, f"frame {k} did not change the picture"
        assert np.array_equal(_pixels(w.image.value), _pixels(render_png(w.fig))), f"frame {k}"


def test_loss_axis_grows_in_round_steps():
    fig, model = Figure(figsize=(10, 3.4)), PlaygroundModel()
    draw_playground(fig, model)
    assert fig.axes[2].get_xlim() == (0, 10)
    model.train_chunk(11)
    update_playground(fig, model)
    assert fig.axes[2].get_xlim() == (0, 20)
    model.train_chunk(40)
    update_playground(fig, model)
    assert fig.axes[2].get_xlim() == (0, 100)

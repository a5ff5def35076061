"""Tests for notebook 01's helpers: the predicting machine, the bug classifier, the gate pictures.

Expected values are worked out here from the maths (Rashid's worked numbers for
the classifier: A = 0.25 → 0.3667 → 2.9 with L = 1, → 0.3083 → 1.6042 with L = 0.5).
"""
import numpy as np
import pytest

import nnhelpers as nh
from nnhelpers.explore_neurons import BUG_EXAMPLES, KM, MILES
from nnhelpers.plotting import new_figure


def test_km_per_mile_gives_the_books_62_137_miles():
    assert MILES == pytest.approx(62.137, abs=5e-4)
    assert nh.KM_PER_MILE * MILES == pytest.approx(KM)


def test_correct_constant_halves_the_error_with_lr_half():
    rows = nh.correct_constant(0.5, lr=0.5, steps=4)
    assert len(rows) == 5
    errors = [e for _, _, e in rows]
    assert errors[0] == pytest.approx(MILES - 50.0)
    for before, after in zip(errors, errors[1:]):
        assert after == pytest.approx(before / 2)
    c, prediction, _ = rows[1]
    assert c == pytest.approx(0.5 + 0.5 * (MILES - 50.0) / 100.0)
    assert prediction == pytest.approx(100.0 * c)


def test_correct_constant_with_lr_one_lands_on_the_truth_in_one_step():
    rows = nh.correct_constant(0.5, lr=1.0, steps=1)
    assert rows[1][0] == pytest.approx(1 / 1.609344)
    assert rows[1][2] == pytest.approx(0.0, abs=1e-12)


def test_train_slope_reproduces_rashids_worked_numbers():
    plain = nh.train_slope(0.25, lr=1.0)
    assert [h["E"] for h in plain] == pytest.approx([0.35, 2.9 - 0.35 / 3 - 0.25])
    assert [h["A"] for h in plain] == pytest.approx([0.25 + 0.35 / 3, 2.9])
    moderated = nh.train_slope(0.25, lr=0.5)
    assert moderated[0]["A"] == pytest.approx(0.25 + 0.5 * 0.35 / 3)
    assert round(moderated[1]["A"], 4) == 1.6042


def test_train_slope_cycles_the_examples_for_more_steps():
    history = nh.train_slope(0.25, lr=1.0, steps=3)
    assert [h["x"] for h in history] == [3.0, 1.0, 3.0]
    # with L = 1 each step makes the line pass exactly through the target just used
    assert history[2]["A"] * 3.0 == pytest.approx(1.1)


def test_make_bugs_is_seeded_and_separable_by_slope_one():
    w1, l1, y1 = nh.make_bugs(rng=np.random.default_rng(1))
    w2, l2, y2 = nh.make_bugs(rng=np.random.default_rng(1))
    assert np.array_equal(w1, w2) and np.array_equal(l1, l2) and np.array_equal(y1, y2)
    assert np.all(l1[y1 == 0] < w1[y1 == 0]) and np.all(l1[y1 == 1] > w1[y1 == 1])
    assert nh.misclassified(1.0, w1, l1, y1) == 0
    assert nh.misclassified(0.0, w1, l1, y1) == np.sum(y1 == 0)    # every ladybird above y = 0


def test_draw_predicting_machine_readout_and_artists():
    fig = new_figure(8, 3.4)
    text = nh.draw_predicting_machine(fig, 0.6)
    error = 100 / 1.609344 - 60.0
    assert text == f"c = 0.6000   prediction = 60.0000 miles   error = {error:.4f}"
    left, right = fig.axes
    assert left.get_title() == "The machine" and len(left.lines) == 1
    assert left.lines[0].get_ydata()[-1] == pytest.approx(0.6 * 120)
    assert right.collections[0].get_offsets()[0][1] == pytest.approx(error)


def test_draw_classifier_counts_errors_and_mistakes():
    fig = new_figure()
    text = nh.draw_classifier(fig, 0.25)
    assert text.startswith("A = 0.2500   E(ladybird) = 0.3500   E(caterpillar) = 2.6500")
    width, length, labels = nh.make_bugs(rng=np.random.default_rng(1))
    wrong = int(np.sum((length > 0.25 * width) != (labels == 1)))
    assert text.endswith(f"misclassified = {wrong} of 20")
    ax = fig.axes[0]
    assert len(ax.lines) == 1 and ax.lines[0].get_ydata()[-1] == pytest.approx(1.0)


def test_draw_slope_steps_draws_one_line_per_slope():
    fig = new_figure()
    text = nh.draw_slope_steps(fig, 2, 0.5)
    assert text == "step = 2   L = 0.50   A = 1.6042"
    slopes = [line.get_ydata()[-1] / 4.0 for line in fig.axes[0].lines]
    assert slopes == pytest.approx([0.25, 0.25 + 0.5 * 0.35 / 3, 1.6041666666666667])


def test_classifier_legend_fits_inside_an_explorer_figure():
    fig = new_figure(7.5, 4.2)                       # the explorer's figure: no layout engine
    nh.draw_classifier(fig, 1.0)
    fig.canvas.draw()
    box = fig.axes[0].get_legend().get_window_extent()
    assert box.x1 <= fig.bbox.x1 and box.x0 > fig.axes[0].get_window_extent().x1


def test_draw_gate_lines_crosses_out_exactly_the_wrong_points():
    fig = new_figure(8, 3)
    nh.draw_gate_lines(fig)
    for ax, gate in zip(fig.axes, ("AND", "OR", "XOR")):
        X, y = nh.truth_table(gate)
        _, w, b = nh.fewest_line_mistakes(X, y)
        wrong = X[((X @ w + b) > 0) != (y == 1)]
        crosses = [c.get_offsets() for c in ax.collections if c.get_label() == "on the wrong side"]
        assert len(wrong) == (1 if gate == "XOR" else 0)
        assert (np.asarray(crosses[0]).tolist() if crosses else []) == wrong.tolist()


def test_draw_neuron_schematic_counts_its_branches():
    fig = new_figure(8, 3.4)
    tips, terminals = nh.draw_neuron_schematic(fig)
    assert (tips, terminals) == (3 * 2 ** 2, 3 * 2 ** 1)   # 3 dendrites split twice, 3 terminals once
    ax = fig.axes[0]
    assert sum(len(c.get_offsets()) for c in ax.collections) == tips + terminals
    assert not ax.axison


def test_truth_tables_of_the_gates():
    X, y = nh.truth_table("AND")
    assert X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert y.tolist() == [0, 0, 0, 1]
    assert nh.truth_table("OR")[1].tolist() == [0, 1, 1, 1]
    assert nh.truth_table("XOR")[1].tolist() == [0, 1, 1, 0]
    assert nh.truth_table("XNOR")[1].tolist() == [1, 0, 0, 1]
    assert nh.truth_table(lambda X: X[:, 0])[1].tolist() == [0, 0, 1, 1]


def test_fewest_line_mistakes_and_or_separable_xor_not():
    for gate, expected in (("AND", 0), ("OR", 0), ("NAND", 0), ("XOR", 1), ("XNOR", 1)):
        X, y = nh.truth_table(gate)
        mistakes, w, b = nh.fewest_line_mistakes(X, y)
        assert mistakes == expected, gate
        assert np.sum(((X @ w + b) > 0) != (y == 1)) == expected   # the line returned really does that


def test_draw_gate_lines_titles():
    fig = new_figure(8, 3)
    text = nh.draw_gate_lines(fig)
    assert text == "fewest mistakes with one line — AND: 0, OR: 0, XOR: 1"
    assert [ax.get_title() for ax in fig.axes] == ["AND: 0 mistakes", "OR: 0 mistakes", "XOR: 1 mistake"]
    assert all(len(ax.lines) == 1 for ax in fig.axes)


def test_explorers_build_and_update_with_new_values():
    ex = nh.predicting_machine_explorer()
    ex.controls["c"].value = 0.62
    assert ex.readout.value.startswith("<code>c = 0.6200")
    ex = nh.slope_steps_explorer()
    ex.controls["step"].value = 1
    assert "step = 1" in ex.readout.value
    assert nh.classifier_explorer().update().startswith("A = 0.2500")


@pytest.mark.parametrize("call, message", [
    (lambda: nh.correct_constant("0.5"), "c must be a number"),
    (lambda: nh.correct_constant(0.5, lr=0), "lr must be greater than 0"),
    (lambda: nh.correct_constant(0.5, km=-1), "km must be greater than 0"),
    (lambda: nh.train_slope(0.25, examples=[(1.0, 2.0)]), "examples must be a non-empty list"),
    (lambda: nh.train_slope(0.25, steps=-1), "steps must be at least 0"),
    (lambda: nh.make_bugs(n=1), "n must be at least 2"),
    (lambda: nh.train_slope(0.25, examples=5), "examples must be a list of"),
    (lambda: nh.train_slope(0.25, examples=[(0.0, 1.0, 1.1)]), "width x other than 0"),
    (lambda: nh.misclassified(1.0, [1.0, 2.0], [1.0], [0, 1]), "must have the same length"),
    (lambda: nh.truth_table("XAND"), "gate must be one of"),
    (lambda: nh.fewest_line_mistakes(np.zeros((4, 3)), np.zeros(4)), "X must have shape (any, 2)"),
    (lambda: nh.fewest_line_mistakes(np.zeros((4, 2)), np.zeros(3)), "y must have shape (4)"),
    (lambda: nh.draw_predicting_machine(new_figure(), float("nan")), "c must be finite"),
])
def test_bad_input_is_named(call, message):
    with pytest.raises((TypeError, ValueError), match=message.replace("(", r"\(").replace(")", r"\)")):
        call()


def test_truth_table_rejects_a_non_function():
    with pytest.raises(TypeError, match="gate must be a gate name or a function"):
        nh.truth_table(3)


def test_bug_examples_are_the_books():
    assert BUG_EXAMPLES == ((3.0, 1.0, 1.1), (1.0, 3.0, 2.9))

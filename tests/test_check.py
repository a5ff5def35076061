"""The exercise checker gives specific feedback and never raises."""
import numpy as np
import pytest

import nnhelpers as nh


def feedback(capsys, *args, **kwargs):
    assert nh.check(*args, **kwargs) is None
    return capsys.readouterr().out


def test_placeholder_is_not_answered_yet(capsys):
    assert "not answered yet" in feedback(capsys, ..., 3.0, name="Exercise 1")
    assert "not answered yet" in feedback(capsys, [1.0, ...], [1.0, 2.0])


def test_correct_values(capsys):
    assert feedback(capsys, 0.1 + 0.2, 0.3, name="sum").startswith("✅ sum: correct")
    assert "correct" in feedback(capsys, np.array([1.0, 2.0]), [1.0, 2.0])
    assert "correct" in feedback(capsys, "b", "b")
    assert "correct" in feedback(capsys, np.float64(3.0) > 2, True)       # NumPy's bool counts as a bool


@pytest.mark.parametrize("answer, expected, words", [
    (np.array([1.0, -2.0]), np.array([-1.0, 2.0]), "wrong sign"),
    (np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 3.0], [2.0, 4.0]]), "transpose"),
    (np.zeros(4), np.zeros((2, 2)), "shape is (4,); expected (2, 2)"),
    (np.zeros(3), np.zeros(2), "expected shape (2,), got shape (3,)"),
    (np.array([1.0, 2.5]), np.array([1.0, 2.0]), "expected 2.0000 at index (1,), got 2.5000"),
    ("a", "b", "expected 'b', got 'a'"),
    ("text", 1.0, "expected numbers"),
    (np.array([np.nan]), np.array([1.0]), "NaN or infinity"),
    (np.array([1, 0]), True, "expected True, got array([1, 0])"),           # never "truth value ... ambiguous"
    (1, True, "expected True, got 1"),
    (None, 3.0, "the answer is None"),
])
def test_wrong_answers_are_named(capsys, answer, expected, words):
    out = feedback(capsys, answer, expected, hint="look again")
    assert out.startswith("❌") and words in out and "Hint: look again" in out


def test_function_answers(capsys):
    cases = [(0.0,), (1.5,), (-2.0,)]
    assert "correct" in feedback(capsys, lambda z: 1 / (1 + np.exp(-z)), nh.sigmoid, cases=cases)
    out = feedback(capsys, lambda z: 1 / (1 + np.exp(z)), nh.sigmoid, cases=cases)
    assert "for input (1.5)" in out and "expected 0.8176" in out
    out = feedback(capsys, lambda z: 1 / 0, nh.sigmoid, cases=cases)
    assert "raised ZeroDivisionError" in out
    assert "not answered yet" in feedback(capsys, lambda z: ..., nh.sigmoid, cases=cases)
    assert "is the return line finished" in feedback(capsys, lambda z: None, nh.sigmoid, cases=cases)
    assert "expected a function" in feedback(capsys, 3.0, nh.sigmoid, cases=cases)

"""Instant feedback on exercises: compare a learner's answer with the expected one.

`check` prints one friendly line (or a few) and returns None. It never
raises: an unfinished answer (still `...`) prints "not answered yet".
"""
import numpy as np

MARK_OK, MARK_NO, MARK_WAIT = "✅", "❌", "⏳"


def _contains_ellipsis(value):
    if value is Ellipsis:
        return True
    if isinstance(value, (list, tuple)):
        return any(_contains_ellipsis(v) for v in value)
    return False


def _compare_values(answer, expected, rtol, atol):
    """None when they agree, else a sentence saying what differs."""
    if answer is None:
        return "the answer is None (does the code print the value instead of returning it?)"
    if isinstance(expected, (str, bool)):
        kind = str if isinstance(expected, str) else (bool, np.bool_)
        same = isinstance(answer, kind) and answer == expected
        return None if same else f"expected {expected!r}, got {answer!r:.60}"
    try:
        a = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return f"expected numbers, got {type(answer).__name__} {answer!r:.60}"
    e = np.asarray(expected, dtype=float)
    if a.shape != e.shape:
        if a.size == e.size:
            return f"the numbers may be right but the shape is {a.shape}; expected {e.shape} (reshape or transpose?)"
        return f"expected shape {e.shape}, got shape {a.shape}"
    if not np.all(np.isfinite(a)):
        return "your answer contains NaN or infinity"
    if np.allclose(a, e, rtol=rtol, atol=atol):
        return None
    if np.allclose(a, -e, rtol=rtol, atol=atol):
        return "every value has the wrong sign: check a minus sign"
    if a.ndim == 2 and a.T.shape == e.shape and np.allclose(a.T, e, rtol=rtol, atol=atol):
        return "you have the transpose of the expected matrix"
    i = np.unravel_index(np.argmax(np.abs(a - e)), e.shape) if e.ndim else ()
    where = f" at index {tuple(int(k) for k in i)}" if e.ndim else ""
    return f"expected {e[i]:.4f}{where}, got {a[i]:.4f}"


def check(answer, expected, name="your answer", rtol=1e-6, atol=1e-9, hint=None, cases=None):
    """Compare `answer` with `expected` and print specific feedback.

    Values are compared with a tolerance (shape, sign and transpose mistakes
    are named). If `expected` is a function, `answer` must be a function too
    and both are called on each argument tuple in `cases`.
    Returns None, so a cell that ends with a check shows only the feedback
    (nbval does not honour a trailing `;`).

    Introduced in: 00_start_here.ipynb
    """
    if _contains_ellipsis(answer) or _returns_placeholder(answer, expected, cases):
        print(f"{MARK_WAIT} {name}: not answered yet — replace the ... with your answer and run the cell again.")
        return None
    if callable(expected):
        problem = _compare_functions(answer, expected, cases or [], rtol, atol)
    else:
        problem = _compare_values(answer, expected, rtol, atol)
    if problem is None:
        print(f"{MARK_OK} {name}: correct!")
        return None
    print(f"{MARK_NO} {name}: not yet — {problem}.")
    if hint:
        print(f"   Hint: {hint}")
    return None


def _returns_placeholder(answer, expected, cases):
    """True for a function the learner has not finished (it still returns ...)."""
    if not (callable(answer) and callable(expected) and cases):
        return False
    args = cases[0] if isinstance(cases[0], tuple) else (cases[0],)
    try:
        return _contains_ellipsis(answer(*args))
    except Exception:                      # a real attempt that fails is reported later
        return False


def _compare_functions(answer, expected, cases, rtol, atol):
    if not callable(answer):
        return f"expected a function, got {type(answer).__name__}"
    for args in cases:
        args = args if isinstance(args, tuple) else (args,)
        shown = ", ".join(f"{a!r:.40}" for a in args)
        try:
            got = answer(*args)
        except Exception as err:           # the learner's code: report, never raise
            return f"calling it with ({shown}) raised {type(err).__name__}: {err}"
        if _contains_ellipsis(got) or got is None:
            return f"calling it with ({shown}) returned {got!r}: is the return line finished?"
        problem = _compare_values(got, expected(*args), rtol, atol)
        if problem:
            return f"for input ({shown}) {problem}"
    return None

"""Every notebook, as a learner meets it: JupyterLab in Chromium, Run All, then every slider.

For each notebook: open it, clear the committed outputs, Run All, wait until every
code cell has run and the kernel is idle, and assert that no error output appears
(in the notebook's model and on the page). Then, for every slider explorer (a
widget box holding a slider and a plot image), move its first slider with the
keyboard and assert that within 2 s the image data AND the readout text changed.
For a playground (a box with run and pause buttons and a loss readout), press run,
wait, press pause and assert that the loss went down and then stays put.

A screenshot per notebook goes to a temporary folder; the paths are listed at
the end of the run. Failures name the notebook, the cell index and the widget.
"""
import re
import time
from pathlib import Path

import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:       # the fixtures skip (or fail in CI) with the reason
    PlaywrightTimeout = TimeoutError

ROOT = Path(__file__).resolve().parents[2]
RUN_ALL_TIMEOUT = 600          # s: a safety net, not a budget (tools/budgets.py measures those)
UPDATE_TIMEOUT = 2.0           # s for a slider move to show a new plot and readout
SETTLE_TIMEOUT = 5.0           # s for the readout to catch up with the slider's last value
KEY_PRESSES = 3
PLAYGROUND_RUN_SECONDS = 4.0
LOSS = re.compile(r"loss\D{0,24}?(\d+(?:\.\d+)?(?:e[-+]?\d+)?)", re.I)


def notebook_names():
    """The course's notebooks in order, as they are when the tests are collected."""
    return [p.name for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))]


# ---- JavaScript run in the page (JupyterLab is started with --expose-app-in-browser) ----

FIND_PANEL = """(path) => {
  const app = window.jupyterapp;
  if (!app) return false;
  for (const w of app.shell.widgets('main')) {
    if (w.context && w.context.path === path && w.content && w.sessionContext) {
      window.__e2e = w;
      const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
      return w.context.isReady && w.content.widgets.length > 0 && !!kernel
             && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
    }
  }
  return false;
}"""

RUN_ALL = """async () => {
  const app = window.jupyterapp, w = window.__e2e;
  app.shell.activateById(w.id);
  app.shell.collapseLeft();
  await app.commands.execute('notebook:clear-all-cell-outputs');
  window.__e2eDone = null;
  app.commands.execute('notebook:run-all-cells').then(
    ok => { window.__e2eDone = {ok: ok === undefined ? true : !!ok}; },
    err => { window.__e2eDone = {ok: false, error: String(err)}; });
}"""

# Every widget view in the model's outputs is on the page (views render asynchronously).
WIDGETS_RENDERED = """() => {
  let expected = 0, rendered = 0;
  for (const cell of window.__e2e.content.widgets) {
    if (cell.model.type !== 'code') continue;
    const n = cell.model.outputs.toJSON().filter(
      o => o.data && o.data['application/vnd.jupyter.widget-view+json']).length;
    expected += n;
    rendered += Math.min(n, cell.node.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets').length);
  }
  return rendered >= expected;
}"""

# Code cells whose prompt shows [*]: running or waiting to run.
RUNNING_CELLS = """() => window.__e2e.content.widgets
  .map((cell, i) => [i, cell.node.querySelector('.jp-InputPrompt')])
  .filter(([i, prompt]) => prompt && prompt.textContent.includes('*')).map(([i]) => i)"""

SCROLL_TO = """(selector) => document.querySelector(selector).scrollIntoView({block: 'center'})"""

KERNEL_IDLE = """() => {
  const k = window.__e2e.sessionContext.session && window.__e2e.sessionContext.session.kernel;
  return !!k && k.status === 'idle';
}"""

# Errors in the notebook model: error outputs (except in cells tagged raises-exception),
# stderr with a traceback, an error or a warning; and code cells that never ran.
MODEL_PROBLEMS = """() => {
  const problems = [], notRun = [];
  window.__e2e.content.widgets.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    const tags = cell.model.getMetadata('tags') || [];
    const src = cell.model.sharedModel.getSource();
    if (cell.model.executionCount === null && src.trim() !== '') notRun.push(i);
    for (const o of cell.model.outputs.toJSON()) {
      const text = [].concat(o.text || '').join('');
      if (o.output_type === 'error' && !tags.includes('raises-exception'))
        problems.push({cell: i, text: `${o.ename}: ${o.evalue}`});
      else if (o.output_type === 'stream' && o.name === 'stderr'
               && /Traceback|\\w*(Error|Warning)\\b/.test(text))
        problems.push({cell: i, text: text.slice(0, 400)});
    }
  });
  return {problems, notRun};
}"""

# Errors on the page: rendered error/stderr outputs and widgets that failed to display.
PAGE_PROBLEMS = """() => {
  const w = window.__e2e, cells = w.content.widgets, problems = [];
  const cellOf = el => cells.findIndex(c => c.node.contains(el));
  const tagsOf = i => (i >= 0 && cells[i].model.getMetadata('tags')) || [];
  for (const el of w.content.node.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')) {
    const text = el.textContent, i = cellOf(el);
    if (/Traceback|\\w*(Error|Warning)\\b/.test(text) && !tagsOf(i).includes('raises-exception'))
      problems.push({cell: i, text: text.slice(0, 400)});
  }
  for (const el of w.content.node.querySelectorAll('.jp-OutputArea-output')) {
    if (/Error displaying widget|Failed to load model class|model not found/i.test(el.textContent))
      problems.push({cell: cellOf(el), text: el.textContent.slice(0, 200)});
  }
  return problems;
}"""

# textContent, not innerText: cells off screen are not laid out (content-visibility).
LABEL_JS = "const label = b => ((b.textContent || '') + ' ' + (b.title || '')).trim();"
RUN_RE = r"/(^|[^a-z])(run|train|play|start)([^a-z]|$)|▶|►/i"
PAUSE_RE = r"/(^|[^a-z])(pause|stop)([^a-z]|$)|⏸/i"

# Mark every explorer root (the nearest widget box around an image that holds a slider)
# and every playground root (a box with run and pause buttons and a loss readout).
FIND_WIDGETS = """() => {
  %s
  const RUN = %s, PAUSE = %s;
  const w = window.__e2e, cells = w.content.widgets, nb = w.content.node;
  const cellOf = el => cells.findIndex(c => c.node.contains(el));
  const isBox = el => el.classList.contains('widget-box') || el.classList.contains('widget-interact');
  const playgrounds = [], explorers = [];
  for (const button of nb.querySelectorAll('button')) {
    if (!RUN.test(label(button))) continue;
    for (let el = button.parentElement; el && el !== nb; el = el.parentElement) {
      if (!isBox(el)) continue;
      const buttons = [...el.querySelectorAll('button')];
      if (buttons.some(b => PAUSE.test(label(b))) && /loss\\D{0,24}?\\d/i.test(el.textContent)) {
        if (!playgrounds.includes(el)) playgrounds.push(el);
        break;
      }
    }
  }
  for (const img of nb.querySelectorAll('img.widget-image, .widget-interact .widget-output img')) {
    let root = null;
    for (let el = img.parentElement; el && el !== nb; el = el.parentElement) {
      if (isBox(el) && el.querySelector('.noUi-handle')) { root = el; break; }
    }
    if (!root || explorers.includes(root) || playgrounds.some(p => p.contains(root))) continue;
    explorers.push(root);
  }
  const describe = (el, kind, k) => {
    el.setAttribute('data-e2e-' + kind, String(k));
    const title = el.querySelector('.widget-html-content b, .widget-html-content strong');
    const sliders = [...el.querySelectorAll('.widget-slider, .widget-hslider')]
      .map(s => (s.querySelector('.widget-label') || {}).textContent || '').filter(t => t);
    return {k, cell: cellOf(el), title: title ? title.textContent.trim() : '', sliders};
  };
  return {explorers: explorers.map((el, k) => describe(el, 'explorer', k)),
          playgrounds: playgrounds.map((el, k) => describe(el, 'playground', k))};
}""" % (LABEL_JS, RUN_RE, PAUSE_RE)

# The state of one explorer: a digest of its image bytes and its readout text.
SNAPSHOT = """async (k) => {
  const root = document.querySelector(`[data-e2e-explorer="${k}"]`);
  const img = root.querySelector('img.widget-image') || root.querySelector('.widget-output img');
  let digest = null;
  if (img && img.src) {
    const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
    let h = 2166136261 >>> 0;
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619) >>> 0;
    digest = `${bytes.length}:${h}`;
  }
  const after = el => img && (img.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  let parts = [...root.querySelectorAll('.widget-html-content')].filter(after);
  if (!parts.length) parts = [...root.querySelectorAll(
      '.widget-html-content, .widget-output .jp-OutputArea-output:not(:has(img))')];
  const readouts = [...root.querySelectorAll('.widget-readout')].map(e => e.textContent.trim());
  return {digest, text: parts.map(e => e.textContent).join(' | ').trim(), readouts};
}"""

PLAYGROUND_STATE = """(k) => {
  %s
  const root = document.querySelector(`[data-e2e-playground="${k}"]`);
  const buttons = [...root.querySelectorAll('button')].map(label);
  return {text: root.textContent, buttons};
}""" % LABEL_JS

CLICK_BUTTON = """([k, which]) => {
  %s
  const RUN = %s, PAUSE = %s;
  const root = document.querySelector(`[data-e2e-playground="${k}"]`);
  const buttons = [...root.querySelectorAll('button')];
  const pattern = which === 'run' ? RUN : PAUSE;
  const button = buttons.find(b => pattern.test(label(b)) && !b.disabled);
  if (!button) return null;
  button.click();
  return label(button);
}""" % (LABEL_JS, RUN_RE, PAUSE_RE)


# ---- Python side ----

def widget_name(info):
    if info["title"]:
        return f"'{info['title']}'"
    return f"widget with sliders {info['sliders']}" if info["sliders"] else "widget"


def open_notebook(page, lab, name):
    page.goto(lab.notebook_url(name))
    page.wait_for_function(FIND_PANEL, arg=f"notebooks/{name}", timeout=90_000, polling=250)


def run_all(page, name):
    page.evaluate(RUN_ALL)
    start = time.monotonic()
    try:
        page.wait_for_function("() => window.__e2eDone !== null", timeout=RUN_ALL_TIMEOUT * 1000,
                               polling=500)
    except PlaywrightTimeout:
        running = page.evaluate(RUNNING_CELLS)
        pytest.fail(f"{name}: Run All did not finish within {RUN_ALL_TIMEOUT} s "
                    f"(cells still running or queued: {running})")
    page.wait_for_function(KERNEL_IDLE, timeout=30_000, polling=250)
    seconds = time.monotonic() - start
    try:
        page.wait_for_function(WIDGETS_RENDERED, timeout=30_000, polling=250)
    except PlaywrightTimeout:
        pytest.fail(f"{name}: widget outputs did not appear on the page within 30 s of Run All")
    return seconds


def wait_idle(page):
    page.wait_for_function(KERNEL_IDLE, timeout=30_000, polling=100)


def check_explorer(page, name, info, screenshot_dir):
    """Move the first slider with the keyboard; returns a failure message or None."""
    where = f"{name}, cell {info['cell']}, explorer {widget_name(info)}"
    selector = f'[data-e2e-explorer="{info["k"]}"]'
    page.evaluate(SCROLL_TO, selector)
    wait_idle(page)
    before = page.evaluate(SNAPSHOT, info["k"])
    for _ in range(50):   # the first PNG may still be on its way
        if before["digest"] is not None:
            break
        time.sleep(0.1)
        before = page.evaluate(SNAPSHOT, info["k"])
    else:
        return f"{where}: the plot image is empty before any slider moved"
    handle = page.locator(selector).locator(".noUi-handle").first
    now, high = handle.get_attribute("aria-valuenow"), handle.get_attribute("aria-valuemax")
    key = "ArrowLeft" if now is not None and now == high else "ArrowRight"
    handle.focus()
    for _ in range(KEY_PRESSES):
        page.keyboard.press(key)
    moved_at = time.monotonic()
    after = before
    while time.monotonic() - moved_at < UPDATE_TIMEOUT:
        after = page.evaluate(SNAPSHOT, info["k"])
        if after["digest"] != before["digest"] and after["text"] != before["text"]:
            return check_readout_settles(page, where, info, before)
        time.sleep(0.05)
    shot = screenshot_dir / f"{Path(name).stem}_cell{info['cell']}_explorer{info['k']}.png"
    page.screenshot(path=str(shot))
    what = []
    if after["digest"] == before["digest"]:
        what.append("the plot image did not change")
    if after["text"] == before["text"]:
        what.append(f"the readout did not change (still {before['text']!r})")
    return (f"{where}: {KEY_PRESSES}× {key} on slider "
            f"{handle.get_attribute('aria-valuenow')!r} → within {UPDATE_TIMEOUT} s "
            f"{' and '.join(what)}; screenshot {shot}")


def check_readout_settles(page, where, info, before):
    """A readout that named the slider's value must come to name its last value.

    Each key press re-runs the callback and ipywidgets may send the last value only
    when the kernel is idle again, so wait for it (up to SETTLE_TIMEOUT): a readout
    (and plot) stuck at an earlier value is what a learner would see as a stale plot.
    """
    after = page.evaluate(SNAPSHOT, info["k"])
    moved = [(old, new) for old, new in zip(before["readouts"], after["readouts"]) if old != new]
    if not moved:
        return f"{where}: the slider's own readout did not change ({before['readouts']})"
    old, new = moved[0]
    if old not in before["text"]:
        return None   # this readout does not name the slider's value
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while new not in after["text"]:
        if time.monotonic() > deadline:
            return (f"{where}: {SETTLE_TIMEOUT} s after the slider stopped at {new} the readout "
                    f"{after['text']!r} still does not show it (it showed {old} before)")
        time.sleep(0.1)
        after = page.evaluate(SNAPSHOT, info["k"])
    wait_idle(page)
    return None


def losses(text):
    return [float(m) for m in LOSS.findall(text)]


def check_playground(page, name, info):
    """Run, wait, pause: the (first) loss must go down, then stay put; failure message or None."""
    where = f"{name}, cell {info['cell']}, playground {widget_name(info)}"
    page.evaluate(SCROLL_TO, f'[data-e2e-playground="{info["k"]}"]')
    wait_idle(page)
    start = losses(page.evaluate(PLAYGROUND_STATE, info["k"])["text"])
    clicked = page.evaluate(CLICK_BUTTON, [info["k"], "run"])
    if clicked is None:
        return f"{where}: no enabled run button"
    time.sleep(PLAYGROUND_RUN_SECONDS)
    paused = page.evaluate(CLICK_BUTTON, [info["k"], "pause"])
    if paused is None:
        return f"{where}: no enabled pause button after pressing {clicked!r}"
    time.sleep(1.0)
    end = losses(page.evaluate(PLAYGROUND_STATE, info["k"])["text"])
    time.sleep(1.5)
    later = losses(page.evaluate(PLAYGROUND_STATE, info["k"])["text"])
    if not start or not end:
        return f"{where}: no 'loss <number>' in the readout (before: {start}, after: {end})"
    if not end[0] < start[0]:
        return (f"{where}: loss did not go down after {PLAYGROUND_RUN_SECONDS} s of "
                f"{clicked!r}: {start[0]} → {end[0]}")
    if later != end:
        return f"{where}: training went on after {paused!r}: loss {end[0]} → {later[0]}"
    return None


@pytest.mark.parametrize("name", notebook_names())
def test_notebook_in_browser(name, lab, page, screenshot_dir, record_screenshot):
    open_notebook(page, lab, name)
    seconds = run_all(page, name)
    model = page.evaluate(MODEL_PROBLEMS)
    shown = page.evaluate(PAGE_PROBLEMS)
    shot = screenshot_dir / f"{Path(name).stem}.png"
    page.screenshot(path=str(shot))
    record_screenshot(name, shot)
    print(f"{name}: Run All took {seconds:.1f} s; screenshot {shot}")
    seen = {p["cell"] for p in model["problems"]}   # the page shows them too: report once
    problems = model["problems"] + [p for p in shown if p["cell"] not in seen]
    errors = [f"{name}, cell {p['cell']}: {p['text']}" for p in problems]
    assert not errors, "error output after Run All:\n" + "\n".join(errors)
    assert not model["notRun"], f"{name}: code cells {model['notRun']} did not run (Run All stopped)"

    found = page.evaluate(FIND_WIDGETS)
    print(f"{name}: {len(found['explorers'])} slider explorer(s), "
          f"{len(found['playgrounds'])} playground(s)")
    failures = [check_explorer(page, name, info, screenshot_dir) for info in found["explorers"]]
    failures += [check_playground(page, name, info) for info in found["playgrounds"]]
    if found["explorers"] or found["playgrounds"]:
        page.screenshot(path=str(shot))   # the last widget touched, in view
    failures = [f for f in failures if f]
    assert not failures, "\n".join(failures)

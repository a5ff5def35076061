"""How long the playground takes per frame: one redraw and one training chunk.

    python benchmarks/playground.py [--repeats 20]

Prints the median of `--repeats` runs for: a full draw (draw_playground +
render_png), one redraw as the widget does it while running (update_playground
+ render_png into the Image widget), render_png alone, and one training chunk of
EPOCHS_PER_FRAME epochs, for the default network and a larger spiral network.
Each figure is given as wall-clock / CPU time of this process: on a busy machine
the wall clock grows while the CPU time stays close to the quiet-machine cost.
Issue 6's budget for one explorer update is 150 ms.
"""
import argparse
import statistics
import time

import nnhelpers as nh
from nnhelpers.explorer import render_png
from nnhelpers.playground import EPOCHS_PER_FRAME


def median_ms(action, repeats):
    """'wall / cpu' medians in milliseconds."""
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return f"{1000 * statistics.median(wall):.1f} / {1000 * statistics.median(cpu):.1f}"


def measure(settings, repeats):
    w = nh.Playground(**settings)
    w.model.train_chunk(50)
    w.redraw()
    draw = median_ms(lambda: (nh.draw_playground(w.fig, w.model), render_png(w.fig)), repeats)
    redraw = median_ms(w.redraw, repeats)
    render = median_ms(lambda: render_png(w.fig), repeats)
    chunk = median_ms(lambda: w.model.train_chunk(EPOCHS_PER_FRAME), repeats)
    return draw, redraw, render, chunk


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    cases = {"default (circle, 4-4 tanh)": {},
             "spiral, 8-8-8 relu": {"dataset": "spiral", "hidden": [8, 8, 8], "activation": "relu"}}
    print(f"median of {args.repeats} runs, milliseconds as wall / CPU; "
          f"one chunk = {EPOCHS_PER_FRAME} epochs")
    print(f"{'network':28} {'full draw':>14} {'redraw':>14} {'render_png':>14} {'chunk':>14}")
    for name, settings in cases.items():
        print(f"{name:28} " + " ".join(f"{v:>14}" for v in measure(settings, args.repeats)))


if __name__ == "__main__":
    main()

"""How long the playground takes per frame: one redraw and one training chunk.

    python benchmarks/playground.py [--repeats 20]

Prints the median of `--repeats` runs for: a full draw (draw_playground +
render_png), one redraw as the widget does it while running (update_playground
+ render_png into the Image widget), render_png alone, and one training chunk of
EPOCHS_PER_FRAME epochs, for the default network and a larger spiral network.
Issue 6's budget for one explorer update is 150 ms.
"""
import argparse
import statistics
import time

import nnhelpers as nh
from nnhelpers.explorer import render_png
from nnhelpers.playground import EPOCHS_PER_FRAME


def median_ms(action, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


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
    print(f"median of {args.repeats} runs, milliseconds; one chunk = {EPOCHS_PER_FRAME} epochs")
    print(f"{'network':28} {'full draw':>10} {'redraw':>8} {'render':>8} {'chunk':>8}")
    for name, settings in cases.items():
        draw, redraw, render, chunk = measure(settings, args.repeats)
        print(f"{name:28} {draw:10.1f} {redraw:8.1f} {render:8.1f} {chunk:8.1f}")


if __name__ == "__main__":
    main()

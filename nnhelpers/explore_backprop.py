"""The error-splitting explorer of notebook 04: output errors flowing back along the links.

The maths (split_shares, hidden_errors, hidden_gradient, compare_hidden_errors)
lives in backprop.py and is re-exported here.
"""
import ipywidgets as widgets
import numpy as np
from matplotlib.patches import Patch

from .backprop import (SPLITS, ComparisonTable, compare_hidden_errors, hidden_errors,  # noqa: F401
                       hidden_gradient, split_shares)
from .blit import BlitExplorer, current_scene, title_text
from .explorer import slider
from .explore_signals import LINK_WIDTH, MARGINS
from .plotting import COLORS, draw_network

TITLES = {"equal": "equal split", "proportional": "proportional split",
          "transpose": "Wᵀ shortcut (no denominators)"}
BAR_COLOURS = (COLORS["class0"], COLORS["class1"], "#888888")     # from e1, from e2, hidden error
LINK_GREY = "#c8c8c8"           # links for w >= 0, so the coloured error bars on them stand out
FLOW_START, FLOW_LONGEST = 0.9, 0.55   # bars on the links: where they start, and the longest (link fractions)


def draw_error_split(fig, w11=2.0, w21=3.0, w12=1.0, w22=4.0, e1=0.8, e2=0.5, how="proportional"):
    """Draw 2 hidden → 2 output nodes with each output error's share on its links.

    `w_jk` links hidden j to output k, so W = [[w11, w21], [w12, w22]]. Left: the
    diagram (width ∝ |w|) with the piece each link carries back, as a number and
    as a bar on the link that runs back from the output node (length ∝ |piece|,
    dashed when negative); right: bars for the pieces from e1 and e2 and for each
    hidden error. Returns the readout.
    The axes are made once per figure; later calls redraw only their contents.

    Introduced in: 04_backpropagating_errors.ipynb
    """
    W = np.array([[w11, w21], [w12, w22]], dtype=float)
    e = np.array([e1, e2], dtype=float)
    pieces = split_shares(W, how) * e[:, None]          # pieces[k, j]: from output k to hidden j
    e_hidden = pieces.sum(axis=0)
    art = current_scene(fig, "error_split") or _scene_split(fig, W, e)
    ax_bar = art["axes"][1]
    biggest = float(np.abs(W).max()) or 1.0
    for (k, j), line in zip(np.ndindex(2, 2), art["links"]):     # draw_network's order and widths
        line.set_linewidth(0.5 + LINK_WIDTH * abs(W[k, j]) / biggest)
        line.set_color(LINK_GREY if W[k, j] >= 0 else COLORS["negative"])
        art["pieces"][k][j].set_text(f"w{j + 1}{k + 1}={W[k, j]:.2f} ← {pieces[k, j]:.4f}")
        _set_flow(art["flows"][k][j], art["ends"][k][j], pieces[k, j], np.abs(e).max())
    for text, value in zip(art["values"], np.concatenate([e_hidden, e])):
        text.set_text(f"{value:.4f}")
    bars = [pieces[0], pieces[1], e_hidden]
    for container, heights in zip(art["bars"], bars):
        for rect, height in zip(container, heights):
            rect.set_height(height)
    for j, text in enumerate(art["totals"]):
        up = e_hidden[j] >= 0
        text.set(position=(j + 1.27, e_hidden[j] + (0.03 if up else -0.03)), text=f"{e_hidden[j]:.4f}",
                 verticalalignment="bottom" if up else "top")
    low, high = min(0.0, *np.ravel(bars)), max(0.0, *np.ravel(bars))
    ax_bar.set_ylim(low - 0.15 * (high - low) - 0.05, high + 0.3 * (high - low) + 0.05)
    art["title"].set_text(TITLES[how])
    return (f"w11={w11:.2f} w21={w21:.2f} w12={w12:.2f} w22={w22:.2f} e1={e1:.2f} e2={e2:.2f} "
            f"({how}) → e_hidden=({e_hidden[0]:.4f}, {e_hidden[1]:.4f})")


def _set_flow(bar, ends, piece, scale):
    """Put the bar for one piece on its link: from near the output node back towards the hidden one."""
    (x0, y0), (x1, y1) = ends                        # hidden node, output node
    t_end = FLOW_START - FLOW_LONGEST * abs(piece) / scale if scale > 0 else FLOW_START
    bar.set_data([x0 + FLOW_START * (x1 - x0), x0 + t_end * (x1 - x0)],
                 [y0 + FLOW_START * (y1 - y0), y0 + t_end * (y1 - y0)])
    bar.set_linestyle("--" if piece < 0 else "-")


def _scene_split(fig, W, e):
    """Both panels with every artist the sliders change; draw_error_split fills in the values."""
    fig.clear()
    ax_net, ax_bar = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.3, 1], "wspace": 0.2, **MARGINS})
    pos = draw_network([W], ax_net, values=[np.zeros(2), e], labels=["hidden errors", "output errors"],
                       max_width=LINK_WIDTH)
    ax_net.set_xlim(-0.35, 1.35)
    art = {"key": "error_split", "axes": (ax_net, ax_bar), "links": list(ax_net.lines),
           "values": list(ax_net.texts[:4]), "pieces": [[None, None], [None, None]],
           "flows": [[None, None], [None, None]], "ends": [[None, None], [None, None]]}
    for k, j in np.ndindex(2, 2):
        (x0, y0), (x1, y1) = art["ends"][k][j] = pos[0][j], pos[1][k]
        art["flows"][k][j], = ax_net.plot([], [], color=BAR_COLOURS[k], lw=5, solid_capstyle="butt",
                                          dash_capstyle="butt", zorder=2.5)
        t = 0.6 if j == k else 0.27
        art["pieces"][k][j] = ax_net.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0) + 0.08, "", ha="center",
                                          fontsize=7.5, color=BAR_COLOURS[k], zorder=4,
                                          bbox={"fc": "white", "ec": "none", "alpha": 0.85, "pad": 0.5})
    art["bars"] = [ax_bar.bar(np.arange(1, 3) + (i - 1) * 0.27, [0.0, 0.0], width=0.25, color=colour)
                   for i, colour in enumerate(BAR_COLOURS)]
    art["totals"] = [ax_bar.text(j + 1.27, 0.0, "", ha="center", fontsize=8) for j in range(2)]
    ax_bar.set(xticks=[1, 2], xticklabels=["hidden 1", "hidden 2"], ylabel="error", xlim=(0.45, 2.55))
    ax_bar.axhline(0, color=COLORS["edge"], lw=0.8)
    handles = [Patch(color=c) for c in BAR_COLOURS]
    ax_bar.legend(handles, ["from e1", "from e2", "hidden error"], loc="upper left", fontsize=8)
    art["title"] = title_text(ax_bar)
    # what changes (for blitting): the y axis too, as its range follows the bars
    art["moving"] = [*art["links"], *[f for row in art["flows"] for f in row], *art["values"],
                     *[p for row in art["pieces"] for p in row], ax_bar.yaxis, *ax_bar.patches,
                     *art["totals"], art["title"]]
    fig.scene = art
    return art


def error_split_explorer():
    """Sliders for the four link weights and the two output errors (see draw_error_split).

    Introduced in: 04_backpropagating_errors.ipynb
    """
    controls = {name: slider(value, 0.1, 5.0, 0.1, name)
                for name, value in (("w11", 2.0), ("w21", 3.0), ("w12", 1.0), ("w22", 4.0))}
    controls.update(e1=slider(0.8, -1.0, 1.0, 0.05, "e1"), e2=slider(0.5, -1.0, 1.0, 0.05, "e2"),
                    how=widgets.Dropdown(options=list(SPLITS), value="proportional",
                                         description="split"))
    return BlitExplorer(draw_error_split, controls, width=8.0, height=3.8,
                        title="Output errors flow back along the links: move a weight or an error")

"""Fast slider redraws: render the fixed part of a picture once, then only what moves.

A draw function that supports this keeps its artists in `fig.scene`, a dict
with "moving" (the artists that change with the sliders) and "key" (whatever
the fixed part depends on). While the key stays the same, `BlitExplorer`
pastes a stored image of the fixed part (axes, ticks, contours, labels) and
draws only the moving artists on top — matplotlib's "blitting" — instead of
rendering the whole figure again. Fixed artists that a full draw paints above
a moving one (grid lines, spines, points over a shade) are repainted with it,
so "moving" need only list what changes. Draw functions stay pure: called on any
figure, they draw the complete picture, so tests and static output see it all.
"""
import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from .explorer import Explorer, render_png


def by_zorder(artists):
    """The artists in the order a full draw paints them (lowest zorder first; ties keep their order).

    Introduced in: 05_gradient_descent.ipynb
    """
    return sorted(artists, key=lambda a: a.get_zorder())


def title_text(ax, text=""):
    """A title for `ax` as an ordinary text artist, which (unlike `set_title`) can be blitted.

    Introduced in: 04_backpropagating_errors.ipynb
    """
    return ax.text(0.5, 1.02, text, transform=ax.transAxes, ha="center", va="bottom",
                   fontsize=ax.title.get_fontsize())


def current_scene(fig, key):
    """The scene stored on `fig` if it is still drawn there with this key, else None.

    Introduced in: 05_gradient_descent.ipynb
    """
    scene = getattr(fig, "scene", None)
    if scene is None or scene["key"] != key or not fig.axes \
            or any(ax not in fig.axes for ax in scene["axes"]):
        return None
    return scene


def blit_png(fig, scene, cache):
    """PNG bytes of `fig`: the stored fixed part (re-rendered when the scene, its key or
    the fixed artists to repaint change) with the moving artists drawn on top. `cache`
    is a dict the caller keeps between calls.

    Introduced in: 05_gradient_descent.ipynb
    """
    canvas = fig.canvas
    if not isinstance(canvas, FigureCanvasAgg):
        canvas = FigureCanvasAgg(fig)
    painted = _painted(fig, scene["moving"])
    fixed = tuple(id(a) for a in painted if not any(a is m for m in scene["moving"]))
    if (cache.get("scene") is not scene or cache.get("key") != scene["key"]
            or cache.get("fixed") != fixed):
        shown = [a.get_visible() for a in painted]
        for artist in painted:
            artist.set_visible(False)
        canvas.draw()
        cache.update(background=canvas.copy_from_bbox(fig.bbox), scene=scene, key=scene["key"],
                     fixed=fixed)
        for artist, visible in zip(painted, shown):
            artist.set_visible(visible)
    canvas.restore_region(cache["background"])
    for artist in painted:
        if artist.get_visible():
            fig.draw_artist(artist)
    buffer = io.BytesIO()
    Image.fromarray(np.asarray(canvas.buffer_rgba())).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def _painted(fig, moving):
    """What a blit must paint, in a full draw's order: in each axes, its first moving artist
    and everything a full draw paints after it (a grid line or a point above a moving
    shade is repainted too); then any moving artist that is not a child of an axes."""
    ids = {id(a) for a in moving}
    painted = []
    for ax in fig.axes:
        # the axes titles sit above the axes, out of the way, and only a full draw places them
        hidden = [ax.patch, ax.title, ax._left_title, ax._right_title]
        hidden += [] if ax.axison else [*ax.spines.values(), ax.xaxis, ax.yaxis]
        children = by_zorder([c for c in ax.get_children()
                              if id(c) in ids or not any(c is h for h in hidden)])
        first = next((i for i, c in enumerate(children) if id(c) in ids), None)
        if first is not None:
            painted += children[first:]
    done = {id(a) for a in painted}
    return painted + [a for a in moving if id(a) not in done]


class BlitExplorer(Explorer):
    """An Explorer that redraws only the moving artists of `fig.scene` (see the module).

    Falls back to rendering the whole figure when the draw function keeps no scene.

    Introduced in: 05_gradient_descent.ipynb
    """

    def update(self):
        """Redraw with the current values (the figure is not cleared); returns the readout."""
        text = self.draw(self.fig, **self.values())
        scene = getattr(self.fig, "scene", None)
        if not hasattr(self, "_cache"):
            self._cache = {}
        self.image.value = render_png(self.fig) if scene is None else blit_png(self.fig, scene, self._cache)
        self.readout.value = f"<code>{text}</code>" if text else ""
        return text

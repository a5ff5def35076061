"""Fast slider redraws: render the fixed part of a picture once, then only what moves.

A draw function that supports this keeps its artists in `fig.scene`, a dict
with "moving" (the artists that change with the sliders) and "key" (whatever
the fixed part depends on). While the key stays the same, `BlitExplorer`
pastes a stored image of the fixed part (axes, ticks, contours, labels) and
draws only the moving artists on top — matplotlib's "blitting" — instead of
rendering the whole figure again. Draw functions stay pure: called on any
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
    """PNG bytes of `fig`: the stored fixed part (re-rendered when the scene or key
    changes) with the scene's moving artists drawn on top. `cache` is a dict
    the caller keeps between calls.

    Introduced in: 05_gradient_descent.ipynb
    """
    canvas = fig.canvas
    if not isinstance(canvas, FigureCanvasAgg):
        canvas = FigureCanvasAgg(fig)
    if cache.get("scene") is not scene or cache.get("key") != scene["key"]:
        shown = [a.get_visible() for a in scene["moving"]]
        for artist in scene["moving"]:
            artist.set_visible(False)
        canvas.draw()
        cache.update(background=canvas.copy_from_bbox(fig.bbox), scene=scene, key=scene["key"])
        for artist, visible in zip(scene["moving"], shown):
            artist.set_visible(visible)
    canvas.restore_region(cache["background"])
    for artist in scene["moving"]:
        if artist.get_visible():
            fig.draw_artist(artist)
    buffer = io.BytesIO()
    Image.fromarray(np.asarray(canvas.buffer_rgba())).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


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

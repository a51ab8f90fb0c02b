"""Text sizes on the big screen, worked out from the screen's height so that the back of the room can read.

At 1080 pixels of height the body text is 30 px (about 2.8 % of the height; guidance for projected text
asks for at least 24-28 px at 1080p), headings are larger, and the smallest text on the screen (the
footer) is still 28 px. Sizes scale with the height, so a 4K wall screen gets twice the pixels, and with
the zoom (Zoom in / Zoom out). Text that does not fit is paged, never made smaller.
"""

from __future__ import annotations

from dataclasses import dataclass

REFERENCE_HEIGHT = 1080
BODY_AT_REFERENCE = 30.0
#: The zoom steps offered (1.0 is the room default).
ZOOM_STEPS: tuple[float, ...] = (0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
DEFAULT_ZOOM = 1.0
#: The header, the banners and the timer bar grow with the zoom only up to this step: beyond it the zoom
#: enlarges the case's text (which pages), so the frame around it never crowds the screen out.
FRAME_ZOOM_MAX = 1.3


@dataclass(frozen=True)
class RoomSizes:
    """Font pixel sizes of the big screen's kinds of text, and the margin around the content."""

    body: int
    small: int
    heading: int
    title: int
    timer: int
    margin: int

    @property
    def icon(self) -> int:
        """Icons as tall as a heading line."""
        return round(self.heading * 1.25)


def room_sizes(screen_height: int, zoom: float = DEFAULT_ZOOM) -> RoomSizes:
    """The pixel sizes for a screen ``screen_height`` pixels high at ``zoom``."""
    height = max(480, screen_height)
    body = BODY_AT_REFERENCE * height / REFERENCE_HEIGHT * zoom
    return RoomSizes(
        body=round(body),
        small=round(body * 0.94),
        heading=round(body * 1.25),
        title=round(body * 1.45),
        timer=round(body * 1.9),
        margin=round(height * 0.025),
    )


def frame_sizes(screen_height: int, zoom: float = DEFAULT_ZOOM) -> RoomSizes:
    """The sizes of the header, banners and timer bar: as :func:`room_sizes`, the zoom capped at
    :data:`FRAME_ZOOM_MAX`."""
    return room_sizes(screen_height, min(zoom, FRAME_ZOOM_MAX))


def zoom_in(zoom: float) -> float:
    """The next zoom step up (the largest stays)."""
    return next((z for z in ZOOM_STEPS if z > zoom + 1e-9), ZOOM_STEPS[-1])


def zoom_out(zoom: float) -> float:
    """The next zoom step down (the smallest stays)."""
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom - 1e-9), ZOOM_STEPS[0])


def clamp_zoom(zoom: float) -> float:
    """A remembered zoom, brought back onto the steps (the room default when it is not a number)."""
    try:
        value = float(zoom)
    except (TypeError, ValueError):
        return DEFAULT_ZOOM
    if value != value:  # NaN
        return DEFAULT_ZOOM
    return min(ZOOM_STEPS, key=lambda z: abs(z - value))

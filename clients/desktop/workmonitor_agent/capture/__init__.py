"""One capture interface, one small module per platform: X11, Wayland (portal), Win32, macOS (Quartz/AppKit)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from PIL import Image


@dataclass(frozen=True)
class Window:
    """The foreground window: application name (class / process) and title."""

    app: str
    title: str


@dataclass
class Capture:
    """Base class: every method degrades to "unknown"; `limits` says, for `status`, what this platform cannot do."""

    name: str = "none"
    limits: dict[str, str] = field(default_factory=dict)

    def active_window(self) -> Window | None:
        """Return the foreground window, or None when unknown."""
        return None

    def idle_seconds(self) -> float | None:
        """Return seconds since the last keyboard/mouse input, or None when unknown."""
        return None

    def input_counts(self) -> tuple[int, int]:
        """Return (keyboard, mouse) event counts since the previous call; never which keys."""
        return 0, 0

    def locked(self) -> bool:
        """Return True while the screen is locked or blanked (that ends the interval; it is not idle time)."""
        return False

    def screenshots(self) -> list[Image.Image]:
        """Return one image per monitor (raise OSError when the platform refuses)."""
        raise OSError("screenshots are not available here")

    def poll(self) -> None:
        """Called every poll tick (for platforms that count input by polling)."""

    def close(self) -> None:
        """Release display connections and threads."""


def session_type(env: dict | None = None, platform: str | None = None) -> str:
    """Return "win32", "macos", "wayland", "x11" or "none" for this desktop session."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    if platform == "win32":
        return "win32"
    if platform == "darwin":
        return "macos"
    if env.get("XDG_SESSION_TYPE") == "wayland" or env.get("WAYLAND_DISPLAY"):
        return "wayland"
    if env.get("DISPLAY"):
        return "x11"
    return "none"


def detect(env: dict | None = None, count_input: bool = True) -> Capture:
    """Return the capture backend for this session (a limits-only stub when its optional libraries are missing)."""
    kind = session_type(env)
    try:
        if kind == "x11":
            from .x11 import X11Capture

            return X11Capture(count_input=count_input)
        if kind == "wayland":
            from .wayland import WaylandCapture

            return WaylandCapture()
        if kind == "win32":
            from .win32 import Win32Capture

            return Win32Capture()
        if kind == "macos":
            from .macos import MacCapture

            return MacCapture()
    except ImportError as exc:
        return Capture(
            name=kind, limits={"everything": f"missing library: {exc.name} (pip install the agent's extras)"}
        )
    return Capture(name="none", limits={"everything": "no desktop session found (DISPLAY / WAYLAND_DISPLAY unset)"})


def split_monitors(image: Image.Image, rects: list[tuple[int, int, int, int]]) -> list[Image.Image]:
    """Return `image` cut into monitor rectangles (x, y, width, height); the whole image when none are known."""
    crops = [image.crop((x, y, x + w, y + h)) for x, y, w, h in rects if w > 0 and h > 0]
    return crops or [image]

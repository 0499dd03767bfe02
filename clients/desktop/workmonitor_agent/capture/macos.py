"""macOS capture via pyobjc (optional extra): NSWorkspace app, CGWindowList title, CGEventSource idle and counters."""

from __future__ import annotations

import Quartz  # an ImportError here makes capture.detect() report the missing extra
from AppKit import NSWorkspace
from PIL import ImageGrab

from . import Capture, Window

KEY_EVENTS = (Quartz.kCGEventKeyDown,)
MOUSE_EVENTS = (
    Quartz.kCGEventLeftMouseDown,
    Quartz.kCGEventRightMouseDown,
    Quartz.kCGEventOtherMouseDown,
    Quartz.kCGEventMouseMoved,
    Quartz.kCGEventScrollWheel,
)
STATE = Quartz.kCGEventSourceStateCombinedSessionState


class MacCapture(Capture):
    """macOS session; window titles need the Screen Recording permission (System Settings > Privacy)."""

    def __init__(self):
        super().__init__(name="macos")
        self._last = self._totals()
        if not Quartz.CGPreflightScreenCaptureAccess():
            self.limits["window titles"] = "need the Screen Recording permission (System Settings > Privacy)"
            self.limits["screenshots"] = "need the Screen Recording permission (System Settings > Privacy)"

    def _totals(self) -> tuple[int, int]:
        keys = sum(Quartz.CGEventSourceCounterForEventType(STATE, t) for t in KEY_EVENTS)
        mouse = sum(Quartz.CGEventSourceCounterForEventType(STATE, t) for t in MOUSE_EVENTS)
        return keys, mouse

    def input_counts(self) -> tuple[int, int]:
        """Return (keyboard, mouse) event counts since the last call from the system's event counters."""
        now = self._totals()
        out = (max(0, now[0] - self._last[0]), max(0, now[1] - self._last[1]))
        self._last = now
        return out

    def active_window(self) -> Window | None:
        """Return the frontmost application's name and its front window's title (when permitted)."""
        app = NSWorkspace.sharedWorkspace().frontmostApplication()
        if app is None:
            return None
        pid, title = app.processIdentifier(), ""
        windows = Quartz.CGWindowListCopyWindowInfo(
            Quartz.kCGWindowListOptionOnScreenOnly | Quartz.kCGWindowListExcludeDesktopElements, Quartz.kCGNullWindowID
        )
        for info in windows or []:
            if info.get("kCGWindowOwnerPID") == pid and info.get("kCGWindowLayer") == 0:
                title = info.get("kCGWindowName") or ""
                break
        return Window(app=str(app.localizedName() or ""), title=str(title))

    def idle_seconds(self) -> float | None:
        """Return seconds since any input event."""
        return float(Quartz.CGEventSourceSecondsSinceLastEventType(STATE, Quartz.kCGAnyInputEventType))

    def locked(self) -> bool:
        """Return True while the login window / lock screen is up."""
        session = Quartz.CGSessionCopyCurrentDictionary() or {}
        return bool(session.get("CGSSessionScreenIsLocked"))

    def screenshots(self):
        """Return all displays as one image (Pillow uses screencapture)."""
        return [ImageGrab.grab(all_screens=True)]

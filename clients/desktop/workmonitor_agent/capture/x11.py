"""Linux X11 capture with python-xlib: EWMH active window, XRecord input counts, MIT-SCREEN-SAVER idle, RandR."""

from __future__ import annotations

import logging
import os
import threading
import time

from PIL import ImageGrab
from Xlib import X, Xatom, display, error
from Xlib.ext import randr, record, screensaver  # noqa: F401  (importing registers the extensions)
from Xlib.protocol import rq

from . import Capture, Window, split_monitors

log = logging.getLogger("workmonitor_agent")
MOTION_EVERY = 0.5  # pointer motion counts at most once per this many seconds: a drag is not 200 events


class _RecordCounter:
    """Counts key presses, button presses and pointer motion via the XRecord extension on its own connection."""

    def __init__(self, name: str | None):
        self.lock = threading.Lock()
        self.keys = self.mouse = 0
        self._last_motion = 0.0
        self.ctl = display.Display(name)
        # Disabling a context that is not enabled yet (a very short run) is harmless; keep it off stderr.
        self.ctl.set_error_handler(lambda err, *_: log.debug("XRecord control: %s", err))
        self.data = display.Display(name)
        self.ctx = self.data.record_create_context(
            0,
            [record.AllClients],
            [
                {
                    "core_requests": (0, 0),
                    "core_replies": (0, 0),
                    "ext_requests": (0, 0, 0, 0),
                    "ext_replies": (0, 0, 0, 0),
                    "delivered_events": (0, 0),
                    "device_events": (X.KeyPress, X.MotionNotify),
                    "errors": (0, 0),
                    "client_started": False,
                    "client_died": False,
                }
            ],
        )
        self.thread = threading.Thread(target=self._run, name="xrecord", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.data.record_enable_context(self.ctx, self._on_reply)
        except Exception as exc:  # the display went away; counts simply stop
            log.warning("XRecord stopped: %s", exc)

    def _on_reply(self, reply) -> None:
        if reply.category != record.FromServer or reply.client_swapped or not reply.data:
            return
        data = reply.data
        while data:
            event, data = rq.EventField(None).parse_binary_value(data, self.data.display, None, None)
            with self.lock:
                if event.type == X.KeyPress:
                    self.keys += 1
                elif event.type == X.ButtonPress:
                    self.mouse += 1
                elif event.type == X.MotionNotify:
                    now = time.monotonic()
                    if now - self._last_motion >= MOTION_EVERY:
                        self._last_motion = now
                        self.mouse += 1

    def take(self) -> tuple[int, int]:
        with self.lock:
            out, self.keys, self.mouse = (self.keys, self.mouse), 0, 0
        return out

    def close(self) -> None:
        try:
            self.ctl.record_disable_context(self.ctx)
            self.ctl.flush()
            self.thread.join(2)
            self.ctl.close()
        except Exception:  # closing a dead display
            pass


class _PollCounter:
    """Fallback without XRecord: counts pointer moves/clicks and key-down transitions by polling (coarse)."""

    def __init__(self, disp: display.Display):
        self.d = disp
        self.keys = self.mouse = 0
        self._pos = None
        self._keymap = None
        self._buttons = 0

    def poll(self) -> None:
        ptr = self.d.screen().root.query_pointer()
        pos, buttons = (ptr.root_x, ptr.root_y), ptr.mask & 0x1F00
        if self._pos is not None and pos != self._pos:
            self.mouse += 1
        if buttons & ~self._buttons:
            self.mouse += 1
        self._pos, self._buttons = pos, buttons
        keymap = self.d.query_keymap()
        if self._keymap is not None:
            self.keys += sum((new & ~old).bit_count() for new, old in zip(keymap, self._keymap, strict=True))
        self._keymap = keymap

    def take(self) -> tuple[int, int]:
        out, self.keys, self.mouse = (self.keys, self.mouse), 0, 0
        return out

    def close(self) -> None:
        pass


class X11Capture(Capture):
    """X11 session (also XWayland-less Xvfb): everything is available."""

    def __init__(self, name: str | None = None, count_input: bool = True):
        super().__init__(name="x11")
        self.display_name = name or os.environ.get("DISPLAY")
        self.d = display.Display(self.display_name)
        self.root = self.d.screen().root
        self.atoms = {a: self.d.intern_atom(a) for a in ("_NET_ACTIVE_WINDOW", "_NET_WM_NAME", "UTF8_STRING")}
        exts = self.d.list_extensions()
        try:
            use_record = "RECORD" in exts and count_input
            self.counter = _RecordCounter(self.display_name) if use_record else _PollCounter(self.d)
        except Exception as exc:
            log.warning("XRecord unavailable (%s); counting input by polling", exc)
            self.counter = _PollCounter(self.d)
        self.has_saver = "MIT-SCREEN-SAVER" in exts
        if not self.has_saver:
            self.limits["idle"] = "unavailable: the X server lacks MIT-SCREEN-SAVER"
        if "RECORD" not in exts:
            self.limits["input counts"] = "approximate: the X server lacks XRecord"

    def _prop(self, win, atom, kind=X.AnyPropertyType):
        try:
            prop = win.get_full_property(atom, kind)
        except error.XError:
            return None
        return prop.value if prop else None

    def _toplevel(self, win):
        """Walk up from a focus window to the first ancestor with WM_CLASS (the client's top-level)."""
        for _ in range(32):
            if win is None or win == self.root or isinstance(win, int):
                return None
            if self._prop(win, Xatom.WM_CLASS):
                return win
            try:
                win = win.query_tree().parent
            except error.XError:
                return None
        return None

    def active_window(self) -> Window | None:
        """Return _NET_ACTIVE_WINDOW (EWMH), else the input focus's top-level; WM_CLASS class and _NET_WM_NAME."""
        try:
            value = self._prop(self.root, self.atoms["_NET_ACTIVE_WINDOW"], Xatom.WINDOW)
            win = (
                self.d.create_resource_object("window", value[0])
                if value is not None and len(value) and value[0]
                else self.d.get_input_focus().focus
            )
            win = self._toplevel(win)
            if win is None:
                return None
            raw_class = self._prop(win, Xatom.WM_CLASS) or b""
            parts = [
                p
                for p in (
                    raw_class.decode("utf-8", "replace") if isinstance(raw_class, bytes) else str(raw_class)
                ).split("\0")
                if p
            ]
            title = self._prop(win, self.atoms["_NET_WM_NAME"], self.atoms["UTF8_STRING"])
            if title is None:
                title = self._prop(win, Xatom.WM_NAME) or b""
            if isinstance(title, bytes):
                title = title.decode("utf-8", "replace")
            return Window(app=(parts[-1] if parts else ""), title=str(title))
        except error.XError:
            return None

    def idle_seconds(self) -> float | None:
        """Return the X server's idle time (MIT-SCREEN-SAVER), or None."""
        if not self.has_saver:
            return None
        return self.root.screensaver_query_info().idle / 1000.0

    def locked(self) -> bool:
        """Return True while the X screen saver is active (lockers run on top of it)."""
        return bool(self.has_saver and self.root.screensaver_query_info().state == 1)

    def poll(self) -> None:
        """Sample pointer/keymap state when counting by polling."""
        if isinstance(self.counter, _PollCounter):
            self.counter.poll()

    def input_counts(self) -> tuple[int, int]:
        """Return (keyboard, mouse) counts since the last call."""
        return self.counter.take()

    def monitors(self) -> list[tuple[int, int, int, int]]:
        """Return the RandR monitors as (x, y, width, height)."""
        try:
            mons = self.root.xrandr_get_monitors(is_active=True).monitors
            return [(m.x, m.y, m.width_in_pixels, m.height_in_pixels) for m in mons]
        except Exception:  # RandR < 1.5
            return []

    def screenshots(self):
        """Return one image per monitor of the root window."""
        return split_monitors(ImageGrab.grab(xdisplay=self.display_name or ""), self.monitors())

    def close(self) -> None:
        """Stop XRecord and close the display."""
        self.counter.close()
        self.d.close()

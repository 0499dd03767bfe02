"""Windows capture with ctypes only: GetForegroundWindow/GetWindowTextW, GetLastInputInfo, input counts by polling."""

from __future__ import annotations

import ctypes
import threading
import time
from ctypes import wintypes
from pathlib import PureWindowsPath

from PIL import ImageGrab

from . import Capture, Window

PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
DESKTOP_SWITCHDESKTOP = 0x0100


class LASTINPUTINFO(ctypes.Structure):
    """GetLastInputInfo's structure."""

    _fields_ = [("cbSize", wintypes.UINT), ("dwTime", wintypes.DWORD)]


class Win32Capture(Capture):
    """Windows session; input counting polls GetLastInputInfo (each change is an event) at 25 Hz in a thread."""

    def __init__(self):
        super().__init__(name="win32")
        self.user32 = ctypes.WinDLL("user32", use_last_error=True)
        self.kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        # Handles are pointer-sized: without these, ctypes would truncate them to a C int on 64-bit Windows.
        self.user32.GetForegroundWindow.restype = wintypes.HWND
        self.user32.OpenInputDesktop.restype = wintypes.HANDLE
        self.kernel32.OpenProcess.restype = wintypes.HANDLE
        self.kernel32.GetTickCount.restype = wintypes.DWORD
        self.lock = threading.Lock()
        self.keys = self.mouse = 0
        self.stop = threading.Event()
        threading.Thread(target=self._count, name="win32-input", daemon=True).start()
        self.limits["input counts"] = "approximate (GetLastInputInfo polling; cursor moves count as mouse)"

    def _last_input(self) -> int:
        info = LASTINPUTINFO(cbSize=ctypes.sizeof(LASTINPUTINFO))
        self.user32.GetLastInputInfo(ctypes.byref(info))
        return info.dwTime

    def _cursor(self) -> tuple[int, int]:
        pt = wintypes.POINT()
        self.user32.GetCursorPos(ctypes.byref(pt))
        return pt.x, pt.y

    def _count(self) -> None:
        last, pos = self._last_input(), self._cursor()
        while not self.stop.wait(0.04):
            now, cur = self._last_input(), self._cursor()
            if now != last:
                with self.lock:
                    if cur != pos:
                        self.mouse += 1
                    else:
                        self.keys += 1
            last, pos = now, cur

    def input_counts(self) -> tuple[int, int]:
        """Return (keyboard, mouse) counts since the last call."""
        with self.lock:
            out, self.keys, self.mouse = (self.keys, self.mouse), 0, 0
        return out

    def active_window(self) -> Window | None:
        """Return the foreground window's executable name and title."""
        hwnd = self.user32.GetForegroundWindow()
        if not hwnd:
            return None
        length = self.user32.GetWindowTextLengthW(hwnd)
        buf = ctypes.create_unicode_buffer(length + 1)
        self.user32.GetWindowTextW(hwnd, buf, length + 1)
        pid = wintypes.DWORD()
        self.user32.GetWindowThreadProcessId(hwnd, ctypes.byref(pid))
        return Window(app=self._exe(pid.value), title=buf.value)

    def _exe(self, pid: int) -> str:
        handle = self.kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return ""
        try:
            size = wintypes.DWORD(1024)
            buf = ctypes.create_unicode_buffer(size.value)
            if self.kernel32.QueryFullProcessImageNameW(handle, 0, buf, ctypes.byref(size)):
                return PureWindowsPath(buf.value).name
            return ""
        finally:
            self.kernel32.CloseHandle(handle)

    def idle_seconds(self) -> float | None:
        """Return seconds since the last input (GetTickCount wraps every 49 days; masked)."""
        return ((self.kernel32.GetTickCount() - self._last_input()) & 0xFFFFFFFF) / 1000.0

    def locked(self) -> bool:
        """Return True when the input desktop is not ours (the lock screen or UAC secure desktop)."""
        desk = self.user32.OpenInputDesktop(0, False, DESKTOP_SWITCHDESKTOP)
        if not desk:
            return True
        try:
            return not self.user32.SwitchDesktop(desk)
        finally:
            self.user32.CloseDesktop(desk)

    def screenshots(self):
        """Return the whole virtual screen (all monitors) as one image."""
        return [ImageGrab.grab(all_screens=True)]

    def close(self) -> None:
        """Stop the counting thread."""
        self.stop.set()
        time.sleep(0.05)

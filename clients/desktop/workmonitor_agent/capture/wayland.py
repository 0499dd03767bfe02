"""Wayland: no global window or input access by design; screenshots through xdg-desktop-portal, idle via D-Bus.

X11 calls under Wayland return black screenshots and unknown windows (the classic Cattr/ActivityWatch failure),
so this backend never uses them and says plainly what it cannot capture.
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import re
import shutil
import subprocess
import uuid
from urllib.parse import unquote, urlparse

from PIL import Image

from . import Capture

log = logging.getLogger("workmonitor_agent")
PORTAL = ("org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop")


def _gdbus(*args: str, timeout: float = 3) -> str | None:
    """Return gdbus's output, or None when gdbus is missing or the call fails."""
    if not shutil.which("gdbus"):
        return None
    try:
        out = subprocess.run(
            ["gdbus", "call", "--session", *args], capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout if out.returncode == 0 else None


class WaylandCapture(Capture):
    """Wayland session: screenshots via the portal (dbus-next), idle via GNOME Mutter / freedesktop ScreenSaver."""

    def __init__(self):
        super().__init__(name="wayland")
        self.limits.update(
            {
                "window titles": "unavailable on Wayland",
                "input counts": "unavailable on Wayland (activity % is estimated from idle time)",
            }
        )
        try:
            import dbus_next  # noqa: F401

            self._portal = True
        except ImportError:
            self._portal = False
            self.limits["screenshots"] = (
                "unavailable: install the agent's [wayland] extra (dbus-next) to use"
                " the xdg-desktop-portal Screenshot API"
            )
        if self.idle_seconds() is None:
            self.limits["idle"] = "unavailable: neither org.gnome.Mutter.IdleMonitor nor a ScreenSaver idle API"

    def idle_seconds(self) -> float | None:
        """Return the compositor's idle time when GNOME (Mutter) or a freedesktop ScreenSaver exposes it."""
        out = _gdbus(
            "--dest",
            "org.gnome.Mutter.IdleMonitor",
            "--object-path",
            "/org/gnome/Mutter/IdleMonitor/Core",
            "--method",
            "org.gnome.Mutter.IdleMonitor.GetIdletime",
        )
        if out and (m := re.search(r"(\d+)", out)):
            return int(m.group(1)) / 1000.0
        out = _gdbus(
            "--dest",
            "org.freedesktop.ScreenSaver",
            "--object-path",
            "/org/freedesktop/ScreenSaver",
            "--method",
            "org.freedesktop.ScreenSaver.GetSessionIdleTime",
        )
        if out and (m := re.search(r"(\d+)", out)):
            return int(m.group(1)) / 1000.0
        return None

    def locked(self) -> bool:
        """Return True while the freedesktop screen saver (lock screen) is active."""
        out = _gdbus(
            "--dest",
            "org.freedesktop.ScreenSaver",
            "--object-path",
            "/org/freedesktop/ScreenSaver",
            "--method",
            "org.freedesktop.ScreenSaver.GetActive",
        )
        return bool(out and "true" in out)

    def screenshots(self) -> list[Image.Image]:
        """Return the portal's (all-monitor) screenshot; raise OSError when unavailable or refused."""
        if not self._portal:
            raise OSError(self.limits["screenshots"])
        try:
            path = asyncio.run(asyncio.wait_for(_portal_screenshot(), 30))
        except Exception as exc:
            raise OSError(f"xdg-desktop-portal screenshot failed: {exc}") from exc
        with open(path, "rb") as fh:
            image = Image.open(io.BytesIO(fh.read()))
            image.load()
        try:
            os.unlink(path)  # the portal leaves a copy in ~/Pictures; the agent keeps only its own queue
        except OSError:
            pass
        return [image]


async def _portal_screenshot() -> str:
    """Ask org.freedesktop.portal.Screenshot for a non-interactive screenshot; return the file path."""
    from dbus_next import Message, MessageType, Variant
    from dbus_next.aio import MessageBus

    bus = await MessageBus().connect()
    token = f"wm{uuid.uuid4().hex}"
    sender = bus.unique_name.lstrip(":").replace(".", "_")
    handle = f"/org/freedesktop/portal/desktop/request/{sender}/{token}"
    loop_future = asyncio.get_running_loop().create_future()

    def on_message(msg):
        if (
            msg.message_type == MessageType.SIGNAL
            and msg.path == handle
            and msg.member == "Response"
            and not loop_future.done()
        ):
            loop_future.set_result(msg.body)

    bus.add_message_handler(on_message)
    await bus.call(
        Message(
            destination="org.freedesktop.DBus",
            path="/org/freedesktop/DBus",
            interface="org.freedesktop.DBus",
            member="AddMatch",
            signature="s",
            body=[f"type='signal',interface='org.freedesktop.portal.Request',path='{handle}'"],
        )
    )
    reply = await bus.call(
        Message(
            destination=PORTAL[0],
            path=PORTAL[1],
            interface="org.freedesktop.portal.Screenshot",
            member="Screenshot",
            signature="sa{sv}",
            body=["", {"handle_token": Variant("s", token), "interactive": Variant("b", False)}],
        )
    )
    if reply.message_type == MessageType.ERROR:
        raise OSError(reply.body[0] if reply.body else reply.error_name)
    code, results = await loop_future
    bus.disconnect()
    if code != 0:
        raise OSError("the user or the compositor refused the screenshot")
    return unquote(urlparse(results["uri"].value).path)

"""Tray mode (pystray, optional): the icon shows the timer/screenshot state; pause and resume are one click."""

from __future__ import annotations

import threading

from PIL import Image, ImageDraw

COLORS = {"off": (150, 150, 150), "tracking": (46, 160, 67), "screenshots": (220, 40, 40), "paused": (230, 160, 0)}


def icon_image(state: str) -> Image.Image:
    """Return a 64x64 icon: grey = stopped, green = tracking, red = screenshots on, amber = paused."""
    img = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((4, 4, 60, 60), fill=COLORS[state])
    if state == "screenshots":
        draw.rectangle((20, 24, 44, 42), outline=(255, 255, 255), width=3)
        draw.ellipse((28, 28, 36, 38), outline=(255, 255, 255), width=2)
    return img


def tray_state(policy, paused: bool) -> str:
    """Return the icon state for a policy."""
    if paused:
        return "paused"
    if not (policy.timer_running and policy.agreement == "accepted"):
        return "off"
    return "screenshots" if policy.screenshots else "tracking"


def run_tray() -> None:
    """Run the capture loop in a thread with a tray icon in the main thread (required by macOS)."""
    try:
        import pystray
    except ImportError as exc:
        raise SystemExit(
            "Tray mode needs pystray: `pipx inject workmonitor-agent pystray` (or pip install"
            " 'workmonitor-agent[tray]'); or use `workmonitor-agent start` and `status`."
        ) from exc
    from .api import ApiError, LoggedOut, Offline
    from .cli import Fail, _session, _store
    from .config import TokenStore, Tuning
    from .daemon import Agent

    cfg, store, client = _session()  # `store` is the UI's connection; the capture thread gets its own
    agent = Agent(
        _store(),
        cfg["server"],
        TokenStore(f"{cfg['email']}@{cfg['server']}"),
        Tuning.from_env(),
        push_url=cfg.get("socket_url"),
    )

    def title() -> str:
        return "WorkMonitor — " + "; ".join(store.get("state_lines") or ["starting"])

    def set_paused(paused: bool) -> None:
        store.put("paused", paused)
        try:
            client.stop_timer() if paused else client.start_timer()
        except (ApiError, Offline, LoggedOut):
            store.put("pending_stop", paused)

    def discard_idle() -> None:
        from argparse import Namespace

        from .cli import cmd_idle

        try:
            cmd_idle(Namespace(discard=True))
        except Fail as exc:
            icon.notify(str(exc), "WorkMonitor")

    def quit_(icon, _item) -> None:
        agent.stopping.set()
        icon.stop()

    menu = pystray.Menu(
        pystray.MenuItem(lambda _: title(), None, enabled=False),
        pystray.MenuItem("Pause", lambda *_: set_paused(True), visible=lambda _: not store.get("paused")),
        pystray.MenuItem("Resume", lambda *_: set_paused(False), visible=lambda _: bool(store.get("paused"))),
        pystray.MenuItem(
            "Discard the last idle time", lambda *_: discard_idle(), visible=lambda _: bool(store.get("idle_return"))
        ),
        pystray.MenuItem("Quit", quit_),
    )
    icon = pystray.Icon("workmonitor-agent", icon_image("off"), "WorkMonitor", menu)

    def refresh() -> None:
        while not agent.stopping.wait(1.0):
            icon.icon = icon_image(tray_state(agent.policy, bool(store.get("paused"))))
            icon.title = title()[:120]
            icon.update_menu()

    threading.Thread(target=agent.run, name="capture", daemon=True).start()
    threading.Thread(target=refresh, name="tray", daemon=True).start()
    try:
        icon.run()
    finally:
        agent.stopping.set()

"""The capture loop: polls the platform, records samples and screenshots into the queue, only as consented."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import deque

from PIL import Image, ImageFilter

from . import capture as capmod
from .config import Tuning
from .realtime import Push, socket_url
from .recorder import Recorder, ShotSchedule, iso
from .store import Store
from .sync import Policy, Syncer

log = logging.getLogger("workmonitor_agent")


def encode(image: Image.Image, blur: bool) -> bytes:
    """Return a screenshot as JPEG, blurred beyond reading when the company requires it."""
    image = image.convert("RGB")
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(radius=max(6, image.width // 120)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70, optimize=True)
    return out.getvalue()


def describe(policy: Policy, paused: bool, cap: capmod.Capture) -> list[str]:
    """Return the human lines saying what is being captured right now (the visible indicator)."""
    if paused:
        return ["capture: PAUSED (resume: workmonitor-agent resume)"]
    if policy.agreement != "accepted":
        return [f"capture: off — no accepted work agreement (agreement: {policy.agreement})"]
    if not policy.timer_running:
        return ["capture: off — the timer is not running"]
    lines = [f"activity: {'ON' if policy.activity else 'off (no consent)'}"]
    if policy.screenshots:
        blur = ", blurred" if policy.blur else ""
        lines.append(
            f"● SCREENSHOTS ON — about every {policy.screenshot_seconds / 60:g} min{blur}"
            " (pause: workmonitor-agent pause)"
        )
    else:
        lines.append("screenshots: off (no consent)")
    lines += [f"{what}: {why}" for what, why in cap.limits.items()]
    return lines


class Agent:
    """Runs until stopped: capture in this thread, network in the Syncer thread."""

    def __init__(
        self,
        store: Store,
        server: str,
        tokens,
        tuning: Tuning | None = None,
        cap: capmod.Capture | None = None,
        push_url: str | None = None,
    ):
        self.store, self.tuning = store, tuning or Tuning.from_env()
        self.cap = cap or capmod.detect()
        cached = store.get("policy") or {}
        # Offline at start: keep working under the last policy the server gave (never more than that).
        self.policy = Policy(**{k: v for k, v in cached.items() if k in Policy.__dataclass_fields__})
        self.policy.online = False
        self.syncer = Syncer(store.path, server, tokens, self.tuning, self.policy)
        self.recorder = Recorder(self.tuning.sample_seconds, self.tuning.gap_seconds, self._queue_sample)
        self.shots = ShotSchedule()
        url = socket_url(server, os.environ.get("WORKMONITOR_AGENT_SOCKET_URL") or push_url)
        self.push = Push(store.path, server, tokens, url, self._pushed)
        self._push_state: dict | None = None
        self.stopping = threading.Event()
        self._said: list[str] = []
        self._idle_since: float | None = None
        self._recent: deque = deque(maxlen=512)
        self._now = time.time()
        self._capturing_since: float | None = None
        self._held: list = []
        with store.tx():  # samples a previous process held back: queued once, as they were
            self.recorder.restore(store.get("held_samples") or [])
            self._keep_held(force=True)

    def _pushed(self, _event: str) -> None:
        """A timer or consent change arrived through the gateway: refresh the policy now."""
        self.syncer.next_policy = 0.0
        self.syncer.wake.set()

    def _keep_held(self, force: bool = False) -> None:
        """Store the samples the recorder holds back (until idle is decided) whenever they change."""
        held = self.recorder.held_state()
        if held != self._held or force:
            self._held = held
            self.store.put("held_samples", held)

    def _queue_sample(self, sample: dict) -> None:
        self.store.add_sample(sample)
        self._recent.append((self._now, sample["duration"], sample["active_seconds"]))

    def activity_percent(self, now: float) -> int | None:
        """Return the activity % of the samples recorded during the last screenshot interval (None: none)."""
        window = [(d, a) for at, d, a in self._recent if at >= now - self.policy.screenshot_seconds]
        tracked = sum(d for d, _ in window)
        return round(100 * sum(a for _, a in window) / tracked) if tracked else None

    def say_state(self, paused: bool) -> None:
        """Print the capture state when it changes, and keep it for `status` and the tray."""
        lines = describe(self.policy, paused, self.cap)
        if lines != self._said:
            self._said = lines
            for line in lines:
                print(f"[workmonitor-agent] {line}", flush=True)
                log.info(line)
            self.store.put("state_lines", lines)

    def run(self) -> None:
        """Capture until a stop is requested (signal, `workmonitor-agent stop`, tray Quit)."""
        self.store.put(
            "daemon", {"pid": os.getpid(), "started": time.time(), "capture": self.cap.name, "limits": self.cap.limits}
        )
        self.store.put("stop_requested", False)
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                signal.signal(sig, lambda *_: self.stopping.set())
            except ValueError:  # not the main thread (tray mode)
                pass
        self.syncer.start()
        if os.environ.get("WORKMONITOR_AGENT_PUSH") != "0":
            self.push.start()
        next_cap = 0.0
        try:
            while not self.stopping.is_set():
                now = time.time()
                self.step(now)
                if now >= next_cap:
                    self.store.enforce_cap(int(self.tuning.max_disk_mb * 1024 * 1024))
                    next_cap = now + 30
                if self.store.get("stop_requested"):
                    self.stopping.set()
                self.stopping.wait(self.tuning.poll_seconds)
        finally:
            self.shutdown()

    def step(self, now: float) -> None:
        """One poll: record the interval since the last poll and take a screenshot when one is due."""
        self._now = now
        paused = bool(self.store.get("paused"))
        self.say_state(paused)
        push = {"url": self.push.url, "connected": self.push.connected.is_set()} if self.push.sio else None
        if push != self._push_state:
            self._push_state = push
            self.store.put("push", push)
        self.cap.poll()
        keyboard, mouse = self.cap.input_counts()
        pol = self.policy
        capturing = not paused and pol.agreement == "accepted" and pol.timer_running
        if not capturing or self.cap.locked():
            # Locked screen, pause or no consent ends the interval; nothing is recorded meanwhile.
            with self.store.tx() if self._held else contextlib.nullcontext():
                self.recorder.flush(now)
                self._keep_held()
            self.shots.reset()
            self._idle_since = self._capturing_since = None
            return
        if self._capturing_since is None:
            self._capturing_since = now
        if pol.activity:
            idle_for = self.cap.idle_seconds()
            idle = idle_for is not None and idle_for >= pol.idle_seconds
            window = self.cap.active_window()
            # Samples leaving the held list and the list on disk change together, so a crash queues none twice.
            with self.store.tx() if self._held else contextlib.nullcontext():
                self.recorder.tick(now, window, idle, keyboard, mouse, idle_for)
                self._keep_held()
            self._track_idle(now, idle, idle_for)
        else:
            self.recorder.flush(now)
            self._keep_held()
        if pol.screenshots and now >= self.shots.next_due(now, pol.screenshot_seconds):
            self.shots.taken(now)
            self.take_screenshots(now)

    def _track_idle(self, now: float, idle: bool, idle_for: float | None) -> None:
        """On return from an idle stretch, ask whether it counts (kept unless the user discards it)."""
        if idle:
            if self._idle_since is None:  # idle began at the last input, but never before capture did
                self._idle_since = max(now - (idle_for or 0), self._capturing_since or now)
            return
        since, self._idle_since = self._idle_since, None
        if since is None or now - since < self.policy.idle_seconds:
            return
        entry = (self.policy.timer or {}).get("id")
        question = {"from": iso(since), "to": iso(now), "minutes": round((now - since) / 60, 1), "entry_id": entry}
        self.store.put("idle_return", question)
        text = (
            f"You were idle for {question['minutes']:g} min. It counts as tracked (idle) time; to remove it from"
            " your timesheet: workmonitor-agent idle --discard"
        )
        print(f"[workmonitor-agent] {text}", flush=True)
        log.info(text)
        self._notify("Welcome back", text)

    def _notify(self, title: str, text: str) -> None:
        if self.tuning.notify and shutil.which("notify-send") and sys.platform.startswith("linux"):
            subprocess.Popen(
                ["notify-send", "-a", "WorkMonitor", title, text], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )

    def take_screenshots(self, now: float) -> None:
        """Grab every monitor and queue the images (consent was checked by the caller)."""
        try:
            images = self.cap.screenshots()
        except OSError as exc:
            log.warning("screenshot failed: %s", exc)
            self.store.put("last_screenshot_error", str(exc))
            return
        percent = self.activity_percent(now)
        for monitor, image in enumerate(images):
            self.store.add_shot(encode(image, self.policy.blur), "jpg", iso(now), monitor, percent)
        stamp = time.strftime("%H:%M:%S", time.localtime(now))
        print(f"[workmonitor-agent] screenshot taken at {stamp} ({len(images)} monitor(s))", flush=True)
        self.store.put("last_screenshot", now)
        self._notify("Screenshot taken", f"at {stamp}")
        self.syncer.wake.set()

    def shutdown(self) -> None:
        """Close the open sample, let the syncer try a last upload, release the display."""
        log.info("capture daemon stopping")
        self.recorder.flush(time.time())
        self._keep_held()
        self.push.stop()
        self.syncer.stop.set()
        self.syncer.wake.set()
        self.syncer.join(15)
        self.cap.close()
        self.store.put("daemon", None)
        log.info("capture daemon stopped")
        print("[workmonitor-agent] stopped", flush=True)

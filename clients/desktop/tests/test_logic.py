"""The agent's logic without a server or a display: timing, consent policy, disk cap, backoff, Wayland, tokens."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time

import pytest
from PIL import Image

from workmonitor_agent import capture
from workmonitor_agent.capture import Window, session_type
from workmonitor_agent.config import TokenStore, Tuning
from workmonitor_agent.daemon import describe, encode
from workmonitor_agent.recorder import Backoff, Recorder, ShotSchedule
from workmonitor_agent.store import Store
from workmonitor_agent.sync import policy_from


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A private agent home with the file token store."""
    monkeypatch.setenv("WORKMONITOR_AGENT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKMONITOR_AGENT_KEYRING", "0")
    return tmp_path / "home"


def test_sleep_gap_ends_the_interval_and_idle_or_a_new_window_splits_it():
    out: list[dict] = []
    rec = Recorder(sample_seconds=60, gap_seconds=30, emit=out.append)
    code, mail = Window("Code", "main.py"), Window("Thunderbird", "Inbox")
    for t in range(11):
        rec.tick(1000 + t, code, False, keyboard=1)
    rec.tick(1010 + 3600, code, False)  # an hour of suspend: not a sample, not idle time
    for t in range(1, 8):
        rec.tick(4610 + t, mail if t > 2 else code, t > 4, mouse=1)
    rec.flush()
    assert [(s["app"], s["duration"], s["idle"]) for s in out] == [
        ("Code", 10, False),
        ("Code", 3, False),
        ("Thunderbird", 2, False),
        ("Thunderbird", 2, True),
    ]
    assert sum(s["duration"] for s in out) == 10 + 7 and rec.gaps == 1
    assert out[0]["keyboard"] == 11 and out[0]["active_seconds"] == 10 and out[3]["active_seconds"] == 0


def test_a_clock_going_backwards_is_a_gap_and_samples_stop_at_the_sample_length():
    out: list[dict] = []
    rec = Recorder(sample_seconds=5, gap_seconds=30, emit=out.append)
    for t in range(13):
        rec.tick(100 + t, Window("a", "b"), False)
    rec.tick(50, Window("a", "b"), False)
    rec.flush()
    assert [s["duration"] for s in out] == [5, 5, 2] and rec.gaps == 1


def test_disk_cap_drops_oldest_screenshots_first_and_logs_dropped_samples(tmp_path, caplog):
    store = Store(tmp_path / "q.sqlite3")
    for i in range(3):
        store.add_sample({"n": i})
    ids = [store.add_shot(b"x" * 1000, "jpg", f"2026-01-01T00:00:0{i}Z", 0, None) for i in range(3)]
    store.enforce_cap(2500)
    assert [s["id"] for s in store.pending_shots(10)] == ids[1:] and store.counts()["pending_samples"] == 3
    store.enforce_cap(10)
    assert store.counts() == {
        "pending_samples": 0,
        "pending_screenshots": 0,
        "screenshot_bytes": 0,
        "samples_sent": 0,
        "samples_dropped": 3,
        "shots_taken": 3,
        "shots_sent": 0,
        "shots_dropped": 3,
    }
    assert "dropping 3 unsent activity samples" in caplog.text
    assert not list(store.shots_dir.iterdir())


def test_sequence_numbers_are_never_reused_and_the_device_id_lives_with_the_queue(tmp_path):
    store = Store(tmp_path / "q.sqlite3")
    seqs = [store.add_sample({"n": i}) for i in range(3)]
    store.ack_samples(seqs)
    device = store.device_id
    store.close()
    again = Store(tmp_path / "q.sqlite3")
    assert again.add_sample({"n": 4}) == 4 and again.device_id == device and device.startswith("desktop-")
    assert oct((tmp_path / "q.sqlite3").stat().st_mode & 0o777) == "0o600"


def test_backoff_and_screenshot_jitter_stay_in_bounds():
    backoff = Backoff(1, 8, random.Random(1))
    delays = [backoff.fail() for _ in range(10)]
    assert all(0.5 <= d <= 8 for d in delays) and max(delays[4:]) > 2
    schedule, due = ShotSchedule(random.Random(2)), []
    for _ in range(30):
        due.append(schedule.next_due(due[-1] if due else 0, 600))
        schedule.taken(due[-1])
    assert all(600 * i + 60 <= d <= 600 * (i + 1) for i, d in enumerate(due))
    assert len({round(d % 600) for d in due}) > 20  # not a fixed, predictable moment


def test_only_an_accepted_agreement_allows_capture_and_settings_come_from_the_company():
    tuning = Tuning()
    me = {
        "agreement": {"status": "proposed", "screenshots": True, "activity": True},
        "company": {"settings": {"screenshot_interval_minutes": 5, "idle_threshold_minutes": 3}},
    }
    proposed = policy_from(me, None, None, tuning)
    assert not proposed.screenshots and not proposed.activity
    me["agreement"]["status"] = "accepted"
    pol = policy_from(me, {"blur_screenshots": True}, {"id": "e1"}, tuning)
    assert pol.screenshots and pol.activity and pol.blur and pol.timer_running
    assert (pol.screenshot_seconds, pol.idle_seconds) == (300, 180)
    lines = describe(pol, False, capture.Capture())
    assert any("SCREENSHOTS ON" in ln and "blurred" in ln for ln in lines)
    assert describe(pol, True, capture.Capture()) == ["capture: PAUSED (resume: workmonitor-agent resume)"]
    assert policy_from({"agreement": None}, None, None, tuning).agreement == "none"


def test_tuning_overrides_monitor_split_and_blur():
    tuning = Tuning.from_env({"WORKMONITOR_AGENT_POLL_SECONDS": "0.5", "WORKMONITOR_AGENT_BATCH_SIZE": "7"})
    assert (tuning.poll_seconds, tuning.batch_size) == (0.5, 7)
    img = Image.new("RGB", (300, 100), "white")
    for x in range(0, 300, 2):
        img.putpixel((x, 50), (0, 0, 0))
    parts = capture.split_monitors(img, [(0, 0, 200, 100), (200, 0, 100, 100)])
    assert [p.size for p in parts] == [(200, 100), (100, 100)]
    assert capture.split_monitors(img, []) == [img]
    sharp, blurred = encode(img, False), encode(img, True)
    assert sharp[:2] == b"\xff\xd8" and len(blurred) < len(sharp)


def test_token_file_is_private(home):
    store = TokenStore("eve@example.com@http://server")
    assert "0600" in store.backend
    store.save("refresh-1")
    assert store.load() == "refresh-1" and oct(store.path.stat().st_mode & 0o777) == "0o600"
    store.clear()
    assert store.load() is None


def test_session_detection_and_wayland_status_says_what_cannot_be_captured(home):
    assert session_type({"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}, "linux") == "wayland"
    assert session_type({"WAYLAND_DISPLAY": "wayland-0"}, "linux") == "wayland"
    assert session_type({"DISPLAY": ":0"}, "linux") == "x11" and session_type({}, "linux") == "none"
    assert session_type({}, "win32") == "win32" and session_type({}, "darwin") == "macos"
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.json").write_text(json.dumps({"server": "http://127.0.0.1:9", "email": "e@x.io"}))
    env = {**os.environ, "XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-test"}
    out = subprocess.run(
        [sys.executable, "-m", "workmonitor_agent", "status"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "window titles: unavailable on Wayland" in out.stdout and "OFFLINE" in out.stdout, out.stdout
    assert "input counts: unavailable on Wayland" in out.stdout


def test_commands_need_a_login_first():
    out = subprocess.run(
        [sys.executable, "-m", "workmonitor_agent", "start"], capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 1 and "workmonitor-agent login" in out.stderr


def test_another_accounts_queue_is_never_sent_under_a_new_login(tmp_path):
    from workmonitor_agent.cli import Fail, _check_owner

    store = Store(tmp_path / "q.sqlite3")
    _check_owner(store, {"id": "a", "email": "a@x.io"}, False)
    store.add_sample({"n": 1})
    store.add_shot(b"jpeg", "jpg", "2026-01-01T00:00:00Z", 0, None)
    _check_owner(store, {"id": "a", "email": "a@x.io"}, False)  # same account: fine, the queue stays
    with pytest.raises(Fail, match="a@x.io"):
        _check_owner(store, {"id": "b", "email": "b@x.io"}, False)
    assert store.counts()["pending_samples"] == 1
    _check_owner(store, {"id": "b", "email": "b@x.io"}, True)
    assert store.counts()["pending_samples"] == store.counts()["pending_screenshots"] == 0
    assert store.get("owner")["id"] == "b" and not list(store.shots_dir.iterdir())


def test_tray_icon_shows_the_state_and_tray_mode_explains_a_missing_pystray(home):
    from workmonitor_agent.sync import Policy
    from workmonitor_agent.tray import icon_image, tray_state

    pol = Policy(agreement="accepted", timer_running=True, screenshots=True)
    assert tray_state(pol, False) == "screenshots" and tray_state(pol, True) == "paused"
    pol.screenshots = False
    assert tray_state(pol, False) == "tracking"
    pol.timer_running = False
    assert tray_state(pol, False) == "off"
    assert icon_image("screenshots").getpixel((8, 32)) == (220, 40, 40, 255)
    try:
        import pystray  # noqa: F401

        return
    except ImportError:
        pass
    out = subprocess.run(
        [sys.executable, "-m", "workmonitor_agent", "tray"], capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 1 and "Tray mode needs pystray" in out.stderr


class FakeCapture(capture.Capture):
    """A scripted desktop: idle time and lock state set by the test; counts screenshot requests."""

    def __init__(self):
        super().__init__(name="fake")
        self.idle, self.is_locked, self.grabs = 0.0, False, 0

    def active_window(self):
        return Window("Editor", "notes.txt")

    def idle_seconds(self):
        return self.idle

    def locked(self):
        return self.is_locked

    def screenshots(self):
        self.grabs += 1
        return [Image.new("RGB", (64, 48), "white")]


def test_capture_step_obeys_consent_pause_and_lock_and_asks_about_idle_time(tmp_path):
    from workmonitor_agent.daemon import Agent

    store, cap = Store(tmp_path / "q.sqlite3"), FakeCapture()
    agent = Agent(
        store, "http://127.0.0.1:9", TokenStore("x"), Tuning(screenshot_seconds=10, idle_seconds=60, notify=0), cap=cap
    )
    agent.policy.__dict__.update(
        agreement="accepted",
        activity=True,
        screenshots=False,
        timer_running=True,
        idle_seconds=60,
        screenshot_seconds=10,
        timer={"id": "entry-1"},
    )
    for t in range(40):
        agent.step(1000.0 + t)
    assert cap.grabs == 0  # no screenshot consent: not even one grab
    cap.idle = 500.0  # idle since long before capture began: the question starts at capture start, not before
    agent.step(1040.0)
    cap.idle = 0.0
    agent.step(1050.0)
    assert store.get("idle_return") is None  # 50 s since capture began: shorter than the 60 s threshold
    cap.idle = 500.0
    agent.step(1060.0)
    cap.idle = 0.0
    agent.step(1070.0)
    question = store.get("idle_return")
    assert question["entry_id"] == "entry-1" and question["minutes"] == round(70 / 60, 1)
    assert question["from"].startswith("1970-01-01T00:16:40")  # 1000 s: when capture began
    agent.policy.screenshots = True
    store.put("paused", True)
    for t in range(60, 90):
        agent.step(1000.0 + t)
    assert cap.grabs == 0 and store.get("state_lines")[0].startswith("capture: PAUSED")
    store.put("paused", False)
    cap.is_locked = True
    for t in range(90, 120):
        agent.step(1000.0 + t)
    assert cap.grabs == 0
    cap.is_locked = False
    for t in range(120, 145):
        agent.step(1000.0 + t)
    assert 1 <= cap.grabs <= 3 and store.counts()["shots_taken"] == cap.grabs
    agent._recent.clear()
    agent._recent.extend([(time.time(), 60, 45), (time.time(), 60, 15), (time.time() - 3600, 60, 0)])
    assert agent.activity_percent(time.time()) == 50  # the hour-old sample is outside the 10 s interval


def test_platform_modules_load_and_a_missing_extra_is_reported(monkeypatch):
    import importlib

    assert importlib.import_module(
        "workmonitor_agent.capture.win32"
    ).Win32Capture  # written for Windows, loads anywhere
    monkeypatch.setattr(sys, "platform", "darwin")
    try:
        import Quartz  # noqa: F401

        return  # a real Mac with pyobjc: nothing is missing
    except ImportError:
        pass
    cap = capture.detect({})
    assert cap.name == "macos" and "missing library: Quartz" in cap.limits["everything"]

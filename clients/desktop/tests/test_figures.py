"""Activity and idle figures measured per second, readable errors, and project names for `start --project`."""

from __future__ import annotations

import pytest
import requests

from workmonitor_agent.api import ApiError, Client, LoggedOut, Offline, explain
from workmonitor_agent.capture import Window
from workmonitor_agent.recorder import Recorder, input_seconds

CODE = Window("Code", "main.py")


def test_active_seconds_are_seconds_with_input_not_whole_samples():
    out: list[dict] = []
    rec = Recorder(sample_seconds=60, gap_seconds=30, emit=out.append)
    for t in range(61):  # one poll a second; 200 keystrokes in each of the first 15 seconds, then reading
        rec.tick(1000 + t, CODE, False, keyboard=200 if 1 <= t <= 15 else 0, idle_for=0.0 if t <= 15 else t - 15)
    rec.flush()
    (s,) = out
    assert (s["duration"], s["active_seconds"], s["keyboard"]) == (60, 15, 3000)
    assert input_seconds(5, 3, 0, None) == 3 and input_seconds(1, 50, 9, None) == 1
    assert input_seconds(2, 0, 0, 0.4) == 1 and input_seconds(2, 0, 0, 7) == 0  # Wayland: the idle clock only


def test_idle_time_starts_at_the_last_input_and_is_stored_exactly():
    """The agent reports 1.8 min idle; the idle samples add up to the same 108 s (not 108 - threshold)."""
    out: list[dict] = []
    rec = Recorder(sample_seconds=60, gap_seconds=30, emit=out.append)
    threshold, last_input = 60, 1030
    for t in range(1000, 1031):
        rec.tick(t, CODE, False, mouse=1, idle_for=0.0)
    for t in range(1031, 1139):  # no input from 1030 on: idle is declared at 1090, the user is back at 1138
        idle_for = t - last_input
        rec.tick(t, CODE, idle_for >= threshold, idle_for=idle_for)
    assert sum(s["duration"] for s in out if s["idle"]) >= 48  # held back until idle was declared, then split
    for t in range(1138, 1151):
        rec.tick(t, CODE, False, keyboard=1, idle_for=0.0)
    rec.flush()
    idle = sum(s["duration"] for s in out if s["idle"])
    assert idle == 1138 - last_input == 108
    assert sum(s["duration"] for s in out) == 150
    assert sum(s["active_seconds"] for s in out) == 30 + 12
    assert all(s["active_seconds"] == 0 for s in out if s["idle"])
    assert all(1 <= s["duration"] <= 60 for s in out)
    starts = [s["started_at"] for s in out]
    assert starts == sorted(starts)


def test_samples_are_held_back_only_while_idle_may_still_be_declared():
    out: list[dict] = []
    rec = Recorder(sample_seconds=10, gap_seconds=30, emit=out.append)
    for t in range(0, 25):
        rec.tick(t, CODE, False, keyboard=1 if t < 3 else 0, idle_for=max(0, t - 2))
    assert out == [] and len(rec.held) == 2  # both end after the last input (t = 2)
    rec.tick(25, CODE, False, keyboard=1, idle_for=0.0)  # input again: they were work after all
    assert [s["idle"] for s in out] == [False, False] and not rec.held
    rec.flush()
    assert sum(s["duration"] for s in out) == 25


class _Resp:
    def __init__(self, status: int, body: dict):
        self.status_code, self._body, self.content = status, body, b"x"

    def json(self):
        return self._body


def test_errors_read_as_sentences_never_exception_reprs():
    client = Client("http://127.0.0.1:9", None, None)
    with pytest.raises(Offline) as down:
        client.public("GET", "/auth/me")
    text = explain(down.value)
    assert text == "server unreachable: cannot connect to 127.0.0.1:9 (connection refused or network down)", text
    assert "HTTPConnectionPool" not in text and "Errno" not in text
    assert explain(LoggedOut("x")) == "signed out — run `workmonitor-agent login`"
    assert explain(ApiError(400, "validation_failed", "Some fields are missing.")).startswith("the server refused:")
    assert "KeyError" in explain(KeyError("k")) and "agent.log" in explain(KeyError("k"))
    assert isinstance(requests.ConnectionError(), requests.RequestException)


def test_start_project_takes_a_name_case_insensitively_or_says_what_is_ambiguous(monkeypatch):
    projects = [
        {"id": "0c8a4c1e-8d5e-4a8e-9b35-2f8f0f5a0001", "name": "Website"},
        {"id": "0c8a4c1e-8d5e-4a8e-9b35-2f8f0f5a0002", "name": "Website redesign"},
        {"id": "0c8a4c1e-8d5e-4a8e-9b35-2f8f0f5a0003", "name": "Mobile App"},
        {"id": "0c8a4c1e-8d5e-4a8e-9b35-2f8f0f5a0004", "name": "Mobile app (old)"},
    ]
    asked: list[str] = []

    def call(method, path, params=None, **kw):
        asked.append(params["q"])
        return {"items": [p for p in projects if params["q"].casefold() in p["name"].casefold()]}

    client = Client("http://127.0.0.1:9", None, None)
    monkeypatch.setattr(client, "call", call)
    assert client.resolve_project("website") == projects[0]["id"]  # exact beats the longer partial match
    assert client.resolve_project("REDESIGN") == projects[1]["id"]  # a unique partial match
    assert client.resolve_project(projects[2]["id"]) == projects[2]["id"] and len(asked) == 2  # ids need no lookup
    with pytest.raises(ValueError, match=r'"mobile" matches 2 projects: Mobile App \(.*\); Mobile app \(old\)'):
        client.resolve_project("mobile")
    with pytest.raises(ValueError, match='No project you can track to is named "Payroll"'):
        client.resolve_project("Payroll")


def test_status_shows_a_readable_error_and_forgets_it_after_a_success(tmp_path, capsys):
    from workmonitor_agent.cli import _print_status
    from workmonitor_agent.config import Tuning
    from workmonitor_agent.store import Store
    from workmonitor_agent.sync import Policy, Syncer

    store = Store(tmp_path / "q.sqlite3")
    syncer = Syncer(store.path, "http://127.0.0.1:9", None, Tuning(upload_seconds=7), Policy())
    client = Client("http://127.0.0.1:9", None, store)
    outcomes = [Offline("cannot connect to 127.0.0.1:9 (connection refused or network down)"), None]

    def refresh(_client, _store):
        if (exc := outcomes.pop(0)) is not None:
            raise exc

    syncer.refresh_policy = refresh
    assert syncer.cycle(client, store) > 0 and store.get("last_error")["error"].startswith("server unreachable")
    report = {
        "server": "http://127.0.0.1:9",
        "email": "a@example.com",
        "online": False,
        "daemon_pid": None,
        "paused": False,
        "capture": "x11",
        "server_error": explain(Offline("cannot connect to 127.0.0.1:9 (connection refused or network down)")),
        "push": None,
        "state": [],
        "limits": {},
        "idle_return": None,
        "queue": store.counts(),
        "last_error": store.get("last_error"),
    }
    _print_status(report)
    out = capsys.readouterr().out
    assert "last error: server unreachable: cannot connect to 127.0.0.1:9" in out and "retrying" in out, out
    assert "Traceback" not in out and "Error(" not in out
    assert syncer.cycle(client, store) == 7 and store.get("last_error") is None and syncer.policy.error == ""
    _print_status({**report, "last_error": store.get("last_error")})
    assert "last error" not in capsys.readouterr().out
    store.close()


def test_held_samples_survive_a_crash_and_are_queued_once(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKMONITOR_AGENT_PUSH", "0")
    from workmonitor_agent import capture
    from workmonitor_agent.config import TokenStore, Tuning
    from workmonitor_agent.daemon import Agent
    from workmonitor_agent.store import Store

    store = Store(tmp_path / "q.sqlite3")
    tuning = Tuning(sample_seconds=10, idle_seconds=60, notify=0)
    agent = Agent(store, "http://127.0.0.1:9", TokenStore("x"), tuning, cap=capture.Capture(name="fake"))
    for t in range(25):  # input for 3 s, then none: both closed samples are held (idle may still be declared)
        agent.recorder.tick(1000 + t, CODE, False, keyboard=1 if t < 3 else 0, idle_for=max(0, t - 2))
        agent._keep_held()
    assert len(store.get("held_samples")) == 2 and store.counts()["pending_samples"] == 0
    # The process dies here. The next one queues what was held, exactly once, and forgets it.
    Agent(store, "http://127.0.0.1:9", TokenStore("x"), tuning, cap=capture.Capture(name="fake"))
    Agent(store, "http://127.0.0.1:9", TokenStore("x"), tuning, cap=capture.Capture(name="fake"))
    assert store.counts()["pending_samples"] == 2 and store.get("held_samples") == []
    assert [s["duration"] for s in store.pending_samples(10)] == [10, 10]
    store.close()


def test_held_samples_count_as_the_previous_accounts_queue(tmp_path):
    from workmonitor_agent.cli import Fail, _check_owner
    from workmonitor_agent.store import Store

    store = Store(tmp_path / "q.sqlite3")
    _check_owner(store, {"id": "a", "email": "a@x.io"}, False)
    store.put("held_samples", [[0, 10, ["Code", "", False], 1, 0, 1.0]])
    with pytest.raises(Fail, match="1 samples/screenshots of a@x.io"):
        _check_owner(store, {"id": "b", "email": "b@x.io"}, False)
    _check_owner(store, {"id": "b", "email": "b@x.io"}, True)
    assert store.get("held_samples") == [] and store.get("owner")["id"] == "b"
    store.close()

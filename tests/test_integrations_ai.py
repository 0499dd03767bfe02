"""AI insights against a local OpenAI-compatible server (http.server on loopback) that records what it received:
off by default (nothing sent); on, the prompt carries the numbers; window titles/URLs leave only when allowed;
every request is logged with its token counts for the company's admins; visibility as for the numbers; a model
that is down answers 503 JSON while the numbers endpoint keeps working."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from factories import consent, invite_and_accept, signup

NARR = "/function/integrations/insights/narrative"
SETTINGS = "/function/integrations/ai/settings"
LOG = "/function/integrations/ai/requests"
TITLE = "Zanzibar-Quarterly-Plan.xlsx"
URL = "https://intranet.example.org/secret-roadmap-7731"
COMPLETION = "You worked steadily with good focus.\n- Take a break after 90 minutes."


class _Model(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self):  # noqa: N802
        raw = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": raw})
        out = json.dumps({
            "id": "chatcmpl-1", "object": "chat.completion", "created": 1764500000, "model": "local-test-model",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": COMPLETION}}],
            "usage": {"prompt_tokens": 321, "completion_tokens": 45, "total_tokens": 366},
        }).encode()  # fmt: skip
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args):
        pass


@pytest.fixture()
def model(monkeypatch):
    _Model.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Model)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("AI_BASE_URL", f"http://127.0.0.1:{server.server_port}/v1")
    monkeypatch.setenv("AI_MODEL", "local-test-model")
    monkeypatch.setenv("AI_API_KEY", "sk-test-123")
    yield _Model.received
    server.shutdown()
    server.server_close()


@pytest.fixture()
def team(api):
    admin = signup(api, company="AI Co")
    manager = invite_and_accept(api, admin, role="manager", name="Mia Manager")
    emp = invite_and_accept(api, admin, role="employee", name="Ed Employee")
    other = invite_and_accept(api, admin, role="employee", name="Oli Other")
    r = api.post("/function/team/assignments", token=admin["token"],
                 json={"manager_id": manager["user"]["id"], "employee_id": emp["user"]["id"]})  # fmt: skip
    assert r.status_code == 201, r.json
    consent(api, admin, emp, activity=True)
    start = datetime.now(UTC).replace(microsecond=0, second=0) - timedelta(hours=3)
    entry = {"started_at": start.isoformat(), "ended_at": (start + timedelta(hours=2)).isoformat()}
    r = api.post("/function/time/entries", token=emp["token"], json=entry)
    assert r.status_code == 201, r.json
    samples = [
        {"seq": i, "started_at": (start + timedelta(minutes=i)).isoformat(), "duration": 60, "app": "Excel",
         "title": TITLE, "url": URL, "keyboard": 30, "mouse": 20}
        for i in range(5)
    ]  # fmt: skip
    r = api.post("/function/activity/samples", json={"device_id": "ai-laptop", "samples": samples}, token=emp["token"])
    assert r.status_code == 200 and r.json["accepted"] == 5, r.json
    return {"admin": admin, "manager": manager, "emp": emp, "other": other}


def _sent(received: list[dict]) -> str:
    return b"".join(r["body"] for r in received).decode()


def test_off_by_default_then_aggregates_only_then_titles_when_allowed(api, team, model):
    admin, emp = team["admin"], team["emp"]
    r = api.get(SETTINGS, token=admin["token"])
    assert r.status_code == 200 and r.json["settings"]["enabled"] is False and r.json["settings"]["configured"]
    r = api.post(NARR, json={}, token=emp["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "ai_off", r.json
    assert model == []  # off: nothing left for the model

    assert api.put(SETTINGS, json={"enabled": True}, token=emp["token"]).status_code == 403
    r = api.put(SETTINGS, json={"enabled": True}, token=admin["token"])
    assert r.status_code == 200 and r.json["settings"] == {**r.json["settings"], "enabled": True, "allow_titles": False}
    r = api.post(NARR, json={}, token=emp["token"])
    assert r.status_code == 200, r.json
    assert r.json["generated"] is True and r.json["model"] == "local-test-model" and r.json["narrative"] == COMPLETION
    assert r.json["data_kind"] == "aggregates" and r.json["numbers"]["tracked_seconds"] == 7200
    assert len(model) == 1 and model[0]["path"] == "/v1/chat/completions" and model[0]["auth"] == "Bearer sk-test-123"
    sent = json.loads(model[0]["body"])
    assert sent["model"] == "local-test-model" and [m["role"] for m in sent["messages"]] == ["system", "user"]
    numbers = json.loads(sent["messages"][1]["content"])["numbers"]
    assert numbers["tracked_seconds"] == 7200 and numbers["days_worked"] >= 1
    assert TITLE not in _sent(model) and "secret-roadmap" not in _sent(model) and "intranet" not in _sent(model)

    r = api.put(SETTINGS, json={"enabled": True, "allow_titles": True}, token=admin["token"])
    assert r.status_code == 200 and r.json["settings"]["allow_titles"] is True
    r = api.post(NARR, json={"user_id": team["emp"]["user"]["id"]}, token=team["manager"]["token"])
    assert r.status_code == 200 and r.json["data_kind"] == "aggregates_and_titles", r.json
    assert TITLE in model[1]["body"].decode() and URL in json.loads(model[1]["body"])["messages"][1]["content"]

    r = api.get(LOG, token=admin["token"])
    assert r.status_code == 200 and len(r.json["items"]) == 2, r.json
    newest, oldest = r.json["items"]
    assert newest["requested_by"] == team["manager"]["user"]["id"] and newest["data_kind"] == "aggregates_and_titles"
    assert oldest["requested_by"] == emp["user"]["id"] and oldest["subject_user_id"] == emp["user"]["id"]
    assert (oldest["prompt_tokens"], oldest["completion_tokens"], oldest["status"]) == (321, 45, "ok")
    assert api.get(LOG, token=emp["token"]).status_code == 403
    audits = api.get("/function/team/audit?action=ai.settings_changed", token=admin["token"])
    assert audits.status_code == 200 and len(audits.json["items"]) == 2, audits.json


def test_visibility_and_other_company(api, team, model):
    assert api.put(SETTINGS, json={"enabled": True}, token=team["admin"]["token"]).status_code == 200
    r = api.post(NARR, json={"user_id": team["emp"]["user"]["id"]}, token=team["other"]["token"])
    assert r.status_code == 404, r.json
    assert model == []
    r = api.post(NARR, json={"user_id": team["emp"]["user"]["id"]}, token=team["admin"]["token"])
    assert r.status_code == 200, r.json
    stranger = signup(api, company="Elsewhere")
    r = api.get(LOG, token=stranger["token"])
    assert r.status_code == 200 and r.json["items"] == []
    r = api.get(SETTINGS, token=stranger["token"])
    assert r.json["settings"]["enabled"] is False
    r = api.post(NARR, json={"user_id": team["emp"]["user"]["id"]}, token=stranger["token"])
    assert r.status_code == 404 and len(model) == 1


def test_not_configured_and_model_down(api, team, monkeypatch):
    admin, emp = team["admin"], team["emp"]
    monkeypatch.delenv("AI_BASE_URL", raising=False)
    monkeypatch.delenv("AI_MODEL", raising=False)
    r = api.get(SETTINGS, token=admin["token"])
    assert r.json["settings"]["configured"] is False and r.json["settings"]["model"] is None
    r = api.post(NARR, json={}, token=emp["token"])
    assert r.status_code == 409 and r.json["error"]["code"] == "ai_not_configured", r.json

    assert api.put(SETTINGS, json={"enabled": True}, token=admin["token"]).status_code == 200
    monkeypatch.setenv("AI_BASE_URL", "http://127.0.0.1:9/v1")  # nothing listens on the discard port
    monkeypatch.setenv("AI_MODEL", "local-test-model")
    r = api.post(NARR, json={}, token=emp["token"])
    assert r.status_code == 503 and r.json["error"]["code"] == "ai_unavailable", r.json
    r = api.get("/function/integrations/insights", token=emp["token"])
    assert r.status_code == 200 and r.json["insights"]["tracked_seconds"] == 7200
    r = api.get(LOG, token=admin["token"])
    assert len(r.json["items"]) == 1 and r.json["items"][0]["status"] == "failed"
    assert r.json["items"][0]["prompt_tokens"] is None

"""The settings, audit-log and downloads pages' server side: the company profile, audit filters (actor, action or
action prefix, date range, pagination), notification preferences per kind and channel, and the agent download."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from factories import invite_and_accept, signup

TEAM, MSG = "/function/team", "/function/messaging"
ROOT = Path(__file__).resolve().parents[1]


def test_company_profile_read_by_everyone_changed_by_admins_and_audited(api):
    admin = signup(api, company="Profile Co")
    emp = invite_and_accept(api, admin)
    r = api.get(f"{TEAM}/company", token=emp["token"])
    assert r.status_code == 200 and r.json["company"]["name"] == "Profile Co", r.json
    assert api.patch(f"{TEAM}/company", json={"name": "Nope"}, token=emp["token"]).status_code == 403
    bad = api.patch(f"{TEAM}/company", json={"timezone": "Mars/Olympus", "currency": "usd"}, token=admin["token"])
    assert bad.status_code == 400 and {"timezone", "currency"} <= set(bad.json["error"]["fields"]), bad.json
    assert api.patch(f"{TEAM}/company", json={}, token=admin["token"]).status_code == 400
    r = api.patch(
        f"{TEAM}/company",
        json={"name": "Profile GmbH", "timezone": "Europe/Vienna", "currency": "EUR", "week_start": 7},
        token=admin["token"],
    )
    assert r.status_code == 200, r.json
    assert {k: r.json["company"][k] for k in ("name", "timezone", "currency", "week_start")} == {
        "name": "Profile GmbH",
        "timezone": "Europe/Vienna",
        "currency": "EUR",
        "week_start": 7,
    }
    me = api.get("/function/auth/me", token=emp["token"]).json
    assert me["company"]["name"] == "Profile GmbH"
    row = api.get(f"{TEAM}/audit?action=team.company_changed", token=admin["token"]).json["items"][0]
    assert row["actor_name"] == "Ada Admin" and row["details"]["name"] == {"old": "Profile Co", "new": "Profile GmbH"}


def test_audit_log_filters_by_actor_action_prefix_and_dates_and_pages(api):
    admin = signup(api)
    emp = invite_and_accept(api, admin)
    for i in range(3):  # three more audited actions by the admin
        api.patch(f"{TEAM}/company", json={"name": f"Co {i}"}, token=admin["token"])
    get = lambda q: api.get(f"{TEAM}/audit?{q}", token=admin["token"])  # noqa: E731
    everything = get("limit=200").json["items"]
    assert len(everything) >= 6
    mine = get(f"actor_id={emp['user']['id']}").json["items"]
    assert mine and {r["actor_id"] for r in mine} == {emp["user"]["id"]}
    assert {r["actor_name"] for r in mine} == {"Eve Employee"}
    team = get("action=team.").json["items"]
    assert team and all(r["action"].startswith("team.") for r in team)
    assert len(team) < len(everything)
    assert [r["action"] for r in get("action=team.company_changed").json["items"]] == ["team.company_changed"] * 3
    page1 = get("action=team.company_changed&limit=2")
    page2 = get("action=team.company_changed&limit=2&offset=2")
    assert page1.json["has_more"] and not page2.json["has_more"]
    assert len(page1.json["items"]) == 2 and len(page2.json["items"]) == 1
    assert page1.json["items"][0]["id"] > page1.json["items"][1]["id"] > page2.json["items"][0]["id"]
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    assert get(f"since={future.replace('+', '%2B')}").json["items"] == []
    assert len(get(f"since={past.replace('+', '%2B')}&limit=200").json["items"]) == len(everything)
    assert get(f"until={past.replace('+', '%2B')}").json["items"] == []
    assert get("since=yesterday").status_code == 400
    assert get("actor_id=not-a-uuid").status_code == 400
    actions = api.get(f"{TEAM}/audit/actions", token=admin["token"]).json["actions"]
    assert "team.company_changed" in actions and actions == sorted(actions)
    assert api.get(f"{TEAM}/audit/actions", token=emp["token"]).status_code == 403
    assert all(r["ip"] is None or "/" not in r["ip"] for r in everything)


def test_notification_preferences_per_kind_and_channel(api):
    admin = signup(api)
    r = api.get(f"{MSG}/notification-preferences", token=admin["token"])
    assert r.status_code == 200 and set(r.json["channels"]) == {"in_app", "email", "push"}
    assert all(p == {"in_app": True, "email": True, "push": True} for p in r.json["preferences"].values())
    r = api.put(
        f"{MSG}/notification-preferences",
        json={"preferences": {"chat_mention": {"email": False}, "task_assigned": {"in_app": False, "push": False}}},
        token=admin["token"],
    )
    assert r.status_code == 200, r.json
    prefs = api.get(f"{MSG}/notification-preferences", token=admin["token"]).json["preferences"]
    assert prefs["chat_mention"] == {"in_app": True, "email": False, "push": True}
    assert prefs["task_assigned"] == {"in_app": False, "email": True, "push": False}


def test_the_web_build_packs_the_desktop_agent_as_an_installable_archive(tmp_path):
    out = subprocess.run(
        ["node", "scripts/pack-agent.mjs"], cwd=ROOT / "clients" / "web", capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    downloads = ROOT / "clients" / "web" / "dist" / "downloads"
    info = json.loads((downloads / "agent.json").read_text())
    archive = (downloads / info["file"]).read_bytes()
    assert len(archive) == info["size"]
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        names = tar.getnames()
        top = info["file"].removesuffix(".tar.gz")
        assert f"{top}/pyproject.toml" in names and f"{top}/workmonitor_agent/cli.py" in names
        assert not any("__pycache__" in n or "/tests/" in n for n in names)
        tar.extractall(tmp_path, filter="data")
    # The archive is a source tree setuptools (pip's build backend for it) builds: its own sdist names the package.
    built = subprocess.run(
        [sys.executable, "-c", "from setuptools import build_meta as b; print(b.build_sdist('out'))"],
        cwd=tmp_path / top,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    sdist = tmp_path / top / "out" / built.stdout.strip().splitlines()[-1]
    with tarfile.open(sdist) as tar:
        inner = tar.getnames()
        assert any(n.endswith("workmonitor_agent/daemon.py") for n in inner), inner
        pkg_info = tar.extractfile(next(n for n in inner if n.endswith("/PKG-INFO"))).read().decode()
    assert f"Version: {info['version']}" in pkg_info and "Name: workmonitor-agent" in pkg_info

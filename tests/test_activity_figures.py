"""Activity figures as the clients measure them: active and idle seconds stored exactly, the productivity score."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from factories import consent, invite_and_accept, signup

A = "/function/activity"
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _sample(seq: int, start: int, duration: int, **kw) -> dict:
    return {"seq": seq, "started_at": (T0 + timedelta(seconds=start)).isoformat(), "duration": duration, **kw}


def test_active_and_idle_seconds_are_stored_as_the_agent_measured_them(api):
    admin = signup(api, company="Figures")
    emp = invite_and_accept(api, admin, name="Ida Idle")
    consent(api, admin, emp, activity=True)
    samples = [  # 15 seconds with input (3000 key events), then an idle stretch of 1.8 min split in three samples
        _sample(1, 0, 60, app="Code", keyboard=3000, active_seconds=15),
        _sample(2, 60, 30, app="Code", keyboard=10, active_seconds=10),
        _sample(3, 90, 30, app="Code", idle=True),
        _sample(4, 120, 60, app="Code", idle=True),
        _sample(5, 180, 18, app="Code", idle=True),
        _sample(6, 198, 12, app="", active_seconds=12),
    ]
    r = api.post(f"{A}/samples", json={"device_id": "laptop", "samples": samples}, token=emp["token"])
    assert r.json["accepted"] == 6, r.json
    r = api.get(f"{A}/daily?from=2026-03-02&to=2026-03-02", token=emp["token"])
    (day,) = r.json["items"]
    assert (day["seconds"], day["active_seconds"], day["idle_seconds"]) == (210, 37, 108)  # 1.8 min, not 44 s
    assert day["activity_pct"] == round(100 * 37 / 210, 1)
    r = api.get(f"{A}/usage?from=2026-03-02&to=2026-03-02", token=emp["token"])
    assert {i["name"]: i["active_seconds"] for i in r.json["items"]} == {"Code": 25, "": 12}


def test_productivity_score_is_none_with_only_neutral_time_and_ignores_neutral_otherwise(api):
    admin = signup(api, company="Scores")
    emp = invite_and_accept(api, admin, name="Nora Neutral")
    consent(api, admin, emp, activity=True)
    r = api.post(
        f"{A}/rules",
        json={"target": "app", "pattern": "Code", "category": "productive"},
        token=admin["token"],
    )
    assert r.status_code == 201, r.json
    r = api.post(
        f"{A}/rules", json={"target": "app", "pattern": "Games", "category": "unproductive"}, token=admin["token"]
    )
    assert r.status_code == 201, r.json
    day2 = 86400
    samples = [
        _sample(1, 0, 60, app="Notes", active_seconds=30),  # day 1: neutral only
        _sample(2, day2, 60, app="Notes", active_seconds=30),  # day 2: neutral, productive and unproductive
        _sample(3, day2 + 60, 60, app="Code", active_seconds=30),
        _sample(4, day2 + 120, 60, app="Code", active_seconds=30),
        _sample(5, day2 + 180, 60, app="Games", active_seconds=30),
    ]
    r = api.post(f"{A}/samples", json={"device_id": "laptop", "samples": samples}, token=emp["token"])
    assert r.json["accepted"] == 5, r.json
    r = api.get(f"{A}/productivity?from=2026-03-02&to=2026-03-03", token=emp["token"])
    scores = {i["day"]: (i["neutral_seconds"], i["score"]) for i in r.json["items"]}
    assert scores == {"2026-03-02": (60, None), "2026-03-03": (60, round(100 * 120 / 180, 1))}


def test_browser_samples_keep_the_domain_only_unless_the_company_allows_full_urls(api, owner_conn):
    admin = signup(api, company="Browsers")
    emp = invite_and_accept(api, admin, name="Bea Browser")
    consent(api, admin, emp, activity=True)
    page = {"app": "Chrome", "url": "https://www.example.org/private/path?q=1", "title": "Secret title"}

    def send(seq: int) -> None:
        batch = {"device_id": "browser-1", "samples": [_sample(seq, seq * 60, 60, source="browser", **page)]}
        r = api.post(f"{A}/samples", json=batch, token=emp["token"])
        assert r.status_code == 200 and r.json["accepted"] == 1, r.json

    assert api.get("/function/media/settings", token=admin["token"]).json["settings"]["browser_capture"] == "domain"
    send(1)
    r = api.patch("/function/media/settings", json={"browser_capture": "full"}, token=admin["token"])
    assert r.status_code == 200 and r.json["settings"]["browser_capture"] == "full", r.json
    send(2)
    r = api.post(
        f"{A}/samples", json={"device_id": "d", "samples": [_sample(3, 0, 60, source="phone")]}, token=emp["token"]
    )
    assert r.status_code == 400 and "samples.0.source" in r.json["error"]["fields"], r.json
    rows = owner_conn.execute(
        "SELECT seq, source, domain, url, title FROM activity_samples WHERE user_id = %s ORDER BY seq",
        (emp["user"]["id"],),
    ).fetchall()
    assert rows == [
        (1, "browser", "example.org", None, ""),
        (2, "browser", "example.org", page["url"], page["title"]),
    ]
    r = api.get(f"{A}/usage?by=domain&from=2026-03-02&to=2026-03-02", token=emp["token"])
    assert [(i["name"], i["seconds"]) for i in r.json["items"]] == [("example.org", 120)]

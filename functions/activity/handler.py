"""activity: sample ingest, ActivityWatch heartbeats, usage/productivity reports and productivity rules.

POST /samples (batch of <= 1,000, de-duplicated by device_id + seq), POST /heartbeat/<bucket>?pulsetime=N and the
aw-server paths /api/0/buckets[/<bucket>[/heartbeat|/events]]; GET /usage, /daily, /productivity (rollups, days
in each user's time zone, ?from&to&user_id|team), GET /timeline (activity % per interval from samples);
/rules CRUD (admins company-wide or per team, managers their own team) and POST /rules/recompute.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from flask import g, request
from pydantic import AwareDatetime, BaseModel, StringConstraints, ValidationError

from workmonitor import activity, audit, consent, productivity
from workmonitor import activity_reports as reports
from workmonitor.errors import Forbidden, NotFound, ValidationFailed
from workmonitor.jobs import registry
from workmonitor.schemas import Input
from workmonitor.web import (
    after_commit,
    body,
    caller,
    client_ip,
    create_function,
    db,
    page,
    paginated,
    query_date,
    query_int,
    query_uuid,
    raw_body,
    roles,
)

app = create_function("activity")
# A full batch of 1,000 samples with long titles and URLs is larger than the platform's default body limit.
app.config["MAX_CONTENT_LENGTH"] = 6 * 1024 * 1024
BucketName = Annotated[str, StringConstraints(min_length=1, max_length=200)]


def _audit(conn, action: str, target_id, **details) -> None:
    me = caller()
    audit.record(
        conn,
        action,
        company_id=me.company_id,
        actor_id=me.user_id,
        target_type="productivity_rule",
        target_id=target_id,
        ip=client_ip(),
        request_id=g.get("request_id"),
        details=details,
    )


def _range_and_scope() -> tuple[date, date, list[str] | None]:
    today = datetime.now(UTC).date()
    end = query_date("to", today)
    start = query_date("from", end - timedelta(days=6))
    reports.check_range(start, end)
    return start, end, reports.scope(db(), query_uuid("user_id"), query_uuid("team"))


# --- capture ---------------------------------------------------------------------------------------------------


@app.post("/samples")
def post_samples():
    me = caller()
    return activity.ingest(db(), me.company_id, me.user_id, raw_body(cache=False)), 200


@app.post("/heartbeat/<bucket_id>")
@app.post("/api/0/buckets/<bucket_id>/heartbeat")
def post_heartbeat(bucket_id: str):
    if not 1 <= len(bucket_id) <= 200:
        raise ValidationFailed("Bucket ids are 1 to 200 characters.", fields={"bucket_id": "1 to 200 characters"})
    try:
        pulsetime = float(request.args["pulsetime"])
        if not 0 <= pulsetime <= 86_400:
            raise ValueError(pulsetime)
    except (KeyError, ValueError) as exc:
        raise ValidationFailed(
            "pulsetime (seconds, 0 to 86400) is required.", fields={"pulsetime": "seconds between 0 and 86400"}
        ) from exc
    hb = activity.parse(activity.HeartbeatIn, raw_body())
    me = caller()
    event, merged = activity.heartbeat(db(), me.company_id, me.user_id, bucket_id, hb, pulsetime)
    return {**event, "duration": float(event["duration"]), "merged": merged}


class BucketIn(Input):
    client: Annotated[str, StringConstraints(max_length=200)] = ""
    type: Annotated[str, StringConstraints(max_length=100)] = "currentwindow"
    hostname: Annotated[str, StringConstraints(max_length=200)] = ""


@app.post("/api/0/buckets/<bucket_id>")
def create_bucket(bucket_id: str):
    data = body(BucketIn)
    me = caller()
    conn = db()
    consent.require(conn, me.user_id, "activity")
    _, created = activity.ensure_bucket(
        conn, me.company_id, me.user_id, bucket_id[:200], data.type, data.client, data.hostname
    )
    return ("", 200) if created else ("", 304)


@app.get("/api/0/buckets")
def list_own_buckets():
    rows = (
        db()
        .execute(
            "SELECT name AS id, type, client, hostname, created_at AS created FROM activity_buckets"
            " WHERE user_id = %s ORDER BY name",
            (caller().user_id,),
        )
        .fetchall()
    )
    return {r["id"]: r for r in rows}


@app.get("/api/0/buckets/<bucket_id>/events")
def list_events(bucket_id: str):
    limit = query_int("limit", 100, 1, 1000)
    user_id = query_uuid("user_id") or caller().user_id
    conn = db()
    bucket = conn.execute(
        "SELECT id FROM activity_buckets WHERE user_id = %s AND name = %s", (user_id, bucket_id)
    ).fetchone()
    if bucket is None:
        raise NotFound("No such bucket.")
    return conn.execute(
        "SELECT id, started_at AS timestamp, duration::float8 AS duration, data FROM activity_events"
        " WHERE bucket_id = %s ORDER BY started_at DESC, id DESC LIMIT %s",
        (bucket["id"], limit),
    ).fetchall()


# --- reports ---------------------------------------------------------------------------------------------------


@app.get("/usage")
def usage():
    by = request.args.get("by", "app")
    if by not in ("app", "domain"):
        raise ValidationFailed("by is app or domain.", fields={"by": "app or domain"})
    group = set(filter(None, request.args.get("group", "").split(",")))
    if not group <= {"user", "day"}:
        raise ValidationFailed("group is a comma list of user, day.", fields={"group": "user and/or day"})
    start, end, users = _range_and_scope()
    limit, offset = page()
    rows = reports.usage(db(), by, start, end, users, "user" in group, "day" in group, limit + 1, offset)
    return paginated(rows, limit, offset, by=by, **{"from": start.isoformat(), "to": end.isoformat()})


@app.get("/daily")
def daily():
    start, end, users = _range_and_scope()
    return {"items": reports.daily_totals(db(), start, end, users), "from": start.isoformat(), "to": end.isoformat()}


@app.get("/productivity")
def productivity_report():
    start, end, users = _range_and_scope()
    return {"items": reports.productivity(db(), start, end, users), "from": start.isoformat(), "to": end.isoformat()}


class TimelineArgs(BaseModel):
    start: AwareDatetime
    end: AwareDatetime


@app.get("/timeline")
def timeline():
    user_id = query_uuid("user_id") or caller().user_id
    reports.scope(db(), user_id, None)
    interval = query_int("interval", 600, 60, 86_400)
    window = _timeline_window(datetime.now(UTC))
    return {"items": reports.timeline(db(), user_id, window.start, window.end, interval), "interval": interval}


def _timeline_window(now: datetime) -> TimelineArgs:
    data = {
        "start": request.args.get("from") or (now - timedelta(days=1)).isoformat(),
        "end": request.args.get("to") or now.isoformat(),
    }
    try:
        return TimelineArgs.model_validate(data)
    except ValidationError as exc:
        raise ValidationFailed(
            "from and to are ISO date-times with a time zone.",
            fields={"from": "ISO 8601 with offset", "to": "ISO 8601 with offset"},
        ) from exc


# --- productivity rules ------------------------------------------------------------------------------------------


class RuleIn(Input):
    target: Annotated[str, StringConstraints(pattern="^(app|domain)$")]
    match_type: Annotated[str, StringConstraints(pattern="^(exact|glob|regex)$")] = "exact"
    pattern: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    category: Annotated[str, StringConstraints(pattern="^(productive|neutral|unproductive)$")]
    manager_id: uuid.UUID | None = None


class RulePatch(Input):
    match_type: Annotated[str, StringConstraints(pattern="^(exact|glob|regex)$")] | None = None
    pattern: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)] | None = None
    category: Annotated[str, StringConstraints(pattern="^(productive|neutral|unproductive)$")] | None = None


def _check_rule(match_type: str, pattern: str) -> None:
    problem = productivity.check_pattern(match_type, pattern)
    if problem:
        raise ValidationFailed("The pattern is not valid.", code="invalid_pattern", fields={"pattern": problem})


def _queue_recompute() -> None:
    company_id = caller().company_id
    after_commit(lambda: registry.RECOMPUTE_ACTIVITY.enqueue(company_id))


@app.get("/rules")
def list_rules():
    limit, offset = page()
    rows = (
        db()
        .execute(
            f"SELECT {productivity.RULE_COLUMNS} FROM productivity_rules WHERE company_id = %s"
            " ORDER BY target, manager_id NULLS FIRST, created_at, id LIMIT %s OFFSET %s",
            (caller().company_id, limit + 1, offset),
        )
        .fetchall()
    )
    return paginated(rows, limit, offset)


@app.post("/rules")
@roles("admin", "manager")
def create_rule():
    data = body(RuleIn)
    me = caller()
    manager_id = data.manager_id
    if me.role == "manager":
        if manager_id is not None and str(manager_id) != me.user_id:
            raise Forbidden("Managers set rules for their own team only.", code="role_required")
        manager_id = uuid.UUID(me.user_id)
    _check_rule(data.match_type, data.pattern)
    conn = db()
    row = conn.execute(
        "INSERT INTO productivity_rules (company_id, manager_id, target, match_type, pattern, category, created_by)"
        f" VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING {productivity.RULE_COLUMNS}",
        (me.company_id, manager_id, data.target, data.match_type, data.pattern, data.category, me.user_id),
    ).fetchone()
    _audit(conn, "productivity.rule_created", row["id"], pattern=data.pattern, category=data.category)
    _queue_recompute()
    return {"rule": row}, 201


def _rule(conn, rule_id: str) -> dict:
    try:
        row = conn.execute(
            f"SELECT {productivity.RULE_COLUMNS} FROM productivity_rules WHERE id = %s", (str(uuid.UUID(rule_id)),)
        ).fetchone()
    except ValueError:
        row = None
    if row is None:
        raise NotFound("No such rule.")
    me = caller()
    if me.role != "admin" and not (me.role == "manager" and str(row["manager_id"]) == me.user_id):
        raise Forbidden("You may not change this rule.", code="role_required")
    return row


@app.patch("/rules/<rule_id>")
@roles("admin", "manager")
def update_rule(rule_id: str):
    data = body(RulePatch)
    conn = db()
    rule = _rule(conn, rule_id)
    changes = data.model_dump(exclude_none=True)
    if not changes:
        raise ValidationFailed("Nothing to change.", fields={"_": "give match_type, pattern or category"})
    _check_rule(changes.get("match_type", rule["match_type"]), changes.get("pattern", rule["pattern"]))
    sets = ", ".join(f"{col} = %({col})s" for col in changes)
    row = conn.execute(
        f"UPDATE productivity_rules SET {sets}, updated_at = now() WHERE id = %(id)s"
        f" RETURNING {productivity.RULE_COLUMNS}",
        {**changes, "id": rule["id"]},
    ).fetchone()
    _audit(conn, "productivity.rule_updated", rule["id"], **changes)
    _queue_recompute()
    return {"rule": row}


@app.delete("/rules/<rule_id>")
@roles("admin", "manager")
def delete_rule(rule_id: str):
    conn = db()
    rule = _rule(conn, rule_id)
    conn.execute("DELETE FROM productivity_rules WHERE id = %s", (rule["id"],))
    _audit(conn, "productivity.rule_deleted", rule["id"], pattern=rule["pattern"])
    _queue_recompute()
    return "", 204


@app.post("/rules/recompute")
@roles("admin")
def recompute():
    _queue_recompute()
    return {"status": "queued"}, 202

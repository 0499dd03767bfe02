"""AI insights: an optional model writes a short narrative and recommendations on top of the SQL insight numbers
(workmonitor.integrations.insights computes the numbers; the model only words them).

The model is any OpenAI-compatible chat-completions endpoint, configured per installation: AI_BASE_URL and
AI_MODEL (environment) and the secret ai-api-key. Without AI_BASE_URL and AI_MODEL it is off for everyone. Per
company it is off until an admin turns it on (ai_settings); what is sent is the insight numbers only, plus the
person's most used window titles and URLs when the admin allowed that. Every request is logged (ai_requests).
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date

from ..config import secret
from ..db import Claims, Conn, Row, transaction
from ..errors import ApiError

TIMEOUT_SECONDS = 20
TOP_TITLES = 10

SYSTEM_PROMPT = (
    "You are a workplace wellbeing assistant. From the work-pattern numbers given (computed from tracked time), "
    "write a short, kind narrative (at most 120 words) of how the period went, then up to three concrete "
    "recommendations as a list. Use only the numbers given; do not invent facts."
)


class ModelUnavailable(ApiError):
    status, code = 503, "ai_unavailable"


class ModelFailed(ApiError):
    status, code = 502, "ai_failed"


@dataclass(frozen=True)
class ModelConfig:
    base_url: str
    model: str
    api_key: str | None


def model_config() -> ModelConfig | None:
    """Return the installation's model endpoint, or None when no model is configured."""
    base_url = os.environ.get("AI_BASE_URL", "").strip().rstrip("/")
    model = os.environ.get("AI_MODEL", "").strip()
    if not base_url or not model:
        return None
    return ModelConfig(base_url, model, secret("ai-api-key"))


def settings(conn: Conn) -> Row:
    """Return the caller's company's AI settings (defaults when never set: off, aggregates only)."""
    row = conn.execute(
        "SELECT enabled, allow_titles, updated_at FROM ai_settings WHERE company_id = app.company_id()"
    ).fetchone()
    return row or {"enabled": False, "allow_titles": False, "updated_at": None}


def save_settings(conn: Conn, user_id: str, enabled: bool, allow_titles: bool) -> Row:
    """Store the caller's company's AI settings (admins only, by RLS) and return them."""
    row = conn.execute(
        "INSERT INTO ai_settings (company_id, enabled, allow_titles, updated_by) VALUES (app.company_id(), %s, %s, %s)"
        " ON CONFLICT (company_id) DO UPDATE SET enabled = EXCLUDED.enabled, allow_titles = EXCLUDED.allow_titles,"
        " updated_by = EXCLUDED.updated_by, updated_at = now() RETURNING enabled, allow_titles, updated_at",
        (enabled, allow_titles, user_id),
    ).fetchone()
    assert row is not None
    return row


def top_titles(conn: Conn, user_id: str, first: date, last: date) -> list[Row]:
    """Return the person's most used window titles and URLs over the days (by active seconds)."""
    return conn.execute(
        "SELECT title, url, sum(active_seconds)::int AS seconds FROM activity_samples"
        " WHERE company_id = app.company_id() AND user_id = %s AND started_at >= %s::date"
        " AND started_at < %s::date + 1 AND app.can_see_user(user_id) AND (title <> '' OR url IS NOT NULL)"
        " GROUP BY title, url ORDER BY 3 DESC LIMIT %s",
        (user_id, first, last, TOP_TITLES),
    ).fetchall()


NUMBER_KEYS = (
    "tracked_seconds", "days_worked", "weeks", "rising_hours", "focus_blocks", "focus_seconds", "meeting_seconds",
    "long_days", "weekend_days", "late_seconds", "missed_breaks",
)  # fmt: skip


def prompt(numbers: dict, titles: list[Row] | None) -> list[dict]:
    """Return the chat messages: the numbers (and, when allowed, the top titles/URLs) as JSON."""
    data: dict = {
        "period": {"from": str(numbers["first_day"]), "to": str(numbers["last_day"])},
        "numbers": {k: numbers[k] for k in NUMBER_KEYS if k in numbers},
        "definitions": numbers.get("definitions", {}),
    }
    if titles is not None:
        data["top_window_titles_and_urls"] = [
            {"title": t["title"], "url": t["url"], "seconds": t["seconds"]} for t in titles
        ]
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": json.dumps(data, default=str)},
    ]


def complete(cfg: ModelConfig, messages: list[dict]) -> tuple[str, dict]:
    """POST the chat completion; return (text, usage). Raise ModelFailed/ModelUnavailable on any failure."""
    headers = {"Content-Type": "application/json"}
    if cfg.api_key:
        headers["Authorization"] = f"Bearer {cfg.api_key}"
    req = urllib.request.Request(
        f"{cfg.base_url}/chat/completions",
        data=json.dumps({"model": cfg.model, "messages": messages}).encode(),
        headers={
            "Content-Type": "application/json",
            **({"Authorization": f"Bearer {cfg.api_key}"} if cfg.api_key else {}),
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_SECONDS) as resp:  # noqa: S310 (configured http(s) URL)
            body = json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        raise ModelFailed(f"The model answered HTTP {exc.code}.") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise ModelUnavailable("The model could not be reached; try again later.") from exc
    except ValueError as exc:
        raise ModelFailed("The model's answer was not JSON.") from exc
    try:
        text = body["choices"][0]["message"]["content"]
        if not isinstance(text, str) or not text.strip():
            raise TypeError
    except (KeyError, IndexError, TypeError) as exc:
        raise ModelFailed("The model's answer had no text.") from exc
    usage = body.get("usage") if isinstance(body.get("usage"), dict) else {}
    return text.strip(), usage


def log_request(
    conn: Conn, requested_by: str, subject: str, data_kind: str, model: str, status: str, usage: dict
) -> None:
    """Record one model request (who, for whom, what kind of data, token counts)."""
    tokens = [usage.get(k) if isinstance(usage.get(k), int) else None for k in ("prompt_tokens", "completion_tokens")]
    conn.execute(
        "INSERT INTO ai_requests (company_id, requested_by, subject_user_id, data_kind, model, status, prompt_tokens,"
        " completion_tokens) VALUES (app.company_id(), %s, %s, %s, %s, %s, %s, %s)",
        (requested_by, subject, data_kind, model, status, *tokens),
    )


def narrative(conn: Conn, claims: Claims, requested_by: str, numbers: dict) -> dict:
    """Return {narrative, model, data_kind} for the person's `numbers`; raise when off or when the model fails
    (a failure is logged in its own transaction, since the request's rolls back)."""
    cfg = model_config()
    if cfg is None:
        # a state of the installation, like billing or calendars being off: 409, not a dependency being down
        raise ApiError("No AI model is configured for this installation.", code="ai_not_configured", status=409)
    st = settings(conn)
    if not st["enabled"]:
        raise ApiError("AI summaries are off for this company; an admin can turn them on.", code="ai_off", status=409)
    subject = str(numbers["user_id"])
    titles = top_titles(conn, subject, numbers["first_day"], numbers["last_day"]) if st["allow_titles"] else None
    kind = "aggregates_and_titles" if titles is not None else "aggregates"
    try:
        text, usage = complete(cfg, prompt(numbers, titles))
    except ApiError:
        with transaction(claims) as own:
            log_request(own, requested_by, subject, kind, cfg.model, "failed", {})
        raise
    log_request(conn, requested_by, subject, kind, cfg.model, "ok", usage)
    return {"narrative": text, "model": cfg.model, "data_kind": kind}


def requests_log(conn: Conn, limit: int, offset: int) -> list[Row]:
    """Return the company's model requests, newest first (admins only, by RLS)."""
    return conn.execute(
        "SELECT r.id, r.requested_by, r.subject_user_id, r.data_kind, r.model, r.status, r.prompt_tokens,"
        " r.completion_tokens, r.created_at FROM ai_requests r WHERE r.company_id = app.company_id()"
        " ORDER BY r.created_at DESC, r.id LIMIT %s OFFSET %s",
        (limit, offset),
    ).fetchall()

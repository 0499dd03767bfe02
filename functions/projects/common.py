"""What the projects routes share: who plans, and what employees may not see."""

from __future__ import annotations

from flask import request

from workmonitor.errors import ValidationFailed
from workmonitor.web import caller

PLANNERS = ("admin", "manager")


def is_planner() -> bool:
    """Return True when the caller plans projects (admin or manager)."""
    return caller().role in PLANNERS


def flag(name: str, default: bool | None = None) -> bool | None:
    """Return query flag `name` (true/false; all or empty: None, absent: `default`); raise 400 otherwise."""
    if name not in request.args:
        return default
    raw = request.args.get(name, "")
    if raw in ("", "all"):
        return None
    if raw not in ("true", "false"):
        raise ValidationFailed(f"{name} must be true, false or all.", fields={name: "true, false or all"})
    return raw == "true"

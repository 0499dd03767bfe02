"""The report builder (no Flask): records from one source, filtered, grouped, totalled, with chart data.

What must stay true:
- Reads run with the viewer's claims, so RLS decides whose data is in a report (a manager: their people).
- Every record lands in exactly one group per grouping level, so the groups' totals add up to the report's totals
  (tests/test_reports.py checks this on random data for every grouping).
- Calendar groupings (day, week, month) are local dates of the report's time zone, taken at each record's start;
  weeks start on the company's week start day. Expenses and payroll are dated by a day, not an instant: the
  expense's day, the pay period's last day.
- Money (expenses, payroll; see workmonitor.reports.finance) is never added across currencies: every total and
  group carries `money`, one entry per currency with its own count and sums in integer minor units. A report over
  EUR and USD expenses is answered, with a EUR and a USD line, never refused and never converted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ..db import Conn, Row
from ..finance import money
from ..time import timecalc
from . import finance

SOURCES = ("time", "attendance", "activity", "expenses", "payroll")
CALENDAR = ("day", "week", "month")
GROUPINGS = {
    "time": ("person", "project", "client", "task", *CALENDAR),
    "attendance": ("person", *CALENDAR),
    "activity": ("person", *CALENDAR),
    "expenses": ("person", "project", "client", "category", *CALENDAR),
    "payroll": ("person", "period", *CALENDAR),
}
MEASURES = {  # plain sums (seconds), over every record whatever its currency
    "time": ("seconds", "billable_seconds"),
    "attendance": ("seconds",),
    "activity": ("seconds", "productive_seconds", "unproductive_seconds"),
    "expenses": (),
    "payroll": ("seconds",),
}
MONEY = {"expenses": finance.EXPENSE_MONEY, "payroll": finance.PAYROLL_MONEY}  # per currency, minor units
# What orders non-calendar groups (biggest first) and what the chart shows.
SIZE = {"expenses": "amount_minor", "payroll": "total_minor"}
CHARTED = {"expenses": ("amount_minor",), "payroll": ("gross_minor", "total_minor")}
DATED = ("activity", "expenses", "payroll")  # records dated by a local day (the row's `day`)
ORDERED = (*CALENDAR, "period")  # groupings listed in key (date) order


@dataclass(frozen=True)
class Spec:
    """What a report covers: a source, local days first..last, filters, and up to two grouping levels."""

    first: date
    last: date
    source: str = "time"
    group_by: tuple[str, ...] = ("project",)
    user_ids: tuple[str, ...] = ()
    team_of: str | None = None
    project_ids: tuple[str, ...] = ()
    client_ids: tuple[str, ...] = ()
    task_ids: tuple[str, ...] = ()
    billable: bool | None = None
    statuses: tuple[str, ...] = ("approved",)  # expenses in these states count
    only_user: str | None = None  # payroll for a non-admin: their own, whatever RLS would allow
    timezone: str = "UTC"
    week_start: int = 1  # ISO weekday

    def bounds(self) -> tuple[datetime, datetime]:
        """Return the UTC instants covering local days first..last."""
        return timecalc.local_range(self.first, self.last, self.timezone)


@dataclass
class Record:
    """One row of a source with its dimensions and measures."""

    started_at: datetime
    dims: dict[str, tuple[str | None, str | None]]  # grouping -> (key, label)
    measures: dict[str, int]
    detail: Row = field(default_factory=dict)
    currency: str | None = None  # of the money sums (expenses, payroll)
    money: dict[str, int] = field(default_factory=dict)


# --- reading ----------------------------------------------------------------------------------------------------

_TIME_SQL = """
SELECT e.id, e.user_id, u.name AS user_name, e.project_id, p.name AS project_name, p.client_id, c.name AS client_name,
       e.task_id, t.name AS task_name, e.description, e.started_at, e.ended_at, e.billable,
       greatest(0, extract(epoch FROM e.ended_at - e.started_at))::bigint AS seconds
FROM time_entries e JOIN users u ON u.id = e.user_id
LEFT JOIN projects p ON p.id = e.project_id LEFT JOIN clients c ON c.id = p.client_id
LEFT JOIN tasks t ON t.id = e.task_id
WHERE e.ended_at IS NOT NULL AND e.started_at >= %(s)s AND e.started_at < %(e)s {cond}
ORDER BY e.started_at, e.id
"""
_ATTENDANCE_SQL = """
SELECT a.id, a.user_id, u.name AS user_name, a.clock_in_at AS started_at, a.clock_out_at AS ended_at,
       greatest(0, extract(epoch FROM a.clock_out_at - a.clock_in_at))::bigint AS seconds
FROM attendance_records a JOIN users u ON u.id = a.user_id
WHERE a.clock_out_at IS NOT NULL AND a.clock_in_at >= %(s)s AND a.clock_in_at < %(e)s {cond}
ORDER BY a.clock_in_at, a.id
"""
_ACTIVITY_SQL = """
SELECT d.user_id, u.name AS user_name, d.day, round(d.active_seconds)::bigint AS seconds,
       round(d.productive_seconds)::bigint AS productive_seconds,
       round(d.unproductive_seconds)::bigint AS unproductive_seconds
FROM productivity_daily d JOIN users u ON u.id = d.user_id
WHERE d.day BETWEEN %(d1)s AND %(d2)s {cond}
ORDER BY d.day, d.user_id
"""


_ID_FILTERS = {  # which sources filter by projects, clients and tasks, and through which columns
    "time": (("project_ids", "e.project_id"), ("client_ids", "p.client_id"), ("task_ids", "e.task_id")),
    "expenses": (("project_ids", "x.project_id"), ("client_ids", "p.client_id")),
}
_BILLABLE = {"time": "e.billable", "expenses": "x.billable"}


def _conditions(spec: Spec, alias: str) -> tuple[str, dict]:
    """Return the filters given as SQL (only those set: no catch-all parameters) and their parameters."""
    parts: list[str] = []
    params: dict = {}
    if spec.user_ids:
        parts.append(f"{alias}.user_id = ANY(%(users)s::uuid[])")
        params["users"] = list(spec.user_ids)
    if spec.team_of:
        parts.append(
            f"{alias}.user_id IN (SELECT employee_id FROM manager_assignments WHERE manager_id = %(team)s::uuid)"
        )
        params["team"] = spec.team_of
    if spec.only_user:
        parts.append(f"{alias}.user_id = %(only_user)s::uuid")
        params["only_user"] = spec.only_user
    for name, column in _ID_FILTERS.get(spec.source, ()):
        values = getattr(spec, name)
        if values:
            parts.append(f"{column} = ANY(%({name})s::uuid[])")
            params[name] = list(values)
    if spec.source in _BILLABLE and spec.billable is not None:
        parts.append(f"{_BILLABLE[spec.source]} = %(billable)s")
        params["billable"] = spec.billable
    if spec.source == "expenses":
        parts.append("x.status = ANY(%(statuses)s::text[])")
        params["statuses"] = list(spec.statuses)
    return "".join(f" AND {p}" for p in parts), params


def _query(spec: Spec) -> tuple[str, dict]:
    start, end = spec.bounds()
    if spec.source == "time":
        cond, params = _conditions(spec, "e")
        sql, params = _TIME_SQL.format(cond=cond), {**params, "s": start, "e": end}
    elif spec.source == "attendance":
        cond, params = _conditions(spec, "a")
        sql, params = _ATTENDANCE_SQL.format(cond=cond), {**params, "s": start, "e": end}
    else:
        alias, template = {"activity": ("d", _ACTIVITY_SQL), "expenses": ("x", finance.EXPENSES_SQL)}.get(
            spec.source, ("l", finance.PAYROLL_SQL)
        )
        cond, params = _conditions(spec, alias)
        sql, params = template.format(cond=cond), {**params, "d1": spec.first, "d2": spec.last}
    return sql, params


def records(conn: Conn, spec: Spec) -> Iterator[Record]:
    """Yield the source's records matching `spec` (as the connection's claims may see them), oldest first."""
    sql, params = _query(spec)
    with conn.cursor() as cur:
        cur.execute(sql, params, prepare=False)
        for row in cur:
            yield to_record(row, spec)


def count(conn: Conn, spec: Spec) -> int:
    """Return how many records `records` would yield."""
    sql, params = _query(spec)
    row = conn.execute(f"SELECT count(*) AS n FROM ({sql}) AS x", params, prepare=False).fetchone()
    return int(row["n"]) if row else 0


def to_record(row: Row, spec: Spec) -> Record:
    """Return the record of one source row (time entry, attendance record, activity day, expense, payslip)."""
    if spec.source in DATED:
        started = timecalc.local_midnight(row["day"], spec.timezone)
        local = row["day"]
    else:
        started = row["started_at"]
        local = timecalc.local_date(started, spec.timezone)
    dims = {"person": (_s(row["user_id"]), row["user_name"])} | _calendar(local, spec.week_start)
    if spec.source in MONEY:
        dims |= finance.dims(row, spec.source)
        return Record(
            started_at=started,
            dims=dims,
            measures={m: int(row[m]) for m in MEASURES[spec.source]},
            detail=row,
            currency=row["currency"].strip(),
            money={m: int(row[m]) for m in MONEY[spec.source] if m in row},  # a client's share has fewer
        )
    if spec.source == "time":
        dims |= {
            "project": (_s(row.get("project_id")), row.get("project_name")),
            "client": (_s(row.get("client_id")), row.get("client_name")),
            "task": (_s(row.get("task_id")), row.get("task_name")),
        }
    seconds = int(row["seconds"])
    measures = {"seconds": seconds}
    if spec.source == "time":
        measures["billable_seconds"] = seconds if row["billable"] else 0
    if spec.source == "activity":
        measures |= {k: int(row[k]) for k in ("productive_seconds", "unproductive_seconds")}
    return Record(started_at=started, dims=dims, measures=measures, detail=row)


def _s(value: object) -> str | None:
    return None if value is None else str(value)


def _calendar(day: date, week_start: int) -> dict[str, tuple[str | None, str | None]]:
    monday_offset = (day.isoweekday() - week_start) % 7
    week = day - timedelta(days=monday_offset)
    month = day.replace(day=1)
    return {
        "day": (day.isoformat(), day.isoformat()),
        "week": (week.isoformat(), f"Week of {week.isoformat()}"),
        "month": (month.isoformat()[:7], month.strftime("%B %Y")),
    }


# --- grouping ---------------------------------------------------------------------------------------------------


def _blank(source: str) -> dict:
    acc: dict = {"count": 0} | {m: 0 for m in MEASURES[source]}
    if source in MONEY:
        acc["money"] = {}
    return acc


def _add(acc: dict, rec: Record) -> None:
    acc["count"] += 1
    for k, v in rec.measures.items():
        acc[k] += v
    if rec.currency is not None:
        per = acc["money"].setdefault(
            rec.currency, {"currency": rec.currency, "count": 0} | dict.fromkeys(rec.money, 0)
        )
        per["count"] += 1
        for k, v in rec.money.items():
            per[k] += v


def _out(acc: dict) -> dict:
    """Return an accumulator as sent: the per-currency sums as a list by currency code."""
    if "money" not in acc:
        return acc
    return acc | {"money": [acc["money"][c] for c in sorted(acc["money"])]}


def main_currency(totals: dict) -> str | None:
    """Return the currency most records are in (the first code on a tie), or None without money."""
    per = totals.get("money") or {}
    items = per.values() if isinstance(per, dict) else per
    best = sorted(items, key=lambda m: (-m["count"], m["currency"]))
    return best[0]["currency"] if best else None


def group(recs: Iterable[Record], spec: Spec) -> dict:
    """Return {groups, totals, chart} of `recs`: groups by the first grouping (subgroups by the second), each with
    count and measure sums; calendar groups in date order, others biggest first."""
    totals = _blank(spec.source)
    top: dict = {}
    first, second = spec.group_by[0], (spec.group_by[1] if len(spec.group_by) > 1 else None)
    for rec in recs:
        _add(totals, rec)
        key, label = rec.dims[first]
        node = top.setdefault(key, {"key": key, "label": label, "totals": _blank(spec.source), "sub": {}})
        _add(node["totals"], rec)
        if second:
            skey, slabel = rec.dims[second]
            sub = node["sub"].setdefault(skey, {"key": skey, "label": slabel, "totals": _blank(spec.source)})
            _add(sub["totals"], rec)
    size = _sizer(spec.source, main_currency(totals))
    groups = [_finish(node, first, second, size) for node in _ordered(top.values(), first, size)]
    return {"group_by": list(spec.group_by), "groups": groups, "totals": _out(totals), "chart": chart(groups, spec)}


def _sizer(source: str, currency: str | None):
    """Return the size of a group's totals: its seconds, or for money its sum in the report's main currency."""
    if source not in MONEY:
        return lambda t: t["seconds"]
    measure = SIZE[source]
    return lambda t: t["money"][currency][measure] if currency in t["money"] else 0


def _ordered(nodes: Iterable[dict], grouping: str, size) -> list[dict]:
    if grouping in ORDERED:
        return sorted(nodes, key=lambda n: n["key"] or "")
    return sorted(nodes, key=lambda n: (-size(n["totals"]), str(n["label"] or "")))


def _finish(node: dict, first: str, second: str | None, size) -> dict:
    subs = [{**s, "subgroups": []} for s in _ordered(node["sub"].values(), second, size)] if second else []
    return {
        "key": node["key"],
        "label": node["label"] or _none_label(first),
        "totals": _out(node["totals"]),
        "subgroups": [
            {**s, "label": s["label"] or _none_label(second or ""), "totals": _out(s["totals"])} for s in subs
        ],
    }


def _none_label(grouping: str) -> str:
    return {"project": "No project", "client": "No client", "task": "No task"}.get(grouping, "—")


def chart(groups: list[dict], spec: Spec) -> dict:
    """Return bar-chart data: one label per group, one series per measure, values in hours (2 decimals); for money,
    one series per charted measure and currency, in major units (display only: totals stay integer minor units)."""
    labels = [g["label"] for g in groups]
    kind = "line" if spec.group_by[0] in ("day",) else "bar"
    if spec.source not in MONEY:
        series = [
            {"name": m, "unit": "hours", "values": [round(g["totals"][m] / 3600, 2) for g in groups]}
            for m in MEASURES[spec.source]
        ]
        return {"kind": kind, "labels": labels, "series": series}
    currencies = sorted({m["currency"] for g in groups for m in g["totals"]["money"]})
    series = []
    for measure in CHARTED[spec.source]:
        for cur in currencies:
            values = []
            for g in groups:
                per = {m["currency"]: m for m in g["totals"]["money"]}
                values.append(float(money.to_major(per[cur][measure], cur)) if cur in per else 0.0)
            series.append({"name": measure, "unit": cur, "values": values})
    return {"kind": kind, "labels": labels, "series": series}


def run(conn: Conn, spec: Spec) -> dict:
    """Return the report of `spec` over what `conn`'s claims may see."""
    out = group(records(conn, spec), spec)
    return out | {"source": spec.source, "from": spec.first, "to": spec.last, "timezone": spec.timezone}


def zone_ok(tz: str) -> bool:
    """Return True when `tz` is a known IANA zone."""
    try:
        ZoneInfo(tz)
    except Exception:  # ZoneInfoNotFoundError, ValueError for odd text
        return False
    return True

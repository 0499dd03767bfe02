"""Payroll (no Flask): wage rates, runs draft -> computed -> reviewed -> finalized, payslips, CSV export.

Only APPROVED time counts (entries inside an approved timesheet, up to its lock), plus approved paid leave and
approved reimbursable expenses in the run's currency. Finalizing marks every source it paid (payroll_sources),
which the database then refuses to change (423 period_paid); payslip PDFs render in an RQ job.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from psycopg.rows import tuple_row

from ..db import Conn, Row
from ..errors import Conflict, NotFound, Unprocessable, id_or_404
from ..jobs import registry
from ..time.timecalc import local_range, week_start_of
from . import money, paycalc
from . import settings as fsettings

RUN_COLUMNS = (
    "id, period_start, period_end, frequency, timezone, currency, status, total_minor, created_by, computed_at,"
    " reviewed_by, reviewed_at, finalized_by, finalized_at, created_at"
)
LINE_COLUMNS = (
    "id, run_id, user_id, position, kind, description, seconds, rate, multiplier, amount_minor, currency, manual"
)
# Late approvals older than this are not swept into a run (a quarter and a bit).
LOOKBACK_DAYS = 100


# --- wage rates ---------------------------------------------------------------------------------------------


def rates(conn: Conn, user_id: str | None) -> list[Row]:
    """Return the visible wage rates (of `user_id` when given), newest first."""
    sql = "SELECT id, user_id, kind, amount, currency, effective_from, created_at FROM wage_rates"
    params: tuple = ()
    if user_id:
        sql += " WHERE user_id = %s"
        params = (user_id,)
    return conn.execute(sql + " ORDER BY user_id, effective_from DESC", params).fetchall()


def add_rate(conn: Conn, me, user_id: str, kind: str, amount: Decimal, effective_from: date) -> Row:
    """Add an effective-dated rate in the company's payroll currency; raise 409 when a finalized run already
    paid that day (a new rate never rewrites past pay)."""
    cfg = fsettings.get(conn)
    paid = conn.execute(
        "SELECT 1 FROM payroll_runs WHERE status = 'finalized' AND period_end >= %s LIMIT 1", (effective_from,)
    ).fetchone()
    if paid:
        raise Conflict(
            "A finalized payroll run already covers that date; the rate must start after it.", code="period_paid"
        )
    row = conn.execute(
        "INSERT INTO wage_rates (company_id, user_id, kind, amount, currency, effective_from, created_by)"
        " VALUES (app.company_id(), %s, %s, %s, %s, %s, %s)"
        " ON CONFLICT (user_id, effective_from) DO UPDATE SET kind = EXCLUDED.kind, amount = EXCLUDED.amount"
        " RETURNING id, user_id, kind, amount, currency, effective_from, created_at",
        (user_id, kind, amount, cfg["currency"], effective_from, me.user_id),
    ).fetchone()
    assert row is not None
    return row


# --- runs -----------------------------------------------------------------------------------------------------


def run(conn: Conn, run_id) -> Row:
    """Return the visible run `run_id`; raise NotFound."""
    run_id = id_or_404(run_id, "payroll run", code="run_not_found")
    row = conn.execute(f"SELECT {RUN_COLUMNS} FROM payroll_runs WHERE id = %s", (run_id,)).fetchone()
    if row is None:
        raise NotFound("No such payroll run.", code="run_not_found")
    return row


def list_runs(conn: Conn, limit: int, offset: int) -> list[Row]:
    """Return the visible runs, newest period first (limit + 1 rows)."""
    return conn.execute(
        f"SELECT {RUN_COLUMNS} FROM payroll_runs ORDER BY period_start DESC LIMIT %s OFFSET %s", (limit + 1, offset)
    ).fetchall()


def create_run(conn: Conn, me, day: date) -> Row:
    """Create the draft run of the pay period containing `day`; raise 409 when that period has a run."""
    cfg = fsettings.get(conn)
    first, last = paycalc.period_of(day, cfg["pay_frequency"], cfg["week_start"], cfg["period_anchor"])
    row = conn.execute(
        "INSERT INTO payroll_runs (company_id, period_start, period_end, frequency, timezone, currency, created_by)"
        " VALUES (app.company_id(), %s, %s, %s, %s, %s, %s)"
        f" ON CONFLICT (company_id, period_start) DO NOTHING RETURNING {RUN_COLUMNS}",
        (first, last, cfg["pay_frequency"], cfg["timezone"], cfg["currency"], me.user_id),
    ).fetchone()
    if row is None:
        raise Conflict(f"The period {first}..{last} has a payroll run already.", code="run_exists")
    return row


def _employees(conn: Conn, r: Row, rules: paycalc.Rules) -> dict[str, paycalc.Employee]:
    """Load every input of the run: rates, approved entries, leave and expenses, per employee with a rate."""
    emps: dict[str, paycalc.Employee] = {}
    for rate in conn.execute("SELECT user_id, kind, amount, effective_from FROM wage_rates ORDER BY effective_from"):
        uid = str(rate["user_id"])
        emp = emps.setdefault(uid, paycalc.Employee(uid, []))
        emp.rates.append(paycalc.Rate(rate["effective_from"], rate["kind"], rate["amount"]))
    lookback = min(
        r["period_start"] - timedelta(days=LOOKBACK_DAYS), week_start_of(r["period_start"], rules.week_start)
    )
    since, until = local_range(lookback, r["period_end"], rules.timezone)
    cur = conn.cursor(row_factory=tuple_row)  # tuples: 100,000 rows are built faster
    cur.execute(
        "SELECT e.id::text, e.user_id::text, e.started_at, e.ended_at, (s.ref_id IS NOT NULL) AS used"
        " FROM time_entries e"
        " JOIN timesheets t ON t.user_id = e.user_id AND t.status = 'approved'"
        "  AND e.started_at >= t.starts_at AND e.started_at < t.locked_until"
        " LEFT JOIN payroll_sources s ON s.kind = 'entry' AND s.ref_id = e.id AND s.finalized"
        " WHERE e.company_id = app.company_id() AND e.ended_at IS NOT NULL"
        "  AND e.started_at >= %s AND e.started_at < %s",
        (since, until),
        binary=True,
    )
    for eid, uid, start, end, used in cur:
        if uid in emps:
            emps[uid].entries.append((eid, start, end, used))
    for lv in conn.execute(
        "SELECT l.id::text, l.user_id::text, l.start_date, l.end_date, l.start_half, l.end_half FROM leave_requests l"
        " JOIN leave_types t ON t.id = l.leave_type_id AND t.paid"
        " WHERE l.status = 'approved' AND l.start_date <= %s AND l.end_date >= %s"
        "  AND NOT app.paid_by_payroll('leave', l.id)",
        (r["period_end"], r["period_start"]),
    ):
        if lv["user_id"] in emps:
            emps[lv["user_id"]].leave.append(
                (lv["id"], lv["start_date"], lv["end_date"], lv["start_half"], lv["end_half"])
            )
    for ex in conn.execute(
        "SELECT x.id::text, x.user_id::text, x.amount_minor, x.spent_on, c.name AS category, x.note FROM expenses x"
        " JOIN expense_categories c ON c.id = x.category_id"
        " WHERE x.status = 'approved' AND x.reimbursable AND x.currency = %s AND x.spent_on <= %s"
        "  AND NOT app.paid_by_payroll('expense', x.id) ORDER BY x.spent_on, x.id",
        (r["currency"], r["period_end"]),
    ):
        if ex["user_id"] in emps:
            desc = f"Expense {ex['spent_on']}: {ex['category']}" + (f" - {ex['note']}" if ex["note"] else "")
            emps[ex["user_id"]].expenses.append((ex["id"], ex["amount_minor"], desc))
    return emps


def compute(conn: Conn, me, run_id) -> Row:
    """(Re)compute a draft, computed or reviewed run from approved sources; keep manual lines; return the run."""
    r = run(conn, run_id)
    if r["status"] == "finalized":
        raise Conflict("A finalized run cannot be recomputed.", code="invalid_state")
    conn.execute("SELECT 1 FROM payroll_runs WHERE id = %s FOR UPDATE", (r["id"],))
    cfg = fsettings.get(conn)
    if cfg["currency"] != r["currency"].strip():
        raise Unprocessable("The payroll currency changed since this run was created.", code="currency_changed")
    rules = fsettings.rules(conn, cfg)
    conn.execute("DELETE FROM payroll_lines WHERE run_id = %s AND NOT manual", (r["id"],))
    conn.execute("DELETE FROM payroll_sources WHERE run_id = %s", (r["id"],))
    lines: list[tuple] = []
    sources: list[tuple] = []
    for uid, emp in _employees(conn, r, rules).items():
        result = paycalc.compute(emp, rules, r["period_start"], r["period_end"])
        for pos, line in enumerate(result.lines):
            lines.append(
                (
                    r["id"],
                    uid,
                    pos,
                    line.kind,
                    line.description,
                    line.seconds,
                    line.rate,
                    line.multiplier,
                    line.amount_minor,
                    rules.currency,
                )
            )
        sources += [(r["id"], kind, ref) for kind, ref in result.sources]
    # One statement per table from arrays (COPY is refused under RLS; this is as fast for 10,000s of rows).
    cols: list[list] = [list(c) for c in zip(*lines, strict=True)] if lines else [[] for _ in range(10)]
    conn.execute(
        "INSERT INTO payroll_lines (company_id, run_id, user_id, position, kind, description, seconds, rate,"
        " multiplier, amount_minor, currency) SELECT app.company_id(), * FROM unnest(%s::uuid[], %s::uuid[],"
        " %s::int[], %s::text[], %s::text[], %s::bigint[], %s::numeric[], %s::numeric[], %s::bigint[], %s::text[])",
        cols,
    )
    if sources:
        conn.execute(
            "INSERT INTO payroll_sources (company_id, run_id, kind, ref_id)"
            " SELECT app.company_id(), * FROM unnest(%s::uuid[], %s::text[], %s::uuid[])",
            [list(c) for c in zip(*sources, strict=False)],
        )
    return _set_total(conn, r["id"], "computed", "computed_at = now()")


def _set_total(conn: Conn, run_id, status: str, extra: str = "") -> Row:
    row = conn.execute(
        f"UPDATE payroll_runs SET status = %s, {extra + ', ' if extra else ''}"
        " total_minor = (SELECT coalesce(sum(amount_minor), 0) FROM payroll_lines WHERE run_id = %s)"
        f" WHERE id = %s RETURNING {RUN_COLUMNS}",
        (status, run_id, run_id),
    ).fetchone()
    assert row is not None
    return row


def add_adjustment(conn: Conn, me, run_id, user_id: str, amount_minor: int, description: str) -> Row:
    """Add a manual adjustment line (a correction of earlier pay) to an unfinalized run; return the run."""
    r = run(conn, run_id)
    if r["status"] == "finalized":
        raise Conflict("A finalized run cannot change; add the adjustment to the next run.", code="invalid_state")
    conn.execute(
        "INSERT INTO payroll_lines (company_id, run_id, user_id, position, kind, description, amount_minor, currency,"
        " manual) VALUES (app.company_id(), %s, %s, 1000, 'adjustment', %s, %s, %s, true)",
        (r["id"], user_id, description, amount_minor, r["currency"]),
    )
    return _set_total(conn, r["id"], "computed" if r["status"] != "draft" else "draft")


def review(conn: Conn, me, run_id) -> Row:
    """Mark a computed run reviewed; return it."""
    r = run(conn, run_id)
    if r["status"] != "computed":
        raise Conflict(f"This run is {r['status']}, not computed.", code="invalid_state")
    row = conn.execute(
        f"UPDATE payroll_runs SET status = 'reviewed', reviewed_by = %s, reviewed_at = now() WHERE id = %s"
        f" RETURNING {RUN_COLUMNS}",
        (me.user_id, r["id"]),
    ).fetchone()
    assert row is not None
    return row


def finalize(conn: Conn, me, run_id) -> Row:
    """Finalize a reviewed run: lock its sources, write payslips, enqueue their PDFs; return the run.

    Raises 409 when it is not reviewed or when another finalized run paid one of its sources meanwhile."""
    r = run(conn, run_id)
    if r["status"] != "reviewed":
        raise Conflict(f"This run is {r['status']}, not reviewed.", code="invalid_state")
    clash = conn.execute(
        "SELECT 1 FROM payroll_sources s JOIN payroll_sources f ON f.kind = s.kind AND f.ref_id = s.ref_id"
        " AND f.finalized WHERE s.run_id = %s LIMIT 1",
        (r["id"],),
    ).fetchone()
    if clash:
        raise Conflict("Another finalized run paid some of these sources; recompute this run.", code="stale_run")
    conn.execute("UPDATE payroll_sources SET finalized = true WHERE run_id = %s", (r["id"],))
    conn.execute(
        "INSERT INTO payslips (company_id, run_id, user_id, gross_minor, reimbursed_minor, total_minor, currency)"
        " SELECT app.company_id(), run_id, user_id,"
        "  sum(amount_minor) FILTER (WHERE kind <> 'reimbursement'),"
        "  coalesce(sum(amount_minor) FILTER (WHERE kind = 'reimbursement'), 0), sum(amount_minor), %s"
        " FROM payroll_lines WHERE run_id = %s GROUP BY run_id, user_id",
        (r["currency"], r["id"]),
    )
    conn.execute(
        "UPDATE payslips SET gross_minor = 0, total_minor = reimbursed_minor WHERE run_id = %s AND gross_minor IS NULL",
        (r["id"],),
    )
    row = conn.execute(
        f"UPDATE payroll_runs SET status = 'finalized', finalized_by = %s, finalized_at = now() WHERE id = %s"
        f" RETURNING {RUN_COLUMNS}",
        (me.user_id, r["id"]),
    ).fetchone()
    assert row is not None
    registry.RENDER_PAYSLIPS.enqueue(conn, me.company_id, str(r["id"]), key=f"payslips-{r['id']}")
    return row


def lines(conn: Conn, run_id, user_id: str | None = None) -> list[Row]:
    """Return the visible lines of a run (of one employee when given), by employee and position."""
    sql = f"SELECT {LINE_COLUMNS} FROM payroll_lines WHERE run_id = %s"
    params: tuple = (run_id,)
    if user_id:
        sql += " AND user_id = %s"
        params += (user_id,)
    return conn.execute(sql + " ORDER BY user_id, position, id", params).fetchall()


def summary(conn: Conn, run_id) -> dict:
    """Return the run with per-employee and per-kind totals (each the sum of its lines)."""
    r = run(conn, run_id)
    per_user = conn.execute(
        "SELECT l.user_id, u.name, u.email, count(*) AS lines,"
        " coalesce(sum(l.amount_minor) FILTER (WHERE l.kind <> 'reimbursement'), 0)::bigint AS gross_minor,"
        " coalesce(sum(l.amount_minor) FILTER (WHERE l.kind = 'reimbursement'), 0)::bigint AS reimbursed_minor,"
        " sum(l.amount_minor)::bigint AS total_minor, sum(l.seconds)::bigint AS seconds"
        " FROM payroll_lines l JOIN users u ON u.id = l.user_id WHERE l.run_id = %s"
        " GROUP BY l.user_id, u.name, u.email ORDER BY u.name, l.user_id",
        (r["id"],),
    ).fetchall()
    per_kind = conn.execute(
        "SELECT kind, sum(amount_minor)::bigint AS amount_minor, sum(seconds)::bigint AS seconds FROM payroll_lines"
        " WHERE run_id = %s GROUP BY kind ORDER BY kind",
        (r["id"],),
    ).fetchall()
    return {"run": r, "employees": per_user, "kinds": per_kind}


CSV_HEADER = (
    "run_id",
    "period_start",
    "period_end",
    "employee_id",
    "employee_email",
    "employee_name",
    "line_kind",
    "description",
    "hours",
    "rate",
    "multiplier",
    "amount",
    "currency",
)


def export_csv(conn: Conn, run_id) -> str:
    """Return the run as CSV (docs/finance.md: one row per line, amounts in major units with the currency's
    decimals, hours with 4 decimals, UTF-8, comma-separated, header row first)."""
    r = run(conn, run_id)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_HEADER)
    for row in conn.execute(
        "SELECT l.user_id, u.email, u.name, l.kind, l.description, l.seconds, l.rate, l.multiplier, l.amount_minor,"
        " l.currency FROM payroll_lines l JOIN users u ON u.id = l.user_id WHERE l.run_id = %s"
        " ORDER BY u.name, l.user_id, l.position, l.id",
        (r["id"],),
    ):
        cur = row["currency"].strip()
        w.writerow(
            (
                r["id"],
                r["period_start"],
                r["period_end"],
                row["user_id"],
                row["email"],
                row["name"],
                row["kind"],
                row["description"],
                f"{Decimal(row['seconds']) / money.HOUR:.4f}",
                "" if row["rate"] is None else f"{row['rate']:.4f}",
                "" if row["multiplier"] is None else f"{row['multiplier']:.3f}",
                f"{money.to_major(row['amount_minor'], cur)}",
                cur,
            )
        )
    return out.getvalue()


# --- payslips -------------------------------------------------------------------------------------------------

PAYSLIP_COLUMNS = (
    "p.id, p.run_id, p.user_id, u.name AS user_name, r.period_start, r.period_end, p.gross_minor,"
    " p.reimbursed_minor, p.total_minor, p.currency, (p.pdf_key IS NOT NULL) AS pdf_ready, p.created_at"
)


def payslips(conn: Conn, user_id: str | None, run_id: str | None, limit: int, offset: int) -> list[Row]:
    """Return visible payslips (own for employees), newest period first (limit + 1 rows)."""
    where, params = [], []
    if user_id:
        where.append("p.user_id = %s")
        params.append(user_id)
    if run_id:
        where.append("p.run_id = %s")
        params.append(run_id)
    sql = (
        f"SELECT {PAYSLIP_COLUMNS} FROM payslips p JOIN payroll_runs r ON r.id = p.run_id"
        " JOIN users u ON u.id = p.user_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY r.period_start DESC, u.name, p.id LIMIT %s OFFSET %s"
    )
    return conn.execute(sql, (*params, limit + 1, offset)).fetchall()


def payslip(conn: Conn, payslip_id) -> Row:
    """Return the visible payslip with its key; raise NotFound."""
    payslip_id = id_or_404(payslip_id, "payslip", code="payslip_not_found")
    row = conn.execute(
        f"SELECT {PAYSLIP_COLUMNS}, p.pdf_key FROM payslips p JOIN payroll_runs r ON r.id = p.run_id"
        " JOIN users u ON u.id = p.user_id WHERE p.id = %s",
        (payslip_id,),
    ).fetchone()
    if row is None:
        raise NotFound("No such payslip.", code="payslip_not_found")
    return row


def totals_by_user(rows: list[Row]) -> dict[str, int]:
    """Return {user_id: sum of amounts} of line rows (tests, summaries)."""
    out: dict[str, int] = defaultdict(int)
    for row in rows:
        out[str(row["user_id"])] += row["amount_minor"]
    return dict(out)

"""The finance sources of the report builder (no Flask): expenses and payroll, read as the viewer may see them.

What must stay true (the rules a finance user expects; tests/test_reports_finance.py checks each):
- Expenses: one record per expense, dated by its day (`spent_on`). Only APPROVED expenses count unless the report
  names `statuses` (submitted, approved, rejected). Filters: people, team, projects, clients (through the
  expense's project), billable. Groupings: person, project, client, category, day, week, month. Sums per currency:
  amount, billable part, reimbursable part (minor units). Visibility is the expenses policy: own, a manager's team,
  an admin everything.
- Payroll: one record per payslip (a person in a FINALIZED run: drafts and runs under review never show), dated by
  the pay period's last day; the components are the sums of that person's lines by kind: regular, overtime,
  premiums (weekend and holiday), salary, leave, adjustments; gross is all but reimbursements (as on the payslip),
  total is gross plus reimbursements (what was paid out). Hours are the seconds of the lines that pay hours (not the
  premiums, which pay extra on hours already counted). Groupings: person, pay period, day, week, month.
  Visibility is payroll's: RLS shows admins every line and everyone else their own lines of finalized runs, and
  the report adds the finance routes' rule on top (a non-admin's payroll report is their own, `Spec.only_user`),
  so a manager sees no payroll of their team.
- Money is never added across currencies (see workmonitor.reports.builder): EUR and USD are two lines.
"""

from __future__ import annotations

from ..db import Row

EXPENSE_STATUSES = ("submitted", "approved", "rejected")
EXPENSE_MONEY = ("amount_minor", "billable_minor", "reimbursable_minor")
PAYROLL_MONEY = (
    "regular_minor",
    "overtime_minor",
    "premium_minor",
    "salary_minor",
    "leave_minor",
    "adjustment_minor",
    "gross_minor",
    "reimbursement_minor",
    "total_minor",
)
# Filters each finance source understands (a report naming another one is refused: 400).
FILTERS = {
    "expenses": ("user_ids", "team_of", "project_ids", "client_ids", "billable", "statuses"),
    "payroll": ("user_ids", "team_of"),
}

EXPENSES_SQL = """
SELECT x.id, x.user_id, u.name AS user_name, x.spent_on AS day, x.project_id, p.name AS project_name, p.client_id,
       c.name AS client_name, x.category_id, k.name AS category_name, x.note, x.status, x.billable, x.reimbursable,
       x.currency, x.amount_minor,
       CASE WHEN x.billable THEN x.amount_minor ELSE 0 END AS billable_minor,
       CASE WHEN x.reimbursable THEN x.amount_minor ELSE 0 END AS reimbursable_minor
FROM expenses x JOIN users u ON u.id = x.user_id JOIN expense_categories k ON k.id = x.category_id
LEFT JOIN projects p ON p.id = x.project_id LEFT JOIN clients c ON c.id = p.client_id
WHERE x.spent_on BETWEEN %(d1)s AND %(d2)s {cond}
ORDER BY x.spent_on, x.created_at, x.id
"""

_KIND_SUMS = {
    "regular_minor": "l.kind = 'regular'",
    "overtime_minor": "l.kind = 'overtime'",
    "premium_minor": "l.kind IN ('weekend_premium', 'holiday_premium')",
    "salary_minor": "l.kind = 'salary'",
    "leave_minor": "l.kind = 'leave'",
    "adjustment_minor": "l.kind = 'adjustment'",
    "gross_minor": "l.kind <> 'reimbursement'",
    "reimbursement_minor": "l.kind = 'reimbursement'",
}
_SUMS = "".join(
    f"coalesce(sum(l.amount_minor) FILTER (WHERE {cond}), 0)::bigint AS {name}, " for name, cond in _KIND_SUMS.items()
)
PAYROLL_SQL = (
    "SELECT l.user_id, u.name AS user_name, r.id AS run_id, r.period_start, r.period_end, r.period_end AS day,"
    " l.currency, coalesce(sum(l.seconds) FILTER (WHERE l.kind NOT IN ('weekend_premium', 'holiday_premium')), 0)"
    f"::bigint AS seconds, {_SUMS}sum(l.amount_minor)::bigint AS total_minor"
    " FROM payroll_lines l JOIN payroll_runs r ON r.id = l.run_id JOIN users u ON u.id = l.user_id"
    " WHERE r.status = 'finalized' AND r.period_end BETWEEN %(d1)s AND %(d2)s {cond}"
    " GROUP BY l.user_id, u.name, r.id, r.period_start, r.period_end, l.currency"
    " ORDER BY r.period_end, u.name, l.user_id, l.currency"
)


def dims(row: Row, source: str) -> dict[str, tuple[str | None, str | None]]:
    """Return the non-calendar groupings of an expense or payslip row: key and label of each."""
    if source == "payroll":
        start, end = row["period_start"], row["period_end"]
        return {"period": (start.isoformat(), f"{start.isoformat()} – {end.isoformat()}")}
    return {
        "project": (_s(row.get("project_id")), row.get("project_name")),
        "client": (_s(row.get("client_id")), row.get("client_name")),
        "category": (_s(row.get("category_id")), row.get("category_name")),
    }


def _s(value: object) -> str | None:
    return None if value is None else str(value)

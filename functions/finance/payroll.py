"""Payroll routes: finance settings and holidays, wage rates, runs (compute, review, finalize, adjust),
the run summary and CSV export, payslips and their PDFs."""

from __future__ import annotations

from flask import Blueprint, Response

from workmonitor import storage
from workmonitor.errors import NotFound
from workmonitor.finance import payroll
from workmonitor.finance import settings as fsettings
from workmonitor.finance.models import (
    AdjustmentIn,
    HolidayIn,
    HolidayOut,
    HolidaysOut,
    LinesOut,
    PayslipPage,
    RateIn,
    RateOut,
    RatesOut,
    RunIn,
    RunOut,
    RunPage,
    SettingsIn,
    SettingsOut,
    SummaryOut,
    UrlOut,
)
from workmonitor.web import audit, body, caller, db, page, paginated, query_uuid, responds, roles

bp = Blueprint("payroll", __name__)


@bp.get("/settings")
@responds(SettingsOut)
def get_settings():
    """The company's finance settings (pay frequency, overtime rules, invoice numbering, billing details)."""
    return {"settings": fsettings.get(db())}


@bp.put("/settings")
@roles("admin")
@responds(SettingsOut, body=SettingsIn)
def put_settings():
    """Change finance settings (admins); fields left out keep their value."""
    data = body(SettingsIn).model_dump(exclude_unset=True)
    conn = db()
    out = fsettings.save(conn, data)
    audit(conn, "finance.settings_changed", "company", caller().company_id, data)
    return {"settings": out}


@bp.get("/holidays")
@responds(HolidaysOut)
def list_holidays():
    """The company's holidays."""
    return {"items": fsettings.holidays(db())}


@bp.post("/holidays")
@roles("admin")
@responds(HolidayOut, 201, body=HolidayIn)
def add_holiday():
    """Add a company holiday (admins)."""
    data = body(HolidayIn)
    return {"holiday": fsettings.add_holiday(db(), data.day, data.name)}, 201


@bp.get("/rates")
@responds(RatesOut)
def list_rates():
    """Wage rates (admins: everyone's, ?user_id; others: their own), newest first per user."""
    me = caller()
    user_id = query_uuid("user_id") if me.role == "admin" else me.user_id
    return {"items": payroll.rates(db(), user_id)}


@bp.post("/rates")
@roles("admin")
@responds(RateOut, 201, body=RateIn)
def add_rate():
    """Add an effective-dated wage rate (hourly per hour, salaried per year) in the payroll currency."""
    data = body(RateIn)
    conn = db()
    row = payroll.add_rate(conn, caller(), str(data.user_id), data.kind, data.amount, data.effective_from)
    audit(conn, "finance.rate_added", "user", data.user_id, {"kind": data.kind, "amount": data.amount})
    return {"rate": row}, 201


@bp.get("/payroll/runs")
@roles("admin")
@responds(RunPage)
def list_runs():
    """Payroll runs, newest period first."""
    limit, offset = page()
    return paginated(payroll.list_runs(db(), limit, offset), limit, offset)


@bp.post("/payroll/runs")
@roles("admin")
@responds(RunOut, 201, body=RunIn)
def create_run():
    """Create the draft run of the pay period containing `date`."""
    return {"run": payroll.create_run(db(), caller(), body(RunIn).date)}, 201


@bp.get("/payroll/runs/<run_id>")
@roles("admin")
@responds(SummaryOut)
def run_summary(run_id: str):
    """A run with totals per employee and per kind of line."""
    return payroll.summary(db(), run_id)


@bp.get("/payroll/runs/<run_id>/lines")
@responds(LinesOut)
def run_lines(run_id: str):
    """A run's lines (?user_id); employees see their own lines of finalized runs only."""
    me = caller()
    user_id = query_uuid("user_id") if me.role == "admin" else me.user_id
    return {"items": payroll.lines(db(), payroll.run(db(), run_id)["id"], user_id)}


@bp.post("/payroll/runs/<run_id>/compute")
@roles("admin")
@responds(RunOut)
def compute(run_id: str):
    """(Re)compute a run from approved time, paid leave and reimbursable expenses."""
    return {"run": payroll.compute(db(), caller(), run_id)}


@bp.post("/payroll/runs/<run_id>/adjustments")
@roles("admin")
@responds(RunOut, 201, body=AdjustmentIn)
def add_adjustment(run_id: str):
    """Add a manual adjustment line (a correction of an earlier, finalized run) to this run."""
    data = body(AdjustmentIn)
    conn = db()
    row = payroll.add_adjustment(conn, caller(), run_id, str(data.user_id), data.amount_minor, data.description)
    audit(conn, "finance.payroll_adjusted", "payroll_run", run_id, data.model_dump())
    return {"run": row}, 201


@bp.post("/payroll/runs/<run_id>/review")
@roles("admin")
@responds(RunOut)
def review(run_id: str):
    """Mark a computed run reviewed."""
    return {"run": payroll.review(db(), caller(), run_id)}


@bp.post("/payroll/runs/<run_id>/finalize")
@roles("admin")
@responds(RunOut)
def finalize(run_id: str):
    """Finalize a reviewed run: its sources lock, payslips are written and their PDFs rendered."""
    conn = db()
    row = payroll.finalize(conn, caller(), run_id)
    audit(conn, "finance.payroll_finalized", "payroll_run", run_id, {"total_minor": row["total_minor"]})
    return {"run": row}


@bp.get("/payroll/runs/<run_id>/export.csv")
@roles("admin")
@responds(None, media_type="text/csv", summary="The run as CSV (layout in docs/finance.md)")
def export_csv(run_id: str):
    """The run's lines as CSV for payroll providers."""
    text = payroll.export_csv(db(), run_id)
    return Response(
        text, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="payroll-{run_id}.csv"'}
    )


@bp.get("/payslips")
@responds(PayslipPage)
def list_payslips():
    """Payslips: admins see everyone's (?user_id, ?run_id); everyone else only their own."""
    me = caller()
    limit, offset = page()
    user_id = query_uuid("user_id") if me.role == "admin" else me.user_id
    return paginated(payroll.payslips(db(), user_id, query_uuid("run_id"), limit, offset), limit, offset)


@bp.get("/payslips/<payslip_id>/pdf")
@responds(UrlOut)
def payslip_pdf(payslip_id: str):
    """A short-lived URL of the payslip PDF (404 until the job has rendered it)."""
    me = caller()
    row = payroll.payslip(db(), payslip_id)
    if me.role != "admin" and str(row["user_id"]) != me.user_id:
        raise NotFound("No such payslip.", code="payslip_not_found")
    if not row["pdf_key"]:
        raise NotFound("The payslip PDF is not rendered yet.", code="pdf_pending")
    return {"url": storage.presign(me.company_id, row["pdf_key"]), "expires_in": storage.DEFAULT_URL_TTL}

"""Client share links: planners create, list and revoke them; anyone holding a live link reads its report."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Blueprint

from workmonitor.config import settings
from workmonitor.db import Claims
from workmonitor.errors import NotFound, ValidationFailed
from workmonitor.reports import builder, store
from workmonitor.reports.models import ShareCreated, SharedView, ShareIn, ShareOut, SharePage
from workmonitor.time import timecalc
from workmonitor.web import audit, body, caller, db, page, paginated, public, query_date, responds, roles

bp = Blueprint("shares", __name__)


@bp.post("/shares")
@roles("admin", "manager")
@responds(ShareCreated, 201, body=ShareIn)
def create_share():
    """Create a read-only link to one client's report (their projects' time or approved billable expenses; payroll is
    never shared); the link is shown once."""
    data = body(ShareIn)
    conn, me = db(), caller()
    row, token = store.create_share(
        conn,
        me.company_id,
        me.user_id,
        str(data.client_id),
        data.name,
        data.source,
        data.group_by,
        data.expires_in_days,
    )
    audit(
        conn,
        "reports.share_created",
        "report_share",
        row["id"],
        {"client_id": str(data.client_id), "source": data.source},
    )
    url = f"{settings().public_url}/#/shared/{token}"  # the web app's public share page
    return {"share": row, "token": token, "url": url}, 201


@bp.get("/shares")
@roles("admin", "manager")
@responds(SharePage)
def list_shares():
    """The company's share links, newest first."""
    limit, offset = page()
    return paginated(store.list_shares(db(), limit, offset), limit, offset)


@bp.post("/shares/<uuid:share_id>/revoke")
@roles("admin", "manager")
@responds(ShareOut)
def revoke_share(share_id):
    """Revoke a share link now: the next view of it is a 404."""
    conn = db()
    row = store.revoke_share(conn, str(share_id))
    audit(conn, "reports.share_revoked", "report_share", row["id"])
    return {"share": row}


@bp.get("/shared/<token>")
@public
@responds(SharedView)
def view_shared(token: str):
    """The client's report behind a live share link (?from, ?to: default the last 30 days, at most 366)."""
    conn = db(Claims())
    found = store.shared(conn, token)
    if found is None:
        raise NotFound("This link is unknown, expired or revoked.", code="share_not_found")
    today = timecalc.local_date(datetime.now(UTC), found["timezone"])
    last = query_date("to") or today
    first = query_date("from") or last - timedelta(days=29)
    if first > last or (last - first).days > 366:
        raise ValidationFailed("from..to must be at most 366 days, in order.", fields={"from": "range"})
    spec = builder.Spec(
        first=first, last=last, source=found["source"], group_by=(found["group_by"],), timezone=found["timezone"]
    )
    recs = [builder.to_record(r, spec) for r in store.shared_rows(conn, token, spec)]
    report = builder.group(recs, spec) | {"source": spec.source, "from": first, "to": last, "timezone": spec.timezone}
    return {
        "company": found["company_name"],
        "client": found["client_name"],
        "name": found["name"],
        "expires_at": found["expires_at"],
        "report": report,
    }

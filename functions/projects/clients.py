"""Client routes: list, create, read and edit (planners write)."""

from __future__ import annotations

from flask import Blueprint

from workmonitor.projects import store
from workmonitor.projects.models import ClientIn, ClientOut, ClientPage, ClientPatch
from workmonitor.web import body, caller, db, page, paginated, responds, roles

from .common import PLANNERS, flag

bp = Blueprint("clients", __name__)


@bp.get("/clients")
@responds(ClientPage)
def list_clients():
    """List clients (not archived unless ?archived=true|all)."""
    limit, offset = page()
    return paginated(store.list_clients(db(), flag("archived", False), limit, offset), limit, offset)


@bp.post("/clients")
@roles(*PLANNERS)
@responds(ClientOut, 201, body=ClientIn)
def create_client():
    """Create a client."""
    return {"client": store.create_client(db(), caller().company_id, body(ClientIn))}, 201


@bp.get("/clients/<client_id>")
@responds(ClientOut)
def get_client(client_id: str):
    """Read one client."""
    return {"client": store.client(db(), client_id)}


@bp.patch("/clients/<client_id>")
@roles(*PLANNERS)
@responds(ClientOut, body=ClientPatch)
def update_client(client_id: str):
    """Edit or archive a client."""
    data = body(ClientPatch)
    conn = db()
    row = store.client(conn, client_id)
    store.update_row(conn, "clients", row["id"], data.model_dump(exclude_unset=True))
    return {"client": store.client(conn, row["id"])}

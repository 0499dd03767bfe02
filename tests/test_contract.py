"""The wire contract: every route declares its response model, every function publishes a valid OpenAPI 3.1
document, responses are checked against their models (conftest fails a test on any violation), one encoder."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from flask import Blueprint
from openapi_spec_validator import validate

from workmonitor import openapi, wire
from workmonitor.devserver import load_function, stack_functions
from workmonitor.web import CONTRACT_VIOLATIONS, create_function, public, responds

FUNCTIONS = sorted(stack_functions())


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_route_declares_a_response_model(name, stack):
    app = load_function(name)
    missing = []
    for rule in app.url_map.iter_rules():
        doc = openapi.route_doc(app.view_functions[rule.endpoint])
        if doc is None or not doc.responses:
            missing.append(f"{sorted(rule.methods or ())} {rule.rule}")
    assert not missing, f"{name}: routes without web.responds: {missing}"


@pytest.mark.parametrize("name", FUNCTIONS)
def test_openapi_document_is_valid_and_served(name, api):
    r = api.get(f"/function/{name}/openapi.json")
    assert r.status_code == 200
    doc = r.json
    validate(doc)  # raises on an invalid OpenAPI 3.1 document
    assert doc["openapi"] == "3.1.0" and doc["servers"] == [{"url": f"/function/{name}"}]
    assert "/healthz" in doc["paths"] and "/openapi.json" in doc["paths"]
    assert doc["paths"]["/healthz"]["get"]["security"] == []


def test_a_response_that_drifts_from_its_model_fails(stack):
    class Thing(wire.Model):
        id: wire.Id
        at: wire.Timestamp

    app = create_function("contract-probe")
    bp = Blueprint("probe", __name__)

    @bp.get("/good")
    @public
    @responds(Thing)
    def good():
        return {"id": uuid.uuid4(), "at": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)}

    @bp.get("/extra")
    @public
    @responds(Thing)
    def extra():
        return {"id": uuid.uuid4(), "at": datetime.now(UTC), "secret": "leak"}

    @bp.get("/naive-format")
    @public
    @responds(Thing)
    def naive_format():
        return {"id": str(uuid.uuid4()), "at": "2026-01-02T03:04:05+00:00"}

    @bp.get("/undeclared")
    @public
    @responds(Thing, 201)
    def undeclared():
        return {"id": uuid.uuid4(), "at": datetime.now(UTC)}

    app.register_blueprint(bp)
    client = app.test_client()
    ok = client.get("/good")
    assert ok.status_code == 200 and ok.get_json()["at"] == "2026-01-02T03:04:05.000000Z"
    for path in ("/extra", "/naive-format", "/undeclared"):
        r = client.get(path)
        assert r.status_code == 500 and r.get_json()["error"]["code"] == "contract_violation", path
    assert len(CONTRACT_VIOLATIONS) == 3
    assert any("secret" in v for v in CONTRACT_VIOLATIONS)
    CONTRACT_VIOLATIONS.clear()


def test_one_encoder():
    berlin = timezone(timedelta(hours=1))
    assert wire.jsonable(
        {
            "t": datetime(2026, 11, 30, 3, 33, 20, 285714, tzinfo=berlin),
            "naive": datetime(2026, 11, 30, 2, 33, 20),
            "d": date(2026, 11, 30),
            "money": Decimal("12.50"),
            "id": uuid.UUID(int=1),
        }
    ) == {
        "t": "2026-11-30T02:33:20.285714Z",
        "naive": "2026-11-30T02:33:20.000000Z",
        "d": "2026-11-30",
        "money": "12.50",
        "id": "00000000-0000-0000-0000-000000000001",
    }

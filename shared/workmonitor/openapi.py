"""OpenAPI 3.1 documents generated from a function's routes and their models, and the contract check.

Every route declares what it answers with `web.responds(Model, status=...)` (and its JSON body with `body=`);
`document(app)` turns the url_map into `/function/<name>/openapi.json`. `violations(...)` checks one response
against the declared model's JSON Schema: the test suite turns it on (`WM_CHECK_CONTRACT=1`), so a response
that drifts from its model fails the test that produced it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from . import wire

_PARAM = re.compile(r"<(?:[a-z_]+:)?([A-Za-z_][A-Za-z0-9_]*)>")


@dataclass(frozen=True)
class Response:
    """One declared answer of a route: a model (JSON), or a media type for raw bodies, or nothing (204)."""

    status: int
    model: type[BaseModel] | None = None
    media_type: str | None = None
    description: str = ""


@dataclass
class RouteDoc:
    """What a route declares about itself; kept on the view function as `_wm_doc`."""

    responses: dict[int, Response] = field(default_factory=dict)
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    summary: str | None = None


def route_doc(view: Callable) -> RouteDoc | None:
    """Return the declarations of view function `view`, or None when it declares nothing."""
    return getattr(view, "_wm_doc", None)


def _path(rule: str) -> str:
    return _PARAM.sub(r"{\1}", rule)


def _operation_id(endpoint: str, method: str) -> str:
    return f"{endpoint.replace('.', '_')}_{method.lower()}"


def document(app: Flask, name: str) -> dict[str, Any]:
    """Return the OpenAPI 3.1 document of function app `app` called `name`."""
    models: list[tuple[type[BaseModel], Any]] = [(wire.ErrorBody, "serialization")]
    ops: list[tuple[str, str, str, Callable, RouteDoc]] = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if rule.endpoint in ("static", "wm_metrics"):  # /metrics is for Prometheus, not part of the API
            continue
        view = app.view_functions[rule.endpoint]
        doc = route_doc(view) or RouteDoc()
        for method in sorted(m for m in (rule.methods or ()) if m not in ("HEAD", "OPTIONS")):
            ops.append((_path(rule.rule), method, rule.endpoint, view, doc))
            for resp in doc.responses.values():
                if resp.model is not None:
                    models.append((resp.model, "serialization"))
            if doc.body is not None:
                models.append((doc.body, "validation"))
            if doc.query is not None:
                models.append((doc.query, "validation"))
    keys, schema = models_json_schema(
        list(dict.fromkeys(models)), ref_template="#/components/schemas/{model}", title=name
    )
    paths: dict[str, dict[str, Any]] = {}
    used: set[str] = set()
    for path, method, endpoint, view, doc in ops:
        op_id = _operation_id(endpoint, method)
        if op_id in used:  # one view served at two paths (an alias)
            op_id += "_" + re.sub(r"[^A-Za-z0-9]+", "_", path).strip("_")
        used.add(op_id)
        op: dict[str, Any] = {
            "operationId": op_id,
            "summary": doc.summary or (view.__doc__ or "").strip().split("\n")[0] or endpoint,
            "responses": {},
        }
        params = [{"name": p, "in": "path", "required": True, "schema": {"type": "string"}} for p in _path_params(path)]
        if doc.query is not None:
            for qname, qfield in doc.query.model_fields.items():
                params.append({"name": qname, "in": "query", "required": qfield.is_required(), "schema": {}})
        if params:
            op["parameters"] = params
        if doc.body is not None:
            op["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": keys[(doc.body, "validation")]}},
            }
        for status, resp in sorted(doc.responses.items()):
            entry: dict[str, Any] = {"description": resp.description or _reason(status)}
            if resp.model is not None:
                entry["content"] = {"application/json": {"schema": keys[(resp.model, "serialization")]}}
            elif resp.media_type:
                entry["content"] = {resp.media_type: {"schema": {"type": "string", "format": "binary"}}}
            op["responses"][str(status)] = entry
        op["responses"]["default"] = {
            "description": "An error: 4xx for the caller's mistakes, 503 with Retry-After when a dependency is down",
            "content": {"application/json": {"schema": keys[(wire.ErrorBody, "serialization")]}},
        }
        if getattr(view, "_wm_public", False):
            op["security"] = []
        paths.setdefault(path, {})[method.lower()] = op
    return {
        "openapi": "3.1.0",
        "info": {"title": f"WorkMonitor {name}", "version": "1", "description": (app.import_name or name)},
        "servers": [{"url": f"/function/{name}"}],
        "paths": paths,
        "components": {
            "schemas": schema.get("$defs", {}),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
        },
        "security": [{"bearer": []}],
    }


def _path_params(path: str) -> list[str]:
    return re.findall(r"{([^}]+)}", path)


def _reason(status: int) -> str:
    return {200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 302: "Found"}.get(status, str(status))


# --- the contract check (tests) ---------------------------------------------------------------------------------


@functools.cache
def _validator(model: type[BaseModel]) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(model.model_json_schema(mode="serialization"), format_checker=FormatChecker())


def violations(view: Callable | None, status: int, media_type: str | None, payload: Any) -> list[str]:
    """Return what is wrong with one response against the route's declarations (empty when it conforms)."""
    if view is None:
        return []
    if status >= 400:
        model: type[BaseModel] | None = wire.ErrorBody
    else:
        doc = route_doc(view)
        if doc is None or not doc.responses:
            return [f"{view.__name__}: the route declares no response model (web.responds)"]
        resp = doc.responses.get(status)
        if resp is None:
            return [f"{view.__name__}: answered {status}, which it does not declare ({sorted(doc.responses)})"]
        if resp.model is None:
            if media_type == "application/json" and resp.media_type != "application/json" and status != 204:
                return [f"{view.__name__}: answered JSON for {status}, declared {resp.media_type or 'no body'}"]
            return []
        model = resp.model
        if media_type != "application/json":
            return [f"{view.__name__}: answered {media_type} for {status}, declared JSON ({model.__name__})"]
    assert model is not None
    return [
        f"{view.__name__} {status}: {'/'.join(str(p) for p in err.absolute_path) or '<body>'}: {err.message}"
        for err in _validator(model).iter_errors(payload)
    ][:10]


# --- the documents on disk (client type generation) -------------------------------------------------------------


def dump_all(out_dir: str) -> list[str]:
    """Write `<function>.json` per function of stack.yml and `events.schema.json` into `out_dir`; return the paths."""
    import json
    from pathlib import Path

    from .devserver import load_function, stack_functions

    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(stack_functions()):
        path = folder / f"{name}.json"
        path.write_text(json.dumps(document(load_function(name), name), indent=1, sort_keys=True) + "\n")
        written.append(str(path))
    from .eventcatalog import json_schema  # the WebSocket events, for the clients' event types

    events = folder / "events.schema.json"
    events.write_text(json.dumps(json_schema(), indent=1, sort_keys=True) + "\n")
    written.append(str(events))
    return written


if __name__ == "__main__":  # python -m workmonitor.openapi <out dir>
    import os
    import sys

    # Importing a function needs a signing key to exist, not a real one: documents carry no secrets.
    os.environ.setdefault("JWT_SECRET", "openapi-dump-" + "x" * 32)
    for written_path in dump_all(sys.argv[1] if len(sys.argv) > 1 else "clients/web/openapi"):
        print(written_path)

"""WSGI apps the write benchmark serves with gunicorn (the function template's settings), one per server process:
`function_app("time")` is exactly what the function's image serves; `bare_app()` is the floor, a Flask route that
parses the same JSON body and answers 201 with no database, auth or contract check."""

from __future__ import annotations

import uuid

from flask import Flask, request

from workmonitor.devserver import load_function


def function_app(name: str) -> Flask:
    """Return functions/<name>'s Flask app (routes at /..., as behind the OpenFaaS gateway)."""
    return load_function(name)


def bare_app() -> Flask:
    """Return a Flask app with POST /entries echoing the body with an id (201) and GET /healthz."""
    app = Flask("bench_bare")

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    @app.post("/entries")
    def create():
        return {"entry": {**(request.get_json() or {}), "id": str(uuid.uuid4())}}, 201

    @app.post("/heartbeat/<bucket_id>")
    def heartbeat(bucket_id: str):
        return {**(request.get_json() or {}), "bucket": bucket_id, "merged": False}, 200

    return app

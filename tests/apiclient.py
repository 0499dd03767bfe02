"""A small client for the local gateway app used by tests (werkzeug's test client, real handlers)."""

from __future__ import annotations

import json as jsonlib

from werkzeug.test import Client

from workmonitor.devserver import gateway_app

_APP = None


def _app():
    global _APP
    if _APP is None:
        _APP = gateway_app()
    return _APP


class Api:
    """Calls /function/<name>/<path> with an optional bearer token; returns werkzeug TestResponse."""

    def __init__(self):
        self.client = Client(_app())

    def call(self, method: str, path: str, json=None, token: str | None = None, data=None, headers=None, **kwargs):
        headers = dict(headers or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if json is not None:
            data = jsonlib.dumps(json)
            headers.setdefault("Content-Type", "application/json")
        return self.client.open(path, method=method, data=data, headers=headers, **kwargs)

    def get(self, path, **kw):
        return self.call("GET", path, **kw)

    def post(self, path, json=None, **kw):
        return self.call("POST", path, json=json, **kw)

    def patch(self, path, json=None, **kw):
        return self.call("PATCH", path, json=json, **kw)

    def put(self, path, json=None, **kw):
        return self.call("PUT", path, json=json, **kw)

    def delete(self, path, **kw):
        return self.call("DELETE", path, **kw)

"""A body a route never read is refused (400 unexpected_body); routes read bodies only through workmonitor.web."""

from __future__ import annotations

import ast

from test_keys import ROOT

READERS = {"get_data", "stream", "form", "files", "data", "json", "get_json", "input_stream", "values"}


def test_an_ignored_body_is_refused_and_rolled_back(api):
    r = api.post("/function/scheduler/", json={"retention": "now"})
    assert r.status_code == 400 and r.json["error"]["code"] == "unexpected_body"
    assert api.post("/function/scheduler/", json={}).status_code == 202  # `{}` says nothing: accepted


def test_routes_read_the_body_through_web_helpers():
    """body(), raw_body() and form_data() note the read; a direct `request.<reader>` would look ignored."""
    found = []
    for path in sorted((ROOT / "functions").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in READERS
                and isinstance(node.value, ast.Name)
                and node.value.id == "request"
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} request.{node.attr}")
    assert found == [], "use web.body(), web.raw_body() or web.form_data(): " + ", ".join(found)

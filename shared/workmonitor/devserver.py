"""The local gateway: every function of stack.yml mounted under /function/<name>, as the OpenFaaS gateway does.

Used by `make run` and by the end-to-end tests, so both exercise the same handlers at the same URLs.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import yaml
from flask import Flask
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.wrappers import Response

ROOT = Path(__file__).resolve().parents[2]


def stack_functions(stack_file: Path | None = None) -> dict[str, dict]:
    """Return the `functions` mapping of stack.yml."""
    data = yaml.safe_load((stack_file or ROOT / "stack.yml").read_text())
    return data.get("functions") or {}


def load_function(name: str, root: Path | None = None) -> Flask:
    """Import functions/<name>/handler.py under a unique module name and return its `app`."""
    path = (root or ROOT) / "functions" / name / "handler.py"
    module_name = f"wm_function_{name.replace('-', '_')}"
    if module_name in sys.modules:
        return sys.modules[module_name].app
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module.app


def _not_found(environ, start_response):
    body = b'{"error": {"code": "function_not_found", "message": "No such function.", "fields": {}}}'
    return Response(body, status=404, content_type="application/json")(environ, start_response)


def gateway_app(static_dir: Path | None = None, web_config: dict | None = None):
    """Return one WSGI app serving /function/<name>/... for every function in stack.yml (and / for the web app).

    `web_config` is served at /wm-config.json: what the web app cannot know by itself (the socket URL).
    """
    mounts = {f"/function/{name}": load_function(name) for name in stack_functions()}
    root = _not_found
    if web_config is not None:
        import json

        config_body = json.dumps(web_config).encode()
        mounts["/wm-config.json"] = lambda environ, start_response: Response(
            config_body, content_type="application/json"
        )(environ, start_response)
    if static_dir is not None and static_dir.is_dir():
        from werkzeug.middleware.shared_data import SharedDataMiddleware

        index = (static_dir / "index.html").read_bytes() if (static_dir / "index.html").exists() else b""

        def spa(environ, start_response):
            if environ.get("PATH_INFO", "").startswith("/function/"):
                return _not_found(environ, start_response)
            return Response(index, content_type="text/html")(environ, start_response)

        root = SharedDataMiddleware(spa, {"/": str(static_dir)})
    return DispatcherMiddleware(root, mounts)

"""The local gateway: every function of stack.yml mounted under /function/<name>, as the OpenFaaS gateway does.

Used by `make run` and by the end-to-end tests, so both exercise the same handlers at the same URLs.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from flask import Flask
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.wrappers import Response

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

ROOT = Path(__file__).resolve().parents[2]


def stack_functions(stack_file: Path | None = None) -> dict[str, dict]:
    """Return the `functions` mapping of stack.yml."""
    data = yaml.safe_load((stack_file or ROOT / "stack.yml").read_text())
    return data.get("functions") or {}


def load_function(name: str, root: Path | None = None) -> Flask:
    """Import functions/<name>/ as its own package and return `handler.app`.

    Each function is a package of its own (`wm_fn_<name>`), as the image imports it as `function`: two functions
    with a same-named sibling module (`store.py`) each get their own; no import path is edited.
    """
    folder = (root or ROOT) / "functions" / name
    package = f"wm_fn_{name.replace('-', '_')}"
    if root is not None:  # a function from another tree (tests) must not collide with the repository's own
        package += "_" + hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:8]
    if package not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            package, folder / "__init__.py", submodule_search_locations=[str(folder)]
        )
        if spec is None or spec.loader is None:
            raise ImportError(f"functions/{name} is not a package")
        module = importlib.util.module_from_spec(spec)
        sys.modules[package] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[package]
            raise
    return importlib.import_module(f"{package}.handler").app


def _not_found(environ, start_response):
    body = b'{"error": {"code": "function_not_found", "message": "No such function.", "fields": {}}}'
    return Response(body, status=404, content_type="application/json")(environ, start_response)


def _no_route(environ, start_response):
    body = b'{"error": {"code": "not_found", "message": "No such path.", "fields": {}}}'
    return Response(body, status=404, content_type="application/json")(environ, start_response)


# Paths that are never pages of the web app: the functions, ActivityWatch clients' /api/0/..., sockets, storage.
API_PREFIXES = ("/function/", "/api/", "/socket.io/", "/s3/")


def is_page_request(environ: dict) -> bool:
    """Return True when the request is a browser asking for a page of the web app (a client-side route).

    Only a GET (or HEAD) that accepts text/html (or anything), for a path with no file extension outside the API
    prefixes, gets the web app's index.html; anything else unknown is a 404 JSON, so a client posting to a path
    that does not exist (a stock ActivityWatch watcher) hears about it instead of getting a 200 page.
    """
    path = environ.get("PATH_INFO", "") or "/"
    if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
        return False
    if path.startswith(API_PREFIXES) or path in ("/api", "/function"):
        return False
    if "." in path.rsplit("/", 1)[-1]:
        return False
    accept = environ.get("HTTP_ACCEPT", "*/*")  # curl and plain fetches accept anything; an API client asks for JSON
    return "text/html" in accept or "*/*" in accept


def gateway_app(static_dir: Path | None = None, web_config: dict | None = None):
    """Return one WSGI app serving /function/<name>/... for every function in stack.yml (and / for the web app).

    `web_config` is served at /wm-config.json: what the web app cannot know by itself (the socket URL).
    """
    mounts: dict[str, WSGIApplication] = {f"/function/{name}": load_function(name) for name in stack_functions()}
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
            if not is_page_request(environ):
                return _no_route(environ, start_response)
            return Response(index, content_type="text/html")(environ, start_response)

        root = SharedDataMiddleware(spa, {"/": str(static_dir)})
    return DispatcherMiddleware(root, mounts)

"""Run the WebSocket gateway: `python -m gateway.server --port 8090 [--host 127.0.0.1]` from the repository root.

Serves Socket.IO at /socket.io/, plus GET /healthz (process alive), GET /readyz (subscribed to Redis) and
GET /metrics (Prometheus text: sockets, users, rooms of this replica).
Configuration comes from the same environment as the functions (REDIS_URL, DATABASE_URL, JWT_SECRET, ...).
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys

from aiohttp import web

from gateway.app import Gateway
from workmonitor import metrics
from workmonitor.logs import JsonFormatter as _JsonFormatter

log = logging.getLogger("workmonitor.gateway")


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    try:
        return float(raw) if raw else default
    except ValueError as exc:
        raise SystemExit(f"{name} must be a number, got {raw!r}") from exc


def build_app(gateway: Gateway | None = None) -> web.Application:
    """Return the aiohttp application serving the gateway's Socket.IO endpoint and health checks."""
    gw = gateway or Gateway(
        heartbeat=_env_float("WM_GATEWAY_HEARTBEAT_SECONDS", 10),
        presence_ttl=int(_env_float("WM_GATEWAY_PRESENCE_TTL", 30)),
        recheck=_env_float("WM_GATEWAY_RECHECK_SECONDS", 30),
    )
    app = web.Application()
    app["gateway"] = gw
    gw.sio.attach(app)

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "gateway": gw.id, "sockets": len(gw.sockets)})

    async def readyz(_request: web.Request) -> web.Response:
        try:
            ok = await gw.ready()
        except Exception as exc:  # any Redis failure means "not ready"
            log.warning("not ready", extra={"fields": {"error": str(exc)}})
            ok = False
        if not ok:
            return web.json_response(
                {"error": {"code": "not_ready", "message": "Not subscribed to Redis yet.", "fields": {}}}, status=503
            )
        return web.json_response({"status": "ready", "gateway": gw.id})

    async def on_startup(_app: web.Application) -> None:
        # Import-time objects never die: keep them out of every later collection, which scans per-socket state.
        gc.collect()
        gc.freeze()
        await gw.start()

    async def on_cleanup(_app: web.Application) -> None:
        await gw.stop()

    async def metrics_text(_request: web.Request) -> web.Response:
        # Per replica (Prometheus scrapes each pod); port 8090 is proxied only at /socket.io/, so this stays inside.
        return web.Response(text=gateway_metrics(gw), content_type="text/plain", charset="utf-8")

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_text)
    app.router.add_get("/readyz", readyz)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


def gateway_metrics(gw: Gateway) -> str:
    """Return this replica's sockets, users and rooms as Prometheus text."""
    rooms = gw.manager.rooms.get("/", {})
    # Every socket also sits in a room named after its own sid (which holds only itself): not a room of ours.
    named = sum(1 for room, members in rooms.items() if room is not None and room not in members)
    return "".join(
        [
            metrics.gauge(
                "workmonitor_gateway_sockets", "Authenticated sockets on this replica.", [({}, len(gw.sockets))]
            ),
            metrics.gauge("workmonitor_gateway_users", "Distinct users with a socket here.", [({}, len(gw.by_user))]),
            metrics.gauge("workmonitor_gateway_rooms", "Rooms with a socket on this replica.", [({}, named)]),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and serve until SIGINT/SIGTERM."""
    parser = argparse.ArgumentParser(description="WorkMonitor WebSocket gateway (Socket.IO)")
    parser.add_argument("--host", default=os.environ.get("WS_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("WS_PORT", "8090")))
    args = parser.parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_JsonFormatter())
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO").upper(), handlers=[handler])
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    log.info("gateway listening", extra={"fields": {"host": args.host, "port": args.port}})
    web.run_app(build_app(), host=args.host, port=args.port, print=None, access_log=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())

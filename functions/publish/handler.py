"""publish: push an event to sockets over HTTP (trusted callers, or a company admin), and read presence.

POST /events {room, event, payload} relays through python-socketio's Redis manager (the gateway delivers it).
Callers authenticate with header X-WM-Secret (the `publish-secret`; any room) or an admin access token (only
rooms of the admin's own company). A catalogued event (workmonitor.eventcatalog) must carry its declared
payload. GET /presence answers who is online and who has a running timer; GET /event-catalog is the JSON
Schema of every WebSocket event.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import routes

app = create_function("publish")
app.register_blueprint(routes.bp)

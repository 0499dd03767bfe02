"""WorkMonitor shared library: config, database with RLS, auth, storage, queues and the function factory.

Where code goes (one rule): a route is thin — parse input, call a domain function, shape the output — and lives
in its function (`functions/<name>/`, one blueprint per module). Domain logic lives here, in
`workmonitor/<domain>/`, as plain functions over a connection that never import Flask, with the domain's
request and response models in its `models.py`; other functions, workers and reports read from here, never
from another function's folder. Cross-cutting concerns (auth, errors, the transaction with RLS claims, logs,
CORS, health, the wire contract) live once in `web.create_function`.
"""

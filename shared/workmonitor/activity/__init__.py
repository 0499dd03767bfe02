"""Activity domain: sample ingest, ActivityWatch heartbeats, rollups, productivity rules and their recompute, reports.

Plain functions over a connection (`capture`, `heartbeats`, `rules`, `recompute`, `reports`, `productivity`) and
the shapes they take and give (`models`); the `activity` function's routes call them, and so do the RQ jobs.
"""

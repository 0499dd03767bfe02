"""RQ jobs: importable module-level functions that take ids or plain values and are safe to run twice."""

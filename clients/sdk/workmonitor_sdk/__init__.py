"""WorkMonitor Python SDK: a typed client for the API (`Client`) and the `workmonitor` command line."""

from __future__ import annotations

from .client import ApiError, AuthError, Client, Credentials, NetworkError, WorkMonitorError

__version__ = "0.1.0"
__all__ = ["ApiError", "AuthError", "Client", "Credentials", "NetworkError", "WorkMonitorError", "__version__"]

"""The WorkMonitor API client (`Client`) and the `workmonitor` command (`workmonitor_sdk.cli`)."""

from .client import ApiError, Client

__all__ = ["ApiError", "Client"]

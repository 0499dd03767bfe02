"""Where the agent keeps things, its tuning knobs, and the refresh token (OS keyring when available, else 0600 file)."""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass, fields
from pathlib import Path

log = logging.getLogger("workmonitor_agent")
SERVICE = "workmonitor-agent"


def _base(kind: str) -> Path:
    """Return the per-user config ("config") or data ("data") directory of this OS."""
    home = os.environ.get("WORKMONITOR_AGENT_HOME")
    if home:
        return Path(home) / kind
    if sys.platform == "win32":
        root = os.environ.get("APPDATA" if kind == "config" else "LOCALAPPDATA") or str(Path.home())
        return Path(root) / "WorkMonitor"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "WorkMonitor"
    xdg = os.environ.get("XDG_CONFIG_HOME" if kind == "config" else "XDG_DATA_HOME")
    return Path(xdg or Path.home() / (".config" if kind == "config" else ".local/share")) / SERVICE


def config_dir() -> Path:
    """Return the config directory (created, private)."""
    path = _base("config")
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def data_dir() -> Path:
    """Return the data directory holding the queue database, screenshots and the log (created, private)."""
    path = _base("data")
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` readable by the owner only (0600), replacing it atomically."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def load_config() -> dict:
    """Return config.json ({"server", "email", ...}) or {} before the first login."""
    path = config_dir() / "config.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def save_config(cfg: dict) -> None:
    """Store config.json (0600)."""
    write_private(config_dir() / "config.json", json.dumps(cfg, indent=2))


@dataclass
class Tuning:
    """Timing and size knobs; each can be overridden by WORKMONITOR_AGENT_<NAME> (tests use short ones)."""

    poll_seconds: float = 1.0
    sample_seconds: float = 60.0
    gap_seconds: float = 30.0  # a wall-clock jump this large between polls is sleep/suspend, not idle
    sync_seconds: float = 15.0  # consent, settings and timer state from the server
    upload_seconds: float = 10.0
    batch_size: int = 500
    backoff_base: float = 2.0
    backoff_cap: float = 300.0
    max_disk_mb: float = 500.0
    screenshot_seconds: float = 0.0  # 0: the company's interval
    idle_seconds: float = 0.0  # 0: the company's threshold
    notify: int = 1  # desktop notification per screenshot (notify-send) where available

    @classmethod
    def from_env(cls, env: dict | None = None) -> Tuning:
        """Return the defaults with WORKMONITOR_AGENT_* overrides applied."""
        env = os.environ if env is None else env
        out = cls()
        for f in fields(cls):
            raw = env.get(f"WORKMONITOR_AGENT_{f.name.upper()}")
            if raw:
                setattr(out, f.name, type(getattr(out, f.name))(float(raw)))
        return out


class TokenStore:
    """Keeps the refresh token: the OS keyring (keyring package) when usable, else a 0600 file."""

    def __init__(self, account: str):
        self.account = account
        self.path = config_dir() / "refresh_token"
        self._keyring = None if os.environ.get("WORKMONITOR_AGENT_KEYRING") == "0" else _usable_keyring()

    @property
    def backend(self) -> str:
        """Return a human description of where the token lives."""
        return f"OS keyring ({type(self._keyring).__name__})" if self._keyring else f"file {self.path} (0600)"

    def load(self) -> str | None:
        """Return the stored refresh token or None."""
        if self._keyring:
            try:
                return self._keyring.get_password(SERVICE, self.account)
            except Exception as exc:  # a locked or broken keyring must not stop capture
                log.warning("keyring read failed: %s", exc)
        return self.path.read_text(encoding="utf-8").strip() if self.path.exists() else None

    def save(self, token: str) -> None:
        """Store `token`, replacing the previous one."""
        if self._keyring:
            try:
                self._keyring.set_password(SERVICE, self.account, token)
                return
            except Exception as exc:
                log.warning("keyring write failed (%s); using %s", exc, self.path)
        write_private(self.path, token)

    def clear(self) -> None:
        """Forget the token everywhere."""
        if self._keyring:
            try:
                self._keyring.delete_password(SERVICE, self.account)
            except Exception:  # nothing stored there
                pass
        self.path.unlink(missing_ok=True)


def _usable_keyring():
    """Return a real keyring backend, or None when the package is missing or only has the fail/null backend."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    ring = keyring.get_keyring()
    if isinstance(ring, fail.Keyring) or type(ring).__module__.startswith("keyring.backends.null"):
        return None
    if getattr(ring, "priority", 1) <= 0:
        return None
    return ring

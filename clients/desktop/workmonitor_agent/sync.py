"""Background network work: upload the queue in batches, and follow consent, settings and the timer on the server.

Runs in its own thread with its own SQLite connection so a slow or dead server never stalls capture.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

from .api import ApiError, Client, LoggedOut, Offline, explain
from .config import Tuning
from .recorder import Backoff
from .store import Store

log = logging.getLogger("workmonitor_agent")
DEFAULT_SCREENSHOT_MINUTES = 10
DEFAULT_IDLE_MINUTES = 5
CONTENT_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


@dataclass
class Policy:
    """What the agent may do now, as last seen on the server (kept while offline)."""

    activity: bool = False
    screenshots: bool = False
    blur: bool = False
    screenshot_seconds: float = DEFAULT_SCREENSHOT_MINUTES * 60
    idle_seconds: float = DEFAULT_IDLE_MINUTES * 60
    timer_running: bool = False
    timer: dict | None = None
    agreement: str = "unknown"
    online: bool = False
    error: str = ""
    checked_at: float = 0.0
    extra: dict = field(default_factory=dict)


def policy_from(me: dict, media: dict | None, timer: dict | None, tuning: Tuning) -> Policy:
    """Return the policy for a /auth/me answer (consent counts only when accepted), media settings and timer."""
    agreement = me.get("agreement") or {}
    accepted = agreement.get("status") == "accepted"
    company = (me.get("company") or {}).get("settings") or {}
    shot_min = float(company.get("screenshot_interval_minutes") or DEFAULT_SCREENSHOT_MINUTES)
    idle_min = float(company.get("idle_threshold_minutes") or DEFAULT_IDLE_MINUTES)
    return Policy(
        activity=accepted and bool(agreement.get("activity")),
        screenshots=accepted and bool(agreement.get("screenshots")),
        blur=bool((media or {}).get("blur_screenshots") or company.get("blur_screenshots")),
        screenshot_seconds=tuning.screenshot_seconds or shot_min * 60,
        idle_seconds=tuning.idle_seconds or idle_min * 60,
        timer_running=timer is not None,
        timer=timer,
        agreement=agreement.get("status") or "none",
        online=True,
        checked_at=time.time(),
    )


class Syncer(threading.Thread):
    """Keeps `policy` fresh and drains the queue; exponential backoff with jitter while the server fails."""

    def __init__(self, db_path, server: str, tokens, tuning: Tuning, policy: Policy):
        super().__init__(name="sync", daemon=True)
        self.db_path, self.server, self.tokens, self.tuning = db_path, server, tokens, tuning
        self.policy = policy
        self.stop = threading.Event()
        self.wake = threading.Event()
        self.backoff = Backoff(tuning.backoff_base, tuning.backoff_cap)
        self.next_policy = 0.0

    def run(self) -> None:
        store = Store(self.db_path)
        client = Client(self.server, self.tokens, store)
        while not self.stop.is_set():
            delay = self.cycle(client, store)
            self.wake.wait(delay)
            self.wake.clear()
        try:  # last flush on a clean stop; whatever does not go stays queued
            self.upload(client, store)
        except Exception as exc:
            log.info("final upload skipped: %s", exc)
        store.close()

    def cycle(self, client: Client, store: Store) -> float:
        """Upload, then refresh the policy when due; return the seconds to wait before the next cycle."""
        try:
            # Data first: a batch sent just before a failure is re-sent and de-duplicated by the server.
            self.upload(client, store)
            if time.time() >= self.next_policy:
                self.refresh_policy(client, store)
        except (Offline, ApiError, LoggedOut) as exc:
            delay = self.backoff.fail()
            self._failed(store, exc, delay)
            return delay
        except Exception as exc:  # a bug must not kill the uploader; it retries later
            delay = self.backoff.fail()
            log.exception("sync failed")
            self._failed(store, exc, delay)
            return delay
        self.backoff.ok()
        self.policy.error = ""
        if store.get("last_error"):  # after a success an old failure is history, not the current state
            store.put("last_error", None)
        return self.tuning.upload_seconds

    def _failed(self, store: Store, exc: Exception, delay: float) -> None:
        self.policy.online = not isinstance(exc, Offline)
        self.policy.error = explain(exc)
        store.put("last_error", {"at": time.time(), "error": self.policy.error, "retry_in": round(delay, 1)})
        level = logging.WARNING if self.backoff.failures <= 3 or self.backoff.failures % 10 == 0 else logging.DEBUG
        log.log(level, "sync failed (%s: %s); retrying in %.1fs", type(exc).__name__, exc, delay)

    def refresh_policy(self, client: Client, store: Store) -> None:
        """Fetch consent, settings and the running timer; replace `policy` in place."""
        if store.get("pending_stop"):
            client.stop_timer()
            store.put("pending_stop", False)
        me = client.me()
        try:
            media = client.media_settings()
        except ApiError:
            media = None
        new = policy_from(me, media, client.timer(), self.tuning)
        old = self.policy
        if (new.screenshots, new.activity) != (old.screenshots, old.activity) and old.checked_at:
            log.info("consent changed: activity %s, screenshots %s", _onoff(new.activity), _onoff(new.screenshots))
        if new.timer_running != old.timer_running and old.checked_at:
            log.info("timer %s on the server", "started" if new.timer_running else "stopped")
        self.policy.__dict__.update(new.__dict__)
        store.put("policy", {k: v for k, v in new.__dict__.items() if k != "extra"})
        self.next_policy = time.time() + self.tuning.sync_seconds

    def upload(self, client: Client, store: Store) -> None:
        """Send queued samples in batches, then queued screenshots; raise on the first server failure."""
        device = store.device_id
        while batch := store.pending_samples(self.tuning.batch_size):
            try:
                out = client.post_samples(device, batch)
            except ApiError as exc:
                if not self._drop_refused(store, batch, exc):
                    raise
                continue
            store.ack_samples([s["seq"] for s in batch])
            store.bump("samples_sent", len(batch))
            store.put("last_upload", time.time())
            if out.get("duplicates"):
                log.info("server already had %d of %d samples (a retried batch)", out["duplicates"], len(batch))
        for shot in store.pending_shots(20):
            try:
                with open(shot["path"], "rb") as fh:
                    data = fh.read()
            except FileNotFoundError:
                store.drop_shot(shot["id"], "shots_dropped")
                continue
            ext = shot["path"].rsplit(".", 1)[-1]
            try:
                client.upload_screenshot(device, shot, data, CONTENT_TYPES.get(ext, "image/jpeg"))
            except ApiError as exc:
                if exc.status == 403:
                    self.next_policy = 0.0
                if exc.status in (403, 413, 415, 400, 422):
                    log.warning(
                        "screenshot of %s refused by the server (%s); deleted locally", shot["taken_at"], exc.code
                    )
                    store.drop_shot(shot["id"], "shots_dropped")
                    continue
                raise
            store.drop_shot(shot["id"], "shots_sent")
            store.put("last_upload", time.time())

    def _drop_refused(self, store: Store, batch: list[dict], exc: ApiError) -> bool:
        """Drop samples the server will never take (consent withdrawn, invalid), logging it; False to retry."""
        if exc.status == 403 and exc.code == "consent_required":
            log.warning("activity consent was withdrawn: deleting %d unsent samples", len(batch))
            self.next_policy = 0.0  # the server just told us the agreement changed
            bad = [s["seq"] for s in batch]
        elif exc.status == 400 and exc.fields:
            idx = {int(k.split(".")[1]) for k in exc.fields if k.startswith("samples.") and k.split(".")[1].isdigit()}
            bad = [batch[i]["seq"] for i in sorted(idx) if i < len(batch)]
            if not bad:
                return False
            log.error("server refused %d invalid samples (%s); dropping them", len(bad), exc.fields)
        else:
            return False
        store.ack_samples(bad)
        store.bump("samples_dropped", len(bad))
        return True


def _onoff(flag: bool) -> str:
    return "ON" if flag else "off"

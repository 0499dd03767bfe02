"""The calendar adapters behind one interface the sync uses: put an entry's event, delete it, read what changed.

- CalDAV: the event's href and UID come from the entry id (a retried PUT overwrites); changes via ctag + etags.
- Google Calendar v3: the event id is the entry id (hex, valid base32hex); insert, and on 409 update; changes via
  sync tokens (410 Gone: start over).
- Microsoft Graph: the server picks ids; a create carries transactionId = the entry id, which Graph de-duplicates
  on retry; changes via calendarView delta links.
Every failure is ProviderError.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import requests

from . import ics
from .base import ProviderError
from .caldav import CalDav

OWN_PREFIX = "wm-entry-"
TIMEOUT = 15


@dataclass
class Changes:
    """What changed remotely: events new or changed, ids removed, (CalDAV) every id in the window, the new state."""

    upserts: dict[str, tuple[str | None, ics.Event]]
    removed: set[str]
    present: set[str] | None
    state: str | None
    unchanged: bool = False


class Target(Protocol):
    def put_entry(self, entry: dict, href: str | None) -> tuple[str, str | None]: ...
    def delete(self, href: str) -> None: ...
    def changes(self, state: str | None, known: dict[str, str | None], start: datetime, end: datetime) -> Changes: ...


def title_of(entry: dict) -> str:
    """Return the event title of an entry: its project and description."""
    return (" · ".join(p for p in (entry.get("project_name"), entry.get("description")) if p) or "Tracked time")[:300]


class CalDavTarget:
    """A CalDAV collection as a sync target."""

    def __init__(self, cal: CalDav, tz: ZoneInfo):
        self.cal, self.tz = cal, tz

    def put_entry(self, entry: dict, href: str | None) -> tuple[str, str | None]:
        name = f"{OWN_PREFIX}{entry['id']}"
        text = ics.event(f"{name}@workmonitor", entry["started_at"], entry["ended_at"], title_of(entry),
                         "Time entry from WorkMonitor", stamp=entry["updated_at"])  # fmt: skip
        target = self.cal.href(name + ".ics")
        return target, self.cal.put(target, text)

    def delete(self, href: str) -> None:
        self.cal.delete(href)

    def changes(self, state: str | None, known: dict[str, str | None], start: datetime, end: datetime) -> Changes:
        ctag = self.cal.ctag()
        if ctag is not None and ctag == state:
            return Changes({}, set(), None, state, unchanged=True)
        remote = {
            h: e for h, e in self.cal.etags(start, end).items() if not h.rsplit("/", 1)[-1].startswith(OWN_PREFIX)
        }
        changed = [h for h, e in remote.items() if known.get(h) != e]
        upserts = {}
        for href, (etag, text) in (self.cal.multiget(changed) if changed else {}).items():
            found = ics.events(text, self.tz)
            if found:
                upserts[href] = (etag or remote.get(href), found[0])
        return Changes(upserts, set(), set(remote), ctag)


class _Json:
    """A JSON API reached with a bearer token."""

    def __init__(self, base: str, token: str):
        self.base = base
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {token}"

    def call(self, method: str, url: str, ok: tuple[int, ...], **kw: Any) -> requests.Response:
        try:
            resp = self.http.request(method, url if url.startswith("http") else self.base + url, timeout=TIMEOUT, **kw)
        except requests.RequestException as exc:
            raise ProviderError(f"Calendar API unreachable: {type(exc).__name__}") from exc
        if resp.status_code not in ok:
            if resp.status_code in (401, 403):
                raise ProviderError("The calendar refused access; connect it again.")
            raise ProviderError(f"The calendar API answered {resp.status_code} to {method}.")
        return resp


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(value: str | None, tz: str | None = None) -> datetime | None:
    if not value:
        return None
    text = value.replace("Z", "+00:00")
    if "." in text:  # Graph sends 7 fractional digits
        head, _, frac = text.partition(".")
        digits = "".join(c for c in frac if c.isdigit())
        rest = frac[len(digits) :]
        text = f"{head}.{digits[:6]}{rest}"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(tz) if tz and tz != "UTC" else UTC)
    return parsed.astimezone(UTC)


class GoogleTarget:
    """The user's primary Google calendar."""

    def __init__(self, api_url: str, token: str):
        self.api = _Json(api_url, token)
        self.events = "/calendars/primary/events"

    def put_entry(self, entry: dict, href: str | None) -> tuple[str, str | None]:
        event_id = str(entry["id"]).replace("-", "")
        body = {
            "id": event_id,
            "summary": title_of(entry),
            "description": "Time entry from WorkMonitor",
            "start": {"dateTime": _iso(entry["started_at"])},
            "end": {"dateTime": _iso(entry["ended_at"])},
            "extendedProperties": {"private": {"workmonitor": "entry"}},
        }
        if href is None:
            resp = self.api.call("POST", self.events, (200, 409), json=body)
            if resp.status_code == 200:
                return event_id, resp.json().get("etag")
        resp = self.api.call("PUT", f"{self.events}/{event_id}", (200,), json=body)  # created before: a retry
        return event_id, resp.json().get("etag")

    def delete(self, href: str) -> None:
        self.api.call("DELETE", f"{self.events}/{href}", (200, 204, 404, 410))

    def changes(self, state: str | None, known: dict[str, str | None], start: datetime, end: datetime) -> Changes:
        params: dict[str, str] = {"syncToken": state} if state else {
            "timeMin": _iso(start), "timeMax": _iso(end), "singleEvents": "true"}  # fmt: skip
        out = Changes({}, set(), None, None)
        while True:
            resp = self.api.call("GET", self.events, (200, 410), params=params)
            if resp.status_code == 410:  # the sync token expired: read the window afresh
                return self.changes(None, known, start, end)
            data = resp.json()
            for item in data.get("items", []):
                self._take(out, item, known)
            if data.get("nextPageToken"):
                params = {**params, "pageToken": data["nextPageToken"]}
                continue
            out.state = data.get("nextSyncToken")
            return out

    def _take(self, out: Changes, item: dict, known: dict[str, str | None]) -> None:
        if (item.get("extendedProperties") or {}).get("private", {}).get("workmonitor"):
            return  # one of ours
        if item.get("status") == "cancelled":
            out.removed.add(item["id"])
            return
        begin, finish = _parse(item.get("start", {}).get("dateTime")), _parse(item.get("end", {}).get("dateTime"))
        if begin and finish and finish > begin and known.get(item["id"]) != item.get("etag"):
            ev = ics.Event(
                item.get("iCalUID") or item["id"], begin, finish, (item.get("summary") or "(no title)")[:500]
            )
            out.upserts[item["id"]] = (item.get("etag"), ev)


class GraphTarget:
    """The user's default Outlook calendar through Microsoft Graph."""

    def __init__(self, api_url: str, token: str):
        self.api = _Json(api_url, token)
        self.api.http.headers["Prefer"] = 'outlook.timezone="UTC"'

    def put_entry(self, entry: dict, href: str | None) -> tuple[str, str | None]:
        body = {
            "subject": title_of(entry),
            "body": {"contentType": "text", "content": "Time entry from WorkMonitor"},
            "start": {"dateTime": _iso(entry["started_at"])[:-1], "timeZone": "UTC"},
            "end": {"dateTime": _iso(entry["ended_at"])[:-1], "timeZone": "UTC"},
        }
        if href is not None:
            resp = self.api.call("PATCH", f"/me/events/{href}", (200, 404), json=body)
            if resp.status_code == 200:
                return href, resp.json().get("@odata.etag")
        # Graph returns the event made by an earlier attempt with the same transactionId instead of a second one.
        resp = self.api.call(
            "POST", "/me/events", (200, 201), json={**body, "transactionId": f"{OWN_PREFIX}{entry['id']}"}
        )
        data = resp.json()
        return data["id"], data.get("@odata.etag")

    def delete(self, href: str) -> None:
        self.api.call("DELETE", f"/me/events/{href}", (204, 404))

    def changes(self, state: str | None, known: dict[str, str | None], start: datetime, end: datetime) -> Changes:
        url = state or f"/me/calendarView/delta?startDateTime={_iso(start)}&endDateTime={_iso(end)}"
        out = Changes({}, set(), None, None)
        while True:
            resp = self.api.call("GET", url, (200, 410))
            if resp.status_code == 410:  # the delta link expired: read the window afresh
                return self.changes(None, known, start, end)
            data = resp.json()
            for item in data.get("value", []):
                self._take(out, item, known)
            if data.get("@odata.nextLink"):
                url = data["@odata.nextLink"]
                continue
            out.state = data.get("@odata.deltaLink")
            return out

    def _take(self, out: Changes, item: dict, known: dict[str, str | None]) -> None:
        if "@removed" in item:
            out.removed.add(item["id"])
            return
        if (
            str(item.get("transactionId") or "").startswith(OWN_PREFIX)
            or item["id"] in known
            and known[item["id"]] == "own"
        ):
            return
        begin = _parse(item.get("start", {}).get("dateTime"), item.get("start", {}).get("timeZone"))
        finish = _parse(item.get("end", {}).get("dateTime"), item.get("end", {}).get("timeZone"))
        if begin and finish and finish > begin and not item.get("isAllDay"):
            etag = item.get("@odata.etag")
            if known.get(item["id"]) != etag:
                ev = ics.Event(
                    item.get("iCalUId") or item["id"], begin, finish, (item.get("subject") or "(no title)")[:500]
                )
                out.upserts[item["id"]] = (etag, ev)


def window(now: datetime, past_days: int, ahead_days: int) -> tuple[datetime, datetime]:
    """Return the span of calendar events offered as entries."""
    return now - timedelta(days=past_days), now + timedelta(days=ahead_days)

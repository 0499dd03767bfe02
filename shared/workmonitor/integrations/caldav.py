"""CalDAV (RFC 4791) client: the calendar collection's ctag, event etags in a time range, multiget, PUT, DELETE.

One adapter for any CalDAV server (Nextcloud, Radicale, Fastmail, iCloud): a calendar collection URL and
basic-auth credentials. Every failure (network, HTTP status, unreadable XML) becomes ProviderError, so the sync
records it on the connection and time tracking never notices.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote, unquote, urljoin, urlsplit

import requests

from .base import ProviderError

NS = {"d": "DAV:", "c": "urn:ietf:params:xml:ns:caldav", "cs": "http://calendarserver.org/ns/"}
TIMEOUT = 15
MULTIGET_BATCH = 100
__all__ = ["CalDav", "ProviderError"]


@dataclass
class CalDav:
    """A CalDAV calendar collection at `url` (ending in '/'), reached with basic auth."""

    url: str
    username: str
    password: str

    def __post_init__(self) -> None:
        self.url = self.url if self.url.endswith("/") else self.url + "/"
        self.session = requests.Session()
        self.session.auth = (self.username, self.password)

    def _request(self, method: str, url: str, ok: tuple[int, ...], body: str | None = None, **headers: str):
        try:
            resp = self.session.request(
                method, url, data=body.encode() if body is not None else None, headers=headers, timeout=TIMEOUT
            )
        except requests.RequestException as exc:
            raise ProviderError(f"Calendar server unreachable: {type(exc).__name__}") from exc
        if resp.status_code not in ok:
            if resp.status_code in (401, 403):
                raise ProviderError("The calendar server refused the credentials.")
            raise ProviderError(f"The calendar server answered {resp.status_code} to {method}.")
        return resp

    def _xml(self, resp: requests.Response) -> ET.Element:
        try:
            return ET.fromstring(resp.content)
        except ET.ParseError as exc:
            raise ProviderError("The calendar server sent unreadable XML.") from exc

    def href(self, name: str) -> str:
        """Return the server path of resource `name` in this calendar."""
        return urlsplit(urljoin(self.url, name)).path

    def _absolute(self, href: str) -> str:
        return urljoin(self.url, quote(href, safe="/@:"))

    def ctag(self) -> str | None:
        """Return the collection's change tag (getctag, else sync-token); raise ProviderError."""
        body = (
            '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/">'
            "<d:prop><cs:getctag/><d:sync-token/><d:resourcetype/></d:prop></d:propfind>"
        )
        root = self._xml(self._request("PROPFIND", self.url, (207,), body, Depth="0", **_XML))
        for tag in ("cs:getctag", "d:sync-token"):
            found = root.find(f".//{_q(tag)}")
            if found is not None and found.text:
                return found.text.strip()
        return None

    def etags(self, start: datetime, end: datetime) -> dict[str, str]:
        """Return {href: etag} of the events overlapping [start, end); raise ProviderError."""
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
            '<d:prop><d:getetag/></d:prop><c:filter><c:comp-filter name="VCALENDAR">'
            f'<c:comp-filter name="VEVENT"><c:time-range start="{_utc(start)}" end="{_utc(end)}"/>'
            "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>"
        )
        root = self._xml(self._request("REPORT", self.url, (207,), body, Depth="1", **_XML))
        return {href: etag for href, etag, _ in _responses(root) if etag is not None}

    def multiget(self, hrefs: list[str]) -> dict[str, tuple[str | None, str]]:
        """Return {href: (etag, iCalendar text)} of `hrefs`; raise ProviderError."""
        out: dict[str, tuple[str | None, str]] = {}
        for i in range(0, len(hrefs), MULTIGET_BATCH):
            items = "".join(f"<d:href>{_esc(quote(h, safe='/@:'))}</d:href>" for h in hrefs[i : i + MULTIGET_BATCH])
            body = (
                '<?xml version="1.0" encoding="utf-8"?>'
                '<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
                f"<d:prop><d:getetag/><c:calendar-data/></d:prop>{items}</c:calendar-multiget>"
            )
            root = self._xml(self._request("REPORT", self.url, (207,), body, Depth="1", **_XML))
            for href, etag, data in _responses(root):
                if data is not None:
                    out[href] = (etag, data)
        return out

    def put(self, href: str, ics: str) -> str | None:
        """Create or replace the event at `href` (an unconditional PUT: a retry overwrites); return its etag."""
        resp = self._request(
            "PUT", self._absolute(href), (200, 201, 204), ics, **{"Content-Type": "text/calendar; charset=utf-8"}
        )
        return resp.headers.get("ETag")

    def delete(self, href: str) -> None:
        """Delete the event at `href` (already gone is fine); raise ProviderError."""
        self._request("DELETE", self._absolute(href), (200, 204, 404))

    def check(self) -> None:
        """Raise ProviderError unless the URL is a calendar the credentials can read."""
        self.ctag()


_XML = {"Content-Type": "application/xml; charset=utf-8"}


def _q(tag: str) -> str:
    prefix, _, local = tag.partition(":")
    return f"{{{NS[prefix]}}}{local}"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _responses(root: ET.Element) -> list[tuple[str, str | None, str | None]]:
    """Return (href, etag, calendar-data) of each successful resource in a multistatus (the collection excluded)."""
    out = []
    for resp in root.findall(_q("d:response")):
        href_el = resp.find(_q("d:href"))
        if href_el is None or not href_el.text or href_el.text.endswith("/"):
            continue
        etag = data = None
        for stat in resp.findall(_q("d:propstat")):
            status = stat.findtext(_q("d:status")) or ""
            if " 200 " not in status:
                continue
            etag = stat.findtext(f"{_q('d:prop')}/{_q('d:getetag')}") or etag
            data = stat.findtext(f"{_q('d:prop')}/{_q('c:calendar-data')}") or data
        out.append((unquote(urlsplit(href_el.text.strip()).path), etag, data))
    return out

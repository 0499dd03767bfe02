"""iCalendar (RFC 5545), the little of it calendar sync needs: write one VEVENT, read the VEVENTs of a resource.

Reading is lenient (unfolds lines, unescapes text, understands UTC, TZID and floating times); what it cannot place
on the time line (all-day events, unknown zones) it skips, because a suggested time entry needs an interval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PRODID = "-//WorkMonitor//Calendar sync//EN"


@dataclass(frozen=True)
class Event:
    """One timed calendar event."""

    uid: str
    start: datetime
    end: datetime
    summary: str


def escape(text: str) -> str:
    """Return `text` escaped for a TEXT property value."""
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def unescape(text: str) -> str:
    """Return the TEXT property value `text` unescaped."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def fold(line: str) -> str:
    """Return `line` folded at 75 octets (continuation lines start with a space)."""
    raw = line.encode()
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    start = 0
    while start < len(raw):
        end = min(start + (75 if not parts else 74), len(raw))
        while end < len(raw) and (raw[end] & 0xC0) == 0x80:  # never split a UTF-8 sequence
            end -= 1
        parts.append(raw[start:end].decode())
        start = end
    return "\r\n ".join(parts)


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event(
    uid: str, start: datetime, end: datetime, summary: str, description: str = "", stamp: datetime | None = None
) -> str:
    """Return a VCALENDAR holding one VEVENT (times in UTC)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_utc(stamp or datetime.now(UTC))}",
        f"DTSTART:{_utc(start)}",
        f"DTEND:{_utc(end)}",
        f"SUMMARY:{escape(summary)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    lines += ["TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"


def unfold(text: str) -> list[str]:
    """Return the content lines of `text` with folded continuations joined."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        elif raw:
            lines.append(raw)
    return lines


def _split(line: str) -> tuple[str, dict[str, str], str]:
    """Return (NAME, {PARAM: value}, value) of one content line."""
    head, _, value = line.partition(":")
    name, *params = head.split(";")
    found = {}
    for p in params:
        k, _, v = p.partition("=")
        found[k.upper()] = v.strip('"')
    return name.upper(), found, value


def _when(params: dict[str, str], value: str, default_tz: tzinfo) -> datetime | None:
    """Return the instant of a DTSTART/DTEND value, or None for a date (all day) or an unknown zone."""
    if params.get("VALUE", "").upper() == "DATE" or "T" not in value:
        return None
    try:
        naive = datetime.strptime(value.rstrip("Zz")[:15], "%Y%m%dT%H%M%S")
    except ValueError:
        return None
    if value.upper().endswith("Z"):
        return naive.replace(tzinfo=UTC)
    zone: tzinfo = default_tz
    if "TZID" in params:
        try:
            zone = ZoneInfo(params["TZID"].lstrip("/"))
        except (ZoneInfoNotFoundError, ValueError):
            return None
    return naive.replace(tzinfo=zone).astimezone(UTC)


def events(text: str, default_tz: tzinfo = UTC) -> list[Event]:
    """Return the timed VEVENTs of iCalendar `text` (overrides of a recurring event, RECURRENCE-ID, are skipped)."""
    found: list[Event] = []
    props: dict[str, tuple[dict[str, str], str]] | None = None
    depth = 0  # inside a VEVENT, nested components (VALARM) do not overwrite its properties
    for line in unfold(text):
        name, params, value = _split(line)
        if name == "BEGIN" and value.upper() == "VEVENT":
            props, depth = {}, 0
        elif name == "BEGIN" and props is not None:
            depth += 1
        elif name == "END" and props is not None and depth:
            depth -= 1
        elif name == "END" and value.upper() == "VEVENT" and props is not None:
            made = _event(props, default_tz)
            if made is not None:
                found.append(made)
            props = None
        elif props is not None and not depth:
            props.setdefault(name, (params, value))
    return found


def _event(props: dict[str, tuple[dict[str, str], str]], default_tz: tzinfo) -> Event | None:
    if "UID" not in props or "DTSTART" not in props or "RECURRENCE-ID" in props:
        return None
    start = _when(*props["DTSTART"], default_tz)
    end = _when(*props["DTEND"], default_tz) if "DTEND" in props else None
    if start is None:
        return None
    if end is None and "DURATION" in props:
        end = start + _duration(props["DURATION"][1])
    if end is None or end <= start:
        return None
    summary = unescape(props.get("SUMMARY", ({}, ""))[1]).strip() or "(no title)"
    return Event(props["UID"][1].strip(), start, end, summary[:500])


def _duration(value: str) -> timedelta:
    """Return a timedelta of an RFC 5545 DURATION (PnW / PnDTnHnMnS); zero when unreadable."""
    m = re.fullmatch(r"([+-]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", value.strip())
    if not m:
        return timedelta(0)
    sign = -1 if m.group(1) == "-" else 1
    w, d, h, mi, s = (int(g or 0) for g in m.groups()[1:])
    return sign * timedelta(weeks=w, days=d, hours=h, minutes=mi, seconds=s)

"""Report exports (no Flask): CSV, XLSX (xlsxwriter) and PDF (reportlab, with the chart).

What must stay true:
- XLSX cells are typed: hours and seconds are numbers, dates are dates, start/end are date-times (in the report's
  time zone, without offset, as spreadsheets keep them), and the sheet ends with a totals row; columns are sized.
- CSV is RFC 4180 with a header row; a cell starting with = + - @ is prefixed with ' so a spreadsheet never runs it.
- Writers take an iterator of records and call `progress(done)` every PROGRESS_EVERY rows, so a job can report
  percent done without holding more than one sheet's worth of data.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from .builder import MEASURES, Record, Spec

PROGRESS_EVERY = 500
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
Progress = Callable[[int], None]


def columns(spec: Spec) -> list[str]:
    """Return the detail columns of a source's export."""
    if spec.source == "time":
        return ["Date", "Start", "End", "Person", "Client", "Project", "Task", "Description", "Billable", "Hours"]
    if spec.source == "attendance":
        return ["Date", "Start", "End", "Person", "Hours"]
    return ["Date", "Person", "Active hours", "Productive hours", "Unproductive hours"]


def _row(rec: Record, spec: Spec, zone: ZoneInfo) -> list:
    """Return one record's cells as Python values (datetimes local and naive, hours as floats)."""
    local = rec.started_at.astimezone(zone)
    hours = round(rec.measures["seconds"] / 3600, 4)
    person = rec.dims["person"][1]
    if spec.source == "activity":
        return [
            local.date(),
            person,
            hours,
            round(rec.measures["productive_seconds"] / 3600, 4),
            round(rec.measures["unproductive_seconds"] / 3600, 4),
        ]
    end = rec.detail["ended_at"].astimezone(zone).replace(tzinfo=None)
    base = [local.date(), local.replace(tzinfo=None), end, person]
    if spec.source == "attendance":
        return [*base, hours]
    d = rec.detail
    return [*base, d["client_name"], d["project_name"], d["task_name"], d["description"], bool(d["billable"]), hours]


def _safe(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(_safe(value))


def to_csv(recs: Iterable[Record], spec: Spec, progress: Progress | None = None) -> bytes:
    """Return the records as CSV (UTF-8 with BOM, so spreadsheets pick the encoding) with a totals line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    cols = columns(spec)
    writer.writerow(cols)
    zone = ZoneInfo(spec.timezone)
    total, n = 0, 0
    for n, rec in enumerate(recs, 1):
        writer.writerow([_text(v) for v in _row(rec, spec, zone)])
        total += rec.measures["seconds"]
        if progress and n % PROGRESS_EVERY == 0:
            progress(n)
    writer.writerow(["Total", *[""] * (len(cols) - 2), f"{total / 3600:.4f}".rstrip("0").rstrip(".") or "0"])
    if progress:
        progress(n)
    return ("\ufeff" + out.getvalue()).encode()


def to_xlsx(recs: Iterable[Record], spec: Spec, report: dict | None = None, progress: Progress | None = None) -> bytes:
    """Return the records as an XLSX workbook: an Entries sheet (typed cells, totals row, sized columns) and, given
    the grouped `report`, a Summary sheet."""
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "constant_memory": True, "remove_timezone": True})
    bold = book.add_format({"bold": True})
    fmt = {
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        "hours": book.add_format({"num_format": "0.00"}),
        "total": book.add_format({"bold": True, "num_format": "0.00", "top": 1}),
    }
    if report is not None:  # constant_memory writes rows in order, sheet by sheet: the small sheet first
        _summary_sheet(book, report, spec, bold, fmt)
    sheet = book.add_worksheet("Entries")
    cols = columns(spec)
    widths = [len(c) + 2 for c in cols]
    sheet.write_row(0, 0, cols, bold)
    sheet.freeze_panes(1, 0)
    zone = ZoneInfo(spec.timezone)
    hour_cols = [i for i, c in enumerate(cols) if "ours" in c]
    sums = dict.fromkeys(hour_cols, 0.0)
    n = 0
    for n, rec in enumerate(recs, 1):
        for col, value in enumerate(_row(rec, spec, zone)):
            _cell(sheet, n, col, value, fmt, widths)
            if col in sums:
                sums[col] += value
        if progress and n % PROGRESS_EVERY == 0:
            progress(n)
    sheet.write(n + 1, 0, "Total", bold)
    for col, value in sums.items():
        sheet.write_number(n + 1, col, round(value, 4), fmt["total"])
    for col, width in enumerate(widths):
        sheet.set_column(col, col, min(width, 60))
    book.close()
    if progress:
        progress(n)
    return buf.getvalue()


def _cell(sheet, row: int, col: int, value: object, fmt: dict, widths: list[int]) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
        return
    if isinstance(value, datetime):
        sheet.write_datetime(row, col, value, fmt["datetime"])
        widths[col] = max(widths[col], 18)
    elif hasattr(value, "isoformat"):  # a date
        sheet.write_datetime(row, col, datetime(value.year, value.month, value.day), fmt["date"])  # type: ignore[attr-defined]
        widths[col] = max(widths[col], 12)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value, fmt["hours"])
    else:
        text = str(value)
        sheet.write_string(row, col, text)
        widths[col] = max(widths[col], min(len(text) + 2, 60))


def _summary_sheet(book, report: dict, spec: Spec, bold, fmt: dict) -> None:
    sheet = book.add_worksheet("Summary")
    measures = MEASURES[spec.source]
    head = [spec.group_by[0].capitalize(), "Count", *[_measure_title(m) for m in measures]]
    sheet.write_row(0, 0, head, bold)
    width = len(head[0]) + 2
    row = 0
    for row, g in enumerate(report["groups"], 1):
        sheet.write_string(row, 0, str(g["label"]))
        width = max(width, min(len(str(g["label"])) + 2, 60))
        sheet.write_number(row, 1, g["totals"]["count"])
        for i, m in enumerate(measures):
            sheet.write_number(row, 2 + i, round(g["totals"][m] / 3600, 4), fmt["hours"])
    sheet.write(row + 1, 0, "Total", bold)
    sheet.write_number(row + 1, 1, report["totals"]["count"], bold)
    for i, m in enumerate(measures):
        sheet.write_number(row + 1, 2 + i, round(report["totals"][m] / 3600, 4), fmt["total"])
    sheet.set_column(0, 0, width)
    sheet.set_column(1, len(head) - 1, 16)


def to_pdf(report: dict, spec: Spec, title: str) -> bytes:
    """Return the grouped `report` as a PDF: a heading, a bar chart of the groups and the totals table."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, title=title, leftMargin=18 * mm, rightMargin=18 * mm)
    styles = getSampleStyleSheet()
    measures = MEASURES[spec.source]
    story: list = [
        Paragraph(_xml(title), styles["Title"]),
        Paragraph(
            _xml(
                f"{spec.first.isoformat()} – {spec.last.isoformat()} · {spec.timezone} · grouped by "
                f"{', '.join(spec.group_by)}"
            ),
            styles["Normal"],
        ),
        Spacer(1, 6 * mm),
    ]
    groups = report["groups"][:30]
    if groups:
        drawing = Drawing(170 * mm, 75 * mm)
        bars = VerticalBarChart()
        bars.x, bars.y, bars.width, bars.height = 12 * mm, 18 * mm, 150 * mm, 50 * mm
        bars.data = [[round(g["totals"]["seconds"] / 3600, 2) for g in groups]]
        bars.categoryAxis.categoryNames = [str(g["label"])[:14] for g in groups]
        bars.categoryAxis.labels.angle = 30 if len(groups) > 6 else 0
        bars.categoryAxis.labels.boxAnchor = "ne" if len(groups) > 6 else "n"
        bars.categoryAxis.labels.fontSize = 7
        bars.valueAxis.valueMin = 0
        bars.bars[0].fillColor = colors.HexColor("#4f46e5")
        drawing.add(bars)
        drawing.add(String(0, 72 * mm, "Hours", fontSize=8))
        story += [drawing, Spacer(1, 4 * mm)]
    head = [spec.group_by[0].capitalize(), "Entries", *[_measure_title(m) for m in measures]]
    rows = [head]
    for g in report["groups"]:
        rows.append([str(g["label"])[:60], g["totals"]["count"], *[_hours(g["totals"][m]) for m in measures]])
    rows.append(["Total", report["totals"]["count"], *[_hours(report["totals"][m]) for m in measures]])
    table = Table(rows, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.grey),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.HexColor("#f3f4f6")]),
            ]
        )
    )
    story.append(table)
    doc.build(story)
    return buf.getvalue()


def _measure_title(measure: str) -> str:
    return measure.replace("_seconds", " hours").replace("seconds", "Hours").capitalize()


def _hours(seconds: int) -> str:
    return f"{seconds / 3600:.2f}"


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
